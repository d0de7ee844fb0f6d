"""Need an account?: register, verify the e-mail by its single-use link, sign in."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import link_href, visible_text
from openecf.accounts.models import AccountToken, PacerAccount, SecurityAnswer
from openecf.accounts.tests.helpers import NEW_PASSWORD, body, delivered, link_path, login, mail_to, register
from openecf.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_new_user_registers_verifies_the_email_and_signs_in(demo: None, smtp_inbox: Any) -> None:
    client = Client()
    start = client.get(link_href(client.get("/login/?court=wiwd"), "Need an account?"))
    assert "Register for a PACER account" in visible_text(start)
    done = register(client)
    assert done.status_code == 302
    page = visible_text(client.get(done["Location"]))
    assert "Check your e-mail" in page and "n***@example.com" in page

    # Not yet: the address must be verified first, and the page says so (only to whoever knows the password).
    refused = login(Client(), "nnewfiler", NEW_PASSWORD)
    assert refused.status_code == 403
    assert "Your e-mail address has not been verified yet" in visible_text(refused)

    mail = mail_to(smtp_inbox, "nora@example.com", "Verify your e-mail")
    assert "Your username is nnewfiler" in body(mail)
    verify = link_path(mail, "/account/verify/")
    assert "Press Verify" in visible_text(Client().get(verify))  # opening the link uses nothing up
    verified = Client().post(verify)
    assert "Your e-mail address is verified and your PACER account nnewfiler is active" in visible_text(verified)
    assert login(Client(), "NNewFiler", NEW_PASSWORD).status_code == 302

    account = PacerAccount.objects.get(username="nnewfiler")
    assert (account.user_type, account.county_name, account.state) == ("attorney_filer", "Dane County", "WI")
    assert not account.is_legacy and account.can_file
    events = list(AuditEvent.objects.filter(actor=account).values_list("event", flat=True))
    assert events[:2] == ["pacer_account.registered", "login.refused"]
    assert "pacer_account.email_verified" in events and events[-1] == "login.succeeded"
    assert "Your PACER account is active" in [str(m["Subject"]) for m in delivered(smtp_inbox)]


def test_a_verification_link_works_once(demo: None, smtp_inbox: Any) -> None:
    register(Client())
    verify = link_path(mail_to(smtp_inbox, "nora@example.com", "Verify"), "/account/verify/")
    assert Client().post(verify).status_code == 200
    again = Client().post(verify)
    assert again.status_code == 410
    assert "This link no longer works" in visible_text(again)


def test_an_expired_verification_link_opens_nothing(demo: None, smtp_inbox: Any) -> None:
    register(Client())
    verify = link_path(mail_to(smtp_inbox, "nora@example.com", "Verify"), "/account/verify/")
    AccountToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().post(verify).status_code == 410
    assert PacerAccount.objects.get(username="nnewfiler").email_verified_at is None


def test_a_new_link_can_be_asked_for_and_replaces_the_old_one(demo: None, smtp_inbox: Any) -> None:
    register(Client())
    first = link_path(mail_to(smtp_inbox, "nora@example.com", "Verify"), "/account/verify/")
    client = Client()
    refused = login(client, "nnewfiler", NEW_PASSWORD)
    resent = client.post(link_href_form(refused))
    assert "a new verification link is on its way" in visible_text(resent)
    second = link_path(mail_to(smtp_inbox, "nora@example.com", "Verify"), "/account/verify/")
    assert second != first
    assert Client().post(first).status_code == 410
    assert Client().post(second).status_code == 200


def link_href_form(response: Any) -> str:
    import re

    match = re.search(r'<form method="post" action="([^"]+)" class="inline-form">', response.content.decode())
    assert match, "the refusal offers no button for a new link"
    return match.group(1)


@pytest.mark.argon2
def test_security_answers_are_stored_hashed_and_compared_loosely(demo: None, smtp_inbox: Any) -> None:
    register(Client())
    from openecf.accounts.questions import answer_matches

    stored = SecurityAnswer.objects.get(account__username="nnewfiler", question="first_pet")
    assert "Fluffy" not in stored.answer_hash and stored.answer_hash.startswith("argon2")
    assert answer_matches(stored, "  fLuFfY ")
    assert not answer_matches(stored, "Fluff")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"username": "short"}, "A PACER username has at least 8 characters."),
        ({"username": "ASAMPLE22"}, "The username 'ASAMPLE22' is already taken."),
        ({"password": "tooshort1!A"}, "The password must be 14 to 45 characters long."),
        ({"password": "Nora-Newfiler-Secret-9"}, "must not contain any part of your name"),
        ({"date_of_birth": "2099-01-01"}, "Enter your real date of birth"),
    ],
)
def test_bad_registrations_say_what_is_wrong_and_create_nothing(
    demo: None, change: dict[str, str], message: str
) -> None:
    before = PacerAccount.objects.count()
    response = register(Client(), **change)
    assert response.status_code == 400
    assert message in visible_text(response)
    assert PacerAccount.objects.count() == before


def _to_the_county_page(client: Client) -> None:
    person = {
        "user_type": "case_search",
        "name": "Sam Second",
        "date_of_birth": "1970-01-02",
        "email": "sam@example.com",
    }
    assert client.post("/account/register/", person).status_code == 302
    address = {"line1": "1 Main St", "city": "Madison", "state": "WI", "zip_code": "53703"}
    assert client.post("/account/register/address/", address).status_code == 302


def test_the_county_must_lie_in_the_state(demo: None) -> None:
    client = Client()
    _to_the_county_page(client)
    page = client.get("/account/register/county/")
    assert "120 N Henry St" not in visible_text(page) and "1 Main St Madison, WI 53703" in visible_text(page)
    response = client.post("/account/register/county/", {"county": "17031"})  # Cook County, Illinois
    assert response.status_code == 400
    assert "Choose a county in Wisconsin." in visible_text(response)
    assert "Dane County" in response.content.decode() and "Cook County" not in response.content.decode()


def test_the_same_question_twice_is_refused(demo: None) -> None:
    client = Client()
    _to_the_county_page(client)
    client.post("/account/register/county/", {"county": "55025"})
    answers = {"question1": "first_pet", "answer1": "Rex", "question2": "first_pet", "answer2": "Rex"}
    answers |= {"question3": "first_car", "answer3": "Ford"}
    data = {"username": "samsecond", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **answers}
    response = client.post("/account/register/security/", data)
    assert response.status_code == 400
    assert "Choose a different question each time." in visible_text(response)


def test_pages_out_of_order_send_the_visitor_back_to_the_first_missing_one(db: None) -> None:
    response = Client().get("/account/register/security/")
    assert response.status_code == 302 and response["Location"] == "/account/register/person/"


def _verify_mail_text(message: Any, username: str) -> str:
    return re.sub(r"/account/verify/\S+", "/account/verify/LINK", body(message)).replace(username, "USERNAME")


def test_a_likely_duplicate_registers_like_any_other_and_is_held_for_review(demo: None, smtp_inbox: Any) -> None:
    register(Client())  # Nora Newfiler, born 1985-04-25, nora@example.com
    delivered(smtp_inbox)
    smtp_inbox.messages.clear()
    # Someone types Nora's name and date of birth with another address (two of three match: a likely duplicate),
    # and someone else who shares only her name (not a duplicate). Neither can tell from the pages which is which.
    held_browser, other_browser = Client(), Client()
    held = register(held_browser, username="nora-again", email="nora.other@example.com")
    other = register(other_browser, username="nora-namesake", email="nn.other@example.com", date_of_birth="1990-01-01")
    assert held.status_code == other.status_code == 302
    assert held["Location"] == other["Location"] == "/account/register/done/"
    held_page, other_page = held_browser.get(held["Location"]), other_browser.get(other["Location"])
    assert held_page.status_code == other_page.status_code == 200
    assert visible_text(held_page) == visible_text(other_page)
    assert "Check your e-mail" in visible_text(held_page) and "held" not in visible_text(held_page)
    # Nor from the mailbox, until its address is proved: one verification message each, the same words.
    mails = delivered(smtp_inbox)
    [to_held] = [m for m in mails if "nora.other@example.com" in m["X-Envelope-To"]]
    [to_other] = [m for m in mails if "nn.other@example.com" in m["X-Envelope-To"]]
    assert to_held["Subject"] == to_other["Subject"] == "Verify your e-mail address for your new PACER account"
    assert _verify_mail_text(to_held, "nora-again") == _verify_mail_text(to_other, "nora-namesake")
    # Nor from the login before the address is proved.
    refused_held, refused_other = (
        login(Client(), "nora-again", NEW_PASSWORD),
        login(Client(), "nora-namesake", NEW_PASSWORD),
    )
    assert refused_held.status_code == refused_other.status_code == 403
    assert visible_text(refused_held) == visible_text(refused_other)
    held_account = PacerAccount.objects.get(username="nora-again")
    assert held_account.held_for_review and not PacerAccount.objects.get(username="nora-namesake").held_for_review
    assert AuditEvent.objects.get(event="pacer_account.registered", actor=held_account).detail["held_for_review"]

    # Once the address is proved, the hold is explained, on the page and by e-mail.
    smtp_inbox.messages.clear()
    verified = Client().post(link_path(to_held, "/account/verify/"))
    assert "Your e-mail address is verified; your account is still held for review" in visible_text(verified)
    [explained] = delivered(smtp_inbox)
    assert explained["Subject"] == "Your PACER registration is held for review"
    assert "nora.other@example.com" in explained["X-Envelope-To"]
    refused = login(Client(), "nora-again", NEW_PASSWORD)
    assert refused.status_code == 403 and "being reviewed" in visible_text(refused)

    from django.core.management import call_command

    call_command("release_pacer_account", "nora-again", "--by", "psc-reviewer")
    assert login(Client(), "nora-again", NEW_PASSWORD).status_code == 302
    assert AuditEvent.objects.get(event="pacer_account.released").detail["released_by"] == "psc-reviewer"
    assert mail_to(smtp_inbox, "nora.other@example.com", "has been released")


def test_the_first_page_asks_nothing_about_duplicates(demo: None) -> None:
    register(Client())
    client = Client()
    person = {"user_type": "case_search", "name": "Nora Newfiler", "date_of_birth": "1985-04-25"}
    response = client.post("/account/register/", {**person, "email": "nora.other@example.com", "phone": ""})
    assert response.status_code == 302 and response["Location"] == "/account/register/address/"
    first_page = client.get("/account/register/")
    assert "I do not already have a PACER account" not in first_page.content.decode()
    # What everyone is told, duplicate or not.
    assert "Already have a PACER account? Use Forgot username? or Forgot password?" in visible_text(first_page)


def test_one_matching_detail_is_not_a_duplicate(demo: None) -> None:
    register(Client())
    other = register(Client(), username="nora-namesake", email="nn2@example.com", date_of_birth="1990-01-01")
    assert other.status_code == 302
    assert not PacerAccount.objects.get(username="nora-namesake").held_for_review
