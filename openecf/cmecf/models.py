"""Each court's own (legacy) CM/ECF accounts, and the permanent links that join them to PACER accounts."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

# Column widths. PostgreSQL refuses a longer value (SQLite would store it), so every way in checks these first,
# the login's normalised key included: NFKC and case folding can lengthen it (ß becomes ss, ﬃ becomes ffi).
LOGIN_MAX_LENGTH = 80
NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
PASSWORD_MAX_LENGTH = 256


def login_key(login: str) -> str:
    """How CM/ECF logins are compared: trimmed, Unicode-normalised and without regard to case."""
    return unicodedata.normalize("NFKC", login).strip().casefold()


class EcfRole(models.TextChoices):
    ATTORNEY = "attorney", "Attorney filer"
    NONATTORNEY = "nonattorney", "Non-attorney filer"
    VIEWER = "viewer", "Viewer (no filing)"


# Who can file: an active account with a filer's role. The one definition, read by EcfAccount.can_file for an
# account in hand and by can_file_q for a query.
FILER_ROLES = (EcfRole.ATTORNEY, EcfRole.NONATTORNEY)


def can_file_q(prefix: str = "") -> models.Q:
    """The accounts that can file, as a filter; ``prefix`` reaches them through a relation ("ecf_account__")."""
    return models.Q(**{f"{prefix}role__in": FILER_ROLES, f"{prefix}is_active": True})


class EcfAccount(models.Model):
    """A login the court issued for its own CM/ECF system before NextGen."""

    court = models.ForeignKey("courts.Court", on_delete=models.PROTECT, related_name="ecf_accounts")
    login = models.CharField(max_length=LOGIN_MAX_LENGTH, help_text="The login as the court issued it, e.g. cs5184.")
    login_key = models.CharField(
        max_length=LOGIN_MAX_LENGTH,
        editable=False,
        help_text="The login trimmed and case-folded; unique within the court.",
    )
    password = models.CharField(max_length=PASSWORD_MAX_LENGTH, help_text="Password hash (never the password).")
    name = models.CharField(max_length=NAME_MAX_LENGTH, help_text="The filer's name on the court's records.")
    email = models.EmailField(max_length=EMAIL_MAX_LENGTH, help_text="E-mail address on file with the court.")
    role = models.CharField(
        max_length=12,
        choices=EcfRole.choices,
        default=EcfRole.ATTORNEY,
        help_text="Filing rights the court granted; a viewer account can view but not file.",
    )
    is_active = models.BooleanField(default=True, help_text="Inactive accounts cannot sign in or be linked.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the court issued the account.")
    password_changed_at = models.DateTimeField(
        default=timezone.now, help_text="Last password change; a change voids any link confirmation in flight."
    )

    class Meta:
        verbose_name = "CM/ECF account"
        ordering = ["court_id", "login_key"]
        # The clerk's desk looks for a court's accounts with a filer's e-mail address (a filer who asks to register
        # but already has one); without this, each look reads every account of the court.
        indexes = [models.Index(models.F("court"), Lower("email"), name="ecf_court_email_ci")]
        constraints = [
            models.UniqueConstraint(fields=["court", "login_key"], name="ecf_login_unique_per_court"),
            models.CheckConstraint(condition=models.Q(role__in=EcfRole.values), name="ecf_role_valid"),
            models.CheckConstraint(condition=~models.Q(login_key=""), name="ecf_login_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}:{self.login} ({self.name})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.login_key = login_key(self.login)
        super().save(*args, **kwargs)

    def set_password(self, raw_password: str) -> None:
        self.password = make_password(raw_password)
        self.password_changed_at = timezone.now()

    def check_password(self, raw_password: str) -> bool:
        def upgrade(raw: str) -> None:
            # A hash imported from the old system (bcrypt, PBKDF2, ...) becomes Argon2id at its first successful
            # use. Same password, so password_changed_at stays as it is.
            self.password = make_password(raw)
            if self.pk is not None:
                EcfAccount.objects.filter(pk=self.pk).update(password=self.password)

        return check_password(raw_password, self.password, setter=upgrade)

    @property
    def can_file(self) -> bool:
        """Active, with a filer's role (can_file_q says the same to the database)."""
        return self.is_active and self.role in FILER_ROLES


class Link(models.Model):
    """One CM/ECF account joined to one PACER account at one court. Permanent: only a clerk corrects it."""

    pacer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="links",
        help_text="The PACER account that now files with this CM/ECF account's rights.",
    )
    ecf_account = models.OneToOneField(
        EcfAccount,
        on_delete=models.PROTECT,
        related_name="link",
        help_text="The court-issued account; linked at most once, ever.",
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        related_name="links",
        help_text="The CM/ECF account's court, kept here so 'one link per PACER account per court' is a constraint.",
    )
    linked_at = models.DateTimeField(default=timezone.now, help_text="When the filer confirmed the link.")
    names_differed = models.BooleanField(
        default=False, help_text="The filer confirmed the link although the two names differ."
    )

    class Meta:
        ordering = ["linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pacer_account", "court"], name="link_one_per_pacer_account_per_court"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}: {self.ecf_account.login} → {self.pacer_account.username}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The court is copied from the CM/ECF account so the database can enforce one link per court; a link
        # whose court disagrees with its account's would slip past that rule.
        if self.court_id != self.ecf_account.court_id:
            raise ValueError("a link's court must be its CM/ECF account's court")
        super().save(*args, **kwargs)


class FilingAgent(models.Model):
    """A non-attorney filer of the court whom an attorney has allowed to file on their behalf (Utilities ->
    Maintain Your ECF Account). The agent files with their own login; the docket and the NEF name both."""

    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The court of both accounts, kept here so a pair can be unique per court by constraint.",
    )
    attorney = models.ForeignKey(
        EcfAccount, on_delete=models.PROTECT, related_name="filing_agents", help_text="The attorney filed for."
    )
    agent = models.ForeignKey(
        EcfAccount, on_delete=models.PROTECT, related_name="agent_for", help_text="The non-attorney who files."
    )
    added_at = models.DateTimeField(default=timezone.now, help_text="When the attorney added the agent.")

    class Meta:
        ordering = ["attorney_id", "added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["attorney", "agent"], name="filing_agent_once_per_attorney"),
            models.CheckConstraint(condition=~models.Q(attorney=models.F("agent")), name="filing_agent_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}: {self.agent.login} files for {self.attorney.login}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not (self.court_id == self.attorney.court_id == self.agent.court_id):
            raise ValueError("an attorney and their filing agent must be accounts of the same court")
        super().save(*args, **kwargs)
