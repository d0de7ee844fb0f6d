"""The clerk's desk: a clerk of wiwd changes the court's profile in Chromium, and the court's login shows it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import PACER_PASSWORD, code_at
from openecf.clerks.tests.conftest import make_clerk
from tests.browser.walk import assert_accessible, expect_in_order


@pytest.fixture
def wiwd_clerk(demo_server: str) -> tuple[str, Any]:
    account, totp = make_clerk("profileclerk", "Clara Profile", "wiwd")
    return account.username, totp


def test_a_clerk_sets_the_login_page_style_on_the_desk(wiwd_clerk: tuple[str, Any], page: Page) -> None:
    username, totp = wiwd_clerk
    page.goto("/clerk/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PACER_PASSWORD)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("One-time passcode").fill(code_at(totp))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("navigation", name="Clerk's desk").get_by_role("link", name="Court profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Court profile")
    expect(page.get_by_label("Utilities")).to_have_value(
        "Your Account: pacer_account, maintain_ecf_account, link\n"
        "Miscellaneous: mailings, court_information\n"
        "Release 3.2 Menu Items: judgment_index\n"
        "Miscellaneous: efincert\n"
        "Release Menu Items: release_5_0, nextgen_release_1_1"
    )
    assert_accessible(page)
    page.get_by_label("Utilities").fill("Your Account: link\nMiscellaneous: teleport")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("unknown item(s) teleport")
    assert_accessible(page)
    page.get_by_label("Utilities").fill("Your Account: pacer_account, link\nMiscellaneous: court_information")
    page.get_by_label("PACER LOGIN (title “PACER LOGIN”, the cookie notice, a “Login” box)").check()
    page.get_by_label("The login requires a client code (Client Code *)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text(
        "Saved: 3 change(s), recorded in the audit log. Filers see them at once."
    )
    assert_accessible(page)
    page.goto("/login/?court=wiwd")
    expect(page.get_by_role("heading", level=1)).to_have_text("PACER LOGIN")
    expect_in_order(page, ["PACER LOGIN", "Your browser must be set to accept cookies", "Login", "Client Code *"])
