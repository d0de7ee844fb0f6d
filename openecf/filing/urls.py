"""The filing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []

# Utilities -> Check PDF Document and the Court Information page (views_pdf.py), kept apart from the flow's.
from openecf.filing.views_pdf import urlpatterns as pdf_pages  # noqa: E402

urlpatterns += pdf_pages
