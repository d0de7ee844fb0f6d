"""The Reports menu's court-wide reports as pages: the menu leads to each; each .pl takes multipart POSTs without
a CSRF token and odd query strings without a 500; results, charges and receipts agree to the cent; a required
client code stops the page before anything is charged; sealed matter stays with the case's participants."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from email.utils import format_datetime
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import TEST_ORIGIN, force_sign_in, link_href, make_filer, make_pacer, pacer_login, visible_text
from openecf.billing import fees
from openecf.billing.models import Charge, Waiver
from openecf.cases import services
from openecf.cases.claims import add_claim
from openecf.cases.docketing import file_entry
from openecf.cases.models import Case, DocketEntry, DocumentAccess
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.reports.tests.conftest import pdf

pytestmark = pytest.mark.django_db

LOGOUT = "/cgi-bin/login.pl?logout"
WIWD, WIWB = "/ecf/wiwd/cgi-bin/", "/ecf/wiwb/cgi-bin/"
CLIENT_CODE_REQUIRED = "A Client Code is required for PACER search"


class World:
    civil: Case
    closed: Case
    criminal: Case
    sealed: Case
    bankruptcy: Case
    sealed_bk: Case
    complaint: DocketEntry
    opinion: DocketEntry
    sealed_opinion: DocketEntry
    secret: DocketEntry


@pytest.fixture
def world(db: None) -> World:
    wiwd, wiwb = Court.objects.get(pk="wiwd"), Court.objects.get(pk="wiwb")
    parker = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    brand = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
    w = World()

    def civil(title: str, filed: date, nos: str, office: int = 3) -> Case:
        case = services.open_case(
            court=wiwd,
            case_type="cv",
            title=title,
            judge=parker,
            origin=TEST_ORIGIN,
            filed_on=filed,
            nature_of_suit=nos,
            cause="28:1332 Diversity-Breach of Contract",
        )
        Case.objects.filter(pk=case.pk).update(office=office)
        return Case.objects.get(pk=case.pk)

    w.civil = civil("Smith v. Acme Corp.", date(2024, 1, 5), "440 Civil Rights: Other")
    w.closed = civil("Jones v. Badger Dairy", date(2024, 1, 20), "190 Contract: Other", office=1)
    Case.objects.filter(pk=w.closed.pk).update(date_terminated=date(2024, 3, 1))
    w.closed.refresh_from_db()
    civil("Later v. Case", date(2024, 2, 15), "440 Civil Rights: Other")
    w.criminal = services.open_case(
        court=wiwd,
        case_type="cr",
        title="United States v. Doe",
        judge=parker,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 1, 8),
    )
    w.sealed = civil("Sealed v. Secret", date(2024, 1, 9), "440 Civil Rights: Other")
    Case.objects.filter(pk=w.sealed.pk).update(sealed=True)
    w.complaint = file_entry(
        case=w.civil,
        text="COMPLAINT against Acme Corp. filed by John Smith.",
        documents=[pdf("Complaint")],
        filed_on=date(2024, 1, 5),
        origin=TEST_ORIGIN,
    )
    w.opinion = file_entry(
        case=w.civil,
        text="OPINION AND ORDER granting motion to dismiss.",
        documents=[pdf("Opinion and Order")],
        filed_on=date(2024, 1, 25),
        written_opinion=True,
        origin=TEST_ORIGIN,
    )
    w.sealed_opinion = file_entry(
        case=w.civil,
        text="OPINION under seal.",
        documents=[pdf("Sealed Opinion")],
        filed_on=date(2024, 1, 26),
        written_opinion=True,
        origin=TEST_ORIGIN,
    )
    w.sealed_opinion.documents.update(access=DocumentAccess.SEALED)
    w.secret = file_entry(
        case=w.sealed,
        text="MOTION to Seal.",
        documents=[pdf("Motion")],
        filed_on=date(2024, 1, 10),
        origin=TEST_ORIGIN,
    )
    w.bankruptcy = services.open_case(
        court=wiwb, case_type="bk", title="In re Ann Debtor", judge=brand, origin=TEST_ORIGIN, filed_on=date(2024, 4, 1)
    )
    w.sealed_bk = services.open_case(
        court=wiwb, case_type="bk", title="In re Hidden", judge=brand, origin=TEST_ORIGIN, filed_on=date(2024, 4, 2)
    )
    Case.objects.filter(pk=w.sealed_bk.pk).update(sealed=True)
    for case in (w.bankruptcy, w.sealed_bk):
        add_claim(
            case=case,
            creditor_name="Northern Bank, N.A.",
            amount_claimed=Decimal("100.00"),
            entered_by="Northern Bank, N.A.",
            filed_on=date(2024, 4, 20),
            origin=TEST_ORIGIN,
        )
    return w


@pytest.fixture
def signed_in(db: None) -> Client:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    assert pacer_login(client, "researcher1", court="wiwd").status_code == 302
    client.handler.enforce_csrf_checks = True  # as juriscraper posts: multipart, no CSRF token
    return client


def rows(response: Any, css_class: str) -> list[list[str]]:
    """The text of each cell of the report table's rows (its header row left out)."""
    tree = lxml.html.fromstring(response.content.decode().replace("<br>", " <br>"))
    table = tree.find_class(css_class)[0]
    return [[" ".join(td.text_content().split()) for td in tr.findall("td")] for tr in table.findall("tr")[1:]]


