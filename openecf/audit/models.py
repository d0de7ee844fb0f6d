"""Append-only record of who did what, where, from which address."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("audit events cannot be deleted")

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[AuditEvent]:
        if kwargs.get("update_conflicts") or kwargs.get("ignore_conflicts"):
            # An upsert would overwrite (or silently drop) events: appending is the only write allowed.
            raise AppendOnlyError("audit events can only be appended")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Any, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit events cannot be changed")


class AuditEvent(models.Model):
    """One thing that happened. Written by services in the same transaction as the change it describes."""

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True, help_text="When it happened (UTC).")
    event = models.CharField(
        max_length=64,
        db_index=True,
        help_text="Dotted event name, e.g. login.failed, link.confirmed, link.refused.",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
        help_text="The PACER account that acted, when one is known.",
    )
    username = models.CharField(
        max_length=150, blank=True, help_text="The username as typed (also kept when no account matched)."
    )
    court = models.ForeignKey(
        "courts.Court",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
        help_text="The court whose site the action happened on, if any.",
    )
    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
        help_text="The court's CM/ECF account concerned, if any.",
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True, help_text="Client address.")
    user_agent = models.CharField(max_length=512, blank=True, help_text="Client's User-Agent header.")
    detail = models.JSONField(default=dict, blank=True, help_text="Event-specific facts, e.g. a refusal reason.")
    seq = models.PositiveBigIntegerField(
        unique=True, help_text="Place in the hash chain: 1, 2, 3... in the order the events were committed."
    )
    prev_hash = models.CharField(max_length=64, help_text="SHA-256 chain hash of the event before (seq - 1).")
    hash = models.CharField(
        max_length=64, help_text="SHA-256 of prev_hash and this event's content; see audit/chain.py."
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["court", "occurred_at"], name="audit_court_time")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.event}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditChainHead(models.Model):
    """The newest link of the hash chain. Its row lock serialises writers, so two events never share a place.

    Kept apart from the events so that deleting the newest events (which leaves a valid but shorter chain) shows.
    """

    seq = models.PositiveBigIntegerField(default=0, help_text="seq of the newest event (0: no events yet).")
    hash = models.CharField(max_length=64, help_text="hash of the newest event (64 zeros: no events yet).")

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audit_chain_head_single_row")]

    def __str__(self) -> str:
        return f"audit chain head #{self.seq} {self.hash[:12]}"
