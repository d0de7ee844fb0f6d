"""E-mail goes into the outbox with the change it announces, and is delivered over SMTP, retried on failure."""

from __future__ import annotations

import pytest
from django.db import transaction

from conftest import free_port
from openecf.notices.models import OutboxMessage, OutboxStatus
from openecf.notices.services import MAX_ATTEMPTS, deliver_pending, enqueue

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
    assert deliver_pending() == 1
    assert [m["Subject"] for m in smtp_inbox.messages] == ["Retry me"]  # type: ignore[attr-defined]


def test_a_message_that_keeps_failing_is_given_up_and_kept(settings: object) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # type: ignore[attr-defined]
    enqueue(kind="test", recipients=["a@example.com"], subject="Doomed", body="Body")
    for _ in range(MAX_ATTEMPTS):
        deliver_pending()
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.FAILED and message.attempts == MAX_ATTEMPTS
