from django.urls import path

from openecf.accounts import views_manage, views_recovery, views_registration, views_upgrade

app_name = "accounts"

urlpatterns = [
    path("", views_manage.manage, name="manage"),
    path("contact/", views_manage.contact, name="contact"),
    path("email/", views_manage.email, name="email"),
    path("email/confirm/<str:secret>/", views_manage.confirm_email, name="confirm_email"),
    path("password/", views_manage.password, name="password"),
    path("client-code/", views_manage.client_code, name="client_code"),
    path("register/", views_registration.person, name="register"),
    path("register/person/", views_registration.person, name="register_person"),
    path("register/address/", views_registration.address, name="register_address"),
    path("register/county/", views_registration.county, name="register_county"),
    path("register/security/", views_registration.security, name="register_security"),
    path("register/done/", views_registration.done, name="register_done"),
    path("verify/resend/", views_registration.verify_resend, name="verify_resend"),
    path("verify/<str:secret>/", views_registration.verify_email, name="verify_email"),
    path("upgrade/", views_upgrade.start, name="upgrade"),
    path("upgrade/person/", views_upgrade.person, name="upgrade_person"),
    path("upgrade/address/", views_upgrade.address, name="upgrade_address"),
    path("upgrade/county/", views_upgrade.county, name="upgrade_county"),
    path("upgrade/security/", views_upgrade.security, name="upgrade_security"),
    path("upgrade/done/", views_upgrade.done, name="upgrade_done"),
    path("forgot-password/", views_recovery.forgot_password, name="forgot_password"),
    path("forgot-password/question/", views_recovery.forgot_password_question, name="forgot_password_question"),
    path("reset/<str:secret>/", views_recovery.reset_password, name="reset_password"),
    path("forgot-username/", views_recovery.forgot_username, name="forgot_username"),
]
