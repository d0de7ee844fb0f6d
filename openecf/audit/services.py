"""The only writer of audit events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.ipv6 import clean_ipv6_address

from openecf.audit import chain
from openecf.audit.context import Origin
from openecf.audit.events import Event, known
from openecf.audit.models import AuditEvent


def _address(ip: str | None) -> str | None:
    # Stored as the database will give it back (PostgreSQL's inet rewrites IPv6), so the sealed hash still matches.
    return clean_ipv6_address(ip) if ip and ":" in ip else ip


def _event(*, event: Event, origin: Origin, actor: Any, username: str, subject: Mapping[str, Any]) -> AuditEvent:
    """The event, not yet written; ``subject``: its court, its CM/ECF account and the detail."""
    event = known(event)  # UnknownEvent for a name not in audit/events.py: nothing is written under it
    detail = dict(subject)
    court, ecf_account = detail.pop("court", None), detail.pop("ecf_account", None)
    return AuditEvent(
        occurred_at=timezone.now(),
        event=event,
        actor=actor,
        username=username[:150] or (getattr(actor, "username", "") or ""),
        court=court,
        ecf_account=ecf_account,
        ip_address=_address(origin.ip_address),
        user_agent=origin.user_agent,
        detail=detail,
    )


def record(
    *,
    event: Event,
    origin: Origin,
    actor: Any = None,
    username: str = "",
    court: Any = None,
    ecf_account: Any = None,
    **detail: Any,
) -> AuditEvent:
    """Append one event to the audit log, inside the transaction of the change it describes: a plain INSERT that
    waits for no other writer. The sealer chains it within seconds of its commit (audit/sealing.py)."""
    subject = {"court": court, "ecf_account": ecf_account, **detail}
    return chain.append(_event(event=event, origin=origin, actor=actor, username=username, subject=subject))


def record_many(
    *,
    event: Event,
    origin: Origin,
    actor: Any = None,
    username: str = "",
    subjects: Iterable[Mapping[str, Any]],
) -> list[AuditEvent]:
    """One event per subject, all of one kind by one actor (a bulk import), inserted in one step.

    Each subject holds what ``record`` takes besides the actor: ``court``, ``ecf_account`` and the detail. Same
    clean-up and name check as ``record``, inside the transaction of the change it describes.
    """
    events = [
        _event(event=event, origin=origin, actor=actor, username=username, subject=subject) for subject in subjects
    ]
    return chain.append_many(events)
