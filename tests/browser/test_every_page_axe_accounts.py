"""Every page of a PACER account, in Chromium under axe-core (see test_every_page_axe.py): registration and
recovery, Manage My Account, Login and Security, the steps of a login and a legacy account's upgrade."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.tour import DEMO_PASSWORD, NEW_PASSWORD, Tour, expect_tour, mailed_path, sign_in, tour_of
from tests.browser.walk import deliver_outbox

# --- Someone new: registration, the e-mailed verification, and the recovery pages --------------------------------

REGISTRANT = tour_of(
    "registrant",
    "accounts:register",
    "accounts:register_person",
    "accounts:register_address",
    "accounts:register_county",
    "accounts:register_security",
    "accounts:register_done",
    "accounts:verify_email",
    "accounts:forgot_username",
    "accounts:forgot_password",
    "accounts:forgot_password_question",
    "accounts:reset_password",
)
ANSWERS = {"pet": "Fluffy", "city": "Madison", "car": "Volvo"}


def test_a_new_person_registers_then_recovers_the_account(demo_server: str, smtp_inbox: Any, page: Page) -> None:
    tour = Tour(page)
    tour.visit("accounts:register", "Personal information")
    tour.visit("accounts:register_person", "Personal information")
    person = {"user_type": "attorney_filer", "name": "Nora Newfiler", "date_of_birth": "1985-04-25"}
    tour.post("accounts:register_person", {**person, "email": "nora@example.com", "phone": ""})
    tour.visit("accounts:register_address", "Address")
    address = {"line1": "120 N Henry St", "line2": "", "city": "Madison", "state": "WI", "zip_code": "53703"}
    tour.post("accounts:register_address", address)
    tour.visit("accounts:register_county", "County")
    tour.post("accounts:register_county", {"county": "55025"})
    tour.visit("accounts:register_security", "Username, password and security questions")
    questions = {"question1": "first_pet", "answer1": "Fluffy", "question2": "birth_city", "answer2": "Madison"}
    questions |= {"question3": "first_car", "answer3": "Volvo"}
    security = {"username": "nnewfiler", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **questions}
    tour.post("accounts:register_security", security)
    tour.visit("accounts:register_done", "Check your e-mail")
    page.goto(mailed_path(smtp_inbox, "/account/verify/"))
    tour.here("accounts:verify_email", "Verify your e-mail address")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status")).to_contain_text("Your e-mail address is verified")
    tour.here("accounts:verify_email", "Verify your e-mail address")

    tour.visit("accounts:forgot_username", "Forgot username?")
    page.get_by_label("E-mail address").fill("nora@example.com")
    page.get_by_role("main").get_by_role("button").first.click()
    tour.here("accounts:forgot_username", "Check your e-mail")

    tour.visit("accounts:forgot_password", "Forgot password?")
    page.get_by_label("Username").fill("nnewfiler")
    page.get_by_label("E-mail address").fill("nora@example.com")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Answer")).to_be_visible()
    tour.here("accounts:forgot_password_question", "Forgot password?")
    question = page.get_by_role("main").inner_text()
    page.get_by_label("Answer").fill(next(answer for word, answer in ANSWERS.items() if word in question))
    page.get_by_role("main").get_by_role("button").first.click()
    tour.here("accounts:forgot_password_question", "Check your e-mail")
    page.goto(mailed_path(smtp_inbox, "/account/reset/"))
    tour.here("accounts:reset_password", "Choose a new password")
    page.locator("#id_password1").fill("Another-Quiet-Harbor-88")
    page.locator("#id_password2").fill("Another-Quiet-Harbor-88")
    page.get_by_role("main").get_by_role("button").first.click()
    tour.here("accounts:reset_password", "Your password has been changed")
    expect_tour(tour, REGISTRANT)


# --- A PACER account with an authenticator app: the login's code, Manage My Account, Login and Security -----------

ACCOUNT_HOLDER = tour_of(
    "account holder",
    "signon:login_code",
    "accounts:manage",
    "accounts:contact",
    "accounts:email",
    "accounts:confirm_email",
    "accounts:password",
    "accounts:client_code",
    "accounts:upgrade_done",
    "efile:request",
    "mfa:overview",
    "mfa:add",
    "mfa:remove",
    "mfa:backup_codes",
)


@pytest.fixture
def account_holder(demo_server: str) -> tuple[str, Any]:
    from conftest import enrol_app, make_pacer

    account = make_pacer("axeholder", "Alex Holder", email="alex.holder@example.com")
    return account.username, enrol_app(account)


def test_an_account_holder_s_pages(account_holder: tuple[str, Any], smtp_inbox: Any, page: Page) -> None:
    from conftest import PACER_PASSWORD, code_at

    username, totp = account_holder
    tour = Tour(page)
    sign_in(page, username, PACER_PASSWORD)
    tour.here("signon:login_code", "Enter your one-time passcode")
    page.get_by_label("One-time passcode").fill(code_at(totp))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("button", name="Log Out")).to_be_visible()

    tour.visit("accounts:manage", "Manage My Account")
    tour.visit("accounts:contact", "Contact details")
    tour.visit("accounts:password", "Change password")
    tour.visit("accounts:client_code", "Client code preference")
    tour.visit("accounts:upgrade_done", "Your PACER account is upgraded")
    tour.visit("efile:request", "E-file registration")
    tour.visit("accounts:email", "Change e-mail address")
    page.get_by_label("New e-mail address").fill("alex.new@example.com")
    page.get_by_label("Current password").fill(PACER_PASSWORD)
    page.get_by_role("main").get_by_role("button").first.click()
    expect(page.get_by_role("status")).to_be_visible()
    tour.accessible()
    page.goto(mailed_path(smtp_inbox, "/account/email/confirm/"))
    tour.here("accounts:confirm_email", "Confirm your new e-mail address")

    tour.visit("mfa:overview", "Login and Security")
    tour.visit("mfa:add", "Add an authenticator app")
    tour.visit("mfa:backup_codes", "Get new backup codes")
    page.get_by_role("button", name="Get new codes").click()  # no code: the field's error
    expect(page.get_by_role("main").get_by_role("textbox")).to_have_attribute("aria-invalid", "true")
    tour.here("mfa:backup_codes", "Get new backup codes")
    page.get_by_role("main").get_by_role("textbox").fill(code_at(totp, 1))  # the next code: the login's is used
    page.get_by_role("button", name="Get new codes").click()
    tour.here("mfa:backup_codes", "Your new backup codes")
    page.goto(reverse("mfa:overview"))
    page.get_by_role("link", name="Remove Phone").click()
    tour.here("mfa:remove", "Remove “Phone”")
    tour.error(reverse("mfa:remove", args=["999999"]), 404, "That authenticator app is not on your account")
    expect_tour(tour, ACCOUNT_HOLDER)


# --- The steps of a login: an app to enrol, the redaction notice; a legacy account's upgrade ------------------------

LOGIN_STEPS = tour_of(
    "login steps",
    "signon:login_mfa_required",
    "mfa:add",
    "signon:login_redaction",
)


@pytest.fixture
def filer_without_app(demo_server: str) -> str:
    """asample22 after seed 001: linked at wiwd, so a filer who must use multi-factor authentication."""
    from openecf.accounts.models import PacerAccount
    from openecf.cmecf.models import EcfAccount, Link

    account = PacerAccount.objects.get(username="asample22")
    Link.objects.create(
        pacer_account=account, court_id="wiwd", ecf_account=EcfAccount.objects.get(court_id="wiwd", login="asample")
    )
    return account.username


def test_the_steps_of_a_filer_s_login(filer_without_app: str, smtp_inbox: Any, page: Page) -> None:
    import pyotp

    tour = Tour(page)
    sign_in(page, filer_without_app, DEMO_PASSWORD, "wiwd")
    tour.here("signon:login_mfa_required", "Multi-factor authentication is required")
    page.get_by_role("link", name="Set up an authenticator app").click()
    tour.here("mfa:add", "Add an authenticator app")
    page.get_by_role("button", name="Send me a code").click()
    expect(page.get_by_role("status")).to_contain_text("We sent a code to a")
    tour.here("mfa:add", "Add an authenticator app")
    assert deliver_outbox() >= 1
    match = re.search(r"^\s+(\d{6})\s*$", smtp_inbox.messages[-1].get_payload(), re.M)
    assert match is not None
    page.get_by_label("Code from the e-mail").fill(match.group(1))
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Setup key")).to_be_visible()
    tour.here("mfa:add", "Add an authenticator app")
    phone = pyotp.TOTP(page.get_by_label("Setup key").inner_text().strip())
    page.get_by_label("Name for this app").fill("Work phone")
    page.get_by_label("Code from the app").fill(phone.now())
    page.get_by_role("button", name="Add this app").click()
    tour.here("mfa:add", "Your authenticator app was added")
    page.get_by_role("button", name="Continue to log in").click()
    tour.here("signon:login_redaction", "Redaction agreement")
    page.get_by_role("button", name="Continue").click()  # the box not ticked: its error
    tour.here("signon:login_redaction", "Redaction agreement")
    expect_tour(tour, LOGIN_STEPS)


LEGACY = tour_of(
    "legacy account",
    "accounts:upgrade",
    "accounts:upgrade_person",
    "accounts:upgrade_address",
    "accounts:upgrade_county",
    "accounts:upgrade_security",
    "accounts:upgrade_done",
)


def test_a_legacy_account_s_upgrade(demo_server: str, page: Page) -> None:
    tour = Tour(page)
    sign_in(page, "jdoe01", DEMO_PASSWORD, "wiwd")
    tour.here("accounts:upgrade", "Upgrading Your PACER Account")
    page.get_by_role("link", name="Upgrade now").click()
    tour.here("accounts:upgrade_person", "Personal information")
    tour.post("accounts:upgrade_person", {"date_of_birth": "1975-06-30", "user_type": "attorney_filer"})
    tour.visit("accounts:upgrade_address", "Verify your address")
    address = {"line1": "1 S Pinckney St", "line2": "Suite 300", "city": "Madison", "state": "WI", "zip_code": "53703"}
    tour.post("accounts:upgrade_address", address)
    tour.visit("accounts:upgrade_county", "Choose your county")
    tour.post("accounts:upgrade_county", {"county": "55025"})
    tour.visit("accounts:upgrade_security", "New username, password and security questions")
    questions = {"question1": "first_pet", "answer1": "Fluffy", "question2": "birth_city", "answer2": "Madison"}
    questions |= {"question3": "first_car", "answer3": "Volvo"}
    security = {"username": "janedoe2026", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **questions}
    tour.post("accounts:upgrade_security", security)
    tour.visit("accounts:upgrade_done", "Your PACER account is upgraded")
    expect_tour(tour, LEGACY)
