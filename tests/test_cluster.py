"""`make cluster` on loopback: nginx before two app nodes, one PostgreSQL, one Redis, a worker beside each node.

The cluster is the real one (scripts/cluster.sh, the production settings, gunicorn), on free ports and a
PostgreSQL database of its own on either test leg (a cluster's nodes share one; `make test` always has
PostgreSQL). The nodes are stateless: a browser's session and a cso-auth token work on whichever node nginx picks,
and the throttle counts a guess the same on both. Then one node loses power (SIGKILL, master and workers) in the
middle of a stream of logins, link flows and e-filings: attorneys signed in with password, authenticator code and
the redaction agreement, each filing Notices of Appearance with a PDF in one case, walk by walk through the filing
steps. nginx sends everyone to the live node; a walk the dying node broke off is left half-way and walked again
from the start, as a filer would. No link is lost or made twice; every filing whose NEF page the filer saw is
docketed once, under the number shown, and beside them at most the filing whose final POST the node took and never
answered; the case's docket numbers run 1, 2, 3, ... with no gap or repeat; every entry has its document and its
NEF queued to its filer; after `cleanup_filings --grace-minutes 0` every stored document file has its Document row
and every Document its file (a PDF stored by a submission the kill cut short is removed; only the pending uploads
of the transactions left open remain); each e-mail goes out once, the audit log verifies, and the node, restarted,
serves again.

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

import pyotp
import pytest
from aiosmtpd.controller import Controller

from conftest import free_port
from openecf.cases.pdfmake import make_pdf
from tests.live_process import PYTHON, ROOT, Browser, Cluster

pytestmark = pytest.mark.slow

PASSWORD = "Cluster-Test-Password-42!"
PREFIX = "clu"
ACCOUNTS = 120
LINK_PAIRS = 24
LOGIN_CLIENTS = 2
LINK_CLIENTS = 3
FILE_CLIENTS = 3
COURT = "wiwd"

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
FILERS = f"""
import json
from django.utils import timezone
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import Origin
from openecf.cases import services
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.mfa.models import Authenticator
secrets = @SECRETS@  # the test keeps each authenticator app's secret, as the filer's phone does
origin = Origin(ip_address="127.0.0.1", user_agent="test_cluster")
court = Court.objects.get(pk={COURT!r})
assert court.is_live()
judge = services.add_judge(court=court, name="Judith D. Parker", origin=origin)
case = services.open_case(court=court, case_type="cv", title="Smith v. Acme Widget Corp.", judge=judge, origin=origin)
services.add_party(case=case, name="Ann Smith", role="plaintiff", origin=origin)
filers = []
for n, secret in enumerate(secrets):
    username, login = f"{PREFIX}filer{{n}}", f"{PREFIX}ecf{{n}}"
    account = create_pacer_account(
        username=username, name=f"Filing Attorney {{n}}", email=f"{{username}}@example.com",
        password={PASSWORD!r}, origin=origin,
    )
    ecf = create_ecf_account(
        court=court, login=login, name=f"Filing Attorney {{n}}", email=f"{{login}}@court-records.example.com",
        password={PASSWORD!r}, role="attorney", origin=origin,
    )
    Link.objects.create(pacer_account=account, court=court, ecf_account=ecf)
    Authenticator.objects.create(account=account, name="Phone", secret=secret, confirmed_at=timezone.now())
    party = services.add_party(case=case, name=f"Defendant {{n}} Inc.", role="defendant", origin=origin)
    filers.append([username, ecf.email, party.pk])
print(json.dumps({{"case": case.full_number, "filers": filers}}))
"""
FILED = f"""
import json
from openecf.cases.models import DocketEntry, Document
from openecf.filing.models import FilingTransaction, Status
from openecf.notices.models import OutboxMessage
entries = []
for entry in DocketEntry.objects.filter(case__court_id={COURT!r}).select_related("case", "filed_by").order_by("number"):
    entries.append({{
        "case": entry.case.full_number,
        "number": entry.number,
        "filer": entry.filed_by.email,
        "files": sorted([d.original_filename, d.file.name] for d in entry.documents.all()),
        "nefs": [
            m.recipients for m in OutboxMessage.objects.filter(kind="nef", reference=f"docket_entry:{{entry.pk}}")
        ],
    }})
print(json.dumps({{
    "entries": entries,
    "documents": sorted(Document.objects.values_list("file", flat=True)),
    "open": sorted(FilingTransaction.objects.filter(status=Status.OPEN).values_list("key", flat=True)),
}}))
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
    browser = Browser(base, source=source, cut_off_as=502)
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
        browser = Browser(self.base, cut_off_as=502)
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


class Filed:
    """One walk through a filing: whose, the file name it uploaded (unique to the walk), how it ended, when."""

    def __init__(self, username: str, filename: str, outcome: str, number: int | None, node_failed: bool) -> None:
        self.username, self.filename, self.outcome = username, filename, outcome
        self.number, self.node_failed, self.at = number, node_failed, time.monotonic()

    def __repr__(self) -> str:
        return f"Filed({self.username}, {self.filename}, {self.outcome!r}, {self.number})"


