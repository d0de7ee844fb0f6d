"""Central Sign-On: PACER login and logout, each audited; the client code kept with the sign-on.

A login ends in a nextGenCSO token whichever way it came (browser or API); Log Out ends that token, and with
it every court page the browser or client had open.
"""

from __future__ import annotations

from django.contrib.auth import login, logout, update_session_auth_hash
from django.db import transaction
from django.http import HttpRequest

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.core import sessions
from openecf.courts.models import Court
from openecf.signon import cso_tokens
from openecf.signon.middleware import TOKEN_SESSION_KEY
from openecf.signon.models import CsoToken, SignOnSettings, TokenOrigin

CLIENT_CODE_SESSION_KEY = "openecf.client_code"
CLIENT_CODE_REQUIRED = "A client code is required for this account. Enter your client code."

REDACTION_NOTICE = (
    "All filers must redact: Social Security or taxpayer-identification numbers; dates of birth; names of minor "
    "children; financial account numbers; and in criminal cases, home addresses in compliance with Fed. R. App. "
    "P. 25(a)(5), Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037. This requirement "
    "applies to all documents, including attachments."
)


def client_code_required(account: PacerAccount) -> bool:
    return SignOnSettings.objects.filter(account=account, client_code_required=True).exists()


def set_client_code_required(*, account: PacerAccount, required: bool, origin: Origin) -> None:
    with transaction.atomic():
        SignOnSettings.objects.update_or_create(account=account, defaults={"client_code_required": required})
        audit.record(event=Event.CLIENT_CODE_REQUIREMENT_CHANGED, origin=origin, actor=account, required=required)


def complete_web_login(
    request: HttpRequest,
    *,
    account: PacerAccount,
    client_code: str,
    court: Court | None,
    mfa_method: str,
    mfa_skipped: bool,
    redaction_accepted: bool,
) -> str:
    """Start the browser session and its token. Returns the token value for the cookies."""
    with transaction.atomic():
        login(request, account)  # rotates the session key
        raw = cso_tokens.issue(account=account, origin=TokenOrigin.WEB, client_code=client_code, mfa_method=mfa_method)
        request.session[TOKEN_SESSION_KEY] = cso_tokens.digest_of(raw)
        request.session[CLIENT_CODE_SESSION_KEY] = client_code
        sessions.save_with_transaction(request.session)  # one commit for the session, its token and the event
        audit.record(
            event=Event.LOGIN_SUCCEEDED,
            origin=Origin.of(request),
            actor=account,
            court=court,
            client_code=client_code,
            via="web",
            mfa=mfa_method or ("skipped" if mfa_skipped else "none"),
            redaction_accepted=redaction_accepted,
        )
    return raw


def complete_api_login(
    request: HttpRequest, *, account: PacerAccount, client_code: str, mfa_method: str, redact_flag: bool
) -> str:
    with transaction.atomic():
        raw = cso_tokens.issue(account=account, origin=TokenOrigin.API, client_code=client_code, mfa_method=mfa_method)
        audit.record(
            event=Event.LOGIN_SUCCEEDED,
            origin=Origin.of(request),
            actor=account,
            client_code=client_code,
            via="api",
            mfa=mfa_method or "none",
            redaction_accepted=redact_flag,
        )
    return raw


def keep_this_sign_on(request: HttpRequest, *, account: PacerAccount) -> None:
    """After a password change in this session: it goes on (session and token); every other one has ended."""
    with transaction.atomic():
        update_session_auth_hash(request, account)
        cso_tokens.keep_current_after_password_change(request, account)


def sign_out(request: HttpRequest, *, court: Court | None = None) -> None:
    """Log Out everywhere: the token, the PACER session and any old court logins end together."""
    user = request.user if request.user.is_authenticated else None
    token: CsoToken | None = getattr(request, "cso_token", None)
    with transaction.atomic():
        if token is not None:
            cso_tokens.end(token, reason="logout")
        audit.record(
            event=Event.LOGOUT,
            origin=Origin.of(request),
            actor=user if isinstance(user, PacerAccount) else None,
            court=court,
        )
        logout(request)  # flushes the whole session


def api_logout(request: HttpRequest, *, raw: str) -> None:
    token = cso_tokens.resolve(raw)
    if token is None:
        return
    with transaction.atomic():
        if cso_tokens.end(token, reason="api-logout"):
            audit.record(event=Event.LOGOUT, origin=Origin.of(request), actor=token.account, via="api")


def client_code(request: HttpRequest) -> str:
    """The session's client code; for a client signed in by token, its PacerClientCode cookie or login code."""
    if CLIENT_CODE_SESSION_KEY in request.session:
        return str(request.session[CLIENT_CODE_SESSION_KEY])
    token: CsoToken | None = getattr(request, "cso_token", None)
    if token is not None:
        return request.COOKIES.get(cso_tokens.CLIENT_CODE_COOKIE, token.client_code)
    return ""


def set_client_code(request: HttpRequest, code: str, *, court: Court | None = None) -> None:
    request.session[CLIENT_CODE_SESSION_KEY] = code
    user = request.user if request.user.is_authenticated else None
    token: CsoToken | None = getattr(request, "cso_token", None)
    with transaction.atomic():
        if token is not None:
            CsoToken.objects.filter(pk=token.pk).update(client_code=code)
        audit.record(
            event=Event.CLIENT_CODE_CHANGED,
            origin=Origin.of(request),
            actor=user if isinstance(user, PacerAccount) else None,
            court=court,
            client_code=code,
        )
