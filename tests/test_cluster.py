"""`make cluster` on loopback: nginx before two app nodes, one PostgreSQL, one Redis, a worker beside each node.

The cluster is the real one (scripts/cluster.sh, the production settings, gunicorn), on free ports and a
PostgreSQL database of its own on either test leg (a cluster's nodes share one; `make test` always has
PostgreSQL). The nodes are stateless: a browser's session and a cso-auth token work on whichever node nginx picks,
and the throttle counts a guess the same on both. Then one node loses power (SIGKILL, master and workers) in the
middle of a stream of logins and link flows: nginx sends everyone to the live node, no link is lost or made twice,
each e-mail goes out once, the audit log verifies, and the node, restarted, serves again.

Only the web node is killed: its worker goes on sending e-mail. A worker killed mid-send sends that message again
with the same Message-ID when its lease ends (openecf/notices/tests/test_worker_crash.py shows it).
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from conftest import free_port
from tests.live_process import PYTHON, ROOT, Browser, Cluster

pytestmark = pytest.mark.slow

PASSWORD = "Cluster-Test-Password-42!"
PREFIX = "clu"
ACCOUNTS = 120
LINK_PAIRS = 24
LOGIN_CLIENTS = 2
LINK_CLIENTS = 3

PAIRS = f"""
import json
from openecf.courts.models import Court
from bench.loaders import bench_pair, court_ids
courts = court_ids()
live = {{court.pk for court in Court.objects.all() if court.is_live()}}
pairs, i = [], 10  # accounts 0 to 9: the other tests and the stream of logins
while len(pairs) < {LINK_PAIRS}:
    pacer, court, ecf = bench_pair(i, {PREFIX!r}, courts)
    if court in live:
        pairs.append([pacer, court, ecf])
    i += 1
print(json.dumps(pairs))
"""
LINKS = """
import json
from openecf.cmecf.models import Link
print(json.dumps(sorted([link.pacer_account.username, link.ecf_account.login] for link in
                        Link.objects.select_related("pacer_account", "ecf_account"))))
