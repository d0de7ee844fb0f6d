"""Which document an address names, and which page of it doc1 answers with.

A PACER document id is the court's three-digit prefix, a fourth digit, and a serial (10 to 12 digits in all). The
fourth digit 0 asks for the attachment menu when the id names a main document with attachments; 1 skips the menu
(juriscraper and NEF links set it); anything else names nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openecf.cases.models import Document
from openecf.cases.selectors import document_by_id
from openecf.courts.models import Court

_DOC_ID = re.compile(r"^[0-9]{3}[01][0-9]{6,8}$")
# show_case_doc?{document number},{caseid},{attachment number},... as dockets of some courts (nyed) link and
# juriscraper's ShowCaseDocApi asks; the trailing fields are empty or ignored.
_SHOW_CASE_DOC = re.compile(r"^(?P<number>[0-9]{1,9}),(?P<caseid>[0-9]{1,18}),(?P<attachment>[0-9]{0,4})(?:,[^,]*)*$")


def document_named(court: Court, doc_id: str) -> Document | None:
    """The court's document a doc1 id names; None for anything that is not a document id of this court."""
    if not _DOC_ID.match(doc_id):
        return None
    return document_by_id(court, doc_id)


def wants_attachment_menu(doc_id: str, document: Document) -> bool:
    """Fourth digit 0, the entry's main document, and attachments to choose from: the Document Selection Menu."""
    if doc_id[3] != "0" or document.attachment_number != 0:
        return False
    return document.entry.documents.exclude(pk=document.pk).exists()


def entry_documents(document: Document) -> list[Document]:
    """The main document and its attachments, in attachment order."""
    return list(document.entry.documents.order_by("attachment_number"))


@dataclass(frozen=True)
class ShowCaseDoc:
    number: int
    caseid: int
    attachment: int  # 0: the main document


def parse_show_case_doc(query: str) -> ShowCaseDoc | None:
    """The fields of a show_case_doc query string; None for one that does not hold them."""
    match = _SHOW_CASE_DOC.match(query)
    if match is None:
        return None
    attachment = match.group("attachment")
    return ShowCaseDoc(int(match.group("number")), int(match.group("caseid")), int(attachment) if attachment else 0)


def document_at(court: Court, asked: ShowCaseDoc) -> Document | None:
    return (
        Document.objects.filter(
            court=court,
            entry__case__caseid=asked.caseid,
            entry__number=asked.number,
            attachment_number=asked.attachment,
        )
        .select_related("entry__case__judge", "entry__case__court")
        .first()
    )
