"""A docket of 10,000 entries renders, billed at the cap, and the Docket Report's queries do not grow with the
docket: entries, documents, parties and attorneys are each fetched in one query whatever their number."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import TEST_ORIGIN, make_ecf, make_pacer, pacer_login
from openecf.billing.models import Charge
from openecf.cases import services
from openecf.cases.models import Case
from openecf.courts.models import Court
from openecf.reports.tests.conftest import bulk_docket, receipt_matches

pytestmark = pytest.mark.django_db

BASE = "/ecf/wiwd/cgi-bin/"


@pytest.fixture
def case(db: None) -> Case:
    court = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=court, case_type="cv", title="Big v. Docket", judge=judge, origin=TEST_ORIGIN)
    for n in range(3):
        party = services.add_party(case=case, name=f"Party {n}", role="plaintiff", origin=TEST_ORIGIN)
        lawyer = make_ecf("wiwd", f"lawyer{n}", f"Lawyer {n}", "Old-Court-Password-1!")
        services.add_attorney(party=party, ecf_account=lawyer, origin=TEST_ORIGIN)
    return case


@pytest.fixture
def signed_in(db: None) -> Client:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    assert pacer_login(client, "researcher1", court="wiwd").status_code == 302
    return client


def report(client: Client, case: Case) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            f"{BASE}DktRpt.pl?1-L_1_0-1",
            {"all_case_ids": str(case.caseid), "list_of_parties_and_counsel": "on", "terminated_parties": "on"},
        )
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_query_count_does_not_grow_from_100_to_1000_entries(signed_in: Client, case: Case) -> None:
    bulk_docket(case, 100, attachments=2)
    few, _ = report(signed_in, case)
    bulk_docket(case, 900, attachments=2)
    many, page = report(signed_in, case)
    assert page.count('<tr><td valign="top" width="94" nowrap>') == 1000
    assert many == few


def test_a_docket_of_10000_entries_renders_and_is_capped(signed_in: Client, case: Case) -> None:
    bulk_docket(case, 10_000)
    _, page = report(signed_in, case)
    assert page.count('<tr><td valign="top" width="94" nowrap>') == 10_000
    last = case.entries.order_by("-de_seq_num").prefetch_related("documents").first()
    assert last is not None
    assert f"/doc1/{last.documents.all()[0].pacer_doc_id}" in page
    charge = Charge.objects.select_related("account", "court").get()
    assert (charge.description, charge.pages, charge.cost_cents) == ("Docket Report", 30, 300)
    receipt_matches(page, charge)
