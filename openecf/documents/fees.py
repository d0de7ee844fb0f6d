"""What a document costs: the receipt shown before "View Document" (a quote) and the charge made when it is
accepted (got_receipt=1). Both come from the same rules (openecf/billing), so the receipt a user accepts shows
what the ledger then holds: description Image{entry}-{attachment}, the case number, the pages capped at 30; a
written opinion at no cost."""

from __future__ import annotations

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import services as billing
from openecf.billing.models import Charge, Waiver
from openecf.cases.models import Document


def description(document: Document) -> str:
    number = document.entry.number
    return f"Image{number if number is not None else ''}-{document.attachment_number}"


def waiver(document: Document) -> Waiver:
    """A judge's written opinion is free to everyone (CASES.md, "PACER fees"); other documents are charged."""
    return Waiver.OPINION if document.entry.written_opinion else Waiver.NONE


def quote(*, account: PacerAccount, document: Document, client_code: str) -> Charge:
    """The charge accepting would make, unsaved, for the receipt page. Raises billing.ClientCodeRequired."""
    case = document.entry.case
    return billing.quote(
        account=account,
        court=case.court,
        description=description(document),
        criteria=case.number,
        pages=document.page_count,
        case_specific=True,
        client_code=client_code,
        free=waiver(document),
    )


def charge(*, account: PacerAccount, document: Document, client_code: str, origin: Origin) -> Charge:
    """One view of the document on the ledger. Raises billing.ClientCodeRequired (nothing written)."""
    case = document.entry.case
    return billing.charge(
        account=account,
        court=case.court,
        description=description(document),
        criteria=case.number,
        pages=document.page_count,
        case_specific=True,
        client_code=client_code,
        origin=origin,
        free=waiver(document),
    )
