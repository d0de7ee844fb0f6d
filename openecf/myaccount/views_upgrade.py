"""Upgrading Your PACER Account: a legacy account is led here after it logs in (it may skip and keep searching)."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from openecf.accounts import upgrade
from openecf.accounts.details import Address
from openecf.accounts.forms_registration import AddressForm, SecurityForm, UpgradePersonForm
from openecf.accounts.models import PacerAccount
from openecf.accounts.wizard import Wizard
from openecf.accounts.wizard_steps import county_step
from openecf.audit.context import Origin
from openecf.signon import services as signon

UPGRADE = Wizard("openecf.upgrade", ("person", "address", "county", "security"))
NEXT_KEY = "openecf.upgrade_next"
TITLES = {
    "person": "Personal information",
    "address": "Verify your address",
    "county": "Choose your county",
    "security": "New username, password and security questions",
}


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _account(request: HttpRequest) -> PacerAccount:
    user = request.user
    assert isinstance(user, PacerAccount)
    return user


def _legacy_only(view: Any) -> Any:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _account(request).is_legacy:
            return redirect("accounts:upgrade_done")
        return view(request, *args, **kwargs)

    return wrapper


def _next(request: HttpRequest) -> str:
    candidate = request.GET.get("next") or request.session.get(NEXT_KEY) or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return str(candidate)
    return reverse("signon:index")


def _page(request: HttpRequest, step: str, form: Any, status: int = 200, **context: Any) -> HttpResponse:
    index = UPGRADE.steps.index(step)
    return render(
        request,
        "accounts/step.html",
        {
            "flow": "Upgrade your PACER account",
            "title": TITLES[step],
            "number": index + 1,
            "count": len(UPGRADE.steps),
            "form": form,
            "back": reverse(f"accounts:upgrade_{UPGRADE.steps[index - 1]}") if index else reverse("accounts:upgrade"),
            "submit": "Upgrade" if step == "security" else "Next",
            "cancel_url": _next(request),
            "cancel_label": "Not now: continue without upgrading",
            **context,
        },
        status=status,
    )


def _missing(request: HttpRequest, step: str) -> HttpResponse | None:
    missing = UPGRADE.first_missing(request, step)
    return redirect(f"accounts:upgrade_{missing}") if missing else None


@_legacy_only
def start(request: HttpRequest) -> HttpResponse:
    if request.GET.get("next"):
        request.session[NEXT_KEY] = _next(request)
    return render(request, "accounts/upgrade_start.html", {"continue_url": _next(request)})


@_legacy_only
@require_http_methods(["GET", "POST"])
def person(request: HttpRequest) -> HttpResponse:
    form = UpgradePersonForm(_posted(request), initial=UPGRADE.data(request).get("person"))
    if request.method == "POST" and form.is_valid():
        chosen = upgrade.UpgradePerson(form.cleaned_data["date_of_birth"], form.cleaned_data["user_type"])
        UPGRADE.save(request, "person", chosen.as_session())
        return redirect("accounts:upgrade_address")
    return _page(request, "person", form, status=400 if form.errors else 200)


@_legacy_only
@require_http_methods(["GET", "POST"])
def address(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "address")) is not None:
        return missing
    account = _account(request)
    on_file = {"line1": account.address_line1, "line2": account.address_line2, "city": account.city}
    on_file |= {"state": account.state, "zip_code": account.zip_code}
    form = AddressForm(_posted(request), initial=UPGRADE.data(request).get("address") or on_file)
    if request.method == "POST" and form.is_valid():
        UPGRADE.save(request, "address", form.address().as_session())
        return redirect("accounts:upgrade_county")
    return _page(
        request,
        "address",
        form,
        status=400 if form.errors else 200,
        intro="Check the address PACER has for you and correct it where needed.",
    )


@_legacy_only
@require_http_methods(["GET", "POST"])
def county(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "county")) is not None:
        return missing
    return county_step(request, UPGRADE, page=_page, then="accounts:upgrade_security")


@_legacy_only
@require_http_methods(["GET", "POST"])
def security(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "security")) is not None:
        return missing
    account = _account(request)
    form = SecurityForm(_posted(request), name=account.name, email=account.email, exclude_pk=account.pk)
    if request.method == "POST" and form.is_valid():
        data = UPGRADE.data(request)
        try:
            upgraded = upgrade.upgrade_legacy_account(
                account=account,
                person=upgrade.UpgradePerson.from_session(data["person"]),
                address=Address.from_session({**data["address"], "county_fips": data["county"]}),
                security=form.security(),
                origin=Origin.of(request),
            )
        except upgrade.AlreadyUpgraded:
            return redirect("accounts:upgrade_done")
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            # This session goes on under the new password; every other one has ended.
            signon.keep_this_sign_on(request, account=upgraded)  # this session goes on; every other one has ended
            UPGRADE.clear(request)
            return redirect("accounts:upgrade_done")
    return _page(request, "security", form, status=400 if form.errors else 200)


@login_required
def done(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    if account.is_legacy:
        return redirect("accounts:upgrade")
    continue_url = _next(request)
    request.session.pop(NEXT_KEY, None)
    return render(request, "accounts/upgrade_done.html", {"account": account, "continue_url": continue_url})
