from django.apps import AppConfig


class SignonConfig(AppConfig):
    name = "openecf.signon"
    verbose_name = "Central Sign-On"
