"""The NEF as e-mailed: filed with real PDFs, delivered over SMTP, parsed by juriscraper 4.0.1's NotificationEmail
(the field's standard client: its XPath is the contract), and every parsed field checked against what was stored."""

from __future__ import annotations

import re
from email.message import Message
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from juriscraper.pacer.email import NotificationEmail, S3NotificationEmail

from conftest import TEST_ORIGIN, make_ecf
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.docketing import file_entry
from openecf.cases.models import Case, DocketEntry, Document
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court
from openecf.notices.models import OutboxMessage
from openecf.notices.services import deliver_pending
from openecf.noticing.models import Delivery, EmailFormat, FreeLook, NoticePreference, SecondaryEmail
from openecf.noticing.nef import default_short_description, send_nef
from openecf.noticing.tests.conftest import PASSWORD, World, file_with_pdfs

pytestmark = pytest.mark.django_db

SENDER = "Wisconsin Western CM/ECF <ecf-wiwd@openecf.localhost>"


def parse(message: Message, court_id: str) -> dict[str, Any]:
    """The e-mail as received, read by juriscraper twice: whole (S3NotificationEmail, the NotificationEmail that
    reads a raw message) and as NotificationEmail with the subject and the HTML part; both must agree."""
    whole = S3NotificationEmail(court_id)
    whole._parse_text(message.as_string())
    html = message.get_payload(decode=True)
    assert isinstance(html, bytes)
    part = NotificationEmail(court_id)
    part.subject = message["Subject"]
    part._parse_text(html.decode("utf-8"))
    assert whole.data == part.data
    return dict(whole.data)


def html_of(message: Message) -> str:
    """The text/html part as sent (SMTP line ends made Python's)."""
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8").replace("\r\n", "\n")


def doc1(document: Document, magic_num: int) -> str:
    entry = document.entry
    query = urlencode({"caseid": entry.case.caseid, "de_seq_num": entry.de_seq_num, "magic_num": magic_num})
    return f"http://testserver/ecf/{entry.case.court_id}/doc1/{document.pacer_doc_id[:3]}1{document.pacer_doc_id[4:]}?{query}"


def expected(
    *,
    case: Case,
    entry: DocketEntry,
    account: EcfAccount,
    short: str,
    recipients: list[tuple[str, list[str]]],
    district: bool = True,
) -> dict[str, Any]:
    main = entry.documents.get(attachment_number=0)
    magic = FreeLook.objects.get(document=main, ecf_account=account).magic_num
    components = (
        {
            "federal_defendant_number": None,
            "federal_dn_case_type": case.case_type,
            "federal_dn_judge_initials_assigned": case.initials,
            "federal_dn_judge_initials_referred": None,
            "federal_dn_office_code": str(case.office),
        }
        if district
        else {
            "federal_defendant_number": None,
            "federal_dn_case_type": None,
            "federal_dn_judge_initials_assigned": case.initials,
            "federal_dn_judge_initials_referred": None,
            "federal_dn_office_code": None,
        }
    )
    return {
        "court_id": case.court_id,
        "appellate": False,
        "acms": False,
        "contains_attachments": entry.documents.count() > 1,
        "dockets": [
            {
                "case_name": case.title,
                "docket_number": case.full_number if district else case.number.rsplit("-", 1)[0],
                "date_filed": None,
                "docket_entries": [
                    {
                        "date_filed": entry.filed_on,
                        "description": entry.text,
                        "short_description": short,
                        "document_url": doc1(main, magic),
                        "document_number": str(entry.number),
                        "pacer_doc_id": main.pacer_doc_id,
                        "pacer_case_id": str(case.caseid),
                        "pacer_seq_no": str(entry.de_seq_num),
                        "pacer_magic_num": str(magic),
                    }
                ],
                **components,
            }
        ],
        "email_recipients": [{"name": name, "email_addresses": emails} for name, emails in recipients],
    }


def by_recipient(messages: list[Message]) -> dict[str, Message]:
    return {message["To"].split(",")[0].strip(): message for message in messages}


