"""Court staff: which PACER accounts clerk for which courts, link corrections, go-live reminders sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ClerkMembership(models.Model):
    """A PACER account that works the clerk's desk of one court. One account may clerk for several courts."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="clerk_memberships",
        help_text="The clerk's own PACER account (individual); the clerk's desk asks its password and an app code.",
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.CASCADE,
        related_name="clerk_memberships",
        help_text="The court whose accounts, go-live and audit log this clerk may see and change.",
    )
    granted_at = models.DateTimeField(default=timezone.now, help_text="When the membership was granted.")

    class Meta:
        ordering = ["court_id", "account_id"]
        constraints = [models.UniqueConstraint(fields=["account", "court"], name="clerk_membership_unique")]

    def __str__(self) -> str:
        return f"{self.account_id} clerks for {self.court_id}"


class CorrectionStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed, waiting for a second clerk"
    APPROVED = "approved", "Approved: the link was removed"
    REJECTED = "rejected", "Rejected: the link stays"


class LinkCorrection(models.Model):
    """Removing a wrong link: one clerk proposes it with a reason, a different clerk approves or rejects it.

    The link row itself is deleted on approval (so the CM/ECF account can be linked again); this record and the
    audit events keep who was linked to what, since when, who proposed, why, and who approved.
    """

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="+", help_text="The court.")
    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.PROTECT,
        related_name="link_corrections",
        help_text="The CM/ECF account whose link is to be removed.",
    )
    pacer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The PACER account it was (wrongly) linked to.",
    )
    link_id = models.BigIntegerField(help_text="Id of the link row concerned (deleted when approved).")
    linked_at = models.DateTimeField(help_text="When the filer had confirmed that link.")
    reason = models.TextField(help_text="Why the proposing clerk says the link is wrong, and how it was checked.")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="The clerk who proposed it."
    )
    proposed_at = models.DateTimeField(default=timezone.now, help_text="When it was proposed.")
    status = models.CharField(
        max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.PROPOSED, help_text="Where it is."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The second clerk who approved or rejected it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True, help_text="When it was approved or rejected.")
    decision_note = models.TextField(blank=True, help_text="The second clerk's note.")

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=CorrectionStatus.values), name="correction_status"),
            models.CheckConstraint(
                condition=models.Q(status="proposed") | ~models.Q(decided_by=models.F("proposed_by")),
                name="correction_second_clerk",
            ),
            models.CheckConstraint(
                condition=models.Q(status="proposed", decided_by__isnull=True)
                | (~models.Q(status="proposed") & models.Q(decided_by__isnull=False, decided_at__isnull=False)),
                name="correction_decided_by_someone",
            ),
            models.UniqueConstraint(
                fields=["ecf_account"], condition=models.Q(status="proposed"), name="correction_one_open_per_account"
            ),
        ]

    def __str__(self) -> str:
        return f"correction {self.pk} of {self.ecf_account_id} ({self.status})"


class GoLiveReminder(models.Model):
    """The go-live day reminder of one court for one go-live date: sent once, however often the command runs."""

    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE, related_name="+", help_text="The court.")
    go_live = models.DateField(help_text="The go-live date the reminder was for.")
    sent_at = models.DateTimeField(default=timezone.now, help_text="When the reminders were queued.")
    recipients = models.PositiveIntegerField(help_text="How many CM/ECF account holders were reminded.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["court", "go_live"], name="golive_reminder_once")]

    def __str__(self) -> str:
        return f"{self.court_id} go-live {self.go_live}: {self.recipients} reminded"
