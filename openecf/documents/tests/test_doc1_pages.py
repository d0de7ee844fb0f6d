"""doc1 signed in: the attachment menu or the receipt, got_receipt=1 charging once and serving the stamped PDF (or
a browser's framed copy), show_case_doc's redirect; refusals serve and charge nothing; garbage is a clear 404/400."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pikepdf
import pytest
from django.db import transaction
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf, visible_text
from openecf.billing.models import Charge, Exemption
from openecf.cases import services
from openecf.cases.docketing import file_entry
from openecf.cases.models import CourtFiling, DocketEntry, Document
from openecf.cases.stamp import header_line
from openecf.cases.visibility import CASE_SEALED, DOCUMENT_RESTRICTED, DOCUMENT_SEALED
from openecf.courts.models import Court
from openecf.documents.tests.conftest import PASSWORD, World, pdf, signed_in, skip_menu
from openecf.documents.views import NO_PACER_ACCOUNT, NOT_A_DOCUMENT, NOT_A_REQUEST
from openecf.noticing.links import free_look_url
from openecf.noticing.models import FreeLook
from openecf.noticing.nef import send_nef

pytestmark = pytest.mark.django_db

CLIENT_CODE_REQUIRED = "A Client Code is required for PACER search"


def doc1(document: Document | str, court: str = "wiwd") -> str:
    doc_id = document if isinstance(document, str) else document.pacer_doc_id
    return f"/ecf/{court}/doc1/{doc_id}"


def view(client: Client, document: Document, **fields: str) -> Any:
    """The receipt's "View Document": got_receipt=1, posted multipart as the form and juriscraper send it."""
    return client.post(doc1(skip_menu(document)), {"got_receipt": "1", **fields})


