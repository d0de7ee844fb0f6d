"""The PCL JSON API as pacersdk 0.1.1 calls it: POST {base}/pcl-public-api/rest/cases/find?page=N and
/parties/find?page=N, the sign-on token in X-NEXT-GEN-CSO, the client code in X-CLIENT-CODE (else the token's).

401: no live token (sign on again); 406: criteria that cannot be searched, ``{"message": ...}``; 204: a page past
the last one. Each results page is one billable page, with no cap; a search that finds nothing costs one page
too (billing.charge)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import services as billing
from openecf.locator import results, search
from openecf.signon import services as signon

CLIENT_CODE_HEADER = "HTTP_X_CLIENT_CODE"
MAX_BODY = 64 * 1024


def message(status: int, text: str) -> JsonResponse:
    return JsonResponse({"message": text}, status=status)


def client_code_of(request: HttpRequest) -> str:
    if CLIENT_CODE_HEADER in request.META:
        return request.META[CLIENT_CODE_HEADER].strip()[:32]
    return signon.client_code(request)


def signed_on(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view runs with the PACER account whose live token came in X-NEXT-GEN-CSO (its second argument); without
    one the answer is 401, "sign on again" to pacersdk."""

    @functools.wraps(view)
    def with_account(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        account = request.user
        if getattr(request, "cso_token", None) is None or not isinstance(account, PacerAccount):
            return message(401, "Not signed on: send a live PACER token in X-NEXT-GEN-CSO.")
        return view(request, account, *args, **kwargs)

    return with_account


def parsed(request: HttpRequest, parse: Callable[[Any], search.Criteria]) -> search.Criteria | JsonResponse:
    """The request's criteria, or the 406 that says why they cannot be searched."""
    if len(request.body) > MAX_BODY:
        return message(406, "The search is too large.")
    try:
        return parse(json.loads(request.body or b"{}"))
    except (ValueError, UnicodeDecodeError):
        return message(406, "The search must be a JSON object.")
    except search.InvalidSearch as invalid:
        return message(406, invalid.message)


def _find(
    request: HttpRequest,
    account: PacerAccount,
    *,
    parse: Callable[[Any], search.Criteria],
    find: Callable[[search.Criteria], Any],
    shape: Callable[[HttpRequest, Any], dict[str, Any]],
    description: str,
) -> HttpResponse:
    page_text = request.GET.get("page", "0")
    if not page_text.isdigit() or len(page_text) > 6:
        return message(406, "page must be a whole number from 0.")
    criteria = parsed(request, parse)
    if isinstance(criteria, JsonResponse):
        return criteria
    client_code = client_code_of(request)
    try:
        billing.check_client_code(account=account, court=None, client_code=client_code)
    except billing.ClientCodeRequired as refused:
        return message(406, refused.message)
    page = search.page_of(find(criteria), int(page_text))
    if not page.items and (page.total or page.number > 0):
        return HttpResponse(status=204)
    charge = billing.charge(
        account=account,
        court=None,
        description=description,
        criteria=criteria.summary(),
        pages=1,
        case_specific=False,
        client_code=client_code,
        origin=Origin.of(request),
        matched=page.total > 0,
    )
    return JsonResponse(
        {
            "receipt": results.receipt(charge, account),
            "pageInfo": page.info(),
            "content": [shape(request, item) for item in page.items],
        }
    )


@csrf_exempt
@require_POST
@signed_on
def cases_find(request: HttpRequest, account: PacerAccount) -> HttpResponse:
    return _find(
        request,
        account,
        parse=search.case_criteria,
        find=search.find_cases,
        shape=results.court_case,
        description="Case Search",
    )


@csrf_exempt
@require_POST
@signed_on
def parties_find(request: HttpRequest, account: PacerAccount) -> HttpResponse:
    return _find(
        request,
        account,
        parse=search.party_criteria,
        find=search.find_parties,
        shape=results.party,
        description="Party Search",
    )
