"""The filing pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
