from django.apps import AppConfig


class MyAccountConfig(AppConfig):
    """Manage My Account: the pages where a signed-in person sees and changes their PACER account. The top layer
    beside the clerk's desk: it may use every app below it, and none of them uses it."""

    name = "openecf.myaccount"
    verbose_name = "Manage My Account"