def test_every_nef_as_received_parses_to_exactly_what_was_stored(world: World, smtp_inbox: Any) -> None:
    case, alice, bob = world.case, world.plaintiff_attorney, world.defense_attorney
    SecondaryEmail.objects.create(ecf_account=bob, email="docketing@bakerllp.example.com")
    carol = make_ecf("wiwd", "cclark", "Carol Clark", PASSWORD, email="carol@clark.example.com")
    services.add_attorney(party=case.parties.get(name="Acme Corp."), ecf_account=carol, origin=TEST_ORIGIN)
    NoticePreference.objects.create(ecf_account=carol, delivery=Delivery.DAILY_SUMMARY)  # waits for her summary
    dan = make_ecf("wiwd", "ddavis", "Dan Davis", PASSWORD, email="dan@davis.example.com")
    gone = services.add_attorney(party=case.parties.get(name="John Smith"), ecf_account=dan, origin=TEST_ORIGIN)
    services.terminate_attorney(attorney=gone, terminated_on=gone.added_on, origin=TEST_ORIGIN)

    with transaction.atomic():  # as the filing flow calls it: inside the filing's transaction
        entry = file_with_pdfs(case, alice, "MOTION to Dismiss for Lack of Jurisdiction by John Smith.", attachments=2)
        nef = send_nef(entry=entry, origin=TEST_ORIGIN, short_description="Motion to Dismiss")

    assert nef.subject == f"Activity in Case {case.number} Smith v. Acme Corp. Motion to Dismiss"
    assert [recipient.account for recipient in nef.recipients] == [alice, bob]
    assert OutboxMessage.objects.filter(kind="nef").count() == 2
    assert deliver_pending() == 2
    received = by_recipient(smtp_inbox.messages)
    assert sorted(received) == ["alice@adamslaw.example.com", "bob@bakerllp.example.com"]
    mailed = [
        ("Alice Adams", ["alice@adamslaw.example.com"]),
        ("Bob Baker", ["bob@bakerllp.example.com", "docketing@bakerllp.example.com"]),
    ]
    for address, account in (("alice@adamslaw.example.com", alice), ("bob@bakerllp.example.com", bob)):
        message = received[address]
        assert message["From"] == SENDER
        assert re.sub(r"\r?\n", "", message["Subject"]) == nef.subject  # unfolded
        assert not message.is_multipart() and message.get_content_type() == "text/html"
        data = parse(message, "wiwd")
        assert data == expected(case=case, entry=entry, account=account, short="Motion to Dismiss", recipients=mailed)
    assert received["bob@bakerllp.example.com"]["X-Envelope-To"] == (
        "bob@bakerllp.example.com, docketing@bakerllp.example.com"
    )
    # Each recipient's links carry their own numbers, one per document.
    looks = FreeLook.objects.filter(document__entry=entry)
    assert sorted((look.ecf_account.login, look.document.attachment_number) for look in looks) == [
        ("aadams", 0),
        ("aadams", 1),
        ("aadams", 2),
        ("bbaker", 0),
        ("bbaker", 1),
        ("bbaker", 2),
    ]
    assert len({look.magic_num for look in looks if look.document.attachment_number == 0}) == 2
    body = html_of(received["bob@bakerllp.example.com"])
    for document in entry.documents.all():
        look = looks.get(document=document, ecf_account=bob)
        assert doc1(document, look.magic_num).replace("&", "&amp;") in body
        assert (
            f"[FileNumber={int(document.pacer_doc_id[4:])}-{document.attachment_number}] [{document.sha256}]]" in body
        )
        assert f"<strong>Original filename:</strong>{document.original_filename}<br>" in body
    assert "<strong>Document description:</strong>Main Document<br>" in body
    assert "<strong>Document description:</strong>Exhibit 2<br>" in body
    assert "Notice has not been electronically mailed to:</b>\n<div>\nPat Prose<br>" in body
    assert "Carol" not in body and "Dan Davis" not in body
    # The filer's screen copy is the filer's own message.
    assert nef.screen_html == OutboxMessage.objects.get(recipients=["alice@adamslaw.example.com"]).body
    [event] = AuditEvent.objects.filter(event="nef.queued")
    assert event.detail["recipients"] == ["aadams", "bbaker"] and event.detail["de_seq_num"] == entry.de_seq_num


def test_the_transaction_line_names_the_filer_and_the_filed_date(world: World, smtp_inbox: Any) -> None:
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "NOTICE of Appearance by Alice Adams for John Smith")
    send_nef(entry=entry, origin=TEST_ORIGIN)
    entry.refresh_from_db()
    local = entry.entered_at.astimezone(world.case.court.zone)
    html = OutboxMessage.objects.filter(kind="nef").order_by("id")[0].body
    when = f"{local.month}/{local.day}/{local.year} at {local.hour % 12 or 12}:{local.minute:02d} "
    when += f"{'AM' if local.hour < 12 else 'PM'} {local.tzname()}"
    filed = f"{entry.filed_on.month}/{entry.filed_on.day}/{entry.filed_on.year}"
    assert f"The following transaction was entered by Alice Adams on {when} and filed on {filed} <br>" in html
    assert "<tr><td><strong>Filer:</strong></td><td>John Smith</td></tr>" in html
    assert '<p align="center"><strong>U.S. District Court</strong></p>' in html


