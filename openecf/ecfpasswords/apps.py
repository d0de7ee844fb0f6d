from django.apps import AppConfig


class EcfPasswordsConfig(AppConfig):
    name = "openecf.ecfpasswords"
    verbose_name = "CM/ECF password resets"
