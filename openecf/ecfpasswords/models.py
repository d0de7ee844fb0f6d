"""Single-use links that let a filer set a new password for a court-issued CM/ECF account."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ResetOrigin(models.TextChoices):
    FILER = "filer", "Asked for by the filer (Forgot your password?)"
    CLERK = "clerk", "Sent by a clerk"
    NEW_ACCOUNT = "new_account", "Sent with a new account created by a clerk"


class PasswordReset(models.Model):
    """One e-mailed reset link. Only a SHA-256 digest of its secret is kept; it works once, for 24 hours."""

    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.CASCADE,
        related_name="password_resets",
        help_text="The CM/ECF account whose password the link sets.",
    )
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret in the e-mailed link.")
    origin = models.CharField(max_length=12, choices=ResetOrigin.choices, help_text="Who started the reset.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The clerk who sent it, when a clerk did.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the link was sent.")
    expires_at = models.DateTimeField(help_text="The link is refused after this moment (24 hours after sending).")
    used_at = models.DateTimeField(
        null=True, blank=True, help_text="When it set a password, or when a newer link or a change voided it."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(origin__in=ResetOrigin.values), name="reset_origin_valid"),
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("created_at")), name="reset_expires"),
        ]

    def __str__(self) -> str:
        return f"reset for {self.ecf_account_id} ({'used' if self.used_at else 'open'})"
