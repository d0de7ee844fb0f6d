"""juriscraper 4.0.1, unmodified, reads documents from a live OpenECF (tools/pacer_loopback.py mounts it on
*.uscourts.gov): AttachmentPage and DownloadConfirmationPage return what is stored and charged, download_pdf gets
the stamped PDF on the paid path and through the NEF's free look, ShowCaseDocApi finds the document id, and a
sealed or restricted document comes back as juriscraper's error with nothing charged."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pikepdf
import pytest
from django.db import transaction
from juriscraper.pacer import AttachmentPage, DownloadConfirmationPage, PacerSession, ShowCaseDocApi
from juriscraper.pacer.reports import BaseReport

from conftest import PACER_PASSWORD, TEST_ORIGIN
from openecf.billing.models import Charge
from openecf.cases.stamp import header_line
from openecf.documents.tests.conftest import World, build_world
from openecf.noticing.models import FreeLook
from openecf.noticing.nef import send_nef
from openecf.reports.tests.test_juriscraper import port_of
from tools.pacer_loopback import mounts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]

T = TypeVar("T")


@pytest.fixture
def world(court_domain: None) -> World:
    return build_world()


def scrape(live_server: Any, username: str, work: Callable[[PacerSession], Awaitable[T]]) -> T:
    async def scenario() -> T:
        session = PacerSession(username=username, password=PACER_PASSWORD, mounts=mounts(port_of(live_server)))
        await session.login()
        try:
            return await work(session)
        finally:
            await session.aclose()

    return asyncio.run(scenario())


def size_str(size: int) -> str:
    """The menu's size as juriscraper reads it: "1.3 KB", "2.0 MB"; a size in bytes ("812 B") it leaves empty."""
    if size < 1024:
        return ""
    return f"{size / 1024:.1f} KB" if size < 1024000 else f"{size / 1024000:.1f} MB"


