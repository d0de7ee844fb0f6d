"""The filing menus lead to their categories' events; every category has events, Notices has a Notice of
Appearance in every menu; the filter box and the Search menu find events by name."""

from __future__ import annotations

import re

import pytest

from openecf.cmecf.menus import _MENUS
from openecf.filing import catalog
from openecf.filing.catalog import Kind
from openecf.filing.tests.conftest import World, signed_in

pytestmark = pytest.mark.django_db


def test_the_catalog_and_the_menus_agree() -> None:
    for menu, labels in catalog.CATEGORIES.items():
        assert list(labels) == _MENUS[menu]
        for label in labels:
            assert catalog.events_in(menu, label), f"{menu} / {label} has no events"
        assert "Notice of Appearance" in [e.name for e in catalog.events_in(menu, "Notices")]
    kinds = {(e.menu, e.kind) for e in catalog.EVENTS}
    for menu in catalog.CATEGORIES:
        assert (menu, Kind.MOTION) in kinds and (menu, Kind.RESPONSE) in kinds and (menu, Kind.APPEARANCE) in kinds
    assert {m for m, k in kinds if k == Kind.OPEN} == {"civil", "bankruptcy", "adversary"}
    assert len(catalog.BY_CODE) == len(catalog.EVENTS)


def test_the_civil_menu_links_to_its_categories(world: World) -> None:
    html = world.client.get("/ecf/wiwd/menu/civil/").content.decode()
    assert re.findall(r'<a href="(/ecf/wiwd/filing/civil/[^"]+)">([^<]+)</a>', html)[:6] == [
        ("/ecf/wiwd/filing/civil/open-a-civil-case/", "Open a Civil Case"),
        ("/ecf/wiwd/filing/civil/initial-pleadings-and-service/", "Initial Pleadings and Service"),
        ("/ecf/wiwd/filing/civil/motions-and-related-filings/", "Motions and Related Filings"),
        ("/ecf/wiwd/filing/civil/responses-and-replies/", "Responses and Replies"),
        ("/ecf/wiwd/filing/civil/notices/", "Notices"),
        ("/ecf/wiwd/filing/civil/other-filings/", "Other Filings"),
    ]
    _, bk = signed_in("bkfiler1", "Bo Filer", court="wiwb")
    assert "/ecf/wiwb/filing/bankruptcy/motions-applications/" in bk.get("/ecf/wiwb/menu/bankruptcy/").content.decode()


def test_the_filter_box_and_the_search_menu(world: World) -> None:
    page = world.client.get("/ecf/wiwd/filing/civil/motions-and-related-filings/?q=dismiss").content.decode()
    assert re.findall(r'<label for="event-civil[^"]+">([^<]+)</label>', page) == ["Motion to Dismiss"]
    search = world.client.get("/ecf/wiwd/menu/search/").content.decode()
    assert '<a href="/ecf/wiwd/filing/search/">Search for a menu item</a>' in search
    found = world.client.get("/ecf/wiwd/filing/search/?q=appearance").content.decode().split("Events matching")[1]
    assert re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', found) == [
        "Civil » Notices » Notice of Appearance",
        "Criminal » Notices » Notice of Appearance",
    ]
    assert "No menu item matches" in world.client.get("/ecf/wiwd/filing/search/?q=zebra").content.decode()
