"""The hash ceiling: how many Argon2 verifications per second this machine does with the app's own hasher.

Every login costs one verification (a link flow two), so no login figure can beat this; the other figures are
reported as a share of it. Measured with one process per core, as gunicorn runs one worker per core.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import get_hasher, make_password

# Keycloak's published sizing: one vCPU per 15 password logins a second, Argon2id at 7 MiB x 5 iterations.
KEYCLOAK_LOGINS_PER_VCPU = 15.0
KEYCLOAK_PARAMETERS = {"memory_kib": 7 * 1024, "iterations": 5, "parallelism": 1}


@dataclass(frozen=True)
class Ceiling:
    per_s: float
    per_core_per_s: float
    single_verify_ms: float
    processes: int
    parameters: dict[str, int]


def parameters() -> dict[str, int]:
    hasher = get_hasher("default")
    return {
        "memory_kib": int(getattr(hasher, "memory_cost", 0)),
        "iterations": int(getattr(hasher, "time_cost", 0)),
        "parallelism": int(getattr(hasher, "parallelism", 0)),
    }


def _verify_for(args: tuple[str, str, float]) -> tuple[int, float]:
    password, encoded, seconds = args
    hasher = get_hasher("default")
    count, started = 0, time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        if not hasher.verify(password, encoded):
            raise RuntimeError("the hash did not verify")
        count += 1
    return count, time.perf_counter() - started


def measure(*, seconds: float, processes: int) -> Ceiling:
    password = "Bench-Ceiling-2026!"  # noqa: S105 - a throwaway value hashed and verified in memory only
    encoded = make_password(password)
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as alone:
        single_count, single_s = alone.map(_verify_for, [(password, encoded, min(3.0, seconds))])[0]
    with context.Pool(processes) as pool:
        results = pool.map(_verify_for, [(password, encoded, seconds)] * processes)
    per_s = sum(count / elapsed for count, elapsed in results)
    return Ceiling(
        per_s=per_s,
        per_core_per_s=per_s / processes,
        single_verify_ms=single_s / single_count * 1000,
        processes=processes,
        parameters=parameters(),
    )
