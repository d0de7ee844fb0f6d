"""verify_audit's check: every sealed event is still there, unchanged, in its sealed place, and nothing was added
among them; events not sealed yet are counted, and those older than the horizon reported.

The events, read in sealed order ``(txn, id)``, are walked side by side with the seals' entries. At each place:
an entry without its event is a deleted event, an event without an entry (while sealed events follow) an inserted
one, an event whose content hash is another entry's a moved (reordered) one, any other mismatch an edited one.
Each seal must start from the head of the one before and its entries must lead to its head, so seals cannot be
rewritten or dropped from the middle either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from openecf.audit.hashing import GENESIS, head_of, leaf
from openecf.audit.models import AuditEvent, AuditSeal


@dataclass(frozen=True)
class Verdict:
    events: int  # sealed events found intact (up to the break, if any)
    head: str  # the head of the last intact seal
    seals: int = 0
    broken_at: AuditEvent | None = None  # the event that does not fit, when it is still there
    problem: str = ""
    unsealed: int = 0
    oldest_unsealed: datetime | None = None
    overdue: int = 0  # unsealed events older than the horizon

    @property
    def intact(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class _Entry:
    seal: AuditSeal
    place: int  # 1-based place in the whole sealed log
    txn: int
    id: int
    leaf: str

    @property
    def key(self) -> tuple[int, int]:
        return (self.txn, self.id)


class _Broken(Exception):
    def __init__(self, problem: str, event: AuditEvent | None = None) -> None:
        super().__init__(problem)
        self.problem, self.event = problem, event


def _entries(progress: dict[str, Any]) -> Iterator[_Entry]:
    """Every sealed entry in order, after checking each seal against the one before."""
    previous, expected_seq, place = GENESIS, 1, 0
    for seal in AuditSeal.objects.order_by("seq").iterator(chunk_size=20):
        if seal.seq != expected_seq:
            raise _Broken(f"seal {expected_seq} is missing (deleted) before seal {seal.seq}")
        if seal.prev_head != previous:
            raise _Broken(f"seal {seal.seq} does not follow seal {seal.seq - 1} (a seal was replaced)")
        entries = seal.entries
        last_key = [seal.last_txn, seal.last_id]
        if head_of(previous, entries) != seal.head or len(entries) != seal.count or entries[-1][:2] != last_key:
            raise _Broken(f"seal {seal.seq} was altered after it was made (its entries do not give its head)")
        for txn, event_id, leaf_hash in entries:
            place += 1
            yield _Entry(seal, place, txn, event_id, leaf_hash)
        previous, expected_seq = seal.head, expected_seq + 1
        progress.update(head=previous, seals=seal.seq)


def _events() -> Iterator[AuditEvent]:
    yield from AuditEvent.objects.order_by("txn", "id").iterator(chunk_size=2000)


def _name(event_id: int, entry: _Entry) -> str:
    return f"event id {event_id} (place {entry.place}, seal {entry.seal.seq})"


def verify(*, horizon: timedelta = timedelta(seconds=60)) -> Verdict:
    """Walk the sealed log; stop at the first event or seal that does not fit."""
    progress: dict[str, Any] = {"head": GENESIS, "seals": 0}
    events, count = _events(), 0
    event = next(events, None)
    try:
        for entry in _entries(progress):
            if event is None or (event.txn, event.id) > entry.key:
                raise _Broken(f"{_name(entry.id, entry)} is missing (deleted)", event)
            if (event.txn, event.id) < entry.key:
                raise _Broken(
                    f"event id {event.id} is not in any seal, yet events after it are sealed (inserted)", event
                )
            if leaf(event) != entry.leaf:
                moved = [other.id for other in _seal_entries(entry.seal) if other.leaf == leaf(event)]
                if moved:
                    raise _Broken(f"it holds what was sealed as event id {moved[0]} (events reordered)", event)
                raise _Broken(f"its content was changed after it was sealed ({_name(entry.id, entry)})", event)
            count += 1
            event = next(events, None)
    except _Broken as broken:
        return Verdict(count, progress["head"], progress["seals"], broken.event, broken.problem)
    unsealed, oldest, overdue, cutoff = 0, None, 0, timezone.now() - horizon
    while event is not None:
        unsealed += 1
        oldest = event.occurred_at if oldest is None else min(oldest, event.occurred_at)
        overdue += event.occurred_at < cutoff
        event = next(events, None)
    return Verdict(
        count, progress["head"], progress["seals"], unsealed=unsealed, oldest_unsealed=oldest, overdue=overdue
    )


def _seal_entries(seal: AuditSeal) -> list[_Entry]:
    return [_Entry(seal, 0, txn, event_id, leaf_hash) for txn, event_id, leaf_hash in seal.entries]
