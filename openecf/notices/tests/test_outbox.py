"""E-mail goes into the outbox with the change it announces, and is delivered over SMTP, retried on failure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from conftest import free_port
from openecf.notices.models import OutboxMessage, OutboxStatus
from openecf.notices.services import MAX_ATTEMPTS, deliver_pending, enqueue, retry_delay

pytestmark = pytest.mark.django_db


def test_a_message_is_delivered_over_smtp_once(smtp_inbox: object) -> None:
    enqueue(kind="test", recipients=["a@example.com", " a@example.com", "b@example.com"], subject="Hello", body="Body")
    assert deliver_pending() == 1
    assert deliver_pending() == 0
    [mail] = smtp_inbox.messages  # type: ignore[attr-defined]
    assert mail["Subject"] == "Hello"
    assert mail["X-Envelope-To"] == "a@example.com, b@example.com"
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.SENT and message.sent_at is not None and message.attempts == 1


def test_a_message_written_in_a_rolled_back_transaction_is_never_sent(smtp_inbox: object) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(kind="test", recipients=["a@example.com"], subject="Never", body="Never")
        raise RuntimeError("the change failed")
    assert deliver_pending() == 0
    assert not OutboxMessage.objects.exists()
    assert smtp_inbox.messages == []  # type: ignore[attr-defined]


def test_an_unreachable_server_keeps_the_message_for_a_retry(settings: object, smtp_inbox: object) -> None:
    working_port = settings.EMAIL_PORT  # type: ignore[attr-defined]
    settings.EMAIL_PORT = free_port()  # type: ignore[attr-defined]  # nothing listens there
    enqueue(kind="test", recipients=["a@example.com"], subject="Retry me", body="Body")
    assert deliver_pending() == 0
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    settings.EMAIL_PORT = working_port  # type: ignore[attr-defined]
    assert deliver_pending() == 0  # not before the retry is due
    assert deliver_pending(at=timezone.now() + retry_delay(1)) == 1
    assert [m["Subject"] for m in smtp_inbox.messages] == ["Retry me"]  # type: ignore[attr-defined]


def test_a_message_that_keeps_failing_is_given_up_and_kept(settings: object) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # type: ignore[attr-defined]
    enqueue(kind="test", recipients=["a@example.com"], subject="Doomed", body="Body")
    later = timezone.now()
    for _ in range(MAX_ATTEMPTS + 2):
        deliver_pending(at=later)
        later += timedelta(hours=2)
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.FAILED and message.attempts == MAX_ATTEMPTS


def test_retries_back_off_doubling_up_to_an_hour() -> None:
    waits = [retry_delay(attempt).total_seconds() for attempt in range(1, 10)]
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_retry_after_a_refused_attempt_carries_the_same_message_id(settings: object) -> None:
    """The server says 451 the first time: the second attempt is the same message, not a new one."""
    from aiosmtpd.controller import Controller

    from conftest import _Inbox

    class Flaky(_Inbox):
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            if not getattr(self, "refused", False):
                self.refused = True
                return "451 Try again later"
            return await super().handle_DATA(server, session, envelope)

    inbox = Flaky()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port  # type: ignore[attr-defined]
    try:
        queued = enqueue(kind="test", recipients=["a@example.com"], subject="Twice tried", body="Body")
        assert deliver_pending() == 0
        assert deliver_pending(at=timezone.now() + retry_delay(1)) == 1
    finally:
        controller.stop()
    [mail] = inbox.messages
    assert mail["Message-ID"] == queued.message_id
    assert OutboxMessage.objects.get().attempts == 2


def test_every_message_has_its_own_message_id(smtp_inbox: object) -> None:
    for subject in ["One", "Two"]:
        enqueue(kind="test", recipients=["a@example.com"], subject=subject, body="Body")
    assert deliver_pending() == 2
    ids = [m["Message-ID"] for m in smtp_inbox.messages]  # type: ignore[attr-defined]
    assert sorted(ids) == sorted(OutboxMessage.objects.values_list("message_id", flat=True)) and len(set(ids)) == 2
