from django.contrib import admin

from openecf.audit.models import AuditEvent
from openecf.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "event", "username", "court", "ip_address"]
    list_filter = ["event", "court"]
    search_fields = ["username", "event"]
