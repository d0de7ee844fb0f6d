"""E-file registration, asked from Manage My Account."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.courts.selectors import court_by_id
from openecf.efile import services
from openecf.efile.forms import RegistrationForm

DONE_KEY = "openecf.manage_done"  # shown on Manage My Account


@login_required
@require_http_methods(["GET", "POST"])
def request_registration(request: HttpRequest) -> HttpResponse:
    account = request.user
    assert isinstance(account, PacerAccount)
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, initial={"court": request.GET.get("court")}
    )
    # Refused before anything is typed; the page links to the upgrade where that is the way on.
    refusal = services.account_problem(account)
    status = 403 if refusal else 200
    if refusal is None and request.method == "POST":
        status = 400
        if form.is_valid():
            court = court_by_id(form.cleaned_data["court"])
            assert court is not None
            try:
                registration = services.request_registration(
                    account=account,
                    court=court,
                    role=form.cleaned_data["role"],
                    bar_id=form.cleaned_data["bar_id"],
                    statement=form.cleaned_data["statement"],
                    origin=Origin.of(request),
                )
            except services.EfileRefused as refused:
                refusal, status = refused, 409
            else:
                request.session[DONE_KEY] = (
                    f"Your e-file registration (number {registration.pk}) was sent to the "
                    f"{court.display_name}. The clerk's office will e-mail you its decision."
                )
                return redirect("accounts:manage")
    return render(
        request,
        "accounts/manage_form.html",
        {
            "form": None if refusal and status == 403 else form,
            "refusal": refusal,
            "title": "E-file registration",
            "submit": "Send to the court",
            "intro": "Ask a court live on NextGen CM/ECF for e-filing rights where you have no CM/ECF account. "
            "If you already have one there, link it instead (Utilities at the court).",
        },
        status=status,
    )
