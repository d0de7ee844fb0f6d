"""juriscraper 4.0.1, unmodified, reads the Reports menu's court-wide reports from a live OpenECF: PacerRssFeed
(district and bankruptcy feeds), FreeOpinionReport (Written Opinions, both sort orders) and ClaimsRegister; every
parsed field is compared with what is stored. Sealed matter never reaches them."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from juriscraper.pacer import ClaimsRegister, FreeOpinionReport, PacerRssFeed, PacerSession

from conftest import PACER_PASSWORD, TEST_ORIGIN, make_pacer
from openecf.billing.models import Charge, Waiver
from openecf.cases import services
from openecf.cases.claims import add_claim
from openecf.cases.docketing import file_entry
from openecf.cases.models import Case, Claim, ClaimStatus, DocketEntry, DocumentAccess
from openecf.courts.models import Court
from openecf.reports.tests.conftest import pdf
from tools.pacer_loopback import mounts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]

NOW = datetime(2024, 3, 4, 15, 30, 0, tzinfo=UTC)


class World:
    civil: Case
    criminal: Case
    sealed: Case
    bankruptcy: Case
    complaint: DocketEntry
    minute: DocketEntry
    opinion: DocketEntry
    hidden: DocketEntry
    criminal_opinion: DocketEntry
    petition: DocketEntry
    claims: list[Claim]


def _at(entry: DocketEntry, minutes: int) -> DocketEntry:
    """Entered at a known second (the feed's pubDate has seconds), minutes after NOW."""
    DocketEntry.objects.filter(pk=entry.pk).update(entered_at=NOW + timedelta(minutes=minutes))
    return DocketEntry.objects.select_related("case__court").prefetch_related("documents").get(pk=entry.pk)


@pytest.fixture
def world(court_domain: None) -> World:
    make_pacer("researcher1", "Rita Searcher")
    wiwd, wiwb = Court.objects.get(pk="wiwd"), Court.objects.get(pk="wiwb")
    parker = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    brand = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
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
    )
    w.criminal = services.open_case(
        court=wiwd,
        case_type="cr",
        title="United States v. Doe",
        judge=parker,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 1, 8),
    )
    w.sealed = services.open_case(
        court=wiwd,
        case_type="cv",
        title="Sealed v. Secret",
        judge=parker,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 1, 9),
    )
    Case.objects.filter(pk=w.sealed.pk).update(sealed=True)
    w.complaint = _at(
        file_entry(
            case=w.civil,
            text="COMPLAINT against Acme Corp. filed by John Smith.",
            documents=[pdf("Complaint"), pdf("Exhibit A")],
            filed_on=date(2024, 1, 5),
            origin=TEST_ORIGIN,
        ),
        1,
    )
    w.minute = _at(
        file_entry(
            case=w.civil,
            text="Minute Entry: scheduling conference held. Next one in May.",
            documents=[],
            numbered=False,
            filed_on=date(2024, 1, 20),
            origin=TEST_ORIGIN,
        ),
        2,
    )
    w.opinion = _at(
        file_entry(
            case=w.civil,
            text="OPINION AND ORDER granting motion to dismiss. Signed by Judge Judith D. Parker.",
            documents=[pdf("Opinion and Order")],
            filed_on=date(2024, 2, 2),
            written_opinion=True,
            origin=TEST_ORIGIN,
        ),
        3,
    )
    w.hidden = _at(
        file_entry(
            case=w.civil,
            text="SEALED DOCUMENT placed in vault.",
            documents=[pdf("Sealed Document")],
            filed_on=date(2024, 2, 3),
            origin=TEST_ORIGIN,
        ),
        4,
    )
    w.hidden.documents.update(access=DocumentAccess.SEALED)
    w.criminal_opinion = _at(
        file_entry(
            case=w.criminal,
            text="MEMORANDUM OPINION on suppression. Signed by Judge Judith D. Parker.",
            documents=[pdf("Memorandum Opinion")],
            filed_on=date(2024, 2, 10),
            written_opinion=True,
            origin=TEST_ORIGIN,
        ),
        5,
    )
    _at(
        file_entry(
            case=w.sealed,
            text="OPINION AND ORDER under seal.",
            documents=[pdf("Opinion")],
            filed_on=date(2024, 2, 1),
            written_opinion=True,
            origin=TEST_ORIGIN,
        ),
        6,
    )

    w.bankruptcy = services.open_case(
        court=wiwb,
        case_type="bk",
        title="Nancy Jean Stevens",
        judge=brand,
        origin=TEST_ORIGIN,
        filed_on=date(2024, 4, 1),
    )
    services.add_party(case=w.bankruptcy, name="Nancy Jean Stevens", role="debtor", origin=TEST_ORIGIN)
    services.add_party(case=w.bankruptcy, name="Tom Trustee", role="trustee", origin=TEST_ORIGIN)
    w.petition = _at(
        file_entry(
            case=w.bankruptcy,
            text="Chapter 7 Voluntary Petition for Individuals. Fee Amount $338.",
            documents=[pdf("Voluntary Petition")],
            filed_on=date(2024, 4, 1),
            origin=TEST_ORIGIN,
        ),
        7,
    )
    w.claims = [
        add_claim(
            case=w.bankruptcy,
            creditor_name="Northern Bank, N.A.",
            creditor_address="Attn: Bankruptcy Department\n100 Main Street\nMadison, WI 53703",
            amount_claimed=Decimal("182450.00"),
            secured_claimed=Decimal("182450.00"),
            description="Mortgage on residence",
            filed_by="Northern Bank, N.A.",
            entered_by="Northern Bank, N.A.",
            filed_on=date(2024, 4, 20),
            status=ClaimStatus.ALLOWED,
            remarks="Amends scheduled amount.",
            origin=TEST_ORIGIN,
        ),
        add_claim(
            case=w.bankruptcy,
            creditor_name="Wisconsin Department of Revenue",
            creditor_address="PO Box 8901\nMadison, WI 53708",
            amount_claimed=Decimal("2310.55"),
            priority_claimed=Decimal("2100.00"),
            unsecured_claimed=Decimal("210.55"),
            entered_by="Clerk's Office",
            filed_on=date(2024, 5, 2),
            origin=TEST_ORIGIN,
        ),
    ]
    return w


