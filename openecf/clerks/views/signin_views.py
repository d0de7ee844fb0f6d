"""The desk's sign-in (clerks/signin.py's DESK door: username and password, then the app's code) and its home."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from openecf.accounts.models import PacerAccount
from openecf.clerks.scope import courts_of
from openecf.clerks.signin import DESK
from openecf.clerks.views.desk import clerk_only


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    """The DESK profile's PASSWORD step: only a clerk with an authenticator app goes on to the code."""
    return DESK.password_step(request)


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The DESK profile's CODE step."""
    return DESK.code_step(request)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    DESK.end(request)
    return redirect(f"{reverse('clerks:login')}?signed_out=1")


@clerk_only
def home(request: HttpRequest, clerk: PacerAccount) -> HttpResponse:
    courts = list(courts_of(clerk))
    if len(courts) == 1:
        return redirect("clerks:dashboard", courts[0].pk)
    return render(request, "clerks/home.html", {"clerk": clerk, "my_courts": courts})
