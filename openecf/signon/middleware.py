"""Request plumbing for sign-on: route court host names, and authenticate by nextGenCSO token."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from openecf.signon import hosts, tokens

TOKEN_SESSION_KEY = "openecf.cso_token"  # noqa: S105 - a session key name, not a secret

Handler = Callable[[HttpRequest], HttpResponse]


class CourtHostMiddleware:
    """ecf.<court>.<domain>/... is served by the court-host URLconf, with that court implicit."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        court_id = hosts.court_of_host(request)
        if not court_id:
            return self.get_response(request)
        request.urlconf = "config.urls_court_host"  # type: ignore[attr-defined]
        request.court_host = court_id  # type: ignore[attr-defined]
        reset = hosts.current_court_host.set(court_id)
        try:
            return self.get_response(request)
        finally:
            hosts.current_court_host.reset(reset)


class CsoTokenMiddleware:
    """One token for web and API.

    A browser login keeps its token's digest in the session: when that token ends (Log Out anywhere,
    cso-logout, a password change, the time limits), the browser session ends with it. A client without a
    session is signed in for the request by the token it presents (header X-NEXT-GEN-CSO or cookie
    NextGenCSO / PacerSession), and gets the cookies back for the courts' parent domain.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.cso_token = None  # type: ignore[attr-defined]
        session_digest = request.session.get(TOKEN_SESSION_KEY, "")
        if session_digest:
            token = tokens.resolve(digest=session_digest)
            if token is None or token.account_id != request.user.pk:
                logout(request)
            else:
                request.cso_token = token  # type: ignore[attr-defined]
        presented = ""
        if request.cso_token is None and not request.user.is_authenticated:  # type: ignore[attr-defined]
            presented = tokens.presented(request)
            token = tokens.resolve(presented) if presented else None
            if token is not None:
                request.user = token.account
                request._cached_user = token.account  # type: ignore[attr-defined]
                request.cso_token = token  # type: ignore[attr-defined]
        response = self.get_response(request)
        token = request.cso_token  # type: ignore[attr-defined]
        if token is not None and presented and request.COOKIES.get("NextGenCSO") != presented:
            # Signed in by header: hand the cookies back so the next request to any court carries them.
            tokens.set_cookies(response, request, raw=presented, client_code=None)
        return response
