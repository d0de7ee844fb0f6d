from django.apps import AppConfig


class LocatorConfig(AppConfig):
    name = "openecf.locator"
    verbose_name = "The PACER Case Locator: the nationwide search and its JSON API"
