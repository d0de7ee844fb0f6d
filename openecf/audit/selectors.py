from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from openecf.audit.models import AuditEvent
from openecf.core.lookups import equals_ignoring_case


def events(
    *,
    court_id: str | None = None,
    event_prefix: str | None = None,
    username: str | None = None,
    since: datetime | None = None,
) -> QuerySet[AuditEvent]:
    qs = AuditEvent.objects.select_related("actor", "court", "ecf_account").order_by("occurred_at", "id")
    if court_id:
        qs = qs.filter(court_id=court_id)
    if event_prefix:
        qs = qs.filter(event__startswith=event_prefix)
    if username:
        qs = qs.filter(equals_ignoring_case("username", username))
    if since:
        qs = qs.filter(occurred_at__gte=since)
    return qs
