"""The link procedure and the old court login: every write in one transaction with its audit event and e-mail.

A refusal is itself audited (link.refused) in a transaction of its own, so that it survives the refusal.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac

from openecf.accounts.models import PacerAccount
from openecf.accounts.names import names_match
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.models import (
    EMAIL_MAX_LENGTH,
    LOGIN_MAX_LENGTH,
    NAME_MAX_LENGTH,
    EcfAccount,
    EcfRole,
    Link,
    login_key,
)
from openecf.cmecf.refusals import LinkRefused, Refusal, refusal
from openecf.courts.models import Court
from openecf.notices import services as notices
from openecf.throttle import services as throttle

# Checked against when a login does not exist, so a miss costs the same as a wrong password.
_DUMMY_HASH: list[str] = []


def _dummy_check(password: str) -> None:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(make_password(get_random_string(20)))
    EcfAccount(password=_DUMMY_HASH[0]).check_password(password)


@dataclass(frozen=True)
class LinkProposal:
    """What the confirmation step is bound to. Kept in the filer's session between the two Submits."""

    nonce: str
    court_id: str
    pacer_account_id: int
    ecf_account_id: int
    password_fingerprint: str
    expires_at: str
    used: bool = False  # set once it made its link: it can show that link again, never make another

    def as_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: Any) -> LinkProposal | None:
        try:
            return cls(**data)
        except TypeError:
            return None

    def expired(self, at: datetime) -> bool:
        return at >= datetime.fromisoformat(self.expires_at)


def _fingerprint(ecf: EcfAccount) -> str:
    # Changes whenever the CM/ECF password changes, which kills any confirmation in flight.
    return salted_hmac("openecf.link.proposal", f"{ecf.pk}:{ecf.password}").hexdigest()[:32]


def _refuse(
    reason: Refusal,
    *,
    court: Court,
    pacer: PacerAccount,
    origin: Origin,
    ecf: EcfAccount | None = None,
    login: str = "",
    why: str = "",
    **facts: str,
) -> LinkRefused:
    with transaction.atomic():
        audit.record(
            event=Event.LINK_REFUSED,
            origin=origin,
            actor=pacer,
            court=court,
            ecf_account=ecf,
            reason=reason.value,
            ecf_login=login,
            **({"why": why} if why else {}),
        )
    return refusal(reason, court, **facts)


class _Unread(enum.Enum):
    UNREAD = enum.auto()


# For ``current_link``: the caller has not read the PACER account's link at this court, so the service reads it.
UNREAD = _Unread.UNREAD


def _link_at(pacer: PacerAccount, court: Court) -> Link | None:
    return Link.objects.filter(pacer_account=pacer, court=court).select_related("ecf_account").first()


def link_precondition(
    *, pacer: PacerAccount, court: Court, at: datetime | None = None, current_link: Link | _Unread | None = UNREAD
) -> LinkRefused | None:
    """What stops this PACER account from linking at this court before any CM/ECF login is typed, if anything.

    ``current_link``: the account's link at this court (or None), when the caller has just read it, as every court
    page has (``CourtAccess.link``); otherwise it is read here.
    """
    if court.nextgen_go_live is None:
        return refusal(Refusal.COURT_NOT_ON_NEXTGEN, court)
    if not court.is_live(at):
        return refusal(Refusal.COURT_NOT_LIVE, court, go_live=court.go_live_text)
    if pacer.is_shared:
        return refusal(Refusal.SHARED_ACCOUNT, court)
    if pacer.is_legacy:
        return refusal(Refusal.LEGACY_ACCOUNT, court)
    existing = _link_at(pacer, court) if current_link is UNREAD else current_link
    if existing is not None:
        return refusal(Refusal.PACER_ALREADY_LINKED, court, ecf_name=existing.ecf_account.name)
    return None


