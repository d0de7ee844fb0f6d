"""A walk through the site in Chromium as a person takes it: every step is a screenshot to look at and an axe-core
check (no violation of impact serious or critical), and the keyboard moves as a keyboard user moves."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from openecf.demo.data import PACER_PASSWORD

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
BLOCKING_IMPACTS = {"serious", "critical"}
_AXE = Axe()


def axe_problems(page: Page) -> list[str]:
    """The serious and critical axe-core violations on the page as it is now, one line per element."""
    violations = _AXE.run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {' '.join(node['target'])}"
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
        for node in violation["nodes"]
    ]


def assert_accessible(page: Page) -> None:
    problems = axe_problems(page)
    assert not problems, f"axe-core on {page.url}:\n  " + "\n  ".join(problems)


class Walk:
    """Numbered step screenshots in var/screenshots/<folder>/, each page checked by axe-core first."""

    def __init__(self, page: Page, folder: str, *, axe: bool = True) -> None:
        # axe-core runs inside the page: a page without JavaScript can only be photographed.
        self.page = page
        self.axe = axe
        self.folder = SCREENSHOTS / folder
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.steps: list[Path] = []

    def step(self, name: str) -> Path:
        self.page.wait_for_load_state()
        path = self.folder / f"{len(self.steps) + 1:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)
        if self.axe:
            assert_accessible(self.page)
        self.steps.append(path)
        return path


def focused_name(page: Page) -> str:
    """The accessible name of the focused element, as a screen reader announces it (a label's * dropped)."""
    if page.evaluate("document.activeElement === document.body || document.activeElement === null"):
        return ""
    snapshot = page.locator(":focus").aria_snapshot().splitlines()[0]
    match = re.match(r'- [\w-]+ "((?:[^"\\]|\\.)*)"', snapshot)
    return re.sub(r"\s*\*$", "", match.group(1)) if match else ""


def tab_to(page: Page, name: str, *, limit: int = 80) -> None:
    """Press Tab, and only Tab, until the element named `name` has the focus; its focus must be visible."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused_name(page)
        if current == name:
            assert focus_is_visible(page), f"{name!r} has the focus but shows no focus indicator"
            return
        seen.append(current)
    raise AssertionError(f"Tab never reached {name!r} on {page.url}; it went through {seen}")


def focus_is_visible(page: Page) -> bool:
    return bool(
        page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2)
                              || (s.boxShadow && s.boxShadow !== "none"); }"""
        )
    )


def log_in(page: Page, court: str, username: str) -> None:
    """The court's PACER login with a demo account; a legacy account answers "Not now" to the upgrade."""
    page.goto(f"/login/?court={court}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PACER_PASSWORD)
    page.get_by_role("button", name="Login").click()
    not_now = page.get_by_role("link", name="Not now: continue without upgrading")
    if "/account/upgrade/" in page.url:
        not_now.click()
    expect(page.get_by_role("navigation", name="CM/ECF menu")).to_be_visible()


def deliver_outbox() -> int:
    """Run the e-mail worker once, as `send_outbox` would, in a thread of its own: Playwright's sync API keeps an
    event loop marked as running on the test's thread, where Django refuses database work."""
    import threading

    from django.db import connection

    from openecf.notices.services import deliver_pending

    sent: list[int] = []

    def work() -> None:
        try:
            sent.append(deliver_pending())
        finally:
            connection.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return sent[0]


def words(page: Page, selector: str = "main") -> str:
    """The text of a part of the page as a person reads it, whitespace collapsed."""
    return " ".join(page.locator(selector).first.inner_text().split())


def expect_in_order(page: Page, texts: list[str], selector: str = "main") -> None:
    """Each text is on the page (in `selector`), each after the one before it: the order the guide shows."""
    text = words(page, selector)
    at = 0
    for expected in texts:
        found = text.find(expected, at)
        assert found >= 0, f"{expected!r} is not on {page.url} after {text[:at][-80:]!r}; the page reads: {text!r}"
        at = found + len(expected)