class Filers(Stream):
    """Attorneys filing Notices of Appearance through nginx while a node dies, each signed in once (password,
    authenticator code, redaction agreement), as a filer at a court spends a morning filing."""

    def __init__(self, base: str, case: str) -> None:
        super().__init__(base)
        self.case = case
        self.filed: list[Filed] = []

    def sign_in(self, username: str, secret: str) -> Browser:
        browser = Browser(self.base, cut_off_as=502)
        browser.open(f"/login/?court={COURT}")
        browser.open("/login/", {"username": username, "password": PASSWORD, "client_code": "", "court": COURT})
        assert browser.url.endswith("/login/code/"), (browser.status, browser.text()[:300])
        browser.open("/login/code/", {"code": pyotp.TOTP(secret).now()})
        if browser.url.endswith("/login/redaction/"):
            browser.open("/login/redaction/", {"accept": "on"})
        assert (browser.status, browser.url) == (200, f"{self.base}/ecf/{COURT}/"), (browser.status, browser.url)
        return browser

    def _step(self, browser: Browser, step: str, data: dict[str, str], **files: tuple[str, bytes]) -> str | None:
        """Answer the step the browser is at; None when it moved on, else why not."""
        if not re.search(rf"/filing/t/[^/]+/{step}/$", browser.url):
            return f"at {browser.url}, not {step}: {browser.status} {browser.text()[:200]}"
        browser.open(browser.url, data, files=files or None)
        self.note(browser.status, browser.node)
        return None if browser.status == 200 else f"{step}: {browser.status} {browser.text()[:200]}"

    def _file_once(self, browser: Browser, username: str, party: int, filename: str) -> Filed:
        browser.open(f"/ecf/{COURT}/filing/civil/notices/")
        self.note(browser.status, browser.node)
        answers: list[tuple[str, dict[str, str], dict[str, tuple[str, bytes]]]] = [
            ("case", {"number": self.case}, {}),
            ("style", {"confirmed": "yes"}, {}),
            ("joint", {"joint": "no"}, {}),
            ("filer", {"party": str(party)}, {}),
            ("upload", {}, {"main": (filename, make_pdf([["Notice of Appearance", filename]]))}),
            ("text", {"modifier": "", "free": ""}, {}),
            ("final", {}, {}),
        ]
        problem = None
        if browser.status == 200:
            browser.open(browser.url, {"event": "civil-notice-of-appearance"})
            self.note(browser.status, browser.node)
        if browser.status != 200:
            problem = f"start: {browser.status} {browser.text()[:200]}"
        for step, data, files in answers:
            if problem is None:
                problem = self._step(browser, step, data, **files)
        if problem is not None:
            return Filed(username, filename, problem, None, browser.status >= 500)
        filed = re.search(r"Filed: document number (\d+) in", browser.text())
        if not browser.url.endswith("/nef/") or filed is None:
            return Filed(username, filename, f"no NEF: {browser.url} {browser.text()[:200]}", None, False)
        return Filed(username, filename, "filed", int(filed[1]), False)

    def filings(self, username: str, secret: str, party: int) -> None:
        """File until told to stop; a walk a dying node broke off is left half-way (its transaction abandoned) and
        the filing walked again from the start, as the filer would."""
        browser = self.sign_in(username, secret)
        n = 0
        while not self.stop.is_set():
            n += 1
            done = self._file_once(browser, username, party, f"{username}-{n:03d}.pdf")
            with self.lock:
                self.filed.append(done)


def _a_node_killed_mid_stream_loses_nothing_and_rejoins_when_restarted(cluster: Cluster, inbox: Inbox) -> None:
    pairs = cluster.db.python(PAIRS)
    secrets = [pyotp.random_base32(32) for _ in range(FILE_CLIENTS)]
    setup = cluster.db.python(FILERS.replace("@SECRETS@", json.dumps(secrets)))
    stream = Filers(cluster.url, setup["case"])
    outcomes: dict[str, list[str]] = {}
    filers = [
        stream.run(stream.filings, username, secret, party)
        for (username, _, party), secret in zip(setup["filers"], secrets, strict=True)
    ]
    loggers = [stream.run(stream.logins, [pacer(4 + n), pacer(6 + n)]) for n in range(LOGIN_CLIENTS)]
    linkers = [stream.run(stream.links, pairs[n::LINK_CLIENTS], outcomes) for n in range(LINK_CLIENTS)]

    def filed_since(at: float) -> set[str]:
        with stream.lock:
            return {f.username for f in stream.filed if f.outcome == "filed" and f.at > at}

    # The node dies with every filer in the middle of a stream of filings (each has filed already) and links on.
    deadline = time.monotonic() + 90
    while sum(len(tries) for tries in outcomes.values()) < len(pairs) // 3 or len(filed_since(0)) < FILE_CLIENTS:
        assert time.monotonic() < deadline, (stream.errors, stream.filed, cluster.log())
        time.sleep(0.05)
    killed_at = time.monotonic()
    cluster.kill_node(1)
    for thread in linkers:
        thread.join(timeout=max(1.0, deadline - time.monotonic()))
    # ... and each goes on filing on the live node.
    while len(filed_since(killed_at + 1)) < FILE_CLIENTS:
        assert time.monotonic() < deadline, (stream.errors, stream.filed)
        time.sleep(0.05)
    stream.stop.set()
    for thread in loggers + filers:
        thread.join(timeout=30)
    restarted_at = time.monotonic()
    assert not stream.errors, stream.errors

    # Every pair ended linked, once: a walk broken off by the dying node was walked again and found it done, or did it.
    filers_links = sorted([username, f"{PREFIX}ecf{n}"] for n, (username, _, _) in enumerate(setup["filers"]))
    assert cluster.db.python(LINKS) == sorted([[pacer_name, ecf] for pacer_name, _, ecf in pairs] + filers_links)
    # Walks no node broke off linked at the first go; at most one walk per client was broken off.
    whole = {name: tries for name, tries in outcomes.items() if len(tries) == 1}
    assert whole == {name: ["linked"] for name in whole}
    assert len(outcomes) - len(whole) <= LINK_CLIENTS, outcomes
    # nginx moved everyone to node2: only requests in flight on node1 when it died failed (a POST is never sent to a
    # second node, it may have been done), at most one per client; every request after that was node2's.
    failed = [(at, status) for at, status, _ in stream.answers if status >= 500]
    assert len(failed) <= LOGIN_CLIENTS + LINK_CLIENTS + FILE_CLIENTS, failed
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

    _every_filing_is_docketed_once_with_its_documents_and_nef(cluster, stream, setup)

    # Each e-mail the links and filings queued went out once (the workers claim each message once); the audit verifies.
    deadline = time.monotonic() + 60
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


