"""The PCL batch API as pacersdk 0.1.1 calls it, for cases and for parties alike:

    POST   {base}/pcl-public-api/rest/{cases|parties}/download                 submit: ReportInfo
    GET    {base}/pcl-public-api/rest/{cases|parties}/download/status/{id}     ReportList of that one report
    GET    {base}/pcl-public-api/rest/{cases|parties}/download/{id}            the records, billed the first time
    GET    {base}/pcl-public-api/rest/{cases|parties}/reports                  ReportList of the account's reports
    DELETE {base}/pcl-public-api/rest/{cases|parties}/reports/{id}             204

401 without a live token; 406 with ``{"message": ...}`` for criteria that cannot be searched or a refused batch;
404 with ``{"message": ...}`` for a report that is not the account's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import services as billing
from openecf.locator import batch, results, search
from openecf.locator.api import client_code_of, message, parsed, signed_on
from openecf.locator.models import SearchType

_TYPES = {"cases": SearchType.CASE, "parties": SearchType.PARTY}
_PARSE = {SearchType.CASE: search.case_criteria, SearchType.PARTY: search.party_criteria}
_SHAPE: dict[SearchType, Callable[[HttpRequest, Any], dict[str, Any]]] = {
    SearchType.CASE: results.court_case,
    SearchType.PARTY: results.party,
}
NO_SUCH_REPORT = "No such report."


def _list(content: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "pageInfo": {
            "number": 0,
            "size": len(content),
            "totalPages": 1,
            "totalElements": len(content),
            "numberOfElements": len(content),
            "first": True,
            "last": True,
        },
        "receipt": None,
        "content": content,
    }


@csrf_exempt
@require_POST
@signed_on
def submit(request: HttpRequest, account: PacerAccount, kind: str) -> HttpResponse:
    search_type = _TYPES[kind]
    criteria = parsed(request, _PARSE[search_type])
    if isinstance(criteria, JsonResponse):
        return criteria
    try:
        billing.check_client_code(account=account, court=None, client_code=client_code_of(request))
        report = batch.submit(account=account, search_type=search_type, criteria=criteria)
    except (billing.ClientCodeRequired, batch.BatchRefused) as refused:
        return message(406, refused.message)
    return JsonResponse(batch.report_info(report))


@csrf_exempt
@require_GET
@signed_on
def status(request: HttpRequest, account: PacerAccount, kind: str, report_id: str) -> HttpResponse:
    report = batch.report_of(account=account, search_type=_TYPES[kind], report_id=report_id)
    if report is None:
        return message(404, NO_SUCH_REPORT)
    return JsonResponse(_list([batch.report_info(report)]))


@csrf_exempt
@require_GET
@signed_on
def download(request: HttpRequest, account: PacerAccount, kind: str, report_id: str) -> HttpResponse:
    search_type = _TYPES[kind]
    report = batch.report_of(account=account, search_type=search_type, report_id=report_id)
    if report is None:
        return message(404, NO_SUCH_REPORT)
    try:
        done = batch.download(report=report, client_code=client_code_of(request), origin=Origin.of(request))
    except billing.ClientCodeRequired as refused:
        return message(406, refused.message)
    content = [_SHAPE[search_type](request, record) for record in done.records]
    charge = done.report.charge
    assert charge is not None  # download() charged it, now or at the first download
    answer = _list(content)
    answer["receipt"] = results.receipt(charge, account)
    return JsonResponse(answer)


@csrf_exempt
@require_GET
@signed_on
def reports(request: HttpRequest, account: PacerAccount, kind: str) -> HttpResponse:
    found = batch.reports_of(account=account, search_type=_TYPES[kind])
    return JsonResponse(_list([batch.report_info(report) for report in found]))


@csrf_exempt
@require_http_methods(["DELETE"])
@signed_on
def delete(request: HttpRequest, account: PacerAccount, kind: str, report_id: str) -> HttpResponse:
    report = batch.report_of(account=account, search_type=_TYPES[kind], report_id=report_id)
    if report is None:
        return message(404, NO_SUCH_REPORT)
    batch.delete(report=report)
    return HttpResponse(status=204)
