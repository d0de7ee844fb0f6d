"""Throttled guessing of passwords: check before verifying, count failures, clear on success, audit lockouts.

Each attempt is counted against the target account, the client address and (on the link form) the PACER account
making it. Counting starts from what was typed, so an unknown username is throttled exactly like a real one and
the throttle tells nothing about who has an account.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.throttle import stores
from openecf.throttle.models import Scope
from openecf.throttle.policy import POLICIES, REMEMBER_ADDRESS, RENEW_REMEMBERED_AFTER
from openecf.throttle.stores import Reading


def _key(scope: str, subject: str) -> str:
    return salted_hmac("openecf.throttle", f"{scope}\x00{subject}").hexdigest()[:64]


@dataclass(frozen=True)
class Attempt:
    """One password guess: what it targets (``pacer:jattorney``, ``ecf:wied:cs5184``), from where, by whom."""

    target: str
    address: str | None
    pacer_account_id: int | None = None

    def counted(self) -> tuple[tuple[Scope, str, str], ...]:
        """(scope, key, label) of every counter this attempt touches."""
        return self._counted

    # A login's check and its success both need the keys (each an HMAC): worked out once per attempt.
    @cached_property
    def _counted(self) -> tuple[tuple[Scope, str, str], ...]:
        scopes = [(Scope.ACCOUNT, _key(Scope.ACCOUNT, self.target), self.target)]
        if self.pacer_account_id is not None:
            scopes.append(
                (Scope.PACER, _key(Scope.PACER, str(self.pacer_account_id)), f"pacer#{self.pacer_account_id}")
            )
        if self.address:
            scopes.append((Scope.ADDRESS, _key(Scope.ADDRESS, self.address), self.address))
        return tuple(scopes)

    @cached_property
    def known_key(self) -> str:
        return _key(Scope.KNOWN, f"{self.target}\x00{self.address or ''}")


def login_attempt(*, username: str, origin: Origin) -> Attempt:
    return Attempt(target=f"pacer:{username.strip().casefold()}", address=origin.ip_address)


def otp_attempt(*, account_id: int, origin: Origin) -> Attempt:
    """A one-time code typed for an account whose password was right (NIST: rate-limit OTP guesses too)."""
    return Attempt(target=f"otp:{account_id}", address=origin.ip_address)


def email_code_attempt(*, account_id: int, origin: Origin) -> Attempt:
    """A code e-mailed to prove the mailbox (adding an authenticator app): guesses across codes count together."""
    return Attempt(target=f"email-code:{account_id}", address=origin.ip_address)


def reset_attempt(*, username: str, origin: Origin) -> Attempt:
    """Forgot password?: the identifying fact and the security answer typed for a username, known or not."""
    return Attempt(target=f"reset:{username.strip().casefold()}", address=origin.ip_address)


def ecf_password_attempt(
    *, court_id: str, login_key: str, origin: Origin, pacer_account_id: int | None = None
) -> Attempt:
    """A CM/ECF password typed on the link form (by a signed-in PACER account) or at an old court login."""
    return Attempt(target=f"ecf:{court_id}:{login_key}", address=origin.ip_address, pacer_account_id=pacer_account_id)


class Throttled(Exception):
    """Too many failures: the attempt was not checked. ``until`` is None at the account's ceiling."""

    def __init__(self, until: datetime | None, at: datetime) -> None:
        self.until = until
        self.retry_after = math.ceil((until - at).total_seconds()) if until else None
        super().__init__(self.message)

    @property
    def retry(self) -> str:
        """When to try again, as the filer reads it ("" at the account's ceiling, where waiting does not help)."""
        if self.until is None:
            return ""
        minutes = max(1, math.ceil((self.retry_after or 0) / 60))
        return f"try again in {minutes} minute{'s' * (minutes != 1)} (after {self.until:%H:%M} UTC)"

    @property
    def message(self) -> str:
        if self.until is None:
            return (
                "Too many failed attempts for this account. It can still be used from a computer that has signed in "
                "to it before; otherwise contact the PACER Service Center to have it unlocked."
            )
        return f"Too many failed attempts. For your security, {self.retry}."


def check(attempt: Attempt, *, at: datetime | None = None) -> Reading:
    """Raise Throttled if any counter of this attempt is in its wait, before any password is verified.

    Returns what it read (one query, or one Redis round trip), for ``succeeded`` after the right password.
    """
    at = at or timezone.now()
    counted = attempt.counted()
    reading = stores.current().read([key for _, key, _ in counted], attempt.known_key)
    known = reading.remembered_until is not None and reading.remembered_until > at
    until: datetime | None = None
    for scope, key, _ in counted:
        counter = reading.counters.get(key)
        if counter is None:
            continue
        if scope == Scope.ACCOUNT and known:
            continue  # NIST's allowlist: where the owner signed in before, the account's lock does not apply
        if POLICIES[scope].at_ceiling(counter):
            raise Throttled(None, at)
        if counter.locked_until and counter.locked_until > at:
            until = max(until or counter.locked_until, counter.locked_until)
    if until is not None:
        raise Throttled(until, at)
    return reading


def failed(attempt: Attempt, *, origin: Origin, at: datetime | None = None) -> None:
    """Count a failed guess everywhere it counts; audit each lockout it starts (throttle.locked)."""
    at = at or timezone.now()
    store = stores.current()
    for scope, key, label in attempt.counted():
        policy = POLICIES[scope]
        before, after = store.fail(key, scope, policy, at)
        locked_now = after.locked_until is not None and after.locked_until > at
        was_locked = before.locked_until is not None and before.locked_until > at
        if (locked_now and not was_locked) or (policy.at_ceiling(after) and not policy.at_ceiling(before)):
            with transaction.atomic():
                audit.record(
                    event=Event.THROTTLE_LOCKED,
                    origin=origin,
                    username=label.removeprefix("pacer:") if label.startswith("pacer:") else "",
                    scope=scope.value,
                    subject=label,
                    failures=after.failures,
                    until=after.locked_until.isoformat() if after.locked_until else "",
                    ceiling=policy.at_ceiling(after),
                )


def succeeded(attempt: Attempt, *, at: datetime | None = None, reading: Reading | None = None) -> None:
    """The right password: the target's and the PACER account's counts start again; the address becomes known.

    The address's own count is left alone, or one valid account would let its holder guess at others. Given the
    ``reading`` of this attempt's check, only counts that hold failures are cleared and a remembered address is
    renewed at most daily, so the usual login (no failures, from where it signed in before) writes nothing here.
    """
    at = at or timezone.now()
    store = stores.current()
    for scope, key, _ in attempt.counted():
        if scope != Scope.ADDRESS and (reading is None or reading.failing(key)):
            store.clear(key)
    if not attempt.address:
        return
    until = at + REMEMBER_ADDRESS
    if reading is None or reading.remembered_until is None or reading.remembered_until < until - RENEW_REMEMBERED_AFTER:
        store.remember(attempt.known_key, until)
