"""The audit log's write path: events are appended with a plain INSERT, and chained afterwards by the sealer.

Writers take no shared lock: two transactions that each record an event never wait for one another, so the rate
of audited writes is not one commit at a time. The tamper evidence is added after commit, in batches, by
``sealing.seal_pending`` (docs/decisions.md, "Audit sealing"); ``verify`` checks it.
"""

from __future__ import annotations

from django.utils import timezone

from openecf.audit.models import AppendOnlyError, AuditEvent
from openecf.audit.verification import Verdict, verify
from openecf.core.compiled import CompiledInsert

__all__ = ["Verdict", "append", "append_many", "verify"]


# Every login, refusal and link appends an event: the INSERT compiled once per process (openecf/core/compiled.py).
_INSERT: CompiledInsert[AuditEvent] = CompiledInsert(AuditEvent)


def append(event: AuditEvent) -> AuditEvent:
    """Save the event in the caller's transaction: one INSERT, no lock beyond the new row's own. An event already
    saved is refused, as AuditEvent.save() refuses it (the log is append-only)."""
    if event.pk is not None:
        raise AppendOnlyError("audit events cannot be changed")
    return _INSERT.insert(event)


def append_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Save many events at once (bulk imports), in the caller's transaction, in list order."""
    if not events:
        return events
    now = timezone.now()
    for event in events:
        event.occurred_at = now
    return AuditEvent.objects.bulk_create(events)
