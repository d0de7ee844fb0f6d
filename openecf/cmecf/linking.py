"""Links between PACER accounts and CM/ECF accounts: the filer's two-step link procedure, and the only code that
makes or removes a Link (the procedure, e-file registration's approval, a clerk's correction).

Every write is in one transaction with its audit event and e-mail. A refusal is built once, where it is decided,
with its facts (the go-live date, the linked name), and reaches the page as built; it is itself audited
(link.refused) in a transaction of its own, so that it survives the refusal.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac

from openecf.accounts.models import PacerAccount
from openecf.accounts.names import names_match
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.ecf_accounts import new_account, new_login, password_matches
from openecf.cmecf.models import EcfAccount, Link, login_key
from openecf.cmecf.refusals import LinkRefused, Refusal, refusal
from openecf.cmecf.selectors import UNREAD, Unread, account_for_login, known_link, link_at
from openecf.courts.models import Court
from openecf.notices import mail
from openecf.throttle import services as throttle


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
    refused: LinkRefused,
    *,
    court: Court,
    pacer: PacerAccount,
    origin: Origin,
    ecf: EcfAccount | None = None,
    login: str = "",
    why: str = "",
) -> LinkRefused:
    """Audit the refusal, and give it back as it was built."""
    with transaction.atomic():
        audit.record(
            event=Event.LINK_REFUSED,
            origin=origin,
            actor=pacer,
            court=court,
            ecf_account=ecf,
            reason=refused.reason.value,
            ecf_login=login,
            **({"why": why} if why else {}),
        )
    return refused


def link_precondition(
    *, pacer: PacerAccount, court: Court, at: datetime | None = None, current_link: Link | Unread | None = UNREAD
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
    existing = known_link(pacer, court, current_link)
    if existing is not None:
        return _already_linked(court, existing)
    return None


def _already_linked(court: Court, existing: Link | None) -> LinkRefused:
    return refusal(Refusal.PACER_ALREADY_LINKED, court, ecf_name=existing.ecf_account.name if existing else "")


def propose_link(
    *,
    pacer: PacerAccount,
    court: Court,
    login: str,
    password: str,
    origin: Origin,
    at: datetime | None = None,
    current_link: Link | Unread | None = UNREAD,
) -> tuple[LinkProposal, EcfAccount]:
    """Step one: check the CM/ECF login and password and every rule; return what the confirmation binds to, and
    the CM/ECF account it proposes (for the confirmation page). ``current_link`` as for ``link_precondition``."""
    at = at or timezone.now()
    with transaction.atomic():
        audit.record(event=Event.LINK_ATTEMPTED, origin=origin, actor=pacer, court=court, ecf_login=login.strip())
    blocked = link_precondition(pacer=pacer, court=court, at=at, current_link=current_link)
    if blocked is not None:
        raise _refuse(blocked, court=court, pacer=pacer, origin=origin, login=login) from None
    guess = throttle.ecf_password_attempt(
        court_id=court.pk, login_key=login_key(login), pacer_account_id=pacer.pk, origin=origin
    )
    try:
        reading = throttle.check(guess, at=at)
    except throttle.Throttled as throttled:
        refused = refusal(Refusal.THROTTLED, court, retry=throttled.retry)
        raise _refuse(refused, court=court, pacer=pacer, origin=origin, login=login) from None
    ecf = account_for_login(court, login)
    if not password_matches(ecf, password):
        throttle.failed(guess, origin=origin, at=at)
        raise _refuse(
            refusal(Refusal.BAD_CREDENTIALS, court), court=court, pacer=pacer, origin=origin, ecf=ecf, login=login
        )
    assert ecf is not None
    throttle.succeeded(guess, at=at, reading=reading)
    if not ecf.is_active:
        raise _refuse(
            refusal(Refusal.ECF_INACTIVE, court), court=court, pacer=pacer, origin=origin, ecf=ecf, login=login
        )
    if hasattr(ecf, "link"):
        refused = refusal(Refusal.ECF_ALREADY_LINKED, court)
        raise _refuse(refused, court=court, pacer=pacer, origin=origin, ecf=ecf, login=login)
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
    current_link: Link | Unread | None = UNREAD,
) -> Link:
    """Step two: make the permanent link, its audit event and its e-mail in one transaction.

    Idempotent: a second Submit of the same confirmation (a double click) returns the link already made.
    ``current_link`` as for ``link_precondition``; a link made since it was read is still found, under the lock.
    """
    at = at or timezone.now()
    expired = refusal(Refusal.CONFIRMATION_EXPIRED, court)
    unbound = _unbound(proposal, nonce=nonce, pacer=pacer, court=court)
    if unbound:
        raise _refuse(expired, court=court, pacer=pacer, origin=origin, why=unbound)
    assert proposal is not None
    existing = known_link(pacer, court, current_link)
    if existing is not None and existing.ecf_account_id == proposal.ecf_account_id:
        return existing  # the proposal is bound to this court, so its link, if made, is the one here
    if proposal.used or proposal.expired(at):
        why = "already_used" if proposal.used else "expired"
        raise _refuse(expired, court=court, pacer=pacer, origin=origin, why=why)
    blocked = link_precondition(pacer=pacer, court=court, at=at, current_link=existing)
    if blocked is not None:
        raise _refuse(blocked, court=court, pacer=pacer, origin=origin)
    outcome: Link | LinkRefused
    with transaction.atomic():
        # The row lock serialises concurrent confirmations for one CM/ECF account; the unique constraints
        # catch whatever gets past it (two CM/ECF accounts confirmed for one PACER account at once).
        ecf = EcfAccount.objects.select_for_update().filter(pk=proposal.ecf_account_id, court=court).first()
        if ecf is None or not constant_time_compare(_fingerprint(ecf), proposal.password_fingerprint):
            outcome = expired  # the CM/ECF password changed since it was proved
        elif not ecf.is_active:
            outcome = refusal(Refusal.ECF_INACTIVE, court)
        elif not names_match(ecf.name, pacer.name) and not names_differ_confirmed:
            raise NamesDifferUnconfirmed()
        else:
            outcome = _confirmed_link(pacer=pacer, court=court, ecf=ecf, origin=origin, at=at)
    if isinstance(outcome, Link):
        return outcome
    if outcome.reason == Refusal.ECF_ALREADY_LINKED:
        mine = Link.objects.filter(pacer_account=pacer, ecf_account_id=proposal.ecf_account_id).first()
        if mine is not None:
            return mine
    raise _refuse(outcome, court=court, pacer=pacer, origin=origin)


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


def make_link(*, pacer: PacerAccount, ecf: EcfAccount, court: Court, at: datetime, names_differed: bool) -> Link:
    """The one writer of a Link, inside the caller's transaction, which records why it was made (link.confirmed,
    efile_registration.approved). Raises LinkRefused when either account is linked already."""
    if Link.objects.filter(ecf_account=ecf).exists():
        raise refusal(Refusal.ECF_ALREADY_LINKED, court)
    try:
        with transaction.atomic():
            return Link.objects.create(
                pacer_account=pacer, ecf_account=ecf, court=court, linked_at=at, names_differed=names_differed
            )
    except IntegrityError:
        if Link.objects.filter(ecf_account=ecf).exists():
            raise refusal(Refusal.ECF_ALREADY_LINKED, court) from None
        raise _already_linked(court, link_at(pacer, court)) from None


def _confirmed_link(
    *, pacer: PacerAccount, court: Court, ecf: EcfAccount, origin: Origin, at: datetime
) -> Link | LinkRefused:
    differ = not names_match(ecf.name, pacer.name)
    try:
        link = make_link(pacer=pacer, ecf=ecf, court=court, at=at, names_differed=differ)
    except LinkRefused as refused:
        return refused
    mail.send(
        kind="link.confirmed",
        to=[pacer.email, ecf.email],
        context={"pacer": pacer, "ecf": ecf, "court": court, "at": at},
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


def create_linked_account(
    *, pacer: PacerAccount, court: Court, role: str, origin: Origin, actor: PacerAccount | None, at: datetime
) -> Link:
    """A new CM/ECF account for this PACER account, linked at once (an approved e-file registration), inside the
    caller's transaction, which records the approval after it.

    The account has no password: it can never be used as an old court login, only through the PACER account it
    is linked to. Raises LinkRefused when the PACER account may not link here (``link_precondition``), and
    InvalidAccount when its name or e-mail address cannot be a CM/ECF account's.
    """
    blocked = link_precondition(pacer=pacer, court=court, at=at)
    if blocked is not None:
        raise blocked
    ecf = new_account(
        court=court,
        login=new_login(court, pacer.username),
        name=pacer.name,
        email=pacer.email,
        role=role,
        password_hash=make_password(None),  # unusable: the account opens only through the PACER account
    )
    ecf.save()
    link = make_link(pacer=pacer, ecf=ecf, court=court, at=at, names_differed=False)
    audit.record(
        event=Event.ECF_ACCOUNT_CREATED, origin=origin, actor=actor, court=court, ecf_account=ecf, role=ecf.role
    )
    return link


def remove_link(*, link_id: int, ecf: EcfAccount, pacer: PacerAccount) -> bool:
    """Remove this link, if it still joins these two accounts (a clerk's approved correction), inside the caller's
    transaction, which records link.removed. False when it changed or is gone."""
    return bool(Link.objects.filter(pk=link_id, ecf_account=ecf, pacer_account=pacer).delete()[0])
