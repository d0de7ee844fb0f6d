"""The server SIGKILLed at random moments during a stream of link flows: after restarts, every link has its audit
event and its outbox e-mail, nothing is half-written, and the audit chain is unbroken."""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPException

import pytest

from conftest import PACER_PASSWORD
from tests.live_process import Browser, LiveDatabase, ProductionServer

pytestmark = pytest.mark.slow

FILERS = 24
KILLS = 6
SETUP = f"""
import json
from datetime import date
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import COMMAND_LINE
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date
wied = Court.objects.get(pk="wied")
set_nextgen_date(court=wied, go_live=date(2024, 1, 1), origin=COMMAND_LINE)
for n in range({FILERS}):
    create_pacer_account(username=f"crashfiler{{n:02d}}", name=f"Filer {{n:02d}}", email=f"pacer{{n:02d}}@example.com",
                         password={PACER_PASSWORD!r}, origin=COMMAND_LINE)
    create_ecf_account(court=wied, login=f"ecf{{n:02d}}", name=f"Filer {{n:02d}}", email=f"ecf{{n:02d}}@example.com",
                       password=f"wied-ecf-{{n:02d}}", origin=COMMAND_LINE)
print(json.dumps("ready"))
"""
INVARIANTS = """
import json
from collections import Counter
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import Link
from openecf.notices.models import OutboxMessage
links = {link.ecf_account_id: f"link:{link.pk}" for link in Link.objects.all()}
events = Counter(AuditEvent.objects.filter(event="link.confirmed").values_list("ecf_account_id", flat=True))
mail = Counter(OutboxMessage.objects.filter(kind="link.confirmed").values_list("reference", flat=True))
print(json.dumps({
    "links": len(links),
    "link_without_one_event": [a for a in links if events[a] != 1],
    "event_without_link": [a for a in events if a not in links],
    "link_without_one_mail": [ref for ref in links.values() if mail[ref] != 1],
    "mail_without_link": [ref for ref in mail if ref not in set(links.values())],
}))
"""
DOWN = (OSError, HTTPException)  # refused, reset or cut off mid-answer: the server is down or just died


def _link(url: str, n: int) -> str:
    """One filer's whole flow, from the login page; returns how it ended."""
    browser = Browser(url)
    browser.open("/login/?court=wied", timeout=10)
    browser.open(browser.url, {"username": f"crashfiler{n:02d}", "password": PACER_PASSWORD, "court": "wied"}, 10)
    # Once an earlier try has linked (and the server died before answering), this is a filer's login:
    # multi-factor enrolment may be skipped, and the redaction agreement is ticked.
    if "Multi-factor authentication is required" in browser.text():
        browser.open("/login/mfa-required/", {}, 10)
    if "Redaction agreement" in browser.text():
        browser.open("/login/redaction/", {"accept": "on"}, 10)
    browser.open("/ecf/wied/utilities/link/", timeout=10)
    if "Your PACER account is already linked" in browser.text():
        return "linked"  # an earlier try committed, then the server died before answering
    assert "CM/ECF login:" in browser.text(), (browser.status, browser.text()[:300])
    browser.open(browser.url, {"login": f"ecf{n:02d}", "password": f"wied-ecf-{n:02d}"}, 10)
    assert "Do you want to link these accounts?" in browser.text(), (browser.status, browser.text()[:300])
    nonce = browser.page.split('name="nonce" value="', 1)[1].split('"', 1)[0]
    browser.open("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, 10)
    assert browser.status < 500, browser.text()[:300]
    assert "is now linked to your CSO account" in browser.text(), (browser.status, browser.text()[:300])
    return "linked"


def _until_linked(url: str, n: int, deadline: float) -> int:
    """Retry the flow through crashes, as a filer would; returns how many tries were cut off."""
    cut_off = 0
    while time.monotonic() < deadline:
        try:
            _link(url, n)
            return cut_off
        except DOWN:
            cut_off += 1
            time.sleep(0.2)
    raise AssertionError(f"filer {n} never got linked")


def test_killing_the_server_mid_flow_leaves_nothing_half_written(live_db: LiveDatabase) -> None:
    assert live_db.python(SETUP) == "ready"
    server = ProductionServer(live_db, workers=2).start()
    seed = random.randrange(2**32)
    chance = random.Random(seed)
    deadline = time.monotonic() + 120
    try:
        with ThreadPoolExecutor(3) as pool:
            flows = [pool.submit(_until_linked, server.url, n, deadline) for n in range(FILERS)]
            for _ in range(KILLS):
                time.sleep(chance.uniform(0.2, 1.2))
                server.kill()  # SIGKILL to gunicorn and every worker: no cleanup runs
                server.start()
            cut_off = sum(flow.result() for flow in flows)
    finally:
        server.stop()
    assert cut_off > 0, f"no flow was interrupted (seed {seed}): the test proved nothing"
    assert live_db.python(INVARIANTS) == {
        "links": FILERS,
        "link_without_one_event": [],
        "event_without_link": [],
        "link_without_one_mail": [],
        "mail_without_link": [],
    }, f"seed {seed}"
    sealed = live_db.manage("seal_audit")  # what the worker does every second, so the checked log is all sealed
    assert sealed.returncode == 0, sealed.stderr
    verdict = live_db.manage("verify_audit", "--horizon", "0")
    assert verdict.returncode == 0, verdict.stderr
