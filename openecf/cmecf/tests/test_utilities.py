"""Utilities as each court's profile lays it out, by the visitor's state: before linking only what a PACER-only
user has (seed 001 step 4, seed 004 step 5); after linking the filer's own items too."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import make_filer, make_pacer
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

LINK = "Link a CM/ECF account to my PACER account"


def sections(html: str) -> list[tuple[str, list[str]]]:
    """Each section's heading and its links, in page order."""
    return [
        (title, re.findall(r"<a [^>]*>([^<]+)</a>", body))
        for title, body in re.findall(r'(?s)<h2 id="section-\d+">([^<]+)</h2>\s*<ul>(.*?)</ul>', html)
    ]


def dropdown(html: str) -> list[str]:
    """The entries of the menu bar's Utilities drop-down, in order."""
    menu = re.search(r'(?s)<div class="dropdown" id="menu-utilities">(.*?)</div>', html)
    assert menu is not None
    return re.findall(r"<a [^>]*>([^<]+)</a>", menu[1])


def utilities(account: Any, court: str) -> str:
    client = Client()
    client.force_login(account)
    response = client.get(f"/ecf/{court}/utilities/")
    assert response.status_code == 200
    html = response.content.decode()
    assert dropdown(html) == [label for _, labels in sections(html) for label in labels]  # the drop-down agrees
    return html


WIWD_PACER_ONLY = [  # seed 001, step 4, exactly
    ("Your Account", ["Your PACER Account...", LINK]),
    ("Miscellaneous", ["Mailings...", "Court Information"]),
    ("Release 3.2 Menu Items", ["Judgment Index"]),
    ("Miscellaneous", ["eFinCert"]),
    ("Release Menu Items", ["Release 5.0 Menu Items", "NextGen Release 1.1 Menu Items"]),
]


def test_seed_001_wiwd_before_linking() -> None:
    assert sections(utilities(make_pacer("wiwdpacer1", "Pat Pacer"), "wiwd")) == WIWD_PACER_ONLY


def test_seed_001_wiwd_after_linking_the_filer_also_maintains_the_ecf_account() -> None:
    assert sections(utilities(make_filer("wiwdfiler1", "Fay Filer", "wiwd"), "wiwd")) == [
        ("Your Account", ["Your PACER Account...", "Maintain Your ECF Account", LINK]),
        *WIWD_PACER_ONLY[1:],
    ]


def test_seed_004_alnd_before_linking() -> None:
    assert sections(utilities(make_pacer("alndpacer1", "Pat Pacer"), "alnd")) == [
        (  # seed 004, step 5, exactly
            "Your Account",
            [
                "Change Client Code",
                "Change PACER Exemption Status",
                LINK,
                "Citation Display Preferences",
                "Review Billing History",
            ],
        ),
        ("Miscellaneous", ["Mailings...", "Court Information"]),
    ]


def test_seed_004_alnd_after_linking() -> None:
    assert sections(utilities(make_filer("alndfiler1", "Fay Filer", "alnd"), "alnd"))[0] == (
        "Your Account",
        [
            "Maintain Your ECF Account",
            "Change Client Code",
            "Change PACER Exemption Status",
            LINK,
            "Citation Display Preferences",
            "Review Billing History",
            "View Your Transaction Log",
        ],
    )


def test_a_court_with_the_link_item_one_level_down_and_the_default_layout() -> None:
    assert sections(utilities(make_pacer("wiwbpacer1", "Pat Pacer"), "wiwb")) == [
        (
            "Your Account",
            ["Your PACER Account...", "Change Client Code", "Change PACER Exemption Status", "Review Billing History"],
        ),
        ("Miscellaneous", ["Mailings...", "Court Information", "Verify a Document", "Check PDF Document"]),
        ("Release Menu Items", ["NextGen Release 1.1 Menu Items"]),
    ]


def test_a_layout_change_shows_at_once_and_the_way_to_a_nested_link_item_is_never_lost() -> None:
    account = make_pacer("gudpacer01", "Pat Pacer")
    Court.objects.filter(pk="gud").update(utilities_layout=[{"title": "Your Account", "items": ["link", "mailings"]}])
    assert sections(utilities(account, "gud")) == [
        ("Your Account", ["Mailings..."]),
        ("Release Menu Items", ["NextGen Release 1.1 Menu Items"]),
    ]
    Court.objects.filter(pk="gud").update(link_item_location="utilities")
    assert sections(utilities(account, "gud")) == [("Your Account", [LINK, "Mailings..."])]


def test_with_the_old_court_login_at_a_currentgen_court_the_filer_has_the_filer_items(demo: None) -> None:
    client = Client()
    signed_in = client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "jattorney", "password": "nysd-ecf-attorney"})
    assert signed_in.status_code == 302
    assert sections(client.get("/ecf/nysd/utilities/").content.decode())[0] == (
        "Your Account",
        [
            "Your PACER Account...",
            "Maintain Your ECF Account",
            "Change Client Code",
            "Change PACER Exemption Status",
            "Review Billing History",
            "View Your Transaction Log",
        ],
    )
