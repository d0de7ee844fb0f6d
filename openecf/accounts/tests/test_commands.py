"""The operator's account commands: add_pacer_account and add_ecf_account.

Exit codes are checked for real by running manage.py in a subprocess against a temporary SQLite database;
everything else goes through call_command (a CommandError carries the exit code in .returncode).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.core.management.base import CommandError

from openecf.accounts.models import AccountType, PacerAccount
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import EcfAccount

REPO_ROOT = Path(__file__).resolve().parents[3]
ARGON2_PREFIX = "argon2$argon2id$v=19$m=7168,t=5,p=1$"

NAME = "Ada Lovelace"
EMAIL = "countess.ada@example.org"
GOOD_PASSWORD = "Quiet-Harbor-Lamp-7!"


# --- real exit codes: manage.py in a subprocess -------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database of its own for the subprocess runs."""
    path = tmp_path_factory.mktemp("cli") / "x.sqlite3"
    result = _manage(path, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    return path


def _manage(db_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _rows(db_path: Path, sql: str, *params: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()


def test_cli_creates_a_pacer_account_with_the_password_from_standard_input(cli_db: Path) -> None:
    result = _manage(cli_db, "add_pacer_account", "stdinfiler1", "--name", NAME, "--email", EMAIL, stdin=GOOD_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "PACER account stdinfiler1 created" in result.stdout
    [(password, number)] = _rows(
        cli_db, "SELECT password, account_number FROM accounts_paceraccount WHERE username = ?", "stdinfiler1"
    )
    assert password.startswith(ARGON2_PREFIX)
    assert check_password(GOOD_PASSWORD, password)
    assert re.fullmatch(r"[0-9]{7}", number)
    assert f"account number {number}" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add_pacer_account", "nonamefiler", "--email", EMAIL, "--password", GOOD_PASSWORD],
            "the following arguments are required: --name",
        ),
        (
            [
                "add_ecf_account",
                "wiwd",
                "badrole1",
                "--name",
                NAME,
                "--email",
                EMAIL,
                "--password",
                "x",
                "--role",
                "judge",
            ],
            "invalid choice: 'judge'",
        ),
    ],
    ids=["missing-name", "bad-role"],
)
def test_cli_argument_errors_exit_2(cli_db: Path, args: list[str], message: str) -> None:
    result = _manage(cli_db, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert _rows(cli_db, "SELECT count(*) FROM accounts_paceraccount WHERE username = 'nonamefiler'") == [(0,)]
    assert _rows(cli_db, "SELECT count(*) FROM cmecf_ecfaccount WHERE login = 'badrole1'") == [(0,)]


def test_cli_unknown_court_exits_2(cli_db: Path) -> None:
    result = _manage(cli_db, "add_ecf_account", "zzzz", "nocourt1", "--name", NAME, "--email", EMAIL, "--password", "x")
    assert result.returncode == 2
    assert "Unknown court id 'zzzz'" in result.stderr
    assert _rows(cli_db, "SELECT count(*) FROM cmecf_ecfaccount WHERE login = 'nocourt1'") == [(0,)]


def test_cli_password_breaking_the_policy_exits_2(cli_db: Path) -> None:
    result = _manage(
        cli_db, "add_pacer_account", "weakfiler1", "--name", NAME, "--email", EMAIL, "--password", "password"
    )
    assert result.returncode == 2
    assert "The password must be 14 to 45 characters long." in result.stderr
    assert "Nothing was created." in result.stderr
    assert _rows(cli_db, "SELECT count(*) FROM accounts_paceraccount WHERE username = 'weakfiler1'") == [(0,)]


def test_cli_duplicate_ecf_login_exits_2(cli_db: Path) -> None:
    common = ["--name", NAME, "--email", EMAIL, "--password", "court-pass-1"]
    first = _manage(cli_db, "add_ecf_account", "wiwd", "dup5184", *common)
    assert first.returncode == 0, first.stderr
    second = _manage(cli_db, "add_ecf_account", "wiwd", " DUP5184 ", *common)
    assert second.returncode == 2
    assert "already has a CM/ECF login" in second.stderr
    assert _rows(cli_db, "SELECT login FROM cmecf_ecfaccount WHERE court_id = 'wiwd'") == [("dup5184",)]


# --- add_pacer_account through call_command ------------------------------------------------------------------------


def _add_pacer(username: str, **options: Any) -> str:
    options.setdefault("name", NAME)
    options.setdefault("email", EMAIL)
    options.setdefault("password", GOOD_PASSWORD)
    out = StringIO()
    call_command("add_pacer_account", username, stdout=out, **options)
    return out.getvalue()


def _refused(command: str, *args: str, says: str = "Nothing was created.", **options: Any) -> CommandError:
    with pytest.raises(CommandError) as raised:
        call_command(command, *args, stdout=StringIO(), **options)
    assert raised.value.returncode == 2
    assert says in str(raised.value)
    return raised.value


@pytest.mark.argon2
@pytest.mark.django_db
def test_add_pacer_account_creates_an_individual_upgraded_account() -> None:
    out = _add_pacer("alovelace1")
    account = PacerAccount.objects.get(username="alovelace1")
    assert (account.name, account.email) == (NAME, EMAIL)
    assert account.account_type == AccountType.INDIVIDUAL
    assert not account.is_legacy
    assert account.is_active
    assert account.can_file
    assert re.fullmatch(r"[0-9]{7}", account.account_number)
    assert account.password.startswith(ARGON2_PREFIX)
    assert account.check_password(GOOD_PASSWORD)
    assert not account.check_password(GOOD_PASSWORD.lower())
    assert f"account number {account.account_number}, individual, upgraded" in out
    event = AuditEvent.objects.get(event="pacer_account.created", actor=account)
    assert event.user_agent == "manage.py"


@pytest.mark.django_db
def test_add_pacer_account_shared() -> None:
    out = _add_pacer("smithjones", name="Smith & Jones LLP", email="records@sj.example.org", shared=True)
    account = PacerAccount.objects.get(username="smithjones")
    assert account.account_type == AccountType.SHARED
    assert not account.is_legacy
    assert not account.can_file
    assert "shared, upgraded" in out


@pytest.mark.argon2
@pytest.mark.django_db
def test_add_pacer_account_legacy_is_exempt_from_the_password_policy() -> None:
    out = _add_pacer("adalov", legacy=True, password="lovelace")
    account = PacerAccount.objects.get(username="adalov")
    assert account.is_legacy
    assert account.account_type == AccountType.INDIVIDUAL
    assert not account.can_file
    assert account.check_password("lovelace")
    assert account.password.startswith(ARGON2_PREFIX)
    assert "individual, legacy" in out


@pytest.mark.django_db
def test_add_pacer_account_refuses_an_empty_password_even_for_a_legacy_account() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("add_pacer_account", "adalov", name=NAME, email=EMAIL, legacy=True, stdin=StringIO("\n"))
    assert raised.value.returncode == 2
    assert not PacerAccount.objects.exists()


@pytest.mark.django_db
def test_add_pacer_account_reads_the_password_from_standard_input() -> None:
    out = StringIO()
    call_command(
        "add_pacer_account", "alovelace2", name=NAME, email=EMAIL, stdin=StringIO(GOOD_PASSWORD + "\n"), stdout=out
    )
    account = PacerAccount.objects.get(username="alovelace2")
    assert account.check_password(GOOD_PASSWORD)
    assert not account.check_password(GOOD_PASSWORD + "\n")


@pytest.mark.django_db
def test_add_pacer_account_with_nothing_on_standard_input_exits_2() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("add_pacer_account", "alovelace3", name=NAME, email=EMAIL, stdin=StringIO(""), stdout=StringIO())
    assert raised.value.returncode == 2
    assert "No password" in str(raised.value)
    assert not PacerAccount.objects.filter(username="alovelace3").exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short-Pass-1!", "The password must be 14 to 45 characters long."),
        ("A-" + "b" * 44, "The password must be 14 to 45 characters long."),
        ("quiet-harbor-lamp-7!", "The password must contain an upper-case letter."),
        ("QUIET-HARBOR-LAMP-7!", "The password must contain a lower-case letter."),
        ("QuietHarborLamp7Quiet", "The password must contain a special character"),
        ("Lovelace-Harbor-7!", "must not contain any part of your name, username or e-mail address."),
        ("Harbor-Ada-Lamp-7!", "must not contain any part of your name, username or e-mail address."),
        ("Harbor-Countess-Lamp-7!", "must not contain any part of your name, username or e-mail address."),
    ],
    ids=["too-short", "too-long", "no-upper", "no-lower", "no-special", "name", "first-name", "email"],
)
@pytest.mark.django_db
def test_add_pacer_account_refuses_a_password_breaking_the_policy(password: str, message: str) -> None:
    error = _refused("add_pacer_account", "alovelace1", name=NAME, email=EMAIL, password=password)
    assert message in str(error)
    assert not PacerAccount.objects.exists()
    assert not AuditEvent.objects.filter(event="pacer_account.created").exists()


