"""The NEF's free look: doc1/{id}?caseid=..&de_seq_num=..&magic_num=.. opens the stamped document once, without
signing in, within 15 days; a used, expired or wrong link gets a page that says which."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import pikepdf
import pytest
from django.test import Client
from django.utils import timezone

from conftest import TEST_ORIGIN, visible_text
from openecf.audit.models import AuditEvent
from openecf.cases.models import Document
from openecf.cases.stamp import header_line
from openecf.noticing.links import free_look_url
from openecf.noticing.models import FreeLook
from openecf.noticing.nef import send_nef
from openecf.noticing.tests.conftest import World, file_with_pdfs

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.fixture
def filed(world: World) -> Document:
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.", attachments=1)
    send_nef(entry=entry, origin=TEST_ORIGIN)
    return entry.documents.get(attachment_number=0)


def look_of(document: Document, login: str) -> FreeLook:
    return FreeLook.objects.get(document=document, ecf_account__login=login)


def first_header(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        page = opened.pages[0]
        shown = [str(i.operands[0]) for i in pikepdf.parse_content_stream(page) if str(i.operator) == "Tj"]
        return shown[-1]


def test_a_link_opens_its_stamped_document_once_without_signing_in(world: World, filed: Document) -> None:
    look = look_of(filed, "bbaker")
    url = path_of(free_look_url(filed, look.magic_num))
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    entry = filed.entry
    assert first_header(response.content) == header_line(
        case_number=world.case.number, document="1", filed_on=entry.filed_on, page=1, pages=2
    )
    filed.file.open("rb")
    assert filed.file.read() != response.content  # the stored PDF stays as filed; the copy is stamped
    look.refresh_from_db()
    assert look.used_at is not None
    again = Client().get(url)
    assert again.status_code == 410
    assert "This free look has already been used." in visible_text(again)
    # Another recipient's link, and the same recipient's link to the attachment, are their own.
    assert Client().get(path_of(free_look_url(filed, look_of(filed, "aadams").magic_num))).status_code == 200
    attachment = entry.documents.get(attachment_number=1)
    response = Client().get(path_of(free_look_url(attachment, look_of(attachment, "bbaker").magic_num)))
    assert (response.status_code, first_header(response.content)) == (
        200,
        header_line(case_number=world.case.number, document="1-1", filed_on=entry.filed_on, page=1, pages=1),
    )
    used = AuditEvent.objects.filter(event="nef.free_look_used").order_by("id")
    assert [(e.detail["document"], e.detail["caseid"]) for e in used] == [
        (filed.pacer_doc_id, world.case.caseid),
        (filed.pacer_doc_id, world.case.caseid),
        (attachment.pacer_doc_id, world.case.caseid),
    ]
    assert list(AuditEvent.objects.filter(event="nef.free_look_refused").values_list("detail__reason", flat=True)) == [
        "used"
    ]


def test_the_fourth_digit_zero_names_the_same_document(filed: Document) -> None:
    look = look_of(filed, "aadams")
    entry = filed.entry
    url = f"/ecf/wiwd/doc1/{filed.pacer_doc_id}?caseid={entry.case.caseid}&de_seq_num={entry.de_seq_num}"
    response = Client().get(f"{url}&magic_num={look.magic_num}")
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


def test_an_expired_link_says_so(filed: Document) -> None:
    look = look_of(filed, "bbaker")
    FreeLook.objects.filter(pk=look.pk).update(
        created_at=timezone.now() - timedelta(days=16), expires_at=timezone.now() - timedelta(days=1)
    )
    response = Client().get(path_of(free_look_url(filed, look.magic_num)))
    assert response.status_code == 410
    assert "This free look has expired." in visible_text(response)
    look.refresh_from_db()
    assert look.used_at is None


def test_a_link_is_good_for_15_days(filed: Document) -> None:
    look = look_of(filed, "bbaker")
    assert look.expires_at - look.created_at == timedelta(days=15)


@pytest.mark.parametrize(
    "change",
    ["magic_num", "caseid", "de_seq_num", "letters", "other_document", "unknown_document"],
)
def test_a_wrong_link_opens_nothing(filed: Document, change: str) -> None:
    look = look_of(filed, "bbaker")
    entry = filed.entry
    doc_id = f"{filed.pacer_doc_id[:3]}1{filed.pacer_doc_id[4:]}"
    query: dict[str, Any] = {"caseid": entry.case.caseid, "de_seq_num": entry.de_seq_num, "magic_num": look.magic_num}
    if change == "magic_num":
        query["magic_num"] = look.magic_num + 1
    elif change in ("caseid", "de_seq_num"):
        query[change] += 1
    elif change == "letters":
        query["magic_num"] = "12ab"
    elif change == "other_document":
        doc_id = entry.documents.get(attachment_number=1).pacer_doc_id  # bbaker's number is for the main document
    else:
        doc_id = "20519999999"
    response = Client().get(f"/ecf/wiwd/doc1/{doc_id}", query)
    assert response.status_code == 404
    assert "This link does not open a document." in visible_text(response)
    look.refresh_from_db()
    assert look.used_at is None
    [event] = AuditEvent.objects.filter(event="nef.free_look_refused")
    assert event.detail["reason"] == "invalid"


def test_without_a_magic_num_doc1_is_the_paid_page_behind_the_login(filed: Document) -> None:
    entry = filed.entry
    url = f"/ecf/wiwd/doc1/{filed.pacer_doc_id}?caseid={entry.case.caseid}&de_seq_num={entry.de_seq_num}"
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?{urlencode({'court': 'wiwd', 'next': url})}"
    assert look_of(filed, "bbaker").used_at is None


def test_only_get(filed: Document) -> None:
    look = look_of(filed, "bbaker")
    assert Client().post(path_of(free_look_url(filed, look.magic_num))).status_code == 405


def test_on_court_hosts_the_link_is_the_courts_own_host(settings: Any, filed: Document) -> None:
    settings.OPENECF_COURT_DOMAIN = "uscourts.example"
    settings.OPENECF_SITE_URL = "https://pacer.login.uscourts.example"
    settings.ALLOWED_HOSTS = [".uscourts.example"]
    look = look_of(filed, "bbaker")
    url = free_look_url(filed, look.magic_num)
    entry = filed.entry
    assert url == (
        f"https://ecf.wiwd.uscourts.example/doc1/{filed.pacer_doc_id[:3]}1{filed.pacer_doc_id[4:]}"
        f"?caseid={entry.case.caseid}&de_seq_num={entry.de_seq_num}&magic_num={look.magic_num}"
    )
    response = Client().get(path_of(url), HTTP_HOST="ecf.wiwd.uscourts.example", secure=True)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


def test_a_document_that_cannot_be_read_leaves_the_link_good(filed: Document, document_root: Any) -> None:
    look = look_of(filed, "bbaker")
    stored = document_root / filed.file.name
    original = stored.read_bytes()
    stored.unlink()
    url = path_of(free_look_url(filed, look.magic_num))
    response = Client().get(url)
    assert response.status_code == 503
    assert "The document cannot be shown right now. Your free look has not been used" in visible_text(response)
    look.refresh_from_db()
    assert look.used_at is None
    stored.write_bytes(original)
    assert Client().get(url).status_code == 200


def test_guessing_magic_numbers_is_throttled_per_address(filed: Document) -> None:
    look = look_of(filed, "bbaker")
    entry = filed.entry
    base = f"/ecf/wiwd/doc1/{filed.pacer_doc_id}?caseid={entry.case.caseid}&de_seq_num={entry.de_seq_num}"
    client = Client(REMOTE_ADDR="203.0.113.9")
    for guess in range(1, 6):  # the throttle's free guesses
        assert client.get(f"{base}&magic_num={guess}").status_code == 404
    assert client.get(f"{base}&magic_num=6").status_code == 404  # the sixth starts a wait
    response = client.get(f"{base}&magic_num={look.magic_num}")  # even the right number waits now
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many links from your address did not open a document. Too many failed attempts." in visible_text(
        response
    )
    look.refresh_from_db()
    assert look.used_at is None
    # Another address is not held up.
    assert Client(REMOTE_ADDR="198.51.100.7").get(f"{base}&magic_num={look.magic_num}").status_code == 200
    assert AuditEvent.objects.filter(event="nef.free_look_refused").count() == 6
    assert AuditEvent.objects.filter(event="throttle.locked").exists()