def results_bytes(response: Any) -> int:
    """The size of the report's results as served: what the page is billed for (the receipt follows them)."""
    page = response.content.decode()
    start = page.index('<div id="cmecfMainContent">\n') + len('<div id="cmecfMainContent">\n')
    end = page.index('\n<center><table border="1" bgcolor="white" width="400" class="transaction-receipt">')
    return len(page[start:end].encode())


def receipt(response: Any) -> str:
    """The Transaction Receipt's text: the last block of the page's content (the site's footer follows it)."""
    text = visible_text(response)
    return text[text.index("Transaction Receipt") : text.index("OpenECF — an open implementation")].strip()


def assert_receipt_is(response: Any, charge: Charge) -> None:
    cost = fees.dollars(charge.cost_cents)
    assert f"Description: {charge.description} Search Criteria: {charge.criteria}" in receipt(response)
    assert receipt(response).endswith(f"Billable Pages: {charge.pages} Cost: {cost}")


# --- The menu ----------------------------------------------------------------------------------------------------


def test_the_reports_menu_leads_to_each_report(signed_in: Client) -> None:
    district = signed_in.get(reverse("cmecf:menu", args=["wiwd", "reports"]))
    assert [link_href(district, label) for label in ("Civil Cases", "Criminal Cases", "Written Opinions")] == [
        f"{WIWD}CaseFiled-Rpt.pl",
        f"{WIWD}CrCaseFiled-Rpt.pl",
        f"{WIWD}WrtOpRpt.pl",
    ]
    assert link_href(district, "Docket Activity") == f"{WIWD}DktActivityRpt.pl"
    assert link_href(district, "Calendar Events") == "/ecf/wiwd/unavailable/calendar-events/"
    bankruptcy = signed_in.get(reverse("cmecf:menu", args=["wiwb", "reports"]))
    assert link_href(bankruptcy, "Claims Register") == f"{WIWB}SearchClaims.pl"
    assert link_href(bankruptcy, "Written Opinions") == f"{WIWB}WrtOpRpt.pl"


def test_signed_out_the_reports_lead_to_the_login_and_the_feed_is_served(world: World) -> None:
    client = Client()
    for path in ("WrtOpRpt.pl", "CaseFiled-Rpt.pl", "CrCaseFiled-Rpt.pl", "DktActivityRpt.pl"):
        response = client.get(f"{WIWD}{path}")
        assert (response.status_code, response["Location"]) == (
            302,
            f"/login/?court=wiwd&next=%2Fecf%2Fwiwd%2Fcgi-bin%2F{path}",
        )
    feed = client.get(f"{WIWD}rss_outside.pl")
    assert (feed.status_code, feed["Content-Type"]) == (200, "application/rss+xml; charset=utf-8")
    assert feed.content.decode().count("<item>") == 3  # the complaint and the two opinions; not the sealed case's
    assert Charge.objects.count() == 0


