"""The PACER login's steps after the password, one page each (the one-time code, the MFA enrolment or its skip,
the redaction notice), each served only while it is the sign-in's current step (openecf/signon/machine.py);
then on to the next step, or the completed login; and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.courts.selectors import court_by_id
from openecf.signon import machine, services, steps
from openecf.signon.code_form import attempt_code
from openecf.signon.forms import RedactionForm
from openecf.signon.views_login import complete_login
from openecf.throttle.services import Throttled


def _restart_login(request: HttpRequest, court_id: str = "") -> HttpResponse:
    query = urlencode({"court": court_id, "expired": "1"} if court_id else {"expired": "1"})
    return redirect(f"{reverse('signon:login')}?{query}")


def advance_login(request: HttpRequest) -> HttpResponse:
    """Go to the current step of the sign-in in this session, or complete it."""
    loaded = machine.load(request, machine.WEB)
    if loaded is None:
        return _restart_login(request)
    return _advance(request, loaded)


def _advance(request: HttpRequest, loaded: machine.Loaded) -> HttpResponse:
    """Keep the sign-in and go to its current step; at DONE, complete the login."""
    step = loaded.step
    if step == machine.Step.BLOCKED:
        machine.discard(request, machine.WEB)
        return _restart_login(request, loaded.state.court_id)
    if step != machine.Step.DONE:
        machine.save(request, loaded.state)
        return redirect(machine.WEB.url_name(step))
    machine.discard(request, machine.WEB)
    state = loaded.state
    return complete_login(request, loaded, court_by_id(state.court_id) if state.court_id else None)


def _step_page(
    request: HttpRequest, template: str, loaded: machine.Loaded, status: int = 200, **context: Any
) -> HttpResponse:
    court = court_by_id(loaded.state.court_id) if loaded.state.court_id else None
    return render(
        request, template, {"court": court, "cancel_url": reverse("signon:login_cancel"), **context}, status=status
    )


StepView = Callable[[HttpRequest, machine.Loaded], HttpResponse]


def login_step(step: machine.Step) -> Callable[[StepView], Callable[[HttpRequest], HttpResponse]]:
    """A step after the password, served only while it is the sign-in's current step: without a live sign-in,
    back to the login page; at another step, to that one (a POST out of order is audited; nothing is checked)."""

    def decorate(view: StepView) -> Callable[[HttpRequest], HttpResponse]:
        @wraps(view)
        @require_http_methods(["GET", "POST"])
        def wrapper(request: HttpRequest) -> HttpResponse:
            loaded = machine.load(request, machine.WEB)
            if loaded is None:
                return _restart_login(request)
            try:
                if request.method == "POST":
                    machine.expect(loaded, step, Origin.of(request))
                elif loaded.step != step:
                    raise machine.OutOfOrder(step, loaded.step)
                return view(request, loaded)
            except machine.OutOfOrder:
                return _advance(request, loaded)

        return wrapper

    return decorate


def _throttled_page(
    request: HttpRequest, template: str, loaded: machine.Loaded, throttled: Throttled, **context: Any
) -> HttpResponse:
    response = _step_page(request, template, loaded, status=429, **context)
    if throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


@login_step(machine.Step.CODE)
def login_code(request: HttpRequest, loaded: machine.Loaded) -> HttpResponse:
    """Step 2 for an enrolled account: the one-time passcode from an authenticator app (or a backup code)."""
    attempt = attempt_code(request, loaded)
    if attempt.throttled is not None:
        return _throttled_page(request, "signon/login_code.html", loaded, attempt.throttled, form=attempt.form)
    if attempt.result == steps.CodeResult.ACCEPTED:
        return _advance(request, loaded)
    if attempt.result == steps.CodeResult.USED_UP:
        machine.discard(request, machine.WEB)
        return _restart_login(request, loaded.state.court_id)
    return _step_page(request, "signon/login_code.html", loaded, status=attempt.status, form=attempt.form)


@login_step(machine.Step.ENROL)
def login_mfa_required(request: HttpRequest, loaded: machine.Loaded) -> HttpResponse:
    """A filer without an authenticator app: set one up now, or skip (a limited number of times)."""
    if request.method == "POST" and steps.skip_enrolment(loaded, origin=Origin.of(request)) is not None:
        return _advance(request, loaded)
    return _step_page(
        request,
        "signon/login_mfa_required.html",
        loaded,
        status=403 if request.method == "POST" else 200,
        skips_left=loaded.facts.mfa_skips_left,
        account=loaded.account,
    )


@login_step(machine.Step.REDACTION)
def login_redaction(request: HttpRequest, loaded: machine.Loaded) -> HttpResponse:
    """Filers acknowledge the redaction rules at every login."""
    form = RedactionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        steps.accept_redaction(loaded, origin=Origin.of(request))
        return _advance(request, loaded)
    status = 400 if form.is_bound else 200
    return _step_page(
        request, "signon/login_redaction.html", loaded, status=status, form=form, notice=services.REDACTION_NOTICE
    )


@require_http_methods(["GET", "POST"])
def login_continue(request: HttpRequest) -> HttpResponse:
    return advance_login(request)


@require_http_methods(["GET", "POST"])
def login_cancel(request: HttpRequest) -> HttpResponse:
    loaded = machine.load(request, machine.WEB)
    court_id = loaded.state.court_id if loaded else ""
    machine.discard(request, machine.WEB)
    return redirect(reverse("signon:court", args=[court_id]) if court_id else reverse("signon:index"))
