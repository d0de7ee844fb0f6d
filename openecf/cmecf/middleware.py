"""A court page reads its court, the visitor's token and their link at the court in one statement.

Every signed-in court page needs the three. The sign-on middleware would read the token (with its account) and the
page the court with the link: two round trips, each with its own cost in Django, psycopg and the database, on
every court page (docs/performance.md). This runs before the sign-on middleware, which finds the token already
read and checks it as it checks any (cso_tokens.resolve); the court access takes the court and the link, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from openecf.cmecf.models import Link
from openecf.cmecf.selectors import court_page_read
from openecf.courts.models import Court
from openecf.courts.selectors import court_key
from openecf.signon.middleware import TOKEN_READ_ATTRIBUTE, wanted_digest

COURT_READ_ATTRIBUTE = "openecf_court_read"


@dataclass(frozen=True)
class CourtRead:
    court: Court
    link: Link | None  # the link at the court of the token's account
    account_id: int | None  # the token's account, or None when no token has the digest


def _court_in_path(request: HttpRequest) -> str | None:
    path = request.path_info
    if path.startswith("/ecf/"):
        return court_key(path[len("/ecf/") :].split("/", 1)[0])
    host_court: str | None = getattr(request, "court_host", None)  # a court's own host serves it at the root
    return host_court


class CourtPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        court_id = _court_in_path(request)
        digest = wanted_digest(request) if court_id else ""
        if court_id and digest:
            found = court_page_read(court_id, digest)
            if found is not None:
                court, link, token = found
                setattr(request, TOKEN_READ_ATTRIBUTE, (digest, token))
                setattr(request, COURT_READ_ATTRIBUTE, CourtRead(court, link, token.account_id if token else None))
        return self.get_response(request)


def take_court_read(request: HttpRequest, court_id: str) -> CourtRead | None:
    """What this request read for the court with this id, once: a later read in the same request (after a write)
    goes to the database."""
    read: CourtRead | None = getattr(request, COURT_READ_ATTRIBUTE, None)
    if read is None or read.court.pk != court_key(court_id):
        return None
    delattr(request, COURT_READ_ATTRIBUTE)
    return read
