"""Cases, their parties and attorneys, and their dockets; each court's filing settings and counters."""

from openecf.cases.models.cases import (
    AttorneyOfRecord,
    AttorneyRole,
    Case,
    CaseType,
    Judge,
    JudgeTitle,
    Party,
    PartyRole,
)
from openecf.cases.models.claims import Claim, ClaimStatus
from openecf.cases.models.court import CaseNumberCounter, CourtFiling
from openecf.cases.models.docket import DocketEntry, Document, DocumentAccess

__all__ = [
    "AttorneyOfRecord",
    "AttorneyRole",
    "Case",
    "CaseNumberCounter",
    "CaseType",
    "Claim",
    "ClaimStatus",
    "CourtFiling",
    "DocketEntry",
    "Document",
    "DocumentAccess",
    "Judge",
    "JudgeTitle",
    "Party",
    "PartyRole",
]
