"""Seed 001 over real HTTP against a running server: sockets, cookies, CSRF tokens and the stylesheet."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest

from openecf.cmecf.models import Link
from openecf.demo.data import PACER_PASSWORD
from tests.live_process import Browser


@pytest.mark.django_db(transaction=True)
def test_seed_001_against_a_running_server(live_server: Any, courts: None) -> None:
    from openecf.demo.services import load_demo

    load_demo()
    browser = Browser(live_server.url)
    browser.open("/courts/wiwd/")
    browser.open(browser.href("E-Filing (CM/ECF) »"))
    assert "Wisconsin Western District Court Login" in browser.page
    assert "sessionid" not in {cookie.name for cookie in browser.jar}
    browser.open(browser.url, {"username": "asample22", "password": PACER_PASSWORD, "client_code": "", "court": "wiwd"})
    assert browser.url == f"{live_server.url}/ecf/wiwd/"
    session = next(cookie for cookie in browser.jar if cookie.name == "sessionid")
    assert session.has_nonstandard_attr("HttpOnly")
    stylesheet = urllib.request.urlopen(f"{live_server.url}/static/openecf/site.css", timeout=20)
    assert stylesheet.status == 200 and b".menubar" in stylesheet.read()
    browser.open(browser.href("Utilities"))
    browser.open(browser.href("Link a CM/ECF account to my PACER account"))
    browser.open(browser.url, {"login": "asample", "password": "wiwd-ecf-sample"})
    assert "Do you want to link these accounts?" in browser.page
    nonce = re.search(r'name="nonce" value="([^"]+)"', browser.page)
    assert nonce
    browser.open("/ecf/wiwd/utilities/link/confirm/", {"nonce": nonce.group(1)})
    assert browser.url.endswith("/ecf/wiwd/utilities/link/done/")
    assert "The CM/ECF account for Attorney Sample is now linked to your CSO account." in browser.page
    assert Link.objects.filter(court_id="wiwd", pacer_account__username="asample22").count() == 1
    browser.open(browser.href("Log Out"))
    assert "You have logged out" in browser.page
    browser.open("/ecf/wiwd/")  # signed out: the CM/ECF site's landing page, its entry to the login
    browser.open(browser.href("Document Filing System"))
    assert "Wisconsin Western District Court Login" in browser.page
