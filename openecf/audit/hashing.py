"""What the audit log's tamper evidence hashes: each event's content, and the chain the sealer builds over them.

``leaf = SHA-256(canonical JSON of the event's facts)``; the chain runs over the events in sealed order,
``link(n) = SHA-256(link(n-1) || txn || id || leaf(n))`` from 64 zeros, continuing from one seal to the next. The
leaf leaves out the event's place (txn, id): the seal records the place beside the leaf, so verify_audit can tell
an event whose content changed from one that was moved to another place.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import Any

from openecf.audit.models import AuditEvent

GENESIS = "0" * 64


def facts(event: AuditEvent) -> dict[str, Any]:
    """What the hash covers: everything the event says, not where it stands."""
    return {
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "event": event.event,
        "actor_id": event.actor_id,
        "username": event.username,
        "court_id": event.court_id,
        "ecf_account_id": event.ecf_account_id,
        "ip_address": event.ip_address,
        "user_agent": event.user_agent,
        "detail": event.detail,
    }


def canonical(value: dict[str, Any]) -> bytes:
    """One byte string for one value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content(event: AuditEvent) -> bytes:
    """The event's facts in one canonical byte string."""
    return canonical(facts(event))


def leaf(event: AuditEvent) -> str:
    return hashlib.sha256(content(event)).hexdigest()


def link(previous: str, txn: int, event_id: int, leaf_hash: str) -> str:
    return hashlib.sha256(f"{previous}\n{txn} {event_id} {leaf_hash}".encode()).hexdigest()


def head_of(previous: str, entries: list[list[Any]]) -> str:
    """The chain's value after the entries ([txn, id, leaf] each), starting from ``previous``."""
    for txn, event_id, leaf_hash in entries:
        previous = link(previous, txn, event_id, leaf_hash)
    return previous