"""
OUTBOX = """
import json
from openecf.notices.models import OutboxMessage
print(json.dumps({m.message_id: [m.status, m.attempts, m.kind] for m in OutboxMessage.objects.all()}))
"""


class Inbox:
    def __init__(self) -> None:
        self.received: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(str(message_from_bytes(envelope.content)["Message-ID"]))
        return "250 Message accepted for delivery"


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port  # type: ignore[attr-defined]
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def cluster(tmp_path: Path, inbox: Inbox) -> Iterator[Cluster]:
    running = Cluster(tmp_path, nodes=2, mail_port=inbox.port, WEB_CONCURRENCY="2")  # type: ignore[attr-defined]
    try:
        running.start()
        loaded = subprocess.run(
            [
                PYTHON,
                "-m",
                "bench.load_accounts",
                "--pacer",
                str(ACCOUNTS),
                "--ecf",
                str(ACCOUNTS),
                "--prefix",
                PREFIX,
                "--no-progress",
            ],
            cwd=ROOT,
            env=running.db.env(),
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert loaded.returncode == 0, loaded.stderr
        yield running
    finally:
        running.stop()


def pacer(i: int) -> str:
    return f"{PREFIX}p{i:07d}"


def api_login(base: str, username: str, password: str = PASSWORD) -> tuple[int, str, dict[str, Any]]:
    """POST /services/cso-auth: (status, node, the JSON answer)."""
    body = json.dumps({"loginId": username, "password": password, "redactFlag": "1"}).encode()
    request = urllib.request.Request(
        f"{base}/services/cso-auth", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("X-OpenECF-Node", ""), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-OpenECF-Node", ""), {}


def court_page(base: str, token: str) -> tuple[int, str, str]:
    """Utilities at a court, signed in by the token alone (the header court systems send): (status, node, page)."""
    request = urllib.request.Request(f"{base}/ecf/wiwd/utilities/", headers={"X-NEXT-GEN-CSO": token})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("X-OpenECF-Node", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-OpenECF-Node", ""), ""


def _one_session_and_one_token_are_good_on_both_nodes(cluster: Cluster) -> None:
    browser = Browser(cluster.url)
    browser.open("/login/")
    browser.open("/login/", {"username": pacer(0), "password": PASSWORD, "client_code": ""})
    assert browser.status == 200
    seen = []
    for _ in range(6):
        browser.open("/")
        seen.append((browser.status, browser.node, "Logged in as Bench Filer 0" in browser.text()))
    assert sorted(set(seen)) == [(200, "node1", True), (200, "node2", True)]

    status, _, answer = api_login(cluster.url, pacer(1))
    assert (status, answer["loginResult"]) == (200, "0")
    pages = [court_page(cluster.url, answer["nextGenCSO"]) for _ in range(6)]
    assert sorted({(status, node) for status, node, _ in pages}) == [(200, "node1"), (200, "node2")]
    assert all("Logged in as Bench Filer 1" in " ".join(re.sub(r"<[^>]+>", " ", page).split()) for _, _, page in pages)


def _guesses(base: str, username: str, source: str) -> list[tuple[int, str]]:
    browser = Browser(base, source=source)
    browser.open("/login/")
    answers = []
    for _ in range(7):
        browser.open("/login/", {"username": username, "password": "Wrong-Password-1!", "client_code": ""})
        answers.append((browser.status, browser.node))
    return answers


def _guesses_spread_over_both_nodes_meet_the_throttle_at_the_same_count_as_on_one(cluster: Cluster) -> None:
    one_node = _guesses(cluster.node_url(1), pacer(2), "127.0.0.6")
    spread = _guesses(cluster.url, pacer(3), "127.0.0.7")
    # Five free failures, then the account's wait (docs/security.md), whichever node counts each guess.
    assert [status for status, _ in one_node] == [401] * 6 + [429]
    assert [status for status, _ in spread] == [401] * 6 + [429]
    assert {node for _, node in one_node} == {"node1"}
    assert {node for _, node in spread} == {"node1", "node2"}


class Stream:
    """Clients working through nginx while a node dies: each request's (end time, status, node), in order."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.answers: list[tuple[float, int, str]] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.errors: list[BaseException] = []

    def note(self, status: int, node: str) -> None:
        with self.lock:
            self.answers.append((time.monotonic(), status, node))

    def run(self, work: Any, *args: Any) -> threading.Thread:
        def guarded() -> None:
            try:
                work(*args)
            except BaseException as error:  # reported by the test, not lost in a thread
                self.errors.append(error)

        thread = threading.Thread(target=guarded, daemon=True)
        thread.start()
        return thread

    def logins(self, accounts: list[str]) -> None:
        """API logins, each followed by a court page with its token, until told to stop."""
        n = 0
        while not self.stop.is_set():
            status, node, answer = api_login(self.base, accounts[n % len(accounts)])
            self.note(status, node)
            if status == 200:
                page_status, page_node, _ = court_page(self.base, answer["nextGenCSO"])
                self.note(page_status, page_node)
            n += 1

    def _link_once(self, pacer_name: str, court: str, ecf: str) -> tuple[str, bool]:
        """One walk through the link flow as a filer's browser does it: (how it ended, whether a node failed it)."""
        browser = Browser(self.base)
        link_url = f"/ecf/{court}/utilities/link/"
        steps: list[tuple[str, dict[str, str] | None]] = [
            (f"/login/?court={court}&next={link_url}", None),
            ("/login/", {"username": pacer_name, "password": PASSWORD, "client_code": "", "court": court}),
        ]
        for path, data in steps:
            browser.open(path, {**data, "next": link_url} if data else None)
            self.note(browser.status, browser.node)
            if browser.status >= 500:
                return f"{path}: {browser.status}", True
        if 'name="login"' not in browser.page:
            return f"no link form: {browser.text()[:200]}", False
        browser.open(link_url, {"login": ecf, "password": PASSWORD})
        self.note(browser.status, browser.node)
        nonce = re.search(r'name="nonce" value="([^"]+)"', browser.page)
        if nonce is None:
            return f"link form: {browser.status} {browser.text()[:200]}", browser.status >= 500
        browser.open(f"/ecf/{court}/utilities/link/confirm/", {"nonce": nonce.group(1)})
        self.note(browser.status, browser.node)
        if browser.status == 200 and "Your PACER account has been linked to your CM/ECF account." in browser.text():
            return "linked", False
        return f"confirm: {browser.status} {browser.text()[:200]}", browser.status >= 500

    def links(self, pairs: list[list[str]], outcomes: dict[str, list[str]]) -> None:
        """Link each pair; a walk a dying node broke off is walked again from the start, as the filer would."""
        for pacer_name, court, ecf in pairs:
            tries = outcomes.setdefault(pacer_name, [])
            for _ in range(3):
                outcome, node_failed = self._link_once(pacer_name, court, ecf)
                tries.append(outcome)
                if not node_failed:
                    break


