"""A legacy account that signs in is led through the upgrade; then its old username is gone and it can link."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import form_nonce, link_href, menu_bar, visible_text
from openecf.accounts.models import PacerAccount
from openecf.accounts.tests.helpers import ANSWERS, NEW_PASSWORD, body, link_path, login, mail_to
from openecf.audit.models import AuditEvent
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db


def _upgrade(client: Client, *, username: str = "janedoe2026", password: str = NEW_PASSWORD) -> Any:
    start = client.get("/account/upgrade/")
    assert "Upgrading Your PACER Account" in visible_text(start)
    person = client.post(
        link_href(start, "Upgrade now"), {"date_of_birth": "1975-06-30", "user_type": "attorney_filer"}
    )
    assert person["Location"] == "/account/upgrade/address/"
    address = {"line1": "1 S Pinckney St", "line2": "Suite 300", "city": "Madison", "state": "WI", "zip_code": "53703"}
    assert client.post("/account/upgrade/address/", address)["Location"] == "/account/upgrade/county/"
    county_page = client.get("/account/upgrade/county/")
    assert "1 S Pinckney St Suite 300 Madison, WI 53703" in visible_text(county_page)
    assert client.post("/account/upgrade/county/", {"county": "55025"})["Location"] == "/account/upgrade/security/"
    return client.post(
        "/account/upgrade/security/",
        {"username": username, "password1": password, "password2": password, **ANSWERS},
    )


def test_the_legacy_demo_account_is_upgraded_and_then_links_at_wiwd(demo: None, smtp_inbox: Any) -> None:
    client = Client()
    signed_in = login(client, "jdoe01", PACER_PASSWORD)
    assert signed_in.status_code == 302
    assert signed_in["Location"].startswith("/account/upgrade/?next=")
    done = _upgrade(client)
    assert done["Location"] == "/account/upgrade/done/"
    page = visible_text(client.get(done["Location"]))
    assert "Your new username is janedoe2026" in page and "The old username jdoe01 no longer logs in." in page

    # This session goes on; the old username is gone, the new one works.
    assert client.get("/ecf/wiwd/utilities/").status_code == 200
    assert login(Client(), "jdoe01", PACER_PASSWORD).status_code == 401
    assert login(Client(), "jdoe01", NEW_PASSWORD).status_code == 401
    assert login(Client(), "janedoe2026", NEW_PASSWORD).status_code == 302
    mail = mail_to(smtp_inbox, "jdoe@example.com", "upgraded")
    assert "Your new username is janedoe2026; the old username jdoe01 no longer logs in." in body(mail)

    account = PacerAccount.objects.get(username="janedoe2026")
    assert not account.is_legacy and account.legacy_username == "jdoe01" and account.county_name == "Dane County"
    assert account.security_answers.count() == 3
    upgraded = AuditEvent.objects.get(event="pacer_account.upgraded")
    assert (upgraded.detail["old_username"], upgraded.detail["new_username"]) == ("jdoe01", "janedoe2026")

    # Seed 001's link procedure at wiwd with the demo CM/ECF account jdoe.
    utilities = client.get("/ecf/wiwd/utilities/")
    link_url = link_href(utilities, "Link a CM/ECF account to my PACER account")
    confirm = client.post(link_url, {"login": "jdoe", "password": "wiwd-ecf-doe"})
    assert "CM/ECF Jane Doe PACER Jane Doe" in visible_text(confirm)
    linked = client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    assert "The CM/ECF account for Jane Doe is now linked to your CSO account." in visible_text(linked)
    assert menu_bar(linked)[:2] == ["Civil", "Criminal"]


def test_a_legacy_account_may_skip_the_upgrade_and_search_but_not_link(demo: None) -> None:
    client = Client()
    signed_in = login(client, "jdoe01", PACER_PASSWORD)
    start = client.get(signed_in["Location"])
    home = client.get(link_href(start, "Not now: continue without upgrading"))
    assert home.status_code == 200 and "Query" in menu_bar(home)
    refused = client.get("/ecf/wiwd/utilities/link/")
    assert "Your PACER account has not been upgraded." in visible_text(refused)
    upgrade_link = link_href(refused, "Upgrading Your PACER Account")
    assert upgrade_link.startswith("/account/upgrade/?next=")
    assert client.get(upgrade_link).status_code == 200
    civil = client.get("/ecf/wiwd/menu/civil/")
    assert civil.status_code == 403
    assert link_href(civil, "Upgrading Your PACER Account").startswith("/account/upgrade/")
    manage = client.get("/account/")
    assert link_href(manage, "Upgrading Your PACER Account") == "/account/upgrade/"


def test_an_upgraded_account_is_not_asked_again(demo: None) -> None:
    client = Client()
    assert login(client, "asample22", PACER_PASSWORD)["Location"] == "/ecf/wiwd/"
    assert client.get("/account/upgrade/person/")["Location"] == "/account/upgrade/done/"


def test_the_new_username_must_be_free_and_long_enough(demo: None) -> None:
    client = Client()
    login(client, "jdoe01", PACER_PASSWORD)
    taken = _upgrade(client, username="ASample22")
    assert taken.status_code == 400 and "already taken" in visible_text(taken)
    short = client.post("/account/upgrade/security/", {"username": "jdoe02", **ANSWERS})
    assert "A PACER username has at least 8 characters." in visible_text(short)
    assert PacerAccount.objects.get(username="jdoe01").is_legacy


def test_upgrading_ends_the_other_sessions_of_the_account(demo: None) -> None:
    other = Client()
    login(other, "jdoe01", PACER_PASSWORD)
    assert other.get("/ecf/wiwd/utilities/").status_code == 200
    client = Client()
    login(client, "jdoe01", PACER_PASSWORD)
    _upgrade(client)
    assert other.get("/ecf/wiwd/utilities/").status_code == 302  # sent to log in again
    assert client.get("/ecf/wiwd/utilities/").status_code == 200


def test_the_upgrade_voids_an_outstanding_reset_link(demo: None, smtp_inbox: Any) -> None:
    forgot = Client()
    step_one = forgot.post("/account/forgot-password/", {"username": "jdoe01", "email": "jdoe@example.com"})
    forgot.post(step_one["Location"], {"answer": "anything"})
    reset = link_path(mail_to(smtp_inbox, "jdoe@example.com", "Reset your PACER password"), "/account/reset/")
    client = Client()
    login(client, "jdoe01", PACER_PASSWORD)
    assert _upgrade(client)["Location"] == "/account/upgrade/done/"
    assert Client().get(reset).status_code == 410
    taken_over = Client().post(reset, {"password1": "Taken-Over-Account-99!", "password2": "Taken-Over-Account-99!"})
    assert taken_over.status_code == 410
    assert login(Client(), "janedoe2026", NEW_PASSWORD).status_code == 302
