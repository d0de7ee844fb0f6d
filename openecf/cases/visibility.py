"""Who may see a sealed case or a sealed or restricted document: decided here, for every path that shows one.

The rules (docs/decisions.md, "Sealed and restricted"):

- A sealed case is listed by number and title where cases are searched (Query, the Case Locator) so that a search
  is answered honestly, but its docket, history and documents are shown only to the case's participants: its
  active attorneys of record and the filing agents they have named. possible_case_numbers.pl answers others
  "Case Under Seal", as real CM/ECF does (juriscraper knows the words).
- A sealed document is listed on the docket (its entry's number, dates and text) without a link, and served to
  no one through PACER's pages, free look included: "This document is SEALED".
- A restricted document (personal identifiers, a bankruptcy debtor's Statement of Social Security Number) is
  served to the case's participants, and to the court's viewer accounts when the court allows it
  (CourtFiling.viewers_see_restricted); to others: "This document is RESTRICTED".

Every page that serves a docket or a document asks ``case_verdict`` / ``document_verdict`` first; none decides on
its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openecf.cases.models import AttorneyOfRecord, Case, CourtFiling, Document, DocumentAccess
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.models import EcfAccount, EcfRole, FilingAgent

CASE_SEALED = "This case is SEALED."
DOCUMENT_SEALED = "This document is SEALED"
DOCUMENT_RESTRICTED = "This document is RESTRICTED"


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    message: str = ""  # the court's words when not allowed


ALLOWED = Verdict(True)


def is_participant(account: EcfAccount | None, case: Case) -> bool:
    """An active attorney of record in the case, or a filing agent of one, at the case's court."""
    if account is None or not account.is_active or account.court_id != case.court_id:
        return False
    attorneys = AttorneyOfRecord.objects.filter(party__case=case, terminated_on__isnull=True)
    if attorneys.filter(ecf_account=account).exists():
        return True
    return FilingAgent.objects.filter(
        agent=account, attorney__in=attorneys.values("ecf_account"), court_id=case.court_id
    ).exists()


def case_verdict(access: CourtAccess, case: Case) -> Verdict:
    """May this visitor read the case's docket, history and documents (each document then asks on its own)?"""
    if not case.sealed or is_participant(access.filing_account, case):
        return ALLOWED
    return Verdict(False, CASE_SEALED)


def document_verdict(access: CourtAccess, document: Document) -> Verdict:
    """May this visitor be served this document (after paying for it, where it is billed)?"""
    case = document.entry.case
    if document.access == DocumentAccess.SEALED:
        return Verdict(False, DOCUMENT_SEALED)
    verdict = case_verdict(access, case)
    if not verdict.allowed:
        return verdict
    if document.access == DocumentAccess.RESTRICTED and not _may_see_restricted(access.filing_account, case):
        return Verdict(False, DOCUMENT_RESTRICTED)
    return ALLOWED


def anonymous_document_verdict(document: Document) -> Verdict:
    """The NEF's free look, which has no signed-in visitor: its recipients are the case's participants, so a
    restricted document, or one in a sealed case, may be looked at; a sealed document never."""
    if document.access == DocumentAccess.SEALED:
        return Verdict(False, DOCUMENT_SEALED)
    return ALLOWED


def _may_see_restricted(account: EcfAccount | None, case: Case) -> bool:
    if account is None:
        return False
    if is_participant(account, case):
        return True
    if account.is_active and account.role == EcfRole.VIEWER and account.court_id == case.court_id:
        return CourtFiling.objects.filter(court_id=case.court_id, viewers_see_restricted=True).exists()
    return False


def docket_links(access: CourtAccess, case: Case) -> Callable[[Document], bool]:
    """Which of a case's documents a docket or history page may link to doc1 for this visitor (the rest are listed
    without a link): the rules of ``document_verdict``, decided once per page so a docket of thousands of
    documents asks nothing per document."""
    case_allowed = case_verdict(access, case).allowed
    restricted_allowed = case_allowed and _may_see_restricted(access.filing_account, case)

    def linkable(document: Document) -> bool:
        if document.access == DocumentAccess.SEALED or not case_allowed:
            return False
        return document.access != DocumentAccess.RESTRICTED or restricted_allowed

    return linkable
