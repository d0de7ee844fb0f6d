"""The Case Locator's batch searches: a search run once and kept, whose results are downloaded (and billed) later."""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone


class SearchType(models.TextChoices):
    CASE = "CASE", "Case search"
    PARTY = "PARTY", "Party search"


class BatchStatus(models.TextChoices):
    # The search runs when it is submitted, so a report is complete from the start; WAITING and RUNNING, which PCL
    # also answers while its queue works, never occur here (docs/decisions.md, "PCL batch searches").
    COMPLETED = "COMPLETED", "Completed"


class BatchReport(models.Model):
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pcl_reports",
        help_text="The PACER account that submitted the search; only it sees, downloads or deletes the report.",
    )
    search_type = models.CharField(max_length=5, choices=SearchType.choices, help_text="CASE or PARTY.")
    case_criteria = models.JSONField(
        default=dict, encoder=DjangoJSONEncoder, help_text="The case criteria, as validated (search.Criteria)."
    )
    party_criteria = models.JSONField(
        default=dict, encoder=DjangoJSONEncoder, help_text="The party criteria, as validated (search.Criteria)."
    )
    criteria_summary = models.CharField(max_length=500, blank=True, help_text="The receipt's search line.")
    record_ids = models.JSONField(
        default=list, help_text="Primary keys of the cases or parties found, in the results' order, when submitted."
    )
    record_count = models.PositiveIntegerField(help_text="How many records the search found.")
    status = models.CharField(
        max_length=10, choices=BatchStatus.choices, default=BatchStatus.COMPLETED, help_text="As PCL reports it."
    )
    started_at = models.DateTimeField(default=timezone.now, help_text="When the search was submitted.")
    ended_at = models.DateTimeField(default=timezone.now, help_text="When its results were ready.")
    charge = models.OneToOneField(
        "billing.Charge",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The charge of its first download; empty until then (later downloads are not billed again).",
    )

    class Meta:
        ordering = ["account_id", "-started_at", "-id"]
        indexes = [models.Index(fields=["account", "search_type"], name="pcl_report_account_type")]
        constraints = [
            models.CheckConstraint(condition=Q(search_type__in=SearchType.values), name="pcl_report_type_valid"),
            models.CheckConstraint(condition=Q(status__in=BatchStatus.values), name="pcl_report_status_valid"),
        ]

    def __str__(self) -> str:
        return f"PCL {self.search_type} report {self.pk} ({self.record_count} records)"
