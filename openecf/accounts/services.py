"""Writes to PACER accounts, each in one transaction with its audit event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from openecf.accounts.models import AccountType, PacerAccount
from openecf.accounts.passwords import password_problems
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event

LEGACY_USERNAME_LENGTH = 6
UPGRADED_USERNAME_MIN = 8
# Column widths: PostgreSQL refuses longer values (SQLite would store them), so they are checked before writing.
USERNAME_MAX = PacerAccount._meta.get_field("username").max_length or 0
NAME_MAX = PacerAccount._meta.get_field("name").max_length or 0
EMAIL_MAX = PacerAccount._meta.get_field("email").max_length or 0


def username_problems(username: str, *, legacy: bool) -> list[str]:
    if not username or username != username.strip() or any(ch.isspace() for ch in username):
        return ["The username must not be empty or contain spaces."]
    if legacy and len(username) != LEGACY_USERNAME_LENGTH:
        return [f"A legacy PACER username has exactly {LEGACY_USERNAME_LENGTH} characters."]
    if not legacy and len(username) < UPGRADED_USERNAME_MIN:
        return [f"A PACER username has at least {UPGRADED_USERNAME_MIN} characters."]
    if len(username) > USERNAME_MAX:
        return [f"A PACER username has at most {USERNAME_MAX} characters."]
    return []


def create_pacer_account(
    *,
    username: str,
    name: str,
    email: str,
    password: str,
    shared: bool = False,
    legacy: bool = False,
    origin: Origin,
) -> PacerAccount:
    """Create a PACER account. Raises ValidationError with every problem found, writing nothing.

    Legacy accounts predate the 2025 password rules, so only new (upgraded) accounts are held to them.
    """
    account = PacerAccount(
        username=username,
        name=name.strip(),
        email=email.strip(),
        account_type=AccountType.SHARED if shared else AccountType.INDIVIDUAL,
        is_legacy=legacy,
        # An operator creates the account for a known person: the address needs no proof by link.
        email_verified_at=timezone.now(),
    )
    problems = username_problems(username, legacy=legacy)
    if not account.name:
        problems.append("The name must not be empty.")
    elif len(account.name) > NAME_MAX:
        problems.append(f"The name must be at most {NAME_MAX} characters.")
    if len(account.email) > EMAIL_MAX:
        problems.append(f"The e-mail address must be at most {EMAIL_MAX} characters.")
    else:
        try:
            validate_email(account.email)
        except ValidationError:
            problems.append(f"{email!r} is not a valid e-mail address.")
    if not password:
        problems.append("The password must not be empty.")
    elif not legacy:
        problems += password_problems(password, account)
    if PacerAccount.objects.with_username(username).exists():
        problems.append(f"The username {username!r} is already taken.")
    if problems:
        raise ValidationError(problems)
    account.set_password(password)
    try:
        with transaction.atomic():
            account.save()
            audit.record(
                event=Event.PACER_ACCOUNT_CREATED,
                origin=origin,
                actor=account,
                account_type=account.account_type,
                legacy=legacy,
            )
    except IntegrityError:
        # Lost a race for the same username (or, once in ten million, the account number): nothing was written.
        raise ValidationError([f"The username {username!r} is already taken."]) from None
    return account
