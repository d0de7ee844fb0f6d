"""Registration and recovery: the account pages that need no sign-in. openecf/myaccount/urls.py serves them under
/account/ in the ``accounts`` namespace, beside the pages of Manage My Account."""

from django.urls import URLPattern, path

from openecf.accounts import views_recovery, views_registration

urlpatterns: list[URLPattern] = [
    path("register/", views_registration.person, name="register"),
    path("register/person/", views_registration.person, name="register_person"),
    path("register/address/", views_registration.address, name="register_address"),
    path("register/county/", views_registration.county, name="register_county"),
    path("register/security/", views_registration.security, name="register_security"),
    path("register/done/", views_registration.done, name="register_done"),
    path("verify/resend/", views_registration.verify_resend, name="verify_resend"),
    path("verify/<str:secret>/", views_registration.verify_email, name="verify_email"),
    path("forgot-password/", views_recovery.forgot_password, name="forgot_password"),
    path("forgot-password/question/", views_recovery.forgot_password_question, name="forgot_password_question"),
    path("reset/<str:secret>/", views_recovery.reset_password, name="reset_password"),
    path("forgot-username/", views_recovery.forgot_username, name="forgot_username"),
]
