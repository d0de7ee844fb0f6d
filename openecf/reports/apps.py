from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "openecf.reports"
    verbose_name = "Query and Reports: case lookup, the case summary, the Docket Report and History/Documents"