def test_each_report_takes_multipart_without_csrf_and_odd_query_strings(signed_in: Client, world: World) -> None:
    for path, data in (
        (f"{WIWD}WrtOpRpt.pl", {"filed_from": "01/01/2024", "filed_to": "01/31/2024", "ShowFull": "1"}),
        (f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "01/01/2024", "date_to": "01/31/2024"}),
        (f"{WIWD}CrCaseFiled-Rpt.pl", {"date_from": "01/01/2024"}),
        (f"{WIWD}DktActivityRpt.pl", {"date_from": "01/01/2024", "event": "motion"}),
        (f"{WIWB}SearchClaims.pl", {"all_case_ids": str(world.bankruptcy.caseid), "case_num": ""}),
    ):
        for query in ("?1-L_1_0-1", "?%00%ff", "?99999999999999999999", "?a=b&&c"):
            response = signed_in.post(path + query, data)
            assert response.status_code == 200, (path, query)
            assert LOGOUT in response.content.decode()
            assert "Transaction Receipt" in visible_text(response)
        for query in ("", "?1-L_1_0-1", "?abc", "?99999999999999999999", "?%00"):
            response = signed_in.get(path + query)
            assert response.status_code == 200, (path, query)
            assert LOGOUT in response.content.decode()


def test_garbage_in_a_form_is_a_400_naming_the_problem(signed_in: Client, world: World) -> None:
    for path, data, message in (
        (f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "13/45/2024"}, "From: Enter a valid date."),
        (
            f"{WIWD}CaseFiled-Rpt.pl",
            {"date_from": "02/01/2024", "date_to": "01/01/2024"},
            "The end date must not come before the start date.",
        ),
        (f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "01/01/1066"}, "Dates must be from 01/01/1900 on."),
        (
            f"{WIWD}CaseFiled-Rpt.pl",
            {"nature_of_suit": "abc"},
            "Nature of suit (code): Enter the three-digit nature of suit code, e.g. 440.",
        ),
        (f"{WIWD}CaseFiled-Rpt.pl", {"office": "99999999999999999999"}, "Office: Ensure this value is less than"),
        (f"{WIWD}DktActivityRpt.pl", {"case_type": "zz"}, "Case type: Select a valid choice."),
        (f"{WIWD}WrtOpRpt.pl", {"filed_from": "yesterday"}, "Filed from: Enter a valid date."),
        (f"{WIWB}SearchClaims.pl", {"case_num": "24-1", "f_fromdt": "x"}, "From: Enter a valid date."),
    ):
        response = signed_in.post(path, data)
        assert response.status_code == 400, data
        assert message in visible_text(response)
        assert LOGOUT in response.content.decode()
    assert Charge.objects.count() == 0


def test_each_court_has_only_its_kind_of_reports(signed_in: Client, world: World) -> None:
    for path in (f"{WIWB}CaseFiled-Rpt.pl", f"{WIWB}CrCaseFiled-Rpt.pl", f"{WIWD}SearchClaims.pl"):
        response = signed_in.get(path)
        assert response.status_code == 404, path
        assert LOGOUT in response.content.decode()
    # A court of appeals has its own pages (TransportRoom), with its own Logout.
    assert signed_in.get("/ecf/ca8/cgi-bin/WrtOpRpt.pl").status_code == 404
    assert signed_in.get("/ecf/ca8/cgi-bin/DktActivityRpt.pl").status_code == 404
    assert Client().get("/ecf/ca8/cgi-bin/rss_outside.pl").status_code == 404
    # Every .pl is a read that answers a multipart POST without a CSRF token, the feed included.
    posted = Client(enforce_csrf_checks=True).post(f"{WIWD}rss_outside.pl", {"x": "1"})
    assert (posted.status_code, posted["Content-Type"]) == (200, "application/rss+xml; charset=utf-8")


