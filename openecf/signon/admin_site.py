"""The operators' admin site: off unless OPENECF_ADMIN=1, and then only for a staff account signed in through the
sign-in machine's ADMIN profile (password, then an authenticator app's code; throttled and audited like every
other way in).

Its session is its own, as the clerk's desk's is: signing in here makes no PACER session and no token, and a
PACER session (even a staff account's) never opens the admin site. Django's admin reads ``request.user``, so
every admin view sees the staff account of the admin session and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from openecf.accounts import lifecycle
from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.signon import machine
from openecf.signon.forms import OneTimeCodeForm, StaffLoginForm
from openecf.signon.selectors import sign_on_facts
from openecf.throttle.services import Throttled

SESSION_KEY = "openecf.admin"
NEXT_KEY = "openecf.admin_next"
LOGIN_FAILED = "Invalid username or password."
CODE_REFUSED = "That code is not valid. Enter the current 6-digit code from your authenticator app, or a backup code."

ViewT = TypeVar("ViewT", bound=Callable[..., HttpResponseBase])


def enabled() -> bool:
    return bool(settings.OPENECF_ADMIN)


def current_staff(request: HttpRequest) -> PacerAccount | None:
    """The staff account signed in to the admin site in this session (still staff, same password, in time)."""
    data: Any = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    account = PacerAccount.objects.filter(pk=int(data.get("account") or 0), is_active=True, is_staff=True).first()
    now = time.time()
    if (
        account is None
        or now - float(data.get("at", 0)) > settings.OPENECF_CSO_TOKEN_MAX_SECONDS
        or now - float(data.get("seen", 0)) > settings.OPENECF_CSO_TOKEN_IDLE_SECONDS
        or not constant_time_compare(str(data.get("stamp", "")), account.get_session_auth_hash())
    ):
        request.session.pop(SESSION_KEY, None)
        return None
    if now - float(data.get("seen", 0)) > 60:
        request.session[SESSION_KEY] = {**data, "seen": now}
    return account


class StaffAdminSite(admin.AdminSite):
    site_header = "OpenECF administration"
    site_title = "OpenECF administration"
    final_catch_all_view = False  # an unknown /admin/ path is a plain 404, signed in or not

    def admin_view(self, view: ViewT, cacheable: bool = False) -> ViewT:
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not enabled():
                raise Http404("No such page")
            request.user = current_staff(request) or AnonymousUser()
            return inner(request, *args, **kwargs)

        return cast(ViewT, gate)

    def has_permission(self, request: HttpRequest) -> bool:
        return enabled() and isinstance(request.user, PacerAccount) and machine.is_staff(request.user)

    def get_urls(self) -> list[URLPattern | URLResolver]:
        return [path("login/code/", self.login_code, name="login_code"), *super().get_urls()]

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        return _password_step(request)

    def login_code(self, request: HttpRequest) -> HttpResponse:
        return _code_step(request)

    def logout(  # type: ignore[override]  # a redirect, not the stock "logged out" page
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not enabled():
            raise Http404("No such page")
        if request.method != "POST":
            return redirect("admin:index")
        staff = current_staff(request)
        request.session.pop(SESSION_KEY, None)
        machine.discard(request, machine.ADMIN)
        request.session.cycle_key()
        if staff is not None:
            with transaction.atomic():
                audit.record(event="admin_logout", origin=Origin.of(request), actor=staff)
        return redirect("admin:login")


def _next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    prefix = reverse("admin:index")
    if candidate.startswith(prefix) and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    return prefix


def _throttled(request: HttpRequest, template: str, context: dict[str, Any], throttled: Throttled) -> HttpResponse:
    response = render(request, template, context, status=429)
    if throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def _password_step(request: HttpRequest) -> HttpResponse:
    """The ADMIN profile's PASSWORD step."""
    if not enabled():
        raise Http404("No such page")
    form = StaffLoginForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "next": _next(request), "expired": "expired" in request.GET}
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                account = machine.check_password(
                    profile=machine.ADMIN,
                    request=request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                )
            except Throttled as throttled:
                form.add_error(None, throttled.message)
                return _throttled(request, "signon/admin_login.html", context, throttled)
            except lifecycle.SignInRefused:
                account = None
            if account is None:
                form.add_error(None, LOGIN_FAILED)
                status = 401
            else:
                loaded = machine.Loaded(
                    machine.start(profile=machine.ADMIN, account=account), account, sign_on_facts(account)
                )
                if loaded.step == machine.Step.BLOCKED:
                    machine.refuse_blocked(loaded, origin=Origin.of(request))
                    form.add_error(None, "The admin site needs an authenticator app on your account. Add one first.")
                    return render(request, "signon/admin_login.html", context, status=403)
                machine.begin(request, loaded.state)
                request.session[NEXT_KEY] = _next(request)
                return redirect("admin:login_code")
    return render(request, "signon/admin_login.html", context, status=status)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def _code_step(request: HttpRequest) -> HttpResponse:
    """The ADMIN profile's CODE step; at DONE the admin session begins under a new session key."""
    if not enabled():
        raise Http404("No such page")
    loaded = machine.load(request, machine.ADMIN)
    if loaded is None or loaded.step != machine.Step.CODE:
        machine.discard(request, machine.ADMIN)
        return redirect(f"{reverse('admin:login')}?expired=1")
    form = OneTimeCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        origin = Origin.of(request)
        try:
            result = machine.submit_code(loaded, code=form.cleaned_data["code"], origin=origin)
        except Throttled as throttled:
            form.add_error("code", throttled.message)
            return _throttled(request, "signon/admin_login_code.html", {"form": form}, throttled)
        if result == machine.CodeResult.ACCEPTED:
            destination = request.session.pop(NEXT_KEY, "") or reverse("admin:index")
            machine.discard(request, machine.ADMIN)
            request.session.cycle_key()
            now = time.time()
            stamp = loaded.account.get_session_auth_hash()
            request.session[SESSION_KEY] = {"account": loaded.account.pk, "stamp": stamp, "at": now, "seen": now}
            with transaction.atomic():
                audit.record(
                    event="admin_login.succeeded", origin=origin, actor=loaded.account, mfa=loaded.state.mfa_method
                )
            return redirect(destination)
        if result == machine.CodeResult.USED_UP:
            machine.discard(request, machine.ADMIN)
            return redirect(f"{reverse('admin:login')}?expired=1")
        machine.save(request, loaded.state)
        form.add_error("code", CODE_REFUSED)
    status = 200 if request.method == "GET" else (401 if form.is_bound and form.errors else 400)
    return render(request, "signon/admin_login_code.html", {"form": form}, status=status)
