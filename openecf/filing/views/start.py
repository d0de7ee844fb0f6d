"""A filing menu's category page (its events, several at once, with a filter box) and the Search menu's event
search; choosing events begins a filing transaction."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.cmecf.access import CourtAccess
from openecf.filing import catalog, services
from openecf.filing.catalog import Kind
from openecf.filing.views.common import filer_at_court, render_page, to_step


def _menus(access: CourtAccess) -> list[str]:
    return [label.lower() for label in access.court.filing_menus if label.lower() in catalog.CATEGORIES]


@filer_at_court
@require_http_methods(["GET", "POST"])
def category(request: HttpRequest, access: CourtAccess, menu: str, category: str) -> HttpResponse:
    label = catalog.category_label(menu, category)
    if menu not in _menus(access) or label is None:
        raise Http404("No such filing category at this court")
    events = catalog.events_in(menu, label)
    query = request.GET.get("q", "").strip()[:100]
    shown = [e for e in events if all(w in e.name.casefold() for w in query.casefold().split())]
    error = ""
    if request.method == "POST":
        codes = [code for code in request.POST.getlist("event") if code in {e.code for e in events}]
        chosen = [catalog.BY_CODE[code] for code in dict.fromkeys(codes)]
        if not chosen:
            error = "Select at least one event."
        elif any(e.kind == Kind.OPEN for e in chosen) and len(chosen) > 1:
            error = "An event that opens a case is filed by itself: select only that event."
        else:
            txn = services.start(
                court=access.court,
                ecf_account=access.filing_account,  # type: ignore[arg-type]  # can_file: there is one
                pacer=access.pacer,
                menu=menu,
                events=[e.code for e in chosen],
                origin=Origin.of(request),
            )
            return to_step(txn)
    return render_page(
        request,
        access,
        "filing/category.html",
        status=400 if error else 200,
        menu=menu,
        menu_title=menu.title(),
        label=label,
        events=shown,
        query=query,
        error=error,
    )


@filer_at_court
@require_http_methods(["GET"])
def search(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    found = catalog.search(_menus(access), query)
    return render_page(request, access, "filing/search.html", query=query, found=found, searched=bool(query))
