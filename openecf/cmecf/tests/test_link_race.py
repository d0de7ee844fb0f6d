"""Race-safe linking on the production server (gunicorn, several worker processes): 50 filers confirm one CM/ECF
account at the same instant; a double-clicked Submit; throttling shared by every worker."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import PACER_PASSWORD
from tests.live_process import Browser, LiveDatabase, ProductionServer, live_database

pytestmark = pytest.mark.slow

RACERS = 50
SETUP = f"""
import json
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import COMMAND_LINE
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.courts.models import Court
from openecf.demo.services import load_demo
load_demo()
for n in range({RACERS}):
    create_pacer_account(username=f"racer{{n:03d}}", name=f"Racer {{n:03d}}", email=f"racer{{n:03d}}@example.com",
                         password={PACER_PASSWORD!r}, origin=COMMAND_LINE)
create_ecf_account(court=Court.objects.get(pk="wied"), login="contested", name="Contested Filer",
                   email="contested@court-records.example.com", password="wied-ecf-contested", origin=COMMAND_LINE)
print(json.dumps("ready"))
"""
OUTCOME = """
import json
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import Link
from openecf.notices.models import OutboxMessage
links = list(Link.objects.filter(ecf_account__login=%r))
print(json.dumps({
    "links": [link.pacer_account.username for link in links],
    "confirmed": AuditEvent.objects.filter(event="link.confirmed", ecf_account__login=%r).count(),
    "mail": [m.reference for m in OutboxMessage.objects.filter(kind="link.confirmed")
             if m.reference in {f"link:{link.pk}" for link in links}],
}))
"""
ALREADY_LINKED = "This CM/ECF account is already linked to a PACER account."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionServer]:
    with live_database(Path(tmp_path_factory.mktemp("race"))) as db:
        assert db.python(SETUP) == "ready"
        production = ProductionServer(db, workers=4).start()
        try:
            yield production
        finally:
            production.stop()


def _at_confirmation(url: str, username: str, password: str, login: str, ecf_password: str) -> Browser:
    browser = Browser(url)
    browser.open("/login/?court=wied")
    browser.open(browser.url, {"username": username, "password": password, "client_code": "", "court": "wied"})
    assert browser.url.endswith("/ecf/wied/"), browser.text()[:300]
    browser.open("/ecf/wied/utilities/link/")
    browser.open(browser.url, {"login": login, "password": ecf_password})
    assert "Do you want to link these accounts?" in browser.text(), browser.text()[:300]
    return browser


def _confirm(browser: Browser, start: threading.Barrier) -> tuple[int, str]:
    nonce = re.search(r'name="nonce" value="([^"]+)"', browser.page)
    assert nonce
    start.wait()
    browser.open("/ecf/wied/utilities/link/confirm/", {"nonce": nonce.group(1), "names_differ_confirmed": "on"})
    return browser.status, browser.text()


def _outcome(db: LiveDatabase, login: str) -> Any:
    return db.python(OUTCOME % (login, login))


def test_fifty_simultaneous_confirmations_make_exactly_one_link(server: ProductionServer) -> None:
    with ThreadPoolExecutor(8) as pool:
        browsers = list(
            pool.map(
                lambda n: _at_confirmation(
                    server.url, f"racer{n:03d}", PACER_PASSWORD, "contested", "wied-ecf-contested"
                ),
                range(RACERS),
            )
        )
    start = threading.Barrier(RACERS)
    with ThreadPoolExecutor(RACERS) as pool:
        results = list(pool.map(lambda browser: _confirm(browser, start), browsers))
    assert all(status < 500 for status, _ in results), [status for status, _ in results]
    winners = [text for status, text in results if "is now linked to your CSO account" in text]
    losers = [text for status, text in results if status == 409 and ALREADY_LINKED in text]
    assert (len(winners), len(losers)) == (1, RACERS - 1), server.log()
    outcome = _outcome(server.db, "contested")
    assert len(outcome["links"]) == 1
    assert outcome["confirmed"] == 1 and len(outcome["mail"]) == 1
    assert server.db.manage("seal_audit").returncode == 0  # what the worker does every second
    assert server.db.manage("verify_audit", "--horizon", "0").returncode == 0  # 50 concurrent writers, all sealed


def test_a_double_clicked_submit_shows_the_same_result_twice_and_links_once(server: ProductionServer) -> None:
    from openecf.demo.data import PACER_PASSWORD as DEMO_PASSWORD

    first = _at_confirmation(server.url, "jattorney", DEMO_PASSWORD, "cs5184", "wied-ecf-5184")
    second = Browser(server.url)  # the same browser window: same cookies, same page
    second.jar, second.opener, second.url, second.page = first.jar, first.opener, first.url, first.page
    start = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda browser: _confirm(browser, start), [first, second]))
    assert results[0] == results[1]
    assert results[0][0] == 200 and "The CM/ECF account for John Attorney is now linked" in results[0][1]
    outcome = _outcome(server.db, "cs5184")
    assert outcome["links"] == ["jattorney"] and outcome["confirmed"] == 1 and len(outcome["mail"]) == 1


def test_every_worker_process_shares_the_throttle(server: ProductionServer) -> None:
    """Seven wrong passwords spread over four workers: the seventh is stopped, so they all count in one place.

    (A username no one signed in to from here: the racers did sign in from this address, which exempts them.)
    """
    statuses = []
    for _ in range(7):
        browser = Browser(server.url)  # a new connection each time: the requests spread over the workers
        browser.open("/login/")
        browser.open("/login/", {"username": "racer999", "password": "wrong-password", "client_code": ""})
        statuses.append(browser.status)
    assert statuses == [401] * 6 + [429]
    assert "Too many failed attempts" in browser.text()
