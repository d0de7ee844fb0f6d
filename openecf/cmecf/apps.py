from django.apps import AppConfig


class CmecfConfig(AppConfig):
    name = "openecf.cmecf"
    verbose_name = "CM/ECF court sites"

    def ready(self) -> None:
        # The sign-in and MFA sit below cmecf and ask it who may file through openecf/accounts/filing_access.py.
        from openecf.accounts import filing_access
        from openecf.cmecf.selectors import filing_links

        filing_access.provide(filing_links)
