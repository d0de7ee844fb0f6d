"""The Notice of Electronic Filing: shown to the filer and e-mailed to the case's participants.

Built in the shape juriscraper's NotificationEmail (pacer/email.py) reads real NEFs in, which is the contract: the
table's "Case Name:" / "Case Number:" / "Document Number:" cells, "Docket Text:" in bold, "Notice has been
electronically mailed to:" followed by "name&nbsp; &nbsp; address, address" lines, the documents' stamps. Each
recipient gets a message of their own: their free-look links carry their own magic_num.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import Case, CaseType, DocketEntry, Document
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court, CourtType
from openecf.notices import mail
from openecf.notices.models import OutboxMessage
from openecf.noticing import links
from openecf.noticing.models import Delivery, EmailFormat, FreeLook
from openecf.noticing.recipients import (
    Recipient,
    case_attorneys,
    parties_represented,
    recipients_of,
    unrepresented_parties,
)

FREE_LOOK_DAYS = 15
# Real magic_nums are eight digits; ten make a guess ten thousand times harder and still read as a number.
MAGIC_NUM_LOW, MAGIC_NUM_HIGH = 10**9, 10**10 - 1
SHORT_DESCRIPTION_MAX = 80


@dataclass(frozen=True)
class Nef:
    entry: DocketEntry
    subject: str
    screen_html: str  # the NEF's body as the filer sees it on screen after the final step (an HTML fragment)
    recipients: tuple[Recipient, ...] = ()  # who was e-mailed the notice now (daily-summary readers wait)
    messages: tuple[OutboxMessage, ...] = field(default=(), repr=False)  # one per recipient, in that order


def send_nef(*, entry: DocketEntry, origin: Origin, short_description: str = "") -> Nef:
    """Inside the filing's transaction: queue the NEF to every recipient (outbox) and return the filer's copy.

    ``short_description`` is the event's name as the subject ends with it ("Notice of Appearance"); by default
    the docket text's opening words.
    """
    entry = DocketEntry.objects.select_related("case__court", "case__judge", "filed_by", "on_behalf_of").get(
        pk=entry.pk
    )
    case = entry.case
    documents = list(entry.documents.order_by("attachment_number"))
    for document in documents:
        document.entry = entry  # the links read the case through it: no query per document
    short = " ".join(short_description.split()) or default_short_description(entry.text)
    filers = [account for account in (entry.filed_by, entry.on_behalf_of) if account is not None]
    everyone = {account.pk: account for account in case_attorneys(case)}
    everyone.update({account.pk: account for account in filers if account.is_active})
    now_mailed = [
        recipient
        for recipient in recipients_of(list(everyone.values()))
        if recipient.delivery == Delivery.EACH_FILING or recipient.account in filers
    ]
    shared = _shared_context(entry, case, documents, short, now_mailed)
    with transaction.atomic():
        sender = noticing_address(case.court)
        messages = []
        screen_looks: dict[int, int] | None = None
        for recipient in now_mailed:
            looks = issue_free_looks(documents, recipient.account)
            if entry.filed_by is not None and recipient.account.pk == entry.filed_by.pk:
                screen_looks = looks
            send = mail.send if recipient.email_format == EmailFormat.TEXT else mail.send_html
            messages.append(
                send(
                    kind="nef",
                    to=list(recipient.emails),
                    context={**shared, **_links(documents, looks, shared["documents"])},
                    reference=f"docket_entry:{entry.pk}",
                    from_email=sender,
                )
            )
        audit.record(
            event=Event.NEF_QUEUED,
            origin=origin,
            court=case.court,
            ecf_account=entry.filed_by,
            case=case.number,
            caseid=case.caseid,
            de_seq_num=entry.de_seq_num,
            number=entry.number,
            recipients=[recipient.account.login for recipient in now_mailed],
        )
    screen = mail.render_html("nef", {**shared, **_links(documents, screen_looks, shared["documents"])})
    return Nef(
        entry=entry,
        subject=screen.subject,
        screen_html=screen.body,
        recipients=tuple(now_mailed),
        messages=tuple(messages),
    )


def default_short_description(text: str) -> str:
    """The docket text's opening words, up to "by", a parenthesis or a sentence's end: "MOTION to Dismiss by
    Acme Corp." gives "MOTION to Dismiss"."""
    words = " ".join(text.split())
    head = re.split(r"\s+by\s+|\s*\(|\.\s", words, maxsplit=1)[0].strip(" .,;:-") or words
    if len(head) > SHORT_DESCRIPTION_MAX:
        head = head[:SHORT_DESCRIPTION_MAX].rsplit(" ", 1)[0]
    return head


