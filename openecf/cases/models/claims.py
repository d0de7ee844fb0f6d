"""A bankruptcy case's claims register: each proof of claim a creditor filed, as the Claims Register lists it."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class ClaimStatus(models.TextChoices):
    NONE = "", "(none)"
    ALLOWED = "Allowed", "Allowed"
    DISALLOWED = "Disallowed", "Disallowed"
    WITHDRAWN = "Withdrawn", "Withdrawn"
    EXPUNGED = "Expunged", "Expunged"


class Claim(models.Model):
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="The bankruptcy case the claim is filed in (cases.services.add_claim refuses any other kind).",
    )
    number = models.PositiveIntegerField(help_text="The claim number, 1, 2, 3... in the case.")
    creditor_name = models.CharField(max_length=300, help_text="The creditor's name as the register shows it.")
    creditor_address = models.TextField(
        blank=True, help_text="The creditor's mailing address, one line per address line."
    )
    filed_by = models.CharField(
        max_length=300, blank=True, help_text="Who filed the proof of claim: the creditor itself or its agent."
    )
    entered_by = models.CharField(
        max_length=300, help_text="Who entered the claim on the register (the filer's name, or the clerk's)."
    )
    filed_on = models.DateField(help_text="The date the proof of claim was filed, in the court's time zone.")
    entered_at = models.DateTimeField(default=timezone.now, help_text="When the claim was entered on the register.")
    amount_claimed = models.DecimalField(
        max_digits=14, decimal_places=2, help_text="The total amount claimed, in dollars."
    )
    secured_claimed = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The part claimed as secured, in dollars; empty when none is claimed.",
    )
    priority_claimed = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The part claimed as entitled to priority, in dollars; empty when none is claimed.",
    )
    unsecured_claimed = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The part claimed as general unsecured, in dollars; empty when none is claimed.",
    )
    description = models.CharField(
        max_length=300, blank=True, help_text='The basis of the claim, e.g. "Money loaned" or "Goods sold".'
    )
    status = models.CharField(
        max_length=12,
        choices=ClaimStatus.choices,
        default=ClaimStatus.NONE,
        blank=True,
        help_text="The claim's status on the register, if the court has set one.",
    )
    remarks = models.TextField(blank=True, help_text="The clerk's remarks on the claim.")

    class Meta:
        ordering = ["case_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="claim_number_unique_per_case"),
            models.CheckConstraint(condition=Q(number__gte=1), name="claim_number_positive"),
            models.CheckConstraint(condition=~Q(creditor_name=""), name="claim_creditor_named"),
            models.CheckConstraint(condition=~Q(entered_by=""), name="claim_entered_by_named"),
            models.CheckConstraint(condition=Q(amount_claimed__gte=0), name="claim_amount_not_negative"),
            models.CheckConstraint(
                condition=(Q(secured_claimed__isnull=True) | Q(secured_claimed__gte=0))
                & (Q(priority_claimed__isnull=True) | Q(priority_claimed__gte=0))
                & (Q(unsecured_claimed__isnull=True) | Q(unsecured_claimed__gte=0)),
                name="claim_parts_not_negative",
            ),
            # The parts never claim more than the whole (a part may be "unknown", so they need not add up).
            models.CheckConstraint(
                condition=(Q(secured_claimed__isnull=True) | Q(secured_claimed__lte=F("amount_claimed")))
                & (Q(priority_claimed__isnull=True) | Q(priority_claimed__lte=F("amount_claimed")))
                & (Q(unsecured_claimed__isnull=True) | Q(unsecured_claimed__lte=F("amount_claimed"))),
                name="claim_parts_within_total",
            ),
            models.CheckConstraint(condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"),
        ]

    def __str__(self) -> str:
        return f"Claim {self.number} in case {self.case_id}: {self.creditor_name}"
