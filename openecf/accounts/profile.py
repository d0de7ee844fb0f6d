"""Manage My Account: contact details, a new e-mail address, the password and the client-code preference."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from openecf.accounts import email_links
from openecf.accounts.client_codes import clean_client_code
from openecf.accounts.details import Address, address_problems
from openecf.accounts.models import PacerAccount, TokenPurpose
from openecf.accounts.registration import LinkNotValid
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.notices import mail
from openecf.throttle import services as throttle

WRONG_CURRENT = "Your current password is not correct."


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
        audit.record(event=Event.PACER_ACCOUNT_CONTACT_CHANGED, origin=origin, actor=account, fields=changed)
        mail.send(kind="pacer_account.contact_changed", to=[account.email], context={"account": account})
    return account


def prove_password(*, account: PacerAccount, password: str, origin: Origin, refused_event: Event) -> None:
    """The signed-in person types the current password again before a change of identity or access.

    Throttled like the login, on the same counts (the account and the address), so a stolen session cannot guess
    the password here either. Raises ValidationError with code "throttled" (nothing checked) or "current" (wrong);
    each refusal is audited as ``refused_event`` with its reason.
    """
    attempt = throttle.login_attempt(username=account.username, origin=origin)
    try:
        reading = throttle.check(attempt)
    except throttle.Throttled as throttled:
        with transaction.atomic():
            audit.record(event=refused_event, origin=origin, actor=account, reason="throttled")
        raise ValidationError(throttled.message, code="throttled") from None
    if not account.check_password(password):
        throttle.failed(attempt, origin=origin)
        with transaction.atomic():
            audit.record(event=refused_event, origin=origin, actor=account, reason="wrong_password")
        raise ValidationError(WRONG_CURRENT, code="current")
    throttle.succeeded(attempt, reading=reading)


def request_email_change(
    *, account: PacerAccount, current: str, new_email: str, origin: Origin, link_base: str
) -> None:
    """After the current password is proved, send a confirmation link to the new address and tell the old one;
    nothing changes until the link is opened. Raises ValidationError (code "current" or "throttled" for the
    password)."""
    new_email = new_email.strip()
    try:
        validate_email(new_email)
    except ValidationError:
        raise ValidationError(["Enter a valid e-mail address, like name@example.com."]) from None
    if new_email.casefold() == account.email.casefold():
        raise ValidationError(["That is already your e-mail address."])
    prove_password(account=account, password=current, origin=origin, refused_event=Event.EMAIL_CHANGE_REFUSED)
    with transaction.atomic():
        secret = email_links.issue(account=account, purpose=TokenPurpose.CHANGE_EMAIL, email=new_email)
        audit.record(event=Event.EMAIL_CHANGE_REQUESTED, origin=origin, actor=account, new_email=new_email)
        mail.send(
            kind="email_change.confirm",
            to=[new_email],
            context={
                "account": account,
                "new_email": new_email,
                "link": email_links.url(link_base, "accounts:confirm_email", secret),
                "hours": email_links.lifetime_hours(TokenPurpose.CHANGE_EMAIL),
            },
        )
        mail.send(kind="email_change.notice", to=[account.email], context={"account": account, "new_email": new_email})


def confirm_email_change(*, secret: str, origin: Origin) -> PacerAccount:
    with transaction.atomic():
        token = email_links.use(secret, TokenPurpose.CHANGE_EMAIL)
        if token is None:
            raise LinkNotValid()
        account = PacerAccount.objects.select_for_update().get(pk=token.account_id)
        old_email = account.email
        account.email = token.email
        account.save(update_fields=["email"])
        # Reset links went to the old address: they must not outlive it.
        voided = email_links.void(account=account, purposes=[TokenPurpose.RESET_PASSWORD])
        audit.record(
            event=Event.EMAIL_CHANGE_CONFIRMED,
            origin=origin,
            actor=account,
            old_email=old_email,
            new_email=account.email,
            links_voided=voided,
        )
        mail.send(
            kind="email_change.done",
            to=[old_email, account.email],
            context={"account": account, "old_email": old_email},
        )
    return account


def change_password(*, account: PacerAccount, current: str, new: str, origin: Origin) -> PacerAccount:
    """After the current password is proved (throttled, see prove_password). Other sessions and API tokens end (the
    password hash changes), and so do pending reset links and e-mail changes."""
    prove_password(account=account, password=current, origin=origin, refused_event=Event.PASSWORD_CHANGE_REFUSED)
    validate_password(new, account)
    with transaction.atomic():
        account = PacerAccount.objects.select_for_update().get(pk=account.pk)
        store_new_password(account=account, password=new, event=Event.PASSWORD_CHANGED, origin=origin)
    return account


def store_new_password(*, account: PacerAccount, password: str, event: Event, origin: Origin) -> None:
    """Set a validated password on the locked account, inside the caller's transaction (a change or a reset).

    The new hash ends the account's other sessions and API tokens; the links a password makes stale are voided,
    and the holder is told by mail how it changed (Manage My Account, or a reset link)."""
    account.set_password(password)
    account.save(update_fields=["password"])
    voided = email_links.void(account=account, purposes=email_links.STALE_AFTER_PASSWORD)
    audit.record(event=event, origin=origin, actor=account, links_voided=voided)
    context = {"account": account, "with_reset_link": event == Event.PASSWORD_RESET}
    mail.send(kind="password.changed", to=[account.email], context=context)


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
            event=Event.CLIENT_CODE_PREFERENCE_CHANGED,
            origin=origin,
            actor=account,
            default_client_code=default_code,
        )
    return account
