"""The account pages under /account/, in the ``accounts`` namespace: Manage My Account and the upgrade (here), and
registration and recovery (openecf/accounts/urls.py, which need no sign-in and sit in a lower layer)."""

from django.urls import path

from openecf.accounts.urls import urlpatterns as registration_and_recovery
from openecf.myaccount import views_manage, views_upgrade

app_name = "accounts"

urlpatterns = [
    path("", views_manage.manage, name="manage"),
    path("contact/", views_manage.contact, name="contact"),
    path("email/", views_manage.email, name="email"),
    path("email/confirm/<str:secret>/", views_manage.confirm_email, name="confirm_email"),
    path("password/", views_manage.password, name="password"),
    path("client-code/", views_manage.client_code, name="client_code"),
    path("upgrade/", views_upgrade.start, name="upgrade"),
    path("upgrade/person/", views_upgrade.person, name="upgrade_person"),
    path("upgrade/address/", views_upgrade.address, name="upgrade_address"),
    path("upgrade/county/", views_upgrade.county, name="upgrade_county"),
    path("upgrade/security/", views_upgrade.security, name="upgrade_security"),
    path("upgrade/done/", views_upgrade.done, name="upgrade_done"),
    *registration_and_recovery,
]
