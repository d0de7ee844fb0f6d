from django.apps import AppConfig


class CourtsConfig(AppConfig):
    name = "openecf.courts"
    verbose_name = "Courts"