def test_the_feed_items_as_the_courts_write_them(world: World) -> None:
    response = Client().get(f"{WIWD}rss_outside.pl?%00&x")
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel is not None
    assert channel.findtext("title") == "District Court, W.D. Wisconsin - Recent Entries"
    items = channel.findall("item")
    complaint = items[-1]
    caseid, seq = world.civil.caseid, world.complaint.de_seq_num
    doc = world.complaint.documents.get().pacer_doc_id
    assert {child.tag: child.text for child in complaint} == {
        "title": f"{world.civil.number} Smith v. Acme Corp.",
        "link": f"http://testserver/ecf/wiwd/cgi-bin/DktRpt.pl?{caseid}",
        "description": (
            f'[Complaint] (<a href="http://testserver/ecf/wiwd/doc1/{doc}?caseid={caseid}&de_seq_num={seq}" >1</a>)'
        ),
        "guid": f"http://testserver/ecf/wiwd/cgi-bin/DktRpt.pl?{caseid}-{seq}",
        "pubDate": format_datetime(world.complaint.entered_at, usegmt=True),
    }
    assert [item.findtext("description") for item in items[:2]] == [
        "[Sealed Opinion]",  # a sealed document: its entry, without a link
        f'[Opinion and Order] (<a href="http://testserver/ecf/wiwd/doc1/{world.opinion.documents.get().pacer_doc_id}'
        f'?caseid={caseid}&de_seq_num={world.opinion.de_seq_num}" >2</a>)',
    ]


# --- Civil Cases, Criminal Cases ---------------------------------------------------------------------------------


def test_civil_cases_filed_in_a_range_billed_uncapped_with_its_receipt(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "01/01/2024", "date_to": "01/31/2024"})
    assert response.status_code == 200
    cause = "28:1332 Diversity-Breach of Contract"
    assert rows(response, "cases-report") == [
        [
            world.civil.number,
            "Smith v. Acme Corp.",
            "Judith D. Parker",
            "01/05/2024",
            "",
            "440 Civil Rights: Other",
            cause,
        ],
        [
            world.sealed.number,
            "Sealed v. Secret",
            "Judith D. Parker",
            "01/09/2024",
            "",
            "440 Civil Rights: Other",
            cause,
        ],
        [
            world.closed.number,
            "Jones v. Badger Dairy",
            "Judith D. Parker",
            "01/20/2024",
            "03/01/2024",
            "190 Contract: Other",
            cause,
        ],
    ]
    charge = Charge.objects.get()
    pages = fees.html_pages(results_bytes(response))
    assert (charge.description, charge.criteria, charge.pages, charge.cost_cents, charge.waiver) == (
        "Civil Cases Report",
        "Cases: Filed From: 01/01/2024 To: 01/31/2024",
        pages,
        pages * 10,
        Waiver.NONE,
    )
    assert_receipt_is(response, charge)


def test_civil_cases_by_termination_office_and_nature_of_suit(signed_in: Client, world: World) -> None:
    terminated = signed_in.post(f"{WIWD}CaseFiled-Rpt.pl", {"date_type": "terminated", "date_from": "01/01/2024"})
    assert [row[1] for row in rows(terminated, "cases-report")] == ["Jones v. Badger Dairy"]
    office = signed_in.post(f"{WIWD}CaseFiled-Rpt.pl", {"office": "1"})
    assert [row[1] for row in rows(office, "cases-report")] == ["Jones v. Badger Dairy"]
    nos = signed_in.post(f"{WIWD}CaseFiled-Rpt.pl", {"nature_of_suit": "440", "date_to": "02/28/2024"})
    assert [row[1] for row in rows(nos, "cases-report")] == ["Smith v. Acme Corp.", "Sealed v. Secret", "Later v. Case"]
    assert list(Charge.objects.order_by("id").values_list("criteria", flat=True)) == [
        "Cases: Terminated From: 01/01/2024",
        "Cases: Filed Office: 1",
        "Cases: Filed To: 02/28/2024 NOS: 440",
    ]


