"""The reads behind the court-wide reports: the RSS feed, Written Opinions, Civil and Criminal Cases, Docket
Activity, and a bankruptcy case's Claims Register.

Each is a fixed number of queries, whatever it finds, and at most ``LIST_LIMIT`` rows (a wider search is asked to
narrow). Sealed matter is left to openecf/cases/visibility.py: the views drop what the visitor may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from django.db.models import Prefetch, Q, QuerySet

from openecf.cases.models import Case, CaseType, Claim, DocketEntry, Document, Party, PartyRole
from openecf.courts.models import Court

LIST_LIMIT = 500  # rows a report shows; a search finding more says so and asks for a narrower one
FEED_ITEMS = 100  # the RSS feed's most recent entries
SHORT_DESCRIPTION_MAX = 80


def _documents() -> Prefetch:
    return Prefetch("documents", queryset=Document.objects.order_by("attachment_number"))


def main_document(entry: DocketEntry) -> Document | None:
    """The entry's main document, from its prefetched documents."""
    return next((d for d in entry.documents.all() if d.attachment_number == 0), None)


def short_description(entry: DocketEntry) -> str:
    """The entry's short description (the RSS feed's "[...]"): its main document's description, else its text's
    first sentence, shortened. Brackets become parentheses: clients read the description up to the first "]"."""
    main = main_document(entry)
    text = main.description if main is not None and main.description else entry.text.split(". ", 1)[0].rstrip(".")
    if len(text) > SHORT_DESCRIPTION_MAX:
        text = text[: SHORT_DESCRIPTION_MAX - 3].rstrip() + "..."
    return " ".join(text.replace("[", "(").replace("]", ")").split())


def recent_entries(court: Court) -> list[DocketEntry]:
    """The court's most recently entered docket entries, newest first, for its RSS feed. The feed is anonymous,
    and visibility.case_verdict refuses every sealed case to a visitor who is no one's participant: those cases'
    entries are left out here, in the query."""
    entries = (
        DocketEntry.objects.filter(case__court=court, case__sealed=False)
        .select_related("case__judge")
        .prefetch_related(_documents())
        .order_by("-entered_at", "-id")[:FEED_ITEMS]
    )
    return list(entries)


def trustees(cases: list[Case]) -> dict[int, str]:
    """Each bankruptcy case's trustee (its first active trustee party), by case id."""
    names: dict[int, str] = {}
    found = Party.objects.filter(
        case__in=[c for c in cases if c.case_type == CaseType.BANKRUPTCY],
        role=PartyRole.TRUSTEE,
        date_terminated__isnull=True,
    ).order_by("added_at", "id")
    for party in found:
        names.setdefault(party.case_id, party.name)
    return names


def _day_range(field: str, start: date | None, end: date | None, zone: tzinfo) -> Q:
    """A date range on a date field, or on a timestamp read as days in the court's time zone."""
    q = Q()
    if field.endswith("_at"):
        if start is not None:
            q &= Q(**{f"{field}__gte": datetime.combine(start, time(), tzinfo=zone)})
        if end is not None:
            day_after = datetime.combine(end + timedelta(days=1), time(), tzinfo=zone)
            q &= Q(**{f"{field}__lt": day_after})
        return q
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lte": end})
    return q


def written_opinions(
    court: Court, *, filed_from: date | None, filed_to: date | None, case_type: str, by_case_number: bool
) -> list[DocketEntry]:
    """The court's written opinions filed in the range (all case types, or one)."""
    entries = DocketEntry.objects.filter(
        _day_range("filed_on", filed_from, filed_to, court.zone), case__court=court, written_opinion=True
    )
    if case_type:
        entries = entries.filter(case__case_type=case_type)
    order = (
        ("case__year", "case__case_type", "case__serial", "filed_on", "de_seq_num")
        if by_case_number
        else ("filed_on", "case__year", "case__serial", "de_seq_num")
    )
    return list(entries.select_related("case__judge").prefetch_related(_documents()).order_by(*order)[: LIST_LIMIT + 1])


@dataclass(frozen=True)
class CaseCriteria:
    case_type: str  # cv or cr
    date_type: str  # "filed" or "terminated"
    date_from: date | None
    date_to: date | None
    office: int | None
    nature_of_suit: str  # civil: the code the nature of suit starts with ("440"), or ""


def cases_filed(court: Court, criteria: CaseCriteria) -> list[Case]:
    """Civil or Criminal Cases: the court's cases of that type filed (or terminated) in the range."""
    field = "date_terminated" if criteria.date_type == "terminated" else "date_filed"
    cases = Case.objects.filter(
        _day_range(field, criteria.date_from, criteria.date_to, court.zone),
        court=court,
        case_type=criteria.case_type,
    )
    if criteria.date_type == "terminated":
        cases = cases.filter(date_terminated__isnull=False)
    if criteria.office is not None:
        cases = cases.filter(office=criteria.office)
    if criteria.nature_of_suit:
        cases = cases.filter(nature_of_suit__startswith=criteria.nature_of_suit)
    return list(cases.select_related("judge").order_by(field, "year", "serial")[: LIST_LIMIT + 1])


@dataclass(frozen=True)
class ActivityCriteria:
    date_type: str  # "filed" or "entered"
    date_from: date | None
    date_to: date | None
    case_type: str  # "" for every type
    event: str  # the event's name, which the docket text starts with ("MOTION", "ORDER"), or ""


def docket_activity(court: Court, criteria: ActivityCriteria) -> QuerySet[DocketEntry]:
    field = "entered_at" if criteria.date_type == "entered" else "filed_on"
    entries = DocketEntry.objects.filter(
        _day_range(field, criteria.date_from, criteria.date_to, court.zone), case__court=court
    )
    if criteria.case_type:
        entries = entries.filter(case__case_type=criteria.case_type)
    if criteria.event:
        entries = entries.filter(text__istartswith=criteria.event)
    order = "entered_at" if field == "entered_at" else "filed_on"
    return (
        entries.select_related("case__judge")
        .prefetch_related(_documents())
        .order_by(order, "case__year", "case__serial", "de_seq_num")[: LIST_LIMIT + 1]
    )


def claims(case: Case, *, date_type: str, date_from: date | None, date_to: date | None) -> list[Claim]:
    """The case's claims filed (or entered) in the range, by claim number."""
    field = "entered_at" if date_type == "entered" else "filed_on"
    found = case.claims.filter(_day_range(field, date_from, date_to, case.court.zone))
    return list(found.order_by("number")[: LIST_LIMIT + 1])
