"""No global lock on the audited write path: many transactions hold an unsealed event at once, and the sealer
takes events only once no earlier transaction can still commit one (PostgreSQL; SQLite has one writer at a time)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections, transaction

from conftest import TEST_ORIGIN
from openecf.audit import services as audit
from openecf.audit.events import Event
from openecf.audit.models import AuditEvent, AuditSeal
from openecf.audit.sealing import seal_pending
from openecf.audit.verification import verify

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 32


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time, whatever the audit does; this is PostgreSQL's case")


def _in_thread(work: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        try:
            return work()
        finally:
            connections.close_all()  # this thread's own connection

    return run


def test_32_writers_each_hold_an_uncommitted_event_at_the_same_moment_and_all_commit() -> None:
    """With a lock on a chain head, the second writer would wait for the first to commit; here all 32 have
    written their event before any commits, each with a lock_timeout that would end a wait."""
    all_written = threading.Barrier(WRITERS, timeout=30)

    def writer(n: int) -> int:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            event = audit.record(event=Event.LOGIN_SUCCEEDED, origin=TEST_ORIGIN, username=f"writer{n:02d}")
            all_written.wait()  # every writer's transaction is open here, each with its event written
        return event.id

    with ThreadPoolExecutor(WRITERS) as pool:
        ids = list(pool.map(lambda n: _in_thread(lambda: writer(n))(), range(WRITERS)))
    assert len(set(ids)) == WRITERS
    assert AuditEvent.objects.filter(event="login.succeeded").count() == WRITERS
    assert seal_pending() == WRITERS
    verdict = verify()
    assert (verdict.intact, verdict.events, verdict.unsealed) == (True, WRITERS, 0)


class _Transaction:
    """A transaction in a thread of its own, driven step by step: ``run`` executes in it, ``commit`` ends it."""

    def __init__(self) -> None:
        self._steps: queue.Queue[Callable[[], Any] | None] = queue.Queue()
        self._results: queue.Queue[Any] = queue.Queue()
        self._pool = ThreadPoolExecutor(1)
        self._done = self._pool.submit(_in_thread(self._serve))

    def _serve(self) -> None:
        with transaction.atomic():
            while (step := self._steps.get(timeout=30)) is not None:
                self._results.put(step())

    def run(self, step: Callable[[], Any]) -> Any:
        self._steps.put(step)
        return self._results.get(timeout=30)

    def commit(self) -> None:
        self._steps.put(None)
        self._done.result(timeout=30)
        self._pool.shutdown()


def _take_transaction_id() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()")


def _record(event: Event) -> AuditEvent:
    return audit.record(event=event, origin=TEST_ORIGIN)


def test_nothing_is_sealed_after_an_event_whose_transaction_is_still_open() -> None:
    open_one = _Transaction()
    early = open_one.run(lambda: _record(Event.LINK_ATTEMPTED))
    later = _record(Event.LOGIN_SUCCEEDED)  # committed while the first is still open
    assert later.id > early.id
    assert seal_pending() == 0  # the open transaction could still commit (it will, with a lower id)
    open_one.commit()
    assert seal_pending() == 2
    assert [entry[1] for entry in AuditSeal.objects.get().entries] == [early.id, later.id]
    assert verify().intact


def test_a_lower_id_committed_late_is_sealed_after_the_higher_one_and_the_log_verifies() -> None:
    """The hazard of sealing in id order: an event takes its id, another transaction takes a higher id and commits,
    and only then does the lower id commit. In transaction order, the older transaction's higher id is sealed as
    soon as it commits, the younger transaction's lower id after its late commit, and the log verifies."""
    older, younger = _Transaction(), _Transaction()
    older.run(_take_transaction_id)
    lower = younger.run(lambda: _record(Event.LINK_ATTEMPTED))
    higher = older.run(lambda: _record(Event.LOGIN_SUCCEEDED))
    assert higher.id > lower.id
    older.commit()
    assert seal_pending() == 1  # the older transaction's event: nothing can commit before it any more
    younger.commit()  # the lower id commits late
    assert seal_pending() == 1
    first, second = AuditSeal.objects.order_by("seq")
    assert ([e[1] for e in first.entries], [e[1] for e in second.entries]) == ([higher.id], [lower.id])
    verdict = verify()
    assert (verdict.intact, verdict.events, verdict.unsealed) == (True, 2, 0)


def test_a_transaction_open_in_another_database_of_the_server_does_not_hold_sealing_back() -> None:
    """Transaction ids are the server's; only this database's transactions can write its audit events. Another
    application's transaction (here: one open in the server's `postgres` database) must not stall the sealer."""
    import psycopg

    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"), dbname="postgres"
    ) as elsewhere:
        elsewhere.execute("SELECT pg_current_xact_id()")  # takes an id and keeps its transaction open
        event = _record(Event.LOGIN_SUCCEEDED)
        assert seal_pending() == 1
        elsewhere.rollback()
    assert [entry[1] for entry in AuditSeal.objects.get().entries] == [event.id]
