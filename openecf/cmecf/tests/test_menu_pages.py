"""Menu pages come from a per-process cache (cmecf/menu_pages.py): each visitor still sees their own name, menus and
items, and a change to the court shows on the next request."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from conftest import make_filer, make_pacer
from openecf.accounts.models import PacerAccount
from openecf.cmecf import menu_pages
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

UTILITIES = "/ecf/wiwd/utilities/"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    menu_pages._PAGES.clear()


def signed_in(account: PacerAccount) -> Client:
    client = Client()
    client.force_login(account)
    return client


def test_two_visitors_each_see_their_own_name_and_items() -> None:
    searcher = signed_in(make_pacer("jsearcher", "Jo Searcher"))
    filer = signed_in(make_filer("wiwdatty1", "Ann Attorney"))
    first = searcher.get(UTILITIES).content.decode()
    second = filer.get(UTILITIES).content.decode()
    again = searcher.get(UTILITIES).content.decode()
    assert "Jo Searcher" in first and "Ann Attorney" not in first
    assert "Ann Attorney" in second and "Jo Searcher" not in second
    assert "Maintain Your ECF Account" in second
    assert "Maintain Your ECF Account" not in first
    assert again == first
    assert len(menu_pages._PAGES) == 2


def test_visitors_with_the_same_menus_each_see_their_own_name() -> None:
    one = signed_in(make_pacer("jsearcher", "Jo Searcher")).get(UTILITIES).content.decode()
    other = signed_in(make_pacer("ksearcher", "Kim Searcher")).get(UTILITIES).content.decode()
    assert "Jo Searcher" in one and "Kim Searcher" not in one
    assert "Kim Searcher" in other and "Jo Searcher" not in other


def test_a_change_to_the_court_shows_on_the_next_request() -> None:
    client = signed_in(make_pacer("jsearcher", "Jo Searcher"))
    assert "Renamed District Court" not in client.get(UTILITIES).content.decode()
    Court.objects.filter(pk="wiwd").update(name="Renamed District Court")
    assert "Renamed District Court" in client.get(UTILITIES).content.decode()


def test_each_menu_page_marks_its_own_item_in_the_menu_bar() -> None:
    client = signed_in(make_pacer("jsearcher", "Jo Searcher"))
    utilities = client.get(UTILITIES).content.decode()
    query = client.get("/ecf/wiwd/menu/query/").content.decode()
    assert f'href="{UTILITIES}" aria-current="page"' in utilities
    assert 'href="/ecf/wiwd/menu/query/" aria-current="page"' in query
    assert f'href="{UTILITIES}" aria-current="page"' not in query


@override_settings(OPENECF_MENU_PAGE_CHECK=True)
def test_the_check_finds_a_cached_page_that_no_longer_matches() -> None:
    client = signed_in(make_pacer("jsearcher", "Jo Searcher"))
    client.get(UTILITIES)
    ((key, page),) = menu_pages._PAGES.items()
    menu_pages._PAGES[key] = page.replace("Jo Searcher", "Somebody Else")
    client.raise_request_exception = True
    with pytest.raises(AssertionError, match="differs from a fresh render"):
        client.get(UTILITIES)
