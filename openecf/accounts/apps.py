from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openecf.accounts"
    verbose_name = "PACER accounts"

    def ready(self) -> None:
        from openecf.accounts import last_login

        last_login.install()
