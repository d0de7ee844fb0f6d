"""juriscraper 4.0.1, unmodified, reads Query and Reports from a live OpenECF (tools/pacer_loopback.py mounts it on
*.uscourts.gov): PossibleCaseNumberApi, CaseQuery, DocketReport (civil, criminal, bankruptcy, adversary) and
DocketHistoryReport each return what is stored, every field compared."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
from juriscraper.pacer import (
    CaseQuery,
    DocketHistoryReport,
    DocketReport,
    PacerSession,
    PossibleCaseNumberApi,
)

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_ecf, make_pacer
from openecf.billing.models import Charge
from openecf.cases import services
from openecf.cases.docketing import file_entry
from openecf.cases.models import Case, DocketEntry, DocumentAccess, Judge, Party
from openecf.courts.models import Court
from openecf.reports.tests.conftest import pdf, receipt_matches
from tools.pacer_loopback import mounts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]

NO_COMPONENTS = {
    "federal_defendant_number": None,
    "federal_dn_judge_initials_referred": None,
}


def _d(value: date) -> str:
    return value.strftime("%m/%d/%Y")


class World:
    civil: Case
    criminal: Case
    bankruptcy: Case
    adversary: Case


@pytest.fixture
def world(court_domain: None) -> World:
    make_pacer("researcher1", "Rita Searcher")
    wiwd, wiwb = Court.objects.get(pk="wiwd"), Court.objects.get(pk="wiwb")
    parker = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    crocker = services.add_judge(court=wiwd, name="Stephen L. Crocker", origin=TEST_ORIGIN)
    Judge.objects.filter(pk=crocker.pk).update(title="magistrate")
    brand = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
    sample = make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!")
    other = make_ecf("wiwd", "bother", "Betty Other", "Old-Court-Password-1!")
    trustee = make_ecf("wiwb", "ttrust", "Tom Trustee", "Old-Court-Password-1!")
    w = World()

    w.civil = services.open_case(
        court=wiwd,
        case_type="cv",
        title="Smith v. Acme Corp.",
        judge=parker,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 1, 5),
        nature_of_suit="440 Civil Rights: Other",
        cause="42:1983 Civil Rights Act",
        jurisdiction="Federal Question",
        jury_demand="Plaintiff",
        demand="$75,000",
    )
    Case.objects.filter(pk=w.civil.pk).update(referred_judge=crocker, date_terminated=date(2024, 6, 1))
    smith = services.add_party(case=w.civil, name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    acme = services.add_party(case=w.civil, name="Acme Corp.", role="defendant", origin=TEST_ORIGIN)
    gone = services.add_party(case=w.civil, name="Old Party LLC", role="defendant", origin=TEST_ORIGIN)
    Party.objects.filter(pk=gone.pk).update(date_terminated=date(2024, 2, 1))
    services.add_attorney(party=smith, ecf_account=sample, role="lead", origin=TEST_ORIGIN, added_on=date(2024, 1, 5))
    services.add_attorney(party=acme, ecf_account=other, origin=TEST_ORIGIN, added_on=date(2024, 1, 9))
    file_entry(
        case=w.civil,
        text="COMPLAINT against Acme Corp. filed by John Smith.",
        documents=[pdf("Complaint"), pdf("Exhibit A"), pdf("Civil Cover Sheet")],
        filed_by=sample,
        filed_on=date(2024, 1, 5),
        origin=TEST_ORIGIN,
    )
    file_entry(
        case=w.civil,
        text="Minute Entry: scheduling conference held.",
        documents=[],
        numbered=False,
        filed_on=date(2024, 1, 20),
        origin=TEST_ORIGIN,
    )
    file_entry(
        case=w.civil,
        text="ORDER setting trial. Signed by Judge Parker.",
        documents=[],
        filed_on=date(2024, 2, 2),
        origin=TEST_ORIGIN,
    )
    file_entry(
        case=w.civil,
        text="ANSWER to Complaint by Acme Corp.",
        documents=[pdf("Answer")],
        filed_by=other,
        filed_on=date(2024, 2, 9),
        origin=TEST_ORIGIN,
    )

    w.criminal = services.open_case(
        court=wiwd,
        case_type="cr",
        title="USA v. Doe et al",
        judge=parker,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 3, 1),
    )
    services.add_party(case=w.criminal, name="USA", role="usa", origin=TEST_ORIGIN)
    first = services.add_party(case=w.criminal, name="Jane Doe", role="defendant", origin=TEST_ORIGIN)
    services.add_party(case=w.criminal, name="Richard Roe", role="defendant", origin=TEST_ORIGIN)
    services.add_attorney(party=first, ecf_account=sample, origin=TEST_ORIGIN, added_on=date(2024, 3, 2))
    file_entry(
        case=w.criminal,
        text="INDICTMENT as to Jane Doe (1), Richard Roe (2).",
        documents=[pdf("Indictment")],
        filed_on=date(2024, 3, 1),
        origin=TEST_ORIGIN,
    )

    w.bankruptcy = services.open_case(
        court=wiwb,
        case_type="bk",
        title="Nancy Jean Stevens",
        judge=brand,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 4, 1),
    )
    debtor = services.add_party(case=w.bankruptcy, name="Nancy Jean Stevens", role="debtor", origin=TEST_ORIGIN)
    services.add_attorney(party=debtor, ecf_account=trustee, origin=TEST_ORIGIN, added_on=date(2024, 4, 1))
    services.add_party(case=w.bankruptcy, name="Tom Trustee", role="trustee", origin=TEST_ORIGIN)
    file_entry(
        case=w.bankruptcy,
        text="Chapter 7 Voluntary Petition for Individuals.",
        documents=[pdf("Petition")],
        filed_by=trustee,
        filed_on=date(2024, 4, 1),
        origin=TEST_ORIGIN,
    )

    w.adversary = services.open_case(
        court=wiwb,
        case_type="ap",
        title="Trustee v. First Bank",
        judge=brand,
        lead_case=w.bankruptcy,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 5, 1),
        nature_of_suit="14 Recovery of money/property - other",
    )
    services.add_party(case=w.adversary, name="Tom Trustee", role="plaintiff", origin=TEST_ORIGIN)
    services.add_party(case=w.adversary, name="First Bank", role="defendant", origin=TEST_ORIGIN)
    file_entry(
        case=w.adversary,
        text="Adversary case 24-00001. Complaint by Tom Trustee against First Bank.",
        documents=[pdf("Adversary Complaint")],
        filed_on=date(2024, 5, 1),
        origin=TEST_ORIGIN,
    )
    for name in ("civil", "criminal", "bankruptcy", "adversary"):
        setattr(w, name, Case.objects.select_related("judge", "court").get(pk=getattr(w, name).pk))
    return w


def port_of(live_server: Any) -> int:
    return int(live_server.url.rsplit(":", 1)[1])


async def _session(live_server: Any) -> PacerSession:
    session = PacerSession(username="researcher1", password=PACER_PASSWORD, mounts=mounts(port_of(live_server)))
    await session.login()
    return session


def entered(entry: DocketEntry) -> date:
    return entry.entered_at.astimezone(entry.case.court.zone).date()


def test_possible_case_numbers_finds_cases_by_partial_number(live_server: Any, world: World) -> None:
    civil, criminal = world.civil, world.criminal

    async def scenario() -> dict[str, Any]:
        session = await _session(live_server)
        try:
            found = {}
            for typed, kwargs in (
                (f"{civil.year % 100}-{civil.serial}", {"docket_number_letters": "cv"}),
                (civil.full_number, {}),
                (f"{criminal.office}:{criminal.year % 100}cr{criminal.serial}", {}),
                (f"{criminal.full_number}-2", {}),
                ("3:99-cv-99999", {}),
            ):
                api = PossibleCaseNumberApi("wiwd", session)
                await api.query(typed)
                found[typed] = api.data(**kwargs)
            return found
        finally:
            await session.aclose()

    found = asyncio.run(scenario())
    civil_answer = {
        "docket_number": civil.full_number,
        "pacer_case_id": str(civil.caseid),
        "title": f"{civil.number} Smith v. Acme Corp. (closed 06/01/2024)",
    }
    assert found[f"{civil.year % 100}-{civil.serial}"] == civil_answer
    assert found[civil.full_number] == civil_answer
    # Several defendants: juriscraper picks the lowest defendant number, as on PACER.
    assert found[f"{criminal.office}:{criminal.year % 100}cr{criminal.serial}"] == {
        "docket_number": criminal.full_number,
        "pacer_case_id": str(criminal.caseid),
        "title": f"{criminal.number}-1 USA v. Doe et al",
    }
    assert found[f"{criminal.full_number}-2"] == {
        "docket_number": criminal.full_number,
        "pacer_case_id": str(criminal.caseid),
        "title": f"{criminal.number}-2 USA v. Doe et al",
    }
    assert found["3:99-cv-99999"] is None


def test_case_query_returns_the_case_summary(live_server: Any, world: World) -> None:
    civil, bankruptcy = world.civil, world.bankruptcy

    async def scenario() -> tuple[dict[str, Any], dict[str, Any], str]:
        session = await _session(live_server)
        try:
            district = CaseQuery("wiwd", session)
            await district.query(civil.caseid)
            bk = CaseQuery("wiwb", session)
            await bk.query(bankruptcy.caseid)
            return district.data, bk.data, district.response.text
        finally:
            await session.aclose()

    district, bk, page = asyncio.run(scenario())
    # The case summary is free (docs/decisions.md, "Billing report pages"): no receipt, nothing on the ledger.
    assert "Transaction Receipt" not in page and not Charge.objects.exists()
    assert district == {
        "court_id": "wiwd",
        "docket_number": civil.full_number,
        "case_name": "Smith v. Acme Corp.",
        "case_name_raw": "Smith v. Acme Corp.",
        "assigned_to_str": "Judith D. Parker",
        "referred_to_str": "Stephen L. Crocker",
        "date_filed": date(2024, 1, 5),
        "date_terminated": date(2024, 6, 1),
        "date_last_filing": date(2024, 2, 9),
        "federal_dn_office_code": str(civil.office),
        "federal_dn_case_type": "cv",
        "federal_dn_judge_initials_assigned": "JDP",
        **NO_COMPONENTS,
    }
    assert "/cgi-bin/login.pl?logout" in page
    assert f"DktRpt.pl?{civil.caseid}" in page and f"HistDocQry.pl?{civil.caseid}" in page
    assert bk == {
        "court_id": "wiwb",
        "docket_number": f"{bankruptcy.year % 100}-{bankruptcy.serial:05d}",
        "case_name": "Nancy Jean Stevens",
        "case_name_raw": "Nancy Jean Stevens",
        "case_type": "bk",
        "assigned_to_str": "Harriet L. Brand",
        "date_filed": date(2024, 4, 1),
        "date_last_filing": date(2024, 4, 1),
        "federal_dn_office_code": None,
        "federal_dn_case_type": None,
        "federal_dn_judge_initials_assigned": "HLB",
        **NO_COMPONENTS,
    }


def receipts_are_the_ledgers(pages: list[str]) -> list[Charge]:
    """The charges of these pages, in order, each receipt showing its Charge exactly (cost included)."""
    charges = list(Charge.objects.select_related("account", "court").order_by("pk"))
    assert len(charges) == len(pages)
    for page, charge in zip(pages, charges, strict=True):
        receipt_matches(page, charge)
    return charges


def _entries(case: Case) -> list[DocketEntry]:
    return list(case.entries.prefetch_related("documents").select_related("case__court").order_by("de_seq_num"))


def test_docket_report_civil_every_field(live_server: Any, world: World) -> None:
    civil = world.civil

    async def scenario() -> tuple[dict[str, Any], str]:
        session = await _session(live_server)
        try:
            report = DocketReport("wiwd", session)
            await report.query(civil.caseid, show_parties_and_counsel=True, show_terminated_parties=True)
            return report.data, report.response.text
        finally:
            await session.aclose()

    data, page = asyncio.run(scenario())
    (charge,) = receipts_are_the_ledgers([page])
    assert (charge.description, charge.pages, charge.cost_cents) == ("Docket Report", 1, 10)
    assert charge.criteria == (
        f"{civil.number} Fil or Ent: filed From: 01/01/1960 Doc From: 0 Doc To: 99999999 Term: included "
        "Format: html Page counts for documents: excluded"
    )
    complaint, minute, order, answer = _entries(civil)
    docs = list(complaint.documents.all())
    prefix = f"{civil.number}"
    assert {k: v for k, v in data.items() if k not in ("parties", "docket_entries")} == {
        "court_id": "wiwd",
        "docket_number": civil.full_number,
        "case_name": "Smith v. Acme Corp.",
        "date_filed": date(2024, 1, 5),
        "date_terminated": date(2024, 6, 1),
        "date_converted": None,
        "date_discharged": None,
        "assigned_to_str": "Judith D. Parker",
        "referred_to_str": "Stephen L. Crocker",
        "cause": "42:1983 Civil Rights Act",
        "nature_of_suit": "440 Civil Rights: Other",
        "jury_demand": "Plaintiff",
        "demand": "$75,000",
        "jurisdiction": "Federal Question",
        "mdl_status": "",
        "ordered_by": "date_filed",
        "federal_dn_office_code": str(civil.office),
        "federal_dn_case_type": "cv",
        "federal_dn_judge_initials_assigned": "JDP",
        **NO_COMPONENTS,
    }, prefix
    assert data["parties"] == [
        {
            "name": "John Smith",
            "type": "Plaintiff",
            "extra_info": "",
            "date_terminated": None,
            "attorneys": [
                {
                    "name": "Attorney Sample",
                    "contact": "Email: asample@court-records.example.com\n",
                    "roles": ["LEAD ATTORNEY"],
                }
            ],
        },
        {
            "name": "Acme Corp.",
            "type": "Defendant",
            "extra_info": "",
            "date_terminated": None,
            "attorneys": [
                {
                    "name": "Betty Other",
                    "contact": "Email: bother@court-records.example.com\n",
                    "roles": ["ATTORNEY TO BE NOTICED"],
                }
            ],
        },
        {
            "name": "Old Party LLC",
            "type": "Defendant",
            "extra_info": "TERMINATED: 02/01/2024",
            "date_terminated": date(2024, 2, 1),
            "attorneys": [],
        },
    ]
    assert data["docket_entries"] == [
        {
            "date_filed": date(2024, 1, 5),
            "document_number": "1",
            "pacer_doc_id": docs[0].pacer_doc_id,
            "pacer_seq_no": str(complaint.de_seq_num),
            "description": "COMPLAINT against Acme Corp. filed by John Smith. (Attachments: # 1 Exhibit A, "
            f"# 2 Civil Cover Sheet) (Entered: {_d(entered(complaint))})",
            "date_entered": entered(complaint),
        },
        {
            "date_filed": date(2024, 1, 20),
            "document_number": None,
            "pacer_doc_id": None,
            "pacer_seq_no": None,
            "description": f"Minute Entry: scheduling conference held. (Entered: {_d(entered(minute))})",
            "date_entered": entered(minute),
        },
        {
            "date_filed": date(2024, 2, 2),
            "document_number": "2",
            "pacer_doc_id": None,
            "pacer_seq_no": None,
            "description": f"ORDER setting trial. Signed by Judge Parker. (Entered: {_d(entered(order))})",
            "date_entered": entered(order),
        },
        {
            "date_filed": date(2024, 2, 9),
            "document_number": "3",
            "pacer_doc_id": answer.documents.get().pacer_doc_id,
            "pacer_seq_no": str(answer.de_seq_num),
            "description": f"ANSWER to Complaint by Acme Corp. (Entered: {_d(entered(answer))})",
            "date_entered": entered(answer),
        },
    ]


def test_docket_report_options_narrow_the_entries(live_server: Any, world: World) -> None:
    civil = world.civil

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        session = await _session(live_server)
        try:
            ranged = DocketReport("wiwd", session)
            await ranged.query(civil.caseid, doc_num_start="2", doc_num_end="3", order_by="-date")
            dated = DocketReport("wiwd", session)
            await dated.query(civil.caseid, date_start=date(2024, 1, 10), date_end=date(2024, 2, 5))
            return ranged.data, dated.data
        finally:
            await session.aclose()

    ranged, dated = asyncio.run(scenario())
    assert [e["document_number"] for e in ranged["docket_entries"]] == ["3", "2"]
    assert ranged["parties"] == []
    assert [e["date_filed"] for e in dated["docket_entries"]] == [date(2024, 1, 20), date(2024, 2, 2)]


def test_docket_report_criminal_all_defendants_and_one(live_server: Any, world: World) -> None:
    criminal = world.criminal

    async def scenario() -> tuple[dict[str, Any], dict[str, Any], list[str]]:
        session = await _session(live_server)
        try:
            everyone = DocketReport("wiwd", session)
            await everyone.query(criminal.caseid, show_parties_and_counsel=True)
            one = DocketReport("wiwd", session)
            # Unchanged juriscraper, its own request: a defendant's docket is asked for by the number with "-2".
            one.response = await session.post(
                f"{one.url}?1-L_1_0-1",
                data={
                    "all_case_ids": str(criminal.caseid),
                    "case_num": f"{criminal.full_number}-2",
                    "list_of_parties_and_counsel": "on",
                    "date_from": "1/1/1960",
                },
            )
            one.parse()
            return everyone.data, one.data, [everyone.response.text, one.response.text]
        finally:
            await session.aclose()

    everyone, one, pages = asyncio.run(scenario())
    criteria = [charge.criteria.split(" Fil or Ent")[0] for charge in receipts_are_the_ledgers(pages)]
    assert criteria == [criminal.number, f"{criminal.number}-2"]
    (indictment,) = _entries(criminal)
    common = {
        "court_id": "wiwd",
        "docket_number": criminal.full_number,
        "case_name": "United States v. Doe",  # the title, harmonized by juriscraper (USA, "et al" dropped)
        "date_filed": date(2024, 3, 1),
        "date_terminated": None,
        "date_converted": None,
        "date_discharged": None,
        "assigned_to_str": "Judith D. Parker",
        "referred_to_str": "",
        "cause": "",
        "nature_of_suit": "",
        "jury_demand": "",
        "demand": "",
        "jurisdiction": "",
        "mdl_status": "",
        "ordered_by": "date_filed",
        "federal_dn_office_code": str(criminal.office),
        "federal_dn_case_type": "cr",
        "federal_dn_judge_initials_assigned": "JDP",
        "federal_dn_judge_initials_referred": None,
    }
    entries = [
        {
            "date_filed": date(2024, 3, 1),
            "document_number": "1",
            "pacer_doc_id": indictment.documents.get().pacer_doc_id,
            "pacer_seq_no": str(indictment.de_seq_num),
            "description": f"INDICTMENT as to Jane Doe (1), Richard Roe (2). (Entered: {_d(entered(indictment))})",
            "date_entered": entered(indictment),
        }
    ]
    usa: dict[str, Any] = {"name": "USA", "type": "USA", "extra_info": "", "date_terminated": None, "attorneys": []}
    doe = {
        "name": "Jane Doe",
        "type": "Defendant",
        "extra_info": "",
        "date_terminated": None,
        "attorneys": [
            {
                "name": "Attorney Sample",
                "contact": "Email: asample@court-records.example.com\n",
                "roles": ["ATTORNEY TO BE NOTICED"],
            }
        ],
    }
    roe: dict[str, Any] = {
        "name": "Richard Roe",
        "type": "Defendant",
        "extra_info": "",
        "date_terminated": None,
        "attorneys": [],
    }
    assert everyone == {
        **common,
        "federal_defendant_number": None,
        "parties": [usa, doe, roe],
        "docket_entries": entries,
    }
    assert one == {**common, "federal_defendant_number": "2", "parties": [usa, roe], "docket_entries": entries}


def test_docket_report_bankruptcy_and_adversary(live_server: Any, world: World) -> None:
    bankruptcy, adversary = world.bankruptcy, world.adversary

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        session = await _session(live_server)
        try:
            bk = DocketReport("wiwb", session)
            await bk.query(bankruptcy.caseid, show_parties_and_counsel=True)
            ap = DocketReport("wiwb", session)
            await ap.query(adversary.caseid, show_parties_and_counsel=True)
            pages.extend([bk.response.text, ap.response.text])
            return bk.data, ap.data
        finally:
            await session.aclose()

    pages: list[str] = []
    bk, ap = asyncio.run(scenario())
    charges = receipts_are_the_ledgers(pages)
    assert [(c.description, c.criteria.split(" Fil or Ent")[0]) for c in charges] == [
        ("Docket Report", bankruptcy.number),
        ("Docket Report", adversary.number),
    ]
    (petition,) = _entries(bankruptcy)
    (complaint,) = _entries(adversary)
    base = {
        "court_id": "wiwb",
        "date_terminated": None,
        "date_converted": None,
        "date_discharged": None,
        "assigned_to_str": "Harriet L. Brand",
        "referred_to_str": "",
        "cause": "",
        "jury_demand": "",
        "demand": "",
        "jurisdiction": "",
        "mdl_status": "",
        "ordered_by": "date_filed",
        "federal_dn_office_code": None,
        "federal_dn_case_type": None,
        "federal_dn_judge_initials_assigned": "HLB",
        **NO_COMPONENTS,
    }
    assert bk == {
        **base,
        "docket_number": f"{bankruptcy.year % 100}-{bankruptcy.serial:05d}",
        "case_name": "Nancy Jean Stevens",
        "date_filed": date(2024, 4, 1),
        "nature_of_suit": "",
        "parties": [
            {
                "name": "Nancy Jean Stevens",
                "type": "Debtor",
                "extra_info": "",
                "date_terminated": None,
                "attorneys": [
                    {
                        "name": "Tom Trustee",
                        "contact": "Email: ttrust@court-records.example.com\n",
                        "roles": ["ATTORNEY TO BE NOTICED"],
                    }
                ],
            },
            {"name": "Tom Trustee", "type": "Trustee", "extra_info": "", "date_terminated": None, "attorneys": []},
        ],
        "docket_entries": [
            {
                "date_filed": date(2024, 4, 1),
                "document_number": "1",
                "pacer_doc_id": petition.documents.get().pacer_doc_id,
                "pacer_seq_no": str(petition.de_seq_num),
                "description": f"Chapter 7 Voluntary Petition for Individuals. (Entered: {_d(entered(petition))})",
                "date_entered": entered(petition),
            }
        ],
    }
    assert ap == {
        **base,
        "docket_number": f"{adversary.year % 100}-{adversary.serial:05d}",
        "case_name": "Nancy Jean Stevens - Adversary Proceeding",
        "date_filed": date(2024, 5, 1),
        "nature_of_suit": "14 Recovery of money/property - other",
        "parties": [
            {"name": "Tom Trustee", "type": "Plaintiff", "extra_info": "", "date_terminated": None, "attorneys": []},
            {"name": "First Bank", "type": "Defendant", "extra_info": "", "date_terminated": None, "attorneys": []},
        ],
        "docket_entries": [
            {
                "date_filed": date(2024, 5, 1),
                "document_number": "1",
                "pacer_doc_id": complaint.documents.get().pacer_doc_id,
                "pacer_seq_no": str(complaint.de_seq_num),
                "description": "Adversary case 24-00001. Complaint by Tom Trustee against First Bank. "
                f"(Entered: {_d(entered(complaint))})",
                "date_entered": entered(complaint),
            }
        ],
    }


def test_docket_history_report_every_field(live_server: Any, world: World) -> None:
    civil = world.civil

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        session = await _session(live_server)
        try:
            history = DocketHistoryReport("wiwd", session)
            await history.query(civil.caseid, show_de_descriptions=True)
            documents = DocketHistoryReport("wiwd", session)
            await documents.query(civil.caseid, query_type="Documents", order_by="desc")
            pages.extend([history.response.text, documents.response.text])
            return history.data, documents.data
        finally:
            await session.aclose()

    pages: list[str] = []
    history, documents = asyncio.run(scenario())
    charges = receipts_are_the_ledgers(pages)
    assert [(c.description, c.criteria, c.cost_cents) for c in charges] == [
        ("History/Documents", f"{civil.number} Type: History Sort: oldest date first", 10),
        ("History/Documents", f"{civil.number} Type: Documents Sort: most recent date first", 10),
    ]
    complaint, minute, order, answer = _entries(civil)

    def row(entry: DocketEntry, short: str, text: bool) -> dict[str, Any]:
        main = next((d for d in entry.documents.all() if d.attachment_number == 0), None)
        return {
            "document_number": str(entry.number) if entry.number else None,
            "pacer_doc_id": main.pacer_doc_id if main else None,
            "pacer_seq_no": str(entry.de_seq_num) if main else None,
            "date_filed": entry.filed_on,
            "date_entered": entered(entry),
            "short_description": short,
            "description": entry.text if text else "",
        }

    metadata = {
        "court_id": "wiwd",
        "docket_number": civil.full_number,
        "case_name": "Smith v. Acme Corp.",
        "date_filed": date(2024, 1, 5),
        "date_last_filing": date(2024, 2, 9),
        "date_terminated": date(2024, 6, 1),
        "date_discharged": None,
        "assigned_to_str": "Judith D. Parker",
        "referred_to_str": "Stephen L. Crocker",
        "federal_dn_office_code": str(civil.office),
        "federal_dn_case_type": "cv",
        "federal_dn_judge_initials_assigned": "JDP",
        **NO_COMPONENTS,
    }
    assert history == {
        **metadata,
        "docket_entries": [
            row(complaint, "Complaint", True),
            row(minute, "Minute Entry: scheduling conference held", True),
            row(order, "ORDER setting trial", True),
            row(answer, "Answer", True),
        ],
    }
    assert documents == {
        **metadata,
        "docket_entries": [row(answer, "Answer", False), row(complaint, "Complaint", False)],
    }


def test_case_query_criminal_and_adversary(live_server: Any, world: World) -> None:
    criminal, adversary, lead = world.criminal, world.adversary, world.bankruptcy

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        session = await _session(live_server)
        try:
            cr = CaseQuery("wiwd", session)
            await cr.query(criminal.caseid)
            ap = CaseQuery("wiwb", session)
            await ap.query(adversary.caseid)
            return cr.data, ap.data
        finally:
            await session.aclose()

    cr, ap = asyncio.run(scenario())
    assert cr == {
        "court_id": "wiwd",
        "docket_number": criminal.full_number,
        "case_name": "United States v. Doe",
        "case_name_raw": "USA v. Doe et al",
        "assigned_to_str": "Judith D. Parker",
        "date_filed": date(2024, 3, 1),
        "date_last_filing": date(2024, 3, 1),
        "federal_dn_office_code": str(criminal.office),
        "federal_dn_case_type": "cr",
        "federal_dn_judge_initials_assigned": "JDP",
        **NO_COMPONENTS,
    }
    assert ap == {
        "court_id": "wiwb",
        "docket_number": f"{adversary.year % 100}-{adversary.serial:05d}",
        "case_name": "Trustee v. First Bank",
        "case_name_raw": "Trustee v. First Bank",
        "case_type": "ap",
        "assigned_to_str": "Harriet L. Brand",
        "lead_case": lead.number,
        "date_filed": date(2024, 5, 1),
        "date_last_filing": date(2024, 5, 1),
        "federal_dn_office_code": None,
        "federal_dn_case_type": None,
        "federal_dn_judge_initials_assigned": "HLB",
        **NO_COMPONENTS,
    }


def test_docket_report_lists_a_sealed_document_without_its_link(live_server: Any, world: World) -> None:
    civil = world.civil
    answer = civil.entries.get(number=3)
    answer.documents.update(access=DocumentAccess.SEALED)

    async def scenario() -> tuple[dict[str, Any], str]:
        session = await _session(live_server)
        try:
            report = DocketReport("wiwd", session)
            await report.query(civil.caseid)
            return report.data, report.response.text
        finally:
            await session.aclose()

    data, page = asyncio.run(scenario())
    assert data["docket_entries"][-1] == {
        "date_filed": date(2024, 2, 9),
        "document_number": "3",
        "pacer_doc_id": None,
        "pacer_seq_no": None,
        "description": f"ANSWER to Complaint by Acme Corp. (Entered: {_d(entered(answer))})",
        "date_entered": entered(answer),
    }
    (charge,) = receipts_are_the_ledgers([page])
    assert charge.description == "Docket Report"
