from django.apps import AppConfig


class FilingConfig(AppConfig):
    name = "openecf.filing"
    verbose_name = "E-filing: the Civil, Criminal, Bankruptcy and Adversary menus and their steps"
