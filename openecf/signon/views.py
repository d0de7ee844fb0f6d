"""Central Sign-On pages: the court list, each court's public page, the PACER login, help and errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from openecf.accounts import lifecycle
from openecf.audit.context import Origin
from openecf.courts.models import Court, CourtType
from openecf.courts.profiles import (
    BUTTON_LABELS,
    COOKIE_NOTICE,
    LOGIN_LINKS,
    NOTICE_WEB_SITE,
    LoginButtons,
    LoginStyle,
)
from openecf.courts.selectors import all_courts, court_by_id, court_or_404
from openecf.signon import cso_tokens, hosts, machine, selectors, services
from openecf.signon.forms import OneTimeCodeForm, PacerLoginForm, RedactionForm
from openecf.signon.help import TOPICS
from openecf.throttle.services import Throttled

LOGIN_FAILED = "Invalid username or password."
LOGIN_STEP_EXPIRED = "Your login was not completed in time, or too many codes were wrong. Log in again."
CODE_REFUSED = "That code is not valid. Enter the current 6-digit code from your authenticator app, or a backup code."

_GROUP_HEADINGS = {
    CourtType.APPELLATE: "Courts of Appeals",
    CourtType.DISTRICT: "District Courts",
    CourtType.BANKRUPTCY: "Bankruptcy Courts",
    CourtType.SPECIAL: "Special Courts",
}


def _natural(court_id: str) -> tuple[str | int, ...]:
    """ca2 before ca10, as people count."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", court_id))


def index(request: HttpRequest) -> HttpResponse:
    courts = sorted(all_courts(), key=lambda court: _natural(court.pk))
    groups = [(heading, [c for c in courts if c.type == kind]) for kind, heading in _GROUP_HEADINGS.items()]
    demo = None
    if settings.DEBUG:  # the demo only: production never advertises accounts
        from openecf.demo import data

        demo = {"password": data.PACER_PASSWORD, "accounts": data.PACER_ACCOUNTS, "mail": settings.OPENECF_DEMO_MAILDIR}
    return render(request, "signon/index.html", {"groups": groups, "court_count": len(courts), "demo": demo})


def court_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_or_404(court_id)
    return render(
        request,
        "signon/court.html",
        {"court": court, "live": court.is_live(), "logged_out": "logged_out" in request.GET},
    )


def _court_from(request: HttpRequest) -> Court | None:
    return court_by_id(request.GET.get("court") or request.POST.get("court") or "")


def _safe_next(request: HttpRequest, court: Court | None) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    parsed = urlsplit(candidate)
    if parsed.scheme in ("http", "https") and hosts.is_trusted_url_host(parsed.hostname or ""):
        return candidate  # a court's own host (ecf.<court>.<domain>) after signing on at pacer.login.<domain>
    return reverse("cmecf:home", args=[court.pk]) if court else reverse("signon:index")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    court = _court_from(request)
    next_url = _safe_next(request, court)
    form = PacerLoginForm(
        request.POST if request.method == "POST" else None,
        client_code_required=bool(court and court.client_code_required),
    )
    status = 200
    refusal_context: dict[str, str] = {}
    if request.method == "POST":
        if form.is_valid():
            try:
                account = machine.check_password(
                    profile=machine.WEB,
                    request=request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                    court=court,
                )
            except Throttled as throttled:
                return _login_page(request, form, court, next_url, error=throttled.message, throttled=throttled)
            except lifecycle.SignInRefused as refused:
                form.add_error(None, refused.message)
                refusal_context = lifecycle.remember_refusal(request, refused)
                status = 403
            else:
                if account is None:
                    form.add_error(None, LOGIN_FAILED)
                    status = 401
                else:
                    facts = selectors.sign_on_facts(account)
                    client_code = lifecycle.effective_client_code(account, form.cleaned_data["client_code"])
                    if client_code or not facts.client_code_required:
                        state = machine.start(
                            profile=machine.WEB,
                            account=account,
                            court_id=court.pk if court else "",
                            next_url=next_url,
                            client_code=client_code,
                        )
                        return _first_step(request, machine.Loaded(state, account, facts), court)
                    form.add_error("client_code", services.CLIENT_CODE_REQUIRED)
                    status = 400
        else:
            status = 400
    return _login_page(request, form, court, next_url, status=status, refusal_context=refusal_context)


def _first_step(request: HttpRequest, loaded: machine.Loaded, court: Court | None) -> HttpResponse:
    """After the password: the first step, with the sign-in kept in the session; or, with no step to take,
    straight to the completed login, from the account and facts in hand (nothing is kept)."""
    step = loaded.step
    if step != machine.Step.DONE:
        machine.begin(request, loaded.state)
        return redirect(machine.WEB.url_name(step))
    return _complete_login(request, loaded, court)


