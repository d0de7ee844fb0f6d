"""Manage My Account: what the account is, where it is linked, and the forms that change it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.accounts import email_links, profile
from openecf.accounts.forms_recovery import ChangePasswordForm
from openecf.accounts.forms_registration import ContactForm
from openecf.accounts.models import PacerAccount, TokenPurpose
from openecf.accounts.registration import LinkNotValid
from openecf.accounts.site_url import site_url
from openecf.audit.context import Origin
from openecf.billing import selectors as billing
from openecf.efile.selectors import registrations_of
from openecf.myaccount import selectors
from openecf.myaccount.forms import ClientCodePreferenceForm, NewEmailForm
from openecf.signon import services as signon

DONE_KEY = "openecf.manage_done"


def _account(request: HttpRequest) -> PacerAccount:
    user = request.user
    assert isinstance(user, PacerAccount)
    return user


def _done(request: HttpRequest, message: str) -> HttpResponse:
    request.session[DONE_KEY] = message
    return redirect("accounts:manage")


def _form_page(
    request: HttpRequest, form: Any, *, title: str, submit: str, status: int | None = None, **context: Any
) -> HttpResponse:
    return render(
        request,
        "accounts/manage_form.html",
        {"form": form, "title": title, "submit": submit, **context},
        status=status or (400 if form.errors else 200),
    )


def _password_refused(form: Any, error: ValidationError, *, other_field: str) -> int | None:
    """Put a refusal where it belongs: the current-password field, the page (throttled: 429), or other_field."""
    code = getattr(error, "code", "")
    if code == "throttled":
        form.add_error(None, error)
        return 429
    form.add_error("current" if code == "current" else other_field, error)
    return None


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    return render(
        request,
        "accounts/manage.html",
        {
            "account": account,
            "links": selectors.linked_courts(account),
            "registrations": registrations_of(account),
            "mfa_url": reverse("mfa:overview"),
            "done": request.session.pop(DONE_KEY, ""),
            "quarters": billing.usage_by_quarter(account),
            "by_client_code": billing.usage_by_client_code(account),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    initial = {"line1": account.address_line1, "line2": account.address_line2, "city": account.city}
    initial |= {"state": account.state, "zip_code": account.zip_code, "county": account.county_fips}
    initial["phone"] = account.phone
    form = ContactForm(request.POST if request.method == "POST" else None, initial=initial, state=account.state)
    if request.method == "POST" and form.is_valid():
        try:
            profile.change_contact(
                account=account,
                address=form.address(form.cleaned_data["county"]),
                phone=form.cleaned_data["phone"],
                origin=Origin.of(request),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return _done(request, "Your contact details have been saved.")
    return _form_page(
        request,
        form,
        title="Contact details",
        submit="Save",
        intro="If you change the state, choose the county again: the list shows the counties of the state you "
        "choose once you press Save.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def email(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    form = NewEmailForm(request.POST if request.method == "POST" else None)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            profile.request_email_change(
                account=account,
                current=form.cleaned_data["current"],
                new_email=form.cleaned_data["email"],
                origin=Origin.of(request),
                link_base=site_url(request),
            )
        except ValidationError as error:
            status = _password_refused(form, error, other_field="email")
        else:
            return _done(
                request,
                f"We sent a confirmation link to {form.cleaned_data['email']}. Your e-mail address changes when "
                "you open it; until then notices keep going to your current address.",
            )
    return _form_page(
        request,
        form,
        title="Change e-mail address",
        submit="Send confirmation link",
        status=status,
        intro=f"Current address: {account.email}",
    )


@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, secret: str) -> HttpResponse:
    """Opened from the new mailbox, perhaps in another browser: the link itself is the proof, not a login."""
    if request.method == "GET":
        token = email_links.peek(secret, TokenPurpose.CHANGE_EMAIL)
        return render(
            request,
            "accounts/confirm_email.html",
            {"token": token, "valid": token is not None},
            status=200 if token else 410,
        )
    try:
        account = profile.confirm_email_change(secret=secret, origin=Origin.of(request))
    except LinkNotValid:
        return render(request, "accounts/confirm_email.html", {"valid": False}, status=410)
    return render(request, "accounts/confirm_email.html", {"confirmed": account, "valid": True})


@login_required
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    form = ChangePasswordForm(request.POST if request.method == "POST" else None, account=account)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            changed = profile.change_password(
                account=account,
                current=form.cleaned_data["current"],
                new=form.cleaned_data["password1"],
                origin=Origin.of(request),
            )
        except ValidationError as error:
            status = _password_refused(form, error, other_field="password1")
        else:
            signon.keep_this_sign_on(request, account=changed)  # this session goes on; every other one has ended
            return _done(
                request, "Your password has been changed. Your other login sessions and API tokens have ended."
            )
    return _form_page(request, form, title="Change password", submit="Change password", status=status)


@login_required
@require_http_methods(["GET", "POST"])
def client_code(request: HttpRequest) -> HttpResponse:
    account = _account(request)
    initial = {"default_client_code": account.default_client_code}
    form = ClientCodePreferenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        profile.set_client_code_preference(
            account=account,
            default_code=form.cleaned_data["default_client_code"],
            origin=Origin.of(request),
        )
        return _done(request, "Your client code preference has been saved.")
    return _form_page(request, form, title="Client code preference", submit="Save")
