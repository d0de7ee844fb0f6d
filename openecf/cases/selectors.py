"""Reads of cases and dockets."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from openecf.cases.models import Case, DocketEntry, Document
from openecf.cases.numbers import parse_number
from openecf.courts.models import Court


def cases_matching(court: Court, typed: str) -> QuerySet[Case]:
    """The court's cases a full or partial number names (22-123, 3:22cv123, 24-30123-HLB); several may match, as
    in CM/ECF, which then asks which one. Nothing matches text that is not a case number."""
    query = parse_number(typed)
    if query is None:
        return Case.objects.none()
    # Two-digit years: 24 is 2024 (and would be 1924 before any case of this century; CM/ECF has none such).
    found = Case.objects.filter(court=court, serial=query.serial, year__in=[1900 + query.year, 2000 + query.year])
    if query.office is not None:
        found = found.filter(office=query.office)
    if query.case_type is not None:
        found = found.filter(case_type=query.case_type)
    if query.judge is not None:
        found = found.filter(Q(judge__initials=query.judge))
    return found.select_related("judge", "court").order_by("-year", "caseid")


def case_by_caseid(court: Court, caseid: int) -> Case | None:
    return Case.objects.filter(court=court, caseid=caseid).select_related("judge", "court").first()


def docket(case: Case) -> QuerySet[DocketEntry]:
    return case.entries.prefetch_related("documents").select_related("filed_by").order_by("de_seq_num")


def document_by_id(court: Court, pacer_doc_id: str) -> Document | None:
    """A document by its PACER id; a 1 as the fourth digit (skip the attachment menu) names the same document."""
    if len(pacer_doc_id) >= 4 and pacer_doc_id[3] == "1":
        pacer_doc_id = f"{pacer_doc_id[:3]}0{pacer_doc_id[4:]}"
    return (
        Document.objects.filter(court=court, pacer_doc_id=pacer_doc_id)
        .select_related("entry__case__judge", "entry__case__court")
        .first()
    )
