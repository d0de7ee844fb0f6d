"""Upgrading a legacy PACER account: person, address and county, then a new username, password and questions."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from openecf.accounts import email_links, questions
from openecf.accounts.details import (
    Address,
    Security,
    address_problems,
    date_of_birth_problems,
    security_problems,
)
from openecf.accounts.models import PacerAccount, UserType
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.notices import mail


@dataclass(frozen=True)
class UpgradePerson:
    date_of_birth: date
    user_type: str

    def as_session(self) -> dict[str, Any]:
        return {**asdict(self), "date_of_birth": self.date_of_birth.isoformat()}

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> UpgradePerson:
        return cls(date_of_birth=date.fromisoformat(data["date_of_birth"]), user_type=data["user_type"])


class AlreadyUpgraded(Exception):
    pass


def upgrade_problems(person: UpgradePerson) -> list[str]:
    problems = date_of_birth_problems(person.date_of_birth, today=timezone.localdate())
    if person.user_type not in UserType.values:
        problems.append("Choose what you need the account for.")
    return problems


def upgrade_legacy_account(
    *, account: PacerAccount, person: UpgradePerson, address: Address, security: Security, origin: Origin
) -> PacerAccount:
    """Make the legacy account an upgraded one in one transaction; its old username stops signing in.

    Raises ValidationError with every problem (nothing written), AlreadyUpgraded if it is not legacy any more.
    """
    problems = upgrade_problems(person) + address_problems(address, need_county=True)
    problems += security_problems(security, name=account.name, email=account.email, exclude_pk=account.pk)
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            account = PacerAccount.objects.select_for_update().get(pk=account.pk)
            if not account.is_legacy:
                raise AlreadyUpgraded()
            old_username = account.username
            account.legacy_username = old_username
            account.username = security.username
            account.is_legacy = False
            account.upgraded_at = timezone.now()
            account.date_of_birth = person.date_of_birth
            account.user_type = person.user_type
            account.address_line1 = address.line1.strip()
            account.address_line2 = address.line2.strip()
            account.city = address.city.strip()
            account.state = address.state
            account.zip_code = address.zip_code
            account.county_fips = address.county_fips
            # Through set_password, so every other session (and API token) of the old password ends.
            account.set_password(security.password)
            account.save()
            questions.replace_answers(account=account, pairs=security.answers)
            voided = email_links.void(account=account, purposes=email_links.STALE_AFTER_PASSWORD)
            audit.record(
                event=Event.PACER_ACCOUNT_UPGRADED,
                origin=origin,
                actor=account,
                old_username=old_username,
                new_username=account.username,
                user_type=account.user_type,
                links_voided=voided,
            )
            mail.send(
                kind="pacer_account.upgraded",
                to=[account.email],
                context={"account": account, "old_username": old_username},
            )
    except IntegrityError:
        raise ValidationError([f"The username {security.username!r} is already taken. Choose another."]) from None
    return account
