"""The filer's side of CM/ECF password resets: ask for a link, open it, choose a new password."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.courts.models import Court
from openecf.courts.selectors import court_or_404
from openecf.ecfpasswords import services
from openecf.ecfpasswords.forms import ForgotPasswordForm, NewPasswordForm

RESET_SESSION_KEY = "openecf.ecf_reset"


def reset_url_maker(request: HttpRequest, court: Court) -> services.UrlFor:
    """Absolute links on the host the request came to (a court's own host, or the path-based site)."""
    return lambda raw: request.build_absolute_uri(reverse("cmecf:password_reset", args=[court.pk, raw]))


@require_http_methods(["GET", "POST"])
def forgot(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_or_404(court_id)
    form = ForgotPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_reset(
            court=court,
            login=form.cleaned_data["login"],
            origin=Origin.of(request),
            url_for=reset_url_maker(request, court),
        )
        return render(request, "ecfpasswords/sent.html", {"court": court, "login": form.cleaned_data["login"]})
    status = 400 if form.is_bound else 200
    return render(request, "ecfpasswords/forgot.html", {"court": court, "form": form}, status=status)


def open_link(request: HttpRequest, court_id: str, token: str) -> HttpResponse:
    """Keep the secret out of the address bar (and of any Referer) from here on: it moves into the session."""
    court = court_or_404(court_id)
    if services.open_reset(token, court=court) is None:
        return render(request, "ecfpasswords/unusable.html", {"court": court}, status=410)
    request.session[RESET_SESSION_KEY] = {"court": court.pk, "raw": token}
    return redirect("cmecf:password_new", court.pk)


@require_http_methods(["GET", "POST"])
def new_password(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_or_404(court_id)
    held = request.session.get(RESET_SESSION_KEY)
    raw = held.get("raw", "") if isinstance(held, dict) and held.get("court") == court.pk else ""
    reset = services.open_reset(raw, court=court)
    if reset is None:
        request.session.pop(RESET_SESSION_KEY, None)
        return render(request, "ecfpasswords/unusable.html", {"court": court}, status=410)
    form = NewPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.complete_reset(
                raw=raw, court=court, password=form.cleaned_data["password"], origin=Origin.of(request)
            )
        except services.ResetUnusable as unusable:
            request.session.pop(RESET_SESSION_KEY, None)
            return render(request, "ecfpasswords/unusable.html", {"court": court, "reason": str(unusable)}, status=410)
        except ValidationError as problems:
            for problem in problems.messages:
                form.add_error("password", problem)
        else:
            request.session.pop(RESET_SESSION_KEY, None)
            return render(request, "ecfpasswords/done.html", {"court": court, "ecf": reset.ecf_account})
    status = 400 if form.is_bound else 200
    return render(
        request, "ecfpasswords/new.html", {"court": court, "form": form, "ecf": reset.ecf_account}, status=status
    )
