"""Tamper-evident audit: the database refuses edits and deletes, and verify_audit finds what a superuser did anyway."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from conftest import TEST_ORIGIN
from openecf.audit import services as audit
from openecf.audit import triggers
from openecf.audit.events import Event
from openecf.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _record(count: int) -> list[AuditEvent]:
    return [audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username=f"guess{i}") for i in range(count)]


def _as_superuser(sql: str, params: tuple[int | str, ...] = ()) -> None:
    """What a database superuser can do: lift the triggers, change rows behind the application's back."""
    triggers.drop(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    triggers.create(connection)


def _verify_audit() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), err.getvalue()
    return 0, out.getvalue()


def test_an_untouched_log_verifies() -> None:
    events = _record(4)
    code, output = _verify_audit()
    assert code == 0
    assert f"Audit log intact: {events[-1].seq} event(s). Chain head: {events[-1].hash}" in output


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET username = 'someone-else'",
        "DELETE FROM audit_auditevent",
        "UPDATE audit_auditchainhead SET seq = seq - 1",
        "DELETE FROM audit_auditchainhead",
    ],
    ids=["edit", "delete", "rewind-head", "delete-head"],
)
def test_the_database_itself_refuses_changes(sql: str) -> None:
    _record(2)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.filter(username="guess1").count() == 1


def test_postgresql_refuses_truncate() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's; SQLite empties tables with DELETE, refused above")
    _record(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent CASCADE")


def test_an_edited_event_is_found() -> None:
    events = _record(5)
    _as_superuser("UPDATE audit_auditevent SET ip_address = '198.51.100.7' WHERE id = %s", (events[2].id,))
    code, message = _verify_audit()
    assert code == 1
    assert f"Audit log broken at event {events[2].seq} (id {events[2].id}, login.failed" in message
    assert "its content was changed after it was written" in message


def test_a_deleted_event_is_found() -> None:
    events = _record(5)
    _as_superuser("DELETE FROM audit_auditevent WHERE id = %s", (events[2].id,))
    code, message = _verify_audit()
    assert code == 1
    assert f"broken at event {events[3].seq} " in message
    assert f"event {events[2].seq} before it is missing (deleted)" in message


def test_deleting_the_newest_events_is_found() -> None:
    events = _record(5)
    _as_superuser("DELETE FROM audit_auditevent WHERE seq >= %s", (events[3].seq,))
    code, message = _verify_audit()
    assert code == 1 and "the newest 2 event(s) are missing (deleted)" in message


def test_reordered_events_are_found() -> None:
    events = _record(5)
    first, second = events[1], events[2]
    _as_superuser("UPDATE audit_auditevent SET seq = seq + 1000 WHERE id IN (%s, %s)", (first.id, second.id))
    _as_superuser("UPDATE audit_auditevent SET seq = %s WHERE id = %s", (first.seq, second.id))
    _as_superuser("UPDATE audit_auditevent SET seq = %s WHERE id = %s", (second.seq, first.id))
    code, message = _verify_audit()
    assert code == 1
    assert f"broken at event {first.seq} (id {second.id}" in message
    assert "does not follow the event before it" in message


def test_a_rewritten_event_with_a_fresh_hash_is_found() -> None:
    """Recomputing one event's hash does not help: the next event still points at the old one."""
    from openecf.audit.chain import chained_hash

    events = _record(4)
    target = AuditEvent.objects.get(pk=events[1].pk)
    target.username = "covered-up"
    _as_superuser(
        "UPDATE audit_auditevent SET username = %s, hash = %s WHERE id = %s",
        ("covered-up", chained_hash(target.prev_hash, target), target.id),
    )
    code, message = _verify_audit()
    assert code == 1
    assert f"broken at event {events[2].seq} " in message and "does not follow the event before it" in message