def _login_page(
    request: HttpRequest,
    form: PacerLoginForm,
    court: Court | None,
    next_url: str,
    *,
    status: int = 200,
    error: str = "",
    throttled: Throttled | None = None,
    refusal_context: dict[str, str] | None = None,
) -> HttpResponse:
    if error:
        form.add_error(None, error)
    response = render(
        request,
        "signon/login.html",
        {
            "form": form,
            "court": court,
            "login": login_page_profile(court),
            "cancel_url": _cancel_url(court),
            "next": next_url,
            "expired": LOGIN_STEP_EXPIRED if request.method == "GET" and "expired" in request.GET else "",
            **(refusal_context or {}),
        },
        status=429 if throttled else status,
    )
    if throttled is not None and throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


@dataclass(frozen=True)
class LoginPage:
    """What the login page shows, from the court's profile (openecf/courts/profiles.py)."""

    title: str
    pacer_style: bool
    cookie_notice: str
    required_note: str
    buttons: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (href, label), in the court's order
    notice: str


_LINK_URLS = {
    "forgot_password": "accounts:forgot_password",
    "forgot_username": "accounts:forgot_username",
    "register": "accounts:register",
}


def login_page_profile(court: Court | None) -> LoginPage:
    if court is None:  # PACER's own login, not branded for a court: the PACER LOGIN page
        style, title, notice, note = LoginStyle.PACER, "PACER LOGIN", NOTICE_WEB_SITE, "Required Information"
        buttons = BUTTON_LABELS[LoginButtons.LOGIN_CLEAR_CANCEL]
    else:
        style, title, notice, note = (
            LoginStyle(court.login_style),
            court.login_page_title,
            court.login_notice,
            (court.login_required_note),
        )
        buttons = court.login_button_labels
    query = f"?court={court.pk}" if court else ""
    return LoginPage(
        title=title,
        pacer_style=style == LoginStyle.PACER,
        cookie_notice=COOKIE_NOTICE,
        required_note=note,
        buttons=buttons,
        links=tuple((reverse(_LINK_URLS[key]) + query, label) for key, label in LOGIN_LINKS[style]),
        notice=notice,
    )


def _cancel_url(court: Court | None) -> str:
    """Cancel goes back where the login was entered from: the court's CM/ECF site (PACER LOGIN) or website."""
    if court is None:
        return reverse("signon:index")
    if court.is_pacer_login:
        return reverse("cmecf:home", args=[court.pk])
    return reverse("signon:court", args=[court.pk])


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
    return _complete_login(request, loaded, court_by_id(state.court_id) if state.court_id else None)


def _complete_login(request: HttpRequest, loaded: machine.Loaded, court: Court | None) -> HttpResponse:
    """Session (under a new key), token, cookies, destination."""
    state = loaded.state
    raw = services.complete_web_login(
        request,
        account=loaded.account,
        client_code=state.client_code,
        court=court,
        mfa_method=state.mfa_method,
        mfa_skipped=state.mfa_skipped,
        redaction_accepted=state.redaction_accepted,
    )
    response = redirect(lifecycle.after_sign_in_url(loaded.account, state.next_url))
    cso_tokens.set_cookies(response, request, raw=raw, client_code=state.client_code)
    return response


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
    form = OneTimeCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = machine.submit_code(loaded, code=form.cleaned_data["code"], origin=Origin.of(request))
        except Throttled as throttled:
            form.add_error("code", throttled.message)
            return _throttled_page(request, "signon/login_code.html", loaded, throttled, form=form)
        if result == machine.CodeResult.ACCEPTED:
            return _advance(request, loaded)
        if result == machine.CodeResult.USED_UP:
            machine.discard(request, machine.WEB)
            return _restart_login(request, loaded.state.court_id)
        machine.save(request, loaded.state)
        form.add_error("code", CODE_REFUSED)
    status = 200 if request.method == "GET" else (401 if form.is_bound and form.errors else 400)
    return _step_page(request, "signon/login_code.html", loaded, status=status, form=form)


@login_step(machine.Step.ENROL)
def login_mfa_required(request: HttpRequest, loaded: machine.Loaded) -> HttpResponse:
    """A filer without an authenticator app: set one up now, or skip (a limited number of times)."""
    if request.method == "POST" and machine.skip_enrolment(loaded, origin=Origin.of(request)) is not None:
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
        machine.accept_redaction(loaded, origin=Origin.of(request))
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


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    services.sign_out(request, court=_court_from(request))
    response = render(request, "signon/logged_out.html")
    cso_tokens.clear_cookies(response)
    return response


def help_page(request: HttpRequest, topic: str) -> HttpResponse:
    if topic not in TOPICS:
        raise Http404("No such help page")
    return render(request, "signon/help.html", {"topic": TOPICS[topic], "court": _court_from(request)})


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    return render(request, "error.html", {"status": status, "title": title, "text": text}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, "Bad request", "The request could not be understood. Go back and try again.")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "Not allowed", "You are not allowed to see this page.")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "Page not found", "There is no page at this address. Start again from the court list.")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, "Something went wrong", "Nothing was changed. Please try again in a moment.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        "Your form expired",
        "For your security the form could not be accepted (its session token was missing or out of date). "
        "Your browser must accept cookies. Go back, reload the page and submit again.",
    )
