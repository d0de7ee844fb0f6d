"""PACER fees on Query and Reports: which pages are billed, how much, and the receipt that ends each (CASES.md,
"PACER fees"; docs/decisions.md, "Billing report pages")."""

from __future__ import annotations

import math
from datetime import date

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf, make_pacer, pacer_login
from openecf.accounts.models import PacerAccount
from openecf.billing import services as billing
from openecf.billing.models import Charge, Waiver
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, Party
from openecf.cases.pdfmake import make_pdf
from openecf.courts.models import Court
from openecf.reports.tests.conftest import (
    bulk_docket,
    has_receipt,
    receipt_matches,
    receipt_of,
    text_bytes_before_receipt,
)

pytestmark = pytest.mark.django_db

LOGOUT = "/cgi-bin/login.pl?logout"
BASE = "/ecf/wiwd/cgi-bin/"
CLIENT_CODE_REQUIRED = "A Client Code is required for PACER search"


@pytest.fixture
def case(db: None) -> Case:
    court = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=court, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)
    smith = services.add_party(case=case, name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    gone = services.add_party(case=case, name="Old Party LLC", role="defendant", origin=TEST_ORIGIN)
    Party.objects.filter(pk=gone.pk).update(date_terminated=date(2024, 2, 1))
    lawyer = make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!")
    services.add_attorney(party=smith, ecf_account=lawyer, role="lead", origin=TEST_ORIGIN)
    file_entry(
        case=case,
        text="COMPLAINT against Acme Corp. filed by John Smith.",
        documents=[Upload(make_pdf([["Complaint"]]), "c.pdf", "Complaint")],
        filed_on=date(2024, 1, 5),
        origin=TEST_ORIGIN,
    )
    return case


@pytest.fixture
def signed_in(db: None) -> Client:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    assert pacer_login(client, "researcher1", court="wiwd").status_code == 302
    client.handler.enforce_csrf_checks = True  # as juriscraper posts: no CSRF token
    return client


def docket(client: Client, case: Case, **options: str) -> str:
    response = client.post(f"{BASE}DktRpt.pl?1-L_1_0-1", {"all_case_ids": str(case.caseid), **options})
    assert response.status_code == 200
    return response.content.decode()


def only_charge() -> Charge:
    (charge,) = Charge.objects.select_related("account", "court")
    return charge


def test_docket_report_is_billed_on_its_data_and_its_receipt_is_the_ledgers(signed_in: Client, case: Case) -> None:
    page = docket(signed_in, case, list_of_parties_and_counsel="on", terminated_parties="on")
    charge = only_charge()
    pages = math.ceil(text_bytes_before_receipt(page) / 4320)
    assert (charge.description, charge.pages, charge.cost_cents, charge.waiver) == (
        "Docket Report",
        pages,
        pages * 10,
        Waiver.NONE,
    )
    assert charge.criteria == (
        f"{case.number} Fil or Ent: filed Doc From: 0 Doc To: 99999999 Term: included Format: html "
        "Page counts for documents: excluded"
    )
    receipt_matches(page, charge)
    assert page.index("Transaction Receipt") > page.index("COMPLAINT against Acme Corp.")
    assert LOGOUT in page


def test_docket_criteria_record_the_options_chosen(signed_in: Client, case: Case) -> None:
    docket(
        signed_in,
        case,
        date_range_type="Entered",
        date_from="01/01/2024",
        date_to="12/31/2024",
        documents_numbered_from_="2",
        documents_numbered_to_="9",
    )
    assert only_charge().criteria == (
        f"{case.number} Fil or Ent: entered From: 01/01/2024 To: 12/31/2024 Doc From: 2 Doc To: 9 Term: excluded "
        "Format: html Page counts for documents: excluded"
    )


def test_a_large_docket_is_capped_at_three_dollars(signed_in: Client, case: Case) -> None:
    bulk_docket(case, 2000, text="MOTION for Summary Judgment by John Smith against Acme Corp. " * 3)
    page = docket(signed_in, case)
    assert text_bytes_before_receipt(page) > 31 * 4320
    charge = only_charge()
    assert (charge.pages, charge.cost_cents) == (30, 300)
    assert receipt_of(page)["Cost"] == "3.00"
    receipt_matches(page, charge)


def test_history_is_billed_as_history_documents(signed_in: Client, case: Case) -> None:
    form = signed_in.get(f"{BASE}HistDocQry.pl?{case.caseid}").content.decode()
    assert not has_receipt(form)
    token = form.split("HistDocQry.pl?")[1].split('"')[0]
    page = signed_in.post(f"{BASE}HistDocQry.pl?{token}", {"QueryType": "Documents", "sort1": "desc"})
    assert page.status_code == 200
    charge = only_charge()
    assert (charge.description, charge.criteria, charge.pages, charge.cost_cents) == (
        "History/Documents",
        f"{case.number} Type: Documents Sort: most recent date first",
        1,
        10,
    )
    receipt_matches(page.content.decode(), charge)


def test_search_results_are_billed_as_search(signed_in: Client, case: Case) -> None:
    response = signed_in.post(f"{BASE}iquery.pl?1-L_1_0-1", {"last_name": "smith", "Qry_filed_from": "1/1/2000"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a Case" in page
    charge = only_charge()
    assert (charge.description, charge.criteria, charge.pages, charge.cost_cents) == (
        "Search",
        "Last Name: smith Filed From: 01/01/2000",
        1,
        10,
    )
    receipt_matches(page, charge)


def test_a_search_that_finds_nothing_costs_one_page(signed_in: Client, case: Case) -> None:
    response = signed_in.post(f"{BASE}iquery.pl?1-L_1_0-1", {"last_name": "Nobody-By-This-Name"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "No record found." in page
    charge = only_charge()
    assert (charge.description, charge.criteria, charge.pages, charge.cost_cents) == (
        "Search",
        "Last Name: Nobody-By-This-Name",
        1,
        10,
    )
    receipt_matches(page, charge)


def test_a_search_is_not_capped(signed_in: Client, case: Case) -> None:
    long_name = "Smithfield Holdings International Trading Company of the Great Lakes Region " * 3
    Party.objects.bulk_create(Party(case=case, name=f"{long_name}{n}", role="defendant") for n in range(499))
    page = signed_in.post(f"{BASE}iquery.pl?1-L_1_0-1", {"last_name": "smith"}).content.decode()
    pages = math.ceil(text_bytes_before_receipt(page) / 4320)
    assert pages > 30
    charge = only_charge()
    assert (charge.pages, charge.cost_cents) == (pages, pages * 10)
    receipt_matches(page, charge)


def test_forms_and_the_case_summary_are_free(signed_in: Client, case: Case) -> None:
    for path in (
        "iquery.pl",
        f"iquery.pl?{case.caseid}",
        "DktRpt.pl",
        f"DktRpt.pl?{case.caseid}",
        "HistDocQry.pl",
        f"HistDocQry.pl?{case.caseid}",
    ):
        response = signed_in.get(f"{BASE}{path}")
        assert response.status_code == 200, path
        assert not has_receipt(response.content.decode()), path
    # A search by number that names one case answers its summary, which is free.
    summary = signed_in.post(f"{BASE}iquery.pl?1-L_1_0-1", {"case_num": case.full_number})
    assert f"DktRpt.pl?{case.caseid}" in summary.content.decode()
    # Nothing shown, nothing charged.
    missing = signed_in.post(f"{BASE}DktRpt.pl?1-L_1_0-1", {"all_case_ids": "99999999"})
    assert "Case not found." in missing.content.decode()
    assert Charge.objects.count() == 0


def test_parties_and_attorneys_pages_are_billed(signed_in: Client, case: Case) -> None:
    parties = signed_in.get(f"{BASE}iquery.pl?{case.caseid}&parties").content.decode()
    attorneys = signed_in.get(f"{BASE}iquery.pl?{case.caseid}&attorneys").content.decode()
    assert "Old Party LLC" in parties and "Attorney Sample" in parties
    assert "<b>Attorney Sample</b><br>Email: asample@court-records.example.com" in attorneys
    assert "John Smith (Plaintiff) <i>LEAD ATTORNEY</i>" in attorneys
    party_charge, attorney_charge = Charge.objects.select_related("account", "court").order_by("pk")
    assert [(c.description, c.criteria, c.pages, c.cost_cents) for c in (party_charge, attorney_charge)] == [
        ("Party List", case.number, 1, 10),
        ("Attorney List", case.number, 1, 10),
    ]
    receipt_matches(parties, party_charge)
    receipt_matches(attorneys, attorney_charge)
    assert LOGOUT in parties and LOGOUT in attorneys


def test_client_code_required_and_absent_refuses_before_anything_is_charged(signed_in: Client, case: Case) -> None:
    Court.objects.filter(pk="wiwd").update(client_code_required=True)
    form = signed_in.get(f"{BASE}HistDocQry.pl?{case.caseid}").content.decode()
    token = form.split("HistDocQry.pl?")[1].split('"')[0]
    for method, path, data in (
        ("post", "DktRpt.pl?1-L_1_0-1", {"all_case_ids": str(case.caseid)}),
        ("post", "iquery.pl?1-L_1_0-1", {"last_name": "smith"}),
        ("get", f"iquery.pl?{case.caseid}&parties", {}),
        ("get", f"iquery.pl?{case.caseid}&attorneys", {}),
        ("post", f"HistDocQry.pl?{token}", {"QueryType": "History"}),
    ):
        response = getattr(signed_in, method)(f"{BASE}{path}", data)
        page = response.content.decode()
        assert response.status_code == 400, path
        assert CLIENT_CODE_REQUIRED in page, path
        assert LOGOUT in page and not has_receipt(page), path
    assert Charge.objects.count() == 0
    # The form stays free, and the History token was not used up by the refusal.
    assert signed_in.get(f"{BASE}DktRpt.pl?{case.caseid}").status_code == 200
    signed_in.handler.enforce_csrf_checks = False
    assert signed_in.post("/ecf/wiwd/utilities/client-code/", {"client_code": "matter-7"}).status_code == 200
    page = signed_in.post(f"{BASE}HistDocQry.pl?{token}", {"QueryType": "History"}).content.decode()
    charge = only_charge()
    assert charge.client_code == "matter-7"
    receipt_matches(page, charge)


def test_an_exempt_account_sees_zero_on_the_receipt(signed_in: Client, case: Case) -> None:
    clerk = make_pacer("clerkclara", "Clara Clerk")
    court = Court.objects.get(pk="wiwd")
    researcher = PacerAccount.objects.get(username="researcher1")
    billing.set_exemption(
        clerk=clerk,
        account=researcher,
        court=court,
        starts_on=court.local_date(),
        ends_on=court.local_date(),
        reason="pro bono",
        origin=TEST_ORIGIN,
    )
    page = docket(signed_in, case)
    charge = only_charge()
    assert (charge.pages, charge.cost_cents, charge.waiver) == (1, 0, Waiver.EXEMPTION)
    assert receipt_of(page)["Cost"] == "0.00"
    receipt_matches(page, charge)


def test_an_old_court_login_is_sent_to_pacer_for_billed_pages(demo: None) -> None:
    """Before NextGen, the court's own login files; Query and Reports are billed to a PACER account, so a billable
    page asks for the PACER login (as CM/ECF did), and its free forms stay open."""
    client = Client()
    login = client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "JAttorney", "password": "nysd-ecf-attorney"})
    assert login.status_code == 302
    case = Case.objects.filter(court_id="nysd").first()
    assert case is not None
    assert client.get(f"/ecf/nysd/cgi-bin/DktRpt.pl?{case.caseid}").status_code == 200
    report = client.post("/ecf/nysd/cgi-bin/DktRpt.pl?1-L_1_0-1", {"all_case_ids": str(case.caseid)})
    assert report.status_code == 302
    assert report["Location"].startswith("/login/?court=nysd&next=")
    assert Charge.objects.count() == 0
