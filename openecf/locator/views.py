"""The PACER Case Locator's search page: the API's search, for a person, billed alike per results page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openecf.accounts.models import PacerAccount
from openecf.audit.context import Origin
from openecf.billing import services as billing
from openecf.locator import search
from openecf.locator.api import client_code_of
from openecf.locator.forms import LocatorForm

_FIELDS = ("case_number", "last_name", "first_name", "court", "case_type", "filed_from", "filed_to")


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    account = request.user
    asked = any(request.GET.get(name) for name in _FIELDS)
    form = LocatorForm(request.GET if asked else None)
    context: dict[str, object] = {"form": form, "asked": asked}
    status = 200
    if asked and isinstance(account, PacerAccount):
        status = 400
        if form.is_valid():
            page_text = request.GET.get("page", "1")
            number = int(page_text) - 1 if page_text.isdigit() and 0 < int(page_text) < 100000 else 0
            try:
                criteria = search.case_criteria(form.body())
                client_code = client_code_of(request)
                billing.check_client_code(account=account, court=None, client_code=client_code)
            except search.InvalidSearch as invalid:
                form.add_error(None, invalid.message)
            except billing.ClientCodeRequired as refused:
                form.add_error(None, refused.message)
            else:
                status = 200
                page = search.page_of(search.find_cases(criteria), number)
                if not page.items and page.number > 0:
                    page = search.page_of(search.find_cases(criteria), 0)
                context["page"] = page
                context["charge"] = billing.charge(
                    account=account,
                    court=None,
                    description="Case Search",
                    criteria=criteria.summary(),
                    pages=1,
                    case_specific=False,
                    client_code=client_code,
                    origin=Origin.of(request),
                    matched=page.total > 0,
                )
                query = request.GET.copy()
                query.pop("page", None)
                context["query"] = query.urlencode()
    return render(request, "locator/search.html", context, status=status)
