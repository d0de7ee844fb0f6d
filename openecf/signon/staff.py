"""The staff ways in — the clerk's desk and the admin site — as one kind of door: a profile of the sign-in machine
(the desk's, declared in openecf/clerks/signin.py, or ADMIN) on two pages (the password, then the authenticator
app's code), ending in a session of its own.

That session is kept apart from the PACER login: signing in here signs nobody in to PACER or a court's CM/ECF site,
and a PACER login opens no staff door. It holds the account's id and a stamp of its password hash (a password
change ends it), is still admitted by the profile at every request (a clerk's membership revoked, staff status
removed: it ends), and ends after the same maximum and idle times as a sign-on token (NIST SP 800-63B-4, AAL2).
Log Out anywhere (it flushes the session) ends it too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme

from openecf.accounts import lifecycle
from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.signon import machine, steps
from openecf.signon.code_form import attempt_code
from openecf.signon.forms import StaffLoginForm
from openecf.signon.selectors import sign_on_facts
from openecf.throttle.services import Throttled

LOGIN_FAILED = "Invalid username or password."
_TOUCH_EVERY = 60


@dataclass(frozen=True)
class StaffDoor:
    profile: machine.Profile
    session_key: str
    home: str  # URL name of the first page behind the door; ``next`` must stay under it
    login_template: str
    code_template: str
    no_app_template: str  # the password was right, but the account has no app: how to add one
    logout_event: Event

    @property
    def _next_key(self) -> str:
        return f"{self.session_key}.next"

    # --- The session behind the door -----------------------------------------------------------------------

    def current(self, request: HttpRequest) -> PacerAccount | None:
        """The account signed in through this door in this session, if any (and still admitted)."""
        data: Any = request.session.get(self.session_key)
        if not isinstance(data, dict):
            return None
        now = time.time()
        account = PacerAccount.objects.filter(pk=int(data.get("account") or 0), is_active=True).first()
        if (
            account is None
            or now - float(data.get("at", 0)) > settings.OPENECF_CSO_TOKEN_MAX_SECONDS
            or now - float(data.get("seen", 0)) > settings.OPENECF_CSO_TOKEN_IDLE_SECONDS
            or not constant_time_compare(str(data.get("stamp", "")), account.get_session_auth_hash())
            or not machine.admits(self.profile, account)
        ):
            request.session.pop(self.session_key, None)
            return None
        if now - float(data.get("seen", 0)) > _TOUCH_EVERY:
            request.session[self.session_key] = {**data, "seen": now}
        return account

    def _begin(self, request: HttpRequest, loaded: machine.Loaded) -> None:
        """The profile reached DONE: the session begins under a new session key."""
        request.session.cycle_key()
        machine.discard(request, self.profile)
        now = time.time()
        account = loaded.account
        stamp = account.get_session_auth_hash()
        request.session[self.session_key] = {"account": account.pk, "stamp": stamp, "at": now, "seen": now}
        with transaction.atomic():
            audit.record(
                event=self.profile.events.succeeded,
                origin=Origin.of(request),
                actor=account,
                mfa=loaded.state.mfa_method,
            )

    def end(self, request: HttpRequest) -> None:
        account = self.current(request)
        request.session.pop(self.session_key, None)
        machine.discard(request, self.profile)
        request.session.cycle_key()
        if account is not None:
            with transaction.atomic():
                audit.record(event=self.logout_event, origin=Origin.of(request), actor=account)

    # --- The two pages of the sign-in ------------------------------------------------------------------------

    def _next(self, request: HttpRequest) -> str:
        candidate = request.POST.get("next") or request.GET.get("next") or ""
        home = reverse(self.home)
        if candidate.startswith(home) and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
            return candidate
        return home

    def _restart(self) -> HttpResponse:
        return redirect(f"{reverse(self.profile.url_name(machine.Step.PASSWORD))}?expired=1")

    def password_step(self, request: HttpRequest) -> HttpResponse:
        """The PASSWORD step: only an admitted account with an authenticator app goes on to the code."""
        form = StaffLoginForm(request.POST if request.method == "POST" else None)
        context = {"form": form, "next": self._next(request), "expired": "expired" in request.GET}
        status = 200
        if request.method == "POST":
            status = 400
            if form.is_valid():
                try:
                    account = steps.check_password(
                        profile=self.profile,
                        request=request,
                        username=form.cleaned_data["username"],
                        password=form.cleaned_data["password"],
                    )
                except Throttled as throttled:
                    form.add_error(None, throttled.message)
                    return _throttled(request, self.login_template, context, throttled)
                except lifecycle.SignInRefused:
                    account = None  # not verified, or held: no staff account is either; read as a failure
                if account is None:
                    form.add_error(None, LOGIN_FAILED)
                    status = 401
                else:
                    loaded = machine.start(profile=self.profile, account=account, facts=sign_on_facts(account))
                    if loaded.step == machine.Step.BLOCKED:
                        steps.refuse_blocked(loaded, origin=Origin.of(request))
                        add_url = f"{reverse('signon:login')}?next={reverse('mfa:add')}"
                        return render(request, self.no_app_template, {"add_url": add_url}, status=403)
                    machine.begin(request, loaded.state)
                    request.session[self._next_key] = self._next(request)
                    return redirect(self.profile.url_name(machine.Step.CODE))
        return render(request, self.login_template, context, status=status)

    def code_step(self, request: HttpRequest) -> HttpResponse:
        """The CODE step; at DONE the door's session begins."""
        loaded = machine.load(request, self.profile)
        if loaded is None or loaded.step != machine.Step.CODE:
            machine.discard(request, self.profile)
            return self._restart()
        attempt = attempt_code(request, loaded)
        if attempt.throttled is not None:
            return _throttled(request, self.code_template, {"form": attempt.form}, attempt.throttled)
        if attempt.result == steps.CodeResult.ACCEPTED:
            destination = request.session.pop(self._next_key, "") or reverse(self.home)
            self._begin(request, loaded)
            return redirect(destination)
        if attempt.result == steps.CodeResult.USED_UP:
            machine.discard(request, self.profile)
            return self._restart()
        return render(request, self.code_template, {"form": attempt.form}, status=attempt.status)


def _throttled(request: HttpRequest, template: str, context: dict[str, Any], throttled: Throttled) -> HttpResponse:
    response = render(request, template, context, status=429)
    if throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


# The clerk's desk's door is declared with its profile in openecf/clerks/signin.py.
ADMIN = StaffDoor(
    profile=machine.ADMIN,
    session_key="openecf.admin",
    home="admin:index",
    login_template="signon/admin_login.html",
    code_template="signon/admin_login_code.html",
    no_app_template="signon/admin_needs_app.html",
    logout_event=Event.ADMIN_LOGOUT,
)