def propose_link(
    *,
    pacer: PacerAccount,
    court: Court,
    login: str,
    password: str,
    origin: Origin,
    at: datetime | None = None,
    current_link: Link | _Unread | None = UNREAD,
) -> tuple[LinkProposal, EcfAccount]:
    """Step one: check the CM/ECF login and password and every rule; return what the confirmation binds to, and
    the CM/ECF account it proposes (for the confirmation page). ``current_link`` as for ``link_precondition``."""
    at = at or timezone.now()
    with transaction.atomic():
        audit.record(event=Event.LINK_ATTEMPTED, origin=origin, actor=pacer, court=court, ecf_login=login.strip())
    blocked = link_precondition(pacer=pacer, court=court, at=at, current_link=current_link)
    if blocked is not None:
        raise _refuse(blocked.reason, court=court, pacer=pacer, origin=origin, login=login) from None
    guess = throttle.ecf_password_attempt(
        court_id=court.pk, login_key=login_key(login), pacer_account_id=pacer.pk, origin=origin
    )
    try:
        reading = throttle.check(guess, at=at)
    except throttle.Throttled as throttled:
        raise _refuse(
            Refusal.THROTTLED, court=court, pacer=pacer, origin=origin, login=login, retry=throttled.retry
        ) from None
    ecf = EcfAccount.objects.filter(court=court, login_key=login_key(login)).select_related("link").first()
    if ecf is None:
        _dummy_check(password)
        throttle.failed(guess, origin=origin, at=at)
        raise _refuse(Refusal.BAD_CREDENTIALS, court=court, pacer=pacer, origin=origin, login=login)
    if not ecf.check_password(password):
        throttle.failed(guess, origin=origin, at=at)
        raise _refuse(Refusal.BAD_CREDENTIALS, court=court, pacer=pacer, origin=origin, ecf=ecf, login=login)
    throttle.succeeded(guess, at=at, reading=reading)
    if not ecf.is_active:
        raise _refuse(Refusal.ECF_INACTIVE, court=court, pacer=pacer, origin=origin, ecf=ecf, login=login)
    if hasattr(ecf, "link"):
        raise _refuse(Refusal.ECF_ALREADY_LINKED, court=court, pacer=pacer, origin=origin, ecf=ecf, login=login)
    proposal = LinkProposal(
        nonce=get_random_string(32),
        court_id=court.pk,
        pacer_account_id=pacer.pk,
        ecf_account_id=ecf.pk,
        password_fingerprint=_fingerprint(ecf),
        expires_at=(at + timedelta(minutes=settings.OPENECF_LINK_CONFIRM_MINUTES)).isoformat(),
    )
    with transaction.atomic():
        audit.record(
            event=Event.LINK_VERIFIED,
            origin=origin,
            actor=pacer,
            court=court,
            ecf_account=ecf,
            names_match=names_match(ecf.name, pacer.name),
        )
    return proposal, ecf


def proposal_account(proposal: LinkProposal) -> EcfAccount:
    return EcfAccount.objects.get(pk=proposal.ecf_account_id)


class NamesDifferUnconfirmed(Exception):
    """The names on the two accounts differ and the filer has not confirmed that this is right."""


