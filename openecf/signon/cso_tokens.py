"""Issue, resolve and end nextGenCSO tokens, and carry them in the cookies court sites read.

A token is 128 characters of [A-Za-z0-9] (about 762 bits). It is void when ended, past its maximum login
time, idle longer than the idle timeout, when the account is deactivated, or once the password changes.
"""

from __future__ import annotations

import hashlib
import string
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from openecf.accounts.models import PacerAccount
from openecf.core.compiled import Compiled, CompiledInsert
from openecf.core.randomness import random_string
from openecf.signon.models import CsoToken, TokenOrigin

TOKEN_LENGTH = 128
_ALPHABET = string.ascii_letters + string.digits
_TOKEN_CHARS = frozenset(_ALPHABET)
# Writing last_used_at on every request would turn every page view into a write; a minute is precise enough.
_TOUCH_EVERY = timedelta(seconds=60)

COOKIE_NAMES = ("NextGenCSO", "PacerSession")
CLIENT_CODE_COOKIE = "PacerClientCode"
HEADER = "HTTP_X_NEXT_GEN_CSO"


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def password_stamp(account: PacerAccount) -> str:
    return salted_hmac("openecf.signon.tokens.password", account.password, algorithm="sha256").hexdigest()


def looks_like_token(raw: str) -> bool:
    return len(raw) == TOKEN_LENGTH and set(raw) <= _TOKEN_CHARS


# Every login inserts a token: its INSERT compiled once per process (openecf/core/compiled.py).
_INSERT: CompiledInsert[CsoToken] = CompiledInsert(CsoToken)


def new_value() -> str:
    """128 characters, each uniform over the 62 of the alphabet, from one read of the operating system's CSPRNG
    (openecf/core/randomness.py): it replaced 128 calls of secrets.choice, 0.18 ms of CPU a token, now 0.02."""
    return random_string(TOKEN_LENGTH, _ALPHABET)


def issue(*, account: PacerAccount, origin: TokenOrigin, client_code: str = "", mfa_method: str = "") -> str:
    """Create a token and return its value: the only time the value exists outside the client."""
    raw = new_value()
    now = timezone.now()
    _INSERT.insert(
        CsoToken(
            digest=digest_of(raw),
            account=account,
            origin=origin,
            client_code=client_code,
            mfa_method=mfa_method,
            password_stamp=password_stamp(account),
            created_at=now,
            last_used_at=now,
            expires_at=now + timedelta(seconds=settings.OPENECF_CSO_TOKEN_MAX_SECONDS),
        )
    )
    return raw


def _usable(token: CsoToken) -> bool:
    now = timezone.now()
    return (
        token.ended_at is None
        and now < token.expires_at
        and now - token.last_used_at < timedelta(seconds=settings.OPENECF_CSO_TOKEN_IDLE_SECONDS)
        and token.account.is_active
        and constant_time_compare(token.password_stamp, password_stamp(token.account))
    )


# Every signed-in request resolves its token and its account: one join, compiled once per process
# (openecf/core/compiled.py). It was two lookups by key, a round trip more on every page.
_BY_DIGEST: Compiled[CsoToken] = Compiled(
    lambda digest: CsoToken.objects.filter(digest=digest).select_related("account"), str
)


def presented_digest(raw: str) -> str:
    """The digest to look a presented value up by, or "" for a value that cannot be a token (never looked up)."""
    return digest_of(raw) if looks_like_token(raw) else ""


def by_digest() -> Compiled[CsoToken]:
    """The token-with-account lookup, for a page that reads it in the same statement as its own rows (a court
    page: cmecf.selectors.court_page_read). What it finds still goes through resolve()'s checks."""
    return _BY_DIGEST


def _with_account(digest: str) -> CsoToken | None:
    return _BY_DIGEST.first(digest)


def resolve(raw: str = "", *, digest: str = "", read: tuple[str, CsoToken | None] | None = None) -> CsoToken | None:
    """The live token for a value (or a stored digest), or None. Touches it for the idle timeout.

    ``read`` is (digest, token or None) as this request already read it with the same lookup (by_digest); it stands
    for the lookup only when its digest is this one. Every check below applies to it all the same."""
    if raw:
        digest = presented_digest(raw)
    if not digest:
        return None
    token = read[1] if read is not None and read[0] == digest else _with_account(digest)
    if token is None or not _usable(token):
        return None
    now = timezone.now()
    if now - token.last_used_at >= _TOUCH_EVERY:
        CsoToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def end(token: CsoToken, *, reason: str) -> bool:
    """End one token at once. True if it was still open (so the caller audits only real logouts)."""
    return bool(
        CsoToken.objects.filter(pk=token.pk, ended_at__isnull=True).update(ended_at=timezone.now(), ended_reason=reason)
    )


def end_all(*, account: PacerAccount, reason: str, keep: CsoToken | None = None) -> int:
    """End every open token of the account (but ``keep``, when given)."""
    open_tokens = CsoToken.objects.filter(account=account, ended_at__isnull=True)
    if keep is not None:
        open_tokens = open_tokens.exclude(pk=keep.pk)
    return open_tokens.update(ended_at=timezone.now(), ended_reason=reason)


def presented(request: HttpRequest) -> str:
    """The token a client sent: header X-NEXT-GEN-CSO, else cookie NextGenCSO, else cookie PacerSession."""
    for value in (
        request.META.get(HEADER, ""),
        request.COOKIES.get("NextGenCSO", ""),
        request.COOKIES.get("PacerSession", ""),
    ):
        if value.strip():
            return value.strip()
    return ""


def _cookie_domain() -> str | None:
    domain: str = settings.OPENECF_COURT_DOMAIN
    return f".{domain}" if domain else None


def _cookie_options(request: HttpRequest) -> dict[str, Any]:
    return {"domain": _cookie_domain(), "path": "/", "secure": request.is_secure(), "httponly": True, "samesite": "Lax"}


def set_client_code_cookie(response: HttpResponse, request: HttpRequest, *, client_code: str) -> None:
    if client_code:
        response.set_cookie(CLIENT_CODE_COOKIE, client_code, **_cookie_options(request))
    else:
        response.delete_cookie(CLIENT_CODE_COOKIE, path="/", domain=_cookie_domain())


def set_cookies(response: HttpResponse, request: HttpRequest, *, raw: str, client_code: str | None) -> None:
    """The cookies court sites read, scoped to the courts' parent domain when one is configured."""
    for name in COOKIE_NAMES:
        response.set_cookie(name, raw, **_cookie_options(request))
    if client_code is not None:
        set_client_code_cookie(response, request, client_code=client_code)


def clear_cookies(response: HttpResponse) -> None:
    for name in (*COOKIE_NAMES, CLIENT_CODE_COOKIE):
        response.delete_cookie(name, path="/", domain=_cookie_domain())


def keep_current_after_password_change(request: HttpRequest, account: PacerAccount) -> None:
    """The session that changed the password goes on with its token; every other token has ended with the old
    password (their stamps no longer match) and is marked ended here for the record."""
    current: CsoToken | None = getattr(request, "cso_token", None)
    if current is not None:
        CsoToken.objects.filter(pk=current.pk).update(password_stamp=password_stamp(account))
    end_all(account=account, reason="password-changed", keep=current)
