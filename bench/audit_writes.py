"""Audited writes per second with 32 concurrent writers on PostgreSQL: before (every write locks the chain head)
and after (a plain INSERT, sealed afterwards), side by side in one run on one database.

"Before" is the record path as it was until issue 17, kept here only for this comparison: the same ORM calls
(lock the head row FOR UPDATE, chain the event's hash, insert it, move the head) against scratch tables of the
same shape, so the lock is held, as it was, from the head's read to the commit. "After" is the real
``audit.record``, with a sealer calling ``seal_pending`` every second beside the writers, as the worker does.
Each write is one transaction, as a login's is. The writers are threads of this process (one connection each),
so both sides pay the same client CPU; PostgreSQL runs on the same cores.

Alone: ``python -m bench.audit_writes`` (BENCH_SECONDS, default 20 per side; BENCH_AUDIT_PG_URL, default
postgres://postgres@127.0.0.1:5432/openecf_bench_audit, **dropped and recreated**). `make bench` runs it on its
PostgreSQL leg's database, before the server starts.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 32
GENESIS = "0" * 64


def _old_models() -> tuple[Any, Any]:
    """The old event and chain-head tables' shape (audit migration 0002), under scratch names."""
    from django.db import models

    # The same columns and indexes as the old AuditEvent; its foreign keys as plain indexed columns (the bench
    # writes none, and a NULL foreign key checks nothing).
    class OldEvent(models.Model):
        occurred_at = models.DateTimeField(db_index=True)
        event = models.CharField(max_length=64, db_index=True)
        actor_id = models.BigIntegerField(null=True, db_index=True)
        username = models.CharField(max_length=150, blank=True)
        court_id = models.CharField(max_length=8, null=True, db_index=True)  # noqa: DJ001 - the old foreign key
        ecf_account_id = models.BigIntegerField(null=True, db_index=True)
        ip_address = models.GenericIPAddressField(null=True)
        user_agent = models.CharField(max_length=512, blank=True)
        detail = models.JSONField(default=dict)
        seq = models.PositiveBigIntegerField(unique=True)
        prev_hash = models.CharField(max_length=64)
        hash = models.CharField(max_length=64)

        class Meta:
            app_label = "bench_audit"
            db_table = "bench_audit_old_event"
            indexes = [models.Index(fields=["court_id", "occurred_at"], name="bench_old_court_time")]

        def __str__(self) -> str:
            return f"old event #{self.seq}"

    class OldHead(models.Model):
        seq = models.PositiveBigIntegerField(default=0)
        hash = models.CharField(max_length=64)

        class Meta:
            app_label = "bench_audit"
            db_table = "bench_audit_old_head"

        def __str__(self) -> str:
            return f"old chain head #{self.seq}"

    return OldEvent, OldHead


def _old_chained_hash(prev_hash: str, event: Any) -> str:
    """The old per-row hash: today's facts (openecf/audit/hashing.py) plus the row's place in the chain."""
    from openecf.audit import hashing  # after django.setup(): hashing imports the audit models

    content = hashing.canonical({"seq": event.seq, **hashing.facts(event)})
    return hashlib.sha256(prev_hash.encode() + b"\n" + content).hexdigest()


def _old_recorder() -> tuple[Callable[[int], None], Callable[[], None]]:
    """The old ``chain.append``, faithfully: lock the head, take the next place, insert, move the head."""
    from django.db import connection, transaction
    from django.utils import timezone

    old_event, old_head = _old_models()
    with connection.schema_editor() as editor:
        for model in (old_event, old_head):
            editor.execute(f"DROP TABLE IF EXISTS {model._meta.db_table}")
            editor.create_model(model)
    old_head.objects.create(pk=1, seq=0, hash=GENESIS)

    def record(n: int) -> None:
        with transaction.atomic():
            head = old_head.objects.select_for_update().get(pk=1)
            event = old_event(
                occurred_at=timezone.now(),
                event="login.succeeded",
                username=f"bench{n}",
                ip_address="198.51.100.7",
                user_agent="bench",
                detail={"client_code": ""},
            )
            event.seq, event.prev_hash = head.seq + 1, head.hash
            event.hash = _old_chained_hash(head.hash, event)
            event.save(force_insert=True)
            old_head.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)

    def drop() -> None:
        with connection.schema_editor() as editor:
            for model in (old_event, old_head):
                editor.delete_model(model)

    return record, drop


def _new_record(n: int) -> None:
    from django.db import transaction

    from openecf.audit import services as audit
    from openecf.audit.context import Origin
    from openecf.audit.events import Event

    with transaction.atomic():
        audit.record(
            event=Event.LOGIN_SUCCEEDED,
            origin=Origin(ip_address="198.51.100.7", user_agent="bench"),
            username=f"bench{n}",
            client_code="",
        )


