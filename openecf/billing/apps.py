from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "openecf.billing"
    verbose_name = "PACER fees: the ledger of charges, exemptions and the Transaction Receipt"
