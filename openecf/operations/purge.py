"""Delete what can never be used again, so the tables a login writes stop growing with every login.

Each kind below is a record that is void for good: nothing in the code base reads it once it is void, and no
later moment makes it usable again (an ended token stays ended, an expired link stays expired). Deleting it
changes nothing a user can notice. Audit events are never touched here: they are the record, kept for ever.

Work goes in rounds: each round deletes at most ``batch_size`` rows of each kind in one short transaction, with one
audit event saying how many of each, so no round holds locks for long and several workers can purge at once (a
row deleted by one is simply not found by the other; the count says what this one deleted).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from openecf.accounts.models import AccountToken
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.ecfpasswords.models import PasswordReset
from openecf.mfa.models import EmailCode
from openecf.mfa.services import EMAIL_CODE_MAX_ATTEMPTS
from openecf.signon.models import CsoToken
from openecf.throttle.models import Scope, ThrottleRecord
from openecf.throttle.policy import POLICIES

WORKER = Origin(ip_address=None, user_agent="run_worker")


def _sessions(at: datetime) -> QuerySet[Session]:
    return Session.objects.filter(expire_date__lt=at)


def _sign_on_tokens(at: datetime) -> QuerySet[CsoToken]:
    """Ended by logout or a password change, past the maximum login time, or idle past the idle timeout (a token's
    last use is only recorded while it is usable, so an idle one never comes back)."""
    idle = timedelta(seconds=settings.OPENECF_CSO_TOKEN_IDLE_SECONDS)
    return CsoToken.objects.filter(Q(ended_at__isnull=False) | Q(expires_at__lte=at) | Q(last_used_at__lte=at - idle))


def _account_links(at: datetime) -> QuerySet[AccountToken]:
    """E-mailed links (verify an address, reset a PACER password, confirm a new address): used, replaced or expired."""
    return AccountToken.objects.filter(Q(used_at__isnull=False) | Q(expires_at__lte=at))


def _ecf_reset_links(at: datetime) -> QuerySet[PasswordReset]:
    return PasswordReset.objects.filter(Q(used_at__isnull=False) | Q(expires_at__lte=at))


def _email_codes(at: datetime) -> QuerySet[EmailCode]:
    return EmailCode.objects.filter(
        Q(used_at__isnull=False) | Q(expires_at__lte=at) | Q(attempts__gte=EMAIL_CODE_MAX_ATTEMPTS)
    )


def _throttle_records(at: datetime) -> QuerySet[ThrottleRecord]:
    """Counters that say nothing any more, so that deleting one is the same as keeping it.

    - a remembered address whose time is up;
    - a count with no failures (a success cleared it) and no wait running;
    - a count whose scope forgets after a quiet spell (the client address, a day), quiet that long, no wait running.

    A per-account count with failures is kept however old: only a success clears it (NIST's 100 consecutive failures
    ceiling counts across any length of time). In Redis the same counters expire by themselves (TTL).
    """
    not_waiting = Q(locked_until__isnull=True) | Q(locked_until__lte=at)
    stale = Q(scope=Scope.KNOWN) & (Q(remembered_until__isnull=True) | Q(remembered_until__lte=at))
    stale |= ~Q(scope=Scope.KNOWN) & Q(failures=0) & not_waiting
    for scope, policy in POLICIES.items():
        if policy.forget_after is not None:
            stale |= Q(scope=scope, last_failure_at__lte=at - policy.forget_after) & not_waiting
    return ThrottleRecord.objects.filter(stale)


# What the purge deletes, by the name it reports.
KINDS: dict[str, Callable[[datetime], QuerySet[Any]]] = {
    "sessions": _sessions,
    "sign_on_tokens": _sign_on_tokens,
    "account_links": _account_links,
    "ecf_reset_links": _ecf_reset_links,
    "email_codes": _email_codes,
    "throttle_records": _throttle_records,
}


def _delete_batch(queryset: QuerySet[Any], batch_size: int, after: Any) -> tuple[int, Any, bool]:
    """The next ``batch_size`` void rows in primary key order after ``after``: how many this call deleted (another
    worker may have taken some), the last key, and whether there may be more (a whole batch was found).

    Walking the primary key (an index) from where the last batch stopped reads each row once over the whole purge,
    where "the first N void rows" would scan again, each round, past the rows already deleted and not yet vacuumed.
    """
    if after is not None:
        queryset = queryset.filter(pk__gt=after)
    keys = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
    if not keys:
        return 0, after, False
    deleted, _ = queryset.model._default_manager.filter(pk__in=keys).delete()
    return deleted, keys[-1], len(keys) == batch_size


def purge_round(*, at: datetime, batch_size: int, after: dict[str, Any]) -> tuple[dict[str, int], bool]:
    """One short transaction: up to ``batch_size`` rows of each kind, audited together when anything went.

    ``after``: where each kind's previous round stopped (its last primary key), moved on here. Returns the counts
    and whether any kind may have more."""
    counts, more = {}, False
    with transaction.atomic():
        for name, select in KINDS.items():
            counts[name], after[name], full = _delete_batch(select(at), batch_size, after.get(name))
            more = more or full
        if any(counts.values()):
            audit.record(event=Event.RECORDS_PURGED, origin=WORKER, deleted=counts)
    return counts, more


def purge_expired(
    *, batch_size: int = 1000, at: datetime | None = None, max_rounds: int | None = None
) -> dict[str, int]:
    """Delete every void record, round after round until a round finds nothing; returns how many of each kind.

    ``max_rounds`` stops early (the worker's bound on one turn; the rest waits for its next turn).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    at = at or timezone.now()
    totals = dict.fromkeys(KINDS, 0)
    after: dict[str, Any] = {}
    rounds = 0
    while max_rounds is None or rounds < max_rounds:
        counts, more = purge_round(at=at, batch_size=batch_size, after=after)
        rounds += 1
        for name, count in counts.items():
            totals[name] += count
        if not more:
            break
    return totals
