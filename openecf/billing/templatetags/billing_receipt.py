"""{% transaction_receipt charge %}: CM/ECF's Transaction Receipt, the last block of every billable page."""

from __future__ import annotations

from typing import Any

from django import template

from openecf.billing import fees
from openecf.billing.models import Charge

register = template.Library()


@register.filter
def charge_time(charge: Charge) -> str:
    """When the charge was made, as its receipt said it: in the court's time zone (UTC for the Case Locator,
    which is nationwide), so the billing history and the receipts a user kept agree."""
    when = charge.created_at
    if charge.court is not None:
        when = when.astimezone(charge.court.zone)
    return when.strftime("%m/%d/%Y %H:%M:%S")


@register.inclusion_tag("billing/receipt.html")
def transaction_receipt(charge: Charge) -> dict[str, Any]:
    return {
        "charge": charge,
        "login": charge.account.username,
        "when": charge_time(charge),
        "cost": fees.dollars(charge.cost_cents),
        # Documents show the case number under "Case Number"; reports and searches, their "Search Criteria".
        "criteria_label": "Case Number" if charge.description.startswith("Image") else "Search Criteria",
    }


@register.filter
def dollars(cents: int) -> str:
    return fees.dollars(int(cents))
