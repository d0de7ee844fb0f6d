"""PCL batch searches (pacersdk 0.1.1's BatchCaseService and BatchPartyService): submit a search, read its status,
download its results, list and delete reports.

The search runs when submitted and its results are kept as they were then (a report, like PCL's, does not change
as cases are filed). Downloading is what is billed: the first download of a report costs a page per 54 records
(one page when none was found), with no cap, as PCL's searches; later downloads of the same report show that
receipt again and cost nothing (docs/decisions.md, "PCL batch searches")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import fees
from openecf.billing import services as billing
from openecf.cases.models import Case, Party
from openecf.locator import search
from openecf.locator.models import BatchReport, SearchType

MAX_RECORDS = 100_000  # a batch larger than this is refused: narrow the search
MAX_REPORTS = 100  # reports one account keeps at once; delete old ones to submit more
DESCRIPTIONS = {SearchType.CASE: "Batch Case Search", SearchType.PARTY: "Batch Party Search"}


class BatchRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _iso(moment: Any) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def pages_of(report: BatchReport) -> int:
    return max(1, -(-report.record_count // search.PAGE_SIZE))


def submit(*, account: PacerAccount, search_type: SearchType, criteria: search.Criteria) -> BatchReport:
    """Run the search now and keep its results as a report of the account's. Nothing is charged until download."""
    found = search.find_cases(criteria) if search_type == SearchType.CASE else search.find_parties(criteria)
    ids = list(found.values_list("pk", flat=True)[: MAX_RECORDS + 1])
    if len(ids) > MAX_RECORDS:
        raise BatchRefused(f"The search found more than {MAX_RECORDS:,} records: narrow it.")
    with transaction.atomic():
        # Locking the account's row serialises one account's submissions, so the cap holds under concurrency.
        PacerAccount.objects.select_for_update().filter(pk=account.pk).first()
        if BatchReport.objects.filter(account=account).count() >= MAX_REPORTS:
            raise BatchRefused(f"You have {MAX_REPORTS} reports: delete some before submitting another.")
        now = timezone.now()
        return BatchReport.objects.create(
            account=account,
            search_type=search_type,
            case_criteria=criteria.case,
            party_criteria=criteria.party,
            criteria_summary=criteria.summary(),
            record_ids=ids,
            record_count=len(ids),
            started_at=now,
            ended_at=now,
        )


def report_of(*, account: PacerAccount, search_type: SearchType, report_id: str) -> BatchReport | None:
    """The account's own report of that type, or None (another account's report is as absent as a missing one)."""
    if not report_id.isdigit() or len(report_id) > 18:
        return None
    return BatchReport.objects.filter(pk=int(report_id), account=account, search_type=search_type).first()


def reports_of(*, account: PacerAccount, search_type: SearchType) -> list[BatchReport]:
    return list(BatchReport.objects.filter(account=account, search_type=search_type).select_related("charge"))


@dataclass(frozen=True)
class Downloaded:
    report: BatchReport
    records: list[Any]


def download(*, report: BatchReport, client_code: str, origin: Origin) -> Downloaded:
    """The report's records, charging its first download (ClientCodeRequired when one is needed and missing)."""
    with transaction.atomic():
        report = BatchReport.objects.select_for_update().select_related("account").get(pk=report.pk)
        if report.charge_id is None:
            report.charge = billing.charge(
                account=report.account,
                court=None,
                description=DESCRIPTIONS[SearchType(report.search_type)],
                criteria=report.criteria_summary,
                pages=pages_of(report),
                case_specific=False,
                client_code=client_code,
                origin=origin,
                matched=report.record_count > 0,
            )
            report.save(update_fields=["charge"])
    return Downloaded(report=report, records=_records(report))


def delete(*, report: BatchReport) -> None:
    """Its charge stays on the ledger; only the kept results go."""
    BatchReport.objects.filter(pk=report.pk).delete()


def _records(report: BatchReport) -> list[Any]:
    ids: list[int] = report.record_ids
    if report.search_type == SearchType.CASE:
        found: dict[int, Any] = Case.objects.select_related("court", "judge").in_bulk(ids)
    else:
        found = Party.objects.select_related("case__court", "case__judge").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def _nested(top: dict[str, Any], key: str, inner: dict[str, Any]) -> dict[str, Any]:
    """The criteria as they were sent: a case search's ``party`` object, a party search's ``courtCase``."""
    return {**top, key: inner} if inner else dict(top)


def report_info(report: BatchReport) -> dict[str, Any]:
    """One report as pacersdk 0.1.1's ReportInfo has it."""
    pages = pages_of(report)
    is_case = report.search_type == SearchType.CASE
    return {
        "reportId": report.pk,
        "status": report.status,
        "startTime": _iso(report.started_at),
        "endTime": _iso(report.ended_at),
        "recordCount": report.record_count,
        "unbilledPageCount": 0 if report.charge_id else pages,
        "downloadFee": fees.cost_cents(pages, capped=False) / 100,
        "pages": pages,
        "criteria": None,
        "caseCriteria": _nested(report.case_criteria, "party", report.party_criteria) if is_case else None,
        "partyCriteria": None if is_case else _nested(report.party_criteria, "courtCase", report.case_criteria),
        "searchType": report.search_type,
        "sort": [],
    }
