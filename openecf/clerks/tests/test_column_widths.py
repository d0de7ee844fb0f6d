"""Values too long for their columns are refused before anything is written, wherever an account is created.

PostgreSQL refuses a value longer than its column with DataError (SQLite stores it), so every way in checks the
widths first: an e-mail address of 255 to 320 characters passes Django's e-mail validation, and a login of 80
characters can have a longer normalised key (NFKC and case folding: ß becomes ss, ﬃ becomes ffi).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from conftest import TEST_ORIGIN, visible_text
from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent
from openecf.clerks import importer
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

LONG_EMAIL = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".com"  # 260 characters, a valid address
ESZETT_LOGIN = "ß" * 80  # 80 characters; its key is "ss" * 80, 160
LIGATURE_LOGIN = "ﬃ" * 30  # 30 characters; its key is "ffi" * 30, 90
PASSWORD = "Quiet-Harbor-Lamp-7!"

TOO_LONG = f"""login,name,email,role,password
wide1,Wide One,wide1@example.com,attorney,Old-Pw-1
wide2,Wide Two,{LONG_EMAIL},attorney,Old-Pw-2
{ESZETT_LOGIN},Wide Three,wide3@example.com,attorney,Old-Pw-3
{LIGATURE_LOGIN},Wide Four,wide4@example.com,attorney,Old-Pw-4
wide5,{"N" * 201},wide5@example.com,attorney,Old-Pw-5
wide6,Wide Six,wide6@example.com,viewer,Old-Pw-6
"""


def test_the_import_reports_values_too_long_for_their_columns_by_line(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(TOO_LONG, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_ecf_accounts", "wiwd", str(path), stdout=out, stderr=io.StringIO())
    assert exit_.value.code == 1
    assert out.getvalue().splitlines() == [
        "line 3 (wide2): the e-mail address is longer than 254 characters",
        f"line 4 ({ESZETT_LOGIN}): the login is longer than 80 characters once case-folded (160)",
        f"line 5 ({LIGATURE_LOGIN}): the login is longer than 80 characters once case-folded (90)",
        "line 6 (wide5): the name is longer than 200 characters",
        "wiwd: 6 row(s): 2 account(s) created, 0 already at the court (left unchanged), 4 row(s) with errors skipped.",
    ]
    assert sorted(EcfAccount.objects.filter(name__startswith="Wide").values_list("login", flat=True)) == [
        "wide1",
        "wide6",
    ]
    event = AuditEvent.objects.get(event="ecf_accounts.imported", detail__source="wide.csv")
    assert (event.detail["rows"], event.detail["created"], event.detail["errors"]) == (6, 2, 4)


def test_an_import_that_fails_part_way_leaves_nothing_behind(demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two batches are written, then the import's own event cannot be: nothing of the import may remain.
    def broken(**_kwargs: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(importer.audit, "record", broken)
    lines = ["login,name,email,role,password_hash\n"] + [
        f"part{n},Part {n},part{n}@example.com,attorney,pbkdf2_sha256$1000$salt$aGFzaA==\n" for n in range(5)
    ]
    with pytest.raises(RuntimeError, match="the audit log is unavailable"):
        importer.import_accounts(
            court=Court.objects.get(pk="wiwd"), lines=lines, origin=TEST_ORIGIN, source="part.csv", batch_size=2
        )
    assert EcfAccount.objects.filter(login__startswith="part").count() == 0
    assert AuditEvent.objects.filter(event="ecf_account.created", detail__source="part.csv").count() == 0


@pytest.mark.parametrize(
    ("login", "email", "message"),
    [
        ("widefiler", LONG_EMAIL, "Ensure this value has at most 254 characters (it has 260)."),
        (ESZETT_LOGIN, "wide@example.com", "The CM/ECF login must be at most 80 characters, also once case-folded."),
    ],
    ids=["email", "case-folded-login"],
)
def test_the_desk_refuses_values_too_long_for_their_columns(
    clara: Client, login: str, email: str, message: str
) -> None:
    refused = clara.post(
        "/clerk/wiwd/accounts/new/", {"login": login, "name": "Wide Filer", "email": email, "role": "attorney"}
    )
    assert refused.status_code == 400
    assert message in visible_text(refused)
    assert not EcfAccount.objects.filter(name="Wide Filer").exists()
    assert not AuditEvent.objects.filter(event="ecf_account.created", actor__username="claraclerk").exists()


def test_the_desk_refuses_a_help_desk_address_too_long_for_its_column(clara: Client) -> None:
    refused = clara.post("/clerk/wiwd/contacts/", {"clerk_phone": "(608) 555-0199", "help_desk_email": LONG_EMAIL})
    assert refused.status_code == 400
    assert "Ensure this value has at most 254 characters (it has 260)." in visible_text(refused)
    assert Court.objects.get(pk="wiwd").help_desk_email != LONG_EMAIL
    assert not AuditEvent.objects.filter(event="court.contacts_changed").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add_ecf_account", "wiwd", "widefiler", "--name", "Wide Filer", "--email", LONG_EMAIL],
            "The e-mail address must be at most 254 characters.",
        ),
        (
            ["add_ecf_account", "wiwd", ESZETT_LOGIN, "--name", "Wide Filer", "--email", "w@example.com"],
            "The CM/ECF login must be at most 80 characters, also once case-folded.",
        ),
        (
            ["add_ecf_account", "wiwd", "widefiler", "--name", "N" * 201, "--email", "w@example.com"],
            "The name must be at most 200 characters.",
        ),
        (
            ["add_pacer_account", "widefiler", "--name", "Wide Filer", "--email", LONG_EMAIL],
            "The e-mail address must be at most 254 characters.",
        ),
        (
            ["add_pacer_account", "w" * 151, "--name", "Wide Filer", "--email", "w@example.com"],
            "A PACER username has at most 150 characters.",
        ),
        (
            ["add_pacer_account", "widefiler", "--name", "N" * 201, "--email", "w@example.com"],
            "The name must be at most 200 characters.",
        ),
    ],
    ids=["ecf-email", "ecf-case-folded-login", "ecf-name", "pacer-email", "pacer-username", "pacer-name"],
)
def test_the_commands_refuse_values_too_long_for_their_columns(demo: None, args: list[str], message: str) -> None:
    before = (PacerAccount.objects.count(), EcfAccount.objects.count(), AuditEvent.objects.count())
    with pytest.raises(CommandError) as error:
        call_command(*args, "--password", PASSWORD, stdout=io.StringIO())
    assert error.value.returncode == 2
    assert message in str(error.value)
    assert (PacerAccount.objects.count(), EcfAccount.objects.count(), AuditEvent.objects.count()) == before
