from django.urls import path

from openecf.mfa import views

app_name = "mfa"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("add/", views.add, name="add"),
    path("<int:app_id>/remove/", views.remove, name="remove"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
