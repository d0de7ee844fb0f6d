"""Login and Security (/account/mfa/): authenticator apps, backup codes, client-code requirement.

MFA's pages, here in the top layer rather than in openecf/mfa: they drive the sign-in machine (openecf/signon, a
layer above mfa) and show a sign-on setting, the client-code requirement.

Adding the first app can also happen in the middle of a login, at the sign-in machine's ENROL step only (a filer
with no app at all): then the account is the one that has just passed the password, and enrolment passes the
step. An account that has an app is never offered this: password and mailbox must not replace the app.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.mfa import selectors, services
from openecf.mfa.forms import EmailCodeForm, FreshCodeForm, NewAuthenticatorForm
from openecf.mfa.models import BACKUP_CODE_COUNT, MAX_AUTHENTICATORS
from openecf.myaccount.forms import ClientCodeRequirementForm
from openecf.notices.addresses import masked
from openecf.signon import machine, steps
from openecf.signon import services as signon
from openecf.throttle.services import Throttled

ADD_SESSION_KEY = "openecf.mfa_add"
ADD_SECONDS = 15 * 60


def _account(request: HttpRequest) -> tuple[PacerAccount | None, machine.Loaded | None]:
    """The signed-in account, or the one whose sign-in is at its ENROL step (no other sign-in may add an app)."""
    if request.user.is_authenticated and isinstance(request.user, PacerAccount):
        return request.user, None
    loaded = machine.load(request, machine.WEB)
    if loaded is None or not machine.may_enrol(loaded):
        return None, None
    return loaded.account, loaded


@login_required
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    account = request.user
    assert isinstance(account, PacerAccount)
    form = ClientCodeRequirementForm(
        request.POST if request.method == "POST" else None,
        initial={"required": signon.client_code_required(account)},
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        signon.set_client_code_required(
            account=account, required=form.cleaned_data["required"], origin=Origin.of(request)
        )
        saved = True
    return render(
        request,
        "mfa/overview.html",
        {
            "apps": selectors.authenticators(account),
            "required": selectors.mfa_required(account),
            "skips_left": selectors.skips_left(account),
            "backup_left": selectors.unused_backup_codes(account),
            "max_apps": MAX_AUTHENTICATORS,
            "form": form,
            "saved": saved,
        },
    )


def _add_state(request: HttpRequest, account: PacerAccount) -> dict[str, Any] | None:
    state = request.session.get(ADD_SESSION_KEY)
    if not isinstance(state, dict) or state.get("account") != account.pk or time.time() - state["at"] > ADD_SECONDS:
        return None
    return state


@require_http_methods(["GET", "POST"])
def add(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: first a code e-mailed to the account, then the app's first code."""
    account, pending = _account(request)
    if account is None:
        loaded = machine.load(request, machine.WEB)
        if loaded is not None:  # mid-login at another step: back to that step
            return redirect(machine.WEB.url_name(loaded.step) or "signon:login_continue")
        return redirect(f"{reverse('signon:login')}?next={reverse('mfa:add')}")
    context: dict[str, Any] = {"pending": pending, "count": selectors.authenticators(account).count()}
    if context["count"] >= MAX_AUTHENTICATORS:
        return render(request, "mfa/add_full.html", {**context, "max_apps": MAX_AUTHENTICATORS}, status=409)
    origin = Origin.of(request)
    state = _add_state(request, account)
    action = request.POST.get("action", "")

    if state is None:  # step 1: prove the e-mail address
        email_form = EmailCodeForm(request.POST if action == "check" else None)
        sent = False
        if action == "send":
            services.send_email_code(account=account, origin=origin)
            sent = True
        elif action == "check" and email_form.is_valid():
            try:
                proved = services.check_email_code(
                    account=account, code=email_form.cleaned_data["email_code"], origin=origin
                )
            except Throttled as throttled:
                email_form.add_error("email_code", throttled.message)
                return render(
                    request,
                    "mfa/add_email.html",
                    {**context, "form": email_form, "sent": False, "email": masked(account.email)},
                    status=429,
                )
            if proved:
                request.session[ADD_SESSION_KEY] = {
                    "account": account.pk,
                    "secret": services.new_secret(),
                    "at": time.time(),
                }
                return redirect("mfa:add")
            email_form.add_error(
                "email_code", "That code is not valid or has expired. Check the latest e-mail, or send a new code."
            )
        status = 400 if email_form.is_bound and email_form.errors else 200
        return render(
            request,
            "mfa/add_email.html",
            {**context, "form": email_form, "sent": sent, "email": masked(account.email)},
            status=status,
        )

    # step 2: scan, name, confirm with a first code
    form = NewAuthenticatorForm(request.POST if action == "confirm" else None)
    uri = services.provisioning_uri(account, state["secret"])
    if action == "confirm" and form.is_valid():
        try:
            _app, codes = services.add_authenticator(
                account=account,
                name=form.cleaned_data["name"],
                secret=state["secret"],
                code=form.cleaned_data["code"],
                origin=origin,
            )
        except services.MfaError as refusal:
            form.add_error("code", str(refusal))
        else:
            request.session.pop(ADD_SESSION_KEY, None)
            if pending is not None:
                steps.finish_enrolment(pending, origin=origin)
                machine.save(request, pending.state)
            return render(request, "mfa/added.html", {**context, "codes": codes, "backup_count": BACKUP_CODE_COUNT})
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "mfa/add_app.html",
        {**context, "form": form, "secret": state["secret"], "qr": services.qr_data_uri(uri), "uri": uri},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, app_id: int) -> HttpResponse:
    account = request.user
    assert isinstance(account, PacerAccount)
    app = selectors.authenticators(account).filter(pk=app_id).first()
    if app is None:
        return render(request, "mfa/missing.html", status=404)
    form = FreshCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_authenticator(
                account=account, authenticator_id=app.pk, code=form.cleaned_data["code"], origin=Origin.of(request)
            )
        except services.MfaError as refusal:
            form.add_error("code", str(refusal))
        else:
            return redirect(f"{reverse('mfa:overview')}?removed=1")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "mfa/remove.html", {"app": app, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def backup_codes(request: HttpRequest) -> HttpResponse:
    account = request.user
    assert isinstance(account, PacerAccount)
    form = FreshCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.regenerate_backup_codes(
                account=account, code=form.cleaned_data["code"], origin=Origin.of(request)
            )
        except services.MfaError as refusal:
            form.add_error("code", str(refusal))
        else:
            return render(request, "mfa/backup_codes.html", {"codes": codes})
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "mfa/backup_codes_confirm.html", {"form": form}, status=status)
