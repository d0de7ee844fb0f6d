"""The only writer of audit events."""

from __future__ import annotations

from typing import Any

from openecf.audit.context import Origin
from openecf.audit.models import AuditEvent


def record(
    *,
    event: str,
    origin: Origin,
    actor: Any = None,
    username: str = "",
    court: Any = None,
    ecf_account: Any = None,
    **detail: Any,
) -> AuditEvent:
    """Append one event. Call it inside the transaction of the change it describes."""
    return AuditEvent.objects.create(
        event=event,
        actor=actor,
        username=username[:150] or (getattr(actor, "username", "") or ""),
        court=court,
        ecf_account=ecf_account,
        ip_address=origin.ip_address,
        user_agent=origin.user_agent,
        detail=detail,
    )
