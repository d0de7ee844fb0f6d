"""The e-mail outbox: a message is written in the same transaction as the change it announces."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Gave up after repeated failures"


class ContentSubtype(models.TextChoices):
    PLAIN = "plain", "text/plain"
    HTML = "html", "text/html"


class OutboxMessage(models.Model):
    created_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When it was queued.")
    kind = models.CharField(max_length=64, help_text="What the message announces, e.g. link.confirmed.")
    reference = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="The record it announces, e.g. link:42."
    )
    message_id = models.CharField(
        max_length=255,
        unique=True,
        help_text="Message-ID header, the same on every attempt: a resend after a crash is the same message.",
    )
    recipients = models.JSONField(help_text="List of e-mail addresses.")
    subject = models.CharField(max_length=255, help_text="Subject line.")
    body = models.TextField(help_text="The body: plain text, or HTML when content_subtype is html.")
    content_subtype = models.CharField(
        max_length=5,
        choices=ContentSubtype.choices,
        default=ContentSubtype.PLAIN,
        help_text="The body's MIME subtype: sent as one text/plain or one text/html part (the NEF is html).",
    )
    from_email = models.CharField(
        max_length=320,
        blank=True,
        help_text="The From header (e.g. a court's noticing address); empty: DEFAULT_FROM_EMAIL.",
    )
    status = models.CharField(max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0, help_text="Delivery attempts so far (claims by a worker).")
    next_attempt_at = models.DateTimeField(
        default=timezone.now, help_text="Not tried again before this time (retries back off)."
    )
    claimed_until = models.DateTimeField(
        null=True, blank=True, help_text="A worker is sending it until then; after that another worker may retry."
    )
    claim_token = models.CharField(max_length=32, blank=True, help_text="Which claim (worker attempt) holds it.")
    last_error = models.TextField(blank=True, help_text="Why the last attempt failed.")
    sent_at = models.DateTimeField(null=True, blank=True, help_text="When the mail server accepted it.")

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=OutboxStatus.values), name="outbox_status_valid"),
            models.CheckConstraint(
                condition=models.Q(content_subtype__in=ContentSubtype.values), name="outbox_content_subtype_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {', '.join(self.recipients)} ({self.status})"
