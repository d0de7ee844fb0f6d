"""CM/ECF password resets: asked for by the filer or sent by a clerk; completed through a single-use link.

The link goes only to the e-mail address the court has on file. It works once and for 24 hours; only a digest of
its secret is stored. A linked account's court credentials are retired (the filer signs in with PACER), so a reset
of one is refused with that explanation: on screen to a clerk, by e-mail to whoever owns the address on file.
The filer's request page answers the same whatever was typed, and writes its e-mail for the outbox worker rather
than sending it in the request, so neither the words nor the time taken tell whether a login exists.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.accounts.passwords import password_problems
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.models import EcfAccount, login_key
from openecf.courts.models import Court
from openecf.ecfpasswords.models import PasswordReset, ResetOrigin
from openecf.notices import services as notices

RESET_HOURS = 24
UrlFor = Callable[[str], str]


class ResetRefused(Exception):
    """A reset that cannot be sent, with the sentence a clerk reads."""


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def contact_line(court: Court) -> str:
    parts = [f"the clerk's office at {court.clerk_phone}" if court.clerk_phone else "the clerk's office"]
    if court.help_desk_email:
        parts.append(court.help_desk_email)
    return ", ".join(parts)


def linked_explanation(ecf: EcfAccount) -> str:
    return (
        f"The CM/ECF account {ecf.login} is linked to a PACER account, so its court-issued password has been "
        "retired: the filer now signs in to this court with the PACER username and password. A PACER password is "
        "reset by PACER (Forgot password? on the PACER login page), not by the court."
    )


def inactive_explanation(ecf: EcfAccount) -> str:
    return (
        f"The CM/ECF account {ecf.login} is inactive. Its password cannot be reset until the clerk's office "
        "reactivates it."
    )


def _issue(
    *, ecf: EcfAccount, origin_kind: ResetOrigin, clerk: PacerAccount | None, at: datetime
) -> tuple[PasswordReset, str]:
    """A new link; any earlier open link for the account stops working (only the newest e-mail counts)."""
    PasswordReset.objects.filter(ecf_account=ecf, used_at__isnull=True).update(used_at=at)
    raw = secrets.token_urlsafe(32)
    reset = PasswordReset.objects.create(
        ecf_account=ecf,
        digest=digest_of(raw),
        origin=origin_kind,
        requested_by=clerk,
        created_at=at,
        expires_at=at + timedelta(hours=RESET_HOURS),
    )
    return reset, raw


def _reset_mail(*, ecf: EcfAccount, url: str, reset: PasswordReset, intro: str) -> tuple[str, str]:
    court = ecf.court
    until = reset.expires_at.astimezone(court.zone)
    subject = f"Set your CM/ECF password - {court.display_name}"
    body = (
        f"Dear {ecf.name},\n\n{intro}\n\n"
        f"CM/ECF login:  {ecf.login}\n"
        f"Court:         {court.name} ({court.pk})\n\n"
        f"To choose a new password, open this link:\n\n    {url}\n\n"
        f"The link works once and until {until:%m/%d/%Y %I:%M %p} {until.tzname()} (24 hours).\n\n"
        f"If you did not ask for this, ignore this e-mail: your password stays as it is. Questions: "
        f"{contact_line(court)}.\n"
    )
    return subject, body


def request_reset(*, court: Court, login: str, origin: Origin, url_for: UrlFor, at: datetime | None = None) -> None:
    """The filer's "Forgot your password?": whatever happens, the caller shows the same answer."""
    at = at or timezone.now()
    ecf = EcfAccount.objects.filter(court=court, login_key=login_key(login)).select_related("link").first()
    with transaction.atomic():
        audit.record(
            event=Event.ECF_PASSWORD_RESET_REQUESTED,
            origin=origin,
            username=login.strip(),
            court=court,
            ecf_account=ecf,
            outcome=_outcome(ecf),
        )
        if ecf is None:
            return
        if hasattr(ecf, "link") or not ecf.is_active:
            explanation = linked_explanation(ecf) if hasattr(ecf, "link") else inactive_explanation(ecf)
            notices.enqueue(
                kind="ecf_password.reset_refused",
                recipients=[ecf.email],
                subject=f"Your CM/ECF password reset request - {court.display_name}",
                body=(
                    f"Dear {ecf.name},\n\nSomeone asked to reset the password of CM/ECF login {ecf.login} at the "
                    f"{court.name}. No reset link is sent:\n\n{explanation}\n\nQuestions: {contact_line(court)}.\n"
                ),
            )
            return
        reset, raw = _issue(ecf=ecf, origin_kind=ResetOrigin.FILER, clerk=None, at=at)
        subject, body = _reset_mail(
            ecf=ecf, url=url_for(raw), reset=reset, intro="Someone asked to reset the password of your CM/ECF account."
        )
        notices.enqueue(kind="ecf_password.reset", recipients=[ecf.email], subject=subject, body=body)