def port_of(live_server: Any) -> int:
    return int(live_server.url.rsplit(":", 1)[1])


async def _session(live_server: Any) -> PacerSession:
    session = PacerSession(username="researcher1", password=PACER_PASSWORD, mounts=mounts(port_of(live_server)))
    await session.login()
    return session


def _feed_entry(entry: DocketEntry, short: str) -> dict[str, Any]:
    main = next((d for d in entry.documents.all() if d.attachment_number == 0), None)
    linked = main is not None and main.access != DocumentAccess.SEALED
    return {
        "date_filed": entry.entered_at.replace(microsecond=0),
        "description": "",
        "document_number": str(entry.number) if linked else None,
        "short_description": short,
        "pacer_doc_id": main.pacer_doc_id if linked and main else "",
        "pacer_seq_no": str(entry.de_seq_num) if linked else None,
    }


def _district_item(case: Case, entry: DocketEntry, short: str) -> dict[str, Any]:
    return {
        "court_id": "wiwd",
        "pacer_case_id": str(case.caseid),
        "docket_number": case.full_number,
        "case_name": case.title,
        "date_filed": None,
        "date_terminated": None,
        "date_converted": None,
        "date_discharged": None,
        "assigned_to_str": "",
        "referred_to_str": "",
        "cause": "",
        "nature_of_suit": "",
        "jury_demand": "",
        "demand": "",
        "jurisdiction": "",
        "trustee_str": "",
        "type": "",
        "office": "",
        "chapter": "",
        "federal_dn_office_code": str(case.office),
        "federal_dn_case_type": case.case_type,
        "federal_dn_judge_initials_assigned": "JDP",
        "federal_dn_judge_initials_referred": None,
        "federal_defendant_number": None,
        "parties": None,
        "docket_entries": [_feed_entry(entry, short)],
    }


