"""What every filing page shares: who may file (else a refusal page, 403), the transaction the URL names (only its
own filer's, still open), and the court's look."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf import menus
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.views import signed_in_at_court
from openecf.filing import services, steps
from openecf.filing.models import FilingTransaction, Status

View = Callable[..., HttpResponse]


def render_page(
    request: HttpRequest, access: CourtAccess, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    court = access.court
    link_urls = {page: menus.link_url(court.pk, court.type, page) for page in ("link", "link_confirm")}
    return render(
        request, template, {"access": access, "court": court, "link_urls": link_urls, **context}, status=status
    )


def filer_at_court(view: View) -> View:
    """Signed in (else to the login), with filing rights at this court and, through a PACER link, an authenticator
    app code at this sign-in (else the refusal page, 403)."""

    @signed_in_at_court
    @wraps(view)
    def wrapper(request: HttpRequest, access: CourtAccess, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.can_file or access.court.is_appellate:
            return render_page(request, access, "cmecf/no_filing.html", status=403)
        if access.filing_needs_app:
            return render_page(request, access, "cmecf/no_filing_without_app.html", status=403)
        return view(request, access, *args, **kwargs)

    return wrapper


def step_url(txn: FilingTransaction, step: str) -> str:
    return reverse("cmecf:filing_step", args=[txn.court_id, txn.key, step])


def to_step(txn: FilingTransaction, step: str | None = None) -> HttpResponse:
    return redirect(step_url(txn, step or steps.current_step(txn)))


def the_transaction(access: CourtAccess, key: str) -> FilingTransaction | None:
    account = access.filing_account
    return (
        FilingTransaction.objects.select_related("court", "ecf_account", "entry__case")
        .filter(key=key, court=access.court, ecf_account=account, pacer_account=access.pacer)
        .first()
    )


def over_page(request: HttpRequest, access: CourtAccess, txn: FilingTransaction | None) -> HttpResponse:
    """A transaction that is not there, or over: a clear page, and nothing changed."""
    if txn is None:
        return render_page(request, access, "filing/over.html", status=404, txn=None)
    return render_page(request, access, "filing/over.html", status=410, txn=txn, Status=Status)


def out_of_order(request: HttpRequest, access: CourtAccess, txn: FilingTransaction, step: str) -> HttpResponse:
    audit.record(
        event=Event.FILING_OUT_OF_ORDER,
        origin=Origin.of(request),
        actor=access.pacer,
        court=access.court,
        ecf_account=access.filing_account,
        step=step[:40],
    )
    return render_page(
        request,
        access,
        "filing/out_of_order.html",
        status=409,
        txn=txn,
        current_url=step_url(txn, steps.current_step(txn)),
        current_title=steps.STEP_TITLES[steps.current_step(txn)],
    )


def expire_if_due(request: HttpRequest, txn: FilingTransaction) -> FilingTransaction:
    if txn.expired:
        return services.end(txn=txn, status=Status.EXPIRED, origin=Origin.of(request))
    return txn


def show(
    request: HttpRequest, access: CourtAccess, txn: FilingTransaction, step: str, status: int = 200, **context: Any
) -> HttpResponse:
    """A step's page: its own template, with the transaction, the step's title and the case when there is one."""
    return render_page(
        request,
        access,
        f"filing/step_{step}.html",
        status=status,
        txn=txn,
        step=step,
        title=steps.STEP_TITLES[step],
        case=steps.case_of(txn),
        events=steps.events_of(txn),
        **context,
    )


def answered(txn: FilingTransaction, step: str, answers: dict[str, Any]) -> HttpResponse:
    """Keep the step's answers and go on to the next step."""
    return to_step(services.save_step(txn=txn, step=step, answers=answers))
