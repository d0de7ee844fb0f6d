"""Central Sign-On's public pages: the court list, each court's page, help, Log Out and the error pages. The
PACER login is in views_login.py, the steps after its password in views_login_steps.py."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from openecf.courts.models import Court, CourtType
from openecf.courts.selectors import all_courts, court_by_id, court_or_404
from openecf.signon import cso_tokens, services
from openecf.signon.help import TOPICS

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
    # The demo's settings add its accounts (openecf/demo/context.py); production never advertises accounts.
    return render(request, "signon/index.html", {"groups": groups, "court_count": len(courts)})


def court_page(request: HttpRequest, court_id: str) -> HttpResponse:
    court = court_or_404(court_id)
    return render(
        request,
        "signon/court.html",
        {"court": court, "live": court.is_live(), "logged_out": "logged_out" in request.GET},
    )


def court_from(request: HttpRequest) -> Court | None:
    return court_by_id(request.GET.get("court") or request.POST.get("court") or "")


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    services.sign_out(request, court=court_from(request))
    response = render(request, "signon/logged_out.html")
    cso_tokens.clear_cookies(response)
    return response


def help_page(request: HttpRequest, topic: str) -> HttpResponse:
    if topic not in TOPICS:
        raise Http404("No such help page")
    return render(request, "signon/help.html", {"topic": TOPICS[topic], "court": court_from(request)})


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
