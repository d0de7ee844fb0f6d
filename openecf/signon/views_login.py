"""The PACER login page: the password (and client code), then on to the first step after it, or straight to a
completed login (session, token, cookies) when there is none. The steps are in views_login_steps.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from openecf.accounts import lifecycle
from openecf.courts.models import Court
from openecf.courts.profiles import (
    BUTTON_LABELS,
    COOKIE_NOTICE,
    LOGIN_LINKS,
    NOTICE_WEB_SITE,
    LoginButtons,
    LoginStyle,
)
from openecf.signon import cso_tokens, hosts, machine, selectors, services, steps
from openecf.signon.forms import PacerLoginForm
from openecf.signon.views import court_from
from openecf.throttle.services import Throttled

LOGIN_FAILED = "Invalid username or password."
LOGIN_STEP_EXPIRED = "Your login was not completed in time, or too many codes were wrong. Log in again."


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
    court = court_from(request)
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
                account = steps.check_password(
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
                        loaded = machine.start(
                            profile=machine.WEB,
                            account=account,
                            facts=facts,
                            court_id=court.pk if court else "",
                            next_url=next_url,
                            client_code=client_code,
                        )
                        return _first_step(request, loaded, court)
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
    return complete_login(request, loaded, court)


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
    expired = request.method == "GET" and "expired" in request.GET
    if request.method == "GET" and not form.is_bound and not expired and not request.user.is_authenticated:
        return blank_login_page(request, form, court, next_url)
    response = render(
        request,
        "signon/login.html",
        {
            **_page_context(form, court, next_url),
            "expired": LOGIN_STEP_EXPIRED if expired else "",
            **(refusal_context or {}),
        },
        status=429 if throttled else status,
    )
    if throttled is not None and throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


def _page_context(form: PacerLoginForm, court: Court | None, next_url: str) -> dict[str, Any]:
    return {
        "form": form,
        "court": court,
        "login": login_page_profile(court),
        "cancel_url": _cancel_url(court),
        "next": next_url,
        "expired": "",
    }


# The blank form for a visitor not signed in: every web login starts by fetching it, and rendering it (the form,
# its field includes, the URLs) was most of a GET /login/'s CPU (docs/performance.md). It is the same for every such
# visitor of one court on one host but for the CSRF token and the next= value, so it is rendered once per process
# for each (URLconf, court host, script prefix, court as it is now) with markers where those two go.
_CSRF_MARK = "\x00openecf-csrf\x00"
_NEXT_MARK = "\x00openecf-next\x00"
_BLANK_PAGES: dict[tuple[str, str, str, str | None], str] = {}
_BLANK_PAGES_MAX = 2000  # 205 courts on their own hosts and on the sign-on host, with room for changes of profile


def blank_page_key(request: HttpRequest, court: Court | None) -> tuple[str, str, str, str | None]:
    """Everything the blank page's HTML depends on. The URLs in it are reversed in the request's URLconf (a court
    host's differs from the sign-on host's), for the court whose host it is (its own court's pages are at the
    root, another's under /ecf/<court>/) and under the request's script prefix; the rest is the court's row,
    every value of it, so a change to the court's login profile renders afresh."""
    return (
        str(getattr(request, "urlconf", None) or settings.ROOT_URLCONF),
        hosts.current_court_host.get(),
        get_script_prefix(),
        repr([getattr(court, field.attname) for field in court._meta.concrete_fields]) if court else None,
    )


def blank_login_page(request: HttpRequest, form: PacerLoginForm, court: Court | None, next_url: str) -> HttpResponse:
    """The blank login form, from the per-process cache, with this request's own CSRF token (masked anew each
    time, as {% csrf_token %} does) and next= value (escaped as the template escapes it) in their places."""
    key = blank_page_key(request, court)
    page = _BLANK_PAGES.get(key)
    if page is None:
        # csrf_token given in the context stands before the context processor's, so {% csrf_token %} writes the
        # marker; the page is cached only if each marker is where the template puts it, once.
        context = {**_page_context(form, court, _NEXT_MARK), "csrf_token": _CSRF_MARK}
        page = render_to_string("signon/login.html", context, request)
        if page.count(_CSRF_MARK) != 1 or page.count(_NEXT_MARK) != 1:  # not as this expects: never cached
            return render(request, "signon/login.html", _page_context(form, court, next_url))
        if len(_BLANK_PAGES) >= _BLANK_PAGES_MAX:
            _BLANK_PAGES.clear()
        _BLANK_PAGES[key] = page
    return HttpResponse(page.replace(_CSRF_MARK, get_token(request)).replace(_NEXT_MARK, escape(next_url)))


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


def complete_login(request: HttpRequest, loaded: machine.Loaded, court: Court | None) -> HttpResponse:
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