def confirm_link(
    *,
    pacer: PacerAccount,
    court: Court,
    proposal: LinkProposal | None,
    nonce: str,
    names_differ_confirmed: bool,
    origin: Origin,
    at: datetime | None = None,
    current_link: Link | _Unread | None = UNREAD,
) -> Link:
    """Step two: make the permanent link, its audit event and its e-mail in one transaction.

    Idempotent: a second Submit of the same confirmation (a double click) returns the link already made.
    ``current_link`` as for ``link_precondition``; a link made since it was read is still found, under the lock.
    """
    at = at or timezone.now()
    unbound = _unbound(proposal, nonce=nonce, pacer=pacer, court=court)
    if unbound:
        raise _refuse(Refusal.CONFIRMATION_EXPIRED, court=court, pacer=pacer, origin=origin, why=unbound)
    assert proposal is not None
    existing = _link_at(pacer, court) if current_link is UNREAD else current_link
    if existing is not None and existing.ecf_account_id == proposal.ecf_account_id:
        return existing  # the proposal is bound to this court, so its link, if made, is the one here
    if proposal.used or proposal.expired(at):
        why = "already_used" if proposal.used else "expired"
        raise _refuse(Refusal.CONFIRMATION_EXPIRED, court=court, pacer=pacer, origin=origin, why=why)
    blocked = link_precondition(pacer=pacer, court=court, at=at, current_link=existing)
    if blocked is not None:
        raise _refuse(blocked.reason, court=court, pacer=pacer, origin=origin)
    outcome: Link | Refusal
    with transaction.atomic():
        # The row lock serialises concurrent confirmations for one CM/ECF account; the unique constraints
        # catch whatever gets past it (two CM/ECF accounts confirmed for one PACER account at once).
        ecf = EcfAccount.objects.select_for_update().filter(pk=proposal.ecf_account_id, court=court).first()
        if ecf is None or not constant_time_compare(_fingerprint(ecf), proposal.password_fingerprint):
            outcome = Refusal.CONFIRMATION_EXPIRED  # the CM/ECF password changed since it was proved
        elif not ecf.is_active:
            outcome = Refusal.ECF_INACTIVE
        elif not names_match(ecf.name, pacer.name) and not names_differ_confirmed:
            raise NamesDifferUnconfirmed()
        else:
            outcome = _create_link(pacer=pacer, court=court, ecf=ecf, origin=origin, at=at)
    if isinstance(outcome, Link):
        return outcome
    if outcome == Refusal.ECF_ALREADY_LINKED:
        mine = Link.objects.filter(pacer_account=pacer, ecf_account_id=proposal.ecf_account_id).first()
        if mine is not None:
            return mine
    existing = Link.objects.filter(pacer_account=pacer, court=court).select_related("ecf_account").first()
    ecf_name = existing.ecf_account.name if existing else ""
    raise _refuse(outcome, court=court, pacer=pacer, origin=origin, ecf_name=ecf_name)


def _unbound(proposal: LinkProposal | None, *, nonce: str, pacer: PacerAccount, court: Court) -> str:
    """Why this confirmation does not belong to this session, PACER account and court ("" when it does)."""
    if proposal is None:
        return "not_this_session"  # a replayed form, or a session that never proved the CM/ECF password
    if not constant_time_compare(proposal.nonce, nonce):
        return "not_this_session"
    if proposal.pacer_account_id != pacer.pk:
        return "other_pacer_account"
    if proposal.court_id != court.pk:
        return "other_court"
    return ""


def _create_link(*, pacer: PacerAccount, court: Court, ecf: EcfAccount, origin: Origin, at: datetime) -> Link | Refusal:
    if Link.objects.filter(ecf_account=ecf).exists():
        return Refusal.ECF_ALREADY_LINKED
    differ = not names_match(ecf.name, pacer.name)
    try:
        with transaction.atomic():
            link = Link.objects.create(
                pacer_account=pacer, ecf_account=ecf, court=court, linked_at=at, names_differed=differ
            )
    except IntegrityError:
        if Link.objects.filter(ecf_account=ecf).exists():
            return Refusal.ECF_ALREADY_LINKED
        return Refusal.PACER_ALREADY_LINKED
    notices.enqueue(
        kind="link.confirmed",
        recipients=[pacer.email, ecf.email],
        subject=f"CM/ECF account linked to your PACER account - {court.display_name}",
        body=_acknowledgement(pacer=pacer, court=court, ecf=ecf, at=at),
        reference=f"link:{link.pk}",
    )
    audit.record(
        event=Event.LINK_CONFIRMED,
        origin=origin,
        actor=pacer,
        court=court,
        ecf_account=ecf,
        ecf_login=ecf.login,
        names_differed=differ,
    )
    return link


def _acknowledgement(*, pacer: PacerAccount, court: Court, ecf: EcfAccount, at: datetime) -> str:
    local = at.astimezone(court.zone)
    return (
        f"The CM/ECF account for {ecf.name} is now linked to your CSO account.\n\n"
        f"Court:            {court.name} ({court.id})\n"
        f"CM/ECF login:     {ecf.login} ({ecf.name})\n"
        f"PACER account:    {pacer.username} ({pacer.name})\n"
        f"Linked at:        {local:%m/%d/%Y %I:%M %p} {local.tzname()}\n\n"
        "From now on, use your PACER username and password to file in this court. Your old CM/ECF login and "
        "password no longer open the filing system. The link is permanent.\n\n"
        "If you did not make this link, contact the clerk's office of the court at once.\n"
    )