def first_header(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        shown = [str(i.operands[0]) for i in pikepdf.parse_content_stream(opened.pages[0]) if str(i.operator) == "Tj"]
        return shown[-1]


def test_attachment_page_district_every_field(live_server: Any, world: World) -> None:
    async def work(session: PacerSession) -> dict[str, Any]:
        page = AttachmentPage("wiwd", session)
        await page.query(world.motion.pacer_doc_id)
        return page.data

    data = scrape(live_server, "researcher1", work)
    main = world.motion
    seq = str(main.entry.de_seq_num)
    attachments = list(main.entry.documents.exclude(pk=main.pk).order_by("attachment_number"))
    assert data == {
        "document_number": 1,
        "pacer_doc_id": main.pacer_doc_id,
        "pacer_case_id": str(world.case.caseid),
        "pacer_seq_no": seq,
        "page_count": 2,
        "file_size_bytes": main.size,
        "file_size_str": size_str(main.size),
        "attachments": [
            {
                "attachment_number": a.attachment_number,
                "description": a.description,
                "page_count": a.page_count,
                "file_size_str": size_str(a.size),
                "file_size_bytes": a.size,
                "pacer_doc_id": a.pacer_doc_id,
                "pacer_seq_no": seq,
            }
            for a in attachments
        ],
    }
    assert [(a["description"], a["page_count"]) for a in data["attachments"]] == [
        ("Exhibit A", 3),
        ("Declaration of Smith", 1),
    ]
    assert Charge.objects.count() == 0


def test_attachment_page_bankruptcy_every_field(live_server: Any, world: World) -> None:
    async def work(session: PacerSession) -> dict[str, Any]:
        page = AttachmentPage("wiwb", session)
        await page.query(world.petition.pacer_doc_id)
        return page.data

    data = scrape(live_server, "researcher1", work)
    main = world.petition
    schedule = main.entry.documents.get(attachment_number=1)
    seq = str(main.entry.de_seq_num)
    # Bankruptcy menus number parts from 1 and carry no document number: juriscraper gives None, as for real ones.
    assert data == {
        "document_number": None,
        "pacer_doc_id": main.pacer_doc_id,
        "pacer_case_id": str(world.bankruptcy.caseid),
        "pacer_seq_no": seq,
        "page_count": 4,
        "file_size_str": "",
        "attachments": [
            {
                "attachment_number": 1,
                "description": "Schedules A/B",
                "page_count": 2,
                "file_size_str": "",
                "pacer_doc_id": schedule.pacer_doc_id,
                "pacer_seq_no": seq,
            }
        ],
    }


def test_confirmation_page_then_download_pdf_charge_what_the_receipt_said(live_server: Any, world: World) -> None:
    transcript = world.transcript
    caseid, seq = str(world.case.caseid), str(transcript.entry.de_seq_num)

    async def work(session: PacerSession) -> tuple[dict[str, Any], int, Any, str]:
        receipt = DownloadConfirmationPage("wiwd", session)
        await receipt.query(transcript.pacer_doc_id)
        charged_by_receipt = await asyncio.to_thread(Charge.objects.count)
        response, error = await BaseReport("wiwd", session).download_pdf(
            caseid, transcript.pacer_doc_id, None, False, seq
        )
        return receipt.data, charged_by_receipt, response, error

    data, charged_by_receipt, response, error = scrape(live_server, "researcher1", work)
    assert charged_by_receipt == 0
    assert error == ""
    assert response.headers["content-type"] == "application/pdf"
    assert first_header(response.content) == header_line(
        case_number=world.case.number, document="2", filed_on=transcript.entry.filed_on, page=1, pages=45
    )
    [charge] = Charge.objects.select_related("account")
    assert (charge.account.username, charge.description, charge.criteria, charge.pages, charge.cost_cents) == (
        "researcher1",
        "Image2-0",
        world.case.number,
        30,
        300,
    )
    shown = data.pop("transaction_date")
    assert shown is not None
    assert data == {
        "document_number": None,
        "docket_number": world.case.number,
        "cost": "3.00",
        "billable_pages": "30",
        "document_description": "Image2-0",
    }
    assert f"{charge.cost_cents // 100}.{charge.cost_cents % 100:02d}" == data["cost"]
    assert str(charge.pages) == data["billable_pages"]


def test_download_pdf_by_the_nef_s_free_look(live_server: Any, world: World) -> None:
    main = world.motion
    with transaction.atomic():
        send_nef(entry=main.entry, origin=TEST_ORIGIN)
    look = FreeLook.objects.get(document=main, ecf_account=world.alice)

    async def work(session: PacerSession) -> tuple[Any, str]:
        return await BaseReport("wiwd", session).download_pdf(
            str(world.case.caseid), main.pacer_doc_id, str(look.magic_num), False, str(main.entry.de_seq_num)
        )

    response, error = scrape(live_server, "researcher1", work)
    assert error == ""
    assert response.headers["content-type"] == "application/pdf"
    assert first_header(response.content) == header_line(
        case_number=world.case.number, document="1", filed_on=main.entry.filed_on, page=1, pages=2
    )
    assert Charge.objects.count() == 0  # the free look is free
    look.refresh_from_db()
    assert look.used_at is not None


def test_download_pdf_of_a_sealed_or_restricted_document_is_an_error_and_free(live_server: Any, world: World) -> None:
    caseid = str(world.case.caseid)

    async def work(session: PacerSession) -> list[tuple[Any, str]]:
        report = BaseReport("wiwd", session)
        return [await report.download_pdf(caseid, d.pacer_doc_id) for d in (world.sealed, world.restricted)]

    (sealed, sealed_error), (restricted, restricted_error) = scrape(live_server, "researcher1", work)
    assert sealed is None and sealed_error.startswith("Document is sealed: ")
    assert restricted is None and restricted_error.startswith(
        "Permission denied getting document. It's probably sealed."
    )
    assert Charge.objects.count() == 0


def test_download_pdf_without_a_client_code_where_one_is_required(live_server: Any, world: World) -> None:
    from openecf.courts.models import Court

    Court.objects.filter(pk="wiwd").update(client_code_required=True)

    async def work(session: PacerSession) -> tuple[Any, str]:
        return await BaseReport("wiwd", session).download_pdf(str(world.case.caseid), world.transcript.pacer_doc_id)

    response, error = scrape(live_server, "researcher1", work)
    assert response is None and error.startswith("Unable to get document. Client code required: ")
    assert Charge.objects.count() == 0


def test_show_case_doc_api_finds_the_document_id(live_server: Any, world: World) -> None:
    attachment = world.motion.entry.documents.get(attachment_number=2)

    async def work(session: PacerSession) -> list[str]:
        found = []
        for number, attachment_number in ((1, ""), (1, "2"), (2, "")):
            api = ShowCaseDocApi("wiwd", session)
            await api.query(world.case.caseid, number, attachment_number)
            found.append(api.data)
        return found

    assert scrape(live_server, "researcher1", work) == [
        world.motion.pacer_doc_id,
        attachment.pacer_doc_id,
        world.transcript.pacer_doc_id,
    ]