def test_criminal_cases_and_a_search_that_finds_nothing_costs_one_page(signed_in: Client, world: World) -> None:
    found = signed_in.post(f"{WIWD}CrCaseFiled-Rpt.pl", {"date_from": "01/01/2024"})
    assert rows(found, "cases-report") == [
        [world.criminal.number, "United States v. Doe", "Judith D. Parker", "01/08/2024", "", ""]
    ]
    none = signed_in.post(f"{WIWD}CrCaseFiled-Rpt.pl", {"date_from": "01/01/2030"})
    assert "No cases found. Total cases reported: 0" in visible_text(none)
    charge = Charge.objects.order_by("id").last()
    assert charge is not None
    assert (charge.description, charge.pages, charge.cost_cents) == ("Criminal Cases Report", 1, 10)
    assert_receipt_is(none, charge)


# --- Docket Activity -----------------------------------------------------------------------------------------------


def test_docket_activity_lists_entries_but_not_a_sealed_cases(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{WIWD}DktActivityRpt.pl", {"date_from": "01/01/2024", "date_to": "01/31/2024"})
    civil = world.civil.number
    today = world.complaint.entered_at.astimezone(Court.objects.get(pk="wiwd").zone).strftime("%m/%d/%Y")
    assert rows(response, "activity-report") == [
        [civil, "Smith v. Acme Corp.", "1", "01/05/2024", today, "COMPLAINT against Acme Corp. filed by John Smith."],
        [civil, "Smith v. Acme Corp.", "2", "01/25/2024", today, "OPINION AND ORDER granting motion to dismiss."],
        [civil, "Smith v. Acme Corp.", "3", "01/26/2024", today, "OPINION under seal."],
    ]
    page = response.content.decode()
    assert world.complaint.documents.get().pacer_doc_id in page
    assert world.sealed_opinion.documents.get().pacer_doc_id not in page  # a sealed document: listed, not linked
    assert "Sealed v. Secret" not in page
    charge = Charge.objects.get()
    pages = fees.html_pages(results_bytes(response))
    assert (charge.description, charge.pages, charge.cost_cents) == ("Docket Activity Report", pages, pages * 10)
    assert_receipt_is(response, charge)


def test_docket_activity_by_event_and_case_type(signed_in: Client, world: World) -> None:
    motions = signed_in.post(f"{WIWD}DktActivityRpt.pl", {"event": "opinion", "case_type": "cv"})
    assert [row[5] for row in rows(motions, "activity-report")] == [
        "OPINION AND ORDER granting motion to dismiss.",
        "OPINION under seal.",
    ]
    criminal = signed_in.post(f"{WIWD}DktActivityRpt.pl", {"case_type": "cr"})
    assert "No entries found. Total entries reported: 0" in visible_text(criminal)
    today = world.complaint.entered_at.astimezone(Court.objects.get(pk="wiwd").zone).strftime("%m/%d/%Y")
    entered = signed_in.post(f"{WIWD}DktActivityRpt.pl", {"date_type": "entered", "date_from": today, "date_to": today})
    assert [row[3] for row in rows(entered, "activity-report")] == ["01/05/2024", "01/25/2024", "01/26/2024"]
    assert list(Charge.objects.order_by("id").values_list("criteria", flat=True)) == [
        "Entries: Filed Type: cv Event: opinion",
        "Entries: Filed Type: cr",
        f"Entries: Entered From: {today} To: {today}",
    ]


def test_a_sealed_cases_participant_sees_its_activity(world: World) -> None:
    filer = make_filer("sealfiler", "Sam Sealer")
    ecf = Link.objects.get(pacer_account=filer).ecf_account
    party = services.add_party(case=world.sealed, name="Sealed Plaintiff", role="plaintiff", origin=TEST_ORIGIN)
    services.add_attorney(party=party, ecf_account=ecf, origin=TEST_ORIGIN)
    client = force_sign_in(Client(), filer)
    response = client.post(f"{WIWD}DktActivityRpt.pl", {"date_from": "01/10/2024", "date_to": "01/10/2024"})
    assert rows(response, "activity-report")[0][:4] == [world.sealed.number, "Sealed v. Secret", "1", "01/10/2024"]


def test_docket_activity_is_not_capped(signed_in: Client, world: World) -> None:
    long_text = "ORDER " + "on the many motions pending " * 350  # about 9,800 characters each
    for _ in range(15):
        file_entry(
            case=world.criminal,
            text=long_text,
            documents=[],
            numbered=False,
            filed_on=date(2024, 2, 1),
            origin=TEST_ORIGIN,
        )
    response = signed_in.post(f"{WIWD}DktActivityRpt.pl", {"date_from": "02/01/2024", "date_to": "02/01/2024"})
    pages = fees.html_pages(results_bytes(response))
    assert pages > fees.CAP_PAGES
    charge = Charge.objects.get()
    assert (charge.pages, charge.cost_cents) == (pages, pages * 10)
    assert_receipt_is(response, charge)


# --- A required client code ----------------------------------------------------------------------------------------


def test_a_required_client_code_stops_every_billed_report_and_charges_nothing(signed_in: Client, world: World) -> None:
    Court.objects.filter(pk__in=["wiwd", "wiwb"]).update(client_code_required=True)
    for path, data in (
        (f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "01/01/2024"}),
        (f"{WIWD}CrCaseFiled-Rpt.pl", {"date_from": "01/01/2024"}),
        (f"{WIWD}DktActivityRpt.pl", {"date_from": "01/01/2024"}),
        (f"{WIWB}SearchClaims.pl", {"all_case_ids": str(world.bankruptcy.caseid)}),
    ):
        response = signed_in.post(path, data)
        assert response.status_code == 400, path
        assert CLIENT_CODE_REQUIRED in visible_text(response)
        assert "Transaction Receipt" not in visible_text(response)
    assert Charge.objects.count() == 0
    # Written opinions are free: no client code is asked for them.
    free = signed_in.post(f"{WIWD}WrtOpRpt.pl", {"filed_from": "01/01/2024"})
    assert free.status_code == 200
    charge = Charge.objects.get()
    assert (charge.description, charge.cost_cents, charge.waiver, charge.client_code) == (
        "Written Opinions Report",
        0,
        Waiver.OPINION,
        "",
    )
    assert_receipt_is(free, charge)


