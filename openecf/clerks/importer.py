"""Bulk import of a court's legacy CM/ECF accounts from CSV (import_ecf_accounts, and upload in the desk).

The file has a header row with the columns ``login``, ``name``, ``email``, ``role`` and either ``password`` (plain
text, hashed here with Argon2id) or ``password_hash`` (exported from the old system; formats in ``normalise_hash``).
Bad rows (a value that would not fit its column included, the login's normalised key too) are skipped and reported
by line before anything is written; good rows are kept. A login the court already has is left exactly as it is (a
clerk may have reset or deactivated it since), so running the same file again changes nothing. A row is checked
with cmecf's own rules for an account (``cmecf.ecf_accounts``, the desk's too) and this file's for the password
columns. cmecf writes the accounts in batches with one ``ecf_account.created`` audit event per account, all in
one transaction with the import's ``ecf_accounts.imported`` event: an import that fails part way leaves nothing
behind.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.hashers import identify_hasher, make_password
from django.db import transaction

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.ecf_accounts import account_problems, create_ecf_accounts, new_account
from openecf.cmecf.models import PASSWORD_MAX_LENGTH, EcfAccount, EcfRole, login_key
from openecf.courts.models import Court

REQUIRED_COLUMNS = ("login", "name", "email", "role")
BATCH_SIZE = 1000
# Django's hashers that may verify an imported hash (all listed in PASSWORD_HASHERS); each is replaced by
# Argon2id at the account's first successful use.
ACCEPTED_ALGORITHMS = ("argon2", "bcrypt_sha256", "bcrypt", "pbkdf2_sha256", "pbkdf2_sha1", "scrypt")
ROLE_ALIASES = {
    "attorney": EcfRole.ATTORNEY,
    "attorney filer": EcfRole.ATTORNEY,
    "nonattorney": EcfRole.NONATTORNEY,
    "non-attorney": EcfRole.NONATTORNEY,
    "non-attorney filer": EcfRole.NONATTORNEY,
    "viewer": EcfRole.VIEWER,
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (no header, missing columns, not UTF-8): nothing was imported."""


@dataclass(frozen=True)
class RowError:
    line: int
    login: str
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    existing: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def summary(self) -> str:
        verb = "would be created" if self.dry_run else "created"
        return (
            f"{self.rows} row(s): {self.created} account(s) {verb}, {self.existing} already at the court "
            f"(left unchanged), {len(self.errors)} row(s) with errors skipped."
        )


def normalise_hash(value: str) -> str | None:
    """The stored form of an exported hash, or None when it is not one OpenECF can verify.

    Accepted: Django's ``algorithm$...`` hashes of the algorithms in ACCEPTED_ALGORITHMS (for example
    ``pbkdf2_sha256$870000$salt$hash``, ``bcrypt_sha256$$2b$12$...``, ``argon2$argon2id$v=19$...``), and the
    bare modular-crypt forms most other systems export: bcrypt ``$2a$``/``$2b$``/``$2y$...`` and Argon2
    ``$argon2id$...``/``$argon2i$...``.
    """
    value = value.strip()
    if value.startswith(("$2a$", "$2b$", "$2y$")):
        value = "bcrypt$" + value
    elif value.startswith("$argon2"):
        value = "argon2" + value
    try:
        hasher = identify_hasher(value)
        if hasher.algorithm not in ACCEPTED_ALGORITHMS:
            return None
        hasher.decode(value)
    except Exception:  # identify_hasher and decode raise ValueError, IndexError... on anything malformed
        return None
    return value


def _role(raw: str) -> str | None:
    return ROLE_ALIASES.get(" ".join(raw.strip().lower().split()))


def _check_header(fieldnames: Sequence[str] | None) -> list[str]:
    if not fieldnames:
        raise ImportFileError("The file is empty: it needs a header row (login,name,email,role,password).")
    columns = [name.strip().lower() for name in fieldnames]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if "password" not in columns and "password_hash" not in columns:
        missing.append("password or password_hash")
    if missing:
        raise ImportFileError(
            f"The header row lacks the column(s) {', '.join(missing)}. Found: {', '.join(columns) or 'nothing'}."
        )
    duplicates = sorted({name for name in columns if columns.count(name) > 1})
    if duplicates:
        raise ImportFileError(f"The header row names {', '.join(duplicates)} more than once.")
    return columns


