from django.apps import AppConfig


class MfaConfig(AppConfig):
    name = "openecf.mfa"
    label = "mfa"
    verbose_name = "Multi-factor authentication"