# --- Written Opinions ----------------------------------------------------------------------------------------------


def test_written_opinions_are_free_and_a_sealed_document_is_not_listed(signed_in: Client, world: World) -> None:
    form = signed_in.get(f"{WIWD}WrtOpRpt.pl")
    assert re.search(r'action="/ecf/wiwd/cgi-bin/WrtOpRpt\.pl\?1-L_1_0-1"', form.content.decode())
    response = signed_in.post(f"{WIWD}WrtOpRpt.pl?1-L_1_0-1", {"filed_from": "01/01/2024", "filed_to": "01/31/2024"})
    assert rows(response, "opinions-report") == [
        [
            "01/25/2024",
            f"{world.civil.number} Smith v. Acme Corp.",
            "2",
            "OPINION AND ORDER granting motion to dismiss.",
            "NOS: 440 Cause: 28:1332 Diversity-Breach of Contract",
        ]
    ]
    page = response.content.decode()
    opinion_doc = world.opinion.documents.get().pacer_doc_id
    assert f'href="/ecf/wiwd/doc1/{opinion_doc}"' in page
    assert world.sealed_opinion.documents.get().pacer_doc_id not in page
    assert "Total number of opinions reported: 1" in visible_text(response)
    charge = Charge.objects.get()
    assert (charge.description, charge.criteria, charge.cost_cents, charge.waiver) == (
        "Written Opinions Report",
        "Filed From: 01/01/2024 To: 01/31/2024",
        0,
        Waiver.OPINION,
    )
    assert_receipt_is(response, charge)


# --- Claims Register -----------------------------------------------------------------------------------------------


