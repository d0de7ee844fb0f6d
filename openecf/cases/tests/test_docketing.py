"""Docket entries with documents: numbers, PACER document ids, SHA-256, storage, refusals that keep nothing, and the
header stamp applied when a document is served with the stored file unchanged."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from django.core.exceptions import ValidationError

from conftest import TEST_ORIGIN
from openecf.audit.models import AuditEvent
from openecf.cases import selectors
from openecf.cases.docketing import DocumentRefused, Upload, file_entry
from openecf.cases.models import Case, CourtFiling, DocketEntry, Document
from openecf.cases.pdfchecks import MALFORMED
from openecf.cases.pdfmake import make_pdf, new_pdf, to_bytes
from openecf.cases.stamp import stamp

pytestmark = pytest.mark.django_db


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def header_lines(data: bytes) -> list[str]:
    """The text each page draws with Tj, read back from the content streams (the stamp is the last)."""
    lines = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            shown = [str(i.operands[0]) for i in pikepdf.parse_content_stream(page) if str(i.operator) == "Tj"]
            lines.append(shown[-1])
    return lines


def test_an_entry_with_a_main_document_and_attachments(civil_case: Case, attorney: Any, document_root: Path) -> None:
    main, exhibit = make_pdf([["Motion"], ["p2"], ["p3"]]), make_pdf([["Exhibit A"]])
    entry = file_entry(
        case=civil_case,
        text="MOTION to Dismiss by Acme Corp.",
        documents=[Upload(main, "motion.pdf"), Upload(exhibit, "a.pdf", "Exhibit A")],
        filed_by=attorney,
        origin=TEST_ORIGIN,
    )
    assert (entry.number, entry.de_seq_num, entry.filed_by) == (1, 1, attorney)
    documents = list(entry.documents.all())
    assert [(d.attachment_number, d.page_count, d.label, d.description) for d in documents] == [
        (0, 3, "1", ""),
        (1, 1, "1-1", "Exhibit A"),
    ]
    assert [d.pacer_doc_id for d in documents] == ["20500000001", "20500000002"]
    assert [d.sha256 for d in documents] == [hashlib.sha256(main).hexdigest(), hashlib.sha256(exhibit).hexdigest()]
    assert [d.file.read() for d in documents] == [main, exhibit]
    assert len(stored_files(document_root)) == 2
    event = AuditEvent.objects.get(event="docket_entry.filed")
    assert (event.ecf_account, event.detail["number"], [d["id"] for d in event.detail["documents"]]) == (
        attorney,
        1,
        ["20500000001", "20500000002"],
    )
    assert selectors.document_by_id(civil_case.court, "20510000001") == documents[0]  # a 1 skips the menu


def test_numbers_are_consecutive_and_minute_entries_are_unnumbered(civil_case: Case) -> None:
    pdf = make_pdf([["x"]])
    first = file_entry(case=civil_case, text="COMPLAINT", documents=[Upload(pdf)], origin=TEST_ORIGIN)
    minute = file_entry(
        case=civil_case, text="Minute Entry: status hearing", documents=[], numbered=False, origin=TEST_ORIGIN
    )
    second = file_entry(case=civil_case, text="ANSWER", documents=[Upload(pdf)], origin=TEST_ORIGIN)
    assert [(e.number, e.de_seq_num) for e in (first, minute, second)] == [(1, 1), (None, 2), (2, 3)]
    assert [e.text for e in selectors.docket(civil_case)] == ["COMPLAINT", "Minute Entry: status hearing", "ANSWER"]


def test_a_refused_attachment_keeps_nothing_and_names_the_attachment(civil_case: Case, document_root: Path) -> None:
    with new_pdf([["Exhibit"]]) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        hostile = to_bytes(pdf)
    with pytest.raises(DocumentRefused) as refused:
        file_entry(
            case=civil_case,
            text="MOTION",
            documents=[Upload(make_pdf([["ok"]])), Upload(hostile, "exhibit.pdf")],
            origin=TEST_ORIGIN,
        )
    assert refused.value.messages == [f"Attachment 1: {MALFORMED} Found: JavaScript, run when the document opens."]
    assert (DocketEntry.objects.count(), Document.objects.count(), stored_files(document_root)) == (0, 0, [])
    civil_case.refresh_from_db()
    assert civil_case.last_docket_number == 0


def test_the_courts_size_limit_applies(civil_case: Case) -> None:
    CourtFiling.objects.filter(court=civil_case.court).update(pdf_size_limit_mb=1)
    padding = pikepdf.Dictionary(Filler=pikepdf.String("x" * (2 * 1024 * 1024)))
    with new_pdf([["Big"]]) as pdf:
        pdf.Root.PieceInfo = pdf.make_indirect(padding)
        big = to_bytes(pdf)
    with pytest.raises(DocumentRefused) as refused:
        file_entry(case=civil_case, text="BRIEF", documents=[Upload(big)], origin=TEST_ORIGIN)
    assert refused.value.messages[0].startswith(
        "The main document: The document is 2.0 MB and this court accepts PDF documents of up to 1 MB."
    )


def test_a_failure_after_storing_deletes_the_stored_files(
    civil_case: Case, document_root: Path, monkeypatch: Any
) -> None:
    from openecf.cases import docketing

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("audit chain unavailable")

    monkeypatch.setattr(docketing.audit, "record", broken)
    with pytest.raises(RuntimeError):
        file_entry(case=civil_case, text="MOTION", documents=[Upload(make_pdf([["x"]]))], origin=TEST_ORIGIN)
    assert (DocketEntry.objects.count(), stored_files(document_root)) == (0, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [("  ", "The docket text must not be empty."), ("x" * 10_001, "The docket text must be at most 10000 characters.")],
)
def test_docket_text_is_required_and_bounded(civil_case: Case, text: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        file_entry(case=civil_case, text=text, documents=[], origin=TEST_ORIGIN)
    assert refused.value.messages == [message]


def test_the_header_stamp_is_added_when_served_and_the_stored_file_is_unchanged(civil_case: Case) -> None:
    original = make_pdf([[f"Page {n}"] for n in range(1, 6)])
    entry = file_entry(
        case=civil_case,
        text="MOTION",
        documents=[Upload(original), Upload(make_pdf([["A"]]))],
        filed_on=date(2026, 11, 30),
        origin=TEST_ORIGIN,
    )
    main, attachment = entry.documents.all()
    served = stamp(main.file.read(), case_number=civil_case.number, document=main.label, filed_on=entry.filed_on)
    assert header_lines(served) == [
        f"Case {civil_case.number} Document 1 Filed 11/30/26 Page {n} of 5" for n in range(1, 6)
    ]
    served_attachment = stamp(
        attachment.file.read(), case_number=civil_case.number, document=attachment.label, filed_on=entry.filed_on
    )
    assert header_lines(served_attachment) == [f"Case {civil_case.number} Document 1-1 Filed 11/30/26 Page 1 of 1"]
    main.file.open("rb")
    kept = main.file.read()
    assert kept == original
    assert hashlib.sha256(kept).hexdigest() == main.sha256 == hashlib.sha256(original).hexdigest()
    assert served != original
