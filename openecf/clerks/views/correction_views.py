"""Correcting a wrong link: one clerk proposes with a reason, a second clerk approves or rejects."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.clerks import selectors, services
from openecf.clerks.forms import DecisionForm, ProposeRemovalForm
from openecf.clerks.scope import ClerkScope
from openecf.clerks.views.desk import court_desk, page


@court_desk
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    account = scope.ecf_account(pk)
    if account is None:
        raise Http404("No such CM/ECF account at this court")
    form = ProposeRemovalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.propose_link_removal(
                scope=scope, ecf=account, reason=form.cleaned_data["reason"], origin=Origin.of(request)
            )
        except services.DeskRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(reverse("clerks:correction", args=[scope.court.pk, correction.pk]) + "?proposed=1")
    return page(
        request,
        scope,
        "clerks/correction_propose.html",
        status=400 if form.errors else 200,
        form=form,
        account=account,
        link=getattr(account, "link", None),
        masked=selectors.mask_login(account.login),
    )


@court_desk
def corrections(request: HttpRequest, scope: ClerkScope) -> HttpResponse:
    return page(request, scope, "clerks/corrections.html", corrections=selectors.corrections(scope)[:200])


@court_desk
@require_http_methods(["GET", "POST"])
def correction(request: HttpRequest, scope: ClerkScope, pk: int) -> HttpResponse:
    found = selectors.corrections(scope).filter(pk=pk).first()
    if found is None:
        raise Http404("No such correction at this court")
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_link_removal(
                scope=scope,
                correction_id=found.pk,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
                origin=Origin.of(request),
            )
        except services.DeskRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(reverse("clerks:correction", args=[scope.court.pk, found.pk]) + "?decided=1")
    return page(
        request,
        scope,
        "clerks/correction.html",
        status=400 if form.errors else 200,
        correction=found,
        form=form,
        own=found.proposed_by_id == scope.clerk.pk,
        flash=request.GET,
    )
