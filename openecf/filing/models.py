"""A filing in progress: the steps' answers kept on the server, bound to the filer and the court, until it is
submitted, abandoned or timed out."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    OPEN = "open", "In progress"
    FILED = "filed", "Filed"
    ABANDONED = "abandoned", "Abandoned"
    EXPIRED = "expired", "Timed out"


def _empty() -> dict[str, Any]:
    return {}


class FilingTransaction(models.Model):
    key = models.CharField(
        max_length=32, unique=True, help_text="Random key in the steps' URLs; only its own filer can use it."
    )
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="+", help_text="The court filed in."
    )
    pacer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The PACER account signed in (empty with an old court login before NextGen).",
    )
    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The CM/ECF account whose filing rights are exercised (the filer on the docket).",
    )
    menu = models.CharField(max_length=12, help_text="civil, criminal, bankruptcy or adversary.")
    events = models.JSONField(help_text="The codes of the events chosen (openecf/filing/catalog.py).")
    answers = models.JSONField(default=_empty, help_text="Each step's answers, by step name, as the steps saved them.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, help_text="Where the transaction stands."
    )
    started_at = models.DateTimeField(default=timezone.now, help_text="When the filer chose the events.")
    expires_at = models.DateTimeField(help_text="The court's transaction time limit from the start.")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When it was filed, abandoned or timed out.")
    entry = models.OneToOneField(
        "cases.DocketEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filing_transaction",
        help_text="The docket entry filed (once filed).",
    )
    nef_html = models.TextField(blank=True, help_text="The NEF as shown to the filer after the final step.")

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["status", "expires_at"], name="filing_txn_status_expiry")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="filing_txn_status_valid"),
            models.CheckConstraint(
                condition=(Q(status=Status.FILED) & Q(entry__isnull=False))
                | (~Q(status=Status.FILED) & Q(entry__isnull=True)),
                name="filing_txn_entry_iff_filed",
            ),
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("started_at")), name="filing_txn_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.key[:8]} ({self.status})"

    @property
    def expired(self) -> bool:
        return self.status == Status.OPEN and timezone.now() >= self.expires_at
