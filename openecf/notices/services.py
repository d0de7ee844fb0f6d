"""Queue e-mail inside the caller's transaction; the send_outbox worker delivers it: claim, send, record.

No database lock is held while talking to the mail server. A worker claims a message for a lease (a short
transaction), sends it with no transaction open, then records the outcome. A worker killed mid-delivery leaves the
claim to expire and another attempt sends the message again with the same Message-ID: delivery is at least once,
and a resend is recognisably the same message (docs/security.md says exactly what that guarantees).

Any number of workers may drain one outbox (one beside each app node, run_worker). On PostgreSQL a claim is
SELECT ... FOR UPDATE SKIP LOCKED: a worker passes over the rows another is claiming, and once that claim commits its
lease keeps the row out of everyone else's query, so in normal operation each message is sent once
(openecf/notices/tests/test_many_workers.py: four workers, 200 messages). On SQLite, which is for a single host, the
claim's transaction takes the database's write lock up front (IMMEDIATE), so claims queue one behind another: one
worker is all it needs, and more are still safe. Leases are compared with each worker's clock: keep the hosts'
clocks in step (NTP), well within the lease.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import get_random_string

from openecf.notices.models import ContentSubtype, OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)


def _message_id() -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "openecf.localhost"
    return make_msgid(idstring="outbox", domain=domain)


def enqueue(
    *,
    kind: str,
    recipients: list[str],
    subject: str,
    body: str,
    reference: str = "",
    content_subtype: str = ContentSubtype.PLAIN,
    from_email: str = "",
) -> OutboxMessage:
    """Write the message to the outbox. Must run inside the transaction of the change it announces."""
    unique = list(dict.fromkeys(address.strip() for address in recipients if address.strip()))
    return OutboxMessage.objects.create(
        kind=kind,
        reference=reference,
        message_id=_message_id(),
        recipients=unique,
        subject=subject,
        body=body,
        content_subtype=content_subtype,
        from_email=from_email,
    )


def enqueue_many(*, kind: str, messages: list[tuple[list[str], str, str]], batch_size: int = 1000) -> int:
    """Write many messages (recipients, subject, body) at once, in the caller's transaction.

    For announcements to a whole court: thousands of messages are only written here; the worker sends them.
    """
    rows = [
        OutboxMessage(
            kind=kind,
            message_id=_message_id(),
            recipients=list(dict.fromkeys(address.strip() for address in recipients if address.strip())),
            subject=subject,
            body=body,
        )
        for recipients, subject, body in messages
    ]
    OutboxMessage.objects.bulk_create(rows, batch_size=batch_size)
    return len(rows)


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failure, doubling, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def _lease() -> timedelta:
    return timedelta(seconds=settings.OPENECF_OUTBOX_LEASE_SECONDS)


def claim(*, at: datetime, lease: timedelta) -> OutboxMessage | None:
    """Take the next due message for `lease`, in a transaction of its own that ends before any sending."""
    token = get_random_string(32)
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=OutboxStatus.PENDING, next_attempt_at__lte=at)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=at))
            .order_by("next_attempt_at", "id")
            .first()
        )
        if message is None:
            return None
        message.attempts += 1
        message.claimed_until = at + lease
        message.claim_token = token
        message.save(update_fields=["attempts", "claimed_until", "claim_token"])
    return message


def deliver_pending(*, limit: int = 100, at: datetime | None = None, lease: timedelta | None = None) -> int:
    """Send due messages; returns how many the mail server accepted. Failures are retried later, up to MAX_ATTEMPTS."""
    sent = 0
    connection = None
    for _ in range(limit):
        now = at or timezone.now()
        message = claim(at=now, lease=lease or _lease())
        if message is None:
            break
        try:
            connection = connection or get_connection()
            email = EmailMessage(
                subject=message.subject,
                body=message.body,
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                to=message.recipients,
                headers={"Message-ID": message.message_id},
                connection=connection,
            )
            email.content_subtype = message.content_subtype  # one part either way: text/plain or text/html
            email.send()
        except Exception as error:  # any transport failure: keep the message, record why, retry later
            log.warning("outbox message %s not delivered (attempt %s): %s", message.pk, message.attempts, error)
            connection = None
            given_up = message.attempts >= MAX_ATTEMPTS
            OutboxMessage.objects.filter(pk=message.pk, claim_token=message.claim_token).update(
                last_error=f"{type(error).__name__}: {error}"[:2000],
                status=OutboxStatus.FAILED if given_up else OutboxStatus.PENDING,
                next_attempt_at=now + retry_delay(message.attempts),
                claimed_until=None,
            )
        else:
            sent += 1
            # Whoever holds the claim now, the server has the message: record it as sent.
            OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.PENDING).update(
                status=OutboxStatus.SENT, sent_at=timezone.now(), claimed_until=None, last_error=""
            )
    if connection is not None:
        connection.close()
    return sent
