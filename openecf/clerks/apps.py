from django.apps import AppConfig


class ClerksConfig(AppConfig):
    name = "openecf.clerks"
    verbose_name = "Clerk's desk"
