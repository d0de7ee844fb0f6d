"""Queue e-mail inside the caller's transaction; deliver it after commit and from the send_outbox worker."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from openecf.notices.models import OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10


def _unique(recipients: list[str]) -> list[str]:
    return list(dict.fromkeys(address.strip() for address in recipients if address.strip()))


def enqueue(*, kind: str, recipients: list[str], subject: str, body: str, deliver_now: bool = True) -> OutboxMessage:
    """Write the message to the outbox. Must run inside the transaction of the change it announces.

    ``deliver_now=False`` leaves it to the send_outbox worker: for a page whose answer must take the same time
    whether or not a message was written (no account enumeration through timing).
    """
    message = OutboxMessage.objects.create(kind=kind, recipients=_unique(recipients), subject=subject, body=body)
    if deliver_now:
        # Try at once after commit so the filer gets it quickly; the worker retries anything left pending.
        transaction.on_commit(lambda: deliver_pending(only_id=message.pk))
    return message


def enqueue_many(*, kind: str, messages: list[tuple[list[str], str, str]], batch_size: int = 1000) -> int:
    """Write many messages (recipients, subject, body) at once, for the send_outbox worker to deliver.

    For announcements to a whole court: sending thousands of messages inside the request would hold it for
    minutes, so they are only written here, in the caller's transaction.
    """
    rows = [
        OutboxMessage(kind=kind, recipients=_unique(recipients), subject=subject, body=body)
        for recipients, subject, body in messages
    ]
    OutboxMessage.objects.bulk_create(rows, batch_size=batch_size)
    return len(rows)


def deliver_pending(*, only_id: int | None = None, limit: int = 100) -> int:
    """Send pending messages; returns how many were sent. Failures stay pending until MAX_ATTEMPTS."""
    sent = 0
    queue = OutboxMessage.objects.filter(status=OutboxStatus.PENDING).order_by("id")
    if only_id is not None:
        queue = queue.filter(pk=only_id)
    connection = None
    for message_id in list(queue.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
            if message is None or message.status != OutboxStatus.PENDING:
                continue  # another worker took it
            message.attempts += 1
            try:
                connection = connection or get_connection()
                EmailMessage(
                    subject=message.subject,
                    body=message.body,
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=message.recipients,
                    connection=connection,
                ).send()
            except Exception as error:  # any transport failure: keep the message, record why, retry later
                log.warning("outbox message %s not delivered: %s", message.pk, error)
                message.last_error = f"{type(error).__name__}: {error}"[:2000]
                if message.attempts >= MAX_ATTEMPTS:
                    message.status = OutboxStatus.FAILED
                connection = None
            else:
                message.status = OutboxStatus.SENT
                message.sent_at = timezone.now()
                sent += 1
            message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    return sent