def sign_in_with_court_login(*, court: Court, login: str, password: str, origin: Origin) -> EcfAccount:
    """The old way: a court-issued CM/ECF login, accepted only where the court is not yet live on NextGen."""
    guess = throttle.ecf_password_attempt(court_id=court.pk, login_key=login_key(login), origin=origin)
    try:
        reading = throttle.check(guess)
    except throttle.Throttled as throttled:
        with transaction.atomic():
            audit.record(
                event=Event.ECF_LOGIN_FAILED, origin=origin, username=login.strip(), court=court, reason="throttled"
            )
        raise refusal(Refusal.THROTTLED, court, retry=throttled.retry) from None
    ecf = EcfAccount.objects.filter(court=court, login_key=login_key(login)).select_related("link").first()
    if ecf is None:
        _dummy_check(password)
    valid = ecf is not None and ecf.check_password(password)
    if valid:
        throttle.succeeded(guess, reading=reading)
    else:
        throttle.failed(guess, origin=origin)
    reason: Refusal | None = None
    if court.is_live():
        reason = Refusal.COURT_ON_NEXTGEN
    elif not valid:
        reason = Refusal.BAD_CREDENTIALS
    elif ecf is not None and not ecf.is_active:
        reason = Refusal.ECF_INACTIVE
    elif ecf is not None and hasattr(ecf, "link"):
        reason = Refusal.COURT_ON_NEXTGEN
    with transaction.atomic():
        audit.record(
            event=Event.ECF_LOGIN_FAILED if reason else Event.ECF_LOGIN_SUCCEEDED,
            origin=origin,
            username=login.strip(),
            court=court,
            ecf_account=ecf if valid else None,
            **({"reason": reason.value} if reason else {}),
        )
    if reason is not None:
        raise refusal(reason, court, go_live=court.go_live_text)
    assert ecf is not None
    return ecf


def create_ecf_account(
    *,
    court: Court,
    login: str,
    name: str,
    email: str,
    password: str,
    role: str = EcfRole.ATTORNEY,
    active: bool = True,
    origin: Origin,
    actor: PacerAccount | None = None,
) -> EcfAccount:
    """Create a court-issued CM/ECF account. Raises ValidationError listing every problem, writing nothing.

    ``actor``: the clerk who created it, when one did (the command line and the demo have none).
    """
    problems = []
    key = login_key(login)
    if not key:
        problems.append("The CM/ECF login must not be empty.")
    elif len(login.strip()) > LOGIN_MAX_LENGTH or len(key) > LOGIN_MAX_LENGTH:
        # The key is what is stored and compared: NFKC and case folding can make it longer than the login.
        problems.append(f"The CM/ECF login must be at most {LOGIN_MAX_LENGTH} characters, also once case-folded.")
    if not name.strip():
        problems.append("The name must not be empty.")
    elif len(name.strip()) > NAME_MAX_LENGTH:
        problems.append(f"The name must be at most {NAME_MAX_LENGTH} characters.")
    if len(email.strip()) > EMAIL_MAX_LENGTH:
        problems.append(f"The e-mail address must be at most {EMAIL_MAX_LENGTH} characters.")
    else:
        try:
            validate_email(email.strip())
        except ValidationError:
            problems.append(f"{email!r} is not a valid e-mail address.")
    if role not in EcfRole.values:
        problems.append(f"The role must be one of {', '.join(EcfRole.values)}; got {role!r}.")
    if not password:
        problems.append("The password must not be empty.")
    if key and EcfAccount.objects.filter(court=court, login_key=key).exists():
        problems.append(f"The court {court.id} already has a CM/ECF login {login.strip()!r} (logins ignore case).")
    if problems:
        raise ValidationError(problems)
    account = EcfAccount(
        court=court, login=login.strip(), name=name.strip(), email=email.strip(), role=role, is_active=active
    )
    account.set_password(password)
    try:
        with transaction.atomic():
            account.save()
            audit.record(
                event=Event.ECF_ACCOUNT_CREATED,
                origin=origin,
                actor=actor,
                court=court,
                ecf_account=account,
                role=role,
                active=active,
            )
    except IntegrityError:
        raise ValidationError([f"The court {court.id} already has a CM/ECF login {login.strip()!r}."]) from None
    return account
