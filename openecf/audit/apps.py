from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "openecf.audit"
    verbose_name = "Audit log"