@pytest.mark.django_db
def test_the_e_mail_domain_is_not_personal() -> None:
    call_command(
        "add_pacer_account", "alovelace1", name=NAME, email=EMAIL, password="Harbor-Example-Lamp-7!", stdout=StringIO()
    )
    assert PacerAccount.objects.get(username="alovelace1").check_password("Harbor-Example-Lamp-7!")


@pytest.mark.django_db
def test_add_pacer_account_refuses_a_password_containing_the_username() -> None:
    error = _refused("add_pacer_account", "zephyr77", name=NAME, email=EMAIL, password="Harbor-ZEPHYR77-Lamp!")
    assert "must not contain any part of your name, username or e-mail address." in str(error)
    assert not PacerAccount.objects.exists()


@pytest.mark.django_db
def test_the_password_policy_accepts_its_limits() -> None:
    _add_pacer("fourteen01", password="Quiet-Harbor7!")  # 14 characters
    _add_pacer("fortyfive1", password="Q" + "u" * 42 + "-!")  # 45 characters
    assert PacerAccount.objects.count() == 2


@pytest.mark.parametrize(
    ("username", "legacy", "message"),
    [
        ("alovel1", False, "A PACER username has at least 8 characters."),
        ("adalove", True, "A legacy PACER username has exactly 6 characters."),
        ("adalo", True, "A legacy PACER username has exactly 6 characters."),
        ("ada lovelace", False, "The username must not be empty or contain spaces."),
    ],
)
@pytest.mark.django_db
def test_add_pacer_account_refuses_a_bad_username(username: str, legacy: bool, message: str) -> None:
    error = _refused("add_pacer_account", username, name=NAME, email=EMAIL, password=GOOD_PASSWORD, legacy=legacy)
    assert message in str(error)
    assert not PacerAccount.objects.exists()


