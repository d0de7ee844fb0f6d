"""The blank login form is rendered once per process for each court, and served with each visitor's own CSRF
token: what a visitor sees and can submit is the same as when it was rendered for them alone."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, make_pacer
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def _form(client: Client, path: str = "/login/") -> tuple[str, str]:
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    tokens = set(_TOKEN.findall(html))
    assert len(tokens) == 1  # every form on the page carries the one token
    return html, tokens.pop()


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


def test_a_change_to_a_courts_login_page_shows_at_once() -> None:
    client = Client()
    before, _ = _form(client, "/login/?court=wiwd")
    Court.objects.filter(pk="wiwd").update(login_notice="Wisconsin Western Filers Sign In")
    after, _ = _form(client, "/login/?court=wiwd")
    assert "Wisconsin Western Filers Sign In" not in before
    assert "Wisconsin Western Filers Sign In" in after


def test_a_signed_in_visitor_sees_their_name_on_the_form() -> None:
    make_pacer("jattorney", "John Attorney")
    client = Client()
    _form(Client())  # the blank page is in the cache
    client.post("/login/", {"username": "jattorney", "password": PACER_PASSWORD, "next": "/"})
    html, _ = _form(client)
    assert "Logged in as John Attorney" in html
