"""Where the counters live, shared by every worker process: the database (default) or Redis (REDIS_URL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction

from openecf.throttle.models import Scope, ThrottleRecord
from openecf.throttle.policy import Counter, Policy


class Store(Protocol):
    def counters(self, keys: list[str]) -> dict[str, Counter]: ...

    def fail(self, key: str, scope: Scope, policy: Policy, at: datetime) -> tuple[Counter, Counter]:
        """Count one failure atomically; returns the counter before and after."""
        ...

    def clear(self, key: str) -> None: ...

    def remember(self, key: str, until: datetime) -> None: ...

    def remembered(self, key: str, at: datetime) -> bool: ...


class DatabaseStore:
    def counters(self, keys: list[str]) -> dict[str, Counter]:
        rows = ThrottleRecord.objects.filter(key__in=keys).exclude(scope=Scope.KNOWN)
        return {row.key: Counter(row.failures, row.last_failure_at, row.locked_until) for row in rows}

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
        ThrottleRecord.objects.update_or_create(key=key, defaults={"scope": Scope.KNOWN, "remembered_until": until})

    def remembered(self, key: str, at: datetime) -> bool:
        return ThrottleRecord.objects.filter(key=key, scope=Scope.KNOWN, remembered_until__gt=at).exists()


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

    def counters(self, keys: list[str]) -> dict[str, Counter]:
        pipe = self.redis.pipeline(transaction=False)
        for key in keys:
            pipe.hgetall(self._name(key))
        return {key: self._counter(raw) for key, raw in zip(keys, pipe.execute(), strict=True) if raw}

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

    def remembered(self, key: str, at: datetime) -> bool:
        return bool(self.redis.exists(self._name(key)))


@cache
def _redis_store(url: str, prefix: str) -> RedisStore:
    return RedisStore(url, prefix)


def current() -> Store:
    if settings.OPENECF_THROTTLE_STORE == "redis":
        return _redis_store(settings.REDIS_URL, settings.OPENECF_THROTTLE_REDIS_PREFIX)
    return DatabaseStore()
