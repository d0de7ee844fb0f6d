"""The PACER Case Locator: its search page and its JSON API (at the base path pacersdk 0.1.1 calls)."""

from django.urls import URLPattern, path

from openecf.locator import api, batch_api, views

app_name = "locator"

API = "pcl-public-api/rest"


def _batch(kind: str) -> list[URLPattern]:
    """Batch searches, alike for cases and parties (batch_api's docstring)."""
    given = {"kind": kind}
    return [
        path(f"{API}/{kind}/download", batch_api.submit, given, name=f"api_{kind}_download"),
        path(f"{API}/{kind}/download/status/<str:report_id>", batch_api.status, given, name=f"api_{kind}_status"),
        path(f"{API}/{kind}/download/<str:report_id>", batch_api.download, given, name=f"api_{kind}_report"),
        path(f"{API}/{kind}/reports", batch_api.reports, given, name=f"api_{kind}_reports"),
        path(f"{API}/{kind}/reports/<str:report_id>", batch_api.delete, given, name=f"api_{kind}_delete"),
    ]


urlpatterns = [
    path("pcl/", views.search_page, name="search"),
    path(f"{API}/cases/find", api.cases_find, name="api_cases_find"),
    path(f"{API}/parties/find", api.parties_find, name="api_parties_find"),
    *_batch("cases"),
    *_batch("parties"),
]
