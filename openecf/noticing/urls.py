"""Noticing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.noticing import views

urlpatterns: list[URLPattern] = [
    # No trailing slash: the address real NEFs link (doc1/{document id}?caseid=...).
    path("doc1/<str:doc_id>", views.free_look, name="free_look"),
    path("utilities/email-information/", views.email_information, name="email_information"),
]
