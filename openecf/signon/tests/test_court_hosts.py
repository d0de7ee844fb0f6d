"""Real host names: ecf.<court>.<domain> reaches that court; pacer.login.<domain> signs on; cookies for .<domain>."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, link_href, make_pacer

pytestmark = pytest.mark.django_db

WIWD = "ecf.wiwd.uscourts.gov"


@pytest.fixture
def domain(settings: Any) -> str:
    settings.OPENECF_COURT_DOMAIN = "uscourts.gov"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".uscourts.gov"]
    return "uscourts.gov"


def api_token(username: str = "researcher1", host: str = "pacer.login.uscourts.gov") -> str:
    response = Client(HTTP_HOST=host).post(
        "/services/cso-auth", json.dumps({"loginId": username, "password": PACER_PASSWORD}), "application/json"
    )
    return str(response.json()["nextGenCSO"])


def test_a_court_host_serves_its_court_at_the_root_with_links_on_that_host(domain: str) -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=api_token())
    home = client.get("/")
    assert home.status_code == 200
    body = home.content.decode()
    assert "District Court, W.D. Wisconsin" in body or "Western District of Wisconsin" in body
    assert 'href="/cgi-bin/login.pl?logout"' in body
    assert 'href="/utilities/"' in body
    assert "/ecf/wiwd/" not in body
    assert client.get("/utilities/").status_code == 200


def test_the_same_paths_without_a_domain_stay_path_based(settings: Any) -> None:
    settings.OPENECF_COURT_DOMAIN = ""
    make_pacer("researcher1", "Rita Searcher")
    client = Client(HTTP_X_NEXT_GEN_CSO=api_token(host="testserver"))
    assert 'href="/ecf/wiwd/cgi-bin/login.pl?logout"' in client.get("/ecf/wiwd/").content.decode()


def test_an_anonymous_visit_to_a_court_host_goes_to_the_sign_on_host_and_back(domain: str) -> None:
    make_pacer("researcher1", "Rita Searcher")
    browser = Client(HTTP_HOST=WIWD)
    first = browser.get("/utilities/", secure=True)
    assert first.status_code == 302
    target = urlsplit(first["Location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "pacer.login.uscourts.gov", "/login/")
    query = parse_qs(target.query)
    assert query["court"] == ["wiwd"] and query["next"] == ["https://ecf.wiwd.uscourts.gov/utilities/"]
    login = Client(HTTP_HOST="pacer.login.uscourts.gov")
    done = login.post(
        f"/login/?{target.query}",
        {"username": "researcher1", "password": PACER_PASSWORD, "client_code": "", "next": query["next"][0]},
        secure=True,
    )
    assert done.status_code == 302 and done["Location"] == "https://ecf.wiwd.uscourts.gov/utilities/"
    cookie = login.cookies["NextGenCSO"]
    assert cookie["domain"] == ".uscourts.gov" and cookie["secure"] is True
    browser.cookies["NextGenCSO"] = cookie.value
    assert browser.get("/utilities/", secure=True).status_code == 200


def test_a_next_url_on_a_foreign_host_is_ignored(domain: str) -> None:
    make_pacer("researcher1", "Rita Searcher")
    login = Client(HTTP_HOST="pacer.login.uscourts.gov")
    done = login.post(
        "/login/?court=wiwd",
        {"username": "researcher1", "password": PACER_PASSWORD, "client_code": "", "next": "https://evil.example/"},
    )
    assert done["Location"] == "/ecf/wiwd/"


def test_logout_on_a_court_host_ends_the_token_and_clears_the_parent_domain_cookies(domain: str) -> None:
    make_pacer("researcher1", "Rita Searcher")
    token = api_token()
    client = Client(HTTP_HOST=WIWD)
    client.cookies["NextGenCSO"] = token
    response = client.get("/cgi-bin/login.pl?logout")
    assert response.status_code == 302
    assert response.cookies["NextGenCSO"]["domain"] == ".uscourts.gov"
    assert response.cookies["NextGenCSO"].value == ""
    # The token is over: the court host's root is the landing page of a signed-out visitor, with no Log Out.
    landing = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=token).get("/")
    assert landing.status_code == 200 and "login.pl?logout" not in landing.content.decode()


def test_the_landing_page_of_a_court_host_leads_to_the_sign_on_host(domain: str) -> None:
    landing = Client(HTTP_HOST="ecf.alnd.uscourts.gov").get("/", secure=True)
    target = urlsplit(link_href(landing, "CM/ECF – Document Filing System"))
    assert (target.scheme, target.netloc, target.path) == ("https", "pacer.login.uscourts.gov", "/login/")
    assert parse_qs(target.query) == {"court": ["alnd"], "next": ["https://ecf.alnd.uscourts.gov/"]}


def test_an_unknown_court_host_is_not_found(domain: str) -> None:
    assert Client(HTTP_HOST="ecf.zzzz.uscourts.gov").get("/cgi-bin/login.pl").status_code == 404


def test_another_court_is_still_reachable_by_path_from_a_court_host(domain: str) -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=api_token())
    page = client.get("/ecf/wiwb/")
    assert page.status_code == 200
    assert 'href="/ecf/wiwb/cgi-bin/login.pl?logout"' in page.content.decode()


class TestPossibleCaseNumbers:
    def test_without_a_token_it_says_not_logged_in(self, domain: str) -> None:
        response = Client(HTTP_HOST=WIWD).get("/cgi-bin/possible_case_numbers.pl?1:23-cv-00042")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
        assert response.content.decode() == (
            '<request number="1:23-cv-00042"><message text="Not logged in.  Please refresh this page."/></request>'
        )

    def test_with_a_token_an_unknown_case_cannot_be_found(self, domain: str) -> None:
        make_pacer("researcher1", "Rita Searcher")
        client = Client(HTTP_HOST=WIWD)
        client.cookies["NextGenCSO"] = api_token()
        body = client.get("/cgi-bin/possible_case_numbers.pl?1:23-cv-00042").content.decode()
        assert 'message text="Cannot find case 1:23-cv-00042"' in body

    def test_the_number_is_escaped(self) -> None:
        import defusedxml.ElementTree as ET

        body = Client().get("/ecf/wiwd/cgi-bin/possible_case_numbers.pl?%22%3E%3Cx%3E").content.decode()
        root = ET.fromstring(body)
        assert root.tag == "request" and root.get("number") == '"><x>' and next(iter(root)).tag == "message"


def test_a_court_s_menus_on_its_own_host_and_on_another_court_s_host_have_their_own_links(domain: str) -> None:
    # The menu bar is built once per process for each court's menu key: the host must be part of it, or the bar
    # built for one host (wiwd at the root) would be served on the other (wiwd under /ecf/wiwd/).
    make_pacer("researcher1", "Rita Searcher")
    token = api_token()
    own = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=token).get("/")
    other = Client(HTTP_HOST="ecf.ilnd.uscourts.gov", HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/")
    again = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=token).get("/")
    assert (own.status_code, other.status_code, again.status_code) == (200, 200, 200)
    assert link_href(own, "Utilities") == "/utilities/"
    assert link_href(other, "Utilities") == "/ecf/wiwd/utilities/"
    assert link_href(again, "Utilities") == "/utilities/"


def test_the_link_pages_addresses_on_a_court_page_follow_the_host(domain: str) -> None:
    # Reversed once per process for each court and URL layout (cmecf/views.py _link_urls): the host is in the key.
    from conftest import TEST_ORIGIN
    from openecf.courts.models import Court
    from openecf.courts.services import set_nextgen_date

    court = Court.objects.get(pk="wiwd")
    set_nextgen_date(court=court, go_live=court.local_date(), origin=TEST_ORIGIN)
    make_pacer("researcher1", "Rita Searcher")
    token = api_token()
    label = Court.objects.get(pk="wiwd").link_item_label
    own = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=token).get("/")
    other = Client(HTTP_HOST="ecf.ilnd.uscourts.gov", HTTP_X_NEXT_GEN_CSO=token).get("/ecf/wiwd/")
    again = Client(HTTP_HOST=WIWD, HTTP_X_NEXT_GEN_CSO=token).get("/")
    assert (own.status_code, other.status_code, again.status_code) == (200, 200, 200)
    assert [link_href(page, label) for page in (own, other, again)] == [
        "/utilities/link/",
        "/ecf/wiwd/utilities/link/",
        "/utilities/link/",
    ]
