from django.apps import AppConfig


class CmecfConfig(AppConfig):
    name = "openecf.cmecf"
    verbose_name = "CM/ECF court sites"
