"""What the purge does to table size (`make bench`, PostgreSQL leg): rows before and after, size period after period.

After the login runs, the tables a login writes hold the run's live sessions and tokens. Void rows are added to
them in bulk, as weeks of logins would leave behind: sessions past their expiry, sign-on tokens ended by logout,
throttle counters cleared by a success. Then ``purge_expired`` (what run_worker runs every 5 minutes) and a
plain VACUUM (what autovacuum does). PostgreSQL keeps the file's size after a DELETE but reuses the freed space,
so the figures that matter are the peaks of several periods: each adds the same void rows again, and with the
purge the peaks level off where without it each period would add as much again.
"""

from __future__ import annotations

import time
from typing import Any

VOID_SESSIONS = 50_000
VOID_TOKENS = 50_000
VOID_THROTTLE = 25_000
PERIODS = 3


def _tables() -> dict[str, str]:
    from django.contrib.sessions.models import Session

    from openecf.accounts.models import PacerAccount
    from openecf.signon.models import CsoToken
    from openecf.throttle.models import ThrottleRecord

    return {
        "sessions": Session._meta.db_table,
        "sign_on_tokens": CsoToken._meta.db_table,
        "throttle_records": ThrottleRecord._meta.db_table,
        "accounts": PacerAccount._meta.db_table,  # the tokens' owner, not measured
    }


def _add_void_rows(period: int) -> None:
    """Void rows of each kind, with keys of their own for each period (so a second load does not collide)."""
    from django.db import connection

    tables = _tables()
    tag = f"void{period}-"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {tables['sessions']} (session_key, session_data, expire_date) "  # noqa: S608 - our tables
            "SELECT left(md5(%s || g), 32), repeat('x', 200), now() - interval '1 day' "
            "FROM generate_series(1, %s) g",
            [tag, VOID_SESSIONS],
        )
        cursor.execute(
            f"INSERT INTO {tables['sign_on_tokens']} (digest, account_id, origin, client_code, mfa_method, "  # noqa: S608
            "password_stamp, created_at, expires_at, last_used_at, ended_at, ended_reason) "
            f"SELECT md5(%s || g) || md5('t' || %s || g), (SELECT min(id) FROM {tables['accounts']}), 'api', '', '', "
            "md5('stamp'), now() - interval '2 days', now() - interval '1 day', now() - interval '2 days', "
            "now() - interval '2 days', 'logout' FROM generate_series(1, %s) g",
            [tag, tag, VOID_TOKENS],
        )
        cursor.execute(
            f"INSERT INTO {tables['throttle_records']} (key, scope, failures, last_failure_at) "  # noqa: S608
            "SELECT md5(%s || g) || md5('k' || %s || g), 'account', 0, now() - interval '2 days' "
            "FROM generate_series(1, %s) g",
            [tag, tag, VOID_THROTTLE],
        )


def _sizes() -> dict[str, dict[str, float]]:
    from django.db import connection

    found = {}
    with connection.cursor() as cursor:
        for kind, table in _tables().items():
            if kind == "accounts":
                continue
            cursor.execute(f"SELECT count(*), pg_total_relation_size(%s) FROM {table}", [table])  # noqa: S608
            rows, size = cursor.fetchone()
            found[kind] = {"rows": rows, "mb": size / 2**20}
    return found


def _vacuum() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in _tables().values():
            cursor.execute(f"VACUUM (ANALYZE) {table}")  # outside a transaction: Django's autocommit


def measure() -> dict[str, Any]:
    """Run on the PostgreSQL leg's database (Django set up on it), after the runs that filled it.

    PERIODS times: void rows added, sizes measured at that peak, then the purge and a VACUUM. Without the purge each
    period would add the first period's growth again; with it the peaks level off (freed pages are reused).
    """
    from openecf.operations.purge import purge_expired

    peaks: list[dict[str, dict[str, float]]] = []
    after: dict[str, dict[str, float]] = {}
    deleted: dict[str, int] = {}
    seconds = 0.0
    for period in range(1, PERIODS + 1):
        _add_void_rows(period)
        _vacuum()  # statistics and visibility as autovacuum would leave them: the purge's plans are the real ones
        peaks.append(_sizes())
        started = time.monotonic()
        purged = purge_expired()
        if period == 1:
            deleted, seconds = purged, time.monotonic() - started
        _vacuum()
        after = _sizes()
    return {
        "void_rows_added_per_period": {
            "sessions": VOID_SESSIONS,
            "sign_on_tokens": VOID_TOKENS,
            "throttle_records": VOID_THROTTLE,
        },
        "periods": PERIODS,
        "deleted": deleted,
        "purge_seconds": seconds,
        "rows_per_s": sum(deleted.values()) / seconds if seconds else 0.0,
        "tables": {
            kind: {
                "rows_before": peaks[0][kind]["rows"],
                "rows_after": after[kind]["rows"],
                "mb_at_each_peak": [peak[kind]["mb"] for peak in peaks],
            }
            for kind in after
        },
    }


def rows(figures: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Lines for bench/run.py's table: per table, rows before -> after the purge, and MB at each period's peak."""
    lines = [
        (
            "purge: rows deleted per s",
            f"{figures['rows_per_s']:.0f}",
            f"{sum(figures['deleted'].values()):,} in {figures['purge_seconds']:.1f} s",
            "",
        )
    ]
    for kind, table in figures["tables"].items():
        lines.append(
            (
                f"  {kind}: rows purged, MB at {figures['periods']} peaks",
                f"{table['rows_before']:,} -> {table['rows_after']:,}",
                " / ".join(f"{mb:.0f}" for mb in table["mb_at_each_peak"]) + " MB",
                "",
            )
        )
    return lines