def noticing_address(court: Court) -> str:
    """The court's noticing address: ``ecf-<court>@`` the domain of DEFAULT_FROM_EMAIL, named after the court
    (docs/decisions.md)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "openecf.localhost"
    return formataddr((f"{court.short_name} CM/ECF", f"ecf-{court.pk}@{domain}"))


def issue_free_looks(documents: list[Document], account: EcfAccount) -> dict[int, int]:
    """A fresh free look at each document for this recipient: {document id: magic_num}."""
    now = timezone.now()
    looks: dict[int, int] = {}
    for document in documents:
        for _ in range(5):
            magic = MAGIC_NUM_LOW + secrets.randbelow(MAGIC_NUM_HIGH - MAGIC_NUM_LOW + 1)
            try:
                with transaction.atomic():
                    FreeLook.objects.create(
                        document=document,
                        ecf_account=account,
                        magic_num=magic,
                        created_at=now,
                        expires_at=now + timedelta(days=FREE_LOOK_DAYS),
                    )
            except IntegrityError:  # the same number drawn twice for one document: draw again
                continue
            looks[document.pk] = magic
            break
        else:
            raise RuntimeError("could not draw a free-look number")
    return looks


def _links(documents: list[Document], looks: dict[int, int] | None, rows: list[dict[str, str]]) -> dict[str, Any]:
    """The parts of the NEF that differ per recipient: the free-look links."""
    urls = [links.free_look_url(document, None if looks is None else looks[document.pk]) for document in documents]
    return {
        "main_link": urls[0] if urls else "",
        "documents": [{**row, "link": url} for row, url in zip(rows, urls, strict=True)],
    }


def _when(moment: datetime, court: Court) -> dict[str, str]:
    local = timezone.localtime(moment, court.zone)
    hour = local.hour % 12 or 12
    return {
        "date": f"{local.month}/{local.day}/{local.year}",
        "time": f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}",
        "zone": local.tzname() or court.time_zone,
    }


def stamp_line(document: Document, court: Court, filed: str) -> str:
    """CM/ECF's electronic document stamp: the court's stamp id, the date, the document's file number, and a
    digest (here the stored PDF's SHA-256, which the free look's PDF is checked against)."""
    stamp_id = int(hashlib.sha256(f"openecf-stamp:{court.pk}".encode()).hexdigest()[:8], 16) % 10**10
    serial = int(document.pacer_doc_id[4:])
    return (
        f"[STAMP {court.pk}Stamp_ID={stamp_id} [Date={filed}] "
        f"[FileNumber={serial}-{document.attachment_number}] [{document.sha256}]]"
    )


def _shared_context(
    entry: DocketEntry, case: Case, documents: list[Document], short: str, mailed: list[Recipient]
) -> dict[str, Any]:
    court = case.court
    bankruptcy = court.type == CourtType.BANKRUPTCY or case.case_type in (CaseType.BANKRUPTCY, CaseType.ADVERSARY)
    entered = _when(entry.entered_at, court)
    filed = f"{entry.filed_on.month}/{entry.filed_on.day}/{entry.filed_on.year}"
    attorney = entry.on_behalf_of or entry.filed_by
    parties = parties_represented(case, attorney) if attorney is not None else []
    filer_names = [party.name for party in parties] or ([attorney.name] if attorney is not None else [])
    if entry.filed_by is None:
        entered_by = ""
    elif entry.on_behalf_of is not None:
        entered_by = f"{entry.filed_by.name} on behalf of {entry.on_behalf_of.name}"
    else:
        entered_by = entry.filed_by.name
    descriptions = [
        document.description or ("Main Document" if document.attachment_number == 0 else "Attachment")
        for document in documents
    ]
    subject_prefix = "" if bankruptcy else "Activity in Case "
    return {
        "subject_line": f"{subject_prefix}{case.number} {case.title} {short}",
        "bankruptcy": bankruptcy,
        "court_heading": "U.S. Bankruptcy Court" if bankruptcy else "U.S. District Court",
        "court_line": f"{court.short_name} District",
        "case": case,
        "entry": entry,
        "entered_by": entered_by,
        "entered": entered,
        "filed": filed,
        "filer_names": filer_names,
        "case_url": links.docket_report_url(case),
        "documents": [
            {
                "description": description,
                "filename": document.original_filename or f"{document.pacer_doc_id}.pdf",
                "stamp": stamp_line(document, court, filed),
                "label": document.label,
            }
            for document, description in zip(documents, descriptions, strict=True)
        ],
        "mailed": [{"name": r.name, "emails": ", ".join(r.emails)} for r in mailed],
        "filer_line": ", ".join(filer_names),
        "not_mailed": [party.name for party in unrepresented_parties(case)],
    }
