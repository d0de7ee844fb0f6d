"""Shared test fixtures: the actors of the court guides, a real SMTP server, and HTTP helpers."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import Client, override_settings
from django.urls import reverse

from openecf.accounts.models import PacerAccount
from openecf.accounts.services import create_pacer_account
from openecf.audit.context import Origin
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court

# Real processes sharing a database of their own: the live_db fixture, the production server, a small browser.
pytest_plugins = ["tests.live_process"]

TEST_ORIGIN = Origin(ip_address="127.0.0.1", user_agent="pytest")
# aiosmtpd logs each connection at INFO from its own thread, which may outlive a test's captured output and then
# print "Logging error" tracebacks into the run's log; its warnings and errors still show.
logging.getLogger("mail.log").setLevel(logging.WARNING)
PACER_PASSWORD = "Tests-Are-Honest-42!"


@dataclass
class _Inbox:
    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Filed PDFs (the demo's too) go to a temporary directory, never to the checkout's var/documents."""
    settings.OPENECF_DOCUMENT_ROOT = tmp_path_factory.getbasetemp() / "documents"


@pytest.fixture
def smtp_inbox(settings: Any) -> Iterator[_Inbox]:
    """A real SMTP server on loopback; the app's e-mail goes to it over SMTP."""
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    try:
        yield inbox
    finally:
        controller.stop()


def make_pacer(
    username: str, name: str, *, shared: bool = False, legacy: bool = False, email: str = ""
) -> PacerAccount:
    return create_pacer_account(
        username=username,
        name=name,
        email=email or f"{username}@example.com",
        password=PACER_PASSWORD,
        shared=shared,
        legacy=legacy,
        origin=TEST_ORIGIN,
    )


def make_ecf(
    court_id: str, login: str, name: str, password: str, *, role: str = "attorney", active: bool = True, email: str = ""
) -> EcfAccount:
    return create_ecf_account(
        court=Court.objects.get(pk=court_id),
        login=login,
        name=name,
        email=email or f"{login}@court-records.example.com",
        password=password,
        role=role,
        active=active,
        origin=TEST_ORIGIN,
    )


def pacer_login(client: Client, username: str, password: str = PACER_PASSWORD, court: str | None = None) -> Any:
    url = reverse("signon:login") + (f"?court={court}" if court else "")
    data = {"username": username, "password": password, "client_code": ""}
    if court:
        data["court"] = court
    return client.post(url, data)


def force_sign_in(client: Client, account: PacerAccount, *, mfa_method: str = "totp") -> Client:
    """Signed in as the login ends (signon.services.complete_web_login): the session, and its nextGenCSO token
    recording the second factor passed ("totp", "backup", or "" for a login without an authenticator app code)."""
    from openecf.signon import cso_tokens
    from openecf.signon.middleware import TOKEN_SESSION_KEY
    from openecf.signon.models import TokenOrigin

    client.force_login(account)
    raw = cso_tokens.issue(account=account, origin=TokenOrigin.WEB, mfa_method=mfa_method)
    session = client.session
    session[TOKEN_SESSION_KEY] = cso_tokens.digest_of(raw)
    session.save()
    return client


@pytest.fixture
def john_attorney(db: None) -> PacerAccount:
    return make_pacer("jattorney", "John Attorney")


@pytest.fixture
def client_of(db: None) -> Any:
    """A logged-in test client for a PACER account, logged in through the real login form."""

    def _client(account: PacerAccount, court: str | None = None) -> Client:
        client = Client()
        response = pacer_login(client, account.username, court=court)
        assert response.status_code == 302, response.content.decode()[:500]
        return client

    return _client