def _outcome(ecf: EcfAccount | None) -> str:
    if ecf is None:
        return "no_such_login"
    if hasattr(ecf, "link"):
        return "refused_linked"
    return "sent" if ecf.is_active else "refused_inactive"


def send_reset(
    *,
    ecf: EcfAccount,
    clerk: PacerAccount,
    origin: Origin,
    url_for: UrlFor,
    new_account: bool = False,
    at: datetime | None = None,
) -> PasswordReset:
    """A clerk sends the filer a reset link (to the address on file). Refused for linked or inactive accounts."""
    at = at or timezone.now()
    with transaction.atomic():
        ecf = EcfAccount.objects.select_for_update().select_related("court").get(pk=ecf.pk)
        if hasattr(ecf, "link"):
            raise ResetRefused(linked_explanation(ecf))
        if not ecf.is_active:
            raise ResetRefused(inactive_explanation(ecf))
        kind = ResetOrigin.NEW_ACCOUNT if new_account else ResetOrigin.CLERK
        reset, raw = _issue(ecf=ecf, origin_kind=kind, clerk=clerk, at=at)
        intro = (
            "The clerk's office opened a CM/ECF account for you. Choose its password with the link below."
            if new_account
            else "The clerk's office sent you this link to reset the password of your CM/ECF account."
        )
        subject, body = _reset_mail(ecf=ecf, url=url_for(raw), reset=reset, intro=intro)
        notices.enqueue(kind="ecf_password.reset", recipients=[ecf.email], subject=subject, body=body)
        audit.record(
            event=Event.ECF_PASSWORD_RESET_SENT, origin=origin, actor=clerk, court=ecf.court, ecf_account=ecf, via=kind
        )
    return reset


def open_reset(raw: str, *, court: Court, at: datetime | None = None) -> PasswordReset | None:
    """The reset a link's secret belongs to, if it is still usable at this court."""
    if not raw or len(raw) > 100:
        return None
    at = at or timezone.now()
    return (
        PasswordReset.objects.select_related("ecf_account", "ecf_account__court")
        .filter(digest=digest_of(raw), ecf_account__court=court, used_at__isnull=True, expires_at__gt=at)
        .first()
    )


def new_password_problems(ecf: EcfAccount, password: str) -> list[str]:
    """PACER's rules, with the CM/ECF login standing in for the username."""
    return password_problems(password, SimpleNamespace(name=ecf.name, username=ecf.login, email=ecf.email))


class ResetUnusable(Exception):
    """The link was used, has expired, or the account was linked or deactivated since it was sent."""


def complete_reset(*, raw: str, court: Court, password: str, origin: Origin, at: datetime | None = None) -> EcfAccount:
    """Set the new password: in one transaction with the link's use, its audit event and a notice."""
    at = at or timezone.now()
    with transaction.atomic():
        reset = (
            PasswordReset.objects.select_for_update()
            .filter(digest=digest_of(raw), ecf_account__court=court, used_at__isnull=True, expires_at__gt=at)
            .first()
        )
        if reset is None:
            raise ResetUnusable("This link was already used or has expired. Ask for a new one.")
        ecf = EcfAccount.objects.select_for_update().select_related("court").get(pk=reset.ecf_account_id)
        if hasattr(ecf, "link"):
            raise ResetUnusable(linked_explanation(ecf))
        if not ecf.is_active:
            raise ResetUnusable(inactive_explanation(ecf))
        problems = new_password_problems(ecf, password)
        if problems:
            raise ValidationError(problems)
        ecf.set_password(password)
        ecf.save(update_fields=["password", "password_changed_at"])
        PasswordReset.objects.filter(ecf_account=ecf, used_at__isnull=True).update(used_at=at)
        audit.record(
            event=Event.ECF_PASSWORD_RESET_COMPLETED,
            origin=origin,
            court=ecf.court,
            ecf_account=ecf,
            username=ecf.login,
        )
        notices.enqueue(
            kind="ecf_password.changed",
            recipients=[ecf.email],
            subject=f"Your CM/ECF password was changed - {ecf.court.display_name}",
            body=(
                f"Dear {ecf.name},\n\nThe password of CM/ECF login {ecf.login} at the {ecf.court.name} was changed "
                f"through a reset link. If this was not you, contact {contact_line(ecf.court)} at once.\n"
            ),
        )
    return ecf
