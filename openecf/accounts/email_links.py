"""The account's e-mailed links (verify a new address, reset a forgotten password, confirm a new address).

Single-use secrets on the one scheme (openecf/core/single_use.py), kept in AccountToken. A new password voids
every pending reset and new-address link (``void``, in the password's transaction), a new address every pending
reset link. Why not Django's stateless PasswordResetTokenGenerator: docs/decisions.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse

from openecf.accounts.models import AccountToken, PacerAccount, TokenPurpose
from openecf.core.single_use import Scheme

LIFETIME = {
    TokenPurpose.VERIFY_EMAIL: timedelta(hours=48),
    TokenPurpose.RESET_PASSWORD: timedelta(hours=1),
    TokenPurpose.CHANGE_EMAIL: timedelta(hours=24),
}

LINKS: Scheme[AccountToken] = Scheme(AccountToken)

# A new password (reset, change, upgrade) ends these: a reset link or an e-mail change asked for under the old
# password must not outlive it.
STALE_AFTER_PASSWORD = [TokenPurpose.RESET_PASSWORD, TokenPurpose.CHANGE_EMAIL]


def url(link_base: str, name: str, secret: str) -> str:
    """The link the e-mail carries: the site the request came to, the page, the secret."""
    return link_base.rstrip("/") + reverse(name, args=[secret])


def lifetime_hours(purpose: TokenPurpose) -> int:
    return int(LIFETIME[purpose].total_seconds() // 3600)


def issue(*, account: PacerAccount, purpose: TokenPurpose, email: str, at: datetime | None = None) -> str:
    """A new link secret; any earlier unused link of the same purpose stops working. Call inside a transaction."""
    _, secret = LINKS.issue(
        holder={"account": account, "purpose": purpose}, lifetime=LIFETIME[purpose], at=at, email=email
    )
    return secret


def void(*, account: PacerAccount, purposes: list[TokenPurpose], at: datetime | None = None) -> int:
    """Every unused link of these purposes stops working; returns how many. Call inside the transaction of the change
    that makes them stale (a new password ends reset and new-address links; a new address ends reset links)."""
    return LINKS.void(at=at, account=account, purpose__in=purposes)


def peek(secret: str, purpose: TokenPurpose, at: datetime | None = None) -> AccountToken | None:
    """The token if it is still good, without using it (for showing the page a link opens)."""
    return LINKS.peek(secret, at=at, related=("account",), purpose=purpose)


def use(secret: str, purpose: TokenPurpose, at: datetime | None = None) -> AccountToken | None:
    """Take the token for good: locked, checked, marked used. Must run inside the transaction of its change."""
    return LINKS.use(secret, at=at, related=("account",), purpose=purpose)
