"""The browser's way to a paid document: CM/ECF answers "View Document" with a court page whose iframe loads
cgi-bin/show_temp.pl?..., the PDF it has just charged for. The address carries a signed ticket naming the charge
and the document, good for a few minutes and only for the account charged; opening it charges nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

from openecf.accounts.models import PacerAccount
from openecf.billing.models import Charge
from openecf.cases.models import Document

_SALT = "openecf.documents.show_temp"
TICKET_SECONDS = 300  # long enough for the frame to load, short enough that a copied address soon stops working


@dataclass(frozen=True)
class Ticket:
    charge_id: int
    document_id: int


def ticket_for(charge: Charge, document: Document) -> str:
    return signing.dumps([charge.pk, document.pk], salt=_SALT, compress=False)


def redeem(value: str, account: PacerAccount) -> Ticket | None:
    """The ticket, if it is genuine, fresh and the account's own charge; else None."""
    try:
        loaded = signing.loads(value, salt=_SALT, max_age=TICKET_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    if not (isinstance(loaded, list) and len(loaded) == 2 and all(isinstance(v, int) for v in loaded)):
        return None
    charge_id, document_id = loaded
    if not Charge.objects.filter(pk=charge_id, account=account).exists():
        return None
    return Ticket(charge_id, document_id)
