"""Tamper-evident audit: the database refuses edits and deletes, and verify_audit finds what a superuser did anyway.

The events are committed (transactional tests): on PostgreSQL the sealer only takes events whose transaction has
ended, and a test's own transaction never ends inside an ordinary test.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from conftest import TEST_ORIGIN
from openecf.audit import services as audit
from openecf.audit import triggers
from openecf.audit.events import Event
from openecf.audit.hashing import head_of, leaf
from openecf.audit.models import AuditEvent, AuditSeal
from openecf.audit.sealing import seal_pending

pytestmark = pytest.mark.django_db(transaction=True)


def _record(count: int, first: int = 0) -> list[AuditEvent]:
    return [
        audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username=f"guess{first + i}") for i in range(count)
    ]


def _as_superuser(sql: str, params: tuple[int | str, ...] = ()) -> None:
    """What a database superuser can do: lift the triggers, change rows behind the application's back."""
    with transaction.atomic():
        triggers.drop(connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        triggers.create(connection)


def _verify_audit(*args: str) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def _sealed(count: int, *, batch_size: int = 1000) -> list[AuditEvent]:
    events = _record(count)
    assert seal_pending(batch_size=batch_size) == count
    return events


def test_an_untouched_log_seals_and_verifies() -> None:
    events = _sealed(4)
    seal = AuditSeal.objects.get()
    assert [entry[1] for entry in seal.entries] == [event.id for event in events]
    code, output = _verify_audit()
    assert code == 0
    assert f"Audit log intact: 4 sealed event(s) in 1 seal(s). Seal head: {seal.head}" in output
    assert seal_pending() == 0  # nothing is sealed twice


def test_seals_are_batches_chained_one_after_the_other() -> None:
    _record(5)
    assert seal_pending(batch_size=2) == 5
    seals = list(AuditSeal.objects.order_by("seq"))
    assert [(seal.seq, seal.count) for seal in seals] == [(1, 2), (2, 2), (3, 1)]
    assert [seal.prev_head for seal in seals[1:]] == [seal.head for seal in seals[:-1]]
    code, output = _verify_audit()
    assert code == 0
    assert f"Audit log intact: 5 sealed event(s) in 3 seal(s). Seal head: {seals[-1].head}" in output


def test_events_not_sealed_yet_are_reported_and_fail_only_past_the_horizon() -> None:
    _sealed(2)
    late = _record(3, first=2)
    code, output = _verify_audit()
    assert code == 0
    assert "Audit log intact: 2 sealed event(s) in 1 seal(s)." in output
    assert f"3 newer event(s) not sealed yet (the oldest from {late[0].occurred_at:%Y-%m-%d %H:%M:%S} UTC)" in output
    code, output = _verify_audit("--horizon", "0")
    assert code == 2
    assert "3 event(s) older than 0 s are not sealed: is the sealer (seal_audit --loop, or the worker) running?" in (
        output
    )


def test_the_seal_audit_command_seals_what_is_pending() -> None:
    _record(3)
    out = StringIO()
    call_command("seal_audit", stdout=out)
    assert out.getvalue() == "3 event(s) sealed.\n"
    assert _verify_audit()[0] == 0


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET username = 'someone-else'",
        "DELETE FROM audit_auditevent",
        "UPDATE audit_auditseal SET head = 'x'",
        "DELETE FROM audit_auditseal",
    ],
    ids=["edit-event", "delete-event", "edit-seal", "delete-seal"],
)
def test_the_database_itself_refuses_changes(sql: str) -> None:
    _sealed(2)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.filter(username="guess1").count() == 1
    assert AuditSeal.objects.filter(seq=1).count() == 1


def test_postgresql_refuses_truncate() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's; SQLite empties tables with DELETE, refused above")
    _sealed(1)
    for table in ("audit_auditevent", "audit_auditseal"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {table} CASCADE")


def test_an_edited_event_is_found() -> None:
    events = _sealed(5)
    _as_superuser("UPDATE audit_auditevent SET ip_address = '198.51.100.7' WHERE id = %s", (events[2].id,))
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken at event id {events[2].id} (login.failed, " in message
    assert f"its content was changed after it was sealed (event id {events[2].id} (place 3, seal 1))." in message
    assert "The 2 sealed event(s) before it are intact" in message


def test_a_deleted_event_is_found() -> None:
    events = _sealed(5)
    _as_superuser("DELETE FROM audit_auditevent WHERE id = %s", (events[2].id,))
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken at event id {events[3].id} (login.failed, " in message
    assert f"event id {events[2].id} (place 3, seal 1) is missing (deleted)." in message


def test_deleting_the_newest_events_is_found() -> None:
    events = _sealed(5)
    _as_superuser("DELETE FROM audit_auditevent WHERE id >= %s", (events[3].id,))
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken: event id {events[3].id} (place 4, seal 1) is missing (deleted)." in message


def test_reordered_events_are_found() -> None:
    """Two events swap what they say (who, when, what): each now stands where the other was sealed."""
    events = _sealed(5)
    first, second = events[1], events[2]
    for target, source in ((first, second), (second, first)):
        _as_superuser(
            "UPDATE audit_auditevent SET username = %s, occurred_at = %s WHERE id = %s",
            (source.username, source.occurred_at.isoformat(), target.id),
        )
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken at event id {first.id} (login.failed, " in message
    assert f"it holds what was sealed as event id {second.id} (events reordered)." in message


def test_an_event_inserted_among_sealed_ones_is_found() -> None:
    first = _record(2)
    _leave_a_gap_in_the_ids()  # as rolled-back transactions do
    later = _record(2, first=2)
    assert seal_pending() == 4
    forged = later[0].id - 1
    _as_superuser(
        "INSERT INTO audit_auditevent (id, txn, occurred_at, event, username, user_agent, detail) "
        "VALUES (%s, %s, %s, 'login.succeeded', 'forged', '', '{}')",
        (forged, later[0].txn, first[1].occurred_at.isoformat()),
    )
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken at event id {forged} (login.succeeded, " in message
    assert f"event id {forged} is not in any seal, yet events after it are sealed (inserted)." in message


def test_a_rewritten_event_with_a_recomputed_seal_is_found() -> None:
    """Recomputing the event's seal does not help: the next seal still starts from the old one's head."""
    events = _sealed(4, batch_size=2)
    _as_superuser("UPDATE audit_auditevent SET username = 'covered-up' WHERE id = %s", (events[1].id,))
    seal = AuditSeal.objects.get(seq=1)
    entries = [[txn, event_id, leaf(AuditEvent.objects.get(pk=event_id))] for txn, event_id, _ in seal.entries]
    _as_superuser(
        "UPDATE audit_auditseal SET entries = %s, head = %s WHERE seq = 1",
        (json.dumps(entries), head_of(seal.prev_head, entries)),
    )
    code, message = _verify_audit()
    assert code == 1
    assert "Audit log broken: seal 2 does not follow seal 1 (a seal was replaced)." in message


def test_an_altered_seal_is_found() -> None:
    _sealed(3)
    _as_superuser("UPDATE audit_auditseal SET count = 2 WHERE seq = 1")
    code, message = _verify_audit()
    assert code == 1
    assert "seal 1 was altered after it was made (its entries do not give its head)." in message


def _leave_a_gap_in_the_ids() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('audit_auditevent', 'id'), "
                "(SELECT max(id) FROM audit_auditevent) + 10)"
            )
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = seq + 10 WHERE name = 'audit_auditevent'")
