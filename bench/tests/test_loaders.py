"""bench/load_accounts.py: synthetic accounts for the scale benchmark, which log in and link like any other."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client

from bench import load_accounts, loaders
from bench.loaders import DEFAULT_PASSWORD, bench_pair, court_ids
from conftest import form_nonce, make_pacer, menu_bar, visible_text
from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import EcfAccount, Link
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


def load(*args: str, password: str = "") -> dict[str, Any]:
    """Run the loader as the harness does; ``password`` is what standard input holds (nothing: the default)."""
    out = io.StringIO()
    status = load_accounts.main([*args, "--no-progress"], stdin=io.StringIO(password), stdout=out)
    assert status == 0
    return json.loads(out.getvalue())


def sign_in(username: str, password: str, court: str = "") -> Client:
    client = Client()
    query = f"?court={court}" if court else ""
    response = client.post(
        f"/login/{query}", {"username": username, "password": password, "client_code": "", "court": court}
    )
    assert response.status_code == 302, visible_text(response)
    return client


def test_loads_the_accounts_the_harness_expects() -> None:
    summary = load("--pacer", "300", "--ecf", "250")

    assert summary["pacer_created"] == 300 and summary["ecf_created"] == 250
    assert summary["database"] in {"sqlite", "postgresql"} and summary["seconds"] > 0
    assert summary["courts"] == Court.objects.count() > 200
    pacer = PacerAccount.objects.get(username="benchp0000042")
    assert (pacer.name, pacer.email) == ("Bench Filer 42", "benchp0000042@bench.example")
    assert pacer.can_file and pacer.email_verified and not pacer.held_for_review and pacer.is_active
    numbers = set(PacerAccount.objects.values_list("account_number", flat=True))
    assert len(numbers) == 300 and all(len(n) == 7 and n.isdigit() for n in numbers)
    courts = court_ids()
    for i in (0, 1, 204, 205, 249):
        username, court, login = bench_pair(i, "bench", courts)
        ecf = EcfAccount.objects.get(login=login)
        assert (ecf.court_id, ecf.login_key, ecf.name, ecf.email) == (
            court,
            login,
            f"Bench Filer {i}",
            f"{username}@bench.example",
        )
        assert ecf.is_active and ecf.role == "attorney"
    # Every court gets its share, and the first courts one more than the rest.
    assert EcfAccount.objects.filter(court_id=courts[0]).count() == 2
    assert EcfAccount.objects.filter(court_id=courts[-1]).count() == 1
    # One audit event for the whole load, none per account.
    assert AuditEvent.objects.count() == 1
    event = AuditEvent.objects.get(event="bench.accounts_loaded")
    assert event.detail["pacer_created"] == 300 and event.detail["ecf_created"] == 250


def test_a_loaded_account_logs_in_with_the_piped_password() -> None:
    load("--pacer", "20", "--ecf", "0", password="Piped-Password-2026#\n")

    client = sign_in("benchp0000017", "Piped-Password-2026#")
    assert client.get("/account/").status_code == 200
    assert Client().post("/login/", {"username": "benchp0000017", "password": DEFAULT_PASSWORD}).status_code == 401


def test_a_loaded_pair_links_through_the_link_pages() -> None:
    load("--pacer", "210", "--ecf", "210")
    courts = court_ids()
    live = next(i for i in range(210) if Court.objects.get(pk=courts[i % len(courts)]).is_live())
    username, court, login = bench_pair(live, "bench", courts)

    client = sign_in(username, DEFAULT_PASSWORD, court)
    confirm = client.post(f"/ecf/{court}/utilities/link/", {"login": login, "password": DEFAULT_PASSWORD})
    assert "Do you want to link these accounts?" in visible_text(confirm), visible_text(confirm)
    done = client.post(f"/ecf/{court}/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)

    assert "is now linked to your CSO account" in visible_text(done)
    link = Link.objects.get()
    assert (link.pacer_account.username, link.ecf_account.login, link.names_differed) == (username, login, False)
    assert "Utilities" in menu_bar(done)


def test_running_again_adds_only_the_missing_accounts() -> None:
    load("--pacer", "100", "--ecf", "80")
    first = PacerAccount.objects.get(username="benchp0000000")
    first_ecf = EcfAccount.objects.get(login="benche0000079")

    grown = load("--pacer", "250", "--ecf", "200", "--batch", "40")
    again = load("--pacer", "250", "--ecf", "200")

    assert (grown["pacer_existing"], grown["pacer_created"], grown["ecf_existing"], grown["ecf_created"]) == (
        100,
        150,
        80,
        120,
    )
    assert (again["pacer_created"], again["ecf_created"]) == (0, 0)
    assert PacerAccount.objects.count() == 250 and EcfAccount.objects.count() == 200
    assert PacerAccount.objects.get(username="benchp0000000").password == first.password  # left alone
    assert EcfAccount.objects.get(login="benche0000079").pk == first_ecf.pk
    assert AuditEvent.objects.filter(event="bench.accounts_loaded").count() == 3


def test_account_numbers_never_collide_with_existing_ones() -> None:
    someone = make_pacer("janeroe01", "Jane Roe")
    PacerAccount.objects.filter(pk=someone.pk).update(account_number="0000005")
    load("--pacer", "10", "--ecf", "0")
    load("--pacer", "10", "--ecf", "0", "--prefix", "other")

    numbers = list(PacerAccount.objects.values_list("account_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 21
    assert PacerAccount.objects.get(username="benchp0000004").account_number == "0000004"
    assert PacerAccount.objects.get(username="benchp0000005").account_number != "0000005"
    assert PacerAccount.objects.get(username="otherp0000000").account_number != "0000000"


def test_progress_goes_to_standard_error(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    load_accounts.main(["--pacer", "5", "--ecf", "5"], stdin=io.StringIO(""), stdout=out)

    err = capsys.readouterr().err
    assert "PACER accounts" in err and "CM/ECF accounts" in err and "100%" in err
    assert json.loads(out.getvalue())["pacer_created"] == 5  # the summary stays one line of JSON on stdout


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["--pacer", "-1", "--ecf", "0"], "", "--pacer must be a number of accounts from 0 to 10,000,000; got -1."),
        (["--pacer", "0", "--ecf", "-5"], "", "--ecf must be a number of accounts from 0 to 10,000,000; got -5."),
        (["--pacer", "1", "--ecf", "0", "--prefix", "Bench"], "", "--prefix must be 1 to 8 lower-case letters"),
        (["--pacer", "1", "--ecf", "0", "--prefix", "benchmark"], "", "--prefix must be 1 to 8 lower-case letters"),
        (["--pacer", "1", "--ecf", "0", "--prefix", "a-b"], "", "--prefix must be 1 to 8 lower-case letters"),
        (["--pacer", "1", "--ecf", "0", "--prefix", ""], "", "--prefix must be 1 to 8 lower-case letters"),
        (["--pacer", "1", "--ecf", "0", "--batch", "0"], "", "--batch must be from 1 to 1,000,000; got 0."),
        (["--pacer", "1", "--ecf", "0"], "\n", "The password must not be empty."),
        (["--pacer", "1", "--ecf", "0"], "short\n", "The password must be 14 to 45 characters long."),
        (["--pacer", "many", "--ecf", "0"], "", "invalid int value: 'many'"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(
    args: list[str], password: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = load_accounts.main([*args, "--no-progress"], stdin=io.StringIO(password), stdout=io.StringIO())
    except SystemExit as exit_:  # argparse refuses a malformed option itself
        status = int(exit_.code or 0)

    assert status == 2
    assert message in capsys.readouterr().err
    assert not PacerAccount.objects.exists() and not EcfAccount.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_cm_ecf_accounts_meet_cmecfs_own_rules(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The loader writes with COPY, past EcfAccount.save: it checks its rows with cmecf's one validator first.
    monkeypatch.setattr(loaders, "bench_name", lambda i: "N" * 201)

    status = load_accounts.main(["--pacer", "0", "--ecf", "3", "--no-progress"], stdin=io.StringIO(""))

    assert status == 2
    assert "CM/ECF account 0: The name must be at most 200 characters." in capsys.readouterr().err
    assert not EcfAccount.objects.exists() and not AuditEvent.objects.exists()
