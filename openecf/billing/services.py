"""The ledger's writes: a charge (with its audit event, in one transaction), exemptions asked for and set."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.billing import fees
from openecf.billing.models import Charge, Exemption, ExemptionRequest, ExemptionRequestStatus, Waiver
from openecf.courts.models import Court
from openecf.signon import services as signon

CLIENT_CODE_REQUIRED = "A Client Code is required for PACER search"


class ClientCodeRequired(Exception):
    """The account or the court requires a client code and none is in force: nothing is served, nothing charged."""

    def __init__(self) -> None:
        super().__init__(CLIENT_CODE_REQUIRED)
        self.message = CLIENT_CODE_REQUIRED


def client_code_required(*, account: PacerAccount, court: Court | None) -> bool:
    return bool(court is not None and court.client_code_required) or signon.client_code_required(account)


def check_client_code(*, account: PacerAccount, court: Court | None, client_code: str) -> None:
    """Raises ClientCodeRequired before a page is built, so a refused search costs nothing."""
    if not client_code.strip() and client_code_required(account=account, court=court):
        raise ClientCodeRequired


def exempt_on(*, account: PacerAccount, court: Court | None, day: date) -> bool:
    if court is None:
        return False
    return Exemption.objects.filter(account=account, court=court, starts_on__lte=day, ends_on__gte=day).exists()


def quote(
    *,
    account: PacerAccount,
    court: Court | None,
    description: str,
    criteria: str,
    pages: int | None = None,
    html_bytes: int | None = None,
    case_specific: bool,
    client_code: str,
    matched: bool = True,
    free: Waiver = Waiver.NONE,
) -> Charge:
    """The charge a page view or search would make, unsaved: what a receipt shows before it is accepted (doc1's
    "View Document"), and what ``charge`` then writes.

    ``pages`` for a PDF (its pages), ``html_bytes`` for an HTML page (its extracted data); exactly one of them.
    ``case_specific``: a document or a case-specific report (docket, history, claims register), capped at $3.00;
    searches and other reports are not. ``matched=False``: a search that found nothing, one page. ``free``:
    an opinion or the NEF's free look, at no cost whatever the pages. A court's exemption for the account on the
    court's today waives the cost too. Raises ClientCodeRequired when one is required and none is in force."""
    if (pages is None) == (html_bytes is None):
        raise ValueError("charge() takes either pages (a PDF) or html_bytes (an HTML page).")
    if free == Waiver.EXEMPTION:
        raise ValueError("An exemption is the court's to grant: charge() finds it itself.")
    if free == Waiver.NONE:
        check_client_code(account=account, court=court, client_code=client_code)
    raw_pages = fees.html_pages(html_bytes) if html_bytes is not None else int(pages or 0)
    if not matched:
        raw_pages = 1
    waiver: Waiver = free
    if waiver == Waiver.NONE and court is not None and exempt_on(account=account, court=court, day=court.local_date()):
        waiver = Waiver.EXEMPTION
    return Charge(
        account=account,
        court=court,
        created_at=timezone.now(),
        description=description[:200],
        criteria=criteria[:500],
        pages=fees.billable_pages(raw_pages, capped=case_specific),
        cost_cents=0 if waiver != Waiver.NONE else fees.cost_cents(raw_pages, capped=case_specific),
        client_code=client_code[:32],
        waiver=waiver,
    )


def charge(
    *,
    account: PacerAccount,
    court: Court | None,
    description: str,
    criteria: str,
    pages: int | None = None,
    html_bytes: int | None = None,
    case_specific: bool,
    client_code: str,
    origin: Origin,
    matched: bool = True,
    free: Waiver = Waiver.NONE,
) -> Charge:
    """Put one page view or search on the account's ledger and return the charge its receipt shows: ``quote``'s
    charge (read its rules), written with its audit event in one transaction. Raises ClientCodeRequired (nothing
    written) when one is required and none is in force."""
    entry = quote(
        account=account,
        court=court,
        description=description,
        criteria=criteria,
        pages=pages,
        html_bytes=html_bytes,
        case_specific=case_specific,
        client_code=client_code,
        matched=matched,
        free=free,
    )
    with transaction.atomic():
        entry.save()
        audit.record(
            event=Event.FEE_CHARGED,
            origin=origin,
            actor=account,
            court=court,
            charge=entry.pk,
            description=entry.description,
            criteria=entry.criteria,
            pages=entry.pages,
            cost_cents=entry.cost_cents,
            client_code=entry.client_code,
            waiver=entry.waiver,
        )
    return entry


def request_exemption(*, account: PacerAccount, court: Court, reason: str, origin: Origin) -> ExemptionRequest:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Give the grounds for the exemption.")
    with transaction.atomic():
        if ExemptionRequest.objects.filter(
            account=account, court=court, status=ExemptionRequestStatus.PENDING
        ).exists():
            raise ValidationError("Your request to this court is already pending.")
        request = ExemptionRequest.objects.create(account=account, court=court, reason=reason[:1000])
        audit.record(event=Event.FEE_EXEMPTION_REQUESTED, origin=origin, actor=account, court=court, request=request.pk)
    return request


def set_exemption(
    *,
    clerk: PacerAccount,
    account: PacerAccount,
    court: Court,
    starts_on: date,
    ends_on: date,
    reason: str,
    origin: Origin,
) -> Exemption:
    """The clerk's exemption of an account at the court, for a period; it grants the account's pending request."""
    reason = " ".join(reason.split())
    if ends_on < starts_on:
        raise ValidationError("The exemption must end on or after the day it starts.")
    if not reason:
        raise ValidationError("Give the reason for the exemption.")
    with transaction.atomic():
        exemption = Exemption.objects.create(
            account=account, court=court, starts_on=starts_on, ends_on=ends_on, reason=reason[:300], granted_by=clerk
        )
        ExemptionRequest.objects.filter(account=account, court=court, status=ExemptionRequestStatus.PENDING).update(
            status=ExemptionRequestStatus.GRANTED
        )
        audit.record(
            event=Event.FEE_EXEMPTION_SET,
            origin=origin,
            actor=clerk,
            court=court,
            account=account.username,
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
            reason=exemption.reason,
        )
    return exemption
