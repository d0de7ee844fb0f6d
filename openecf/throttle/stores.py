"""Where the counters live, shared by every worker process: the database (default) or Redis (REDIS_URL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from openecf.throttle.models import Scope, ThrottleRecord
from openecf.throttle.policy import Counter, Policy


@dataclass(frozen=True)
class Reading:
    """What a check read, in one round trip: the counters that exist, and until when the attempt's address is
    remembered for its target (None: not remembered). A success writes only what this says needs writing."""

    counters: dict[str, Counter]
    remembered_until: datetime | None = None

    def failing(self, key: str) -> bool:
        counter = self.counters.get(key)
        return counter is not None and (counter.failures > 0 or counter.locked_until is not None)


class Store(Protocol):
    def read(self, keys: list[str], known_key: str) -> Reading:
        """The counters of ``keys`` and the remembered address ``known_key``, together."""
        ...

    def fail(self, key: str, scope: Scope, policy: Policy, at: datetime) -> tuple[Counter, Counter]:
        """Count one failure atomically; returns the counter before and after."""
        ...

    def clear(self, key: str) -> None: ...

    def remember(self, key: str, until: datetime) -> None: ...


class DatabaseStore:
    def read(self, keys: list[str], known_key: str) -> Reading:
        counters: dict[str, Counter] = {}
        remembered_until = None
        for row in ThrottleRecord.objects.filter(key__in=[*keys, known_key]):
            if row.key == known_key:
                remembered_until = row.remembered_until
            else:
                counters[row.key] = Counter(row.failures, row.last_failure_at, row.locked_until)
        return Reading(counters, remembered_until)

    def fail(self, key: str, scope: Scope, policy: Policy, at: datetime) -> tuple[Counter, Counter]:
        with transaction.atomic():
            ThrottleRecord.objects.bulk_create([ThrottleRecord(key=key, scope=scope)], ignore_conflicts=True)
            row = ThrottleRecord.objects.select_for_update().get(key=key)
            before = Counter(row.failures, row.last_failure_at, row.locked_until)
            after = policy.after_failure(before, at)
            row.failures, row.last_failure_at, row.locked_until = (
                after.failures,
                after.last_failure_at,
                after.locked_until,
            )
            row.save(update_fields=["failures", "last_failure_at", "locked_until"])
        return before, after

    def clear(self, key: str) -> None:
        ThrottleRecord.objects.filter(key=key).update(failures=0, locked_until=None)

    def remember(self, key: str, until: datetime) -> None:
        # One upsert statement, where update_or_create takes a savepoint, a read and a write.
        ThrottleRecord.objects.bulk_create(
            [ThrottleRecord(key=key, scope=Scope.KNOWN, remembered_until=until)],
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=["scope", "remembered_until"],
        )


def _stamp(moment: datetime | None) -> str:
    return repr(moment.timestamp()) if moment else ""


def _moment(raw: Any) -> datetime | None:
    text = raw.decode() if isinstance(raw, bytes) else raw
    return datetime.fromtimestamp(float(text), UTC) if text else None


class RedisStore:
    """One hash per counter; an optimistic transaction (WATCH/MULTI) makes each failure count exactly once."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return self.prefix + key

    @staticmethod
    def _counter(raw: dict[bytes, bytes]) -> Counter:
        if not raw:
            return Counter()
        return Counter(
            int(raw.get(b"failures", b"0")), _moment(raw.get(b"last", b"")), _moment(raw.get(b"locked", b""))
        )

    def read(self, keys: list[str], known_key: str) -> Reading:
        pipe = self.redis.pipeline(transaction=False)
        for key in keys:
            pipe.hgetall(self._name(key))
        pipe.ttl(self._name(known_key))  # seconds left; negative when the address is not remembered
        *raws, ttl = pipe.execute()
        counters = {key: self._counter(raw) for key, raw in zip(keys, raws, strict=True) if raw}
        return Reading(counters, timezone.now() + timedelta(seconds=ttl) if ttl > 0 else None)

    def fail(self, key: str, scope: Scope, policy: Policy, at: datetime) -> tuple[Counter, Counter]:
        name = self._name(key)
        result: list[Counter] = []

        def update(pipe: Any) -> None:
            result.clear()
            before = self._counter(pipe.hgetall(name))
            after = policy.after_failure(before, at)
            result.extend([before, after])
            pipe.multi()
            mapping = {"failures": after.failures, "last": _stamp(after.last_failure_at)}
            mapping["locked"] = _stamp(after.locked_until)
            pipe.hset(name, mapping=mapping)
            if policy.forget_after is not None:
                pipe.expire(name, int((policy.forget_after + timedelta(hours=1)).total_seconds()))

        self.redis.transaction(update, name)
        return result[0], result[1]

    def clear(self, key: str) -> None:
        self.redis.delete(self._name(key))

    def remember(self, key: str, until: datetime) -> None:
        self.redis.set(self._name(key), "1", exat=int(until.timestamp()))


@cache
def _redis_store(url: str, prefix: str) -> RedisStore:
    return RedisStore(url, prefix)


def current() -> Store:
    if settings.OPENECF_THROTTLE_STORE == "redis":
        return _redis_store(settings.REDIS_URL, settings.OPENECF_THROTTLE_REDIS_PREFIX)
    return DatabaseStore()
