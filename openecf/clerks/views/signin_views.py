"""The desk's sign-in: username and password, then the authenticator app's code."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.clerks import signin
from openecf.clerks.forms import ClerkCodeForm, ClerkLoginForm
from openecf.clerks.scope import courts_of
from openecf.clerks.views.desk import clerk_only
from openecf.mfa import selectors as mfa_selectors
from openecf.mfa import services as mfa_services

NEXT_KEY = "openecf.clerk_next"
LOGIN_FAILED = "Invalid username or password."
CODE_REFUSED = "That code is not valid. Enter the current 6-digit code from your authenticator app, or a backup code."


def _next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/clerk/") and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    return reverse("clerks:home")


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = ClerkLoginForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            account = signin.check_password(
                request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
            )
            if account is None:
                form.add_error(None, LOGIN_FAILED)
                status = 401
            elif not mfa_selectors.is_enrolled(account):
                signin.refuse_without_app(request, account)
                add_url = f"{reverse('signon:login')}?next={reverse('mfa:add')}"
                return render(request, "clerks/login_needs_app.html", {"add_url": add_url}, status=403)
            else:
                signin.begin(request, account)
                request.session[NEXT_KEY] = _next(request)
                return redirect("clerks:login_code")
    return render(
        request,
        "clerks/login.html",
        {"form": form, "next": _next(request), "expired": "expired" in request.GET},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    account = signin.pending(request)
    if account is None:
        return redirect(f"{reverse('clerks:login')}?expired=1")
    form = ClerkCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        method = mfa_services.verify_code(
            account=account, code=form.cleaned_data["code"], origin=Origin.of(request), where="clerk-login"
        )
        if method is not None:
            destination = request.session.pop(NEXT_KEY, "") or reverse("clerks:home")
            signin.complete(request, account, method=method)
            return redirect(destination)
        if signin.wrong_code(request):
            return redirect(f"{reverse('clerks:login')}?expired=1")
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
