from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openecf.accounts"
    verbose_name = "PACER accounts"
