"""A court page reads its court, the visitor's token and their link in one statement (cmecf/middleware.py); the
token is still checked as any token is, and the link shown is always the signed-in account's."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, make_filer, make_pacer, pacer_login
from openecf.signon.models import CsoToken

pytestmark = pytest.mark.django_db

UTILITIES = "/ecf/wiwd/utilities/"
FILER_ITEM = "Maintain Your ECF Account"


def api_token(username: str) -> str:
    body = {"loginId": username, "password": PACER_PASSWORD, "redactFlag": "1"}
    answer = Client().post("/services/cso-auth", body, content_type="application/json").json()
    return str(answer["nextGenCSO"])


def by_cookie(token: str) -> Client:
    client = Client()
    client.cookies["NextGenCSO"] = token
    return client


def test_a_linked_filer_by_token_sees_their_filer_items_from_one_statement(django_assert_num_queries: Any) -> None:
    make_filer("wiwdatty1", "Ann Attorney")
    client = by_cookie(api_token("wiwdatty1"))
    with django_assert_num_queries(1):
        page = client.get(UTILITIES)
    assert page.status_code == 200
    assert "Ann Attorney" in page.content.decode() and FILER_ITEM in page.content.decode()


def test_an_ended_token_opens_nothing() -> None:
    make_filer("wiwdatty1", "Ann Attorney")
    token = api_token("wiwdatty1")
    CsoToken.objects.update(ended_at="2026-01-01T00:00:00Z", ended_reason="logout")
    page = by_cookie(token).get(UTILITIES)
    assert (page.status_code, page["Location"]) == (302, "/login/?court=wiwd&next=%2Fecf%2Fwiwd%2Futilities%2F")


def test_the_session_decides_who_is_signed_in_and_whose_link_shows() -> None:
    make_pacer("jsearcher", "Jo Searcher")
    make_filer("wiwdatty1", "Ann Attorney")
    browser = Client()
    assert pacer_login(browser, "jsearcher").status_code == 302
    browser.cookies["NextGenCSO"] = api_token("wiwdatty1")  # a filer's token beside a searcher's session
    page = browser.get(UTILITIES).content.decode()
    assert "Jo Searcher" in page and "Ann Attorney" not in page
    assert FILER_ITEM not in page


def test_an_unknown_court_is_not_found_for_a_signed_in_visitor() -> None:
    make_pacer("jsearcher", "Jo Searcher")
    assert by_cookie(api_token("jsearcher")).get("/ecf/nosuch/utilities/").status_code == 404
