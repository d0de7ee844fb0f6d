from django.urls import path

from openecf.efile import views

app_name = "efile"

urlpatterns = [
    path("", views.request_registration, name="request"),
]
