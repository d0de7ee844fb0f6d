"""Seed 001's link flow with the keyboard alone: Tab, Enter, Space and Escape, never the mouse."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from openecf.demo.data import PACER_PASSWORD
from tests.browser.walk import Walk, focused_name, tab_to

LINK_ITEM = "Link a CM/ECF account to my PACER account"


def test_link_flow_by_keyboard_alone(demo_server: str, page: Page, walk: Callable[[str], Walk]) -> None:
    steps = walk("001-wiwd-keyboard")
    page.goto("/courts/wiwd/")
    # The first Tab lands on the skip link, which takes the focus past the header.
    page.keyboard.press("Tab")
    assert focused_name(page) == "Skip to main content"
    steps.step("skip-link")
    page.keyboard.press("Enter")
    tab_to(page, "E-Filing (CM/ECF) »")
    steps.step("e-filing-focused")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wisconsin Western District Court Login")
    tab_to(page, "Username")
    page.keyboard.type("asample22")
    page.keyboard.press("Tab")
    assert focused_name(page) == "Password"
    page.keyboard.type(PACER_PASSWORD)
    steps.step("login-typed")
    page.keyboard.press("Enter")
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_visible()
    # Utilities' drop-down: its button opens it, Tab walks into it, Escape closes it and returns to the button.
    tab_to(page, "Utilities menu")
    toggle = page.get_by_role("button", name="Utilities menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert focused_name(page) == "Your PACER Account..."
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert focused_name(page) == "Utilities menu"
    page.keyboard.press("Space")
    tab_to(page, LINK_ITEM)
    steps.step("utilities-drop-down")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(LINK_ITEM)
    tab_to(page, "CM/ECF login:")
    page.keyboard.type("asample")
    page.keyboard.press("Tab")
    assert focused_name(page) == "CM/ECF password:"
    page.keyboard.type("wiwd-ecf-sample")
    steps.step("credentials-typed")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Do you want to link these accounts?")).to_be_visible()
    tab_to(page, "Submit")
    steps.step("submit-focused")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text(
        "The CM/ECF account for Attorney Sample is now linked to your CSO account."
    )
    # The filing menus are reachable from the keyboard too.
    tab_to(page, "Civil")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Civil")
    steps.step("civil-menu")
