"""The court site's fee pages, under Utilities: Review Billing History, View Your Transaction Log, Change PACER
Exemption Status. config/urls.py serves them in the court site's ``cmecf`` namespace."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.billing import selectors, services
from openecf.billing.forms import ExemptionRequestForm
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.views import _render, signed_in_at_court


@signed_in_at_court
def billing_history(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    charges = selectors.charges_of(access.pacer, court=access.court)[:50] if access.pacer else []
    return _render(
        request,
        access,
        "billing/history.html",
        quarters=selectors.usage_by_quarter(access.pacer) if access.pacer else [],
        by_client_code=selectors.usage_by_client_code(access.pacer) if access.pacer else [],
        charges=charges,
    )


@signed_in_at_court
def transaction_log(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    charges = selectors.charges_of(access.pacer, court=access.court)[: selectors.HISTORY_LIMIT] if access.pacer else []
    return _render(request, access, "billing/transaction_log.html", charges=charges, limit=selectors.HISTORY_LIMIT)


@signed_in_at_court
@require_http_methods(["GET", "POST"])
def exemption_status(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    form = ExemptionRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if access.pacer is None:
            form.add_error(None, "Exemptions are granted to PACER accounts: sign in with yours to ask for one.")
        elif form.is_valid():
            try:
                services.request_exemption(
                    account=access.pacer,
                    court=access.court,
                    reason=form.cleaned_data["reason"],
                    origin=Origin.of(request),
                )
            except ValidationError as refused:
                form.add_error(None, refused.messages[0])
            else:
                return redirect(reverse("cmecf:exemption_status", args=[access.court.pk]) + "?requested=1")
    return _render(
        request,
        access,
        "billing/exemption.html",
        status=status,
        form=form,
        requested="requested" in request.GET,
        exemptions=selectors.exemptions_of(access.pacer, access.court) if access.pacer else [],
        pending=selectors.pending_request_of(access.pacer, access.court) if access.pacer else None,
    )
