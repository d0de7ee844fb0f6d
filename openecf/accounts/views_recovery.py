"""Forgot password? and Forgot username?: the same pages whether or not an account matched."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openecf.accounts import recovery
from openecf.accounts.forms_recovery import AnswerForm, ForgotPasswordForm, ForgotUsernameForm, NewPasswordForm
from openecf.accounts.registration import LinkNotValid
from openecf.accounts.site_url import site_url
from openecf.audit.context import Origin
from openecf.courts.selectors import court_by_id
from openecf.throttle.services import Throttled

CHALLENGE_KEY = "openecf.reset_challenge"
COURT_KEY = "openecf.recovery_court"


def _court(request: HttpRequest) -> Any:
    if "court" in request.GET:
        request.session[COURT_KEY] = request.GET["court"][:8]
    return court_by_id(request.session.get(COURT_KEY, ""))


def _form_page(request: HttpRequest, form: Any, *, title: str, status: int = 200, **context: Any) -> HttpResponse:
    return render(
        request,
        "accounts/recovery_form.html",
        {"form": form, "title": title, "court": _court(request), **context},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def forgot_password(request: HttpRequest) -> HttpResponse:
    form = ForgotPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        challenge = recovery.start_password_reset(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            account_number=form.cleaned_data["account_number"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            origin=Origin.of(request),
        )
        request.session[CHALLENGE_KEY] = challenge.as_session()
        return redirect("accounts:forgot_password_question")
    return _form_page(
        request,
        form,
        title="Forgot password?",
        intro="Enter your username and one more fact about your account: your e-mail address, account number "
        "or date of birth. Then answer one of your security questions, and we e-mail you a link to choose a new "
        "password.",
        status=400 if form.errors else 200,
        submit="Next",
    )


@require_http_methods(["GET", "POST"])
def forgot_password_question(request: HttpRequest) -> HttpResponse:
    challenge = recovery.ResetChallenge.from_session(request.session.get(CHALLENGE_KEY))
    if challenge is None:
        return redirect("accounts:forgot_password")
    form = AnswerForm(request.POST if request.method == "POST" else None)
    throttled = False
    if request.method == "POST" and form.is_valid():
        try:
            recovery.answer_reset_question(
                challenge=challenge,
                answer=form.cleaned_data["answer"],
                origin=Origin.of(request),
                link_base=site_url(request),
            )
        except Throttled as refused:
            form.add_error(None, refused.message)
            throttled = True
        else:
            request.session.pop(CHALLENGE_KEY, None)
            return render(request, "accounts/recovery_sent.html", {"what": "password", "court": _court(request)})
    return _form_page(
        request,
        form,
        title="Forgot password?",
        question=challenge.question_text,
        intro="Answer your security question. (An account that has not been upgraded has no security questions "
        "yet: type anything, and the link goes to the account's e-mail address.)",
        status=429 if throttled else 400 if form.errors else 200,
        submit="Send the reset link",
    )


@require_http_methods(["GET", "POST"])
def reset_password(request: HttpRequest, secret: str) -> HttpResponse:
    """GET shows the form without using the link; POST sets the password and uses the link up."""
    account = recovery.reset_link_account(secret)
    if account is None:
        return render(request, "accounts/reset_invalid.html", status=410)
    form = NewPasswordForm(request.POST if request.method == "POST" else None, account=account)
    if request.method == "POST" and form.is_valid():
        try:
            recovery.reset_password(secret=secret, password=form.cleaned_data["password1"], origin=Origin.of(request))
        except LinkNotValid:
            return render(request, "accounts/reset_invalid.html", status=410)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            return render(request, "accounts/reset_done.html")
    return _form_page(
        request,
        form,
        title="Choose a new password",
        intro=f"Choose a new password for the PACER account {account.username}. Every login session and API token "
        "of the account ends when you do.",
        status=400 if form.errors else 200,
        submit="Change password",
    )


@require_http_methods(["GET", "POST"])
def forgot_username(request: HttpRequest) -> HttpResponse:
    form = ForgotUsernameForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        recovery.send_usernames(email=form.cleaned_data["email"], origin=Origin.of(request))
        return render(request, "accounts/recovery_sent.html", {"what": "username", "court": _court(request)})
    return _form_page(
        request,
        form,
        title="Forgot username?",
        intro="Enter your e-mail address. We send the usernames registered to it to that address.",
        status=400 if form.errors else 200,
        submit="Send my username",
    )
