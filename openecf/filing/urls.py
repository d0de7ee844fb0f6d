"""The filing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.filing.views import flow, start

urlpatterns: list[URLPattern] = [
    path("filing/search/", start.search, name="filing_search"),
    path("filing/<slug:menu>/<slug:category>/", start.category, name="filing_category"),
    path("filing/t/<str:key>/<slug:step>/", flow.step, name="filing_step"),
]
