"""The audit log's write path: events are appended with a plain INSERT, and chained afterwards by the sealer.

Writers take no shared lock: two transactions that each record an event never wait for one another, so the rate
of audited writes is not one commit at a time. The tamper evidence is added after commit, in batches, by
``sealing.seal_pending`` (docs/decisions.md, "Audit sealing"); ``verify`` checks it.
"""

from __future__ import annotations

from django.utils import timezone

from openecf.audit.models import AuditEvent
from openecf.audit.verification import Verdict, verify

__all__ = ["Verdict", "append", "append_many", "verify"]


def append(event: AuditEvent) -> AuditEvent:
    """Save the event in the caller's transaction: one INSERT, no lock beyond the new row's own."""
    event.save(force_insert=True)
    return event


def append_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Save many events at once (bulk imports), in the caller's transaction, in list order."""
    if not events:
        return events
    now = timezone.now()
    for event in events:
        event.occurred_at = now
    return AuditEvent.objects.bulk_create(events)
