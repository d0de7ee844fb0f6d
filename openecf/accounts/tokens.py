"""Single-use, expiring links sent by e-mail (verification, password reset, new address).

The secret is random and shown only in the e-mail; the database keeps its SHA-256 digest. A link is used at most
once because using it sets ``used_at`` on a row locked for the purpose, in the transaction of the change it
makes. A new password voids every pending reset and new-address link (``void``, in the password's transaction), a
new address every pending reset link. Why not Django's stateless PasswordResetTokenGenerator: docs/decisions.md.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from openecf.accounts.models import AccountToken, PacerAccount, TokenPurpose

LIFETIME = {
    TokenPurpose.VERIFY_EMAIL: timedelta(hours=48),
    TokenPurpose.RESET_PASSWORD: timedelta(hours=1),
    TokenPurpose.CHANGE_EMAIL: timedelta(hours=24),
}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def lifetime_text(purpose: TokenPurpose) -> str:
    hours = int(LIFETIME[purpose].total_seconds() // 3600)
    return "1 hour" if hours == 1 else f"{hours} hours"


def issue(*, account: PacerAccount, purpose: TokenPurpose, email: str, at: datetime | None = None) -> str:
    """A new link secret; any earlier unused link of the same purpose stops working. Call inside a transaction."""
    at = at or timezone.now()
    AccountToken.objects.filter(account=account, purpose=purpose, used_at__isnull=True).update(used_at=at)
    secret = secrets.token_urlsafe(32)
    AccountToken.objects.create(
        account=account,
        purpose=purpose,
        digest=_digest(secret),
        email=email,
        created_at=at,
        expires_at=at + LIFETIME[purpose],
    )
    return secret


def void(*, account: PacerAccount, purposes: list[TokenPurpose], at: datetime | None = None) -> int:
    """Every unused link of these purposes stops working; returns how many. Call inside the transaction of the change
    that makes them stale (a new password ends reset and new-address links; a new address ends reset links)."""
    assert transaction.get_connection().in_atomic_block, "void links inside the transaction of their change"
    at = at or timezone.now()
    return AccountToken.objects.filter(account=account, purpose__in=purposes, used_at__isnull=True).update(used_at=at)


# A new password (reset, change, upgrade) ends these: a reset link or an e-mail change asked for under the old
# password must not outlive it.
STALE_AFTER_PASSWORD = [TokenPurpose.RESET_PASSWORD, TokenPurpose.CHANGE_EMAIL]


def peek(secret: str, purpose: TokenPurpose, at: datetime | None = None) -> AccountToken | None:
    """The token if it is still good, without using it (for showing the page a link opens)."""
    at = at or timezone.now()
    if not secret or len(secret) > 100:
        return None
    return (
        AccountToken.objects.select_related("account")
        .filter(digest=_digest(secret), purpose=purpose, used_at__isnull=True, expires_at__gt=at)
        .first()
    )


def use(secret: str, purpose: TokenPurpose, at: datetime | None = None) -> AccountToken | None:
    """Take the token for good: locked, checked, marked used. Must run inside the transaction of its change."""
    assert transaction.get_connection().in_atomic_block, "use a token inside the transaction of its change"
    at = at or timezone.now()
    if not secret or len(secret) > 100:
        return None
    token = (
        AccountToken.objects.select_for_update()
        .select_related("account")
        .filter(digest=_digest(secret), purpose=purpose)
        .first()
    )
    if token is None or token.used_at is not None or token.expires_at <= at:
        return None
    token.used_at = at
    token.save(update_fields=["used_at"])
    return token
