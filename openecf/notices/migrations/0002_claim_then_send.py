"""Claim-then-send delivery: a stable Message-ID per message, claims with a lease, retries that back off."""

import django.utils.timezone
from django.db import migrations, models


def give_existing_messages_an_id(apps, schema_editor):
    from openecf.notices.services import _message_id

    OutboxMessage = apps.get_model("notices", "OutboxMessage")
    for message in OutboxMessage.objects.filter(message_id__isnull=True).iterator():
        OutboxMessage.objects.filter(pk=message.pk).update(message_id=_message_id())


class Migration(migrations.Migration):
    dependencies = [("notices", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="outboxmessage",
            name="message_id",
            field=models.CharField(max_length=255, null=True),
        ),
        migrations.RunPython(give_existing_messages_an_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outboxmessage",
            name="message_id",
            field=models.CharField(
                help_text="Message-ID header, the same on every attempt: a resend after a crash is the same message.",
                max_length=255,
                unique=True,
            ),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="reference",
            field=models.CharField(
                blank=True, db_index=True, help_text="The record it announces, e.g. link:42.", max_length=64
            ),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="next_attempt_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, help_text="Not tried again before this time (retries back off)."
            ),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="claimed_until",
            field=models.DateTimeField(
                blank=True,
                help_text="A worker is sending it until then; after that another worker may retry.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="claim_token",
            field=models.CharField(blank=True, help_text="Which claim (worker attempt) holds it.", max_length=32),
        ),
        migrations.AlterField(
            model_name="outboxmessage",
            name="attempts",
            field=models.PositiveIntegerField(default=0, help_text="Delivery attempts so far (claims by a worker)."),
        ),
        migrations.AddIndex(
            model_name="outboxmessage",
            index=models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
        ),
    ]
