"""Entering a proof of claim on a bankruptcy case's claims register: one transaction with its audit event.

Claim numbers come from the case row, locked until commit (as docket numbers do): two claims filed at once never
draw the same number, and a refused claim leaves no gap.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import Case, CaseType, Claim, ClaimStatus

AMOUNT_MAX = Decimal("999999999999.99")  # the column's 14 digits, 2 after the point


def _amount(value: Decimal | None, what: str) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0 or value > AMOUNT_MAX:
        raise ValidationError(f"The {what} must be a dollar amount from $0.00 to ${AMOUNT_MAX:,}.")
    return value.quantize(Decimal("0.01"))


def add_claim(
    *,
    case: Case,
    creditor_name: str,
    amount_claimed: Decimal,
    entered_by: str,
    origin: Origin,
    creditor_address: str = "",
    filed_by: str = "",
    filed_on: date | None = None,
    secured_claimed: Decimal | None = None,
    priority_claimed: Decimal | None = None,
    unsecured_claimed: Decimal | None = None,
    description: str = "",
    status: str = ClaimStatus.NONE,
    remarks: str = "",
    actor: PacerAccount | None = None,
) -> Claim:
    """Enter a claim with the case's next claim number. Refusals are ValidationErrors; nothing is written then."""
    if case.case_type != CaseType.BANKRUPTCY:
        raise ValidationError("Claims are filed in bankruptcy cases only.")
    creditor_name = " ".join(creditor_name.split())
    entered_by = " ".join(entered_by.split())
    if not creditor_name:
        raise ValidationError("Name the creditor.")
    if not entered_by:
        raise ValidationError("Name who entered the claim.")
    if status not in ClaimStatus.values:
        raise ValidationError(f"Unknown claim status {status!r}.")
    total = _amount(amount_claimed, "amount claimed") or Decimal("0.00")
    parts = {
        "secured_claimed": _amount(secured_claimed, "secured amount"),
        "priority_claimed": _amount(priority_claimed, "priority amount"),
        "unsecured_claimed": _amount(unsecured_claimed, "unsecured amount"),
    }
    if any(part is not None and part > total for part in parts.values()):
        raise ValidationError("No part of a claim may exceed the amount claimed.")
    address = "\n".join(line.strip() for line in creditor_address.strip().splitlines() if line.strip())
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("court").get(pk=case.pk)
        last = locked.claims.aggregate(last=Max("number"))["last"] or 0
        claim = Claim.objects.create(
            case=locked,
            number=last + 1,
            creditor_name=creditor_name[:300],
            creditor_address=address,
            filed_by=" ".join(filed_by.split())[:300],
            entered_by=entered_by[:300],
            filed_on=filed_on or locked.court.local_date(),
            amount_claimed=total,
            description=" ".join(description.split())[:300],
            status=status,
            remarks=remarks.strip(),
            **parts,
        )
        audit.record(
            event=Event.CLAIM_FILED,
            origin=origin,
            actor=actor,
            court=locked.court,
            case=locked.number,
            caseid=locked.caseid,
            claim=claim.number,
            creditor=claim.creditor_name,
            amount_claimed=str(total),
            **{name: str(value) for name, value in parts.items() if value is not None},
        )
    return claim
