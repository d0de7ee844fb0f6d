"""Each court's login page and CM/ECF landing page as its guide shows it (the court's profile), word for word."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, link_href, make_pacer, visible_text
from openecf.courts.models import Court
from openecf.courts.profiles import (
    ALND_LAYOUT,
    APPELLATE_LAYOUT,
    COOKIE_NOTICE,
    DEFAULT_LAYOUT,
    NOTICE_WEB_SITE,
    NOTICE_WEBSITE,
    NOTICE_WIWD,
    WIWD_LAYOUT,
)

pytestmark = pytest.mark.django_db

CLIENT_CODE_HELP = "Optional. Up to 32 characters; letters, digits and . _ - / only."


def main_text(response: Any) -> str:
    """The text of the page's <main>, as a person reads it."""
    main = re.search(r"(?s)<main\b.*?</main>", response.content.decode())
    assert main is not None
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main.group(0))).split())


def test_seed_001_wiwd_court_branded_nextgen_login() -> None:
    # Seed 001, step 3: the title, "* Required Information", the fields, the links with "|", the long notice;
    # no cookie notice.
    assert main_text(Client().get("/login/?court=wiwd")) == (
        "Wisconsin Western District Court Login * Required Information Username * Password * "
        f"Client Code {CLIENT_CODE_HELP} Login Clear Cancel "
        f"Forgot password? | Forgot username? | Need an account? {NOTICE_WIWD}"
    )


def test_seed_002_wiwb_nextgen_login_has_login_and_clear_only() -> None:
    # Seed 002, step 4: "* Required information", Login and Clear, the short notice ("website").
    assert main_text(Client().get("/login/?court=wiwb")) == (
        "Wisconsin Western Bankruptcy Court NextGen Login * Required information Username * Password * "
        f"Client Code {CLIENT_CODE_HELP} Login Clear "
        f"Forgot password? | Forgot username? | Need an account? {NOTICE_WEBSITE}"
    )


def test_seed_003_pacer_login_at_gud() -> None:
    # Seed 003, step 2: PACER LOGIN, the cookie notice, the "Login" box, Login Clear Cancel, the links in their
    # order, the notice with "web site".
    page = Client().get("/login/?court=gud")
    assert main_text(page) == (
        f"PACER LOGIN {COOKIE_NOTICE} Login * Required Information Username * Password * "
        f"Client Code {CLIENT_CODE_HELP} Login Clear Cancel "
        f"Need an Account? | Forgot Your Password? | Forgot User Name? {NOTICE_WEB_SITE}"
    )
    assert "<title>PACER LOGIN</title>" in page.content.decode()
    assert re.search(r"<h1>PACER LOGIN</h1>\s*<p class=\"cookie-notice\">", page.content.decode())
    assert "<h2>Login</h2>" in page.content.decode()
    # Cancel goes back to the court's CM/ECF site, where the login was entered from.
    assert link_href(page, "Cancel") == "/ecf/gud/"


def test_seed_004_alnd_requires_the_client_code() -> None:
    assert main_text(Client().get("/login/?court=alnd")) == (
        f"PACER LOGIN {COOKIE_NOTICE} Login * Required Information Username * Password * "
        "Client Code * Required at this court. Up to 32 characters; letters, digits and . _ - / only. "
        "Login Clear Cancel "
        f"Need an Account? | Forgot Your Password? | Forgot User Name? {NOTICE_WEB_SITE}"
    )


def test_at_alnd_a_login_without_a_client_code_is_refused_and_with_one_accepted() -> None:
    make_pacer("alndfiler9", "Alma Filer")
    client = Client()
    data = {"username": "alndfiler9", "password": PACER_PASSWORD, "court": "alnd", "client_code": ""}
    refused = client.post("/login/?court=alnd", data)
    assert refused.status_code == 400
    assert "Enter a client code: this court requires one." in visible_text(refused)
    accepted = client.post("/login/?court=alnd", {**data, "client_code": "matter-17"})
    assert accepted.status_code == 302
    assert client.cookies["PacerClientCode"].value == "matter-17"


