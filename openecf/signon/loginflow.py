"""The browser login's steps after the password: one-time code, MFA enrolment or skip, redaction notice.

Between the password and the last step, the session holds a *pending* login (not yet a login): which account
passed the password, for which court and destination, and which steps are done. It is bound to the account's
password (a change voids it), lives a few minutes, and allows a few wrong codes before the password must be
entered again. A login with no step after the password (a search-only account without an authenticator app) never
has a pending login: it completes in the request that proved the password.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from django.contrib.auth import HASH_SESSION_KEY
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from openecf.accounts.models import PacerAccount
from openecf.signon.selectors import SignOnFacts

PENDING_SESSION_KEY = "openecf.pending_login"
PENDING_SECONDS = 10 * 60
MAX_WRONG_CODES = 5


@dataclass
class PendingLogin:
    account_id: int
    password_hash: str
    court_id: str
    next_url: str
    client_code: str
    started: float
    mfa_method: str = ""
    mfa_skipped: bool = False
    redaction_accepted: bool = False
    wrong_codes: int = 0


def start(*, account: PacerAccount, court_id: str, next_url: str, client_code: str) -> PendingLogin:
    """The login whose password was just proved; kept in the session by ``begin`` only if a step follows."""
    return PendingLogin(
        account_id=account.pk,
        password_hash=account.get_session_auth_hash(),
        court_id=court_id,
        next_url=next_url,
        client_code=client_code,
        started=time.time(),
    )


def begin(request: HttpRequest, pending: PendingLogin) -> None:
    request.session.cycle_key()  # the password was right: a new session key before anything else
    request.session.pop(HASH_SESSION_KEY, None)
    save(request, pending)


def save(request: HttpRequest, pending: PendingLogin) -> None:
    request.session[PENDING_SESSION_KEY] = asdict(pending)


def discard(request: HttpRequest) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)


def load(request: HttpRequest) -> tuple[PendingLogin, PacerAccount] | None:
    data: Any = request.session.get(PENDING_SESSION_KEY)
    if not isinstance(data, dict):
        return None
    try:
        pending = PendingLogin(**data)
    except TypeError:
        discard(request)
        return None
    account = PacerAccount.objects.filter(pk=pending.account_id, is_active=True).first()
    if (
        account is None
        or time.time() - pending.started > PENDING_SECONDS
        or pending.wrong_codes >= MAX_WRONG_CODES
        or not constant_time_compare(pending.password_hash, account.get_session_auth_hash())
    ):
        discard(request)
        return None
    return pending, account


def next_step(pending: PendingLogin, facts: SignOnFacts) -> str:
    """The URL name of the next step, or "" when the login can complete."""
    if not pending.mfa_method and not pending.mfa_skipped:
        if facts.enrolled:
            return "signon:login_code"
        if facts.filer:
            return "signon:login_mfa_required"
    if not pending.redaction_accepted and facts.filer:
        return "signon:login_redaction"
    return ""
