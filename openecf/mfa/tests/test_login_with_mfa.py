"""Web login with multi-factor authentication: the code step, enrolment skips, the redaction agreement."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, code_at, enrol_app, make_filer, make_pacer, pacer_login, visible_text
from openecf.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def follow(client: Client, response: Any) -> Any:
    while response.status_code == 302:
        response = client.get(response["Location"])
    return response


def test_an_enrolled_account_is_asked_for_the_code_after_the_password() -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    phone = enrol_app(account)
    client = Client()
    response = pacer_login(client, "researcher1", court="wiwd")
    assert response["Location"] == "/login/code/"
    page = client.get("/login/code/")
    assert "Enter your one-time passcode" in visible_text(page)
    # Not logged in yet: the court still sends this browser to the login.
    assert client.get("/ecf/wiwd/utilities/").status_code == 302
    done = client.post("/login/code/", {"code": code_at(phone)})
    assert done.status_code == 302 and done["Location"] == "/ecf/wiwd/"
    assert len(client.cookies["NextGenCSO"].value) == 128
    assert client.cookies["PacerSession"].value == client.cookies["NextGenCSO"].value
    assert b"/cgi-bin/login.pl?logout" in client.get("/ecf/wiwd/").content
    event = AuditEvent.objects.get(event="login.succeeded")
    assert event.detail["mfa"] == "totp"


def test_a_wrong_or_replayed_code_is_refused_and_five_wrong_codes_end_the_attempt() -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    phone = enrol_app(account)
    first = Client()
    pacer_login(first, "researcher1")
    first.post("/login/code/", {"code": code_at(phone)})
    second = Client()
    pacer_login(second, "researcher1")
    replay = second.post("/login/code/", {"code": code_at(phone)})
    assert replay.status_code == 401
    assert "That code is not valid" in visible_text(replay)
    for _ in range(4):
        second.post("/login/code/", {"code": "123456"})
    restarted = second.get("/login/code/")
    assert restarted.status_code == 302 and "expired=1" in restarted["Location"]
    assert "too many codes were wrong" in visible_text(second.get(restarted["Location"]))
    assert AuditEvent.objects.filter(event="mfa.failed").count() == 5


def test_a_backup_code_works_once() -> None:
    from openecf.mfa.services import _new_backup_codes

    account = make_pacer("researcher1", "Rita Searcher")
    enrol_app(account)
    codes = _new_backup_codes(account)
    client = Client()
    pacer_login(client, "researcher1")
    assert client.post("/login/code/", {"code": codes[0].upper()}).status_code == 302
    again = Client()
    pacer_login(again, "researcher1")
    assert again.post("/login/code/", {"code": codes[0]}).status_code == 401
    assert AuditEvent.objects.filter(event="mfa.backup_code_used").count() == 1


def test_an_unenrolled_filer_may_skip_three_times_then_is_blocked() -> None:
    make_filer("filer0001", "Fay Filer")
    for skips_left in (3, 2, 1):
        client = Client()
        response = pacer_login(client, "filer0001", court="wiwd")
        assert response["Location"] == "/login/mfa-required/"
        page = client.get("/login/mfa-required/")
        assert f"You may skip this {skips_left} more time" in visible_text(page)
        skipped = client.post("/login/mfa-required/")
        assert skipped["Location"] == "/login/redaction/"
        client.post("/login/redaction/", {"accept": "on"})
        assert b"/cgi-bin/login.pl?logout" in client.get("/ecf/wiwd/").content
    blocked = Client()
    pacer_login(blocked, "filer0001", court="wiwd")
    page = blocked.get("/login/mfa-required/")
    assert "You have used all the logins allowed without an authenticator app" in visible_text(page)
    assert "Skip for now" not in visible_text(page)
    assert blocked.post("/login/mfa-required/").status_code == 403
    assert blocked.get("/ecf/wiwd/utilities/").status_code == 302
    assert AuditEvent.objects.filter(event="mfa.skipped").count() == 3


def test_a_filer_must_tick_the_redaction_agreement() -> None:
    account = make_filer("filer0001", "Fay Filer")
    phone = enrol_app(account)
    client = Client()
    pacer_login(client, "filer0001", court="wiwd")
    assert client.post("/login/code/", {"code": code_at(phone)})["Location"] == "/login/redaction/"
    page = client.get("/login/redaction/")
    assert "All filers must redact" in visible_text(page)
    refused = client.post("/login/redaction/", {})
    assert refused.status_code == 400
    assert "Tick the box to confirm that you have read the redaction notice." in visible_text(refused)
    accepted = client.post("/login/redaction/", {"accept": "on"})
    assert accepted["Location"] == "/ecf/wiwd/"
    assert AuditEvent.objects.get(event="login.succeeded").detail["redaction_accepted"] is True


def test_a_search_only_account_without_mfa_logs_in_with_the_password_alone() -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    response = pacer_login(client, "researcher1", court="wiwd")
    assert response["Location"] == "/ecf/wiwd/"


def test_a_pending_login_does_not_survive_a_password_change() -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    phone = enrol_app(account)
    client = Client()
    pacer_login(client, "researcher1")
    account.set_password("Another-Secret-Here-88!")
    account.save()
    response = client.post("/login/code/", {"code": code_at(phone)})
    assert response.status_code == 302 and "expired=1" in response["Location"]


def test_a_required_client_code_is_asked_for_at_the_password_step() -> None:
    from openecf.signon.models import SignOnSettings

    account = make_pacer("researcher1", "Rita Searcher")
    SignOnSettings.objects.create(account=account, client_code_required=True)
    client = Client()
    missing = pacer_login(client, "researcher1")
    assert missing.status_code == 400
    assert "A client code is required for this account" in visible_text(missing)
    ok = client.post("/login/", {"username": "researcher1", "password": PACER_PASSWORD, "client_code": "acme-7"})
    assert ok.status_code == 302
    assert client.cookies["PacerClientCode"].value == "acme-7"


def test_log_out_ends_the_token_so_an_api_copy_of_it_stops_working_too() -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1", court="wiwd")
    token = client.cookies["NextGenCSO"].value
    assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 200
    logout = client.get("/ecf/wiwd/cgi-bin/login.pl?logout")
    assert logout.status_code == 302
    assert client.cookies["NextGenCSO"].value == ""
    assert Client(HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/utilities/").status_code == 302


def test_ending_the_token_through_the_api_logs_the_browser_out() -> None:
    import json

    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1", court="wiwd")
    token = client.cookies["NextGenCSO"].value
    Client().post("/services/cso-logout", json.dumps({"nextGenCSO": token}), "application/json")
    del client.cookies["NextGenCSO"], client.cookies["PacerSession"]
    assert client.get("/ecf/wiwd/utilities/").status_code == 302
