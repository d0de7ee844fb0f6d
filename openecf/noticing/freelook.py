"""The NEF's free look: a recipient's doc1 link opens its document once, without signing in, within 15 days.

Kept apart from the page around it: openecf/documents serves doc1, the free look among its paths.
"""

from __future__ import annotations

import logging

import pikepdf
from django.db import transaction
from django.utils import timezone

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import Document
from openecf.cases.selectors import document_by_id
from openecf.cases.stamp import stamp
from openecf.cases.visibility import anonymous_document_verdict
from openecf.courts.models import Court
from openecf.noticing.models import FreeLook
from openecf.throttle import services as throttle

log = logging.getLogger(__name__)

INVALID, USED, EXPIRED, UNREADABLE, WITHHELD = "invalid", "used", "expired", "unreadable", "withheld"


class FreeLookRefused(Exception):
    """Why a free-look link does not open its document: INVALID, USED, EXPIRED, UNREADABLE (the stored file
    cannot be read now; the link stays good), or WITHHELD (sealed since: ``message`` says so; the link stays good
    should the seal be lifted)."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() and len(value) <= 18 else None


def find(*, court: Court, doc_id: str, caseid: str | None, de_seq_num: str | None, magic_num: str | None) -> FreeLook:
    """The free look a link names; FreeLookRefused(INVALID) unless document, case, entry and number all agree."""
    magic = _number(magic_num)
    document = document_by_id(court, doc_id) if doc_id.isascii() and doc_id.isdigit() else None
    if (
        magic is None
        or document is None
        or _number(caseid) != document.entry.case.caseid
        or _number(de_seq_num) != document.entry.de_seq_num
    ):
        raise FreeLookRefused(INVALID)
    look = FreeLook.objects.filter(document=document, magic_num=magic).select_related("ecf_account").first()
    if look is None:
        raise FreeLookRefused(INVALID)
    look.document = document
    return look


def stamped_pdf(document: Document) -> bytes:
    """The stored PDF with CM/ECF's header stamp on each page (the stored bytes stay as filed)."""
    with document.file.open("rb") as stored:
        data = stored.read()
    entry = document.entry
    return stamp(data, case_number=entry.case.number, document=document.label, filed_on=entry.filed_on)


def guesses(origin: Origin) -> throttle.Attempt:
    """Links that open nothing count as guesses at a magic_num, per client address (the throttle's policy)."""
    return throttle.Attempt(target=f"free-look:{origin.ip_address or ''}", address=origin.ip_address)


def redeem(
    *, court: Court, doc_id: str, caseid: str | None, de_seq_num: str | None, magic_num: str | None, origin: Origin
) -> tuple[Document, bytes]:
    """The document and its stamped PDF, spending the link; FreeLookRefused says why not (and is audited).

    Raises throttle.Throttled, before looking, for an address that has sent too many links that open nothing."""
    attempt = guesses(origin)
    reading = throttle.check(attempt)
    try:
        look = find(court=court, doc_id=doc_id, caseid=caseid, de_seq_num=de_seq_num, magic_num=magic_num)
    except FreeLookRefused as refused:
        _refused(court, doc_id, refused.reason, origin)
        throttle.failed(attempt, origin=origin)
        raise
    # Asked before anything is spent or read: a sealed document is served to no one, free look included.
    verdict = anonymous_document_verdict(look.document)
    if not verdict.allowed:
        _refused(court, doc_id, WITHHELD, origin)
        raise FreeLookRefused(WITHHELD, verdict.message)
    now = timezone.now()
    if look.used_at is not None or look.expires_at <= now:
        reason = USED if look.used_at is not None else EXPIRED
        _refused(court, doc_id, reason, origin)
        raise FreeLookRefused(reason)
    # Stamped before the link is spent: a document that cannot be read leaves the link good for another try.
    try:
        pdf = stamped_pdf(look.document)
    except (OSError, pikepdf.PdfError):
        log.exception("free look: document %s could not be read from storage", look.document.pacer_doc_id)
        _refused(court, doc_id, UNREADABLE, origin)
        raise FreeLookRefused(UNREADABLE) from None
    with transaction.atomic():
        spent = FreeLook.objects.filter(pk=look.pk, used_at__isnull=True, expires_at__gt=now).update(used_at=now)
        if spent:
            audit.record(
                event=Event.FREE_LOOK_USED,
                origin=origin,
                court=court,
                ecf_account=look.ecf_account,
                document=look.document.pacer_doc_id,
                caseid=look.document.entry.case.caseid,
            )
    if not spent:  # another request spent it a moment ago
        _refused(court, doc_id, USED, origin)
        raise FreeLookRefused(USED)
    throttle.succeeded(attempt, reading=reading)
    return look.document, pdf


def _refused(court: Court, doc_id: str, reason: str, origin: Origin) -> None:
    with transaction.atomic():
        audit.record(event=Event.FREE_LOOK_REFUSED, origin=origin, court=court, document=doc_id[:20], reason=reason)
