"""A tour of pages in Chromium: each page reached is checked to be the one expected (its URL name and its heading)
and to have no serious or critical axe-core violation; the tour remembers which URL names it reached, so a test
can say exactly which pages it covered (see test_every_page_axe.py)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.urls import resolve, reverse
from playwright.sync_api import APIResponse, Page, expect

from tests.browser.walk import axe_problems, deliver_outbox

DEMO_PASSWORD = "Central-SignOn-2026!"  # openecf.demo.data.PACER_PASSWORD, the demo accounts' password
NEW_PASSWORD = "Quiet-Harbor-Lantern-77"

# Each tour's name and the URL names it reaches (test_every_page_axe.py checks that together they cover the URLconf).
TOURS: dict[str, set[str]] = {}


def tour_of(name: str, *names: str) -> set[str]:
    TOURS[name] = set(names)
    return TOURS[name]


def expect_tour(tour: Tour, names: set[str]) -> None:
    assert sorted(tour.reached) == sorted(names)


class Tour:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.reached: set[str] = set()

    def visit(self, name: str, heading: str | re.Pattern[str], *args: str, query: str = "", status: int = 200) -> None:
        """Open the page of URL name `name` (with `args`) and check it."""
        response = self.page.goto(reverse(name, args=args) + query)
        found = response.status if response else None
        assert found == status, f"{self.page.url}: {found}, not {status}"
        self.here(name, heading)

    def here(self, name: str, heading: str | re.Pattern[str]) -> None:
        """The page now open is `name`'s, headed `heading`, and axe finds nothing serious on it."""
        expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        found = self.name_of_page()
        assert found == name, f"{self.page.url} is {found}'s page, not {name}'s"
        self.accessible()
        self.reached.add(name)

    def error(self, path: str, status: int, heading: str) -> None:
        """A page that answers with an error, as a person sees it."""
        response = self.page.goto(path)
        found = response.status if response else None
        assert found == status, f"{path}: {found}, not {status}"
        expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        self.accessible()

    def accessible(self) -> None:
        self.page.wait_for_load_state()
        expect(self.page.locator("html")).to_have_attribute("lang", "en")
        problems = axe_problems(self.page)
        assert problems == [], f"axe-core on {self.page.url}:\n  " + "\n  ".join(problems)

    def name_of_page(self) -> str:
        return str(resolve(urlsplit(self.page.url).path).view_name)

    def post(self, name: str, data: dict[str, str], *args: str) -> APIResponse:
        """POST a form's fields as the browser would (its cookies, its CSRF token), without following a redirect:
        the quick way past a page this tour has already checked, to the next one."""
        token = next(cookie["value"] for cookie in self.page.context.cookies() if cookie["name"] == "csrftoken")
        response = self.page.request.post(
            reverse(name, args=args),
            form={"csrfmiddlewaretoken": token, **data},
            max_redirects=0,
            headers={"Referer": self.page.url},
        )
        assert response.status < 400, f"POST {name}: {response.status}\n{response.text()[:500]}"
        return response


def sign_in(page: Page, username: str, password: str, court: str = "") -> None:
    """The PACER login form, filled as a person fills it."""
    page.goto(reverse("signon:login") + (f"?court={court}" if court else ""))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Login").click()
    page.wait_for_load_state()


def mailed_path(inbox: Any, fragment: str) -> str:
    """The path of the newest e-mailed link containing `fragment`, as the reader would click it."""
    from openecf.accounts.tests.helpers import body, link_path

    assert deliver_outbox() >= 1
    return link_path(next(m for m in reversed(inbox.messages) if fragment in body(m)), fragment)
