"""Multi-factor sign-on in real Chromium: a filer made to enrol at login, then signing in with the app's code."""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.browser.walk import Walk, deliver_outbox


@pytest.fixture
def linked_filer(demo_server: str) -> str:
    """asample22 after seed 001: linked at wiwd, so a filer who must use multi-factor authentication."""
    from openecf.cmecf.models import EcfAccount, Link

    ecf = EcfAccount.objects.get(court_id="wiwd", login="asample")
    Link.objects.create(pacer_account=ecf_owner(), court_id="wiwd", ecf_account=ecf)
    return demo_server


def ecf_owner() -> Any:
    from openecf.accounts.models import PacerAccount

    return PacerAccount.objects.get(username="asample22")


def emailed_code(inbox: Any) -> str:
    assert deliver_outbox() >= 1
    match = re.search(r"^\s+(\d{6})\s*$", inbox.messages[-1].get_payload(), re.M)
    assert match, inbox.messages[-1].get_payload()
    return match.group(1)


def password_step(page: Page) -> None:
    page.goto("/login/?court=wiwd")
    page.get_by_label("Username").fill("asample22")
    page.get_by_label("Password").fill("Central-SignOn-2026!")
    page.get_by_role("button", name="Login").click()


def test_a_filer_enrols_an_app_at_login_then_signs_in_with_its_code(
    linked_filer: str, smtp_inbox: Any, page: Page
) -> None:
    steps = Walk(page, "mfa")
    password_step(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Multi-factor authentication is required")
    expect(page.get_by_text("You may skip this 3 more times.")).to_be_visible()
    steps.step("mfa-required")
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.get_by_role("button", name="Send me a code").click()
    expect(page.get_by_role("status")).to_contain_text("We sent a code to a")
    steps.step("email-code-sent")
    page.get_by_label("Code from the e-mail").fill(emailed_code(smtp_inbox))
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("img", name=re.compile("QR code for your authenticator app"))).to_be_visible()
    steps.step("scan-qr-code")
    phone = pyotp.TOTP(page.get_by_label("Setup key").inner_text().strip())
    page.get_by_label("Name for this app").fill("Work phone")
    page.get_by_label("Code from the app").fill(phone.now())
    page.get_by_role("button", name="Add this app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your authenticator app was added")
    expect(page.locator(".backup-codes li")).to_have_count(10)
    steps.step("backup-codes")
    page.get_by_role("button", name="Continue to log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Redaction agreement")
    page.get_by_label(re.compile("I understand that, if I file, I must comply with the redaction rules")).check()
    steps.step("redaction")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Civil")).to_be_visible()
    steps.step("signed-in")

    page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Log Out").click()
    password_step(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your one-time passcode")
    page.get_by_label("One-time passcode").fill(phone.at(int(time.time()) + 30))  # the next code: the last is used
    steps.step("one-time-passcode")
    page.get_by_role("button", name="Verify").click()
    page.get_by_label(re.compile("I understand that, if I file")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("navigation", name="CM/ECF menu").get_by_role("link", name="Civil")).to_be_visible()


def test_a_filer_may_skip_enrolment_and_finds_login_and_security(linked_filer: str, page: Page) -> None:
    password_step(page)
    page.get_by_role("button", name="Skip for now").click()
    page.get_by_label(re.compile("I understand that, if I file")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_visible()
    page.goto("/account/mfa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Login and Security")
    Walk(page, "mfa-settings").step("login-and-security")
