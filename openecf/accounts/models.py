"""PACER accounts: the one central login of every filer and PACER user."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

ACCOUNT_NUMBER_VALIDATOR = RegexValidator(r"^[0-9]{7}$", "A PACER account number is 7 digits.")


class AccountType(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    SHARED = "shared", "Shared (firm)"


def new_account_number() -> str:
    """A random 7-digit number: sequential numbers would tell anyone how many accounts exist."""
    return f"{secrets.randbelow(9_000_000) + 1_000_000}"


class PacerAccountManager(BaseUserManager["PacerAccount"]):
    def get_by_natural_key(self, username: str | None) -> PacerAccount:
        return self.get(username__iexact=username)

    def create_user(self, username: str, password: str | None = None, **fields: Any) -> PacerAccount:
        account = self.model(username=username, **fields)
        account.set_password(password)
        account.save(using=self._db)
        return account

    def create_superuser(self, username: str, password: str | None = None, **fields: Any) -> PacerAccount:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(username, password, **fields)


class PacerAccount(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(
        max_length=150,
        unique=True,
        help_text="Login name, unique regardless of case. Legacy accounts have 6 characters, upgraded at least 8.",
    )
    name = models.CharField(max_length=200, help_text="The account holder's full name, as PACER shows it.")
    email = models.EmailField(help_text="Where PACER and the courts send notices for this account.")
    account_number = models.CharField(
        max_length=7,
        unique=True,
        default=new_account_number,
        validators=[ACCOUNT_NUMBER_VALIDATOR],
        help_text="PACER account number, 7 digits.",
    )
    account_type = models.CharField(
        max_length=12,
        choices=AccountType.choices,
        default=AccountType.INDIVIDUAL,
        help_text="Only an individual account can e-file; a firm's shared account can search and view.",
    )
    is_legacy = models.BooleanField(
        default=False,
        help_text="Created before 2014-08-11 and not yet upgraded: can search, cannot link or e-file.",
    )
    is_active = models.BooleanField(default=True, help_text="Inactive accounts cannot sign in.")
    is_staff = models.BooleanField(default=False, help_text="May sign in to the operators' admin site.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the account was opened.")

    objects = PacerAccountManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name", "email"]

    class Meta:
        verbose_name = "PACER account"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="pacer_username_unique_ci"),
            models.CheckConstraint(condition=models.Q(account_number__regex=r"^[0-9]{7}$"), name="pacer_acct_no_7"),
            models.CheckConstraint(
                condition=models.Q(account_type__in=AccountType.values), name="pacer_account_type_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username} ({self.name})"

    @property
    def is_shared(self) -> bool:
        return self.account_type == AccountType.SHARED

    @property
    def can_file(self) -> bool:
        """Whether this account may be linked to a CM/ECF account and e-file."""
        return not self.is_shared and not self.is_legacy

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name