def _row_account(court: Court, row: dict[str, str], *, hash_passwords: bool) -> tuple[EcfAccount | None, list[str]]:
    login = (row.get("login") or "").strip()
    name = " ".join((row.get("name") or "").split())
    email = (row.get("email") or "").strip()
    role = _role(row.get("role") or "") or (row.get("role") or "")
    password = row.get("password") or ""
    password_hash = (row.get("password_hash") or "").strip()
    # The account's own rules are cmecf's (the same as the desk's); the password columns are this file's.
    problems = [problem.phrase for problem in account_problems(login=login, name=name, email=email, role=role)]
    stored = ""
    if password and password_hash:
        problems.append("give either password or password_hash, not both")
    elif password_hash:
        stored = normalise_hash(password_hash) or ""
        if not stored:
            problems.append(f"the password_hash is not in a supported format ({', '.join(ACCEPTED_ALGORITHMS)})")
        elif len(stored) > PASSWORD_MAX_LENGTH:
            problems.append(f"the password_hash is longer than {PASSWORD_MAX_LENGTH} characters")
    elif not password:
        problems.append("the password (or password_hash) is empty")
    if problems:
        return None, problems
    if password:
        # Argon2id, ~25 ms a row on a small server: the honest cost of a plain-text export.
        stored = make_password(password) if hash_passwords else "!dry-run"
    return new_account(court=court, login=login, name=name, email=email, role=role, password_hash=stored), []


def import_accounts(
    *,
    court: Court,
    lines: Iterable[str],
    origin: Origin,
    actor: PacerAccount | None = None,
    source: str = "",
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Read the CSV lines and create the new accounts. Raises ImportFileError when the file cannot be read.

    Every row is checked (and its plain-text password hashed) before anything is written; then the accounts, their
    events and the import's event are written in one transaction, so the import is whole or absent.
    """
    reader = csv.DictReader(lines)
    try:
        columns = _check_header(reader.fieldnames)
    except UnicodeDecodeError:
        raise ImportFileError("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again.") from None
    reader.fieldnames = columns
    known = set(EcfAccount.objects.filter(court=court).values_list("login_key", flat=True))
    first_line: dict[str, int] = {}
    report = ImportReport(dry_run=dry_run)
    accounts: list[EcfAccount] = []
    try:
        for row in reader:
            report.rows += 1
            line = reader.line_num
            if None in row:  # more fields than the header names
                report.errors.append(RowError(line, (row.get("login") or "").strip(), "more fields than the header"))
            else:
                _take(court, row, line, known, first_line, report, accounts, dry_run=dry_run)
            if progress is not None:
                progress(1)
    except UnicodeDecodeError:
        raise ImportFileError(
            f"The file is not UTF-8 text (after row {report.rows}). Save it as CSV (UTF-8) and try again; "
            "nothing was imported."
        ) from None
    except csv.Error as error:
        raise ImportFileError(
            f"The CSV cannot be read after row {report.rows}: {error}. Nothing was imported."
        ) from None
    if dry_run:
        return report
    with transaction.atomic():
        for start in range(0, len(accounts), batch_size):
            created, taken = create_ecf_accounts(
                accounts[start : start + batch_size], origin=origin, actor=actor, via="import", source=source
            )
            report.created += created
            report.existing += taken  # a login the court got while the file was read: left as it is
        audit.record(
            event=Event.ECF_ACCOUNTS_IMPORTED,
            origin=origin,
            actor=actor,
            court=court,
            source=source,
            rows=report.rows,
            created=report.created,
            existing=report.existing,
            errors=len(report.errors),
        )
    return report


def _take(
    court: Court,
    row: dict[str, str],
    line: int,
    known: set[str],
    first_line: dict[str, int],
    report: ImportReport,
    accounts: list[EcfAccount],
    *,
    dry_run: bool,
) -> None:
    login = (row.get("login") or "").strip()
    key = login_key(login)
    if key and key in first_line:
        report.errors.append(RowError(line, login, f"the login repeats line {first_line[key]} (logins ignore case)"))
        return
    if key and key in known:
        first_line[key] = line
        report.existing += 1
        return
    account, problems = _row_account(court, row, hash_passwords=not dry_run)
    if account is None:
        report.errors.append(RowError(line, login, "; ".join(problems)))
        return
    first_line[key] = line
    if dry_run:
        report.created += 1
    else:
        accounts.append(account)
