"""The sealer: chains committed audit events in batches, after the fact, so writers never wait for one another.

Order. Events are sealed in the order of ``(txn, id)``. On PostgreSQL ``txn`` is the id of the transaction that
wrote the event, and only events whose transaction is older than every transaction of this database still running
(``_horizon``) are taken: those transactions have ended, so no event can still commit before the sealed
point, however long a writer took between taking its id and committing. An event committed late with a lower id
than one already sealed (its transaction started earlier, or took its id before another's) is therefore never
"late": its transaction was still running, so the sealer waited for it. On SQLite ``txn`` is 0 and ids are in
commit order already, since SQLite lets one writer at a time commit. See docs/decisions.md, "Audit sealing".

Several sealers may run (one per node): on PostgreSQL the first takes an advisory lock and the others return at
once; anywhere, the unique ``seq`` and ``prev_head`` of a seal refuse a second seal after the same one.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from openecf.audit.hashing import GENESIS, head_of, leaf
from openecf.audit.models import AuditEvent, AuditSeal

# pg_try_advisory_xact_lock's key: "auditsea" in ASCII, so it does not collide with another lock by chance.
_SEALER_LOCK = 0x6175646974736561


# The oldest transaction of THIS database still running (or prepared), else the next transaction id to be given.
# Transaction ids are the server's: with pg_snapshot_xmin alone, a transaction open in another database on the same
# server (another application, another test worker) would hold sealing back for as long as it stays open.
# backend_xid is 32 bits, the snapshot's ids 64 (with the epoch): compared on their low 32 bits.
_HORIZON_SQL = """
WITH snapshot AS (SELECT pg_current_snapshot() AS s),
running_here AS (
    SELECT backend_xid::text::bigint AS xid FROM pg_stat_activity
    WHERE datname = current_database() AND backend_xid IS NOT NULL
    UNION ALL
    SELECT transaction::text::bigint FROM pg_prepared_xacts WHERE database = current_database()
)
SELECT COALESCE(
    (SELECT min(x::text::bigint) FROM snapshot, pg_snapshot_xip(snapshot.s) AS x
     WHERE x::text::bigint % 4294967296 IN (SELECT xid FROM running_here)),
    (SELECT pg_snapshot_xmax(s)::text::bigint FROM snapshot)
)
"""


def _horizon() -> int:
    """Every event with a txn below this has committed or rolled back, as the next statement's snapshot will see.

    Its own statement, before the one that reads the events: a transaction of this database in the snapshot here
    either still runs when pg_stat_activity is read (and so bounds the horizon) or has ended before it, hence before
    the next statement's snapshot, which sees its events. A transaction given its id later gets one above this.
    """
    with connection.cursor() as cursor:
        cursor.execute(_HORIZON_SQL)
        return int(cursor.fetchone()[0])


def _batch(after: tuple[int, int], size: int) -> list[AuditEvent]:
    last_txn, last_id = after
    pending = AuditEvent.objects.filter(Q(txn__gt=last_txn) | Q(txn=last_txn, id__gt=last_id))
    if connection.vendor == "postgresql":
        pending = pending.filter(txn__lt=_horizon())
    return list(pending.order_by("txn", "id")[:size])


def _anything_to_seal() -> bool:
    # Read outside any transaction, so an idle sealer takes no lock (SQLite's write lock, the advisory lock).
    last = AuditSeal.objects.order_by("-seq").values_list("last_txn", "last_id").first()
    return bool(_batch(last or (-(2**63), 0), 1))


def _seal_one_batch(size: int) -> int:
    if not _anything_to_seal():
        return 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_SEALER_LOCK])
                if not cursor.fetchone()[0]:
                    return 0  # another sealer is at work; it will take these events
        last = AuditSeal.objects.order_by("-seq").first()
        after = (last.last_txn, last.last_id) if last else (-(2**63), 0)
        events = _batch(after, size)
        if not events:
            return 0
        previous = last.head if last else GENESIS
        entries: list[list[Any]] = [[event.txn, event.id, leaf(event)] for event in events]
        AuditSeal.objects.create(
            seq=(last.seq if last else 0) + 1,
            sealed_at=timezone.now(),
            count=len(entries),
            last_txn=events[-1].txn,
            last_id=events[-1].id,
            prev_head=previous,
            head=head_of(previous, entries),
            entries=entries,
        )
    return len(entries)


def seal_pending(*, batch_size: int = 1000) -> int:
    """Seal every committed event not sealed yet, ``batch_size`` events a seal; returns how many were sealed."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    sealed = 0
    while True:
        try:
            count = _seal_one_batch(batch_size)
        except IntegrityError:
            return sealed  # another sealer sealed after the same seal first: its seal stands, ours is dropped
        sealed += count
        if count < batch_size:
            return sealed
