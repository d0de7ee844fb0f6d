"""The PACER fee ledger: one Charge per billable (or waived) page view or search, and the courts' exemptions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Waiver(models.TextChoices):
    NONE = "", "Charged"
    EXEMPTION = "exemption", "Exempt (court-granted exemption)"
    OPINION = "opinion", "Free (judicial opinion)"
    FREE_LOOK = "free_look", "Free (the NEF's free look)"


class Charge(models.Model):
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="charges",
        help_text="The PACER account charged.",
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="charges",
        help_text="The court whose page was viewed; empty for the PACER Case Locator, which is nationwide.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the page was served (the receipt's time).")
    description = models.CharField(
        max_length=200, help_text='What was viewed: "Docket Report", "Search", "Image12-0"...'
    )
    criteria = models.CharField(
        max_length=500, blank=True, help_text="The search criteria, or the case number for a document."
    )
    pages = models.PositiveIntegerField(help_text="Billable pages, after the $3.00 cap where it applies.")
    cost_cents = models.PositiveIntegerField(help_text="The cost in cents (0 when waived).")
    client_code = models.CharField(max_length=32, blank=True, help_text="The client code in force, if any.")
    waiver = models.CharField(
        max_length=12, choices=Waiver.choices, blank=True, default=Waiver.NONE, help_text="Why it costs nothing, if so."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["account", "created_at"], name="charge_account_time"),
            models.Index(fields=["court", "created_at"], name="charge_court_time"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(waiver__in=Waiver.values), name="charge_waiver_valid"),
            models.CheckConstraint(condition=Q(waiver="") | Q(cost_cents=0), name="charge_waived_costs_nothing"),
            models.CheckConstraint(condition=Q(cost_cents__lte=F("pages") * 10), name="charge_at_most_a_dime_a_page"),
        ]

    def __str__(self) -> str:
        return f"{self.description} {self.criteria} ({self.pages} pages, {self.cost_cents} cents)"


class Exemption(models.Model):
    """A court's fee exemption for one account, for a period (both days included, in the court's time zone)."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="fee_exemptions",
        help_text="The exempt PACER account.",
    )
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="fee_exemptions", help_text="The court exempting."
    )
    starts_on = models.DateField(help_text="First day of the exemption.")
    ends_on = models.DateField(help_text="Last day of the exemption.")
    reason = models.CharField(max_length=300, help_text='Why, as the order says: "CJA counsel", "pro bono"...')
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The clerk who set it.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was set.")

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["account", "court", "ends_on"], name="exemption_lookup")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="exemption_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.account_id} at {self.court_id}: {self.starts_on} to {self.ends_on}"


class ExemptionRequestStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    GRANTED = "granted", "Granted"


class ExemptionRequest(models.Model):
    """A user's request, under Utilities -> Change PACER Exemption Status, that the court decides on the desk."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="fee_exemption_requests",
        help_text="The PACER account asking.",
    )
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="fee_exemption_requests", help_text="The court asked."
    )
    reason = models.CharField(max_length=1000, help_text="The user's grounds for the exemption.")
    status = models.CharField(
        max_length=8,
        choices=ExemptionRequestStatus.choices,
        default=ExemptionRequestStatus.PENDING,
        help_text="Pending until a clerk grants an exemption to the account.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was asked.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ExemptionRequestStatus.values), name="exemption_request_status_valid"
            ),
            models.UniqueConstraint(
                fields=["account", "court"],
                condition=Q(status="pending"),
                name="exemption_request_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account_id} asks {self.court_id} ({self.status})"
