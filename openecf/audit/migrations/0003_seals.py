"""Audit events sealed after commit instead of chained under a lock (docs/decisions.md, "Audit sealing").

The events chained by 0002 are checked against their old chain first: a database whose old chain is broken is not
migrated, since sealing its events would vouch for whatever was changed. They are then sealed in their chain's
order (their ids), the chain-head row and the per-event chain columns go, and the triggers are those of today.
"""

import importlib

import django.utils.timezone
from django.db import migrations, models

import openecf.audit.models

OLD = importlib.import_module("openecf.audit.migrations.0002_hash_chain")
BATCH = 1000


def drop_old_triggers(apps, schema_editor):
    OLD.drop_triggers(apps, schema_editor)


def check_old_chain(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    expected, prev = 1, OLD.GENESIS
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        if event.seq != expected or event.prev_hash != prev or OLD.chained_hash(prev, event) != event.hash:
            raise RuntimeError(
                f"the audit chain is broken at event {expected} (id {event.id}): run verify_audit with the previous "
                "version of OpenECF and investigate before migrating; sealing would vouch for a changed log"
            )
        expected, prev = expected + 1, event.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq, head.hash) != (expected - 1, prev):
        raise RuntimeError("the audit chain head does not match the newest event: investigate before migrating")


def seal_existing_events(apps, schema_editor):
    from openecf.audit.hashing import GENESIS, head_of, leaf

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditSeal = apps.get_model("audit", "AuditSeal")
    events = list(AuditEvent.objects.order_by("txn", "id"))
    previous = GENESIS
    for seq, start in enumerate(range(0, len(events), BATCH), start=1):
        batch = events[start : start + BATCH]
        entries = [[event.txn, event.id, leaf(event)] for event in batch]
        head = head_of(previous, entries)
        AuditSeal.objects.create(
            seq=seq,
            count=len(entries),
            last_txn=batch[-1].txn,
            last_id=batch[-1].id,
            prev_head=previous,
            head=head,
            entries=entries,
        )
        previous = head


def create_triggers(apps, schema_editor):
    from openecf.audit import triggers

    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    from openecf.audit import triggers

    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_hash_chain")]

    operations = [
        migrations.RunPython(drop_old_triggers, migrations.RunPython.noop),
        migrations.RunPython(check_old_chain, migrations.RunPython.noop),
        migrations.AddField(
            model_name="auditevent",
            name="txn",
            field=models.BigIntegerField(
                db_default=openecf.audit.models.WritingTransaction(),
                editable=False,
                help_text=(
                    "PostgreSQL: the id of the transaction that wrote it (0 on SQLite); the sealer's order, "
                    "see sealing.py."
                ),
            ),
        ),
        migrations.CreateModel(
            name="AuditSeal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "seq",
                    models.PositiveBigIntegerField(
                        help_text="1, 2, 3... in the order the seals were made.", unique=True
                    ),
                ),
                (
                    "sealed_at",
                    models.DateTimeField(default=django.utils.timezone.now, help_text="When the seal was made (UTC)."),
                ),
                ("count", models.PositiveIntegerField(help_text="How many events it seals.")),
                (
                    "last_txn",
                    models.BigIntegerField(
                        help_text="txn of its last event: the next seal starts after (last_txn, last_id)."
                    ),
                ),
                ("last_id", models.BigIntegerField(help_text="id of its last event.")),
                (
                    "prev_head",
                    models.CharField(
                        help_text="head of the seal before (64 zeros for the first): one seal follows each.",
                        max_length=64,
                        unique=True,
                    ),
                ),
                (
                    "head",
                    models.CharField(
                        help_text="The hash chain's value after its last event; see audit/hashing.py.", max_length=64
                    ),
                ),
                (
                    "entries",
                    models.JSONField(help_text="[txn, id, content hash] of each sealed event, in sealed order."),
                ),
            ],
            options={"ordering": ["seq"]},
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["txn", "id"], name="audit_seal_order"),
        ),
        migrations.RunPython(seal_existing_events, migrations.RunPython.noop),
        migrations.RemoveField(model_name="auditevent", name="seq"),
        migrations.RemoveField(model_name="auditevent", name="prev_hash"),
        migrations.RemoveField(model_name="auditevent", name="hash"),
        migrations.DeleteModel(name="AuditChainHead"),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
