from django.urls import path

from openecf.signon import api, views, views_login, views_login_steps

app_name = "signon"

urlpatterns = [
    path("", views.index, name="index"),
    path("courts/<str:court_id>/", views.court_page, name="court"),
    path("login/", views_login.login_view, name="login"),
    path("login/code/", views_login_steps.login_code, name="login_code"),
    path("login/mfa-required/", views_login_steps.login_mfa_required, name="login_mfa_required"),
    path("login/redaction/", views_login_steps.login_redaction, name="login_redaction"),
    path("login/continue/", views_login_steps.login_continue, name="login_continue"),
    path("login/cancel/", views_login_steps.login_cancel, name="login_cancel"),
    path("logout/", views.logout_view, name="logout"),
    path("help/<slug:topic>/", views.help_page, name="help"),
    path("services/cso-auth", api.cso_auth, name="cso_auth"),
    path("services/cso-logout", api.cso_logout, name="cso_logout"),
    path("services/openapi.json", api.openapi, name="openapi"),
]
