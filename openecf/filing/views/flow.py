"""One URL per step of a filing transaction: only the current step answers; the others, and a transaction that
is over, get a page that says so and change nothing. Cancel abandons it; after the final step, the NEF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.cases.docketing import DocumentRefused
from openecf.cmecf.access import CourtAccess
from openecf.filing import services, steps
from openecf.filing.models import FilingTransaction, Status
from openecf.filing.views import case_steps, document_steps, opening_steps
from openecf.filing.views.common import (
    expire_if_due,
    filer_at_court,
    out_of_order,
    over_page,
    render_page,
    step_url,
    the_transaction,
)

Handler = Callable[[HttpRequest, CourtAccess, FilingTransaction], HttpResponse]

HANDLERS: dict[str, Handler] = {
    **case_steps.HANDLERS,
    **document_steps.HANDLERS,
    **opening_steps.HANDLERS,
}


@filer_at_court
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, access: CourtAccess, key: str, step: str) -> HttpResponse:
    txn = the_transaction(access, key)
    if txn is None:
        return over_page(request, access, None)
    txn = expire_if_due(request, txn)
    if txn.status == Status.FILED:
        if step == "nef" or step == "final":  # a replayed final POST shows the filing made, never files again
            return _nef(request, access, txn) if step == "nef" else redirect(step_url(txn, "nef"))
        return over_page(request, access, txn)
    if txn.status != Status.OPEN:
        return over_page(request, access, txn)
    if step == "cancel":
        return _cancel(request, access, txn)
    if step not in {*HANDLERS, "final"} or step != steps.current_step(txn):
        return out_of_order(request, access, txn, step)
    if step == "final":
        return _final(request, access, txn)
    try:
        return HANDLERS[step](request, access, txn)
    except services.TransactionOver as over:
        return over_page(request, access, over.txn)


def _cancel(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "GET":
        return render_page(request, access, "filing/cancel.html", txn=txn)
    txn = services.end(txn=txn, status=Status.ABANDONED, origin=Origin.of(request))
    return render_page(request, access, "filing/over.html", txn=txn, Status=Status)


def _final(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    context: dict[str, Any] = {"txn": txn, "text": steps.docket_text(txn), "title": steps.STEP_TITLES["final"]}
    if request.method == "GET":
        return render_page(request, access, "filing/final.html", **context)
    try:
        services.submit(txn=txn, origin=Origin.of(request))
    except services.TransactionOver as over:
        return over_page(request, access, over.txn)
    except DocumentRefused as refused:
        context["error"] = refused.messages[0]
        return render_page(request, access, "filing/final.html", status=400, **context)
    except ValidationError as error:
        context["error"] = error.messages[0]
        return render_page(request, access, "filing/final.html", status=400, **context)
    return redirect(step_url(txn, "nef"))


def _nef(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    entry = txn.entry
    assert entry is not None  # filed
    return render_page(
        request,
        access,
        "filing/nef.html",
        txn=txn,
        entry=entry,
        case=entry.case,
        nef_html=mark_safe(txn.nef_html),  # noqa: S308 - the NEF's HTML, built and escaped by noticing.nef
    )