def test_an_agent_filing_names_the_agent_and_the_attorney(world: World, smtp_inbox: Any) -> None:
    case, alice = world.case, world.plaintiff_attorney
    paula = make_ecf("wiwd", "ppara", "Paula Para", PASSWORD, role="nonattorney", email="paula@adamslaw.example.com")
    entry = file_with_pdfs(case, paula, "NOTICE of Appearance by Alice Adams for John Smith")
    DocketEntry.objects.filter(pk=entry.pk).update(on_behalf_of=alice)
    nef = send_nef(entry=entry, origin=TEST_ORIGIN)
    assert [recipient.account.login for recipient in nef.recipients] == ["aadams", "bbaker", "ppara"]
    assert "entered by Paula Para on behalf of Alice Adams on " in nef.screen_html
    assert "<tr><td><strong>Filer:</strong></td><td>John Smith</td></tr>" in nef.screen_html
    assert deliver_pending() == 3
    paulas = by_recipient(smtp_inbox.messages)["paula@adamslaw.example.com"]
    data = parse(paulas, "wiwd")
    assert data == expected(
        case=case,
        entry=entry,
        account=paula,
        short="NOTICE of Appearance",
        recipients=[
            ("Alice Adams", ["alice@adamslaw.example.com"]),
            ("Bob Baker", ["bob@bakerllp.example.com"]),
            ("Paula Para", ["paula@adamslaw.example.com"]),
        ],
    )
    # The screen copy is the agent's (the filer's) own.
    assert nef.screen_html == html_of(paulas)


def test_a_bankruptcy_nef_is_the_variant_juriscraper_reads_for_bankruptcy_courts(db: None, smtp_inbox: Any) -> None:
    wiwb = Court.objects.get(pk="wiwb")
    judge = services.add_judge(court=wiwb, name="Helen L. Brandt", origin=TEST_ORIGIN)
    case = services.open_case(court=wiwb, case_type="bk", title="Jane Q. Debtor", judge=judge, origin=TEST_ORIGIN)
    debtor = services.add_party(case=case, name="Jane Q. Debtor", role="debtor", origin=TEST_ORIGIN)
    trustee = services.add_party(case=case, name="Terry Trustee", role="trustee", origin=TEST_ORIGIN)
    erin = make_ecf("wiwb", "eevans", "Erin Evans", PASSWORD, email="erin@evans.example.com")
    tom = make_ecf("wiwb", "ttrust", "Terry Trustee", PASSWORD, email="trustee@wiwb-trustee.example.com")
    services.add_attorney(party=debtor, ecf_account=erin, origin=TEST_ORIGIN)
    services.add_attorney(party=trustee, ecf_account=tom, origin=TEST_ORIGIN)
    entry = file_with_pdfs(
        case, erin, "Chapter 7 Voluntary Petition for Individuals. Fee Amount $338 Filed by Jane Q. Debtor"
    )
    nef = send_nef(entry=entry, origin=TEST_ORIGIN, short_description="Voluntary Petition (Chapter 7)")
    assert nef.subject == f"{case.number} Jane Q. Debtor Voluntary Petition (Chapter 7)"
    assert "<strong>U.S. Bankruptcy Court</strong>" in nef.screen_html
    assert "Notice will be electronically mailed to:</b>" in nef.screen_html
    assert "The following transaction was received from Erin Evans and entered on " in nef.screen_html
    assert deliver_pending() == 2
    received = by_recipient(smtp_inbox.messages)
    mailed = [("Erin Evans", ["erin@evans.example.com"]), ("Terry Trustee", ["trustee@wiwb-trustee.example.com"])]
    for address, account in (("erin@evans.example.com", erin), ("trustee@wiwb-trustee.example.com", tom)):
        data = parse(received[address], "wiwb")
        assert data == expected(
            case=case,
            entry=entry,
            account=account,
            short="Voluntary Petition (Chapter 7)",
            recipients=mailed,
            district=False,
        )


