"""Helpers shared by the report tests: a docket of any size built in a few statements, and the Transaction Receipt
read back from a page as a client reads it."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from typing import Any

from django.db.models import Max
from django.utils import timezone
from lxml import html as lxml_html  # type: ignore[import-untyped]

from openecf.billing.models import Charge
from openecf.cases.docketing import Upload
from openecf.cases.models import Case, DocketEntry, Document, DocumentAccess
from openecf.cases.pdfmake import make_pdf


def bulk_docket(case: Case, count: int, *, text: str = "MOTION to Compel by John Smith.", attachments: int = 1) -> None:
    """``count`` more entries, each with a main document and ``attachments`` attachments, with bulk_create: a
    docket of 10,000 entries in seconds. The PDFs are not stored (no report opens them)."""
    start = (case.entries.aggregate(last=Max("de_seq_num"))["last"] or 0) + 1
    first_number = (case.entries.aggregate(last=Max("number"))["last"] or 0) + 1
    now = timezone.now()
    entries = DocketEntry.objects.bulk_create(
        DocketEntry(
            case=case,
            number=first_number + n,
            de_seq_num=start + n,
            filed_on=date(2024, 1, 1) + timedelta(days=n % 365),
            entered_at=now,
            text=f"{text} ({n})",
        )
        for n in range(count)
    )
    serial = Document.objects.filter(court_id=case.court_id).count()
    documents = []
    for entry in entries:
        for attachment in range(attachments + 1):
            serial += 1
            documents.append(
                Document(
                    entry=entry,
                    court_id=case.court_id,
                    attachment_number=attachment,
                    description="Exhibit" if attachment else "Motion",
                    pacer_doc_id=f"9990{serial:08d}",
                    file=f"bulk/{serial}.pdf",
                    page_count=1,
                    size=1000,
                    sha256="0" * 64,
                    access=DocumentAccess.PUBLIC,
                )
            )
    Document.objects.bulk_create(documents, batch_size=2000)


RECEIPT_XPATH = '//div[@id="cmecfMainContent"]/center[last()]'


def receipt_of(page: str) -> dict[str, str]:
    """The Transaction Receipt's fields as the page shows them ("Description" -> "Docket Report"...), read from the
    last ``center`` of the content division, which must also be the division's last element: the receipt ends the
    page."""
    tree = lxml_html.fromstring(page)
    (main,) = tree.xpath('//div[@id="cmecfMainContent"]')
    last = main[-1]
    assert last.tag == "center", "the receipt is the content's last block"
    assert last.xpath(".//th[contains(., 'Transaction Receipt')]")
    fields: dict[str, str] = {"when": last.xpath(".//tr[td[@colspan]]/td")[0].text_content().strip()}
    for row in last.xpath(".//tr[th and td]"):
        cells = row.xpath("./th|./td")
        for label, value in zip(cells[::2], cells[1::2], strict=True):
            fields[label.text_content().strip().rstrip(":")] = value.text_content().strip()
    return fields


def has_receipt(page: str) -> bool:
    return "Transaction Receipt" in page


def receipt_matches(page: str, charge: Charge, *, criteria_label: str = "Search Criteria") -> None:
    """The receipt shows exactly the ledger's Charge: login, client code, description, criteria, pages, cost."""
    zone = charge.court.zone if charge.court is not None else UTC
    assert receipt_of(page) == {
        "when": charge.created_at.astimezone(zone).strftime("%m/%d/%Y %H:%M:%S"),
        "PACER Login": charge.account.username,
        "Client Code": charge.client_code,
        "Description": charge.description,
        criteria_label: charge.criteria,
        "Billable Pages": str(charge.pages),
        "Cost": f"{charge.cost_cents // 100}.{charge.cost_cents % 100:02d}",
    }


def text_bytes_before_receipt(page: str) -> int:
    """Extracted data measured independently of billed_pages: the content division's text nodes, the receipt's
    block removed, joined by single spaces, in UTF-8 bytes."""
    tree = lxml_html.fromstring(page)
    (main,) = tree.xpath('//div[@id="cmecfMainContent"]')
    main.remove(main[-1])
    words: list[Any] = " ".join(main.itertext()).split()
    return len(" ".join(words).encode("utf-8"))


def pdf(title: str) -> Upload:
    """A one-page PDF showing its title, to file with the title as its description."""
    return Upload(make_pdf([[title]]), f"{title}.pdf", title)
