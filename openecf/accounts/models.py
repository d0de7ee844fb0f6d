"""PACER accounts: the one central login of every filer and PACER user."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from openecf.accounts.counties import county_in_state
from openecf.core.lookups import equals_ignoring_case

ACCOUNT_NUMBER_VALIDATOR = RegexValidator(r"^[0-9]{7}$", "A PACER account number is 7 digits.")


class AccountType(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    SHARED = "shared", "Shared (firm)"


class UserType(models.TextChoices):
    """What the person registers for; PACER's registration asks it first."""

    CASE_SEARCH = "case_search", "Case search only"
    ATTORNEY_FILER = "attorney_filer", "Attorney filer"
    NONATTORNEY_FILER = "nonattorney_filer", "Non-attorney filer"


class DrawnAccountNumber(str):
    """An account number drawn at random by new_account_number, as opposed to one given: see PacerAccount.save."""


def new_account_number() -> str:
    """A random 7-digit number: sequential numbers would tell anyone how many accounts exist."""
    return DrawnAccountNumber(f"{secrets.randbelow(9_000_000) + 1_000_000}")


class PacerAccountManager(BaseUserManager["PacerAccount"]):
    def with_username(self, username: str) -> models.QuerySet[PacerAccount]:
        """The account with this username, whatever its case: one probe of the pacer_username_unique_ci index."""
        return self.filter(equals_ignoring_case("username", username))

    def with_email(self, email: str) -> models.QuerySet[PacerAccount]:
        """Accounts with this e-mail address, whatever its case (the pacer_email_ci index)."""
        return self.filter(equals_ignoring_case("email", email))

    def get_by_natural_key(self, username: str | None) -> PacerAccount:
        return self.with_username(username or "").get()

    def create_user(self, username: str, password: str | None = None, **fields: Any) -> PacerAccount:
        account = self.model(username=username, **fields)
        account.set_password(password)
        account.save(using=self._db)
        return account

    def create_superuser(self, username: str, password: str | None = None, **fields: Any) -> PacerAccount:
        # An operator creates it at the command line for a known person: the address needs no proof by link.
        fields.update(is_staff=True, is_superuser=True)
        fields.setdefault("email_verified_at", timezone.now())
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

    # Who the person is (collected at registration or at the upgrade of a legacy account).
    user_type = models.CharField(
        max_length=20,
        choices=UserType.choices,
        blank=True,
        help_text="Case search only, attorney filer or non-attorney filer. Empty for a legacy account.",
    )
    date_of_birth = models.DateField(null=True, blank=True, help_text="Date of birth; empty for a legacy account.")
    phone = models.CharField(max_length=30, blank=True, help_text="Telephone number, as the person wrote it.")
    address_line1 = models.CharField(max_length=200, blank=True, help_text="Street address.")
    address_line2 = models.CharField(max_length=200, blank=True, help_text="Suite, apartment, floor (optional).")
    city = models.CharField(max_length=100, blank=True, help_text="City.")
    state = models.CharField(max_length=2, blank=True, help_text="U.S. state or territory, two-letter postal code.")
    zip_code = models.CharField(max_length=10, blank=True, help_text="ZIP code: 12345 or 12345-6789.")
    county_fips = models.CharField(
        max_length=5, blank=True, help_text="County (or equivalent) as its 5-digit FIPS code; lies in the state."
    )

    # Where the account is in its life.
    email_verified_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the e-mail address was proved by its single-use link. Empty: the account cannot sign in.",
    )
    held_for_review = models.BooleanField(
        default=False,
        help_text="A likely duplicate of an existing account: cannot sign in until the PACER Service Center "
        "releases it.",
    )
    upgraded_at = models.DateTimeField(null=True, blank=True, help_text="When a legacy account was upgraded.")
    legacy_username = models.CharField(
        max_length=150,
        blank=True,
        help_text="The legacy username the account had before its upgrade (no longer signs in).",
    )

    # Preferences.
    default_client_code = models.CharField(
        max_length=32, blank=True, help_text="Client code used when none is typed at login."
    )

    objects = PacerAccountManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name", "email"]

    class Meta:
        verbose_name = "PACER account"
        indexes = [
            # Registration's duplicate check, the username reminder and password recovery look accounts up by
            # e-mail address or date of birth; without these, each such lookup reads every account.
            models.Index(Lower("email"), name="pacer_email_ci"),
            models.Index(fields=["date_of_birth"], name="pacer_date_of_birth"),
        ]
        constraints = [
            models.UniqueConstraint(Lower("username"), name="pacer_username_unique_ci"),
            models.CheckConstraint(condition=models.Q(account_number__regex=r"^[0-9]{7}$"), name="pacer_acct_no_7"),
            models.CheckConstraint(
                condition=models.Q(account_type__in=AccountType.values), name="pacer_account_type_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(user_type__in=[*UserType.values, ""]), name="pacer_user_type_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(county_fips="") | models.Q(county_fips__regex=r"^[0-9]{5}$"),
                name="pacer_county_fips_5_digits",
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding and isinstance(self.account_number, DrawnAccountNumber):
            # With PACER's millions of accounts, a random draw hits a taken number about once in nine; draw again
            # instead of failing the registration on the unique constraint.
            while PacerAccount.objects.filter(account_number=self.account_number).exists():
                self.account_number = new_account_number()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.username} ({self.name})"

    @property
    def is_shared(self) -> bool:
        return self.account_type == AccountType.SHARED

    @property
    def can_file(self) -> bool:
        """Whether this account may be linked to a CM/ECF account and e-file."""
        return not self.is_shared and not self.is_legacy

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def county_name(self) -> str:
        county = county_in_state(self.state, self.county_fips)
        return county.name if county else ""

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name


class SecurityQuestion(models.TextChoices):
    FIRST_PET = "first_pet", "What was the name of your first pet?"
    BIRTH_CITY = "birth_city", "In what city were you born?"
    MOTHER_MAIDEN = "mother_maiden", "What is your mother's maiden name?"
    FIRST_SCHOOL = "first_school", "What was the name of your first school?"
    CHILDHOOD_FRIEND = "childhood_friend", "What was the first name of your childhood best friend?"
    FIRST_CAR = "first_car", "What was the make of your first car?"
    FAVORITE_TEACHER = "favorite_teacher", "What was the last name of your favorite teacher?"
    FIRST_JOB = "first_job", "Where did you work first?"
    STREET_GREW_UP = "street_grew_up", "On what street did you grow up?"


class SecurityAnswer(models.Model):
    """One security question of an account with its answer, hashed like a password (never stored in clear)."""

    account = models.ForeignKey(
        PacerAccount,
        on_delete=models.CASCADE,
        related_name="security_answers",
        help_text="The account the question protects.",
    )
    question = models.CharField(max_length=32, choices=SecurityQuestion.choices, help_text="Which question.")
    answer_hash = models.CharField(
        max_length=256, help_text="Argon2id hash of the answer, compared without regard to case and spacing."
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the answer was set.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["account", "question"], name="security_question_once_per_account"),
            models.CheckConstraint(
                condition=models.Q(question__in=SecurityQuestion.values), name="security_question_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account.username}: {self.question}"


class TokenPurpose(models.TextChoices):
    VERIFY_EMAIL = "verify_email", "Verify the e-mail address of a new account"
    RESET_PASSWORD = "reset_password", "Reset a forgotten password"
    CHANGE_EMAIL = "change_email", "Confirm a new e-mail address"


class AccountToken(models.Model):
    """A single-use, expiring secret sent by e-mail. Only its SHA-256 digest is kept: a database copy opens nothing."""

    account = models.ForeignKey(
        PacerAccount, on_delete=models.CASCADE, related_name="tokens", help_text="The account the link acts on."
    )
    purpose = models.CharField(max_length=16, choices=TokenPurpose.choices, help_text="What the link does.")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret in the link, hex.")
    email = models.EmailField(help_text="The address the link was sent to (for a new address: the new one).")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the link was sent.")
    expires_at = models.DateTimeField(help_text="After this the link opens nothing.")
    used_at = models.DateTimeField(
        null=True, blank=True, help_text="When the link was used, or replaced by a newer one; then it opens nothing."
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["account", "purpose"], name="token_account_purpose")]
        constraints = [
            models.CheckConstraint(condition=models.Q(purpose__in=TokenPurpose.values), name="token_purpose_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} for {self.account.username}"