def test_markup_in_a_docket_text_or_a_case_name_is_text_not_html(db: None, smtp_inbox: Any) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    case = services.open_case(court=wiwd, case_type="cv", title="Smith & Sons v. <b>Acme</b>", origin=TEST_ORIGIN)
    party = services.add_party(case=case, name="Smith & Sons", role="plaintiff", origin=TEST_ORIGIN)
    alice = make_ecf("wiwd", "aadams", "Alice Adams", PASSWORD, email="alice@adamslaw.example.com")
    services.add_attorney(party=party, ecf_account=alice, origin=TEST_ORIGIN)
    text = 'NOTICE of "Smith & Sons" <script>alert(1)</script> by Alice Adams'
    entry = file_with_pdfs(case, alice, text)
    nef = send_nef(entry=entry, origin=TEST_ORIGIN)
    assert "<script>" not in nef.screen_html and "<b>Acme</b>" not in nef.screen_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in nef.screen_html
    short = 'NOTICE of "Smith & Sons" <script>alert'  # up to the parenthesis
    assert nef.subject == f"Activity in Case {case.number} Smith & Sons v. <b>Acme</b> {short}"
    deliver_pending()
    [message] = smtp_inbox.messages
    [docket] = parse(message, "wiwd")["dockets"]
    assert (docket["case_name"], docket["docket_entries"][0]["description"]) == (case.title, text)


def test_a_rolled_back_filing_leaves_no_notice_and_no_free_look(world: World) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        entry = file_with_pdfs(world.case, world.plaintiff_attorney, "NOTICE of Appearance by Alice Adams")
        send_nef(entry=entry, origin=TEST_ORIGIN)
        raise RuntimeError("the filing's transaction failed after the NEF")
    assert not OutboxMessage.objects.exists()
    assert not FreeLook.objects.exists()
    assert not AuditEvent.objects.filter(event="nef.queued").exists()


def test_an_entry_without_a_document(world: World, smtp_inbox: Any) -> None:
    entry = file_entry(
        case=world.case, text="ORDER granting extension by Judge Parker.", documents=[], origin=TEST_ORIGIN
    )
    nef = send_nef(entry=entry, origin=TEST_ORIGIN)
    assert f"<td>{entry.number}(No document attached)</td>" in nef.screen_html
    assert "entered on " in nef.screen_html and "entered by" not in nef.screen_html
    assert [r.account.login for r in nef.recipients] == ["aadams", "bbaker"]
    deliver_pending()
    [entry_data] = parse(smtp_inbox.messages[0], "wiwd")["dockets"][0]["docket_entries"]
    assert (entry_data["document_number"], entry_data["document_url"], entry_data["pacer_case_id"]) == (
        str(entry.number),
        None,
        str(world.case.caseid),
    )


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("MOTION to Dismiss by Acme Corp.", "MOTION to Dismiss"),
        ("NOTICE of Appearance by Alice Adams on behalf of John Smith", "NOTICE of Appearance"),
        ("ORDER (text only). Signed by Judge Parker", "ORDER"),
        ("STIPULATION", "STIPULATION"),
    ],
)
def test_the_default_short_description_is_the_docket_texts_opening_words(text: str, short: str) -> None:
    assert default_short_description(text) == short


def test_a_recipient_who_chose_plain_text_gets_the_plain_nef_juriscraper_reads(world: World, smtp_inbox: Any) -> None:
    case, alice, bob = world.case, world.plaintiff_attorney, world.defense_attorney
    NoticePreference.objects.create(ecf_account=bob, email_format=EmailFormat.TEXT)
    SecondaryEmail.objects.create(ecf_account=bob, email="docketing@bakerllp.example.com")
    entry = file_with_pdfs(case, alice, "MOTION to Dismiss for Lack of Jurisdiction by John Smith.", attachments=1)
    send_nef(entry=entry, origin=TEST_ORIGIN, short_description="Motion to Dismiss")
    assert deliver_pending() == 2
    received = by_recipient(smtp_inbox.messages)
    assert received["alice@adamslaw.example.com"].get_content_type() == "text/html"
    plain = received["bob@bakerllp.example.com"]
    assert (plain.is_multipart(), plain.get_content_type(), plain["From"]) == (False, "text/plain", SENDER)
    report = S3NotificationEmail("wiwd")
    report._parse_text(plain.as_string())
    assert report.content_type == "text/plain"
    wanted = expected(
        case=case,
        entry=entry,
        account=bob,
        short="Motion to Dismiss",
        recipients=[
            ("Alice Adams", ["alice@adamslaw.example.com"]),
            ("Bob Baker", ["bob@bakerllp.example.com", "docketing@bakerllp.example.com"]),
        ],
    )
    assert report.data == wanted
    text = plain.get_payload(decode=True)
    assert isinstance(text, bytes)
    for document in entry.documents.all():
        look = FreeLook.objects.get(document=document, ecf_account=bob)
        assert f"Document {document.label}: {doc1(document, look.magic_num)}" in text.decode()
