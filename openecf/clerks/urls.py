from django.urls import path

from openecf.clerks.views import account_views, correction_views, court_views, efile_views, fee_views, signin_views

app_name = "clerks"

urlpatterns = [
    path("", signin_views.home, name="home"),
    path("login/", signin_views.login, name="login"),
    path("login/code/", signin_views.login_code, name="login_code"),
    path("logout/", signin_views.logout, name="logout"),
    path("<str:court_id>/", court_views.dashboard, name="dashboard"),
    path("<str:court_id>/accounts/", account_views.search, name="accounts"),
    path("<str:court_id>/accounts/new/", account_views.create, name="account_new"),
    path("<str:court_id>/accounts/<int:pk>/", account_views.detail, name="account"),
    path("<str:court_id>/accounts/<int:pk>/status/", account_views.set_status, name="account_status"),
    path("<str:court_id>/accounts/<int:pk>/reset/", account_views.reset_password, name="account_reset"),
    path("<str:court_id>/accounts/<int:pk>/login/", account_views.disclose_login, name="account_login"),
    path("<str:court_id>/accounts/<int:pk>/unlink/", correction_views.propose, name="account_unlink"),
    path("<str:court_id>/corrections/", correction_views.corrections, name="corrections"),
    path("<str:court_id>/corrections/<int:pk>/", correction_views.correction, name="correction"),
    path("<str:court_id>/efile/", efile_views.registrations, name="efile_registrations"),
    path("<str:court_id>/efile/<int:pk>/", efile_views.registration, name="efile_registration"),
    path("<str:court_id>/go-live/", court_views.go_live, name="go_live"),
    path("<str:court_id>/contacts/", court_views.contacts, name="contacts"),
    path("<str:court_id>/profile/", court_views.profile, name="profile"),
    path("<str:court_id>/import/", court_views.import_accounts, name="import"),
    path("<str:court_id>/fees/", fee_views.fees_page, name="fees"),
    path("<str:court_id>/audit/", court_views.audit_log, name="audit"),
    path("<str:court_id>/audit.csv", court_views.audit_csv, name="audit_csv"),
]