def query_plan(sql: str) -> str:
    """The database's plan for a query (captured SQL); PostgreSQL is told to avoid table scans wherever an index
    can serve, since a test table of a few rows is cheaper to scan and would hide whether the index is usable."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # until the test's transaction rolls back
            cursor.execute(f"EXPLAIN {sql}")
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def plans_of(table: str, action: Any) -> list[str]:
    """The plan of every SELECT on ``table`` that ``action()`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        action()
    selects = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"]
    ]
    assert selects, f"no query on {table} was run"
    return [query_plan(sql) for sql in selects]


def visible_text(response: Any) -> str:
    """The page's text as a person reads it: tags dropped, entities decoded, whitespace collapsed."""
    import html
    import re

    body = response.content.decode()
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", body)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def menu_bar(response: Any) -> list[str]:
    """The labels of the CM/ECF menu bar, left to right (its top items, not the entries of its drop-downs)."""
    import re

    nav = re.search(r'(?s)<nav class="menubar".*?</nav>', response.content.decode())
    if nav is None:
        return []
    return [" ".join(label.split()) for label in re.findall(r'<a class="menubar-link"[^>]*>(.*?)</a>', nav.group(0))]


def link_href(response: Any, label: str) -> str:
    """The address of the link a person would click by its label (the first one with exactly that text)."""
    import html
    import re

    for href, text in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', response.content.decode(), re.S):
        if " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()) == label:
            return html.unescape(href)
    raise AssertionError(f"no link labelled {label!r} on the page")


def form_nonce(response: Any) -> str:
    import re

    match = re.search(r'name="nonce" value="([^"]+)"', response.content.decode())
    assert match, "the confirmation form carries no nonce"
    return match.group(1)


def load_demo_as_make_does() -> None:
    """What `make demo` loads: load_demo, then add_clerk for each of the demo's clerks."""
    import io

    from django.core.management import call_command

    from openecf.demo import data
    from openecf.demo.services import load_demo

    load_demo()
    for clerk in data.CLERKS:
        call_command("add_clerk", clerk.username, data.CLERK_COURT, stdout=io.StringIO())


@pytest.fixture
def demo(db: None) -> None:
    """The demo courts and accounts of the court guides (the same data `make run` loads)."""
    load_demo_as_make_does()


def make_filer(username: str, name: str, court_id: str = "wiwd") -> PacerAccount:
    """A PACER account already linked to an attorney CM/ECF account: it has filing access."""
    from openecf.cmecf.models import Link

    account = make_pacer(username, name)
    ecf = make_ecf(court_id, f"{username[:6]}ecf", name, "Old-Court-Password-1!")
    Link.objects.create(pacer_account=account, court_id=court_id, ecf_account=ecf)
    return account


def enrol_app(account: PacerAccount, name: str = "Phone") -> Any:
    """An authenticator app already confirmed on the account; returns the pyotp.TOTP the 'phone' holds."""
    import pyotp
    from django.utils import timezone

    from openecf.mfa.models import Authenticator

    secret = pyotp.random_base32(32)
    Authenticator.objects.create(account=account, name=name, secret=secret, confirmed_at=timezone.now())
    return pyotp.TOTP(secret)


def code_at(totp: Any, steps_from_now: int = 0) -> str:
    """The code the app shows now, or that many 30-second steps away (for drift and replay tests)."""
    import time

    return str(totp.at(time.time() + 30 * steps_from_now))


@pytest.fixture
def courts(transactional_db: None) -> None:
    """The shipped courts, for tests that share the database with a live server: Django empties every table
    between such tests, including what the data migration loaded."""
    from openecf.courts.data import upsert_courts

    if not Court.objects.exists():
        upsert_courts(Court, keep_dates=True)


# --- Password hashing: fast, except in the tests about hashing ----------------------------------------------------


class FastTestHasher(PBKDF2PasswordHasher):
    """PBKDF2-SHA256 at one iteration, the suite's hasher: Argon2id at the OWASP set costs ~25 ms a hash, and the
    suite hashes thousands of passwords that are not under test. Its hashes carry the pbkdf2_sha256 name, so the
    servers some tests start (their own settings, Argon2id first) still verify them, and upgrade them at a login."""

    iterations = 1


ARGON2_HASHERS = list(settings.PASSWORD_HASHERS)


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=["conftest.FastTestHasher", *ARGON2_HASHERS]):
        yield


@pytest.fixture(autouse=True, scope="session")
def menu_pages_checked() -> Iterator[None]:
    """Every menu page served from its cache is rendered again and compared (openecf/cmecf/menu_pages.py)."""
    with override_settings(OPENECF_MENU_PAGE_CHECK=True):
        yield


@pytest.fixture(autouse=True)
def argon2_when_under_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests marked argon2 (about hashing: its parameters, upgrades, what is stored) and timing tests (a login must
    cost the same whether or not the account exists, which only a real hash shows) hash as production does."""
    if request.node.get_closest_marker("argon2") is None and request.node.get_closest_marker("timing") is None:
        yield
        return
    from openecf.accounts.hashers import _dummy_hash

    _dummy_hash.cache_clear()  # the unknown-username check's hash, made once per process with the first hasher
    try:
        with override_settings(PASSWORD_HASHERS=ARGON2_HASHERS):
            yield
    finally:
        _dummy_hash.cache_clear()


@pytest.fixture
def court_domain(settings: Any) -> None:
    """The court host names real clients hard-code (ecf.<court>.uscourts.gov, pacer.login.uscourts.gov) answered
    here, as with OPENECF_COURT_DOMAIN=uscourts.gov (tools/pacer_loopback.py sends them to the live server)."""
    settings.OPENECF_COURT_DOMAIN = "uscourts.gov"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".uscourts.gov"]
