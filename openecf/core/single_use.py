"""Single-use secrets sent by e-mail, links and short codes alike: one scheme for every purpose.

A secret is random and exists only in the e-mail; its table keeps a digest. Issuing one ends every unused secret of
the same holder and purpose (only the newest e-mail counts). Using one locks its row, checks it is unused and
unexpired, and marks it used, in the transaction of the change it makes: if that change fails, so does the use.
``void`` ends unused secrets in place (rows are kept, ``used_at`` set) in the transaction of the change that makes
them stale. Digests are compared in constant time.

A link's secret has 256 bits: its plain SHA-256 cannot be reversed, so links are looked up by digest (and outlive
a change of SECRET_KEY). A six-digit code would fall to brute force from a copy of the table, so its digest is
keyed with SECRET_KEY (``keyed_as``) and it is found by its holder, never by its digest.

A table for a scheme has the columns ``digest``, ``created_at``, ``expires_at`` and ``used_at``, plus whatever says
whose the secret is (an account, a purpose); ``wrong_tries`` schemes also an ``attempts`` counter.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

Row = TypeVar("Row", bound=models.Model)

# Longer than any secret we issue: anything longer is refused before it is hashed.
LONGEST_SECRET = 100


def link_secret() -> str:
    """43 URL-safe characters (256 bits), for a link."""
    return secrets.token_urlsafe(32)


def six_digits() -> str:
    """A code a person types from the e-mail."""
    return f"{secrets.randbelow(1_000_000):06d}"


def _in_transaction(what: str) -> None:
    assert transaction.get_connection().in_atomic_block, f"{what} inside the transaction of its change"


@dataclass(frozen=True)
class Scheme(Generic[Row]):
    """One kind of single-use secret: its table, how its secret is made and how it is digested."""

    model: type[Row]
    make_secret: Callable[[], str] = link_secret
    keyed_as: str = ""  # set for short codes: the digest is an HMAC under SECRET_KEY with this salt
    wrong_tries: int = 0  # for codes found by holder: this many wrong entries void the code (0: not counted)

    def digest(self, secret: str) -> str:
        if self.keyed_as:
            return salted_hmac(self.keyed_as, secret, algorithm="sha256").hexdigest()
        return hashlib.sha256(secret.encode()).hexdigest()

    def issue(
        self, *, holder: dict[str, Any], lifetime: timedelta, at: datetime | None = None, **fields: Any
    ) -> tuple[Row, str]:
        """A new secret for ``holder`` (the columns saying whose and what for); earlier unused ones stop working."""
        _in_transaction("issue a single-use secret")
        at = at or timezone.now()
        self.void(at=at, **holder)
        secret = self.make_secret()
        row = self.model._default_manager.create(
            **holder, **fields, digest=self.digest(secret), created_at=at, expires_at=at + lifetime
        )
        return row, secret

    def _live(self, at: datetime) -> models.QuerySet[Row]:
        return self.model._default_manager.filter(used_at__isnull=True, expires_at__gt=at)

    def _matches(self, row: Row | None, secret: str) -> bool:
        return row is not None and constant_time_compare(row.digest, self.digest(secret))  # type: ignore[attr-defined]

    def peek(
        self, secret: str, *, at: datetime | None = None, related: tuple[str, ...] = (), **scope: Any
    ) -> Row | None:
        """The row of a still-good link, without using it (to show the page the link opens)."""
        if not secret or len(secret) > LONGEST_SECRET:
            return None
        rows = self._live(at or timezone.now()).filter(**scope, digest=self.digest(secret))
        row = rows.select_related(*related).first()
        return row if self._matches(row, secret) else None

    def use(
        self, secret: str, *, at: datetime | None = None, related: tuple[str, ...] = (), **scope: Any
    ) -> Row | None:
        """Take a link for good: its row locked, checked and marked used; None when unknown, used or expired."""
        _in_transaction("use a single-use secret")
        at = at or timezone.now()
        if not secret or len(secret) > LONGEST_SECRET:
            return None
        rows = self.model._default_manager.select_for_update().filter(**scope, digest=self.digest(secret))
        row = rows.select_related(*related).first()
        if not self._matches(row, secret) or row.used_at is not None or row.expires_at <= at:  # type: ignore[union-attr]
            return None
        return self._mark_used(row, at)  # type: ignore[arg-type]

    def use_code(self, code: str, *, holder: dict[str, Any], at: datetime | None = None) -> tuple[Row | None, bool]:
        """Take the holder's newest live code if ``code`` is it. Returns (the row if taken, whether a live code
        existed). A wrong entry counts against the live code; ``wrong_tries`` of them void it."""
        _in_transaction("use a single-use code")
        at = at or timezone.now()
        live = self._live(at).filter(**holder)
        if self.wrong_tries:
            live = live.filter(attempts__lt=self.wrong_tries)
        row = live.select_for_update().order_by("-created_at").first()
        if row is None:
            return None, False
        if len(code) <= LONGEST_SECRET and self._matches(row, code):
            return self._mark_used(row, at), True
        if self.wrong_tries:
            self.model._default_manager.filter(pk=row.pk).update(attempts=F("attempts") + 1)
        return None, True

    def _mark_used(self, row: Row, at: datetime) -> Row:
        row.used_at = at  # type: ignore[attr-defined]
        row.save(update_fields=["used_at"])
        return row

    def void(self, *, at: datetime | None = None, **holder: Any) -> int:
        """Every unused secret of ``holder`` (e.g. account and purpose__in) stops working; returns how many."""
        _in_transaction("void single-use secrets")
        return self.model._default_manager.filter(**holder, used_at__isnull=True).update(used_at=at or timezone.now())
