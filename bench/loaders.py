"""Synthetic PACER-scale accounts for the scale benchmark: their names, and the loader of bench/load_accounts.py.

Not part of the running app: the benchmark's own code, outside the installed apps, so production never ships it.

Account ``i`` (numbered from 0) of a prefix is the PACER account ``{prefix}p{i:07d}`` and the CM/ECF account
``{prefix}e{i:07d}`` at court ``i mod number_of_courts`` of every court ordered by id, both named
``Bench Filer {i}`` with the same e-mail address, so the link form's name check matches. ``bench_pair`` gives
the three names without touching the accounts, for the benchmark harness.

Synthetic data only: hashing two million passwords with Argon2id would take hours, so a load computes ONE hash
for its PACER accounts and ONE for its CM/ECF accounts with the app's own hasher and stores it on every row. Each
still verifies like any other hash (and a login costs the same Argon2 work); only the salt is shared. The load
writes one ``bench.accounts_loaded`` audit event, not one per account.

Each PACER account is what an operator-created, upgraded individual account is (create_pacer_account): active,
e-mail verified, not held for review, not legacy, so it logs in at /login/ with no extra step and can link; it is
marked an attorney filer with a birth date, like a registered one. No related rows are made: sign-on settings
appear at first use, and without security answers a synthetic account cannot use "Forgot password?".

A load is additive: it creates the accounts ``0 .. N-1`` that do not exist yet and leaves the others alone, in
batches of one transaction each, so an interrupted load resumes where it stopped. On PostgreSQL the rows go in
with COPY and the tables are VACUUMed and ANALYZEd afterwards; elsewhere (SQLite, for tests) with bulk_create.
Every database constraint still applies.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bench.bulk_rows import BatchTable, Progress, ProgressFactory, write_batches
from openecf.accounts.models import AccountType, PacerAccount, UserType
from openecf.accounts.passwords import password_problems
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.ecf_accounts import account_problems
from openecf.cmecf.models import EcfAccount, EcfRole, login_key
from openecf.courts.models import Court

DEFAULT_PREFIX = "bench"
DEFAULT_PASSWORD = "Bench-Password-2026!"  # noqa: S105 - synthetic accounts' published password, like the demo's
DEFAULT_BATCH = 20_000
EMAIL_DOMAIN = "bench.example"
PREFIX_RULE = re.compile(r"[a-z0-9]{1,8}")
MAX_ACCOUNTS = 10_000_000  # the index has 7 digits
MAX_BATCH = 1_000_000
# new_account_number draws 1000000-9999999, so numbers with a leading zero are free for synthetic accounts:
# account i < 1,000,000 gets number i, and a registration after a big load does not collide with one.
OWN_NUMBERS = 1_000_000
ACCOUNT_NUMBERS = 10_000_000
_BIRTH_BASE = date(1950, 1, 1).toordinal()
_BIRTH_SPAN = 18_000  # about 49 years of birthdays


class LoadError(ValueError):
    """The load was asked for something it cannot do; the message says what, if anything, was written."""


class BenchPair(NamedTuple):
    pacer_username: str
    court_id: str
    ecf_login: str


def pacer_username(i: int, prefix: str = DEFAULT_PREFIX) -> str:
    return f"{prefix}p{i:07d}"


def ecf_login(i: int, prefix: str = DEFAULT_PREFIX) -> str:
    return f"{prefix}e{i:07d}"


def bench_email(i: int, prefix: str = DEFAULT_PREFIX) -> str:
    return f"{pacer_username(i, prefix)}@{EMAIL_DOMAIN}"


def bench_name(i: int) -> str:
    return f"Bench Filer {i}"


def court_ids() -> list[str]:
    """Every court of the registry in the order CM/ECF accounts are dealt out: by id."""
    return list(Court.objects.order_by("pk").values_list("pk", flat=True))


def bench_pair(i: int, prefix: str = DEFAULT_PREFIX, courts: Sequence[str] | None = None) -> BenchPair:
    """PACER username, court id and CM/ECF login of synthetic account ``i``.

    ``courts``: the result of ``court_ids()``; pass it when calling this often (or outside a database
    connection), else it is read from the database each time.
    """
    order = court_ids() if courts is None else courts
    return BenchPair(pacer_username(i, prefix), order[i % len(order)], ecf_login(i, prefix))


@dataclass
class LoadReport:
    prefix: str
    database: str
    courts: int
    pacer_total: int
    pacer_existing: int
    pacer_created: int
    ecf_total: int
    ecf_existing: int
    ecf_created: int
    hash_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return (self.pacer_created + self.ecf_created) / self.seconds if self.seconds else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "hash_seconds": round(self.hash_seconds, 3),
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows_per_second),
        }


def check_request(*, pacer: int, ecf: int, prefix: str, batch: int, password: str) -> None:
    problems = []
    if 0 < ecf <= MAX_ACCOUNTS and PREFIX_RULE.fullmatch(prefix):
        # CM/ECF's own rules for an account (cmecf.ecf_accounts), on the first row and the last: every row is the
        # same pattern with a 7-digit index, and the last has the longest name. Checking each of a million rows
        # would add seconds to a load that measures the database.
        for i in {0, ecf - 1}:
            problems += [
                f"CM/ECF account {i}: {problem.sentence}"
                for problem in account_problems(
                    login=ecf_login(i, prefix), name=bench_name(i), email=bench_email(i, prefix), role=EcfRole.ATTORNEY
                )
            ]
    for what, count in (("--pacer", pacer), ("--ecf", ecf)):
        if not 0 <= count <= MAX_ACCOUNTS:
            problems.append(f"{what} must be a number of accounts from 0 to {MAX_ACCOUNTS:,}; got {count}.")
    if not PREFIX_RULE.fullmatch(prefix):
        problems.append(f"--prefix must be 1 to 8 lower-case letters or digits; got {prefix!r}.")
    if not 1 <= batch <= MAX_BATCH:
        problems.append(f"--batch must be from 1 to {MAX_BATCH:,}; got {batch}.")
    if not password:
        problems.append("The password must not be empty.")
    else:
        # The rules a PACER password must meet, without the "nothing personal" one: the default password
        # "Bench-..." shares a word with every account's name, which is harmless for synthetic accounts.
        problems += password_problems(password)
    if problems:
        raise LoadError(" ".join([*problems, "Nothing was created."]))


def _indexes_present(keys: Iterator[str], start: str, total: int) -> bytearray:
    """One byte per index below ``total``: 1 where ``{start}{index:07d}`` is among the keys (lower-case)."""
    present = bytearray(total)
    for key in keys:
        digits = key[len(start) :]
        if key.startswith(start) and len(digits) == 7 and digits.isascii() and digits.isdigit():
            index = int(digits)
            if index < total:
                present[index] = 1
    return present


class _Numbers:
    """Deterministic, unused account numbers: i itself while it is free and below OWN_NUMBERS, else the highest
    free number below OWN_NUMBERS, then (only once those run out) the highest free number overall."""

    def __init__(self, missing: bytearray) -> None:
        self.taken = bytearray(ACCOUNT_NUMBERS)
        for number in PacerAccount.objects.values_list("account_number", flat=True).iterator(chunk_size=50_000):
            if number.isascii() and number.isdigit():
                self.taken[int(number)] = 1
        self.own = bytearray(min(len(missing), OWN_NUMBERS))
        for i in range(len(self.own)):
            if missing[i] and not self.taken[i]:
                self.own[i] = self.taken[i] = 1  # reserved for account i, so no overflow number takes it
        self.cursor = OWN_NUMBERS - 1

    def number(self, i: int) -> str:
        if i < len(self.own) and self.own[i]:
            return f"{i:07d}"
        while self.cursor >= 0 and self.taken[self.cursor]:
            self.cursor -= 1
        if self.cursor < 0:
            self.cursor = self.taken.rfind(0)
            if self.cursor < 0:
                raise LoadError("Every 7-digit PACER account number is taken; the batches before this one were kept.")
        self.taken[self.cursor] = 1
        return f"{self.cursor:07d}"


def _batches(missing: bytearray, size: int) -> Iterator[list[int]]:
    batch: list[int] = []
    start = 0
    while (i := missing.find(1, start)) >= 0:
        batch.append(i)
        start = i + 1
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _missing(present: bytearray) -> bytearray:
    return present.translate(bytes([1, 0]) + bytes(254))


def _pacer_missing(total: int, prefix: str) -> bytearray:
    start = f"{prefix}p"
    usernames = PacerAccount.objects.filter(username__istartswith=start).values_list("username", flat=True)
    return _missing(_indexes_present((name.lower() for name in usernames.iterator(chunk_size=50_000)), start, total))


def _ecf_missing(total: int, prefix: str, courts: Sequence[str]) -> bytearray:
    """Also refuses a load whose earlier accounts sit at other courts than ``i mod courts`` now says."""
    start = f"{prefix}e"
    existing = EcfAccount.objects.filter(login_key__startswith=start).values_list("login_key", "court_id")

    def keys() -> Iterator[str]:
        for key, court_id in existing.iterator(chunk_size=50_000):
            digits = key[len(start) :]
            if len(digits) == 7 and digits.isascii() and digits.isdigit() and int(digits) < total:
                expected = courts[int(digits) % len(courts)]
                if court_id != expected:
                    raise LoadError(
                        f"The CM/ECF account {key} is at court {court_id}, but account {int(digits)} now belongs at "
                        f"{expected}: the court registry changed since it was loaded. Load with another --prefix. "
                        "Nothing was created."
                    )
            yield key

    return _missing(_indexes_present(keys(), start, total))


def _write_pacer(
    missing: bytearray, *, prefix: str, password_hash: str, now: datetime, batch: int, bar: Progress | None
) -> None:
    numbers = _Numbers(missing)
    table = BatchTable(
        PacerAccount,
        {
            "password": password_hash,
            "account_type": AccountType.INDIVIDUAL,
            "user_type": UserType.ATTORNEY_FILER,
            "is_legacy": False,
            "is_active": True,
            "email_verified_at": now,
            "held_for_review": False,
            "created_at": now,
        },
        ["username", "name", "email", "account_number", "date_of_birth"],
    )

    def row(i: int) -> tuple[Any, ...]:
        return (
            pacer_username(i, prefix),
            bench_name(i),
            bench_email(i, prefix),
            numbers.number(i),
            date.fromordinal(_BIRTH_BASE + i % _BIRTH_SPAN),
        )

    write_batches(table, _batches(missing, batch), row, bar=bar)


def _write_ecf(
    missing: bytearray,
    *,
    prefix: str,
    courts: Sequence[str],
    password_hash: str,
    now: datetime,
    batch: int,
    bar: Progress | None,
) -> None:
    table = BatchTable(
        EcfAccount,
        {
            "password": password_hash,
            "role": EcfRole.ATTORNEY,
            "is_active": True,
            "created_at": now,
            "password_changed_at": now,
        },
        ["court_id", "login", "login_key", "name", "email"],
    )

    def row(i: int) -> tuple[Any, ...]:
        login = ecf_login(i, prefix)
        # login_key as EcfAccount.save computes it: bulk writes do not call save().
        return (courts[i % len(courts)], login, login_key(login), bench_name(i), bench_email(i, prefix))

    write_batches(table, _batches(missing, batch), row, bar=bar)


def load_accounts(
    *,
    pacer: int,
    ecf: int,
    prefix: str = DEFAULT_PREFIX,
    password: str = DEFAULT_PASSWORD,
    batch: int = DEFAULT_BATCH,
    origin: Origin,
    progress: ProgressFactory | None = None,
) -> LoadReport:
    """Make PACER accounts 0 .. pacer-1 and CM/ECF accounts 0 .. ecf-1 of the prefix exist. Raises LoadError."""
    check_request(pacer=pacer, ecf=ecf, prefix=prefix, batch=batch, password=password)
    began = time.perf_counter()
    courts = court_ids()
    if ecf and not courts:
        raise LoadError("There are no courts to give CM/ECF accounts to; run migrate first. Nothing was created.")
    pacer_missing = _pacer_missing(pacer, prefix)
    ecf_missing = _ecf_missing(ecf, prefix, courts) if ecf else bytearray()
    pacer_created, ecf_created = pacer_missing.count(1), ecf_missing.count(1)
    hashed = time.perf_counter()
    pacer_hash, ecf_hash = make_password(password), make_password(password)
    hash_seconds = time.perf_counter() - hashed
    now = timezone.now()
    if pacer_created:
        bar = progress("PACER accounts", pacer_created) if progress else None
        _write_pacer(pacer_missing, prefix=prefix, password_hash=pacer_hash, now=now, batch=batch, bar=bar)
    if ecf_created:
        bar = progress("CM/ECF accounts", ecf_created) if progress else None
        _write_ecf(ecf_missing, prefix=prefix, courts=courts, password_hash=ecf_hash, now=now, batch=batch, bar=bar)
    report = LoadReport(
        prefix=prefix,
        database=connection.vendor,
        courts=len(courts),
        pacer_total=pacer,
        pacer_existing=pacer - pacer_created,
        pacer_created=pacer_created,
        ecf_total=ecf,
        ecf_existing=ecf - ecf_created,
        ecf_created=ecf_created,
        hash_seconds=hash_seconds,
    )
    with transaction.atomic():
        audit.record(
            event=Event.BENCH_ACCOUNTS_LOADED,
            origin=origin,
            prefix=prefix,
            pacer_total=pacer,
            pacer_created=pacer_created,
            ecf_total=ecf,
            ecf_created=ecf_created,
            courts=len(courts),
            shared_password_hash=True,
        )
    report.seconds = time.perf_counter() - began
    return report