def test_claims_register_is_capped_at_three_dollars(signed_in: Client, world: World) -> None:
    for n in range(12):
        add_claim(
            case=world.bankruptcy,
            creditor_name=f"Creditor {n}",
            amount_claimed=Decimal("10.00"),
            entered_by="Clerk's Office",
            remarks="Objection pending. " * 700,  # about 13,000 characters each
            origin=TEST_ORIGIN,
        )
    response = signed_in.post(f"{WIWB}SearchClaims.pl?1-L_1_0-1", {"all_case_ids": str(world.bankruptcy.caseid)})
    assert fees.html_pages(results_bytes(response)) > fees.CAP_PAGES
    charge = Charge.objects.get()
    assert (charge.description, charge.criteria, charge.pages, charge.cost_cents) == (
        "Claims Register",
        f"Case: {world.bankruptcy.number} Filed or Entered: Filed",
        30,
        300,
    )
    assert_receipt_is(response, charge)


def test_claims_register_form_names_the_case_and_finds_it_by_number(signed_in: Client, world: World) -> None:
    bk = world.bankruptcy
    form = signed_in.get(f"{WIWB}SearchClaims.pl?{bk.caseid}")
    assert f'value="{bk.number}"' in form.content.decode()
    assert signed_in.get(f"{WIWB}SearchClaims.pl?987654321").content.decode().count("Case not found.") == 1
    by_number = signed_in.post(f"{WIWB}SearchClaims.pl", {"case_num": bk.full_number.split(":")[-1]})
    assert "Northern Bank, N.A." in visible_text(by_number)
    nothing = signed_in.post(f"{WIWB}SearchClaims.pl", {"case_num": bk.number, "f_fromdt": "01/01/2030"})
    assert "No claims found for this case using selection criteria entered" in visible_text(nothing)


def test_a_sealed_bankruptcy_case_keeps_its_claims_from_non_participants(signed_in: Client, world: World) -> None:
    response = signed_in.post(f"{WIWB}SearchClaims.pl", {"all_case_ids": str(world.sealed_bk.caseid)})
    assert response.status_code == 200
    assert "This case is SEALED." in visible_text(response)
    assert "Northern Bank" not in visible_text(response)
    assert Charge.objects.count() == 0


# --- Cost: a fixed number of queries, whatever a report finds ----------------------------------------------------


def _queries(client: Client, method: str, path: str, data: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, data) if method == "POST" else client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_each_report_costs_the_same_queries_for_few_rows_as_for_many(signed_in: Client, world: World) -> None:
    reports: tuple[tuple[str, str, dict[str, str]], ...] = (
        ("GET", f"{WIWD}rss_outside.pl", {}),
        ("POST", f"{WIWD}WrtOpRpt.pl", {"filed_from": "01/01/2024"}),
        ("POST", f"{WIWD}DktActivityRpt.pl", {"date_from": "01/01/2024"}),
        ("POST", f"{WIWD}CaseFiled-Rpt.pl", {"date_from": "01/01/2024"}),
        ("POST", f"{WIWB}SearchClaims.pl", {"all_case_ids": str(world.bankruptcy.caseid)}),
    )
    few = [_queries(signed_in, *report) for report in reports]
    wiwd = Court.objects.get(pk="wiwd")
    for n in range(6):
        case = services.open_case(
            court=wiwd, case_type="cv", title=f"More {n} v. Cases", origin=TEST_ORIGIN, filed_on=date(2024, 1, 12)
        )
        file_entry(
            case=case,
            text="OPINION AND ORDER.",
            documents=[pdf("Opinion")],
            filed_on=date(2024, 1, 12),
            written_opinion=True,
            origin=TEST_ORIGIN,
        )
        add_claim(
            case=world.bankruptcy,
            creditor_name=f"Creditor {n}",
            amount_claimed=Decimal("1.00"),
            entered_by="Clerk",
            origin=TEST_ORIGIN,
        )
    many = [_queries(signed_in, *report) for report in reports]
    assert many == few