def first_header(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        shown = [str(i.operands[0]) for i in pikepdf.parse_content_stream(opened.pages[0]) if str(i.operator) == "Tj"]
        return shown[-1]


def charges() -> list[tuple[str, str, str, int, int]]:
    return [
        (c.account.username, c.description, c.criteria, c.pages, c.cost_cents)
        for c in Charge.objects.order_by("pk").select_related("account")
    ]


def receipt_fields(response: Any) -> str:
    """The receipt's fields as read, from the login to the cost (the page's footer follows)."""
    text = visible_text(response)
    return text[text.index("PACER Login:") : text.index(" OpenECF —")]


# --- The menu or the receipt ---------------------------------------------------------------------------------------


def test_fourth_digit_zero_of_a_main_document_with_attachments_is_the_menu(world: World) -> None:
    client = signed_in(world.researcher)
    response = client.get(doc1(world.motion))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Document Selection Menu" in text and "Transaction Receipt" not in text
    assert "/cgi-bin/login.pl?logout" in response.content.decode()
    assert charges() == []


def test_fourth_digit_one_an_attachment_or_a_lone_document_is_the_receipt(world: World) -> None:
    client = signed_in(world.researcher)
    attachment = world.motion.entry.documents.get(attachment_number=1)
    for address in (doc1(skip_menu(world.motion)), doc1(attachment), doc1(world.transcript)):
        response = client.get(address)
        assert response.status_code == 200, address
        assert "Transaction Receipt" in visible_text(response), address
        assert "Document Selection Menu" not in visible_text(response), address
    assert charges() == []  # a receipt is a question, not a charge


def test_the_receipt_shows_the_charge_view_document_makes(world: World) -> None:
    client = signed_in(world.researcher)
    response = client.get(doc1(skip_menu(world.motion)))
    number = world.case.number
    assert "To accept charges shown below, click on the 'View Document' button" in visible_text(response)
    assert receipt_fields(response) == (
        f"PACER Login: researcher1 Client Code: Description: Image1-0 Case Number: {number} "
        "Billable Pages: 2 Cost: 0.20"
    )
    served = view(client, world.motion)
    assert (served.status_code, served["Content-Type"]) == (200, "application/pdf")
    assert charges() == [("researcher1", "Image1-0", number, 2, 20)]


def test_got_receipt_serves_the_stamped_pdf_and_charges_once(world: World) -> None:
    client = signed_in(world.researcher)
    attachment = world.motion.entry.documents.get(attachment_number=1)
    response = view(client, attachment, caseid=str(world.case.caseid), pdf_header="1", pdf_toggle_possible="1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert first_header(response.content) == header_line(
        case_number=world.case.number, document="1-1", filed_on=attachment.entry.filed_on, page=1, pages=3
    )
    assert charges() == [("researcher1", "Image1-1", world.case.number, 3, 30)]
    view(client, attachment)  # each view is billed, as PACER bills each retrieval
    assert len(charges()) == 2


def test_a_45_page_document_is_capped_at_three_dollars(world: World) -> None:
    client = signed_in(world.researcher)
    response = client.get(doc1(world.transcript))
    assert receipt_fields(response).endswith("Billable Pages: 30 Cost: 3.00")
    assert view(client, world.transcript).status_code == 200
    assert charges() == [("researcher1", "Image2-0", world.case.number, 30, 300)]


def test_an_exemption_costs_nothing(world: World) -> None:
    court = Court.objects.get(pk="wiwd")
    today = court.local_date()
    Exemption.objects.create(
        account=world.researcher,
        court=court,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
        reason="CJA counsel",
        granted_by=world.alice_pacer,
    )
    client = signed_in(world.researcher)
    assert receipt_fields(client.get(doc1(world.transcript))).endswith("Billable Pages: 30 Cost: 0.00")
    assert view(client, world.transcript).status_code == 200
    [charge] = Charge.objects.all()
    assert (charge.pages, charge.cost_cents, charge.waiver) == (30, 0, "exemption")


def test_a_written_opinion_is_free_even_where_a_client_code_is_required(world: World) -> None:
    DocketEntry.objects.filter(pk=world.transcript.entry_id).update(written_opinion=True)
    Court.objects.filter(pk="wiwd").update(client_code_required=True)
    client = signed_in(world.researcher)
    assert receipt_fields(client.get(doc1(world.transcript))).endswith("Billable Pages: 30 Cost: 0.00")
    response = view(client, world.transcript)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    [charge] = Charge.objects.all()
    assert (charge.description, charge.pages, charge.cost_cents, charge.waiver) == ("Image2-0", 30, 0, "opinion")


def test_a_required_client_code_missing_serves_and_charges_nothing(world: World) -> None:
    Court.objects.filter(pk="wiwd").update(client_code_required=True)
    client = signed_in(world.researcher)
    for response in (client.get(doc1(world.transcript)), view(client, world.transcript)):
        assert response.status_code == 403
        assert CLIENT_CODE_REQUIRED in visible_text(response)
        assert response["Content-Type"].startswith("text/html")
    assert charges() == []


def test_not_signed_in_goes_to_the_login(world: World) -> None:
    response = Client().get(doc1(world.transcript))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?court=wiwd&next=")
    assert Client().post(doc1(world.transcript), {"got_receipt": "1"}).status_code == 302
    assert charges() == []


# --- A browser's "View Document": the court's page framing show_temp.pl -------------------------------------------


def test_a_browser_gets_the_pdf_in_a_frame_charged_once(world: World) -> None:
    client = signed_in(world.researcher)
    page = client.post(
        doc1(skip_menu(world.transcript)), {"got_receipt": "1"}, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*"
    )
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    body = page.content.decode()
    start = body.index('<iframe src="') + len('<iframe src="')
    frame = body[start : body.index('"', start)]
    assert frame.startswith("/ecf/wiwd/cgi-bin/show_temp.pl?")
    pdf = client.get(frame)
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert first_header(pdf.content).startswith(f"Case {world.case.number} Document 2 Filed")
    assert len(charges()) == 1  # the frame's PDF is the view already charged
    # The ticket is the charged account's own, and only a genuine one opens anything.
    other = signed_in(world.viewer_pacer).get(frame)
    assert (other.status_code, "This document's display has expired." in visible_text(other)) == (404, True)
    assert client.get(frame + "x").status_code == 404
    assert client.get("/ecf/wiwd/cgi-bin/show_temp.pl?file=1&type=application/pdf").status_code == 404


# --- Sealed and restricted: nothing served, nothing charged -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [("sealed", DOCUMENT_SEALED), ("restricted", DOCUMENT_RESTRICTED), ("sealed_case_document", CASE_SEALED)],
)
def test_a_refused_document_is_refused_on_every_path(world: World, name: str, message: str) -> None:
    document: Document = getattr(world, name)
    client = signed_in(world.researcher)
    entry = document.entry
    for response in (
        client.get(doc1(document)),
        client.get(doc1(skip_menu(document))),
        view(client, document),
        client.get(f"/ecf/wiwd/cgi-bin/show_case_doc?{entry.number},{entry.case.caseid},,"),
    ):
        assert response.status_code == 403
        assert message in visible_text(response)
        assert response["Content-Type"].startswith("text/html")
    assert charges() == []


