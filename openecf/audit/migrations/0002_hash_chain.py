"""Hash-chain the audit events (existing ones in their id order) and make them append-only in the database."""

from django.db import migrations, models


def chain_existing_events(apps, schema_editor):
    from openecf.audit.chain import GENESIS, chained_hash

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
    from openecf.audit import triggers

    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    from openecf.audit import triggers

    triggers.drop(schema_editor.connection)


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
