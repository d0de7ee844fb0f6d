"""The reads behind Query and Reports: which cases a search names, and what a case's reports show.

Each report is a fixed number of queries whatever the size of the docket (the case, its parties with their
attorneys, its entries with their documents): the page's cost grows with what it shows, never query by query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, Max, Prefetch, Q, QuerySet

from openecf.cases.models import AttorneyOfRecord, Case, CaseType, DocketEntry, Document, Party
from openecf.cases.selectors import cases_matching
from openecf.courts.models import Court

RESULTS_LIMIT = 500  # a search that names more cases shows the first ones and asks for a narrower search


def case_by_caseid_text(court: Court, text: str) -> Case | None:
    """The court's case by a caseid as a client sends it (digits, maybe with spaces); None for anything else."""
    text = (text or "").strip()
    if not text.isdigit() or len(text) > 18:
        return None
    return (
        Case.objects.filter(court=court, caseid=int(text))
        .select_related("judge", "referred_judge", "court", "lead_case__judge")
        .first()
    )


def cases_by_number(court: Court, typed: str) -> list[Case]:
    return list(cases_matching(court, typed).select_related("referred_judge", "lead_case__judge")[:RESULTS_LIMIT])


def cases_by_party(
    court: Court, *, last_name: str, first_name: str, filed_from: date | None, filed_to: date | None
) -> list[tuple[Case, Party | None]]:
    """Cases with a party whose name holds the given last (and first) name, or, without a name, every case filed
    in the range; each with the party found (None for a search by dates alone)."""
    cases = Case.objects.filter(court=court)
    if filed_from is not None:
        cases = cases.filter(date_filed__gte=filed_from)
    if filed_to is not None:
        cases = cases.filter(date_filed__lte=filed_to)
    if not last_name:
        found = cases.select_related("judge").order_by("-date_filed", "caseid")[:RESULTS_LIMIT]
        return [(case, None) for case in found]
    parties = Party.objects.filter(case__in=cases, name__icontains=last_name)
    if first_name:
        parties = parties.filter(name__icontains=first_name)
    found_parties = parties.select_related("case__judge").order_by("name", "case__caseid", "id")[:RESULTS_LIMIT]
    return [(party.case, party) for party in found_parties]


def date_of_last_filing(case: Case) -> date | None:
    last: date | None = case.entries.aggregate(last=Max("filed_on"))["last"]
    return last


def parties_with_attorneys(case: Case, *, terminated: bool) -> list[Party]:
    """The case's parties in docket order, each with its attorneys of record; terminated parties and attorneys only
    when asked for (the Docket Report's "Terminated parties" option)."""
    attorneys = AttorneyOfRecord.objects.select_related("ecf_account").order_by("added_on", "id")
    parties = case.parties.all()
    if not terminated:
        parties = parties.filter(date_terminated__isnull=True)
        attorneys = attorneys.filter(terminated_on__isnull=True)
    return list(parties.prefetch_related(Prefetch("attorneys", queryset=attorneys)).order_by("added_at", "id"))


SORTS: dict[str, tuple[Any, ...]] = {
    "oldest date first": ("filed_on", "de_seq_num"),
    "most recent date first": ("-filed_on", "-de_seq_num"),
    "document number": (F("number").asc(nulls_last=True), "de_seq_num"),
}


@dataclass(frozen=True)
class DocketOptions:
    """The Docket Report's options, as its form sends them."""

    date_range_type: str = "Filed"  # or "Entered"
    date_from: date | None = None
    date_to: date | None = None
    number_from: int | None = None
    number_to: int | None = None
    parties_and_counsel: bool = False
    terminated_parties: bool = False
    sort: str = "oldest date first"


def docket_entries(case: Case, options: DocketOptions) -> QuerySet[DocketEntry]:
    entries = case.entries.all()
    if options.date_range_type == "Entered":
        zone = case.court.zone
        if options.date_from is not None:
            entries = entries.filter(entered_at__gte=datetime.combine(options.date_from, time(), tzinfo=zone))
        if options.date_to is not None:
            next_day = options.date_to + timedelta(days=1)
            entries = entries.filter(entered_at__lt=datetime.combine(next_day, time(), tzinfo=zone))
    else:
        if options.date_from is not None:
            entries = entries.filter(filed_on__gte=options.date_from)
        if options.date_to is not None:
            entries = entries.filter(filed_on__lte=options.date_to)
    if options.number_from is not None:
        entries = entries.filter(number__gte=options.number_from)
    if options.number_to is not None:
        entries = entries.filter(number__lte=options.number_to)
    documents = Document.objects.order_by("attachment_number")
    return entries.prefetch_related(Prefetch("documents", queryset=documents)).order_by(*SORTS[options.sort])


def history_entries(case: Case, *, documents_only: bool, descending: bool) -> QuerySet[DocketEntry]:
    """History/Documents: every entry (History) or those with documents (Documents), by entry sequence."""
    entries = case.entries.all()
    if documents_only:
        entries = entries.filter(Q(documents__attachment_number=0))
    documents = Document.objects.order_by("attachment_number")
    order = "-de_seq_num" if descending else "de_seq_num"
    return entries.prefetch_related(Prefetch("documents", queryset=documents)).order_by(order)


def is_bankruptcy_case(case: Case) -> bool:
    return case.case_type in (CaseType.BANKRUPTCY, CaseType.ADVERSARY)


def attorneys_of_case(case: Case) -> list[AttorneyOfRecord]:
    """The Attorneys page: every attorney of record in the case (terminated ones too, marked), with the party
    represented, in the order they appeared; two queries' worth (one join) whatever the number."""
    return list(
        AttorneyOfRecord.objects.filter(party__case=case)
        .select_related("ecf_account", "party")
        .order_by("ecf_account__name", "ecf_account_id", "added_on", "id")
    )