def test_rss_feed_district_every_field_and_nothing_sealed(live_server: Any, world: World) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], str, int]:
        # No sign-in: the feed is public, as the courts publish it.
        feed = PacerRssFeed("wiwd", mounts=mounts(port_of(live_server)), http2=False)
        async with feed:
            await feed.query()
        feed.parse()
        return feed.data, feed.response.text, feed.response.status_code

    data, text, status = asyncio.run(scenario())
    civil, criminal = world.civil, world.criminal
    assert status == 200
    assert data == [
        _district_item(criminal, world.criminal_opinion, "Memorandum Opinion"),
        _district_item(civil, world.hidden, "Sealed Document"),
        _district_item(civil, world.opinion, "Opinion and Order"),
        _district_item(civil, world.minute, "Minute Entry: scheduling conference held"),
        _district_item(civil, world.complaint, "Complaint"),
    ]
    assert "Sealed v. Secret" not in text
    sealed_id = world.hidden.documents.get().pacer_doc_id
    assert sealed_id not in text


def test_rss_feed_bankruptcy_every_field(live_server: Any, world: World) -> None:
    async def scenario() -> list[dict[str, Any]]:
        feed = PacerRssFeed("wiwb", mounts=mounts(port_of(live_server)), http2=False)
        async with feed:
            await feed.query()
        feed.parse()
        return feed.data

    data = asyncio.run(scenario())
    bk = world.bankruptcy
    assert data == [
        {
            "court_id": "wiwb",
            "pacer_case_id": str(bk.caseid),
            "docket_number": f"{bk.year % 100}-{bk.serial:05d}",
            "case_name": "Nancy Jean Stevens",
            "date_filed": None,
            "date_terminated": None,
            "date_converted": None,
            "date_discharged": None,
            "assigned_to_str": "",
            "referred_to_str": "",
            "cause": "",
            "nature_of_suit": "",
            "jury_demand": "",
            "demand": "",
            "jurisdiction": "",
            "trustee_str": "Tom Trustee",
            "type": "bk",
            "office": str(bk.office),
            "chapter": "",
            "federal_dn_office_code": None,
            "federal_dn_case_type": None,
            "federal_dn_judge_initials_assigned": "HLB",
            "federal_dn_judge_initials_referred": None,
            "federal_defendant_number": None,
            "parties": None,
            "docket_entries": [_feed_entry(world.petition, "Voluntary Petition")],
        }
    ]


def _opinion_row(entry: DocketEntry, nos: str, cause: str) -> dict[str, Any]:
    case = entry.case
    main = entry.documents.get(attachment_number=0)
    return {
        "court_id": "wiwd",
        "pacer_case_id": str(case.caseid),
        "pacer_seq_no": str(entry.de_seq_num),
        "docket_number": case.full_number,
        "case_name": case.title,
        "date_filed": entry.filed_on,
        "pacer_doc_id": main.pacer_doc_id,
        "document_number": str(entry.number),
        "description": entry.text,
        "nature_of_suit": nos,
        "cause": cause,
        "federal_dn_office_code": str(case.office),
        "federal_dn_case_type": case.case_type,
        "federal_dn_judge_initials_assigned": "JDP",
        "federal_dn_judge_initials_referred": None,
        "federal_defendant_number": None,
    }