def test_a_participant_is_served_the_restricted_document_and_the_sealed_case(world: World) -> None:
    client = signed_in(world.alice_pacer)
    assert view(client, world.restricted).status_code == 200
    assert view(client, world.sealed_case_document).status_code == 403  # alice is no party to the sealed case
    assert view(client, world.sealed).status_code == 403
    assert charges() == [("aliceadams", "Image4-0", world.case.number, 1, 10)]


def test_a_viewer_sees_restricted_documents_where_the_court_allows(world: World) -> None:
    client = signed_in(world.viewer_pacer)
    CourtFiling.objects.filter(court_id="wiwd").update(viewers_see_restricted=False)
    assert view(client, world.restricted).status_code == 403
    CourtFiling.objects.filter(court_id="wiwd").update(viewers_see_restricted=True)
    assert view(client, world.restricted).status_code == 200
    assert len(charges()) == 1


def test_the_menu_lists_a_withheld_attachment_without_its_link(world: World) -> None:
    attachment = world.motion.entry.documents.get(attachment_number=2)
    Document.objects.filter(pk=attachment.pk).update(access="sealed")
    response = signed_in(world.researcher).get(doc1(world.motion))
    body = response.content.decode()
    assert response.status_code == 200
    assert skip_menu(attachment) not in body
    assert f"Declaration of Smith ({DOCUMENT_SEALED})" in visible_text(response)


def test_the_menu_of_a_sealed_case_is_refused(world: World) -> None:
    response = signed_in(world.researcher).get(doc1(world.sealed_case_document))
    assert response.status_code == 403
    assert CASE_SEALED in visible_text(response)
    assert "Document Selection Menu" not in visible_text(response)
    assert "Penalty Sheet" not in visible_text(response)


# --- show_case_doc ------------------------------------------------------------------------------------------------


def test_show_case_doc_redirects_to_the_document(world: World) -> None:
    client = signed_in(world.researcher)
    caseid = world.case.caseid
    attachment = world.motion.entry.documents.get(attachment_number=2)
    for query, document in (
        (f"1,{caseid},,", world.motion),
        (f"1,{caseid},2,,", attachment),
        (f"2,{caseid},", world.transcript),
    ):
        response = client.get(f"/ecf/wiwd/cgi-bin/show_case_doc?{query}")
        assert (response.status_code, response["Location"]) == (302, doc1(document)), query


@pytest.mark.parametrize(
    "query",
    ["", "abc", "1", "1,", ",123,", "1,abc,,", "99,{caseid},,", "1,{caseid},7,,", "1,{caseid},x,,", "9" * 40 + ",1,,"],
)
def test_show_case_doc_with_an_odd_query_is_a_clear_404(world: World, query: str) -> None:
    response = signed_in(world.researcher).get(
        f"/ecf/wiwd/cgi-bin/show_case_doc?{query.format(caseid=world.case.caseid)}"
    )
    assert response.status_code == 404
    assert NOT_A_DOCUMENT in visible_text(response)
    assert "/cgi-bin/login.pl?logout" in response.content.decode()


# --- Garbage ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc_id",
    ["abc", "2051", "20520000001", "205100000000000000000000", "-1", "20510000999", "０２０５１０", "20510000001x"],
)
def test_a_doc1_id_that_names_nothing_is_a_clear_404(world: World, doc_id: str) -> None:
    client = signed_in(world.researcher)
    for response in (client.get(doc1(doc_id)), client.post(doc1(doc_id), {"got_receipt": "1"})):
        assert response.status_code == 404
        assert NOT_A_DOCUMENT in visible_text(response)
        assert "/cgi-bin/login.pl?logout" in response.content.decode()
    assert charges() == []


