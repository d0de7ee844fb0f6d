"""Append-only record of who did what, where, from which address."""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

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


class AppendOnly(models.Model):
    """A row written once: saving it again or deleting it raises AppendOnlyError, naming ``noun``."""

    noun: ClassVar[str]

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError(f"{self.noun} cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"{self.noun} cannot be deleted")


class WritingTransaction(models.Func):
    """The database default of ``AuditEvent.txn``: on PostgreSQL the writing transaction's 64-bit id, taken by
    the INSERT itself (no extra round trip); on SQLite 0, because SQLite lets one writer at a time commit, so ids
    already come in commit order there."""

    template = "0"
    output_field = models.BigIntegerField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list[Any]]:
        return "(pg_current_xact_id()::text::bigint)", []


class AuditEvent(AppendOnly):
    """One thing that happened. Written by services in the same transaction as the change it describes."""

    noun = "audit events"

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
    txn = models.BigIntegerField(
        db_default=WritingTransaction(),
        editable=False,
        help_text=(
            "PostgreSQL: the id of the transaction that wrote it (0 on SQLite); the sealer's order, see sealing.py."
        ),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["court", "occurred_at"], name="audit_court_time"),
            models.Index(fields=["txn", "id"], name="audit_seal_order"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.event}"


class AuditSeal(AppendOnly):
    """One batch of events, sealed after they committed: the hash chain over them and the chain's head.

    Seals are chained (each starts from the head of the one before), written by the sealer only and append-only
    like the events. ``entries`` keeps each sealed event's place and content hash, so verify_audit can name the
    event that no longer matches (openecf/audit/verification.py).
    """

    noun = "audit seals"

    seq = models.PositiveBigIntegerField(unique=True, help_text="1, 2, 3... in the order the seals were made.")
    sealed_at = models.DateTimeField(default=timezone.now, help_text="When the seal was made (UTC).")
    count = models.PositiveIntegerField(help_text="How many events it seals.")
    last_txn = models.BigIntegerField(
        help_text="txn of its last event: the next seal starts after (last_txn, last_id)."
    )
    last_id = models.BigIntegerField(help_text="id of its last event.")
    prev_head = models.CharField(
        max_length=64, unique=True, help_text="head of the seal before (64 zeros for the first): one seal follows each."
    )
    head = models.CharField(
        max_length=64, help_text="The hash chain's value after its last event; see audit/hashing.py."
    )
    entries = models.JSONField(help_text="[txn, id, content hash] of each sealed event, in sealed order.")

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"audit seal #{self.seq}: {self.count} event(s), head {self.head[:12]}"
