"""Billable Query and Reports pages: the page is rendered once, its extracted data measured, the ledger charged, and
the Transaction Receipt put in the slot the page left for it (report_base.html's ``receipt`` block), so the receipt
shows exactly the Charge the ledger holds.

"Extracted data" (docs/decisions.md, "Billing report pages"): the text of the page's content division
(``cmecfMainContent``) before the receipt, without tags, entities decoded and runs of whitespace made one space,
counted in UTF-8 bytes. The menu bar, the page's frame and the receipt itself are not data and cost nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from openecf.audit.context import Origin
from openecf.billing import services as billing
from openecf.billing.models import Waiver
from openecf.billing.templatetags.billing_receipt import transaction_receipt
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.views import _render, pacer_login_url
from openecf.signon import services as signon

RECEIPT_SLOT = "<!-- openecf:transaction-receipt -->"
MAIN_CONTENT = '<div id="cmecfMainContent">'
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Bill:
    """What the receipt will say: ``description`` ("Docket Report"...), ``criteria`` as CM/ECF records them;
    ``case_specific`` pages stop at $3.00; ``matched=False`` is a search that found nothing (one page); ``free``
    a page that costs nothing (Written Opinions)."""

    description: str
    criteria: str
    case_specific: bool
    matched: bool = True
    free: Waiver = Waiver.NONE  # an opinions report: on the ledger at no cost


def extracted_bytes(page: str) -> int:
    """The bytes of data a page shows: its content division's text, up to the receipt's slot."""
    start = page.find(MAIN_CONTENT)
    end = page.find(RECEIPT_SLOT)
    body = page[start + len(MAIN_CONTENT) if start >= 0 else 0 : end if end >= 0 else len(page)]
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", body))).strip()
    return len(text.encode("utf-8"))


def client_code_in_force(request: HttpRequest) -> str:
    return signon.client_code(request)[:32]


def refusal(request: HttpRequest, access: CourtAccess, *, free: bool = False) -> HttpResponse | None:
    """Answers instead of a billable page when it cannot be billed, before anything is looked up: an old court
    login (to the PACER login, as CM/ECF asks one for Query), or a client code required and absent (400; a free
    page asks for none)."""
    if access.pacer is None:
        return redirect(pacer_login_url(request, access.court.pk, request.get_full_path()))
    if free:
        return None
    try:
        billing.check_client_code(account=access.pacer, court=access.court, client_code=client_code_in_force(request))
    except billing.ClientCodeRequired as refused:
        return _render(request, access, "reports/client_code_required.html", message=refused.message, status=400)
    return None


def billed_page(
    request: HttpRequest, access: CourtAccess, template: str, *, bill: Bill, status: int = 200, **context: Any
) -> HttpResponse:
    """Renders a billable page, charges it (the caller asked ``refusal`` first) and ends it with its receipt."""
    assert access.pacer is not None, "refusal() sends visitors without a PACER account away first"
    response = _render(request, access, template, status=status, receipt_slot=mark_safe(RECEIPT_SLOT), **context)  # noqa: S308
    page = response.content.decode()
    charge = billing.charge(
        account=access.pacer,
        court=access.court,
        description=bill.description,
        criteria=bill.criteria,
        html_bytes=extracted_bytes(page),
        case_specific=bill.case_specific,
        client_code=client_code_in_force(request),
        origin=Origin.of(request),
        matched=bill.matched,
        free=bill.free,
    )
    receipt = render_to_string("billing/receipt.html", transaction_receipt(charge))
    response.content = page.replace(RECEIPT_SLOT, receipt, 1).encode()
    return response
