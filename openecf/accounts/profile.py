"""Manage My Account: contact details, a new e-mail address, the password and the client-code preference."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from openecf.accounts import emails, tokens
from openecf.accounts.details import Address, address_problems
from openecf.accounts.models import PacerAccount, TokenPurpose
from openecf.accounts.registration import LinkNotValid
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.notices import services as notices
from openecf.signon.forms import clean_client_code


def _send(mail: emails.Mail, *, kind: str, to: list[str]) -> None:
    notices.enqueue(kind=kind, recipients=to, subject=mail.subject, body=mail.body)


def change_contact(*, account: PacerAccount, address: Address, phone: str, origin: Origin) -> PacerAccount:
    problems = address_problems(address, need_county=True)
    if len(phone.strip()) > 30:
        problems.append("A telephone number has at most 30 characters.")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        before = {
            f: getattr(account, f)
            for f in ("address_line1", "address_line2", "city", "state", "zip_code", "county_fips", "phone")
        }
        account.address_line1, account.address_line2 = address.line1.strip(), address.line2.strip()
        account.city, account.state, account.zip_code = address.city.strip(), address.state, address.zip_code
        account.county_fips, account.phone = address.county_fips, phone.strip()
        changed = sorted(f for f, value in before.items() if getattr(account, f) != value)
        if not changed:
            return account
        account.save(update_fields=changed)
        audit.record(event="pacer_account.contact_changed", origin=origin, actor=account, fields=changed)
        _send(emails.contact_changed(account), kind="pacer_account.contact_changed", to=[account.email])
    return account


def request_email_change(*, account: PacerAccount, new_email: str, origin: Origin, link_base: str) -> None:
    """Send a confirmation link to the new address and tell the old one; nothing changes until it is opened."""
    new_email = new_email.strip()
    try:
        validate_email(new_email)
    except ValidationError:
        raise ValidationError(["Enter a valid e-mail address, like name@example.com."]) from None
    if new_email.casefold() == account.email.casefold():
        raise ValidationError(["That is already your e-mail address."])
    with transaction.atomic():
        secret = tokens.issue(account=account, purpose=TokenPurpose.CHANGE_EMAIL, email=new_email)
        audit.record(event="email_change.requested", origin=origin, actor=account, new_email=new_email)
        _send(
            emails.confirm_new_email(account, link_base=link_base, secret=secret, new_email=new_email),
            kind="email_change.confirm",
            to=[new_email],
        )
        _send(
            emails.email_change_requested(account, new_email=new_email), kind="email_change.notice", to=[account.email]
        )


def confirm_email_change(*, secret: str, origin: Origin) -> PacerAccount:
    with transaction.atomic():
        token = tokens.use(secret, TokenPurpose.CHANGE_EMAIL)
        if token is None:
            raise LinkNotValid()
        account = PacerAccount.objects.select_for_update().get(pk=token.account_id)
        old_email = account.email
        account.email = token.email
        account.save(update_fields=["email"])
        audit.record(
            event="email_change.confirmed", origin=origin, actor=account, old_email=old_email, new_email=account.email
        )
        _send(
            emails.email_changed(account, old_email=old_email), kind="email_change.done", to=[old_email, account.email]
        )
    return account


def change_password(*, account: PacerAccount, current: str, new: str, origin: Origin) -> PacerAccount:
    """After the current password is proved. Other sessions and API tokens end (the password hash changes)."""
    if not account.check_password(current):
        with transaction.atomic():
            audit.record(event="password.change_refused", origin=origin, actor=account)
        raise ValidationError("Your current password is not correct.", code="current")
    validate_password(new, account)
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        account.set_password(new)
        account.save(update_fields=["password"])
        audit.record(event="password.changed", origin=origin, actor=account)
        _send(emails.password_changed(account, how="in Manage My Account"), kind="password.changed", to=[account.email])
    return account


def set_client_code_preference(*, account: PacerAccount, default_code: str, origin: Origin) -> PacerAccount:
    try:
        default_code = clean_client_code(default_code)
    except ValidationError as error:
        raise ValidationError(error.messages) from None
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        account.default_client_code = default_code
        account.save(update_fields=["default_client_code"])
        audit.record(
            event="client_code_preference.changed",
            origin=origin,
            actor=account,
            default_client_code=default_code,
        )
    return account
