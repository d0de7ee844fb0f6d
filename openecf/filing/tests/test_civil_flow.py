"""The civil flow over HTTP: a Notice of Appearance, then a motion with an attachment, each to its NEF."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openecf.audit.models import AuditEvent
from openecf.cases.models import AttorneyOfRecord, DocketEntry
from openecf.filing.models import FilingTransaction, Status
from openecf.filing.tests.conftest import Flow, World, pdf, stored_files
from openecf.notices.models import OutboxMessage
from openecf.noticing import nef

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def appear_for_acme(world: World) -> Flow:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": "24-1"} if world.case.year == 2024 else {"number": f"{world.case.year % 100}-1"})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    acme = world.case.parties.get(name="Acme Widget Corp.")
    flow.go("filer", {"party": [acme.pk]})
    flow.go("upload", {"main": upload("appearance.pdf", pdf("Notice of Appearance"))})
    flow.go("text", {"modifier": "", "free": ""})
    return flow


def test_notice_of_appearance_then_a_motion_with_an_attachment(
    world: World, document_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    flow = appear_for_acme(world)
    assert flow.step == "final"
    page = world.client.get(flow.url).content.decode()
    text = "NOTICE of Appearance by Maria Attorney on behalf of Acme Widget Corp. (Attorney, Maria)"
    assert "No further editing is allowed after this screen." in page
    with (
        mock.patch("openecf.filing.services.send_nef", wraps=nef.send_nef) as sent,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = world.client.post(flow.url)
    assert response.status_code == 302 and response["Location"].endswith("/nef/")
    entry = DocketEntry.objects.get(case=world.case, number=2)
    sent.assert_called_once()
    assert sent.call_args.kwargs["entry"] == entry
    assert entry.text == text
    assert (entry.filed_by, entry.on_behalf_of) == (world.filer, None)
    assert AttorneyOfRecord.objects.filter(party__name="Acme Widget Corp.", ecf_account=world.filer).count() == 1
    shown = world.client.get(response["Location"])
    assert shown.status_code == 200
    assert "<b>Notice of Electronic Filing</b>" in shown.content.decode()  # the NEF's own HTML, not escaped
    # Queued to each attorney of the case and to the filer, each their own message, subject ending with the event.
    subject = f"Activity in Case {world.case.number} Smith v. Acme Widget Corp. Notice of Appearance"
    assert sorted(
        (message.recipients[0], message.subject, message.content_subtype)
        for message in OutboxMessage.objects.filter(kind="nef")
    ) == sorted((e.email, subject, "html") for e in (world.plaintiff_lawyer, world.defense_lawyer, world.filer))
    assert "Filed: document number 2 in" in shown.content.decode()

    # A replayed final POST shows the same filing and files nothing again.
    replay = world.client.post(flow.url)
    assert replay.status_code == 302 and replay["Location"].endswith("/nef/")
    assert DocketEntry.objects.filter(case=world.case).count() == 2

    # Now in the case, the attorney files a motion with an exhibit, referring to nothing.
    motion = Flow(world.client)
    motion.start("civil", "motions-and-related-filings", "civil-motion-for-extension-of-time")
    motion.go("case", {"number": world.case.full_number})
    motion.go("style", {"confirmed": "yes"})
    motion.go("joint", {"joint": "no"})
    acme = world.case.parties.get(name="Acme Widget Corp.")
    motion.go("filer", {"party": [acme.pk]})
    motion.go(
        "upload",
        {
            "main": upload("motion.pdf", pdf("Motion", pages=3)),
            "attachment_1": upload("order.pdf", pdf("Proposed Order")),
            "category_1": "Proposed Order",
            "description_1": "",
        },
    )
    motion.go("questions", {"relief_civil-motion-for-extension-of-time": ["for Extension of Time"]})
    motion.go("text", {"modifier": "First", "free": "to Answer the Complaint"})
    assert "First MOTION for Extension of Time by Acme Widget Corp. to Answer the Complaint." in (
        world.client.get(motion.url).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert world.client.post(motion.url).status_code == 302
    entry = DocketEntry.objects.get(case=world.case, number=3)
    assert entry.text == (
        "First MOTION for Extension of Time by Acme Widget Corp. to Answer the Complaint. "
        "(Attachments: # 1 Proposed Order) (Attorney, Maria)"
    )
    documents = list(entry.documents.order_by("attachment_number"))
    assert [(d.attachment_number, d.page_count, d.original_filename, d.description) for d in documents] == [
        (0, 3, "motion.pdf", ""),
        (1, 1, "order.pdf", "Proposed Order"),
    ]
    # Only filed documents remain in storage: the pending copies are gone.
    assert not [name for name in stored_files(document_root) if name.startswith("pending/")]
    assert len(stored_files(document_root)) == 4  # complaint, appearance, motion, order
    assert FilingTransaction.objects.filter(status=Status.FILED).count() == 2
    assert AuditEvent.objects.filter(event="filing.submitted").count() == 2


def test_a_response_refers_to_the_motion(world: World) -> None:
    flow = appear_for_acme(world)
    world.client.post(flow.url)
    response = Flow(world.client)
    response.start("civil", "responses-and-replies", "civil-response-in-opposition-to-motion")
    response.go("case", {"number": world.case.full_number})
    response.go("style", {"confirmed": "yes"})
    response.go("joint", {"joint": "no"})
    response.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    response.go("upload", {"main": upload("opp.pdf", pdf("Opposition"))})
    refused = response.answer("questions", {})
    assert refused.status_code == 400
    assert "Select the entry or entries this filing refers to." in refused.content.decode()
    complaint = DocketEntry.objects.get(case=world.case, number=1)
    response.go("questions", {"refer": [complaint.pk]})
    response.go("text", {"modifier": "", "free": ""})
    world.client.post(response.url)
    assert DocketEntry.objects.get(case=world.case, number=3).text == (
        "RESPONSE in Opposition re 1 COMPLAINT against Acme Widget Corp. filed by Ann Smith filed by "
        "Acme Widget Corp. (Attorney, Maria)"
    )


def test_several_events_at_once_make_one_entry(world: World) -> None:
    world.client.post(appear_for_acme(world).url)
    flow = Flow(world.client)
    flow.start("civil", "motions-and-related-filings", "civil-motion-to-dismiss", "civil-motion-multiple-reliefs")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    flow.go("upload", {"main": upload("m.pdf", pdf())})
    refused = flow.answer("questions", {"relief_civil-motion-to-dismiss": ["to Dismiss"]})
    assert refused.status_code == 400
    assert "Motion (Multiple Reliefs): select at least one relief." in refused.content.decode()
    flow.go(
        "questions",
        {
            "relief_civil-motion-to-dismiss": ["to Dismiss"],
            "relief_civil-motion-multiple-reliefs": ["to Stay", "for Hearing", "not a relief"],
        },
    )
    flow.go("text", {"modifier": "", "free": ""})
    world.client.post(flow.url)
    assert DocketEntry.objects.get(case=world.case, number=3).text == (
        "MOTION to Dismiss and MOTION for Hearing and to Stay by Acme Widget Corp. (Attorney, Maria)"
    )
