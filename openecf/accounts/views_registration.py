"""Need an account? Four pages (person, address, county, security), then the e-mailed verification link."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts import email_links, lifecycle, registration
from openecf.accounts.details import Address, Person
from openecf.accounts.forms_registration import AddressForm, PersonForm, SecurityForm
from openecf.accounts.models import PacerAccount, TokenPurpose
from openecf.accounts.site_url import site_url
from openecf.accounts.wizard import Wizard
from openecf.accounts.wizard_steps import county_step
from openecf.audit.context import Origin
from openecf.courts.selectors import court_by_id
from openecf.notices.addresses import masked

REGISTRATION = Wizard("openecf.registration", ("person", "address", "county", "security"))
TITLES = {
    "person": "Personal information",
    "address": "Address",
    "county": "County",
    "security": "Username, password and security questions",
}
# Said to everyone, whatever they type: a warning only for likely duplicates would tell who has an account.
ALREADY_REGISTERED = (
    "Already have a PACER account? Use Forgot username? or Forgot password? on the login page instead of "
    "registering again: a registration that looks like an existing account is held for review before it can be used."
)


def _page(request: HttpRequest, step: str, form: Any, status: int = 200, **context: Any) -> HttpResponse:
    data = REGISTRATION.data(request)
    return render(
        request,
        "accounts/step.html",
        {
            "flow": "Register for a PACER account",
            "title": TITLES[step],
            "number": REGISTRATION.steps.index(step) + 1,
            "count": len(REGISTRATION.steps),
            "form": form,
            "back": reverse(f"accounts:register_{REGISTRATION.steps[REGISTRATION.steps.index(step) - 1]}")
            if step != "person"
            else None,
            "court": court_by_id(data.get("court", "")),
            "submit": "Register" if step == "security" else "Next",
            **context,
        },
        status=status,
    )


def _missing(request: HttpRequest, step: str) -> HttpResponse | None:
    missing = REGISTRATION.first_missing(request, step)
    return redirect(f"accounts:register_{missing}") if missing else None


@require_http_methods(["GET", "POST"])
def person(request: HttpRequest) -> HttpResponse:
    data = REGISTRATION.data(request)
    if request.method == "GET":
        court = court_by_id(request.GET.get("court", ""))
        if court is not None:
            REGISTRATION.remember(request, "court", court.pk)
        initial = data.get("person", {})
        return _page(request, "person", PersonForm(initial=initial), intro=ALREADY_REGISTERED)
    form = PersonForm(request.POST)
    if not form.is_valid():
        return _page(request, "person", form, status=400, intro=ALREADY_REGISTERED)
    # No duplicate check here: a warning would tell anyone who typed a name and date of birth whether that person
    # has an account. A likely duplicate is held for review when it is created, and told only once its address
    # is proved (registration.verify_email).
    REGISTRATION.save(request, "person", form.person().as_session())
    return redirect("accounts:register_address")


@require_http_methods(["GET", "POST"])
def address(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "address")) is not None:
        return missing
    if request.method == "GET":
        return _page(request, "address", AddressForm(initial=REGISTRATION.data(request).get("address")))
    form = AddressForm(request.POST)
    if not form.is_valid():
        return _page(request, "address", form, status=400)
    REGISTRATION.save(request, "address", form.address().as_session())
    return redirect("accounts:register_county")


@require_http_methods(["GET", "POST"])
def county(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "county")) is not None:
        return missing
    return county_step(request, REGISTRATION, page=_page, then="accounts:register_security")


@require_http_methods(["GET", "POST"])
def security(request: HttpRequest) -> HttpResponse:
    if (missing := _missing(request, "security")) is not None:
        return missing
    data = REGISTRATION.data(request)
    chosen = Person.from_session(data["person"])
    form = SecurityForm(request.POST if request.method == "POST" else None, name=chosen.name, email=chosen.email)
    if request.method == "POST" and form.is_valid():
        entered = Address.from_session({**data["address"], "county_fips": data["county"]})
        try:
            account = registration.register_pacer_account(
                person=chosen,
                address=entered,
                security=form.security(),
                origin=Origin.of(request),
                link_base=site_url(request),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            REGISTRATION.clear(request)
            request.session["openecf.registered"] = {
                "email": masked(account.email),
                "court": data.get("court", ""),
            }
            return redirect("accounts:register_done")
    return _page(request, "security", form, status=400 if form.errors else 200)


def done(request: HttpRequest) -> HttpResponse:
    registered = request.session.get("openecf.registered") or {}
    return render(
        request,
        "accounts/registered.html",
        {"email": registered.get("email", ""), "court": court_by_id(registered.get("court", ""))},
    )


@require_http_methods(["GET", "POST"])
def verify_email(request: HttpRequest, secret: str) -> HttpResponse:
    """GET shows a button, POST uses the link: mail scanners that open links must not use them up."""
    if request.method == "GET":
        valid = email_links.peek(secret, TokenPurpose.VERIFY_EMAIL) is not None
        return render(request, "accounts/verify_email.html", {"valid": valid}, status=200 if valid else 410)
    try:
        account = registration.verify_email(secret=secret, origin=Origin.of(request))
    except registration.LinkNotValid:
        return render(request, "accounts/verify_email.html", {"valid": False}, status=410)
    return render(request, "accounts/verify_email.html", {"verified": account, "valid": True})


@require_http_methods(["POST"])
def verify_resend(request: HttpRequest) -> HttpResponse:
    pk = request.session.get(lifecycle.UNVERIFIED_SESSION_KEY)
    account = PacerAccount.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if account is not None:
        registration.resend_verification(account=account, origin=Origin.of(request), link_base=site_url(request))
    return render(
        request,
        "accounts/registered.html",
        {"email": masked(account.email) if account else "", "resent": True},
    )
