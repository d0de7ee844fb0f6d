"""PACER fees on the desk: the court's totals by quarter, its exemptions and the users' requests for one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import selectors as billing
from openecf.billing import services as fees
from openecf.billing.forms import ExemptionForm
from openecf.clerks.scope import ClerkScope
from openecf.clerks.views.desk import court_desk, page


@court_desk
@require_http_methods(["GET", "POST"])
def fees_page(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    court = scope.court
    form = ExemptionForm(request.POST if request.method == "POST" else None, initial=request.GET.dict() or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            account = PacerAccount.objects.with_username(data["username"]).first()
            if account is None:
                form.add_error("username", f"No PACER account has the username {data['username']}.")
            else:
                try:
                    fees.set_exemption(
                        clerk=scope.clerk,
                        account=account,
                        court=court,
                        starts_on=data["starts_on"],
                        ends_on=data["ends_on"],
                        reason=data["reason"],
                        origin=Origin.of(request),
                    )
                except ValidationError as refused:
                    form.add_error(None, refused.messages[0])
                else:
                    return redirect(reverse("clerks:fees", args=[court.pk]) + "?saved=1")
    return page(
        request,
        scope,
        "clerks/fees.html",
        status=status,
        form=form,
        saved="saved" in request.GET,
        quarters=billing.court_totals(court),
        waived=billing.court_waived_count(court),
        exemptions=billing.exemptions_at(court)[:200],
        requests=billing.pending_requests(court)[:200],
    )