def _hammer(record: Callable[[int], None], *, seconds: float, writers: int) -> dict[str, Any]:
    """``writers`` threads write for ``seconds``; each write is one committed transaction."""
    from django.db import connections

    deadline = time.monotonic() + seconds
    start = threading.Barrier(writers)

    def writer(w: int) -> tuple[int, list[float]]:
        done, latencies = 0, []
        try:
            start.wait()
            while (began := time.monotonic()) < deadline:
                record(w * 10_000_000 + done)
                latencies.append(time.monotonic() - began)
                done += 1
        finally:
            connections.close_all()
        return done, latencies

    began = time.monotonic()
    with ThreadPoolExecutor(writers) as pool:
        results = list(pool.map(writer, range(writers)))
    wall = time.monotonic() - began
    writes = sum(done for done, _ in results)
    latencies = sorted(latency for _, each in results for latency in each)
    return {
        "writes": writes,
        "per_s": writes / wall,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
    }


def measure(*, seconds: float, writers: int = WRITERS) -> dict[str, Any]:
    """Both sides on the database Django is set up on (PostgreSQL), before first."""
    from django.db import connection

    from openecf.audit.models import AuditEvent
    from openecf.audit.sealing import seal_pending
    from openecf.audit.verification import verify

    if connection.vendor != "postgresql":
        raise RuntimeError("the audit write bench measures PostgreSQL, where writers can run at once")
    old_record, drop_old = _old_recorder()
    _hammer(old_record, seconds=1, writers=writers)  # warm-up: connections, the tables' first pages
    before = _hammer(old_record, seconds=seconds, writers=writers)
    drop_old()
    connection.close()

    seal_pending()  # whatever the leg wrote before (account loads) is not this run's work
    events_before = AuditEvent.objects.count()
    stop, sealed, lags = threading.Event(), [0], []

    def sealer() -> None:
        try:
            while not stop.wait(1.0):  # as the worker does
                began = time.monotonic()
                sealed[0] += seal_pending()
                lags.append(time.monotonic() - began)
        finally:
            connection.close()

    _hammer(_new_record, seconds=1, writers=writers)
    sealing = threading.Thread(target=sealer)
    sealing.start()
    after = _hammer(_new_record, seconds=seconds, writers=writers)
    stop.set()
    sealing.join()
    # The last writes are sealed by the next rounds, once no older transaction is open anywhere on the server
    # (transaction ids are the cluster's, so another database's open transaction holds sealing back too).
    left, stopped = 0, time.monotonic()
    while AuditEvent.objects.count() - events_before > sealed[0] + left and time.monotonic() - stopped < 30:
        left += seal_pending()
        time.sleep(0.2)
    all_sealed_s = time.monotonic() - stopped
    verdict = verify()
    connection.close()
    return {
        "writers": writers,
        "seconds": seconds,
        "before": before,
        "after": {
            **after,
            "sealed_while_writing": sealed[0],
            "sealed_after_writing": left,
            "all_sealed_after_s": all_sealed_s,
            "longest_seal_round_s": max(lags, default=0.0),
            "verified": verdict.intact and verdict.unsealed == 0,
            "events_checked": verdict.events,
            "events_written": AuditEvent.objects.count() - events_before,
        },
        "ratio": after["per_s"] / before["per_s"],
    }


def line(figures: dict[str, Any]) -> str:
    before, after = figures["before"], figures["after"]
    return (
        f"audited writes/s, {figures['writers']} writers on PostgreSQL: before (chain-head lock) "
        f"{before['per_s']:.0f}/s p50 {before['p50_ms']:.1f} ms p99 {before['p99_ms']:.1f} ms; after (insert, "
        f"sealed beside) {after['per_s']:.0f}/s p50 {after['p50_ms']:.1f} ms p99 {after['p99_ms']:.1f} ms; "
        f"{figures['ratio']:.2f}x; sealed {after['sealed_while_writing']} while writing, "
        f"the rest ({after['sealed_after_writing']}) {after['all_sealed_after_s']:.1f} s after; "
        f"verified: {after['verified']}"
    )


def main() -> int:
    from bench.tools import standalone_main

    return standalone_main(
        url_variable="BENCH_AUDIT_PG_URL",
        default_url="postgres://postgres@127.0.0.1:5432/openecf_bench_audit",
        measure=measure,
        line=line,
    )


if __name__ == "__main__":
    sys.exit(main())
