from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from openecf.audit.context import Origin
from openecf.core.admin import ReadOnlyAdmin
from openecf.efile import services
from openecf.efile.models import EfileRegistration


def _decide(request: HttpRequest, queryset: QuerySet[EfileRegistration], *, approve: bool, note: str) -> None:
    for registration in queryset:
        try:
            done = services.decide_registration(
                approve=approve,
                registration_id=registration.pk,
                decided_by=getattr(request.user, "username", "admin"),
                note=note,
                origin=Origin.of(request),
            )
        except services.DecisionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Registration {done.pk}: {done.status}.")


@admin.register(EfileRegistration)
class EfileRegistrationAdmin(ReadOnlyAdmin):
    list_display = ["id", "account", "court", "role", "status", "requested_at", "decided_at", "decided_by"]
    list_filter = ["status", "court"]
    search_fields = ["account__username", "account__name", "court__id"]
    actions = ["approve", "deny"]

    @admin.action(description="Approve the selected e-file registrations")
    def approve(self, request: HttpRequest, queryset: QuerySet[EfileRegistration]) -> None:
        _decide(request, queryset, approve=True, note="")

    @admin.action(description="Deny the selected e-file registrations")
    def deny(self, request: HttpRequest, queryset: QuerySet[EfileRegistration]) -> None:
        _decide(request, queryset, approve=False, note="Denied by the clerk's office.")
