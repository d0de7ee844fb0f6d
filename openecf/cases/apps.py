import logging

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "openecf.cases"
    verbose_name = "Cases and dockets"

    def ready(self) -> None:
        # pikepdf announces its C++ log bridge at INFO on first use; every command that reads a PDF would print it.
        logging.getLogger("pikepdf").setLevel(logging.WARNING)
