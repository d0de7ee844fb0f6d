"""CM/ECF password resets: asked for by the filer or sent by a clerk; completed through a single-use link.

The link goes only to the e-mail address the court has on file. It works once and for 24 hours; only a digest of
its secret is stored (the single-use scheme, openecf/core/single_use.py). A linked account's court credentials are
retired (the filer signs in with PACER), so a reset of one is refused with that explanation: on screen to a clerk,
by e-mail to whoever owns the address on file.
The filer's request page answers the same whatever was typed, and writes its e-mail for the outbox worker rather
than sending it in the request, so neither the words nor the time taken tell whether a login exists.
"""

from __future__ import annotations

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
from openecf.core.single_use import Scheme
from openecf.courts.models import Court
from openecf.ecfpasswords.models import PasswordReset, ResetOrigin
from openecf.notices import mail

RESET_HOURS = 24
LINKS: Scheme[PasswordReset] = Scheme(PasswordReset)
UrlFor = Callable[[str], str]


class ResetRefused(Exception):
    """A reset that cannot be sent, with the sentence a clerk reads."""


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
    return LINKS.issue(
        holder={"ecf_account": ecf},
        lifetime=timedelta(hours=RESET_HOURS),
        at=at,
        origin=origin_kind,
        requested_by=clerk,
    )


def _send_link(*, ecf: EcfAccount, reset: PasswordReset, url: str) -> None:
    context = {"ecf": ecf, "court": ecf.court, "reset": reset, "link": url, "hours": RESET_HOURS}
    mail.send(kind="ecf_password.reset", to=[ecf.email], context=context)


def void_links(*, ecf: EcfAccount, at: datetime | None = None) -> int:
    """Every open reset link of the account stops working (it was deactivated, or its password was just set)."""
    return LINKS.void(at=at, ecf_account=ecf)


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
            mail.send(
                kind="ecf_password.reset_refused",
                to=[ecf.email],
                context={"ecf": ecf, "court": court, "explanation": explanation},
            )
            return
        reset, raw = _issue(ecf=ecf, origin_kind=ResetOrigin.FILER, clerk=None, at=at)
        _send_link(ecf=ecf, reset=reset, url=url_for(raw))


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
        _send_link(ecf=ecf, reset=reset, url=url_for(raw))
        audit.record(
            event=Event.ECF_PASSWORD_RESET_SENT, origin=origin, actor=clerk, court=ecf.court, ecf_account=ecf, via=kind
        )
    return reset


def open_reset(raw: str, *, court: Court, at: datetime | None = None) -> PasswordReset | None:
    """The reset a link's secret belongs to, if it is still usable at this court."""
    return LINKS.peek(raw, at=at, related=("ecf_account", "ecf_account__court"), ecf_account__court=court)


def new_password_problems(ecf: EcfAccount, password: str) -> list[str]:
    """PACER's rules, with the CM/ECF login standing in for the username."""
    return password_problems(password, SimpleNamespace(name=ecf.name, username=ecf.login, email=ecf.email))


class ResetUnusable(Exception):
    """The link was used, has expired, or the account was linked or deactivated since it was sent."""


def complete_reset(*, raw: str, court: Court, password: str, origin: Origin, at: datetime | None = None) -> EcfAccount:
    """Set the new password: in one transaction with the link's use, its audit event and a notice."""
    at = at or timezone.now()
    with transaction.atomic():
        reset = LINKS.use(raw, at=at, ecf_account__court=court)
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
        void_links(ecf=ecf, at=at)  # any other open link of the account: the password it would set is set
        audit.record(
            event=Event.ECF_PASSWORD_RESET_COMPLETED,
            origin=origin,
            court=ecf.court,
            ecf_account=ecf,
            username=ecf.login,
        )
        mail.send(kind="ecf_password.changed", to=[ecf.email], context={"ecf": ecf, "court": ecf.court})
    return ecf
