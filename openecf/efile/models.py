"""E-file registration: a PACER account asks a court for filing rights where it has no CM/ECF account."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class FilerRole(models.TextChoices):
    ATTORNEY = "attorney", "Attorney filer"
    NONATTORNEY = "nonattorney", "Non-attorney filer"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the clerk"
    APPROVED = "approved", "Approved"
    DENIED = "denied", "Denied"


class EfileRegistration(models.Model):
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="efile_registrations",
        help_text="The PACER account asking for filing rights.",
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        related_name="efile_registrations",
        help_text="The court asked.",
    )
    role = models.CharField(max_length=12, choices=FilerRole.choices, help_text="The filing rights asked for.")
    bar_id = models.CharField(
        max_length=40, blank=True, help_text="Bar number and state of admission (attorney filers)."
    )
    statement = models.TextField(
        blank=True, max_length=2000, help_text="What the filer tells the clerk (e.g. the party represented)."
    )
    status = models.CharField(
        max_length=8,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
        help_text="Pending until the court's clerk approves or denies it.",
    )
    requested_at = models.DateTimeField(default=timezone.now, help_text="When the filer asked.")
    decided_at = models.DateTimeField(null=True, blank=True, help_text="When the clerk decided.")
    decided_by = models.CharField(max_length=150, blank=True, help_text="Who decided (admin user or manage.py).")
    decision_note = models.TextField(blank=True, help_text="The clerk's reason, sent to the filer.")
    ecf_account = models.OneToOneField(
        "cmecf.EcfAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="efile_registration",
        help_text="The court's filing account made on approval, linked to the PACER account at once.",
    )

    class Meta:
        verbose_name = "e-file registration"
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "court"],
                condition=models.Q(status="pending"),
                name="efile_one_pending_per_account_per_court",
            ),
            models.CheckConstraint(condition=models.Q(role__in=FilerRole.values), name="efile_role_valid"),
            models.CheckConstraint(condition=models.Q(status__in=RegistrationStatus.values), name="efile_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status="approved", ecf_account__isnull=False)
                | (~models.Q(status="approved") & models.Q(ecf_account__isnull=True)),
                name="efile_approved_has_account",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.account.username} at {self.court_id} ({self.status})"