@pytest.mark.django_db
def test_add_pacer_account_refuses_a_username_taken_in_another_case() -> None:
    _add_pacer("alovelace1")
    error = _refused("add_pacer_account", "ALovelace1", name="Ada Byron", email="byron@example.net", password="x")
    assert "The username 'ALovelace1' is already taken." in str(error)
    assert list(PacerAccount.objects.values_list("username", flat=True)) == ["alovelace1"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"name": "   "}, "The name must not be empty."),
        ({"email": "not-an-email"}, "'not-an-email' is not a valid e-mail address."),
        ({"email": ""}, "'' is not a valid e-mail address."),
    ],
    ids=["blank-name", "bad-email", "empty-email"],
)
@pytest.mark.django_db
def test_add_pacer_account_refuses_a_bad_name_or_email(options: dict[str, str], message: str) -> None:
    arguments = {"name": NAME, "email": EMAIL, "password": GOOD_PASSWORD, **options}
    error = _refused("add_pacer_account", "alovelace1", **arguments)
    assert message in str(error)
    assert not PacerAccount.objects.exists()


@pytest.mark.django_db
def test_add_pacer_account_without_name_is_an_argument_error() -> None:
    with pytest.raises(CommandError, match="--name"):
        call_command("add_pacer_account", "alovelace1", email=EMAIL, password=GOOD_PASSWORD, stdout=StringIO())
    assert not PacerAccount.objects.exists()


# --- add_ecf_account through call_command ---------------------------------------------------------------------------


def _add_ecf(court: str, login: str, **options: Any) -> str:
    options.setdefault("name", NAME)
    options.setdefault("email", EMAIL)
    options.setdefault("password", "wiwd-ecf-ada")
    out = StringIO()
    call_command("add_ecf_account", court, login, stdout=out, **options)
    return out.getvalue()


@pytest.mark.argon2
@pytest.mark.django_db
def test_add_ecf_account_creates_an_active_attorney_filer_by_default() -> None:
    out = _add_ecf("wiwd", "al5184")
    account = EcfAccount.objects.get(court_id="wiwd", login="al5184")
    assert (account.name, account.email) == (NAME, EMAIL)
    assert account.role == "attorney"
    assert account.is_active
    assert account.can_file
    assert account.password.startswith(ARGON2_PREFIX)
    assert account.check_password("wiwd-ecf-ada")
    assert not account.check_password("WIWD-ECF-ADA")
    assert "CM/ECF account al5184 created at wiwd" in out and "Attorney filer, active" in out
    assert AuditEvent.objects.filter(event="ecf_account.created", ecf_account=account, court_id="wiwd").count() == 1


