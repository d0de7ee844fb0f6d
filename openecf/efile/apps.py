from django.apps import AppConfig


class EfileConfig(AppConfig):
    name = "openecf.efile"
    verbose_name = "E-file registration"
