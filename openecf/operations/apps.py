from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "openecf.operations"
    verbose_name = "Operations (the background worker, purging)"
