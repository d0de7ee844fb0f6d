"""The desk's sign-in: username and password, then the authenticator app's code."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from openecf.accounts import lifecycle
from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.clerks import signin
from openecf.clerks.forms import ClerkCodeForm, ClerkLoginForm
from openecf.clerks.scope import courts_of
from openecf.clerks.views.desk import clerk_only
from openecf.signon import machine
from openecf.signon.selectors import sign_on_facts
from openecf.throttle.services import Throttled

NEXT_KEY = "openecf.clerk_next"
LOGIN_FAILED = "Invalid username or password."
CODE_REFUSED = "That code is not valid. Enter the current 6-digit code from your authenticator app, or a backup code."


def _next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/clerk/") and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    return reverse("clerks:home")


def _throttled(request: HttpRequest, template: str, context: dict[str, Any], throttled: Throttled) -> HttpResponse:
    response = render(request, template, context, status=429)
    if throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    """The DESK profile's PASSWORD step: only a clerk with an authenticator app goes on to the code."""
    form = ClerkLoginForm(request.POST if request.method == "POST" else None)
    status = 200
    context = {"form": form, "next": _next(request), "expired": "expired" in request.GET}
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                account = machine.check_password(
                    profile=machine.DESK,
                    request=request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                )
            except Throttled as throttled:
                form.add_error(None, throttled.message)
                return _throttled(request, "clerks/login.html", context, throttled)
            except lifecycle.SignInRefused:
                account = None  # not verified or held: no clerk's account is either; read as a failure
            if account is None:
                form.add_error(None, LOGIN_FAILED)
                status = 401
            else:
                loaded = machine.Loaded(
                    machine.start(profile=machine.DESK, account=account), account, sign_on_facts(account)
                )
                if loaded.step == machine.Step.BLOCKED:
                    machine.refuse_blocked(loaded, origin=Origin.of(request))
                    add_url = f"{reverse('signon:login')}?next={reverse('mfa:add')}"
                    return render(request, "clerks/login_needs_app.html", {"add_url": add_url}, status=403)
                machine.begin(request, loaded.state)
                request.session[NEXT_KEY] = _next(request)
                return redirect("clerks:login_code")
    return render(request, "clerks/login.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The DESK profile's CODE step."""
    loaded = machine.load(request, machine.DESK)
    if loaded is None or loaded.step != machine.Step.CODE:
        machine.discard(request, machine.DESK)
        return redirect(f"{reverse('clerks:login')}?expired=1")
    form = ClerkCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = machine.submit_code(loaded, code=form.cleaned_data["code"], origin=Origin.of(request))
        except Throttled as throttled:
            form.add_error("code", throttled.message)
            return _throttled(request, "clerks/login_code.html", {"form": form}, throttled)
        if result == machine.CodeResult.ACCEPTED:
            destination = request.session.pop(NEXT_KEY, "") or reverse("clerks:home")
            signin.complete(request, loaded.account, method=loaded.state.mfa_method)
            return redirect(destination)
        if result == machine.CodeResult.USED_UP:
            machine.discard(request, machine.DESK)
            return redirect(f"{reverse('clerks:login')}?expired=1")
        machine.save(request, loaded.state)
        form.add_error("code", CODE_REFUSED)
    status = 200 if request.method == "GET" else (401 if form.is_bound and form.errors else 400)
    return render(request, "clerks/login_code.html", {"form": form}, status=status)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    signin.sign_out(request)
    return redirect(f"{reverse('clerks:login')}?signed_out=1")


@clerk_only
def home(request: HttpRequest, clerk: PacerAccount) -> HttpResponse:
    courts = list(courts_of(clerk))
    if len(courts) == 1:
        return redirect("clerks:dashboard", courts[0].pk)
    return render(request, "clerks/home.html", {"clerk": clerk, "my_courts": courts})
