"""Request plumbing for sign-on: route court host names, and authenticate by nextGenCSO token."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare

from openecf.accounts.models import PacerAccount
from openecf.signon import cso_tokens, hosts

TOKEN_SESSION_KEY = "openecf.cso_token"  # noqa: S105 - a session key name, not a secret
# Where a middleware before this one leaves (digest, token or None) when it read the request's token already.
TOKEN_READ_ATTRIBUTE = "openecf_token_read"  # noqa: S105 - an attribute name, not a secret


def wanted_digest(request: HttpRequest) -> str:
    """The digest of the token this middleware will look up first: the session's, else the one presented."""
    digest: str = request.session.get(TOKEN_SESSION_KEY, "")
    if digest:
        return digest
    if request.user.is_authenticated:  # signed in by the session alone: no presented token is looked up
        return ""
    presented = cso_tokens.presented(request)
    return cso_tokens.presented_digest(presented) if presented else ""


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
        read = getattr(request, TOKEN_READ_ATTRIBUTE, None)  # a court page read it with its court (cmecf)
        session_digest = request.session.get(TOKEN_SESSION_KEY, "")
        if session_digest:
            token = cso_tokens.resolve(digest=session_digest, read=read)
            if token is not None and _session_signed_in_as(request, token.account):
                # The token brought its account along: no second query for the session's user.
                request.user = token.account
                request._cached_user = token.account  # type: ignore[attr-defined]
                request.cso_token = token  # type: ignore[attr-defined]
            elif token is None or token.account_id != request.user.pk:
                logout(request)
            else:
                request.cso_token = token  # type: ignore[attr-defined]
        presented = ""
        if request.cso_token is None and not request.user.is_authenticated:  # type: ignore[attr-defined]
            presented = cso_tokens.presented(request)
            token = cso_tokens.resolve(presented, read=read) if presented else None
            if token is not None:
                request.user = token.account
                request._cached_user = token.account  # type: ignore[attr-defined]
                request.cso_token = token  # type: ignore[attr-defined]
        response = self.get_response(request)
        token = request.cso_token  # type: ignore[attr-defined]
        if token is not None and presented and request.COOKIES.get("NextGenCSO") != presented:
            # Signed in by header: hand the cookies back so the next request to any court carries them.
            cso_tokens.set_cookies(response, request, raw=presented, client_code=None)
        return response


def _session_signed_in_as(request: HttpRequest, account: PacerAccount) -> bool:
    """Whether django.contrib.auth would find this account signed in to the session: the checks of its get_user
    (user id, backend, active, session hash of the current password), made on the account in hand. Anything else
    (a session hash under a SECRET_KEY_FALLBACKS key, say) is left to Django itself."""
    session = request.session
    return (
        session.get(SESSION_KEY) == str(account.pk)
        and session.get(BACKEND_SESSION_KEY) in settings.AUTHENTICATION_BACKENDS
        and account.is_active
        and constant_time_compare(session.get(HASH_SESSION_KEY, ""), account.get_session_auth_hash())
    )