def _every_filing_is_docketed_once_with_its_documents_and_nef(
    cluster: Cluster, stream: Filers, setup: dict[str, Any]
) -> None:
    walks = {f.filename: f for f in stream.filed}
    # Every walk ended filed, but for those a dying node broke off (at most one per filer).
    assert all(f.outcome == "filed" or f.node_failed for f in stream.filed), stream.filed
    broken = [f for f in stream.filed if f.outcome != "filed"]
    assert len(broken) <= FILE_CLIENTS, broken
    # Storage after the crash: what the cleanup leaves is the documents of the entries, and the pending uploads of
    # the transactions the broken walks abandoned half-way (an open transaction's, until it times out).
    cleaned = cluster.db.manage(
        "cleanup_filings", "--grace-minutes", "0", OPENECF_DOCUMENT_ROOT=str(document_root(cluster))
    )
    assert cleaned.returncode == 0, cleaned.stderr
    found = cluster.db.python(FILED)
    entries = found["entries"]
    emails = {username: email for username, email, _ in setup["filers"]}

    # One case, docketed 1, 2, 3, ... with no gap and no number twice.
    assert {entry["case"] for entry in entries} == {setup["case"]}
    assert [entry["number"] for entry in entries] == list(range(1, len(entries) + 1))
    # Each entry is one walk's, with its one document: no filing twice, none without its PDF.
    names = [entry["files"][0][0] for entry in entries]
    assert all(len(entry["files"]) == 1 for entry in entries), entries
    assert len(names) == len(set(names)) and set(names) <= set(walks), names
    # Every filing whose NEF page the filer saw is the entry of that number, filed by that filer; beside them only
    # walks whose final POST the dying node took and never answered (done, the filer not told).
    seen = {f.filename: f.number for f in stream.filed if f.outcome == "filed"}
    assert {entry["files"][0][0]: entry["number"] for entry in entries if entry["files"][0][0] in seen} == seen
    unseen = [name for name in names if name not in seen]
    assert all(walks[name].node_failed and walks[name].outcome.startswith("final:") for name in unseen), unseen
    assert all(entry["filer"] == emails[walks[entry["files"][0][0]].username] for entry in entries)
    # Each entry's NEF is queued once to each recipient, the filer among them.
    for entry in entries:
        recipients = [address for message in entry["nefs"] for address in message]
        assert entry["filer"] in recipients and len(recipients) == len(set(recipients)), entry

    # No stored file without its Document row, no Document without its file.
    root = document_root(cluster)
    stored = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert [name for name in stored if not name.startswith("pending/")] == found["documents"]
    assert sorted({entry["files"][0][1] for entry in entries}) == found["documents"]
    assert {name.split("/")[2] for name in stored if name.startswith("pending/")} <= set(found["open"])


def document_root(cluster: Cluster) -> Path:
    """Where the nodes keep filed PDFs: the documents under the storage directory all nodes share."""
    return cluster.dir / "storage" / "documents"


def test_two_nodes_serve_as_one_site_and_a_node_killed_mid_stream_loses_nothing(cluster: Cluster, inbox: Inbox) -> None:
    """One test, one cluster: starting it is most of the time, and the suite's workers would each start their own."""
    _one_session_and_one_token_are_good_on_both_nodes(cluster)
    _guesses_spread_over_both_nodes_meet_the_throttle_at_the_same_count_as_on_one(cluster)
    _a_node_killed_mid_stream_loses_nothing_and_rejoins_when_restarted(cluster, inbox)
