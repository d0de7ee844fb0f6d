"""Creating court-issued CM/ECF accounts: the one validator, and the one writer for each way an account is made.

Every way in goes through here: the clerk's desk and ``add_ecf_account`` (one account with a password), the CSV
import (many, with exported hashes), e-file registration (``linking.create_linked_account``: no password), the demo
and the benchmark loader. ``account_problems`` is the one set of rules; it words each problem twice, as a sentence
for a form or a command and as a phrase for a line of an import report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.models import EMAIL_MAX_LENGTH, LOGIN_MAX_LENGTH, NAME_MAX_LENGTH, EcfAccount, EcfRole, login_key
from openecf.courts.models import Court


@dataclass(frozen=True)
class AccountProblem:
    sentence: str  # for a form or a command: "The name must be at most 200 characters."
    phrase: str  # for a line of an import report: "the name is longer than 200 characters"


class InvalidAccount(ValidationError):
    """The values cannot make a CM/ECF account; ``problems`` lists every reason, ``messages`` their sentences."""

    def __init__(self, problems: Sequence[AccountProblem]) -> None:
        super().__init__([problem.sentence for problem in problems])
        self.problems = list(problems)


def account_problems(*, login: str, name: str, email: str, role: str) -> list[AccountProblem]:
    """Everything wrong with these values for a CM/ECF account (none: it can be made), widths included.

    PostgreSQL refuses a value longer than its column (SQLite would store it), so the widths are checked here, the
    login's normalised key too: NFKC and case folding can make it longer than the login (ß becomes ss).
    """
    problems = []
    key, login, name = login_key(login), login.strip(), name.strip()
    too_long_login = f"The CM/ECF login must be at most {LOGIN_MAX_LENGTH} characters, also once case-folded."
    if not key:
        problems.append(AccountProblem("The CM/ECF login must not be empty.", "the login is empty"))
    elif len(login) > LOGIN_MAX_LENGTH:
        problems.append(AccountProblem(too_long_login, f"the login is longer than {LOGIN_MAX_LENGTH} characters"))
    elif len(key) > LOGIN_MAX_LENGTH:
        phrase = f"the login is longer than {LOGIN_MAX_LENGTH} characters once case-folded ({len(key)})"
        problems.append(AccountProblem(too_long_login, phrase))
    if not name:
        problems.append(AccountProblem("The name must not be empty.", "the name is empty"))
    elif len(name) > NAME_MAX_LENGTH:
        problems.append(
            AccountProblem(
                f"The name must be at most {NAME_MAX_LENGTH} characters.",
                f"the name is longer than {NAME_MAX_LENGTH} characters",
            )
        )
    if len(email.strip()) > EMAIL_MAX_LENGTH:
        problems.append(
            AccountProblem(
                f"The e-mail address must be at most {EMAIL_MAX_LENGTH} characters.",
                f"the e-mail address is longer than {EMAIL_MAX_LENGTH} characters",
            )
        )
    else:
        try:
            validate_email(email.strip())
        except ValidationError:
            problems.append(
                AccountProblem(f"{email!r} is not a valid e-mail address.", f"{email!r} is not a valid e-mail address")
            )
    if role not in EcfRole.values:
        problems.append(
            AccountProblem(
                f"The role must be one of {', '.join(EcfRole.values)}; got {role!r}.",
                f"the role {role!r} is not one of {', '.join(EcfRole.values)}",
            )
        )
    return problems


def new_account(
    *, court: Court, login: str, name: str, email: str, role: str, password_hash: str, active: bool = True
) -> EcfAccount:
    """An unsaved account with these values, trimmed; raises InvalidAccount listing every problem."""
    problems = account_problems(login=login, name=name, email=email, role=role)
    if problems:
        raise InvalidAccount(problems)
    now = timezone.now()
    return EcfAccount(
        court=court,
        login=login.strip(),
        login_key=login_key(login),  # as save() would set it: bulk writes do not call save()
        name=name.strip(),
        email=email.strip(),
        role=role,
        password=password_hash,
        is_active=active,
        created_at=now,
        password_changed_at=now,
    )


def _taken(court: Court, login: str) -> str:
    return f"The court {court.id} already has a CM/ECF login {login.strip()!r}"


def create_ecf_account(
    *,
    court: Court,
    login: str,
    name: str,
    email: str,
    password: str,
    role: str = EcfRole.ATTORNEY,
    active: bool = True,
    origin: Origin,
    actor: PacerAccount | None = None,
) -> EcfAccount:
    """Create a court-issued CM/ECF account. Raises ValidationError listing every problem, writing nothing.

    ``actor``: the clerk who created it, when one did (the command line and the demo have none).
    """
    sentences = [problem.sentence for problem in account_problems(login=login, name=name, email=email, role=role)]
    if not password:
        sentences.append("The password must not be empty.")
    key = login_key(login)
    if key and EcfAccount.objects.filter(court=court, login_key=key).exists():
        sentences.append(f"{_taken(court, login)} (logins ignore case).")
    if sentences:
        raise ValidationError(sentences)
    account = new_account(
        court=court,
        login=login,
        name=name,
        email=email,
        role=role,
        password_hash=make_password(password),
        active=active,
    )
    try:
        with transaction.atomic():
            account.save()
            audit.record(
                event=Event.ECF_ACCOUNT_CREATED,
                origin=origin,
                actor=actor,
                court=court,
                ecf_account=account,
                role=role,
                active=active,
            )
    except IntegrityError:
        raise ValidationError([f"{_taken(court, login)}."]) from None
    return account


def create_ecf_accounts(
    accounts: Sequence[EcfAccount], *, origin: Origin, actor: PacerAccount | None = None, **detail: Any
) -> tuple[int, int]:
    """Save accounts made by ``new_account``, one ``ecf_account.created`` event each (with ``detail``), in the
    caller's transaction. Returns how many were created and how many logins the court had meanwhile (set aside)."""
    # A savepoint each: a login taken meanwhile undoes only its own batch, which is then written row by row.
    try:
        with transaction.atomic():
            created = EcfAccount.objects.bulk_create(accounts)
            _record_created(created, origin=origin, actor=actor, detail=detail)
        return len(created), 0
    except IntegrityError:
        pass
    made = taken = 0
    for account in accounts:
        try:
            with transaction.atomic():
                account.pk = None
                account.save()
                _record_created([account], origin=origin, actor=actor, detail=detail)
            made += 1
        except IntegrityError:
            taken += 1
    return made, taken


def _record_created(
    accounts: Sequence[EcfAccount], *, origin: Origin, actor: PacerAccount | None, detail: dict[str, Any]
) -> None:
    audit.record_many(
        event=Event.ECF_ACCOUNT_CREATED,
        origin=origin,
        actor=actor,
        subjects=[
            {
                "court": account.court,
                "ecf_account": account,
                "role": account.role,
                "active": account.is_active,
                **detail,
            }
            for account in accounts
        ],
    )


def new_login(court: Court, username: str) -> str:
    """A login the court does not have yet, made from a PACER username (an account made for e-file registration)."""
    base = login_key(username)[:70] or "filer"
    login, n = base, 1
    while EcfAccount.objects.filter(court=court, login_key=login_key(login)).exists():
        n += 1
        login = f"{base}{n}"
    return login


# Checked against when a login does not exist, so a miss costs the same as a wrong password.
_DUMMY_HASH: list[str] = []


def password_matches(ecf: EcfAccount | None, password: str) -> bool:
    """Whether the password opens this account; without an account, the same hashing work for nothing."""
    if ecf is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password(get_random_string(20)))
        EcfAccount(password=_DUMMY_HASH[0]).check_password(password)
        return False
    return ecf.check_password(password)
