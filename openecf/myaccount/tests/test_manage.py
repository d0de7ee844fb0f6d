"""Manage My Account: contact details, a verified change of e-mail, the password, client code, linked courts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import form_nonce, link_href, visible_text
from openecf.accounts.models import AccountToken, PacerAccount
from openecf.accounts.tests.helpers import body, delivered, link_path, login, mail_to
from openecf.audit.models import AuditEvent
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db

CHANGED = "Fresh-Meadow-Sparrow-88!"


@pytest.fixture
def signed_in(demo: None) -> Client:
    client = Client()
    assert login(client, "asample22", PACER_PASSWORD).status_code == 302
    return client


def test_the_page_shows_the_account_its_linked_courts_and_the_mfa_settings(signed_in: Client) -> None:
    confirm = signed_in.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": "wiwd-ecf-sample"})
    signed_in.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)})
    page = signed_in.get("/account/")
    text = visible_text(page)
    assert "Manage My Account" in text and "asample22" in text
    assert "Courts where this account is linked" in text
    assert "District Court, W.D. Wisconsin asample (Attorney Sample)" in text
    assert "asample (Attorney Sample)" in text
    linked_on = PacerAccount.objects.get(username="asample22").links.get().linked_at
    assert linked_on.strftime("%m/%d/%Y") in text
    assert link_href(page, "Multi-factor authentication") in ("/account/mfa/", "/mfa/")


def test_manage_my_account_is_reached_from_the_header_and_from_utilities(signed_in: Client) -> None:
    assert link_href(signed_in.get("/account/forgot-username/"), "Manage My Account") == "/account/"
    utilities = signed_in.get("/ecf/wiwd/utilities/")
    assert "Manage My Account" in visible_text(signed_in.get(link_href(utilities, "Your PACER Account...")))


def test_manage_my_account_needs_a_login(db: None) -> None:
    assert Client().get("/account/")["Location"].startswith("/login/?next=/account/")


def test_contact_details_change_with_a_county_of_the_new_state(signed_in: Client, smtp_inbox: Any) -> None:
    address = {"line1": "77 W Jackson Blvd", "line2": "", "city": "Chicago", "state": "IL", "zip_code": "60604"}
    wrong = signed_in.post("/account/contact/", {**address, "county": "55025", "phone": "312-555-0100"})
    assert wrong.status_code == 400
    assert "Choose your county in Illinois." in visible_text(wrong)
    assert "Cook County" in wrong.content.decode()  # the list now holds the new state's counties
    saved = signed_in.post("/account/contact/", {**address, "county": "17031", "phone": "312-555-0100"}, follow=True)
    assert "Your contact details have been saved." in visible_text(saved)
    assert "Chicago, IL 60604 (Cook County)" in visible_text(saved)
    assert "contact details" in str(mail_to(smtp_inbox, "asample@example.com", "contact details")["Subject"])
    assert AuditEvent.objects.get(event="pacer_account.contact_changed").detail["fields"]


def test_a_new_email_is_confirmed_at_the_new_address_and_announced_at_the_old(
    signed_in: Client, smtp_inbox: Any
) -> None:
    asked = signed_in.post(
        "/account/email/", {"email": "attorney.sample@lawfirm.example.com", "current": PACER_PASSWORD}, follow=True
    )
    assert "We sent a confirmation link to attorney.sample@lawfirm.example.com" in visible_text(asked)
    assert PacerAccount.objects.get(username="asample22").email == "asample@example.com"
    notice = mail_to(smtp_inbox, "asample@example.com", "Change of e-mail address requested")
    assert "attorney.sample@lawfirm.example.com" in body(notice) and "/account/" not in body(notice)
    confirm = link_path(
        mail_to(smtp_inbox, "attorney.sample@lawfirm.example.com", "Confirm"), "/account/email/confirm/"
    )
    done = Client().post(confirm)  # from the new mailbox, perhaps another browser
    assert "is now attorney.sample@lawfirm.example.com" in visible_text(done)
    assert PacerAccount.objects.get(username="asample22").email == "attorney.sample@lawfirm.example.com"
    changed = mail_to(smtp_inbox, "asample@example.com", "e-mail address was changed")
    assert "attorney.sample@lawfirm.example.com" in changed["X-Envelope-To"]
    assert Client().post(confirm).status_code == 410


def test_the_password_changes_only_with_the_current_one_and_ends_other_sessions(
    signed_in: Client, smtp_inbox: Any
) -> None:
    other = Client()
    login(other, "asample22", PACER_PASSWORD)
    wrong = signed_in.post("/account/password/", {"current": "not-it", "password1": CHANGED, "password2": CHANGED})
    assert wrong.status_code == 400 and "Your current password is not correct." in visible_text(wrong)
    assert AuditEvent.objects.filter(event="password.change_refused").count() == 1
    ok = signed_in.post(
        "/account/password/", {"current": PACER_PASSWORD, "password1": CHANGED, "password2": CHANGED}, follow=True
    )
    assert "Your password has been changed." in visible_text(ok)
    assert signed_in.get("/account/").status_code == 200  # this session goes on
    assert other.get("/account/").status_code == 302  # the other one has ended
    assert login(Client(), "asample22", CHANGED).status_code == 302
    assert mail_to(smtp_inbox, "asample@example.com", "password was changed")


def test_the_default_client_code_is_used_at_login(signed_in: Client) -> None:
    bad = signed_in.post("/account/client-code/", {"default_client_code": "has space"})
    assert bad.status_code == 400 and "no spaces or commas" in visible_text(bad)
    signed_in.post("/account/client-code/", {"default_client_code": "matter-42"})
    assert PacerAccount.objects.get(username="asample22").default_client_code == "matter-42"
    login(Client(), "asample22", PACER_PASSWORD)
    assert AuditEvent.objects.filter(event="login.succeeded").last().detail["client_code"] == "matter-42"  # type: ignore[union-attr]
    typed = Client().post(
        "/login/?court=wiwd",
        {"username": "asample22", "password": PACER_PASSWORD, "client_code": "m-1", "court": "wiwd"},
    )
    assert typed.status_code == 302
    assert AuditEvent.objects.filter(event="login.succeeded").last().detail["client_code"] == "m-1"  # type: ignore[union-attr]


def test_every_change_is_in_the_audit_log(signed_in: Client, smtp_inbox: Any) -> None:
    signed_in.post("/account/client-code/", {"default_client_code": "x"})
    signed_in.post("/account/email/", {"email": "new@example.com", "current": PACER_PASSWORD})
    delivered(smtp_inbox)
    events = set(AuditEvent.objects.values_list("event", flat=True))
    assert {"client_code_preference.changed", "email_change.requested"} <= events


def test_a_new_email_needs_the_current_password(signed_in: Client, smtp_inbox: Any) -> None:
    page = signed_in.get("/account/email/")
    assert "Current password" in visible_text(page)
    missing = signed_in.post("/account/email/", {"email": "thief@example.com"})
    assert missing.status_code == 400 and "Enter your current password." in visible_text(missing)
    wrong = signed_in.post("/account/email/", {"email": "thief@example.com", "current": "not-it"})
    assert wrong.status_code == 400 and "Your current password is not correct." in visible_text(wrong)
    refused = AuditEvent.objects.get(event="email_change.refused")
    assert refused.actor.username == "asample22" and refused.detail["reason"] == "wrong_password"  # type: ignore[union-attr]
    assert not AuditEvent.objects.filter(event="email_change.requested").exists()
    assert not AccountToken.objects.filter(purpose="change_email").exists()
    assert delivered(smtp_inbox) == []


THROTTLED = "Too many failed attempts. For your security, try again in"


def test_password_guesses_in_manage_my_account_are_throttled_like_logins(signed_in: Client, smtp_inbox: Any) -> None:
    thief = Client(REMOTE_ADDR="198.51.100.77")  # a stolen session cookie, used from elsewhere
    thief.cookies = signed_in.cookies
    for _ in range(6):
        guess = thief.post("/account/email/", {"email": "thief@example.com", "current": "Guess-Password-1!"})
        assert guess.status_code == 400 and "Your current password is not correct." in visible_text(guess)
    email = thief.post("/account/email/", {"email": "thief@example.com", "current": PACER_PASSWORD})
    assert email.status_code == 429 and THROTTLED in visible_text(email)
    password = thief.post("/account/password/", {"current": PACER_PASSWORD, "password1": CHANGED, "password2": CHANGED})
    assert password.status_code == 429 and THROTTLED in visible_text(password)
    # The same count as the login's: from that address the login waits too.
    assert login(Client(REMOTE_ADDR="198.51.100.77"), "asample22", PACER_PASSWORD).status_code == 429
    assert delivered(smtp_inbox) == []
    assert PacerAccount.objects.get(username="asample22").check_password(PACER_PASSWORD)
    reasons = list(AuditEvent.objects.filter(event="email_change.refused").values_list("detail__reason", flat=True))
    assert reasons == ["wrong_password"] * 6 + ["throttled"]
    changes = list(AuditEvent.objects.filter(event="password.change_refused").values_list("detail__reason", flat=True))
    assert changes == ["throttled"]


def test_a_password_change_voids_pending_email_change_and_reset_links(signed_in: Client, smtp_inbox: Any) -> None:
    signed_in.post("/account/email/", {"email": "new.home@example.com", "current": PACER_PASSWORD})
    confirm = link_path(mail_to(smtp_inbox, "new.home@example.com", "Confirm"), "/account/email/confirm/")
    forgot = Client()
    step_one = forgot.post("/account/forgot-password/", {"username": "asample22", "email": "asample@example.com"})
    forgot.post(step_one["Location"], {"answer": "anything"})  # no questions yet: the mailbox is the proof
    reset = link_path(mail_to(smtp_inbox, "asample@example.com", "Reset your PACER password"), "/account/reset/")
    assert Client().get(reset).status_code == 200 and Client().get(confirm).status_code == 200

    changed = signed_in.post(
        "/account/password/", {"current": PACER_PASSWORD, "password1": CHANGED, "password2": CHANGED}
    )
    assert changed.status_code == 302
    assert Client().get(confirm).status_code == 410
    assert Client().post(confirm).status_code == 410
    assert PacerAccount.objects.get(username="asample22").email == "asample@example.com"
    assert Client().get(reset).status_code == 410
    taken_over = Client().post(reset, {"password1": "Taken-Over-Account-99!", "password2": "Taken-Over-Account-99!"})
    assert taken_over.status_code == 410
    assert login(Client(), "asample22", "Taken-Over-Account-99!").status_code == 401
    assert login(Client(), "asample22", CHANGED).status_code == 302
    assert not AccountToken.objects.filter(account__username="asample22", used_at__isnull=True).exists()
