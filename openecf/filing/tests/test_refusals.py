"""What the flow refuses, each with a clear page and nothing kept: filing without a filing role, a step out of
order, a transaction that is not yours or is over, a timed-out one, a PDF the court refuses, a case the attorney
is not in."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from django.test import Client
from django.utils import timezone
from pikepdf import Dictionary, Name

from conftest import TEST_ORIGIN, make_pacer
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.models import DocketEntry
from openecf.cases.pdfmake import new_pdf, to_bytes
from openecf.filing.models import FilingTransaction, Status
from openecf.filing.tests.conftest import Flow, World, pdf, signed_in, stored_files
from openecf.filing.tests.test_civil_flow import appear_for_acme, upload

pytestmark = pytest.mark.django_db

NOTICES = "/ecf/wiwd/filing/civil/notices/"


def test_a_viewer_and_a_pacer_only_user_get_the_refusal_page_never_the_steps(world: World) -> None:
    _, viewer = signed_in("viewer1", "Vera Viewer", role="viewer")
    pacer_only = Client()
    pacer_only.force_login(make_pacer("pacerpat1", "Pat Pacer"))
    for client, words in (
        (viewer, "can view documents but not file"),
        (pacer_only, "is not linked to a CM/ECF filing account in this court"),
    ):
        for response in (
            client.get(NOTICES),
            client.post(NOTICES, {"event": ["civil-notice-of-appearance"]}),
            client.get("/ecf/wiwd/filing/search/?q=appearance"),
        ):
            assert response.status_code == 403
            assert words in response.content.decode()
    assert FilingTransaction.objects.count() == 0


def test_anonymous_visitors_are_sent_to_the_login(world: World) -> None:
    response = Client().get(NOTICES)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_steps_out_of_order_are_refused_and_change_nothing(world: World) -> None:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    ahead = flow.url.replace("/case/", "/upload/")
    for response in (world.client.get(ahead), world.client.post(ahead, {"main": upload("x.pdf", pdf())})):
        assert response.status_code == 409
        assert "That step of this filing is not the current one" in response.content.decode()
    assert world.client.post(flow.url.replace("/case/", "/final/")).status_code == 409
    assert world.client.get(flow.url.replace("/case/", "/no-such-step/")).status_code == 409
    txn = FilingTransaction.objects.get()
    assert (txn.answers, txn.status) == ({}, Status.OPEN)
    assert AuditEvent.objects.filter(event="filing.out_of_order").count() == 4
    # A step already answered is out of order too: no going back to change it.
    flow.go("case", {"number": world.case.full_number})
    assert world.client.post(flow.url.replace("/style/", "/case/"), {"number": "99-99999"}).status_code == 409


def test_a_key_that_is_not_yours_or_garbage_is_not_found(world: World) -> None:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    _, other = signed_in("otherlaw", "Olga Other")
    assert other.get(flow.url).status_code == 404
    assert world.client.get("/ecf/wiwd/filing/t/garbage/case/").status_code == 404
    assert world.client.post(NOTICES, {"event": ["not-an-event"]}).status_code == 400
    assert world.client.post(NOTICES, {}).status_code == 400
    assert world.client.get("/ecf/wiwd/filing/bankruptcy/notices/").status_code == 404  # a district court
    assert world.client.get("/ecf/wiwd/filing/civil/no-such-category/").status_code == 404


def test_a_timed_out_transaction_is_void_and_its_files_are_gone(
    world: World, document_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    flow.go("upload", {"main": upload("a.pdf", pdf())})
    assert [n for n in stored_files(document_root) if n.startswith("pending/")]
    FilingTransaction.objects.update(
        started_at=timezone.now() - timedelta(hours=2), expires_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client.post(flow.url, {"modifier": "", "free": ""})
    assert response.status_code == 410
    assert "Your filing transaction has timed out" in response.content.decode()
    txn = FilingTransaction.objects.get()
    assert (txn.status, txn.answers) == (Status.EXPIRED, {})
    assert not [n for n in stored_files(document_root) if n.startswith("pending/")]
    assert DocketEntry.objects.filter(case=world.case).count() == 1


def test_the_final_post_after_the_time_limit_files_nothing(world: World) -> None:
    flow = appear_for_acme(world)
    FilingTransaction.objects.update(
        started_at=timezone.now() - timedelta(hours=2), expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert world.client.post(flow.url).status_code == 410
    assert DocketEntry.objects.filter(case=world.case).count() == 1
    assert not world.case.parties.get(name="Acme Widget Corp.").attorneys.filter(ecf_account=world.filer).exists()


def test_the_court_sets_the_time_limit(world: World) -> None:
    world.court.filing.transaction_timeout_minutes = 15
    world.court.filing.save()
    Flow(world.client).start("civil", "notices", "civil-notice-of-appearance")
    txn = FilingTransaction.objects.get()
    assert txn.expires_at - txn.started_at == timedelta(minutes=15)


def test_cancel_abandons_and_keeps_nothing(
    world: World, document_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    flow = appear_for_acme(world)
    cancel = flow.url.replace("/final/", "/cancel/")
    assert world.client.get(cancel).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client.post(cancel)
    assert response.status_code == 200
    assert "This filing transaction was cancelled" in response.content.decode()
    assert world.client.post(flow.url).status_code == 410
    assert FilingTransaction.objects.get().status == Status.ABANDONED
    assert not [n for n in stored_files(document_root) if n.startswith("pending/")]
    assert DocketEntry.objects.filter(case=world.case).count() == 1


def javascript_pdf() -> bytes:
    with new_pdf([["x"]]) as doc:
        doc.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))
        return to_bytes(doc)


def test_a_pdf_with_javascript_is_refused_at_upload_with_the_courts_message(world: World, document_root: Path) -> None:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    before = stored_files(document_root)
    response = flow.answer(
        "upload",
        {
            "main": upload("ok.pdf", pdf()),
            "attachment_1": upload("evil.pdf", javascript_pdf()),
            "description_1": "Exhibit",
        },
    )
    assert response.status_code == 400
    assert (
        "Attachment 1 (evil.pdf): Document is malformed or contains code which may cause an external action "
        "(such as launching an application). This PDF document cannot be accepted. Found: JavaScript, run when the "
        "document opens."
    ) in response.content.decode()
    assert stored_files(document_root) == before
    assert flow.step == "upload" and FilingTransaction.objects.get().answers.keys() == {
        "case",
        "style",
        "joint",
        "filer",
    }
    assert AuditEvent.objects.filter(event="filing.document_refused").count() == 1
    not_pdf = flow.answer("upload", {"main": upload("a.exe", b"MZ\x90\x00 not a pdf")})
    assert not_pdf.status_code == 400 and "does not start with %PDF-" in not_pdf.content.decode()


def test_an_attorney_not_in_the_case_must_appear_first(world: World) -> None:
    flow = Flow(world.client)
    flow.start("civil", "motions-and-related-filings", "civil-motion-to-dismiss")
    response = flow.answer("case", {"number": world.case.full_number})
    assert response.status_code == 403
    assert (
        f"Maria Attorney is not an attorney of record in case {world.case.number}. File a Notice of Appearance first"
    ) in response.content.decode()


def test_an_unknown_case_number(world: World) -> None:
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    response = flow.answer("case", {"number": "99-4242"})
    assert response.status_code == 400 and "Cannot find case 99-4242." in response.content.decode()


def test_several_cases_match_a_partial_number_and_the_filer_chooses(world: World) -> None:
    criminal = services.open_case(
        court=world.court, case_type="cr", title="United States v. Black", judge=world.case.judge, origin=TEST_ORIGIN
    )
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    typed = f"{world.case.year % 100}-1"
    choice = flow.answer("case", {"number": typed})
    assert choice.status_code == 200
    html = choice.content.decode()
    assert f"Several cases match {typed}: select the case" in html
    assert re.findall(r'<label for="case-\d+">([^<]+)</label>', html) == [
        f"{world.case.number} Smith v. Acme Widget Corp.",
        f"{criminal.number} United States v. Black",
    ]
    wrong = flow.answer("case", {"number": typed, "case_pk": criminal.pk})
    assert wrong.status_code == 400
    assert f"{criminal.number} is a criminal case: file in it from the Criminal menu." in wrong.content.decode()
    flow.go("case", {"number": typed, "case_pk": world.case.pk})
    assert flow.step == "style"


def test_garbage_answers_are_refused_and_keep_nothing(world: World) -> None:
    other = services.open_case(court=world.court, case_type="cv", title="Other v. Case", origin=TEST_ORIGIN)
    stranger = services.add_party(case=other, name="Stranger", role="plaintiff", origin=TEST_ORIGIN)
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    assert flow.answer("case", {"number": "not a number"}).status_code == 400
    assert flow.answer("case", {"number": ""}).status_code == 400
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    assert flow.answer("joint", {"joint": "perhaps"}).status_code == 400
    flow.go("joint", {"joint": "no"})
    assert flow.answer("filer", {"party": [stranger.pk, "x"]}).status_code == 400  # another case's party
    assert flow.answer("filer", {"new_name": "Someone", "new_role": "king"}).status_code == 400
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    main = upload("m.pdf", pdf())
    assert flow.answer("upload", {}).status_code == 400
    no_label = flow.answer("upload", {"main": main, "attachment_1": upload("a.pdf", pdf())})
    assert "Attachment 1: give it a category or a description." in no_label.content.decode()
    bad_category = flow.answer(
        "upload", {"main": upload("m.pdf", pdf()), "attachment_1": upload("a.pdf", pdf()), "category_1": "Bribe"}
    )
    assert "Attachment 1: choose a category from the list." in bad_category.content.decode()
    flow.go("upload", {"main": upload("m.pdf", pdf())})
    assert flow.answer("text", {"modifier": "Sneaky"}).status_code == 400
    assert flow.answer("text", {"modifier": "", "free": "x" * 1001}).status_code == 400
    txn = FilingTransaction.objects.get()
    assert set(txn.answers) == {"case", "style", "joint", "filer", "upload"}
    assert txn.answers["filer"] == {
        "party_ids": [world.case.parties.get(name="Acme Widget Corp.").pk],
        "new_party": None,
    }


def test_a_pdf_over_the_courts_limit_is_refused_by_its_size(world: World, document_root: Path) -> None:
    world.court.filing.pdf_size_limit_mb = 1
    world.court.filing.save()
    flow = Flow(world.client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    big = pdf() + b"%" + b"x" * (2 * 1024 * 1024)
    response = flow.answer("upload", {"main": upload("big.pdf", big)})
    assert response.status_code == 400
    assert (
        "The main document (big.pdf): The document is 2.0 MB and this court accepts PDF documents of up to 1 MB. "
        "This PDF document cannot be accepted."
    ) in response.content.decode()
    assert not [n for n in stored_files(document_root) if n.startswith("pending/")]
