from django.apps import AppConfig


class NoticingConfig(AppConfig):
    name = "openecf.noticing"
    verbose_name = "Noticing: the Notice of Electronic Filing, its free looks, daily summaries"