def test_written_opinions_report_every_field_free_and_no_sealed_case(live_server: Any, world: World) -> None:
    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
        session = await _session(live_server)
        try:
            by_date = FreeOpinionReport("wiwd", session)
            await by_date.query(date(2024, 1, 1), date(2024, 2, 28), sort="date_filed", day_span=90)
            by_number = FreeOpinionReport("wiwd", session)
            await by_number.query(date(2024, 1, 1), date(2024, 2, 28), sort="case_number", day_span=90)
            return by_date.data, by_number.data, by_date.responses[0].text
        finally:
            await session.aclose()

    by_date, by_number, page = asyncio.run(scenario())
    criminal = _opinion_row(world.criminal_opinion, "", "")
    civil = _opinion_row(world.opinion, "440", "42:1983 Civil Rights Act")
    assert by_date == [civil, criminal]  # filed 02/02 and 02/10
    assert by_number == [criminal, civil]  # 3:24-cr-00001 before 3:24-cv-00001
    assert "Sealed v. Secret" not in page
    assert "/cgi-bin/login.pl?logout" in page
    charges = list(Charge.objects.order_by("id").values_list("description", "pages", "cost_cents", "waiver"))
    assert charges == [("Written Opinions Report", 1, 0, Waiver.OPINION)] * 2


def test_claims_register_every_field(live_server: Any, world: World) -> None:
    bk = world.bankruptcy

    async def scenario() -> tuple[dict[str, Any], str]:
        session = await _session(live_server)
        try:
            report = ClaimsRegister("wiwb", session)
            await report.query(str(bk.caseid), bk.number)
            return report.data, report.response.text
        finally:
            await session.aclose()

    data, page = asyncio.run(scenario())
    first, second = world.claims
    entered = {claim.pk: claim.entered_at.astimezone(bk.court.zone).date() for claim in world.claims}
    assert data == {
        "court_id": "wiwb",
        "assigned_to_str": "Harriet L. Brand",
        "office": str(bk.office),
        "trustee_str": "Tom Trustee",
        "date_filed": date(2024, 4, 1),
        "case_name": "Nancy Jean Stevens",
        "docket_number": f"{bk.year % 100}-{bk.serial:05d}",
        "federal_dn_office_code": None,
        "federal_dn_case_type": None,
        "federal_dn_judge_initials_assigned": "HLB",
        "federal_dn_judge_initials_referred": None,
        "federal_defendant_number": None,
        "claims": [
            {
                "creditor_id": str(first.pk),
                "creditor_details": (
                    "Northern Bank, N.A.\nAttn: Bankruptcy Department\n100 Main Street\nMadison, WI 53703"
                ),
                "claim_number": 1,
                "date_original_filed": date(2024, 4, 20),
                "date_original_entered": entered[first.pk],
                "status": "Allowed",
                "filed_by": "Northern Bank, N.A.",
                "entered_by": "Northern Bank, N.A.",
                "amount_claimed": "$182,450.00",
                "secured_claimed": "$182,450.00",
                "history": [],
                "description": "Mortgage on residence",
                "remarks": "Amends scheduled amount.",
            },
            {
                "creditor_id": str(second.pk),
                "creditor_details": "Wisconsin Department of Revenue\nPO Box 8901\nMadison, WI 53708",
                "claim_number": 2,
                "date_original_filed": date(2024, 5, 2),
                "date_original_entered": entered[second.pk],
                "entered_by": "Clerk's Office",
                "amount_claimed": "$2,310.55",
                "priority_claimed": "$2,100.00",
                "unsecured_claimed": "$210.55",
                "history": [],
                "description": "",
                "remarks": "",
            },
        ],
    }
    charge = Charge.objects.get()
    assert (charge.description, charge.criteria) == (
        "Claims Register",
        f"Case: {bk.number} Filed or Entered: Filed From: 01/01/1960",
    )
    assert (charge.pages, charge.cost_cents) == (1, 10)  # two claims: under 4,320 bytes of results
    assert 'Billable Pages:</font></th><td align="LEFT"><font size="-1" color="DARKBLUE">1</font>' in page
    assert 'Cost:</font></th><td align="LEFT"><font size="-1" color="DARKBLUE">0.10</font>' in page
