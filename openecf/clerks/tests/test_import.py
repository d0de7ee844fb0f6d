"""Bulk import of legacy CM/ECF accounts: the command and the desk's upload."""

from __future__ import annotations

import io
from pathlib import Path

import bcrypt
import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from conftest import visible_text
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import EcfAccount

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = """login,name,email,role,password
kfiler,Kim Filer,kim@example.com,attorney,Kim-Old-Court-Pw1
lagent,Lee Agent,lee@example.com,Non-Attorney,Lee-Old-Court-Pw1
,No Login,nl@example.com,attorney,x
mbad,Max Bad,not-an-email,judge,y
KFILER,Kim Again,kim2@example.com,attorney,z
asample,Attorney Sample,asample@example.com,attorney,whatever
"""


def _run(path: Path, *args: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("import_ecf_accounts", "wiwd", str(path), *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        return out.getvalue(), int(exit_.code or 0)
    return out.getvalue(), 0


@pytest.mark.argon2
def test_good_rows_are_kept_bad_rows_reported_by_line_and_a_rerun_changes_nothing(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    report, status = _run(path)
    assert status == 1
    assert "line 4: the login is empty" in report
    assert "line 5 (mbad): 'not-an-email' is not a valid e-mail address; the role 'judge' is not one of" in report
    assert "line 6 (KFILER): the login repeats line 2 (logins ignore case)" in report
    assert (
        "wiwd: 6 row(s): 2 account(s) created, 1 already at the court (left unchanged), 3 row(s) with errors" in report
    )
    kim = EcfAccount.objects.get(court_id="wiwd", login="kfiler")
    assert kim.check_password("Kim-Old-Court-Pw1") and kim.password.startswith("argon2$argon2id$")
    assert EcfAccount.objects.get(court_id="wiwd", login="lagent").role == "nonattorney"
    assert EcfAccount.objects.get(court_id="wiwd", login="asample").name == "Attorney Sample"  # untouched
    assert AuditEvent.objects.filter(event="ecf_account.created", detail__via="import").count() == 2
    from openecf.audit import chain

    assert chain.verify().intact, "imported accounts' events are in the tamper-evident chain"

    rerun, _ = _run(path)
    assert "0 account(s) created, 3 already at the court" in rerun
    assert EcfAccount.objects.filter(court_id="wiwd").count() == 6


def test_dry_run_writes_nothing(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    before = EcfAccount.objects.count()
    report, _ = _run(path, "--dry-run")
    assert "Dry run, nothing written. 6 row(s): 2 account(s) would be created" in report
    assert EcfAccount.objects.count() == before
    assert not AuditEvent.objects.filter(event="ecf_accounts.imported").exists()


def test_a_file_without_the_needed_columns_is_refused_whole(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text("login,name,mail\nx,y,z\n", encoding="utf-8")
    with pytest.raises(CommandError, match="lacks the column\\(s\\) email, role, password or password_hash") as error:
        call_command("import_ecf_accounts", "wiwd", str(path))
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="Unknown court id"):
        call_command("import_ecf_accounts", "nosuch", str(path))


@pytest.mark.argon2
def test_exported_hashes_verify_and_become_argon2id_at_first_use(demo: None, tmp_path: Path, client_of: object) -> None:
    raw_bcrypt = bcrypt.hashpw(b"Legacy-Pw-One-1", bcrypt.gensalt(rounds=4)).decode()
    pbkdf2 = make_password("Legacy-Pw-Two-2", hasher="pbkdf2_sha256")
    path = tmp_path / "export.csv"
    path.write_text(
        "login,name,email,role,password_hash\n"
        f"bone,Bea One,b1@example.com,attorney,{raw_bcrypt}\n"
        f"ptwo,Pia Two,p2@example.com,attorney,{pbkdf2}\n"
        "crypt,Old Crypt,c@example.com,attorney,$1$abcdefgh$0123456789012345678901\n",
        encoding="utf-8",
    )
    report, status = _run(path)
    assert status == 1 and "line 4 (crypt): the password_hash is not in a supported format" in report
    one = EcfAccount.objects.get(login="bone")
    assert one.password.startswith("bcrypt$$2b$")
    assert one.check_password("Legacy-Pw-One-1")
    assert EcfAccount.objects.get(login="bone").password.startswith("argon2$argon2id$")  # upgraded on first use
    two = EcfAccount.objects.get(login="ptwo")
    assert not two.check_password("wrong") and two.password.startswith("pbkdf2_sha256$")
    assert two.check_password("Legacy-Pw-Two-2")
    assert EcfAccount.objects.get(login="ptwo").password.startswith("argon2$argon2id$")


def test_a_thousand_hashed_rows_import_in_one_run(demo: None, tmp_path: Path) -> None:
    exported = make_password("Same-Legacy-Pw-1", hasher="pbkdf2_sha256")
    rows = "".join(f"user{n:04d},User {n},user{n}@example.com,attorney,{exported}\n" for n in range(1000))
    path = tmp_path / "big.csv"
    path.write_text("login,name,email,role,password_hash\n" + rows, encoding="utf-8")
    report, status = _run(path)
    assert status == 0 and "1000 account(s) created" in report
    assert EcfAccount.objects.filter(court_id="wiwd", login__startswith="user").count() == 1000
    assert AuditEvent.objects.filter(event="ecf_account.created", detail__source="big.csv").count() == 1000


def test_the_desk_upload_reports_per_row_and_keeps_the_good_rows(clara: Client) -> None:
    upload = io.BytesIO(GOOD_AND_BAD.encode())
    upload.name = "legacy.csv"
    page = clara.post("/clerk/wiwd/import/", {"file": upload})
    text = visible_text(page)
    assert "6 row(s): 2 account(s) created, 1 already at the court (left unchanged), 3 row(s) with errors" in text
    assert "the login repeats line 2 (logins ignore case)" in text
    assert EcfAccount.objects.filter(court_id="wiwd", login__in=["kfiler", "lagent"]).count() == 2
    summary = AuditEvent.objects.get(event="ecf_accounts.imported")
    assert summary.username == "claraclerk" and summary.detail["created"] == 2
    latin1 = io.BytesIO("login,name,email,role,password\nzé,Zoé,z@example.com,attorney,pw\n".encode("latin-1"))
    latin1.name = "latin1.csv"
    refused = clara.post("/clerk/wiwd/import/", {"file": latin1})
    assert refused.status_code == 400 and "The file is not UTF-8 text." in visible_text(refused)


def test_imported_accounts_events_go_through_the_audit_service(demo: None) -> None:
    """Each account's event is written by audit.record_many, with record's clean-up: an IPv6 address is hashed into
    the chain as the database gives it back. The import used to build its events itself, hashed the address as
    typed, and broke the chain it was written to."""
    from openecf.audit.context import Origin
    from openecf.clerks import importer
    from openecf.courts.models import Court

    lines = [
        "login,name,email,role,password_hash\n",
        "v6filer,Vee Six,v6@example.com,attorney,$2b$12$" + "a" * 53 + "\n",
    ]
    report = importer.import_accounts(
        court=Court.objects.get(pk="wiwd"),
        lines=lines,
        origin=Origin(ip_address="2001:DB8:0:0:0:0:0:1", user_agent="pytest"),
        source="v6.csv",
    )

    assert report.created == 1
    event = AuditEvent.objects.get(event="ecf_account.created", detail__source="v6.csv")
    assert event.ip_address == "2001:db8::1"
    from openecf.audit import chain

    assert chain.verify().intact
    assert (event.ecf_account_id, event.detail) == (
        EcfAccount.objects.get(court_id="wiwd", login="v6filer").pk,
        {"role": "attorney", "active": True, "via": "import", "source": "v6.csv"},
    )
