"""Multi-factor sign-on: authenticator apps (TOTP), one-time backup codes, e-mailed codes, enrolment skips."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

MAX_AUTHENTICATORS = 5
BACKUP_CODE_COUNT = 10


class Authenticator(models.Model):
    """An authenticator app (TOTP, 30-second codes, 6 digits). Usable once confirmed by a first code."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authenticators", help_text="Its owner."
    )
    name = models.CharField(max_length=40, help_text="What the owner calls it, e.g. 'Work phone'.")
    # Stored as the app holds it: TOTP needs the shared secret itself, so it cannot be hashed (RFC 6238).
    secret = models.CharField(max_length=64, help_text="Base32 TOTP secret shared with the app.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When enrolment started.")
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text="When a first code confirmed it.")
    last_used_step = models.BigIntegerField(
        default=0, help_text="The 30-second time step of the last accepted code: older or equal steps are refused."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="mfa_authenticator_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.account_id})"


class BackupCode(models.Model):
    """A one-time backup code. Random and long, so a keyed SHA-256 is a sufficient hash."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="backup_codes", help_text="Its owner."
    )
    digest = models.CharField(max_length=64, help_text="HMAC-SHA256 of the normalised code.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the set was generated.")
    used_at = models.DateTimeField(null=True, blank=True, help_text="When it was used; a code works once.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "digest"], name="mfa_backup_code_unique")]

    def __str__(self) -> str:
        return f"backup code of {self.account_id} ({'used' if self.used_at else 'unused'})"


class EmailCodePurpose(models.TextChoices):
    ADD_AUTHENTICATOR = "add_authenticator", "Add an authenticator app"


class EmailCode(models.Model):
    """A short code e-mailed to the account: proof that whoever adds an app also holds the account's e-mail."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mfa_email_codes", help_text="Its owner."
    )
    purpose = models.CharField(max_length=24, choices=EmailCodePurpose.choices, help_text="What the code allows.")
    digest = models.CharField(max_length=64, help_text="HMAC-SHA256 of the code.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was sent.")
    expires_at = models.DateTimeField(help_text="It is refused after this moment.")
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Wrong entries so far; void after 5.")
    used_at = models.DateTimeField(null=True, blank=True, help_text="When it was used; a code works once.")

    def __str__(self) -> str:
        return f"{self.purpose} code for {self.account_id}"


class EnrolmentSkips(models.Model):
    """How often a filer without an authenticator app has signed in without one: OPENECF_MFA_SKIPS allows a few.
    Written when a skip is taken (services.record_skip), read by every login (signon's sign-on facts)."""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mfa_enrolment_skips", help_text="Its owner."
    )
    used = models.PositiveSmallIntegerField(
        default=0,
        help_text="Logins without an authenticator app so far; a filer is blocked once the allowance is used.",
    )

    class Meta:
        verbose_name = "MFA enrolment skips"
        verbose_name_plural = "MFA enrolment skips"

    def __str__(self) -> str:
        return f"{self.used} MFA enrolment skips of {self.account_id}"
