"""The operator's add_case command: what it creates, its last line, and each refusal (exit status 2, exact
message, nothing created). The exit status itself is checked once for real, through manage.py in a process."""

from __future__ import annotations

import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import make_ecf
from openecf.audit.models import AuditEvent
from openecf.cases.models import AttorneyOfRecord, Case, Judge, Party
from tests.live_process import LiveDatabase

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command("add_case", *args, stdout=out)
    return out.getvalue().splitlines()


def refused(*args: str) -> str:
    with pytest.raises(CommandError) as error:
        run(*args)
    assert error.value.returncode == 2
    return str(error.value)


@pytest.fixture
def accounts(db: None) -> None:
    make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!")
    make_ecf("wiwd", "mattorney", "Maria Attorney", "Old-Court-Password-1!")
    make_ecf("wiwd", "viewer", "Vera Viewer", "Old-Court-Password-1!", role="viewer")


def test_a_civil_case_with_judge_parties_and_attorneys(accounts: None) -> None:
    lines = run(
        "wiwd", "--title", "Smith v. Acme Corp.", "--type", "cv", "--judge", "Judith D. Parker",
        "--party", "plaintiff:Ann Smith", "--party", "Defendant:Acme Corp.",
        "--attorney", "plaintiff:asample", "--attorney", "plaintiff:mattorney", "--attorney", "defendant:ASAMPLE",
    )  # fmt: skip
    case = Case.objects.get()
    assert lines[-1] == case.number == f"3:{case.year % 100:02d}-cv-00001-JDP"
    assert Judge.objects.get().name == "Judith D. Parker"
    assert [(p.role, p.name) for p in Party.objects.all()] == [("plaintiff", "Ann Smith"), ("defendant", "Acme Corp.")]
    assert [(a.party.name, a.ecf_account.login, a.get_role_display()) for a in AttorneyOfRecord.objects.all()] == [
        ("Ann Smith", "asample", "LEAD ATTORNEY"),
        ("Ann Smith", "mattorney", "ATTORNEY TO BE NOTICED"),
        ("Acme Corp.", "asample", "LEAD ATTORNEY"),
    ]
    # A judge already known is found by initials or name, not added twice.
    assert run("wiwd", "--title", "Doe v. Roe", "--type", "cv", "--judge", "jdp")[-1].endswith("-cv-00002-JDP")
    assert Judge.objects.count() == 1


def test_an_adversary_proceeding_in_its_lead_case(db: None) -> None:
    lead = run("wiwb", "--title", "In re Ann Debtor", "--type", "bk", "--party", "debtor:Ann Debtor")[-1]
    assert run("wiwb", "--title", "Trustee v. Debtor", "--type", "ap", "--lead-case", lead)[-1] == lead
    adversary = Case.objects.get(case_type="ap")
    assert adversary.lead_case == Case.objects.get(case_type="bk")
    assert AuditEvent.objects.filter(event="case.opened").count() == 2


ROLES = (
    "plaintiff, defendant, petitioner, respondent, intervenor, interested_party, usa, debtor, joint_debtor, trustee, "
)
REFUSALS = [
    ("nowhere --title X --type cv", "Unknown court id 'nowhere'; court ids look like wiwd, wiwb, ca7."),
    ("wiwd --title '  ' --type cv", "The case title must not be empty. Nothing was created."),
    ("wiwd --title X --type bk", "wiwd is a district court: it opens cv and cr cases, not bk. Nothing was created."),
    (
        "ca8 --title X --type cv",
        "ca8 is not a district or bankruptcy court; cases cannot be opened there. Nothing was created.",
    ),
    (
        "wiwb --title X --type ap",
        "An adversary proceeding (--type ap) needs --lead-case, the number of its bankruptcy case. "
        "Nothing was created.",
    ),
    ("wiwb --title X --type ap --lead-case 24-99", "No bankruptcy case '24-99' at wiwb. Nothing was created."),
    (
        "wiwd --title X --type cv --lead-case 24-1",
        "--lead-case is only for adversary proceedings (--type ap). Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --party 'Ann Smith'",
        "--party 'Ann Smith' is not ROLE:NAME, e.g. --party plaintiff:name. Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --party captain:Ann",
        f"Unknown party role 'captain' in --party; roles: {ROLES}us_trustee, creditor. Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --party plaintiff:A --attorney plaintiff:nobody",
        "No CM/ECF account 'nobody' at wiwd. Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --party plaintiff:A --attorney defendant:asample",
        "--attorney defendant:asample names no party: give --party defendant:NAME too. Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --party plaintiff:A --attorney plaintiff:viewer",
        "The CM/ECF account viewer at wiwd is a viewer account and cannot appear for a party. Nothing was created.",
    ),
    (
        "wiwd --title X --type cv --judge J",
        "A judge's initials are 2 to 4 letters; 'J' gives 'J'. Nothing was created.",
    ),
]


@pytest.mark.parametrize(("command", "message"), REFUSALS)
def test_each_refusal_says_why_and_creates_nothing(accounts: None, command: str, message: str) -> None:
    assert refused(*shlex.split(command)) == message
    assert (Case.objects.count(), Party.objects.count(), Judge.objects.count()) == (0, 0, 0)
    assert not AuditEvent.objects.filter(event__in=["case.opened", "case.party_added", "judge.added"]).exists()


def test_real_exit_status_and_last_line(live_db: LiveDatabase, tmp_path: Path) -> None:
    ok = live_db.manage("add_case", "wied", "--title", "Doe v. Roe", "--type", "cr", "--party", "defendant:Jo Doe")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines()[-1].endswith("-cr-00001")
    bad = live_db.manage("add_case", "wied", "--title", "Doe v. Roe", "--type", "ap")
    assert bad.returncode == 2
    assert (
        bad.stderr.strip()
        == "CommandError: wied is a district court: it opens cv and cr cases, not ap. Nothing was created."
    )
