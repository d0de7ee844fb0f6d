"""Central Sign-On: PACER login and logout, each audited; the client code kept with the session."""

from __future__ import annotations

from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.courts.models import Court
from openecf.throttle import services as throttle

CLIENT_CODE_SESSION_KEY = "openecf.client_code"


def sign_in(
    request: HttpRequest, *, username: str, password: str, client_code: str, court: Court | None
) -> PacerAccount | None:
    """Check the PACER credentials; on success start a fresh session. Every attempt is audited.

    Raises throttle.Throttled, without checking the password, after too many failures (see openecf/throttle).
    """
    origin = Origin.of(request)
    guess = throttle.login_attempt(username=username, origin=origin)
    try:
        throttle.check(guess)
    except throttle.Throttled:
        with transaction.atomic():
            audit.record(
                event="login.failed", origin=origin, username=username.strip(), court=court, reason="throttled"
            )
        raise
    account = authenticate(request, username=username, password=password)
    if not isinstance(account, PacerAccount):
        throttle.failed(guess, origin=origin)
        with transaction.atomic():
            audit.record(event="login.failed", origin=origin, username=username.strip(), court=court)
        return None
    throttle.succeeded(guess)
    with transaction.atomic():
        login(request, account)  # rotates the session key
        request.session[CLIENT_CODE_SESSION_KEY] = client_code
        audit.record(event="login.succeeded", origin=origin, actor=account, court=court, client_code=client_code)
    return account


def sign_out(request: HttpRequest, *, court: Court | None = None) -> None:
    """Log Out everywhere: the PACER session and any old court logins end together."""
    user = request.user if request.user.is_authenticated else None
    with transaction.atomic():
        audit.record(
            event="logout",
            origin=Origin.of(request),
            actor=user if isinstance(user, PacerAccount) else None,
            court=court,
        )
        logout(request)  # flushes the whole session


def client_code(request: HttpRequest) -> str:
    return str(request.session.get(CLIENT_CODE_SESSION_KEY, ""))


def set_client_code(request: HttpRequest, code: str, *, court: Court | None = None) -> None:
    request.session[CLIENT_CODE_SESSION_KEY] = code
    user = request.user if request.user.is_authenticated else None
    with transaction.atomic():
        audit.record(
            event="client_code.changed",
            origin=Origin.of(request),
            actor=user if isinstance(user, PacerAccount) else None,
            court=court,
            client_code=code,
        )
