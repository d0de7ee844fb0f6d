"""Real Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright, against the live server
that pytest-django starts in this process (so the tests share its database and its settings).

Playwright's sync API keeps an asyncio loop marked as running on the test's thread while it is open, and Django
then keys database connections differently (as for async code). So every fixture that writes test data runs
before the browser starts, and the browser is closed before pytest-django flushes the database: request the data
fixtures (demo_server, ...) before `page` in a test's arguments; `_before_browser` fails loudly otherwise.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.browser.walk import SCREENSHOTS, Walk

# Debian's package (scripts/ensure-chromium.sh installs it); Playwright's own browser download is never used.
CHROMIUM = Path("/usr/bin/chromium")
DESKTOP = {"width": 1024, "height": 640}


def _before_browser() -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise AssertionError("database fixtures must come before `page` in the test's arguments (see conftest)")


@pytest.fixture
def server(live_server: Any, transactional_db: None, django_db_serialized_rollback: None) -> str:
    """The address of a running OpenECF whose database holds the shipped courts (restored after each test)."""
    _before_browser()
    return str(live_server.url)


@pytest.fixture
def demo_server(server: str) -> str:
    """A running OpenECF with the demo accounts of the court guides (the same data `make run` loads)."""
    from conftest import load_demo_as_make_does

    _before_browser()
    load_demo_as_make_does()
    return server


@pytest.fixture
def playwright(server: str) -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(f"Debian's chromium is not at {CHROMIUM}: run scripts/ensure-chromium.sh (make test does)")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture
def chromium(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
    yield browser
    browser.close()


def new_page(browser: Browser, base_url: str, **options: Any) -> Page:
    options = {"viewport": DESKTOP, **options}
    context = browser.new_context(base_url=base_url, locale="en-US", **options)
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def page(chromium: Browser, server: str) -> Iterator[Page]:
    page = new_page(chromium, server)
    yield page
    page.context.close()


@pytest.fixture
def walk(page: Page) -> Callable[[str], Walk]:
    """walk(folder): a screenshot and an axe-core check for each step, into var/screenshots/<folder>/."""
    return lambda folder: Walk(page, folder)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS.exists() and any(SCREENSHOTS.rglob("*.png")):
        terminalreporter.write_line(f"Browser screenshots of every step: {SCREENSHOTS}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A browser that waits for something that never comes must fail the test, not hold up CI.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.timeout(180))
