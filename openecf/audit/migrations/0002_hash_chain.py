"""Hash-chain the audit events (existing ones in their id order) and make them append-only in the database.

The chain and triggers of this migration are frozen copies of what the code did then: migration 0003 replaces
both with seals (openecf/audit/sealing.py) and the triggers of the code today.
"""

import hashlib
import json
from datetime import UTC

from django.db import migrations, models

GENESIS = "0" * 64


def chained_hash(prev_hash, event):
    facts = {
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
    content = json.dumps(facts, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(prev_hash.encode() + b"\n" + content).hexdigest()


_SQLITE_CREATE = [
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_head_no_delete BEFORE DELETE ON audit_auditchainhead
       BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be deleted'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_head_forward_only BEFORE UPDATE ON audit_auditchainhead
       WHEN NEW.seq <> OLD.seq + 1
       BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward by one event'); END""",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "DROP TRIGGER IF EXISTS audit_head_no_delete",
    "DROP TRIGGER IF EXISTS audit_head_forward_only",
]

_PG_CREATE = [
    """CREATE OR REPLACE FUNCTION openecf_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
           USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE OR REPLACE FUNCTION openecf_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.seq <> OLD.seq + 1 THEN
           RAISE EXCEPTION 'the audit chain head only moves forward by one event'
             USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_auditchainhead
       FOR EACH ROW EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_auditchainhead
       FOR EACH STATEMENT EXECUTE FUNCTION openecf_audit_refuse()""",
    """CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_auditchainhead
       FOR EACH ROW EXECUTE FUNCTION openecf_audit_head_forward()""",
]
_PG_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_head_no_delete ON audit_auditchainhead",
    "DROP TRIGGER IF EXISTS audit_head_no_truncate ON audit_auditchainhead",
    "DROP TRIGGER IF EXISTS audit_head_forward_only ON audit_auditchainhead",
]

STATEMENTS = {"sqlite": (_SQLITE_CREATE, _SQLITE_DROP), "postgresql": (_PG_CREATE, _PG_DROP)}


def _run(connection, which):
    with connection.cursor() as cursor:
        for statement in STATEMENTS[connection.vendor][which]:
            cursor.execute(statement)


def chain_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    seq, prev = 0, GENESIS
    for event in AuditEvent.objects.order_by("id").iterator():
        seq += 1
        event.seq, event.prev_hash = seq, prev
        event.hash = prev = chained_hash(prev, event)
        AuditEvent.objects.filter(pk=event.pk).update(seq=event.seq, prev_hash=event.prev_hash, hash=event.hash)
    AuditChainHead.objects.create(pk=1, seq=seq, hash=prev)


def create_triggers(apps, schema_editor):
    _run(schema_editor.connection, 0)


def drop_triggers(apps, schema_editor):
    _run(schema_editor.connection, 1)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(
                default="", help_text="SHA-256 chain hash of the event before (seq - 1).", max_length=64
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(
                default="",
                help_text="SHA-256 of prev_hash and this event's content; see audit/chain.py.",
                max_length=64,
            ),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "seq",
                    models.PositiveBigIntegerField(default=0, help_text="seq of the newest event (0: no events yet)."),
                ),
                (
                    "hash",
                    models.CharField(help_text="hash of the newest event (64 zeros: no events yet).", max_length=64),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="audit_chain_head_single_row")
                ],
            },
        ),
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(
                help_text="Place in the hash chain: 1, 2, 3... in the order the events were committed.", unique=True
            ),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
