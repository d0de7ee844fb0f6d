"""E-file registration: the filer asks, the court's clerk approves or denies; each step audited and e-mailed.

On approval the court gets a new CM/ECF account for the filer, already linked to the PACER account, so filing
rights keep coming from one place (cmecf/access.py: a Link at this court). cmecf makes both
(``linking.create_linked_account``): the new account has no password, so it can never be used as an old court
login, only through the PACER account it is linked to.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf import linking
from openecf.cmecf.ecf_accounts import InvalidAccount
from openecf.cmecf.models import EcfAccount, EcfRole
from openecf.cmecf.refusals import LinkRefused, Refusal
from openecf.cmecf.selectors import link_at
from openecf.courts.models import Court
from openecf.efile.models import EfileRegistration, FilerRole, RegistrationStatus
from openecf.notices import mail


class EfileRefused(Exception):
    def __init__(self, message: str, *, needs_upgrade: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.needs_upgrade = needs_upgrade


def account_problem(account: PacerAccount) -> EfileRefused | None:
    """What stops this account from asking any court for filing rights, if anything."""
    if account.is_shared:
        return EfileRefused("A shared firm PACER account cannot e-file. Use your own individual PACER account.")
    if account.is_legacy:
        return EfileRefused(
            "Your PACER account has not been upgraded. Upgrade it before you register to e-file.", needs_upgrade=True
        )
    return None


def request_problem(*, account: PacerAccount, court: Court) -> EfileRefused | None:
    """What stops this account from asking this court for filing rights, if anything."""
    if (problem := account_problem(account)) is not None:
        return problem
    if not court.is_live():
        return EfileRefused(
            f"The {court.display_name} is not on NextGen CM/ECF yet. Ask the court for a CM/ECF login under its "
            "own procedure."
        )
    link = link_at(account, court)
    if link is not None:
        return EfileRefused(
            f"Your PACER account can already file in the {court.display_name} "
            f"(linked to the CM/ECF account for {link.ecf_account.name})."
        )
    if EfileRegistration.objects.filter(account=account, court=court, status=RegistrationStatus.PENDING).exists():
        return EfileRefused(f"You have already asked the {court.display_name}; the clerk has not decided yet.")
    return None


def request_registration(
    *, account: PacerAccount, court: Court, role: str, bar_id: str, statement: str, origin: Origin
) -> EfileRegistration:
    problem = request_problem(account=account, court=court)
    if problem is not None:
        raise problem
    if role not in FilerRole.values:
        raise EfileRefused("Choose attorney filer or non-attorney filer.")
    if role == FilerRole.ATTORNEY and not bar_id.strip():
        raise EfileRefused("An attorney filer gives a bar number and state of admission.")
    try:
        with transaction.atomic():
            registration = EfileRegistration.objects.create(
                account=account, court=court, role=role, bar_id=bar_id.strip(), statement=statement.strip()
            )
            audit.record(
                event=Event.EFILE_REGISTRATION_REQUESTED,
                origin=origin,
                actor=account,
                court=court,
                registration=registration.pk,
                role=role,
            )
            _tell_filer(registration, kind="efile_registration.requested")
    except IntegrityError:
        raise EfileRefused(f"You have already asked the {court.display_name}; the clerk has not decided yet.") from None
    return registration


def _tell_filer(registration: EfileRegistration, *, kind: str) -> None:
    account = registration.account
    context = {"account": account, "court": registration.court, "registration": registration}
    mail.send(kind=kind, to=[account.email], context=context)


class DecisionRefused(Exception):
    pass


def _pending(registration_id: int, court: Court | None) -> EfileRegistration:
    found = EfileRegistration.objects.select_for_update().select_related("account", "court").filter(pk=registration_id)
    if court is not None:  # the clerk's desk: only requests made to the clerk's court exist
        found = found.filter(court=court)
    registration = found.first()
    if registration is None:
        raise DecisionRefused(f"There is no e-file registration number {registration_id}.")
    if registration.status != RegistrationStatus.PENDING:
        raise DecisionRefused(
            f"E-file registration {registration_id} was already {registration.status} on "
            f"{registration.decided_at:%Y-%m-%d} by {registration.decided_by}."
        )
    return registration


def decide_registration(
    *,
    approve: bool,
    registration_id: int,
    decided_by: str,
    note: str,
    origin: Origin,
    clerk: PacerAccount | None = None,
    court: Court | None = None,
) -> EfileRegistration:
    """Grant filing rights (a new CM/ECF account for the filer at the court, linked at once) or refuse them with
    the reason, which the filer is sent; one transaction.

    ``clerk`` (the clerk's desk) becomes the actor of the audit events, with the filer's username in their detail;
    without it (manage.py, admin) the filer is the actor and ``decided_by`` says who decided. ``court`` limits the
    decision to requests made to that court.
    """
    if not approve and not note.strip():
        raise DecisionRefused("Give the filer a reason (--note) when denying a registration.")
    now = timezone.now()
    with transaction.atomic():
        registration = _pending(registration_id, court)
        account = registration.account
        ecf = _linked_account(registration, origin=origin, clerk=clerk, at=now) if approve else None
        registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.DENIED
        registration.decided_at, registration.decided_by = now, decided_by
        registration.decision_note, registration.ecf_account = note.strip(), ecf
        registration.save()
        audit.record(
            event=Event.EFILE_REGISTRATION_APPROVED if approve else Event.EFILE_REGISTRATION_DENIED,
            origin=origin,
            actor=clerk or account,
            court=registration.court,
            ecf_account=ecf,
            registration=registration.pk,
            decided_by=decided_by,
            pacer_username=account.username,
        )
        _tell_filer(registration, kind="efile_registration.approved" if approve else "efile_registration.denied")
    return registration


def _linked_account(
    registration: EfileRegistration, *, origin: Origin, clerk: PacerAccount | None, at: datetime
) -> EcfAccount:
    """The filer's new CM/ECF account at the court, linked to the PACER account; a refusal says why not."""
    account, court = registration.account, registration.court
    role = EcfRole.ATTORNEY if registration.role == FilerRole.ATTORNEY else EcfRole.NONATTORNEY
    try:
        return linking.create_linked_account(
            pacer=account, court=court, role=role, origin=origin, actor=clerk, at=at
        ).ecf_account
    except LinkRefused as refused:
        if refused.reason == Refusal.PACER_ALREADY_LINKED:
            raise DecisionRefused(
                f"{account.username} has linked a CM/ECF account at {court.pk} since asking; deny this request."
            ) from None
        raise DecisionRefused(
            f"{account.username} cannot be given a linked CM/ECF account at {court.pk} now: "
            f"{refused.reason.label}. Deny this request."
        ) from None
    except InvalidAccount as invalid:
        raise DecisionRefused(
            f"{account.username}'s PACER account cannot make a CM/ECF account: {' '.join(invalid.messages)}"
        ) from None
