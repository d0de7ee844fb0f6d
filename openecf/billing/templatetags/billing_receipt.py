"""{% transaction_receipt charge %}: CM/ECF's Transaction Receipt, the last block of every billable page."""

from __future__ import annotations

from typing import Any

from django import template

from openecf.billing import fees
from openecf.billing.models import Charge

register = template.Library()


@register.inclusion_tag("billing/receipt.html")
def transaction_receipt(charge: Charge) -> dict[str, Any]:
    when = charge.created_at
    if charge.court is not None:
        when = when.astimezone(charge.court.zone)
    return {
        "charge": charge,
        "login": charge.account.username,
        "when": when.strftime("%m/%d/%Y %H:%M:%S"),
        "cost": fees.dollars(charge.cost_cents),
        # Documents show the case number under "Case Number"; reports and searches, their "Search Criteria".
        "criteria_label": "Case Number" if charge.description.startswith("Image") else "Search Criteria",
    }


@register.filter
def dollars(cents: int) -> str:
    return fees.dollars(int(cents))
