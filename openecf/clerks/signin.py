"""The clerk's desk sign-in: password, then a code from an authenticator app. No skips, no other way in.

It is a session of its own, kept apart from the PACER login: signing in to the desk does not sign anyone in to
PACER or a court's CM/ECF site, and a PACER login does not open the desk. The session holds the clerk's id and a
stamp of the password hash (a password change ends it), and ends after the same maximum and idle times as a
sign-on token (NIST SP 800-63B-4, AAL2). Log Out anywhere (it flushes the session) ends it too.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.clerks.scope import is_clerk

SESSION_KEY = "openecf.clerk"
PENDING_KEY = "openecf.clerk_pending"
PENDING_SECONDS = 10 * 60
MAX_WRONG_CODES = 5
_TOUCH_EVERY = 60


def check_password(request: HttpRequest, *, username: str, password: str) -> PacerAccount | None:
    """The password step. An account that is not a clerk's fails exactly as a wrong password does."""
    account = authenticate(request, username=username, password=password)
    if isinstance(account, PacerAccount) and is_clerk(account):
        return account
    with transaction.atomic():
        audit.record(event="clerk_login.failed", origin=Origin.of(request), username=username.strip(), step="password")
    return None


def refuse_without_app(request: HttpRequest, account: PacerAccount) -> None:
    """The password was right but the clerk has no authenticator app: the desk has no way in without one."""
    with transaction.atomic():
        audit.record(
            event="clerk_login.failed", origin=Origin.of(request), actor=account, step="mfa", reason="no_authenticator"
        )


def begin(request: HttpRequest, account: PacerAccount) -> None:
    request.session.cycle_key()
    request.session.pop(SESSION_KEY, None)
    request.session[PENDING_KEY] = {
        "account": account.pk,
        "stamp": account.get_session_auth_hash(),
        "started": time.time(),
        "wrong": 0,
    }


def pending(request: HttpRequest) -> PacerAccount | None:
    data: Any = request.session.get(PENDING_KEY)
    if not isinstance(data, dict):
        return None
    account = PacerAccount.objects.filter(pk=int(data.get("account") or 0), is_active=True).first()
    if (
        account is None
        or time.time() - float(data.get("started", 0)) > PENDING_SECONDS
        or int(data.get("wrong", 0)) >= MAX_WRONG_CODES
        or not constant_time_compare(str(data.get("stamp", "")), account.get_session_auth_hash())
    ):
        request.session.pop(PENDING_KEY, None)
        return None
    return account


def wrong_code(request: HttpRequest) -> bool:
    """Count a wrong code; True when the pending sign-in is used up and the password must be entered again."""
    data = dict(request.session.get(PENDING_KEY) or {})
    data["wrong"] = int(data.get("wrong", 0)) + 1
    request.session[PENDING_KEY] = data
    if data["wrong"] >= MAX_WRONG_CODES:
        request.session.pop(PENDING_KEY, None)
        return True
    return False


def complete(request: HttpRequest, account: PacerAccount, *, method: str) -> None:
    request.session.cycle_key()
    request.session.pop(PENDING_KEY, None)
    now = time.time()
    request.session[SESSION_KEY] = {
        "account": account.pk,
        "stamp": account.get_session_auth_hash(),
        "at": now,
        "seen": now,
    }
    with transaction.atomic():
        audit.record(event="clerk_login.succeeded", origin=Origin.of(request), actor=account, mfa=method)


def current(request: HttpRequest) -> PacerAccount | None:
    """The clerk signed in to the desk in this session, if any (and still a clerk)."""
    data: Any = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    now = time.time()
    account = PacerAccount.objects.filter(pk=int(data.get("account") or 0), is_active=True).first()
    if (
        account is None
        or now - float(data.get("at", 0)) > settings.OPENECF_CSO_TOKEN_MAX_SECONDS
        or now - float(data.get("seen", 0)) > settings.OPENECF_CSO_TOKEN_IDLE_SECONDS
        or not constant_time_compare(str(data.get("stamp", "")), account.get_session_auth_hash())
        or not is_clerk(account)
    ):
        request.session.pop(SESSION_KEY, None)
        return None
    if now - float(data.get("seen", 0)) > _TOUCH_EVERY:
        request.session[SESSION_KEY] = {**data, "seen": now}
    return account


def sign_out(request: HttpRequest) -> None:
    clerk = current(request)
    request.session.pop(SESSION_KEY, None)
    request.session.pop(PENDING_KEY, None)
    request.session.cycle_key()
    if clerk is not None:
        with transaction.atomic():
            audit.record(event="clerk_logout", origin=Origin.of(request), actor=clerk)