def test_another_court_s_document_is_not_found_here(world: World) -> None:
    response = signed_in(world.researcher).get(doc1(world.petition, court="wiwd"))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"got_receipt": "yes"}, 400, NOT_A_REQUEST),
        ({"got_receipt": "1" * 5000}, 400, NOT_A_REQUEST),
        ({"got_receipt": "1", "caseid": "abc"}, 404, "Cannot locate the case with caseid: abc"),
        ({"got_receipt": "1", "caseid": "999999"}, 404, "Cannot locate the case with caseid: 999999"),
    ],
)
def test_a_garbage_post_is_a_clear_answer_and_charges_nothing(
    world: World, fields: dict[str, str], status: int, words: str
) -> None:
    response = signed_in(world.researcher).post(doc1(skip_menu(world.transcript)), fields)
    assert response.status_code == status
    assert words in visible_text(response)
    assert charges() == []


def test_a_body_that_holds_no_fields_is_the_receipt_again(world: World) -> None:
    client = signed_in(world.researcher)
    response = client.post(
        doc1(skip_menu(world.transcript)), data=b"\xff\xfe--garbage", content_type="multipart/form-data; boundary=x"
    )
    assert response.status_code == 200
    assert "Transaction Receipt" in visible_text(response)
    assert charges() == []


def test_an_unreadable_document_charges_nothing(world: World, document_root: Any) -> None:
    stored = document_root / world.transcript.file.name
    stored.write_bytes(b"not a pdf")
    response = view(signed_in(world.researcher), world.transcript)
    assert response.status_code == 503
    assert "Nothing was charged" in visible_text(response)
    assert charges() == []


# --- The NEF's free look, asked about first -------------------------------------------------------------------------


def test_the_free_look_of_a_document_sealed_since_the_nef_is_refused_and_stays_good(world: World) -> None:
    with transaction.atomic():
        send_nef(entry=world.transcript.entry, origin=TEST_ORIGIN)
    look = FreeLook.objects.get(document=world.transcript, ecf_account=world.alice)
    link = urlsplit(free_look_url(world.transcript, look.magic_num))
    url = f"{link.path}?{link.query}"
    Document.objects.filter(pk=world.transcript.pk).update(access="sealed")
    refused = Client().get(url)
    assert refused.status_code == 403
    assert DOCUMENT_SEALED in visible_text(refused)
    assert refused["Content-Type"].startswith("text/html")
    look.refresh_from_db()
    assert look.used_at is None
    # A restricted document is the NEF recipients' to look at: they are the case's participants.
    Document.objects.filter(pk=world.transcript.pk).update(access="restricted")
    opened = Client().get(url)
    assert (opened.status_code, opened["Content-Type"]) == (200, "application/pdf")
    assert charges() == []


def test_the_free_look_takes_only_get(world: World) -> None:
    response = Client().post(doc1(skip_menu(world.transcript)) + "?caseid=1&de_seq_num=1&magic_num=1")
    assert (response.status_code, response["Allow"]) == (405, "GET")


def test_a_court_login_without_pacer_has_no_account_to_bill(world: World) -> None:
    nysd = Court.objects.get(pk="nysd")
    assert not nysd.is_live()
    judge = services.add_judge(court=nysd, name="Paul K. Castel", origin=TEST_ORIGIN)
    case = services.open_case(court=nysd, case_type="cv", title="Hudson v. Empire", judge=judge, origin=TEST_ORIGIN)
    entry = file_entry(case=case, text="COMPLAINT.", documents=[pdf("Complaint")], origin=TEST_ORIGIN)
    make_ecf("nysd", "nlawyer", "Nora Lawyer", PASSWORD)
    client = Client()
    assert client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "nlawyer", "password": PASSWORD}).status_code == 302
    document = entry.documents.get()
    for response in (client.get(doc1(document, "nysd")), client.post(doc1(document, "nysd"), {"got_receipt": "1"})):
        assert response.status_code == 403
        assert NO_PACER_ACCOUNT in visible_text(response)
    assert charges() == []