def _a_node_killed_mid_stream_loses_nothing_and_rejoins_when_restarted(cluster: Cluster, inbox: Inbox) -> None:
    pairs = cluster.db.python(PAIRS)
    stream = Stream(cluster.url)
    outcomes: dict[str, list[str]] = {}
    loggers = [stream.run(stream.logins, [pacer(4 + n), pacer(6 + n)]) for n in range(LOGIN_CLIENTS)]
    linkers = [stream.run(stream.links, pairs[n::LINK_CLIENTS], outcomes) for n in range(LINK_CLIENTS)]

    deadline = time.monotonic() + 60
    while sum(len(tries) for tries in outcomes.values()) < len(pairs) // 3:
        assert time.monotonic() < deadline, cluster.log()
        time.sleep(0.05)
    killed_at = time.monotonic()
    cluster.kill_node(1)
    for thread in linkers:
        thread.join(timeout=max(1.0, deadline - time.monotonic()))
    stream.stop.set()
    for thread in loggers:
        thread.join(timeout=30)
    restarted_at = time.monotonic()
    assert not stream.errors, stream.errors

    # Every pair ended linked, once: a walk broken off by the dying node was walked again and found it done, or did it.
    assert cluster.db.python(LINKS) == sorted([pacer_name, ecf] for pacer_name, _, ecf in pairs)
    # Walks no node broke off linked at the first go; at most one walk per client was broken off.
    whole = {name: tries for name, tries in outcomes.items() if len(tries) == 1}
    assert whole == {name: ["linked"] for name in whole}
    assert len(outcomes) - len(whole) <= LINK_CLIENTS, outcomes
    # nginx moved everyone to node2: only requests in flight on node1 when it died failed (a POST is never sent to a
    # second node, it may have been done), at most one per client; every request after that was node2's.
    failed = [(at, status) for at, status, _ in stream.answers if status >= 500]
    assert len(failed) <= LOGIN_CLIENTS + LINK_CLIENTS, failed
    assert all(killed_at <= at < killed_at + 5 for at, _ in failed), failed
    after = [(status, node) for at, status, node in stream.answers if at > killed_at + 1]
    assert after and {node for _, node in after} == {"node2"}
    assert {status for status, _ in after} <= {200, 302}
    served_before = {node for at, status, node in stream.answers if at < killed_at and status == 200}
    assert served_before == {"node1", "node2"}

    # The node restarted rejoins: nginx tries it again once its fail_timeout is over.
    cluster.start_node(1)
    seen: set[str] = set()
    while "node1" not in seen:
        assert time.monotonic() < restarted_at + 30, cluster.log()
        with urllib.request.urlopen(f"{cluster.url}/login/", timeout=10) as response:
            seen.add(response.headers["X-OpenECF-Node"])
        time.sleep(0.2)

    # Each e-mail the links queued went out once (the workers claim each message once), and the audit verifies.
    deadline = time.monotonic() + 30
    outbox = cluster.db.python(OUTBOX)
    while {status for status, _, _ in outbox.values()} != {"sent"}:
        assert time.monotonic() < deadline, outbox
        time.sleep(0.5)
        outbox = cluster.db.python(OUTBOX)
    assert Counter(outbox[message_id][2] for message_id in outbox)["link.confirmed"] >= len(pairs)
    assert Counter(inbox.received) == Counter(dict.fromkeys(outbox, 1))
    assert {attempts for _, attempts, _ in outbox.values()} == {1}
    verified = cluster.db.manage("verify_audit")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("Audit log intact:")


def test_two_nodes_serve_as_one_site_and_a_node_killed_mid_stream_loses_nothing(cluster: Cluster, inbox: Inbox) -> None:
    """One test, one cluster: starting it is most of the time, and the suite's workers would each start their own."""
    _one_session_and_one_token_are_good_on_both_nodes(cluster)
    _guesses_spread_over_both_nodes_meet_the_throttle_at_the_same_count_as_on_one(cluster)
    _a_node_killed_mid_stream_loses_nothing_and_rejoins_when_restarted(cluster, inbox)
