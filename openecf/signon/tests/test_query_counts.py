"""The sign-on hot paths spend a handful of queries besides the password hash, and court pages write nothing.

Counts are of the statements a test sees: inside the test's transaction each atomic block adds a SAVEPOINT and a
RELEASE that a real request does not send. What each path runs is listed beside its count; a change that adds a
query to a hot path should change the list, on purpose.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_pacer
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date
from openecf.signon.machine import WEB

pytestmark = pytest.mark.django_db

ADDRESS = "198.51.100.7"
LOGIN = {"username": "jattorney", "password": PACER_PASSWORD, "client_code": "", "court": "wiwd"}


@pytest.fixture
def searcher(db: None) -> None:
    """A search-only PACER account (no authenticator app, no filing link) and a live court."""
    court = Court.objects.get(pk="wiwd")
    set_nextgen_date(court=court, go_live=court.local_date(), origin=TEST_ORIGIN)  # the court's today, not UTC's
    make_pacer("jattorney", "John Attorney")


def _session_writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"].split(" ")[0]
        for q in queries.captured_queries
        if '"django_session"' in q["sql"] and not q["sql"].startswith("SELECT")
    ]


def _web_login(client: Client) -> Any:
    response = client.post("/login/?court=wiwd", LOGIN)
    assert response.status_code == 302, response.content.decode()[:300]
    return response


def _statements(queries: CaptureQueriesContext) -> list[str]:
    """Each statement as its verb and the first table it names: "SELECT courts_court", "BEGIN"."""
    found = []
    for query in queries.captured_queries:
        table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', query["sql"])
        found.append(query["sql"].split(" ")[0] + (f" {table.group(1)}" if table else ""))
    return found


@pytest.mark.django_db(transaction=True)  # real transactions: what commits, and when, is what is tested
def test_a_search_only_web_login_reads_three_things_and_commits_once(courts: None, searcher: None) -> None:
    reads = [
        "SELECT courts_court",
        "SELECT throttle_throttlerecord",  # the address's and the account's counters
        "SELECT accounts_paceraccount",  # by username
        "SELECT mfa_authenticator",  # sign-on facts: app, filing access, client code, skips
    ]
    # The session is inserted once, under its new key, in the login's one transaction: nothing is written after it.
    login = ["BEGIN", "UPDATE accounts_paceraccount", "INSERT signon_csotoken", "INSERT django_session"]
    login += ["INSERT audit_auditevent", "COMMIT"]
    with CaptureQueriesContext(connection) as queries:
        _web_login(Client(REMOTE_ADDR=ADDRESS))
    # This address, remembered after its first good login (its own upsert: the throttle stands apart).
    remember = ["BEGIN", "INSERT throttle_throttlerecord", "COMMIT"]
    assert _statements(queries) == reads[:3] + remember + reads[3:] + login
    client = Client(REMOTE_ADDR=ADDRESS)
    client.get("/login/?court=wiwd")
    with CaptureQueriesContext(connection) as queries:
        _web_login(client)
    assert _statements(queries) == reads + login  # the address is known now
    assert WEB.session_key not in client.session


def test_an_api_login_reads_three_things_and_writes_the_token(searcher: None, django_assert_num_queries: Any) -> None:
    api = Client(REMOTE_ADDR=ADDRESS)
    body = {"loginId": "jattorney", "password": PACER_PASSWORD}
    api.post("/services/cso-auth", body, content_type="application/json")  # this address is remembered now
    # throttle read, account by username, sign-on facts; [savepoint] token, audit event [release]
    with django_assert_num_queries(7):
        answer = api.post("/services/cso-auth", body, content_type="application/json").json()
    assert answer["loginResult"] == "0" and len(answer["nextGenCSO"]) == 128


@pytest.mark.parametrize("by", ["session", "cookie", "header"])
def test_a_court_page_reads_a_few_rows_and_writes_nothing(
    searcher: None, by: str, django_assert_num_queries: Any
) -> None:
    browser = Client(REMOTE_ADDR=ADDRESS)
    token = _web_login(browser).cookies["NextGenCSO"].value
    if by == "session":
        # session, then the court, the token with its account and the account's link there in one statement
        # (cmecf/middleware.py)
        client, expected = browser, 2
    elif by == "cookie":
        client, expected = Client(), 1  # the court, the token with its account and the link: one statement
        client.cookies["NextGenCSO"] = token
    else:
        client, expected = Client(HTTP_X_NEXT_GEN_CSO=token), 1
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries, django_assert_num_queries(expected):
            page = client.get("/ecf/wiwd/utilities/")
        assert page.status_code == 200 and "Link a CM/ECF account to my PACER account" in page.content.decode()
        assert all(q["sql"].startswith("SELECT") for q in queries.captured_queries)  # not a session, not a token
        assert settings.SESSION_COOKIE_NAME not in page.cookies
