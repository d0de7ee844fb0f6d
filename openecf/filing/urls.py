"""The filing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.filing.views import flow, start
from openecf.filing.views_pdf import urlpatterns as pdf_pages

urlpatterns: list[URLPattern] = [
    path("filing/search/", start.search, name="filing_search"),
    path("filing/<slug:menu>/<slug:category>/", start.category, name="filing_category"),
    path("filing/t/<str:key>/<slug:step>/", flow.step, name="filing_step"),
    # Utilities -> Check PDF Document and the Court Information page (views_pdf.py), kept apart from the flow's.
    *pdf_pages,
]
