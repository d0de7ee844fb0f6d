"""Need an account? Registration of an individual PACER account, its e-mail verification and duplicate review."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from openecf.accounts import emails, questions, tokens
from openecf.accounts.details import Address, Person, Security, address_problems, person_problems, security_problems
from openecf.accounts.models import AccountType, PacerAccount, TokenPurpose
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.cmecf.names import names_match
from openecf.core.lookups import equals_ignoring_case
from openecf.notices import services as notices


def likely_duplicate(person: Person) -> bool:
    """Two of name, date of birth and e-mail address match one existing account."""
    candidates = PacerAccount.objects.filter(
        Q(equals_ignoring_case("email", person.email.strip())) | Q(date_of_birth=person.date_of_birth)
    ).only("name", "email", "date_of_birth")[:1000]
    for account in candidates:
        matches = (
            names_match(account.name, person.name)
            + (account.email.strip().casefold() == person.email.strip().casefold())
            + (account.date_of_birth == person.date_of_birth)
        )
        if matches >= 2:
            return True
    return False


def _send(mail: emails.Mail, *, kind: str, to: list[str]) -> None:
    notices.enqueue(kind=kind, recipients=to, subject=mail.subject, body=mail.body)


def register_pacer_account(
    *, person: Person, address: Address, security: Security, origin: Origin, link_base: str
) -> PacerAccount:
    """Create an individual account that cannot sign in until its e-mail address is verified.

    A likely duplicate is created held for review, and nothing the registrant sees now differs: the same page,
    the same verification e-mail. The hold is explained only once the address is proved (verify_email), so
    typing someone's name and date of birth does not tell at once whether they have an account. Raises
    ValidationError with every problem, writing nothing.
    """
    today = timezone.localdate()
    problems = person_problems(person, today=today) + address_problems(address, need_county=True)
    problems += security_problems(security, name=person.name, email=person.email)
    if problems:
        raise ValidationError(problems)
    held = likely_duplicate(person)
    account = PacerAccount(
        username=security.username,
        name=person.name.strip(),
        email=person.email.strip(),
        account_type=AccountType.INDIVIDUAL,
        user_type=person.user_type,
        date_of_birth=person.date_of_birth,
        phone=person.phone.strip(),
        address_line1=address.line1.strip(),
        address_line2=address.line2.strip(),
        city=address.city.strip(),
        state=address.state,
        zip_code=address.zip_code,
        county_fips=address.county_fips,
        held_for_review=held,
    )
    account.set_password(security.password)
    try:
        with transaction.atomic():
            account.save()
            questions.replace_answers(account=account, pairs=security.answers)
            audit.record(
                event="pacer_account.registered",
                origin=origin,
                actor=account,
                user_type=account.user_type,
                held_for_review=held,
            )
            secret = tokens.issue(account=account, purpose=TokenPurpose.VERIFY_EMAIL, email=account.email)
            _send(
                emails.verify_email(account, link_base=link_base, secret=secret),
                kind="pacer_account.verify_email",
                to=[account.email],
            )
    except IntegrityError:
        raise ValidationError([f"The username {security.username!r} is already taken. Choose another."]) from None
    return account


class LinkNotValid(Exception):
    """The link was already used, replaced by a newer one, expired, or never existed."""


def verify_email(*, secret: str, origin: Origin) -> PacerAccount:
    with transaction.atomic():
        token = tokens.use(secret, TokenPurpose.VERIFY_EMAIL)
        if token is None:
            raise LinkNotValid()
        account = PacerAccount.objects.select_for_update().get(pk=token.account_id)
        if account.email.casefold() != token.email.casefold():
            raise LinkNotValid()  # the address changed since the link was sent
        account.email_verified_at = timezone.now()
        account.save(update_fields=["email_verified_at"])
        audit.record(event="pacer_account.email_verified", origin=origin, actor=account, email=account.email)
        if account.held_for_review:
            _send(emails.held_for_review(account), kind="pacer_account.held", to=[account.email])
        else:
            _send(emails.account_activated(account), kind="pacer_account.activated", to=[account.email])
    return account


def resend_verification(*, account: PacerAccount, origin: Origin, link_base: str) -> None:
    """A new verification link (the old one stops working). Nothing happens for an account already verified."""
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        if account.email_verified:
            return
        secret = tokens.issue(account=account, purpose=TokenPurpose.VERIFY_EMAIL, email=account.email)
        audit.record(event="pacer_account.verification_resent", origin=origin, actor=account)
        _send(
            emails.verify_email(account, link_base=link_base, secret=secret),
            kind="pacer_account.verify_email",
            to=[account.email],
        )


def release_held_account(*, account: PacerAccount, origin: Origin, released_by: str) -> PacerAccount:
    """The PACER Service Center found the registration not to be a duplicate: it may sign in (once verified)."""
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        if not account.held_for_review:
            return account
        account.held_for_review = False
        account.save(update_fields=["held_for_review"])
        audit.record(event="pacer_account.released", origin=origin, actor=account, released_by=released_by)
        _send(emails.account_released(account), kind="pacer_account.released", to=[account.email])
    return account
