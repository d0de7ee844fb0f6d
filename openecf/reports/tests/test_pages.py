"""Query and Reports as pages: signed in or not, odd input, multipart POSTs without a CSRF token, and the docket
report's query count, which must not grow with the docket."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_pacer, pacer_login
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case
from openecf.cases.pdfmake import make_pdf
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

LOGOUT = "/cgi-bin/login.pl?logout"


@pytest.fixture
def case(db: None) -> Case:
    court = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=court, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)
    services.add_party(case=case, name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    return case


@pytest.fixture
def signed_in(db: None) -> Client:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    assert pacer_login(client, "researcher1", court="wiwd").status_code == 302
    client.handler.enforce_csrf_checks = True  # from here on, as juriscraper posts: no CSRF token
    return client


def add_entries(case: Case, count: int) -> None:
    for n in range(count):
        file_entry(
            case=case,
            text=f"MOTION number {n}.",
            documents=[Upload(make_pdf([["Motion"]]), "m.pdf", "Motion")],
            filed_on=date(2024, 1, 1),
            origin=TEST_ORIGIN,
        )


def docket_queries(client: Client, case: Case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/ecf/wiwd/cgi-bin/DktRpt.pl?1-L_1_0-1",
            {"all_case_ids": str(case.caseid), "case_num": " ", "list_of_parties_and_counsel": "on"},
        )
    assert response.status_code == 200
    return len(queries)


def test_docket_report_query_count_does_not_grow_with_entries(signed_in: Client, case: Case) -> None:
    add_entries(case, 2)
    few = docket_queries(signed_in, case)
    add_entries(case, 8)
    many = docket_queries(signed_in, case)
    assert many == few


def test_every_report_page_carries_the_logout_link_and_takes_multipart_without_csrf(
    signed_in: Client, case: Case
) -> None:
    add_entries(case, 1)
    caseid = str(case.caseid)
    for path, data in (
        ("cgi-bin/iquery.pl?1-L_1_0-1", {"all_case_ids": caseid, "case_num": "foo"}),
        ("cgi-bin/iquery.pl?1-L_1_0-1", {"case_num": case.full_number}),
        ("cgi-bin/iquery.pl?1-L_1_0-1", {"last_name": "smith"}),
        ("cgi-bin/iquery.pl?1-L_1_0-1", {"all_case_ids": "99999999", "case_num": "x"}),
        ("cgi-bin/DktRpt.pl?1-L_1_0-1", {"all_case_ids": caseid, "case_num": " ", "date_from": "1/1/1960"}),
        ("cgi-bin/DktRpt.pl?1-L_1_0-1", {"all_case_ids": "abc", "case_num": "%%%"}),
        ("cgi-bin/HistDocQry.pl?123456789012345-L_1_0-1", {"QueryType": "History"}),
        ("cgi-bin/HistDocQry.pl?1-L_1_0-1", {"case_num": "24-cv-999"}),
    ):
        response = signed_in.post(f"/ecf/wiwd/{path}", data)  # multipart, as the test client sends by default
        assert response.status_code == 200, path
        assert LOGOUT in response.content.decode(), path


@pytest.mark.parametrize(
    "path",
    [
        "cgi-bin/iquery.pl?%00%ff",
        "cgi-bin/iquery.pl?Qry_filed_from=99/99/9999",
        "cgi-bin/DktRpt.pl?date_from=x&documents_numbered_from_=-5",
        "cgi-bin/DktRpt.pl?99999999999999999999999",
        "cgi-bin/HistDocQry.pl?%27%22%3E",
        "cgi-bin/possible_case_numbers.pl?%3Cx%3E%00",
    ],
)
def test_garbage_never_breaks_a_page(signed_in: Client, case: Case, path: str) -> None:
    response = signed_in.get(f"/ecf/wiwd/{path}")
    assert response.status_code == (400 if "Qry_filed_from=99" in path else 200)


def test_bad_options_answer_the_form_with_the_error(signed_in: Client, case: Case) -> None:
    response = signed_in.post(
        "/ecf/wiwd/cgi-bin/DktRpt.pl",
        {"all_case_ids": str(case.caseid), "date_from": "02/01/2024", "date_to": "01/01/2024"},
    )
    assert response.status_code == 400
    assert "The start date must be less than or equal to the end date." in response.content.decode()
    assert LOGOUT in response.content.decode()


def test_history_token_is_good_once(signed_in: Client, case: Case) -> None:
    form = signed_in.get(f"/ecf/wiwd/cgi-bin/HistDocQry.pl?{case.caseid}").content.decode()
    token = form.split("HistDocQry.pl?")[1].split('"')[0]
    first = signed_in.post(f"/ecf/wiwd/cgi-bin/HistDocQry.pl?{token}", {"QueryType": "History"})
    again = signed_in.post(f"/ecf/wiwd/cgi-bin/HistDocQry.pl?{token}", {"QueryType": "History"})
    assert "Date filed:" in first.content.decode()
    assert "This form has already been used or has expired." in again.content.decode()


def test_signed_out_gets_the_login_and_possible_case_numbers_says_not_logged_in(case: Case) -> None:
    client = Client()
    assert client.get("/ecf/wiwd/cgi-bin/iquery.pl").status_code == 302
    assert client.post("/ecf/wiwd/cgi-bin/DktRpt.pl?1-L_1_0-1", {"all_case_ids": "1"}).status_code == 302
    body = client.get(f"/ecf/wiwd/cgi-bin/possible_case_numbers.pl?{case.full_number}").content.decode()
    assert body == (
        f'<request number="{case.full_number}"><message text="Not logged in.  Please refresh this page."/></request>'
    )


def test_query_and_reports_menus_lead_to_the_pages(signed_in: Client) -> None:
    query = signed_in.get("/ecf/wiwd/menu/query/").content.decode()
    reports = signed_in.get("/ecf/wiwd/menu/reports/").content.decode()
    assert 'href="/ecf/wiwd/cgi-bin/iquery.pl">Case Number or Party Name Search<' in query
    assert 'href="/ecf/wiwd/cgi-bin/DktRpt.pl">Docket Sheet<' in reports


def test_a_court_path_not_built_is_a_court_page_with_the_logout_link(signed_in: Client) -> None:
    for path in ("/ecf/wiwd/cgi-bin/NoSuchReport.pl?1-L_1_0-1", "/ecf/wiwd/doc1/x/y/z"):
        response = signed_in.get(path)
        assert response.status_code == 404
        assert LOGOUT in response.content.decode()
        assert "There is no page at this address. Choose a menu above." in response.content.decode()
    elsewhere = signed_in.get("/no-such-page/")
    assert elsewhere.status_code == 404 and LOGOUT not in elsewhere.content.decode()
    assert Client().get("/ecf/wiwd/cgi-bin/NoSuchReport.pl").status_code == 404
    assert LOGOUT not in Client().get("/ecf/wiwd/cgi-bin/NoSuchReport.pl").content.decode()


def test_on_a_court_host_too(signed_in: Client, settings: Any) -> None:
    settings.OPENECF_COURT_DOMAIN = "uscourts.gov"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".uscourts.gov"]
    token = Client(HTTP_HOST="pacer.login.uscourts.gov").post(
        "/services/cso-auth",
        json.dumps({"loginId": "researcher1", "password": PACER_PASSWORD}),
        "application/json",
    )
    client = Client(HTTP_HOST="ecf.wiwd.uscourts.gov", HTTP_X_NEXT_GEN_CSO=token.json()["nextGenCSO"])
    missing = client.get("/cgi-bin/NoSuchReport.pl?1-L_1_0-1")
    assert missing.status_code == 404 and LOGOUT in missing.content.decode()
    query = client.get("/cgi-bin/iquery.pl")
    assert query.status_code == 200 and LOGOUT in query.content.decode()


def test_every_demo_case_reads_through_every_report(demo: None) -> None:
    from openecf.demo.data import PACER_PASSWORD as DEMO_PASSWORD

    client = Client()
    assert pacer_login(client, "jattorney", DEMO_PASSWORD).status_code == 302
    # alnd's demo profile requires a client code for PACER searches and reports: this session has one.
    assert client.post("/ecf/alnd/utilities/client-code/", {"client_code": "demo-review"}).status_code == 200
    cases = list(Case.objects.select_related("court").order_by("court_id", "caseid"))
    assert len(cases) > 4
    for case in cases:
        base = f"/ecf/{case.court_id}/cgi-bin/"
        caseid = str(case.caseid)
        answers = [
            client.get(f"{base}iquery.pl?{caseid}"),
            client.get(f"{base}iquery.pl?{caseid}&parties"),
            client.post(f"{base}DktRpt.pl", {"all_case_ids": caseid, "list_of_parties_and_counsel": "on"}),
            client.get(f"{base}possible_case_numbers.pl?{case.full_number}"),
        ]
        form = client.get(f"{base}HistDocQry.pl?{caseid}").content.decode()
        if case.sealed:
            # nysd's qui tam: this PACER session holds no CM/ECF login of its participants, so it reads the seal.
            assert "This case is SEALED." in form
            assert answers[3].content.decode().endswith('<message text="Case Under Seal"/></request>')
            continue
        token = form.split("HistDocQry.pl?")[1].split('"')[0]
        answers.append(client.post(f"{base}HistDocQry.pl?{token}", {"DisplayDktText": "on"}))
        for answer in answers:
            assert answer.status_code == 200, (case, answer.request["PATH_INFO"])
            assert case.number in answer.content.decode(), (case, answer.request["PATH_INFO"])
