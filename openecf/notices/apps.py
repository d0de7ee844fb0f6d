from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "openecf.notices"
    verbose_name = "E-mail notices"
