"""Noticing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.noticing import views

urlpatterns: list[URLPattern] = [
    path("utilities/email-information/", views.email_information, name="email_information"),
]
