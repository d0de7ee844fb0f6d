"""The PACER Case Locator: its search page and its JSON API (at the base path pacersdk 0.1.1 calls)."""

from django.urls import path

from openecf.locator import api, views

app_name = "locator"

urlpatterns = [
    path("pcl/", views.search_page, name="search"),
    path("pcl-public-api/rest/cases/find", api.cases_find, name="api_cases_find"),
    path("pcl-public-api/rest/parties/find", api.parties_find, name="api_parties_find"),
]