def test_other_courts_get_the_default_nextgen_login() -> None:
    assert main_text(Client().get("/login/?court=wied")) == (
        "Wisconsin Eastern District Court Login * Required Information Username * Password * "
        f"Client Code {CLIENT_CODE_HELP} Login Clear Cancel "
        f"Forgot password? | Forgot username? | Need an account? {NOTICE_WEBSITE}"
    )


def test_the_login_without_a_court_is_the_pacer_login() -> None:
    text = main_text(Client().get("/login/"))
    assert text.startswith(f"PACER LOGIN {COOKIE_NOTICE} Login * Required Information")
    assert text.endswith(f"Need an Account? | Forgot Your Password? | Forgot User Name? {NOTICE_WEB_SITE}")


def test_every_court_has_a_profile() -> None:
    assert Court.objects.count() == 205
    assert not Court.objects.filter(utilities_layout=[]).exists()
    assert set(Court.objects.filter(login_style="pacer").values_list("pk", flat=True)) == {"gud", "alnd"}
    assert list(Court.objects.filter(client_code_required=True).values_list("pk", flat=True)) == ["alnd"]
    layouts = {court.pk: court.utilities_layout for court in Court.objects.all()}
    appellate = set(Court.objects.filter(type="appellate").values_list("pk", flat=True))
    assert len(appellate) == 13
    assert all(layouts[pk] == APPELLATE_LAYOUT for pk in appellate)
    assert layouts["wiwd"] == WIWD_LAYOUT and layouts["alnd"] == ALND_LAYOUT
    assert all(layouts[pk] == DEFAULT_LAYOUT for pk in set(layouts) - appellate - {"wiwd", "alnd"})


@pytest.mark.parametrize(
    ("court", "entry", "login_title"),
    [
        ("alnd", "CM/ECF – Document Filing System", "PACER LOGIN"),  # seed 004, step 1
        ("gud", "Document Filing System", "PACER LOGIN"),  # seed 003, step 1
        ("wiwb", "Document Filing System", "Wisconsin Western Bankruptcy Court NextGen Login"),
    ],
)
def test_the_cm_ecf_site_shows_a_signed_out_visitor_its_entry_to_the_login(
    court: str, entry: str, login_title: str
) -> None:
    client = Client()
    landing = client.get(f"/ecf/{court}/")
    assert landing.status_code == 200
    assert main_text(landing).startswith(f"{Court.objects.get(pk=court).name} {entry} Live on NextGen CM/ECF since")
    assert 'class="menubar"' not in landing.content.decode()  # nothing to choose before logging in
    login = client.get(link_href(landing, entry))
    assert login.status_code == 200
    assert main_text(login).startswith(login_title)


def test_a_currentgen_court_leads_to_its_own_court_login() -> None:
    landing = Client().get("/ecf/nysd/")
    assert main_text(landing).startswith("District Court, S.D. New York Document Filing System This court is not yet")
    assert link_href(landing, "Document Filing System") == "/ecf/nysd/cgi-bin/login.pl"


def test_every_court_shows_its_login_and_landing_page_from_its_profile() -> None:
    client = Client()
    for court in Court.objects.all():
        login = client.get(f"/login/?court={court.pk}")
        assert login.status_code == 200, court.pk
        assert main_text(login).startswith(court.login_page_title), court.pk
        assert (COOKIE_NOTICE in main_text(login)) == court.is_pacer_login, court.pk
        assert main_text(login).endswith(court.login_notice), court.pk
        landing = client.get(f"/ecf/{court.pk}/")
        assert landing.status_code == 200, court.pk
        assert link_href(landing, court.landing_entry).startswith(
            "/login/?court=" if court.is_live() else f"/ecf/{court.pk}/cgi-bin/login.pl"
        ), court.pk
