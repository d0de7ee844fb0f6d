"""Login and Security (/account/mfa/, the ``mfa`` namespace): the account's authenticator apps and backup codes."""

from django.urls import path

from openecf.myaccount import views_mfa

app_name = "mfa"

urlpatterns = [
    path("", views_mfa.overview, name="overview"),
    path("add/", views_mfa.add, name="add"),
    path("<int:app_id>/remove/", views_mfa.remove, name="remove"),
    path("backup-codes/", views_mfa.backup_codes, name="backup_codes"),
]
