"""Database triggers that make audit events append-only in the database itself, on SQLite and PostgreSQL.

The application never updates or deletes an event or a seal; these stop anyone else who reaches the database
through the application's role too (an SQL injection, a mistaken script). INSERT stays open: writers append
events, the sealer appends seals. A database owner can still drop the triggers, which is why the events are also
sealed in a hash chain (audit/sealing.py). Created by migrations audit 0002 and 0003; ``flush`` (test databases
only) removes and restores them around its wipe.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

_SQLITE_CREATE = [
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_seal_no_update BEFORE UPDATE ON audit_auditseal
       BEGIN SELECT RAISE(ABORT, 'audit seals are append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_seal_no_delete BEFORE DELETE ON audit_auditseal
       BEGIN SELECT RAISE(ABORT, 'audit seals are append-only: DELETE refused'); END""",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "DROP TRIGGER IF EXISTS audit_seal_no_update",
    "DROP TRIGGER IF EXISTS audit_seal_no_delete",
]

_PG_CREATE = [
    """CREATE OR REPLACE FUNCTION openecf_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
           USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_auditseal
       FOR EACH ROW EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_auditseal
       FOR EACH STATEMENT EXECUTE FUNCTION openecf_audit_refuse()""",
]
_PG_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_seal_append_only ON audit_auditseal",
    "DROP TRIGGER IF EXISTS audit_seal_no_truncate ON audit_auditseal",
]

_STATEMENTS = {"sqlite": (_SQLITE_CREATE, _SQLITE_DROP), "postgresql": (_PG_CREATE, _PG_DROP)}


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def create(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor not in _STATEMENTS:
        raise NotImplementedError(f"append-only audit triggers are not written for {connection.vendor}")
    _run(connection, _STATEMENTS[connection.vendor][0])


def drop(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor in _STATEMENTS:
        _run(connection, _STATEMENTS[connection.vendor][1])
