"""Every write of the clerk's desk, court-scoped, each in one transaction with its audit event and e-mail."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.clerks.models import ClerkMembership, CorrectionStatus, LinkCorrection
from openecf.clerks.scope import ClerkScope
from openecf.cmecf import linking
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.cmecf.models import EcfAccount, EcfRole, Link
from openecf.courts.models import Court
from openecf.ecfpasswords import services as resets
from openecf.efile import services as efile
from openecf.efile.models import EfileRegistration
from openecf.notices import mail


class DeskRefused(Exception):
    """A clerk's action that cannot be done, with the sentence the clerk reads."""


# --- Clerks ---------------------------------------------------------------------------------------------------


def grant_membership(*, account: PacerAccount, courts: Iterable[Court], origin: Origin) -> list[Court]:
    """Make a PACER account a clerk of these courts; returns the courts newly granted."""
    if account.is_shared or not account.is_active:
        raise ValidationError(["A clerk signs in with an active individual PACER account of their own."])
    granted = []
    with transaction.atomic():
        for court in courts:
            _membership, created = ClerkMembership.objects.get_or_create(account=account, court=court)
            if created:
                audit.record(event=Event.CLERK_MEMBERSHIP_GRANTED, origin=origin, actor=account, court=court)
                granted.append(court)
    return granted


def revoke_membership(*, account: PacerAccount, courts: Iterable[Court], origin: Origin) -> list[Court]:
    revoked = []
    with transaction.atomic():
        for court in courts:
            if ClerkMembership.objects.filter(account=account, court=court).delete()[0]:
                audit.record(event=Event.CLERK_MEMBERSHIP_REVOKED, origin=origin, actor=account, court=court)
                revoked.append(court)
    return revoked


# --- CM/ECF accounts -----------------------------------------------------------------------------------------


def create_account(
    *, scope: ClerkScope, login: str, name: str, email: str, role: str, origin: Origin, url_for: resets.UrlFor
) -> EcfAccount:
    """A new CM/ECF account: the clerk never knows its password; the filer chooses it through an e-mailed link."""
    with transaction.atomic():
        account = create_ecf_account(
            court=scope.court,
            login=login,
            name=name,
            email=email,
            password=secrets.token_urlsafe(32),
            role=role,
            origin=origin,
            actor=scope.clerk,
        )
        resets.send_reset(ecf=account, clerk=scope.clerk, origin=origin, url_for=url_for, new_account=True)
    return account


def set_active(*, scope: ClerkScope, ecf: EcfAccount, active: bool, reason: str, origin: Origin) -> EcfAccount:
    reason = " ".join(reason.split())
    if not reason:
        raise DeskRefused("Give the reason; it is kept in the audit log.")
    with transaction.atomic():
        locked = scope.ecf_accounts().select_for_update().filter(pk=ecf.pk).first()
        if locked is None:
            raise DeskRefused("No such CM/ECF account at this court.")
        if locked.is_active == active:
            raise DeskRefused(f"The account is already {'active' if active else 'inactive'}.")
        locked.is_active = active
        locked.save(update_fields=["is_active"])
        # Open reset links die with a deactivation; a reactivated filer asks for a new one.
        if not active:
            resets.void_links(ecf=locked)
        audit.record(
            event=Event.ECF_ACCOUNT_REACTIVATED if active else Event.ECF_ACCOUNT_DEACTIVATED,
            origin=origin,
            actor=scope.clerk,
            court=scope.court,
            ecf_account=locked,
            reason=reason,
        )
    return locked


class IdentityCheck:
    """How the clerk made sure the caller is the filer before telling them their login."""

    CHOICES = [
        ("photo_id", "Government photo ID seen in person"),
        ("bar_number", "Bar number and admission checked against the roll"),
        ("callback", "Called back on the telephone number on file"),
        ("email_on_file", "Request came from the e-mail address on file"),
        ("other", "Other (described in the note)"),
    ]


def disclose_login(*, scope: ClerkScope, ecf: EcfAccount, method: str, note: str, origin: Origin) -> str:
    """The login, once the clerk has recorded the identity check made; audited with the check."""
    note = " ".join(note.split())
    if method not in dict(IdentityCheck.CHOICES):
        raise DeskRefused("Choose how you checked the caller's identity.")
    if method == "other" and not note:
        raise DeskRefused("Describe the identity check in the note.")
    account = scope.ecf_account(ecf.pk)
    if account is None:
        raise DeskRefused("No such CM/ECF account at this court.")
    with transaction.atomic():
        audit.record(
            event=Event.ECF_ACCOUNT_LOGIN_DISCLOSED,
            origin=origin,
            actor=scope.clerk,
            court=scope.court,
            ecf_account=account,
            identity_check=method,
            note=note,
        )
    return account.login


def send_password_reset(*, scope: ClerkScope, ecf: EcfAccount, origin: Origin, url_for: resets.UrlFor) -> None:
    account = scope.ecf_account(ecf.pk)
    if account is None:
        raise DeskRefused("No such CM/ECF account at this court.")
    try:
        resets.send_reset(ecf=account, clerk=scope.clerk, origin=origin, url_for=url_for)
    except resets.ResetRefused as refused:
        raise DeskRefused(str(refused)) from None


# --- Court contacts ------------------------------------------------------------------------------------------

CONTACT_FIELDS = ("clerk_phone", "help_desk_url", "help_desk_email", "pacer_help_url")


