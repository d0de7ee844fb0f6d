"""The link flow spends a fixed handful of queries around its one CM/ECF password hash.

Counted as a test sees them (each atomic block adds a SAVEPOINT and a RELEASE a real request does not send); what
each step runs is listed beside its count.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, form_nonce, make_ecf, make_pacer, pacer_login
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.courts.services import set_nextgen_date

pytestmark = pytest.mark.django_db

ECF_PASSWORD = "Old-Court-Password-1!"


def test_linking_costs_a_fixed_few_queries_per_step(db: None, django_assert_num_queries: Any) -> None:
    court = Court.objects.get(pk="wiwd")
    set_nextgen_date(court=court, go_live=court.local_date(), origin=TEST_ORIGIN)  # the court's today, not UTC's
    make_pacer("jattorney", "John Attorney")
    make_ecf("wiwd", "jattorney", "John Attorney", ECF_PASSWORD)
    client = Client(REMOTE_ADDR="198.51.100.8")
    assert pacer_login(client, "jattorney", court="wiwd").status_code == 302

    # session, then the court, the token with its account and the account's link there (none) in one statement
    # (cmecf/middleware.py; it was three lookups, then two)
    with django_assert_num_queries(2):
        form = client.get("/ecf/wiwd/utilities/link/")
    assert form.status_code == 200

    # session, court with token and link; audit link.attempted (savepoint, event, release);
    # throttle read; CM/ECF account by (court, login); remember the address for it (one upsert); audit
    # link.verified (three); session update (savepoint, update, release) with the proposal
    with django_assert_num_queries(14):
        confirmation = client.post("/ecf/wiwd/utilities/link/", {"login": "JAttorney", "password": ECF_PASSWORD})
    assert "Do you want to link these accounts?" in confirmation.content.decode()

    # session, court with token and link; [savepoint] CM/ECF account locked, link exists?, [savepoint] link
    # [release], acknowledgement e-mail, audit event [release]; session update (three)
    with django_assert_num_queries(14):
        done = client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirmation)})
    assert done.status_code == 302
    assert Link.objects.filter(pacer_account__username="jattorney", ecf_account__login="jattorney").exists()

    with django_assert_num_queries(2):  # session; court with token, account, link and its CM/ECF account
        assert client.get(done["Location"]).status_code == 200
