"""Docket entries and their documents: checked, stored and numbered, in one transaction with the audit event.

The docket number comes from the case row's counter, locked with SELECT ... FOR UPDATE until commit: simultaneous
filings into one case queue on that row, so numbers are consecutive with no gap (a filing that fails rolls its
number back with it) and no duplicate. PDFs are checked and written to storage before the lock is taken, so a
large upload never holds it; if the transaction then fails, the files just written are deleted again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.crypto import get_random_string

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import Case, DocketEntry, Document
from openecf.cases.pdfchecks import PdfFacts, PdfRefused, check_pdf
from openecf.cases.services import filing_settings
from openecf.cases.storage import document_storage
from openecf.cmecf.models import EcfAccount

DOCKET_TEXT_MAX = 10_000
# Serial digits in a PACER document id after the prefix and the 0: seven, as real ids have (127 0 6951218), more
# once a court passes 9,999,999 documents.
SERIAL_DIGITS = 7


@dataclass(frozen=True)
class Upload:
    """One PDF as the filer sent it: the main document first, then the attachments in order."""

    data: bytes
    filename: str = ""
    description: str = ""


class DocumentRefused(ValidationError):
    """A PDF the court does not accept; ``position`` is 0 for the main document, n for attachment n."""

    def __init__(self, refusal: PdfRefused, *, position: int) -> None:
        what = "The main document" if position == 0 else f"Attachment {position}"
        super().__init__(f"{what}: {refusal.message}")
        self.refusal = refusal
        self.position = position


def pacer_doc_id(prefix: str, serial: int) -> str:
    return f"{prefix}0{serial:0{SERIAL_DIGITS}d}"


def file_entry(
    *,
    case: Case,
    text: str,
    documents: Sequence[Upload],
    origin: Origin,
    filed_by: EcfAccount | None = None,
    numbered: bool = True,
    filed_on: date | None = None,
    actor: PacerAccount | None = None,
    written_opinion: bool = False,
) -> DocketEntry:
    """Docket an entry with its documents (the first is the main document, the rest attachments 1, 2, ...).

    ``written_opinion``: a judge's opinion the court dockets as one (Written Opinions report; free to view); only
    the court enters those, so a filer's entry (``filed_by``) is never one.

    Raises DocumentRefused naming the document and what was found, or ValidationError; nothing is kept then.
    """
    text = text.strip()
    if not text:
        raise ValidationError("The docket text must not be empty.")
    if len(text) > DOCKET_TEXT_MAX:
        raise ValidationError(f"The docket text must be at most {DOCKET_TEXT_MAX} characters.")
    if filed_by is not None and (filed_by.court_id != case.court_id or not filed_by.can_file or not filed_by.is_active):
        raise ValidationError(f"The CM/ECF account {filed_by.login} cannot file in {case.court_id} cases.")
    if written_opinion and (filed_by is not None or not documents):
        raise ValidationError("A written opinion is entered by the court, with its document.")
    if documents and not numbered:
        raise ValidationError("An entry with documents gets a docket number.")
    settings = filing_settings(case.court)
    facts = [
        _check(upload, position, settings.pdf_size_limit_bytes, settings.refuse_fillable_forms)
        for position, upload in enumerate(documents)
    ]
    stored = _store(case, documents)
    try:
        return _docket(
            case, text, documents, facts, stored, origin, filed_by, numbered, filed_on, actor, written_opinion
        )
    except BaseException:
        # The rows rolled back; the files must go too, or storage would hold documents no entry points to.
        storage = document_storage()
        for name, _ in stored:
            storage.delete(name)
        raise


def _check(upload: Upload, position: int, max_bytes: int, refuse_forms: bool) -> PdfFacts:
    try:
        return check_pdf(upload.data, max_bytes=max_bytes, refuse_forms=refuse_forms)
    except PdfRefused as refusal:
        raise DocumentRefused(refusal, position=position) from None


def _store(case: Case, documents: Sequence[Upload]) -> list[tuple[str, str]]:
    """Write each PDF to storage under a random name; returns (stored name, SHA-256) per document."""
    storage = document_storage()
    stored: list[tuple[str, str]] = []
    try:
        for upload in documents:
            digest = hashlib.sha256(upload.data).hexdigest()
            wanted = f"{case.court_id}/{case.caseid}/{digest[:16]}-{get_random_string(8).lower()}.pdf"
            stored.append((storage.save(wanted, ContentFile(upload.data)), digest))
    except BaseException:
        for name, _ in stored:
            storage.delete(name)
        raise
    return stored


def _opinion_detail(written_opinion: bool) -> dict[str, Any]:
    """The audit detail's mark of a written opinion; other entries' detail is as it always was."""
    return {"written_opinion": True} if written_opinion else {}


def _docket(
    case: Case,
    text: str,
    documents: Sequence[Upload],
    facts: list[PdfFacts],
    stored: list[tuple[str, str]],
    origin: Origin,
    filed_by: EcfAccount | None,
    numbered: bool,
    filed_on: date | None,
    actor: PacerAccount | None,
    written_opinion: bool,
) -> DocketEntry:
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        locked.last_de_seq_num += 1
        fields = ["last_de_seq_num"]
        if numbered:
            locked.last_docket_number += 1
            fields.append("last_docket_number")
        locked.save(update_fields=fields)
        entry = DocketEntry.objects.create(
            case=locked,
            number=locked.last_docket_number if numbered else None,
            de_seq_num=locked.last_de_seq_num,
            filed_on=filed_on or locked.court.local_date(),
            text=text,
            filed_by=filed_by,
            written_opinion=written_opinion,
        )
        rows = []
        if documents:
            filing = filing_settings(locked.court, lock=True)
            first = filing.last_document_serial + 1
            filing.last_document_serial += len(documents)
            filing.save(update_fields=["last_document_serial"])
            for position, (upload, fact, (name, digest)) in enumerate(zip(documents, facts, stored, strict=True)):
                rows.append(
                    Document(
                        entry=entry,
                        court=locked.court,
                        attachment_number=position,
                        description=upload.description.strip()[:300],
                        pacer_doc_id=pacer_doc_id(filing.doc_id_prefix, first + position),
                        file=name,
                        original_filename=upload.filename[:255],
                        page_count=fact.page_count,
                        size=len(upload.data),
                        sha256=digest,
                    )
                )
            Document.objects.bulk_create(rows)
        audit.record(
            event=Event.DOCKET_ENTRY_FILED,
            origin=origin,
            actor=actor,
            court=locked.court,
            ecf_account=filed_by,
            case=locked.number,
            caseid=locked.caseid,
            number=entry.number,
            de_seq_num=entry.de_seq_num,
            documents=[{"id": row.pacer_doc_id, "pages": row.page_count, "sha256": row.sha256} for row in rows],
            **_opinion_detail(written_opinion),
        )
    return entry