def update_contacts(*, scope: ClerkScope, origin: Origin, **values: str) -> Court:
    """The contacts filers are sent to wherever the guides say "contact the court"; audited field by field."""
    clean = {name: " ".join(str(values.get(name, "")).split()) for name in CONTACT_FIELDS}
    problems = []
    for name in ("help_desk_url", "pacer_help_url"):
        if clean[name]:
            try:
                URLValidator(schemes=["https", "http"])(clean[name])
            except ValidationError:
                problems.append(f"{clean[name]!r} is not a web address (https://...).")
    if clean["help_desk_email"]:
        try:
            validate_email(clean["help_desk_email"])
        except ValidationError:
            problems.append(f"{clean['help_desk_email']!r} is not a valid e-mail address.")
    if len(clean["clerk_phone"]) > 40:
        problems.append("The telephone number must be at most 40 characters.")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        court = Court.objects.select_for_update().get(pk=scope.court.pk)
        changed = {
            name: [getattr(court, name), clean[name]] for name in CONTACT_FIELDS if getattr(court, name) != clean[name]
        }
        if not changed:
            return court
        for name, (_old, new) in changed.items():
            setattr(court, name, new)
        court.save(update_fields=list(changed))
        audit.record(event=Event.COURT_CONTACTS_CHANGED, origin=origin, actor=scope.clerk, court=court, changed=changed)
    return court


# --- Correcting a wrong link ----------------------------------------------------------------------------------


def propose_link_removal(*, scope: ClerkScope, ecf: EcfAccount, reason: str, origin: Origin) -> LinkCorrection:
    reason = reason.strip()
    if len(reason) < 10:
        raise DeskRefused("Say why the link is wrong and how you checked it (at least a sentence).")
    with transaction.atomic():
        account = scope.ecf_accounts().select_for_update().filter(pk=ecf.pk).first()
        link = Link.objects.filter(ecf_account=account).select_related("pacer_account").first() if account else None
        if account is None or link is None:
            raise DeskRefused("This CM/ECF account is not linked; there is nothing to correct.")
        if scope.corrections().filter(ecf_account=account, status=CorrectionStatus.PROPOSED).exists():
            raise DeskRefused("A removal of this link is already waiting for a second clerk.")
        try:
            with transaction.atomic():
                correction = LinkCorrection.objects.create(
                    court=scope.court,
                    ecf_account=account,
                    pacer_account=link.pacer_account,
                    link_id=link.pk,
                    linked_at=link.linked_at,
                    reason=reason,
                    proposed_by=scope.clerk,
                )
        except IntegrityError:
            raise DeskRefused("A removal of this link is already waiting for a second clerk.") from None
        audit.record(
            event=Event.LINK_REMOVAL_PROPOSED,
            origin=origin,
            actor=scope.clerk,
            court=scope.court,
            ecf_account=account,
            correction=correction.pk,
            pacer_username=link.pacer_account.username,
            reason=reason,
        )
    return correction


def decide_link_removal(
    *, scope: ClerkScope, correction_id: int, approve: bool, note: str, origin: Origin
) -> LinkCorrection:
    """A second clerk approves (the link is removed, both parties are told) or rejects the proposal."""
    note = note.strip()
    with transaction.atomic():
        correction = (
            scope.corrections()
            .select_for_update()
            .select_related("ecf_account", "pacer_account", "proposed_by")
            .filter(pk=correction_id)
            .first()
        )
        if correction is None:
            raise DeskRefused("No such correction at this court.")
        if correction.status != CorrectionStatus.PROPOSED:
            raise DeskRefused(f"This correction was already decided ({correction.get_status_display().lower()}).")
        if correction.proposed_by_id == scope.clerk.pk:
            raise DeskRefused("A second clerk must decide: you proposed this removal yourself.")
        if not approve and not note:
            raise DeskRefused("Say why you reject the removal.")
        correction.status = CorrectionStatus.APPROVED if approve else CorrectionStatus.REJECTED
        correction.decided_by = scope.clerk
        correction.decided_at = timezone.now()
        correction.decision_note = note
        if approve:
            removed = linking.remove_link(
                link_id=correction.link_id, ecf=correction.ecf_account, pacer=correction.pacer_account
            )
            if not removed:
                raise DeskRefused("The link changed since the proposal; propose the removal again.")
        correction.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit.record(
            event=Event.LINK_REMOVED if approve else Event.LINK_REMOVAL_REJECTED,
            origin=origin,
            actor=scope.clerk,
            court=scope.court,
            ecf_account=correction.ecf_account,
            correction=correction.pk,
            pacer_username=correction.pacer_account.username,
            linked_at=correction.linked_at.isoformat(),
            proposed_by=correction.proposed_by.username,
            reason=correction.reason,
            note=note,
        )
        if approve:
            _announce_removal(correction)
    return correction


def _announce_removal(correction: LinkCorrection) -> None:
    context = {"ecf": correction.ecf_account, "pacer": correction.pacer_account, "court": correction.court}
    mail.send(kind="link.removed", to=[correction.pacer_account.email], context=context)
    mail.send(
        kind="link.removed", template="link.removed_ecf_holder", to=[correction.ecf_account.email], context=context
    )


ROLE_LABELS = dict(EcfRole.choices)


# --- E-file registration requests ----------------------------------------------------------------------------


def decide_efile_registration(
    *, scope: ClerkScope, registration_id: int, approve: bool, note: str, origin: Origin
) -> EfileRegistration:
    """The clerk approves or denies a PACER user's request to e-file at the clerk's court (a reason to deny)."""
    if not approve and not note.strip():
        raise DeskRefused("A note is required to deny: tell the filer why. It is e-mailed to them.")
    try:
        return efile.decide_registration(
            approve=approve,
            registration_id=registration_id,
            decided_by=scope.clerk.username,
            note=note,
            origin=origin,
            clerk=scope.clerk,
            court=scope.court,
        )
    except efile.DecisionRefused as refused:
        raise DeskRefused(str(refused)) from None
