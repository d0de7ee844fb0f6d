from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openecf.cases"
    verbose_name = "Cases and dockets"
