from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openecf.demo"
    verbose_name = "Demo data"
