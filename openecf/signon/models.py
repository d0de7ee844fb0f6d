"""Central Sign-On tokens: the one credential that browser logins and API logins both hold."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class TokenOrigin(models.TextChoices):
    WEB = "web", "Browser login"
    API = "api", "PACER Authentication API"


class CsoToken(models.Model):
    """One sign-on. Only a digest of the token is stored: a copy of the table opens no session."""

    digest = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the 128-character nextGenCSO value, in hex."
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cso_tokens",
        help_text="The PACER account this sign-on belongs to.",
    )
    origin = models.CharField(max_length=3, choices=TokenOrigin.choices, help_text="How the token was obtained.")
    client_code = models.CharField(max_length=32, blank=True, help_text="Client code given at login, if any.")
    mfa_method = models.CharField(
        max_length=8, blank=True, help_text="totp or backup when a one-time code was checked at login; empty if not."
    )
    password_stamp = models.CharField(
        max_length=64,
        help_text="Derived from the password hash at login: a password change ends every token issued before it.",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the login succeeded.")
    expires_at = models.DateTimeField(help_text="The maximum login time: the token is void after this moment.")
    last_used_at = models.DateTimeField(
        default=timezone.now, help_text="Last request made with it (kept to the minute), for the idle timeout."
    )
    ended_at = models.DateTimeField(null=True, blank=True, help_text="When it was ended by logout; null if not.")
    ended_reason = models.CharField(max_length=32, blank=True, help_text="logout, api-logout, password-changed...")

    class Meta:
        verbose_name = "CSO token"
        indexes = [models.Index(fields=["account", "ended_at"], name="cso_token_account_open")]
        constraints = [
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("created_at")), name="cso_token_expires"),
        ]

    def __str__(self) -> str:
        return f"token of {self.account_id} ({self.origin}, {self.created_at:%Y-%m-%d %H:%M})"


class SignOnSettings(models.Model):
    """Per-account sign-on settings. (The MFA enrolment skips an account has used are counted in openecf/mfa.)"""

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signon_settings", help_text="Its owner."
    )
    client_code_required = models.BooleanField(
        default=False, help_text="The account holder requires a client code at every login (for billing)."
    )

    class Meta:
        verbose_name = "sign-on settings"
        verbose_name_plural = "sign-on settings"

    def __str__(self) -> str:
        return f"sign-on settings of {self.account_id}"
