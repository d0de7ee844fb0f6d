"""How many failures each scope allows, how the wait grows, and when an account stops taking guesses.

The numbers and why (NIST SP 800-63B-4 §3.2.2, at most 100 consecutive failures per account) are in
docs/security.md. Every wait is finite: only the per-account ceiling stops guesses for longer, and then only from
addresses that never signed in to that account (NIST's own suggestion to keep the owner in).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from openecf.throttle.models import Scope


@dataclass(frozen=True)
class Counter:
    failures: int = 0
    last_failure_at: datetime | None = None
    locked_until: datetime | None = None


@dataclass(frozen=True)
class Policy:
    free: int  # failures allowed before any wait
    first_wait: timedelta  # the wait after the first failure beyond the free ones; doubles with each further one
    longest_wait: timedelta
    ceiling: int | None = None  # consecutive failures after which unknown addresses are turned away
    forget_after: timedelta | None = None  # a quiet spell that clears the count (None: only a success clears it)

    def wait(self, failures: int) -> timedelta | None:
        if failures <= self.free:
            return None
        return min(self.first_wait * 2 ** min(failures - self.free - 1, 30), self.longest_wait)

    def after_failure(self, counter: Counter, at: datetime) -> Counter:
        failures = counter.failures
        if self.forget_after and counter.last_failure_at and at - counter.last_failure_at > self.forget_after:
            failures = 0
        failures += 1
        locked_until = counter.locked_until
        wait = self.wait(failures)
        if wait is not None and (locked_until is None or at + wait > locked_until):
            locked_until = at + wait
        return replace(counter, failures=failures, last_failure_at=at, locked_until=locked_until)

    def at_ceiling(self, counter: Counter) -> bool:
        return self.ceiling is not None and counter.failures >= self.ceiling


ACCOUNT_POLICY = Policy(
    free=5, first_wait=timedelta(seconds=30), longest_wait=timedelta(minutes=15), ceiling=100, forget_after=None
)
POLICIES = {
    Scope.ACCOUNT: ACCOUNT_POLICY,
    Scope.PACER: ACCOUNT_POLICY,
    # Many people can share an address (an office, a carrier's NAT): more room, and it forgets after a quiet day.
    Scope.ADDRESS: Policy(
        free=20, first_wait=timedelta(seconds=30), longest_wait=timedelta(minutes=15), forget_after=timedelta(days=1)
    ),
}
# How long an address that signed in to an account stays trusted past that account's ceiling.
REMEMBER_ADDRESS = timedelta(days=180)
# A sign-in from a remembered address renews it only when it was last renewed longer ago than this: the 180 days
# hardly move, and the usual login writes nothing here.
RENEW_REMEMBERED_AFTER = timedelta(days=1)
