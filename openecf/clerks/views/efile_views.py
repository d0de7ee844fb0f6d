"""E-file registration requests from PACER users: the court's clerk approves or denies each, with a note."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.clerks import selectors, services
from openecf.clerks.forms import EfileDecisionForm
from openecf.clerks.golive import link_item_path
from openecf.clerks.scope import ClerkScope
from openecf.clerks.views.desk import court_desk, page
from openecf.efile.models import RegistrationStatus

RECENT_DECISIONS = 50


@court_desk
def registrations(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    return page(
        request,
        scope,
        "clerks/efile_registrations.html",
        pending=selectors.pending_registrations(scope),
        decided=selectors.decided_registrations(scope)[:RECENT_DECISIONS],
        recent=RECENT_DECISIONS,
    )


@court_desk
@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    found = selectors.registration(scope, pk)
    if found is None:
        raise Http404("No such e-file registration at this court")
    form = EfileDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_efile_registration(
                scope=scope,
                registration_id=found.pk,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
                origin=Origin.of(request),
            )
        except services.DeskRefused as refused:
            form.add_error(None, str(refused))
            found = selectors.registration(scope, pk) or found  # e.g. decided meanwhile: show how
        else:
            return redirect(reverse("clerks:efile_registration", args=[scope.court.pk, found.pk]) + "?decided=1")
    return page(
        request,
        scope,
        "clerks/efile_registration.html",
        status=400 if form.errors else 200,
        registration=found,
        form=form,
        same_email=selectors.accounts_like(scope, found) if found.status == RegistrationStatus.PENDING else [],
        link_item=link_item_path(scope.court),
        flash=request.GET,
    )
