"""The audit log's hash chain: each event stores the previous event's hash and a hash over both.

``hash(n) = SHA-256(hash(n-1) || canonical JSON of event n)``, with 64 zeros before the first event. Any edited,
deleted, inserted or reordered event breaks the chain from that event on; ``verify`` finds the first such event.
The chain proves order and integrity against anyone who cannot recompute it; an operator who records the head
printed by ``verify_audit`` elsewhere also detects a recomputed chain (see docs/security.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import transaction
from django.utils import timezone

from openecf.audit.models import AuditChainHead, AuditEvent
from openecf.core.compiled import Compiled

GENESIS = "0" * 64


def content(event: AuditEvent) -> bytes:
    """The event's facts in one canonical byte string: what the hash covers."""
    facts: dict[str, Any] = {
        "seq": event.seq,
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
    return json.dumps(facts, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chained_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + content(event)).hexdigest()


# Every audited write locks the head: compiled once per process (openecf/core/compiled.py).
_HEAD: Compiled[AuditChainHead] = Compiled(lambda: AuditChainHead.objects.select_for_update().filter(pk=1))


def lock_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends. Must be the last lock a transaction takes."""
    head = _HEAD.first()
    if head is None:  # a fresh or flushed database: the first writer creates it (a racing one waits, then reads)
        AuditChainHead.objects.bulk_create([AuditChainHead(pk=1, seq=0, hash=GENESIS)], ignore_conflicts=True)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


def append(event: AuditEvent) -> AuditEvent:
    """Give the event its place in the chain and save it, in the caller's transaction."""
    with transaction.atomic(savepoint=False):
        head = lock_head()
        event.occurred_at = timezone.now()  # taken under the lock, so times never go backwards along the chain
        event.seq = head.seq + 1
        event.prev_hash = head.hash
        event.hash = chained_hash(head.hash, event)
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)
    return event


def append_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Chain and save many events at once (bulk imports), in the caller's transaction, in list order."""
    if not events:
        return events
    with transaction.atomic(savepoint=False):
        head = lock_head()
        seq, previous = head.seq, head.hash
        now = timezone.now()
        for event in events:
            seq += 1
            event.occurred_at, event.seq, event.prev_hash = now, seq, previous
            event.hash = previous = chained_hash(previous, event)
        AuditEvent.objects.bulk_create(events)
        # The head's trigger lets it move one event at a time, so a batch moves it step by step.
        for event in events:
            AuditChainHead.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)
    return events


@dataclass(frozen=True)
class Verdict:
    events: int
    head: str
    broken_at: AuditEvent | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return not self.problem


def _walk() -> Iterator[AuditEvent]:
    yield from AuditEvent.objects.order_by("seq", "id").iterator(chunk_size=2000)


def verify() -> Verdict:
    """Walk the chain in order; stop at the first event that does not fit."""
    expected, prev, count = 1, GENESIS, 0
    for event in _walk():
        if event.seq != expected:
            if event.seq > expected:
                gone = f"event {expected}" if event.seq == expected + 1 else f"events {expected} to {event.seq - 1}"
                problem = f"{gone} before it {'is' if event.seq == expected + 1 else 'are'} missing (deleted)"
            else:
                problem = f"its place {event.seq} is taken twice (an event was inserted or renumbered)"
            return Verdict(count, prev, event, problem)
        if event.prev_hash != prev:
            return Verdict(count, prev, event, "it does not follow the event before it (events reordered or replaced)")
        if chained_hash(prev, event) != event.hash:
            return Verdict(count, prev, event, "its content was changed after it was written")
        expected, prev, count = expected + 1, event.hash, count + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if (head_seq, head_hash) != (count, prev):
        if head_seq > count:
            return Verdict(count, prev, None, f"the newest {head_seq - count} event(s) are missing (deleted)")
        return Verdict(count, prev, None, f"the chain head (event {head_seq}) does not match the newest event")
    return Verdict(count, prev)
