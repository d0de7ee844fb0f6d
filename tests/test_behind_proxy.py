"""Behind a real nginx: each client is its own address for the throttle and the audit log, whatever it forges.

The production server (gunicorn) trusts 127.0.0.1, nginx's address towards it (OPENECF_TRUSTED_PROXIES). The clients
connect to nginx from other loopback addresses (127.0.0.2, 127.0.0.3), so nginx sees, and appends to
X-Forwarded-For, a different address for each, as it would for people on the Internet.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import PACER_PASSWORD
from tests.live_process import Browser, LiveDatabase, Nginx, ProductionServer

pytestmark = pytest.mark.slow

ATTACKER, OWNER = "127.0.0.2", "127.0.0.3"
SETUP = f"""
import json
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import COMMAND_LINE
create_pacer_account(username="jattorney", name="John Attorney", email="jattorney@example.com",
                     password={PACER_PASSWORD!r}, origin=COMMAND_LINE)
print(json.dumps("ready"))
"""
EVENTS = """
import json
from openecf.audit.models import AuditEvent
events = AuditEvent.objects.filter(event__startswith="login.") | AuditEvent.objects.filter(event="throttle.locked")
print(json.dumps([
    [e.event, e.ip_address, e.username, e.detail.get("reason", e.detail.get("subject", ""))]
    for e in events.order_by("id")
]))
"""


@pytest.fixture
def proxy(live_db: LiveDatabase) -> Iterator[Nginx]:
    assert live_db.python(SETUP) == "ready"
    server = ProductionServer(live_db, workers=2, OPENECF_TRUSTED_PROXIES="127.0.0.1/32").start()
    nginx = Nginx(f"127.0.0.1:{server.port}", live_db.workdir)
    try:
        yield nginx.start()
    finally:
        nginx.stop()
        server.stop()


def _sign_in(proxy: Nginx, source: str, username: str, password: str, forged: str | None = None) -> Browser:
    browser = Browser(proxy.url, source=source, headers={"X-Forwarded-For": forged} if forged else {})
    browser.open("/login/")
    browser.open("/login/", {"username": username, "password": password, "client_code": ""})
    return browser


def test_one_address_guessing_is_locked_out_and_the_owner_elsewhere_still_signs_in(
    live_db: LiveDatabase, proxy: Nginx
) -> None:
    attacker = Browser(proxy.url, source=ATTACKER)
    attacker.open("/login/")
    statuses = []
    for n in range(22):  # a different username each time: only the address counter reaches its limit (20 free)
        attacker.open("/login/", {"username": f"guess{n:02d}", "password": "wrong-password", "client_code": ""})
        statuses.append(attacker.status)
    assert statuses == [401] * 21 + [429]
    assert "Too many failed attempts. For your security, try again in 1 minute" in attacker.text()

    owner = _sign_in(proxy, OWNER, "jattorney", PACER_PASSWORD)
    assert owner.status == 200
    assert "Logged in as John Attorney" in owner.text()

    events = live_db.python(EVENTS)
    assert events == [
        *[["login.failed", ATTACKER, f"guess{n:02d}", ""] for n in range(20)],
        ["throttle.locked", ATTACKER, "", ATTACKER],  # the 21st failure starts the address's wait
        ["login.failed", ATTACKER, "guess20", ""],
        ["login.failed", ATTACKER, "guess21", "throttled"],
        ["login.succeeded", OWNER, "jattorney", ""],
    ]


def test_a_forged_x_forwarded_for_neither_borrows_the_owners_address_nor_escapes_the_count(
    live_db: LiveDatabase, proxy: Nginx
) -> None:
    first = _sign_in(proxy, OWNER, "jattorney", PACER_PASSWORD)  # the owner's address is now a known one
    assert "Logged in as John Attorney" in first.text()

    attacker = Browser(proxy.url, source=ATTACKER)
    attacker.open("/login/")
    statuses = []
    for n in range(7):
        # A fresh made-up address each time, and the owner's own as the right-most entry the attacker controls.
        attacker.headers["X-Forwarded-For"] = f"203.0.113.{n}, {OWNER}"
        attacker.open("/login/", {"username": "jattorney", "password": "wrong-password", "client_code": ""})
        statuses.append(attacker.status)
    # Five free failures, then the account's wait: the attacker is not exempt as the owner's known address would be.
    assert statuses == [401] * 6 + [429]

    owner = _sign_in(proxy, OWNER, "jattorney", PACER_PASSWORD, forged="198.51.100.1")
    assert owner.status == 200
    assert "Logged in as John Attorney" in owner.text()

    events = live_db.python(EVENTS)
    assert events == [
        ["login.succeeded", OWNER, "jattorney", ""],
        *[["login.failed", ATTACKER, "jattorney", ""] for _ in range(5)],
        ["throttle.locked", ATTACKER, "jattorney", "pacer:jattorney"],  # the 6th failure starts the account's wait
        ["login.failed", ATTACKER, "jattorney", ""],
        ["login.failed", ATTACKER, "jattorney", "throttled"],
        ["login.succeeded", OWNER, "jattorney", ""],
    ]