@pytest.mark.parametrize(
    ("role", "label", "can_file"),
    [("attorney", "Attorney filer", True), ("nonattorney", "Non-attorney filer", True), ("viewer", "Viewer", False)],
)
@pytest.mark.django_db
def test_add_ecf_account_roles(role: str, label: str, can_file: bool) -> None:
    out = _add_ecf("wied", f"{role}1", role=role)
    account = EcfAccount.objects.get(court_id="wied", login=f"{role}1")
    assert account.role == role
    assert account.can_file is can_file
    assert label in out


@pytest.mark.django_db
def test_add_ecf_account_inactive() -> None:
    out = _add_ecf("wiwb", "oldfiler", inactive=True)
    account = EcfAccount.objects.get(court_id="wiwb", login="oldfiler")
    assert not account.is_active
    assert "inactive" in out


@pytest.mark.django_db
def test_add_ecf_account_upper_case_court_id_and_password_from_standard_input() -> None:
    call_command(
        "add_ecf_account",
        "WIED",
        "cs5184",
        name=NAME,
        email=EMAIL,
        stdin=StringIO("wied-ecf-5184\n"),
        stdout=StringIO(),
    )
    account = EcfAccount.objects.get(court_id="wied", login="cs5184")
    assert account.check_password("wied-ecf-5184")


@pytest.mark.django_db
def test_add_ecf_account_unknown_court() -> None:
    error = _refused("add_ecf_account", "zzzz", "cs5184", says="Unknown court", name=NAME, email=EMAIL, password="x")
    assert "Unknown court id 'zzzz'" in str(error)
    assert not EcfAccount.objects.exists()


@pytest.mark.django_db
def test_add_ecf_account_refuses_a_bad_role() -> None:
    error = _refused("add_ecf_account", "wiwd", "al5184", name=NAME, email=EMAIL, password="x", role="judge")
    assert "The role must be one of attorney, nonattorney, viewer; got 'judge'." in str(error)
    assert not EcfAccount.objects.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"name": " "}, "The name must not be empty."),
        ({"email": "ada@"}, "'ada@' is not a valid e-mail address."),
        ({"password": ""}, "The password must not be empty."),
    ],
    ids=["blank-name", "bad-email", "empty-password"],
)
@pytest.mark.django_db
def test_add_ecf_account_refuses_bad_values(options: dict[str, str], message: str) -> None:
    arguments = {"name": NAME, "email": EMAIL, "password": "wiwd-ecf-ada", **options}
    error = _refused("add_ecf_account", "wiwd", "al5184", **arguments)
    assert message in str(error)
    assert not EcfAccount.objects.exists()


@pytest.mark.django_db
def test_add_ecf_account_refuses_a_blank_login() -> None:
    error = _refused("add_ecf_account", "wiwd", "   ", name=NAME, email=EMAIL, password="x")
    assert "The CM/ECF login must not be empty." in str(error)
    assert not EcfAccount.objects.exists()


@pytest.mark.parametrize("again", ["cs5184", "CS5184", " CS5184 ", "Cs5184\t"])
@pytest.mark.django_db
def test_add_ecf_account_refuses_the_same_login_at_the_same_court(again: str) -> None:
    _add_ecf("wied", " CS5184 ")
    assert EcfAccount.objects.get(court_id="wied").login == "CS5184"  # stored trimmed
    error = _refused("add_ecf_account", "wied", again, name="Someone Else", email="else@example.org", password="y")
    assert "The court wied already has a CM/ECF login" in str(error)
    assert "(logins ignore case)" in str(error)
    [account] = EcfAccount.objects.filter(court_id="wied")
    assert account.name == NAME and account.check_password("wiwd-ecf-ada")


@pytest.mark.django_db
def test_the_same_login_at_another_court_is_fine() -> None:
    _add_ecf("wied", "cs5184", password="wied-ecf-5184")
    _add_ecf("alnd", "CS5184", password="alnd-ecf-5184")
    assert EcfAccount.objects.get(court_id="wied").check_password("wied-ecf-5184")
    assert EcfAccount.objects.get(court_id="alnd").check_password("alnd-ecf-5184")
    assert not EcfAccount.objects.get(court_id="alnd").check_password("wied-ecf-5184")
