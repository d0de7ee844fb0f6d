"""Central Sign-On pages: the court list, each court's public page, the PACER login, help and errors."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from openecf.courts.models import Court, CourtType
from openecf.courts.selectors import all_courts, court_by_id, court_or_404
from openecf.signon import services
from openecf.signon.forms import PacerLoginForm
from openecf.signon.help import TOPICS
from openecf.throttle.services import Throttled

LOGIN_FAILED = "Invalid username or password."

_GROUP_HEADINGS = {
    CourtType.APPELLATE: "Courts of Appeals",
    CourtType.DISTRICT: "District Courts",
    CourtType.BANKRUPTCY: "Bankruptcy Courts",
    CourtType.SPECIAL: "Special Courts",
}


def _natural(court_id: str) -> tuple[str | int, ...]:
    """ca2 before ca10, as people count."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", court_id))


def index(request: HttpRequest) -> HttpResponse:
    courts = sorted(all_courts(), key=lambda court: _natural(court.pk))
    groups = [(heading, [c for c in courts if c.type == kind]) for kind, heading in _GROUP_HEADINGS.items()]
    demo = None
    if settings.DEBUG:  # the demo only: production never advertises accounts
        from openecf.demo import data

        demo = {"password": data.PACER_PASSWORD, "accounts": data.PACER_ACCOUNTS}
    return render(request, "signon/index.html", {"groups": groups, "court_count": len(courts), "demo": demo})


def court_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_or_404(court_id)
    return render(
        request,
        "signon/court.html",
        {"court": court, "live": court.is_live(), "logged_out": "logged_out" in request.GET},
    )


def _court_from(request: HttpRequest) -> Court | None:
    return court_by_id(request.GET.get("court") or request.POST.get("court") or "")


def _safe_next(request: HttpRequest, court: Court | None) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("cmecf:home", args=[court.pk]) if court else reverse("signon:index")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    court = _court_from(request)
    next_url = _safe_next(request, court)
    form = PacerLoginForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                account = services.sign_in(
                    request,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                    client_code=form.cleaned_data["client_code"],
                    court=court,
                )
            except Throttled as throttled:
                return _login_page(request, form, court, next_url, error=throttled.message, throttled=throttled)
            if account is not None:
                return redirect(next_url)
            form.add_error(None, LOGIN_FAILED)
            status = 401
        else:
            status = 400
    return _login_page(request, form, court, next_url, status=status)


def _login_page(
    request: HttpRequest,
    form: PacerLoginForm,
    court: Court | None,
    next_url: str,
    *,
    status: int = 200,
    error: str = "",
    throttled: Throttled | None = None,
) -> HttpResponse:
    if error:
        form.add_error(None, error)
    cancel_url = reverse("signon:court", args=[court.pk]) if court else reverse("signon:index")
    response = render(
        request,
        "signon/login.html",
        {"form": form, "court": court, "next": next_url, "cancel_url": cancel_url},
        status=429 if throttled else status,
    )
    if throttled is not None and throttled.retry_after:
        response["Retry-After"] = str(throttled.retry_after)
    return response


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    services.sign_out(request, court=_court_from(request))
    return render(request, "signon/logged_out.html")


def help_page(request: HttpRequest, topic: str) -> HttpResponse:
    if topic not in TOPICS:
        raise Http404("No such help page")
    return render(request, "signon/help.html", {"topic": TOPICS[topic], "court": _court_from(request)})


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    return render(request, "error.html", {"status": status, "title": title, "text": text}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400, "Bad request", "The request could not be understood. Go back and try again.")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "Not allowed", "You are not allowed to see this page.")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "Page not found", "There is no page at this address. Start again from the court list.")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, "Something went wrong", "Nothing was changed. Please try again in a moment.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        "Your form expired",
        "For your security the form could not be accepted (its session token was missing or out of date). "
        "Your browser must accept cookies. Go back, reload the page and submit again.",
    )
