"""The demo's cases: several at each demo district and bankruptcy court, with parties, attorneys from the demo
CM/ECF accounts, numbered entries and stored PDFs; loading again adds nothing."""

from __future__ import annotations

import pytest

from openecf.cases.models import AttorneyOfRecord, Case, CourtFiling, DocketEntry, Document
from openecf.demo.cases import CASES
from openecf.demo.services import load_demo

pytestmark = pytest.mark.django_db


def test_each_demo_court_has_cases_with_people_entries_and_documents(demo: None) -> None:
    counts = {
        court: Case.objects.filter(court_id=court).count() for court in ("wiwd", "wied", "alnd", "nysd", "ilnd", "wiwb")
    }
    assert counts == {"wiwd": 4, "wied": 2, "alnd": 2, "nysd": 2, "ilnd": 1, "wiwb": 3}
    smith = Case.objects.get(court_id="wiwd", title="Smith v. Acme Widget Corp.")
    assert smith.number == f"3:{smith.year % 100:02d}-cv-00001-JDP"
    assert [(a.ecf_account.login, a.party.name) for a in AttorneyOfRecord.objects.filter(party__case=smith)] == [
        ("asample", "Ann Smith"),
        ("mattorney", "Ann Smith"),
        ("jdoe", "Acme Widget Corp."),
    ]
    assert list(DocketEntry.objects.filter(case=smith).values_list("number", flat=True)) == [1, 2, 3, 4]
    complaint = Document.objects.filter(entry__case=smith, entry__number=1)
    assert [(d.attachment_number, d.description, d.page_count) for d in complaint] == [
        (0, "", 2),
        (1, "Civil Cover Sheet", 2),
        (2, "Exhibit A", 2),
    ]
    assert all(d.file.read().startswith(b"%PDF-") for d in complaint)
    adversary = Case.objects.get(court_id="wiwb", case_type="ap")
    assert adversary.lead_case == Case.objects.get(court_id="wiwb", title="In re Ann Debtor")
    black = Case.objects.get(court_id="wiwd", case_type="cr")
    assert list(black.parties.filter(role="defendant").values_list("name", "defendant_number")) == [
        ("Jack Black", 1),
        ("Jill White", 2),
    ]
    assert Case.objects.count() == len(CASES)


def test_the_demo_has_a_sealed_case_and_a_sealed_and_a_restricted_document(demo: None) -> None:
    assert list(Case.objects.filter(sealed=True).values_list("court_id", "title")) == [
        ("nysd", "United States ex rel. Sealed v. Sealed")
    ]
    withheld = Document.objects.exclude(access="public").order_by("entry__number")
    assert [(d.entry.case.title, d.entry.number, d.access) for d in withheld] == [
        ("In re Ann Debtor", 4, "restricted"),
        ("In re Ann Debtor", 5, "sealed"),
    ]
    assert list(CourtFiling.objects.filter(viewers_see_restricted=True).values_list("court_id", flat=True)) == ["wiwb"]


def test_loading_again_adds_nothing(demo: None) -> None:
    before = (Case.objects.count(), DocketEntry.objects.count(), Document.objects.count())
    assert not [line for line in load_demo() if line.startswith("case ")]
    assert (Case.objects.count(), DocketEntry.objects.count(), Document.objects.count()) == before
