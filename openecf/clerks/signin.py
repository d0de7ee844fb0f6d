"""The clerk's desk session: begun when the sign-in machine's DESK profile (password, then a code from an
authenticator app; no skips, no other way in) reaches DONE.

It is a session of its own, kept apart from the PACER login: signing in to the desk does not sign anyone in to
PACER or a court's CM/ECF site, and a PACER login does not open the desk. The session holds the clerk's id and a
stamp of the password hash (a password change ends it), and ends after the same maximum and idle times as a
sign-on token (NIST SP 800-63B-4, AAL2). Log Out anywhere (it flushes the session) ends it too.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.clerks.scope import is_clerk
from openecf.signon import machine

SESSION_KEY = "openecf.clerk"
_TOUCH_EVERY = 60


def complete(request: HttpRequest, account: PacerAccount, *, method: str) -> None:
    """The machine's DESK profile reached DONE: the desk session begins, under a new session key."""
    request.session.cycle_key()
    machine.discard(request, machine.DESK)
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
    machine.discard(request, machine.DESK)
    request.session.cycle_key()
    if clerk is not None:
        with transaction.atomic():
            audit.record(event="clerk_logout", origin=Origin.of(request), actor=clerk)
