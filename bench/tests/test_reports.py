"""bench/reports.py's loaders: cases and docket entries numbered as filing numbers them, the court's and the case's
counters moved past them, and a docket of 10,000 entries that the Docket Report shows whole."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from bench import reports
from conftest import TEST_ORIGIN, make_pacer
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry, pacer_doc_id
from openecf.cases.models import Case, CaseNumberCounter, DocketEntry, Document
from openecf.cases.pdfmake import make_pdf
from openecf.cases.services import filing_settings
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


@pytest.fixture
def wiwd() -> Court:
    return Court.objects.get(pk="wiwd")


def test_plan_fills_this_year_by_kind_then_goes_back_a_year() -> None:
    plan = reports.plan_numbers({(2026, "cv"): 4}, count=25, types=["cv", "cr"], top_year=2026, per_type_year=10)

    assert plan == [
        reports.Segment(2026, "cv", 5, 6),
        reports.Segment(2026, "cr", 1, 10),
        reports.Segment(2025, "cv", 1, 5),
        reports.Segment(2025, "cr", 1, 4),
    ]


def test_loaded_cases_take_the_next_numbers_and_a_later_case_the_one_after(wiwd: Court) -> None:
    year = wiwd.local_date().year
    before = services.open_case(court=wiwd, case_type="cv", title="Before v. Load", origin=TEST_ORIGIN)

    loaded = reports.load_cases(court=wiwd, count=25, per_type_year=10)
    after = services.open_case(court=wiwd, case_type="cr", title="United States v. After", origin=TEST_ORIGIN)

    assert (loaded["first_caseid"], loaded["last_caseid"]) == (before.caseid + 1, before.caseid + 25)
    assert after.caseid == before.caseid + 26
    cases = Case.objects.filter(court=wiwd, caseid__gt=before.caseid, caseid__lt=after.caseid)
    numbers = sorted((case.year, case.case_type, case.serial) for case in cases)
    assert numbers == sorted(
        [(year, "cv", serial) for serial in range(2, 11)]
        + [(year, "cr", serial) for serial in range(1, 11)]
        + [(year - 1, "cv", serial) for serial in range(1, 4)]
        + [(year - 1, "cr", serial) for serial in range(1, 4)]
    )
    assert (after.year, after.serial) == (year, 11)
    counters = dict(
        ((counter.year, counter.case_type), counter.last_serial)
        for counter in CaseNumberCounter.objects.filter(court=wiwd)
    )
    assert counters == {(year, "cv"): 10, (year, "cr"): 11, (year - 1, "cv"): 3, (year - 1, "cr"): 3}
    assert {case.initials for case in cases} == {"BRA", "BRB", "BRC"}
    assert {case.office for case in cases} == {filing_settings(wiwd).office}


def test_loaded_entries_follow_the_last_one_filed_and_the_next_filing_follows_them(wiwd: Court) -> None:
    case = reports.open_docket_case(wiwd, "Docket v. Loader", filed_on=wiwd.local_date() - timedelta(days=30))
    first = file_entry(
        case=case, text="COMPLAINT", documents=[Upload(make_pdf([["COMPLAINT"]]), "c.pdf")], origin=TEST_ORIGIN
    )
    prefix = filing_settings(wiwd).doc_id_prefix
    first_document = Document.objects.get(entry=first)

    loaded = reports.load_docket(case=case, count=30)
    last = file_entry(case=case, text="ORDER", documents=[Upload(make_pdf([["ORDER"]]), "o.pdf")], origin=TEST_ORIGIN)

    assert (loaded["first_number"], loaded["last_number"], loaded["documents"]) == (2, 31, 33)
    entries = list(DocketEntry.objects.filter(case=case).order_by("de_seq_num"))
    assert [entry.number for entry in entries] == list(range(1, 33))
    assert [entry.de_seq_num for entry in entries] == list(range(1, 33))
    assert (last.number, last.de_seq_num) == (32, 32)
    case.refresh_from_db()
    assert (case.last_docket_number, case.last_de_seq_num) == (32, 32)
    serial = int(first_document.pacer_doc_id[4:])
    ids = list(
        Document.objects.filter(entry__case=case)
        .order_by("entry__de_seq_num", "attachment_number")
        .values_list("pacer_doc_id", flat=True)
    )
    assert ids == [pacer_doc_id(prefix, serial + k) for k in range(35)]
    attached = Document.objects.filter(entry__case=case, attachment_number=1)
    assert sorted(document.label for document in attached) == ["11-1", "21-1", "31-1"]
    assert entries[1].filed_on == case.date_filed and entries[30].filed_on == case.date_filed + timedelta(days=5)


@pytest.mark.slow
def test_a_docket_of_10000_entries_renders_whole(wiwd: Court, client_of: Any) -> None:
    case = reports.open_docket_case(wiwd, "Ten Thousand v. Docket", filed_on=date(2019, 3, 1))
    reports.load_docket(case=case, count=10_000)
    client = client_of(make_pacer("bigdocket1", "Rita Reader"))

    answer = post_report(client, case)

    assert answer.status_code == 200
    html = answer.content.decode()
    assert html.count(reports.ROW_START) == 10_000
    last_row = html.rsplit(reports.ROW_START, 1)[1]
    last = DocketEntry.objects.get(case=case, number=10_000)
    main, exhibit = Document.objects.filter(entry=last).order_by("attachment_number")
    assert last_row.startswith(f"{last.filed_on:%m/%d/%Y}</td>")
    assert f'/doc1/{main.pacer_doc_id}" onclick="goDLS(' in last_row
    assert f'>10000</a>&nbsp;</td><td valign="top">{last.text}' in last_row
    assert f'(Attachments: # <a href="/ecf/wiwd/doc1/{exhibit.pacer_doc_id}"' in last_row
    assert f"</a> Exhibit A) (Entered: {last.filed_on:%m/%d/%Y})</td></tr>" in last_row


def post_report(client: Client, case: Case) -> Any:
    """The report as juriscraper asks for it: multipart, every entry since 1960."""
    fields = {
        "all_case_ids": str(case.caseid),
        "sort1": "oldest date first",
        "date_range_type": "Filed",
        "output_format": "html",
        "case_num": " ",
        "date_from": "1/1/1960",
    }
    return client.post("/ecf/wiwd/cgi-bin/DktRpt.pl?1-L_1_0-1", fields)
