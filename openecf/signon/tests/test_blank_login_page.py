"""The blank login form is rendered once per process for each court on each host, and served with each visitor's
own CSRF token and next= value: what a visitor sees and can submit is what a page rendered for them alone shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import set_script_prefix

from conftest import PACER_PASSWORD, make_pacer
from openecf.courts.models import Court
from openecf.signon import views_login

pytestmark = pytest.mark.django_db

_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
_HREFS = re.compile(r'(?:href|action)="([^"]*)"')


def _form(client: Client, path: str = "/login/", **extra: Any) -> tuple[str, str]:
    page = client.get(path, **extra)
    assert page.status_code == 200
    html = page.content.decode()
    tokens = set(_TOKEN.findall(html))
    assert len(tokens) == 1  # every form on the page carries the one token
    return html, tokens.pop()


def _uncached(path: str, **extra: Any) -> str:
    """The page as rendered for this request alone (nothing in the cache)."""
    views_login._BLANK_PAGES.clear()
    html, token = _form(Client(**extra), path)
    views_login._BLANK_PAGES.clear()
    return html.replace(token, "")


@pytest.fixture
def domain(settings: Any) -> None:
    settings.OPENECF_COURT_DOMAIN = "uscourts.gov"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".uscourts.gov"]


def test_each_visitor_gets_a_token_of_their_own_that_signs_them_in() -> None:
    make_pacer("jattorney", "John Attorney")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html, first_token = _form(first)
    second_html, second_token = _form(second)
    assert first_token != second_token
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert first_html.replace(first_token, "") == second_html.replace(second_token, "")
    assert "PACER LOGIN" in second_html
    # The second visitor's token is theirs: it passes the CSRF check with their cookie, not with the other's.
    form = {"csrfmiddlewaretoken": second_token, "username": "jattorney", "password": PACER_PASSWORD, "next": "/"}
    first.cookies["csrftoken"] = "x" * 32
    assert first.post("/login/", form).status_code == 403
    assert second.post("/login/", form).status_code == 302


def test_each_host_gets_its_own_links_whichever_host_filled_the_cache(domain: None) -> None:
    # gud's login is PACER LOGIN: its Cancel goes back to gud's CM/ECF site, which is at the root of gud's own host
    # and under /ecf/gud/ on any other.
    path = "/login/?court=gud&next=/somewhere/"
    hosts = ["ecf.gud.uscourts.gov", "ecf.wiwd.uscourts.gov", "pacer.login.uscourts.gov"]
    alone = {host: _uncached(path, HTTP_HOST=host) for host in hosts}
    for order in (hosts, hosts[::-1]):
        for host in order:
            html, token = _form(Client(HTTP_HOST=host), path)
            assert html.replace(token, "") == alone[host]
    assert '<a class="button" href="/">Cancel</a>' in alone["ecf.gud.uscourts.gov"]
    assert '<a class="button" href="/ecf/gud/">Cancel</a>' in alone["ecf.wiwd.uscourts.gov"]
    assert '<a class="button" href="/ecf/gud/">Cancel</a>' in alone["pacer.login.uscourts.gov"]
    assert len(views_login._BLANK_PAGES) == 3  # one page per host (the court-host URLconf, for each court host)


@contextmanager
def _script_prefix(prefix: str) -> Iterator[None]:
    """As a server mounted under ``prefix`` sets it for each request (Django's test client leaves it alone).

    Django adds the prefix to a relative STATIC_URL when the process first reads it and keeps that: read it here
    first, so this test's prefix does not stay in every later page's static URLs in this test process."""
    assert settings.STATIC_URL
    set_script_prefix(prefix)
    try:
        yield
    finally:
        set_script_prefix("/")


def test_each_script_prefix_gets_its_own_links() -> None:
    with _script_prefix("/pacer/"):
        alone = _uncached("/login/")
    _form(Client())  # the page at the root is in the cache
    with _script_prefix("/pacer/"):
        html, token = _form(Client())
    assert html.replace(token, "") == alone
    assert 'href="/pacer/account/register/"' in html and 'action="/pacer/login/"' in html
    root_html, _ = _form(Client())
    assert 'href="/account/register/"' in root_html and 'action="/login/"' in root_html


def test_each_court_gets_its_own_page_and_a_change_to_it_shows_at_once() -> None:
    client = Client()
    before, _ = _form(client, "/login/?court=wiwd")
    other, _ = _form(client, "/login/?court=gud")
    assert 'name="court" value="wiwd"' in before and 'name="court" value="gud"' in other
    Court.objects.filter(pk="wiwd").update(login_notice="Wisconsin Western Filers Sign In")
    after, _ = _form(client, "/login/?court=wiwd")
    assert "Wisconsin Western Filers Sign In" not in before
    assert "Wisconsin Western Filers Sign In" in after


def test_next_is_each_visitors_own_and_escaped() -> None:
    _form(Client(), "/login/?next=/first/")
    html, _ = _form(Client(), '/login/?next=/a/?x="1"%26y=<b>')
    assert 'name="next" value="/a/?x=&quot;1&quot;&amp;y=&lt;b&gt;"' in html
    assert "/first/" not in html
    plain, _ = _form(Client(), "/login/")
    assert 'name="next" value="/"' in plain


def test_a_signed_in_visitor_sees_their_name_on_the_form() -> None:
    make_pacer("jattorney", "John Attorney")
    client = Client()
    _form(Client())  # the blank page is in the cache
    client.post("/login/", {"username": "jattorney", "password": PACER_PASSWORD, "next": "/"})
    html, _ = _form(client)
    assert "Logged in as John Attorney" in html
    assert "Logged in as" not in _form(Client())[0]


def test_an_expired_step_is_said_on_the_page_and_not_kept() -> None:
    _form(Client())
    expired, _ = _form(Client(), "/login/?expired=1")
    assert views_login.LOGIN_STEP_EXPIRED in expired
    assert views_login.LOGIN_STEP_EXPIRED not in _form(Client())[0]
