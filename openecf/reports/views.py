"""Query and Reports on a court's CM/ECF site, on the paths clients hard-code (CASES.md, "Reports and queries").

Every ``.pl`` is a read: it takes multipart POSTs without a CSRF token (as juriscraper sends them) and any query
string (``?1-L_1_0-1``). Pages keep CM/ECF's structure, which clients parse (juriscraper's pacer/ parsers): see
the templates. A search or report that finds nothing answers 200 with CM/ECF's words ("Case not found."), as the
courts do, since clients read the words and stop at an HTTP error.

Fees (docs/decisions.md, "Billing report pages"): search results, the Docket Report, History/Documents and the
case's Parties and Attorneys pages are billed through ``billed_pages`` and end with their Transaction Receipt; the
option forms and the case summary are free, as are the answers that show nothing ("Case not found.", "This case
is SEALED."). A sealed case is decided by ``openecf.cases.visibility``, never here.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from openecf.cases import visibility
from openecf.cases.models import Case, CaseType, DocketEntry, Document, Party
from openecf.cases.numbers import parse_number
from openecf.cmecf.access import CourtAccess, court_access, court_access_by_id
from openecf.cmecf.views import _render, signed_in_at_court
from openecf.courts.models import Court
from openecf.reports import selectors
from openecf.reports.billed_pages import Bill, billed_page, refusal
from openecf.reports.cmecf_html import doc1_base, doc_link, mdy, params
from openecf.reports.forms import DocketReportForm, HistoryForm, QueryForm
from openecf.signon import views as signon_views
from openecf.signon.hosts import current_court_host

CASE_NOT_FOUND = "Case not found."
CASE_UNDER_SEAL = "Case Under Seal"
# Characters an XML 1.0 document cannot hold, even escaped (NUL and most C0 controls, U+FFFE, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
HISTORY_TOKENS_SESSION_KEY = "openecf.histdoc_tokens"
HISTORY_TOKENS_KEPT = 20  # forms open at once in one session; older ones expire


def _bare_query(request: HttpRequest) -> str:
    """The query string when it is a single word, not key=value pairs: CM/ECF's ``?<caseid>`` or a nonce."""
    query = request.META.get("QUERY_STRING", "")
    return "" if "=" in query else unquote(query)[:100]


# --- possible_case_numbers.pl -----------------------------------------------------------------------------------


def _case_nodes(case: Case, defendant: int | None, parties: dict[int, list[Party]]) -> list[str]:
    closed = f" (closed {mdy(case.date_terminated)})" if case.date_terminated else ""
    attrs = {"number": case.full_number, "id": str(case.caseid)}
    defendants = [p for p in parties.get(case.pk, []) if defendant is None or p.defendant_number == defendant]
    if case.case_type != CaseType.CRIMINAL or not defendants:
        return [_node({**attrs, "title": f"{case.number} {case.title}{closed}", "sortable": _sortable(case)})]
    return [
        _node(
            {
                **attrs,
                "title": f"{party.case_number} {case.title}{closed}",
                "sortable": f"{_sortable(case)}-{party.defendant_number}",
                "defendant": str(party.defendant_number),
            }
        )
        for party in defendants
    ]


def _sortable(case: Case) -> str:
    return f"{case.office}:{case.year}-{case.case_type}-{case.serial:05d}"


def _node(attrs: dict[str, str]) -> str:
    return "<case " + " ".join(f"{key}={quoteattr(_xml_text(value))}" for key, value in attrs.items()) + "/>"


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


@csrf_exempt  # a read: clients may POST (multipart, no CSRF token); the query string is what is looked up
@require_http_methods(["GET", "HEAD", "POST"])
def possible_case_numbers(request: HttpRequest, court_id: str) -> HttpResponse:
    """CM/ECF's case-number lookup (XML), as clients such as juriscraper call it: ?<case number>, full or partial."""
    access = court_access_by_id(request, court_id)
    court = access.court
    number = _xml_text(unquote(request.META.get("QUERY_STRING", "")))[:100]
    if not access.signed_in:
        body = f"<message text={quoteattr('Not logged in.  Please refresh this page.')}/>"
    else:
        found = selectors.cases_by_number(court, number)
        # Real CM/ECF answers "Case Under Seal" for a sealed case (juriscraper reads it as no case): a sealed case is
        # left out for whoever may not see it, and said so when nothing else matched.
        cases = [case for case in found if visibility.case_verdict(access, case).allowed]
        query = parse_number(number)
        defendant = query.defendant if query else None
        criminal = [case.pk for case in cases if case.case_type == CaseType.CRIMINAL]
        parties: dict[int, list[Party]] = {}
        for party in Party.objects.filter(case_id__in=criminal, defendant_number__isnull=False).order_by(
            "defendant_number"
        ):
            parties.setdefault(party.case_id, []).append(party)
        body = "".join(node for case in cases for node in _case_nodes(case, defendant, parties))
        if not body:
            words = CASE_UNDER_SEAL if len(cases) < len(found) else f"Cannot find case {number}"
            body = f"<message text={quoteattr(words)}/>"
    xml = f"<request number={quoteattr(number)}>{body}</request>"
    return HttpResponse(xml, content_type="text/xml; charset=utf-8")


# --- iquery.pl: Query -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubMenuItem:
    label: str
    url: str


SUB_PAGES = {"parties": "Party List", "attorneys": "Attorney List"}  # iquery.pl?<caseid>&<page>: receipt's words


def _sub_menu(case: Case) -> list[SubMenuItem]:
    court = case.court_id
    iquery_url = reverse("cmecf:iquery", args=[court])
    return [
        SubMenuItem("Attorneys", f"{iquery_url}?{case.caseid}&attorneys"),
        SubMenuItem("Docket Report ...", f"{reverse('cmecf:dktrpt', args=[court])}?{case.caseid}"),
        SubMenuItem("History/Documents ...", f"{reverse('cmecf:histdocqry', args=[court])}?{case.caseid}"),
        SubMenuItem("Parties", f"{iquery_url}?{case.caseid}&parties"),
    ]


def _summary_context(access: CourtAccess, case: Case) -> dict[str, Any]:
    """The summary's lines. A sealed case shows a non-participant its number and title only (as a search lists
    it) and the court's words, with no sub-menu: every report under it would answer the same."""
    if not visibility.case_verdict(access, case).allowed:
        return {"case": case, "sealed": visibility.CASE_SEALED, "sub_menu": []}
    return {
        "case": case,
        "bankruptcy": selectors.is_bankruptcy_case(case),
        "last_filing": selectors.date_of_last_filing(case),
        "sub_menu": _sub_menu(case),
    }


def _summary(request: HttpRequest, access: CourtAccess, case: Case) -> HttpResponse:
    """The case summary: free, as CM/ECF's Query summary is (docs/decisions.md, "Billing report pages")."""
    return _render(request, access, "reports/case_summary.html", **_summary_context(access, case))


def _sub_page(request: HttpRequest, access: CourtAccess, caseid: str, page: str) -> HttpResponse:
    """The summary's Parties or Attorneys page: a case-specific report, billed and capped."""
    refused = refusal(request, access)
    if refused is not None:
        return refused
    case = selectors.case_by_caseid_text(access.court, caseid)
    if case is None:
        return _not_found(request, access, "Query")
    if not visibility.case_verdict(access, case).allowed:
        return _sealed(request, access, "Query")
    context = _summary_context(access, case)
    if page == "parties":
        context["parties"] = [
            _party_view(case, party) for party in selectors.parties_with_attorneys(case, terminated=True)
        ]
    else:
        context["attorneys"] = selectors.attorneys_of_case(case)
    bill = Bill(SUB_PAGES[page], case.number, case_specific=True)
    return billed_page(request, access, "reports/case_summary.html", bill=bill, **context)


def _not_found(request: HttpRequest, access: CourtAccess, title: str) -> HttpResponse:
    return _render(request, access, "reports/not_found.html", title=title, message=CASE_NOT_FOUND)


def _sealed(request: HttpRequest, access: CourtAccess, title: str) -> HttpResponse:
    """A sealed case's report for a non-participant: the court's words, as "Case not found." is answered (200,
    which clients read), and nothing charged."""
    return _render(request, access, "reports/not_found.html", title=title, message=visibility.CASE_SEALED)


def _search_criteria(data: dict[str, Any]) -> str:
    """A search's criteria as its receipt records them, in the form's order."""
    fields = (
        ("Case Number", data.get("case_num", "").strip()),
        ("Last Name", data.get("last_name", "").strip()),
        ("First Name", data.get("first_name", "").strip()),
        ("Filed From", mdy(data.get("Qry_filed_from"))),
        ("Filed To", mdy(data.get("Qry_filed_to"))),
    )
    return " ".join(f"{label}: {value}" for label, value in fields if value)


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def iquery(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Query: the form; the case summary with its sub-menu (one case named) and its Parties and Attorneys pages;
    or the cases a search finds (billed as "Search", a search that finds nothing as one page)."""
    court = access.court
    bare = _bare_query(request)
    caseid = bare.split("&")[0]
    if caseid.isdigit():
        page = next((name for name in SUB_PAGES if name in request.GET), None)
        if page is not None:
            return _sub_page(request, access, caseid, page)
        case = selectors.case_by_caseid_text(court, caseid)
        if case is None:
            return _not_found(request, access, "Query")
        return _summary(request, access, case)
    given = params(request)
    if not any(given.get(key, "").strip() for key in QueryForm.base_fields):
        return _render(request, access, "reports/query_form.html", form=QueryForm())
    form = QueryForm(given)
    if not form.is_valid():
        return _render(request, access, "reports/query_form.html", form=form, status=400)
    data = form.cleaned_data
    if data["all_case_ids"]:
        case = selectors.case_by_caseid_text(court, data["all_case_ids"].split(",")[0])
        if case is None:
            return _not_found(request, access, "Query")
        return _summary(request, access, case)
    refused = refusal(request, access)
    if refused is not None:
        return refused
    results: list[tuple[Case, Party | None]]
    if data["case_num"]:
        cases = selectors.cases_by_number(court, data["case_num"])
        if len(cases) == 1:
            return _summary(request, access, cases[0])
        results = [(case, None) for case in cases]
    else:
        results = selectors.cases_by_party(
            court,
            last_name=data["last_name"].strip(),
            first_name=data["first_name"].strip(),
            filed_from=data["Qry_filed_from"],
            filed_to=data["Qry_filed_to"],
        )
    bill = Bill("Search", _search_criteria(data), case_specific=False, matched=bool(results))
    if not results:
        return billed_page(request, access, "reports/query_form.html", bill=bill, form=form, nothing_found=True)
    return billed_page(
        request,
        access,
        "reports/query_results.html",
        bill=bill,
        results=results,
        limited=len(results) >= selectors.RESULTS_LIMIT,
    )


# --- DktRpt.pl: the Docket Report -------------------------------------------------------------------------------


@dataclass
class PartyView:
    heading: str  # "Plaintiff", "Defendant (1)", "Debtor"
    party: Party
    terminated: str
    attorneys: list[dict[str, Any]] = field(default_factory=list)


def _party_view(case: Case, party: Party) -> PartyView:
    heading = party.get_role_display()
    if party.defendant_number:
        heading = f"{heading} ({party.defendant_number})"
    attorneys = [
        {
            "name": attorney.ecf_account.name,
            "email": attorney.ecf_account.email,
            "role": attorney.get_role_display(),
            "terminated": mdy(attorney.terminated_on),
        }
        for attorney in party.attorneys.all()
    ]
    return PartyView(heading, party, mdy(party.date_terminated), attorneys)


def _entry_rows(case: Case, entries: Any, *, zone: Any, linkable: Callable[[Document], bool]) -> list[str]:
    """The docket's rows as HTML, made here: at 10,000 entries a template loop costs several times as much. Each
    row: date filed, the number (a doc1 link with CM/ECF's goDLS onclick when there is a document the visitor may
    open: ``linkable``), the text with its attachments (linked likewise) and "(Entered: date)"."""
    base = doc1_base(case.court_id)
    rows = []
    for entry in entries:
        documents = list(entry.documents.all())
        main = next((d for d in documents if d.attachment_number == 0), None)
        number = str(entry.number) if entry.number is not None else ""
        if main is not None and number and linkable(main):
            number_html = doc_link(base, case.caseid, entry.de_seq_num, main.pacer_doc_id, number)
        else:
            number_html = escape(number)
        text: str = escape(entry.text)
        attachments = [d for d in documents if d.attachment_number]
        if attachments:
            listed = ", ".join(
                f"# {_attachment_number(base, case.caseid, entry, d, linkable)} {escape(d.description)}".rstrip()
                for d in attachments
            )
            text = f"{text} (Attachments: {listed})"
        entered = entry.entered_at.astimezone(zone).date()
        rows.append(
            f'<tr><td valign="top" width="94" nowrap>{mdy(entry.filed_on)}</td>'
            f'<td style="white-space:nowrap" valign="top" align="right">{number_html}&nbsp;</td>'
            f'<td valign="top">{text} (Entered: {mdy(entered)})</td></tr>\n'
        )
    return rows


def _attachment_number(
    base: str, caseid: int, entry: DocketEntry, document: Document, linkable: Callable[[Document], bool]
) -> str:
    number = str(document.attachment_number)
    return doc_link(base, caseid, entry.de_seq_num, document.pacer_doc_id, number) if linkable(document) else number


def _docket_criteria(case: Case, defendant: int | None, options: selectors.DocketOptions) -> str:
    """The Docket Report's criteria as CM/ECF's receipt records them (page counts are not shown on our dockets)."""
    parts = [
        f"{case.number}-{defendant}" if defendant else case.number,
        f"Fil or Ent: {options.date_range_type.lower()}",
    ]
    if options.date_from is not None:
        parts.append(f"From: {mdy(options.date_from)}")
    if options.date_to is not None:
        parts.append(f"To: {mdy(options.date_to)}")
    first = options.number_from if options.number_from is not None else 0
    last = options.number_to if options.number_to is not None else 99999999
    parts += [f"Doc From: {first}", f"Doc To: {last}"]
    parts.append(f"Term: {'included' if options.terminated_parties else 'excluded'}")
    parts += ["Format: html", "Page counts for documents: excluded"]
    return " ".join(parts)


def _docket_heading(case: Case, defendant: int | None) -> str:
    if case.case_type == CaseType.CRIMINAL:
        suffix = f"-{defendant}" if defendant else " All Defendants"
        return f"CRIMINAL DOCKET FOR CASE #: {case.number}{suffix}"
    if case.case_type == CaseType.BANKRUPTCY:
        return f"Bankruptcy Petition #: {case.number}"
    if case.case_type == CaseType.ADVERSARY:
        return f"Adversary Proceeding #: {case.number}"
    return f"CIVIL DOCKET FOR CASE #: {case.number}"


def _case_for_report(court: Any, given: QueryDict, data: dict[str, Any]) -> tuple[Case | None, int | None, bool]:
    """The case a report form names (its caseid, else its typed number) and a criminal defendant's number if the
    number named one; the last item says whether the typed number named several cases."""
    typed = data.get("case_num", "").strip()
    query = parse_number(typed) if typed else None
    defendant = query.defendant if query else None
    if data.get("all_case_ids"):
        return selectors.case_by_caseid_text(court, data["all_case_ids"].split(",")[0]), defendant, False
    if not typed:
        return None, None, False
    cases = selectors.cases_by_number(court, typed)
    if len(cases) == 1:
        return cases[0], defendant, False
    return None, None, len(cases) > 1


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def docket_report(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """The Docket Report: its form (for a case: ?<caseid>), then the report."""
    court = access.court
    bare = _bare_query(request)
    if request.method == "GET" or not any(request.POST.get(k, "").strip() for k in ("all_case_ids", "case_num")):
        case = selectors.case_by_caseid_text(court, bare) if bare else None
        if bare and bare.isdigit() and case is None:
            return _not_found(request, access, "Docket Report")
        if case is not None and not visibility.case_verdict(access, case).allowed:
            return _sealed(request, access, "Docket Report")
        initial = {"all_case_ids": case.caseid if case else "", "date_range_type": "Filed"}
        initial["case_num"] = case.number if case else ""
        return _render(request, access, "reports/docket_form.html", form=DocketReportForm(initial=initial), case=case)
    form = DocketReportForm(request.POST)
    if not form.is_valid():
        return _render(request, access, "reports/docket_form.html", form=form, case=None, status=400)
    data = form.cleaned_data
    refused = refusal(request, access)
    if refused is not None:
        return refused
    case, defendant, several = _case_for_report(court, request.POST, data)
    if several:
        results = [(c, None) for c in selectors.cases_by_number(court, data["case_num"])]
        return _render(request, access, "reports/query_results.html", results=results, report="dktrpt")
    if case is None:
        return _not_found(request, access, "Docket Report")
    if not visibility.case_verdict(access, case).allowed:
        return _sealed(request, access, "Docket Report")
    options = selectors.DocketOptions(
        date_range_type=data["date_range_type"] or "Filed",
        date_from=data["date_from"],
        date_to=data["date_to"],
        number_from=data["documents_numbered_from_"],
        number_to=data["documents_numbered_to_"],
        parties_and_counsel=data["list_of_parties_and_counsel"],
        terminated_parties=data["terminated_parties"],
        sort=data["sort1"] or "oldest date first",
    )
    parties: list[PartyView] = []
    if options.parties_and_counsel:
        for party in selectors.parties_with_attorneys(case, terminated=options.terminated_parties):
            if defendant and party.defendant_number and party.defendant_number != defendant:
                continue  # one defendant's docket: the others are not its parties
            parties.append(_party_view(case, party))
    entries = selectors.docket_entries(case, options)
    rows = _entry_rows(case, entries, zone=court.zone, linkable=visibility.docket_links(access, case))
    # Case-specific: the $3.00 cap applies, whatever the size of the docket.
    bill = Bill("Docket Report", _docket_criteria(case, defendant, options), case_specific=True)
    return billed_page(
        request,
        access,
        "reports/docket_report.html",
        bill=bill,
        case=case,
        heading=_docket_heading(case, defendant),
        bankruptcy=selectors.is_bankruptcy_case(case),
        adversary=case.case_type == CaseType.ADVERSARY,
        parties=parties,
        rows=mark_safe("".join(rows)),  # noqa: S308  (every value escaped in _entry_rows)
        any_rows=bool(rows),
        empty_case=not rows and not case.entries.exists(),
        nature_of_suit=case.nature_of_suit.split(" ", 1) if case.nature_of_suit else [],
    )


# --- HistDocQry.pl: History/Documents ---------------------------------------------------------------------------


def _new_history_token(request: HttpRequest, case: Case) -> str:
    """A one-time token for the History/Documents form, kept in the session until used (the newest few)."""
    token = f"{secrets.randbelow(10**15):015d}-L_1_0-1"
    tokens = dict(request.session.get(HISTORY_TOKENS_SESSION_KEY, {}))
    tokens[token] = case.caseid
    request.session[HISTORY_TOKENS_SESSION_KEY] = dict(list(tokens.items())[-HISTORY_TOKENS_KEPT:])
    return token


def _use_history_token(request: HttpRequest, token: str) -> int | None:
    tokens = dict(request.session.get(HISTORY_TOKENS_SESSION_KEY, {}))
    caseid = tokens.pop(token, None)
    if caseid is not None:
        request.session[HISTORY_TOKENS_SESSION_KEY] = tokens
    return caseid if isinstance(caseid, int) else None


def _short_description(entry: DocketEntry) -> str:
    main = next((d for d in entry.documents.all() if d.attachment_number == 0), None)
    if main is not None and main.description:
        return main.description
    first = entry.text.split(". ", 1)[0].rstrip(".")
    return first if len(first) <= 80 else first[:77].rstrip() + "..."


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def history(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """History/Documents: ?<caseid> gives the form with a one-time token; the token's POST gives the report."""
    court = access.court
    bare = _bare_query(request)
    # The case-number form posts to ?1-L_1_0-1 too: a POST naming a case is that form, not a used token.
    if request.method == "POST" and "-L_" in bare and not request.POST.get("case_num", "").strip():
        refused = refusal(request, access)  # before the token is used: it stays good for a second try
        if refused is not None:
            return refused
        caseid = _use_history_token(request, bare)
        case = selectors.case_by_caseid_text(court, str(caseid)) if caseid is not None else None
        if case is None:
            return _render(request, access, "reports/history_form.html", form=None, case=None, expired=True)
        if not visibility.case_verdict(access, case).allowed:
            return _sealed(request, access, "History/Documents")
        return _history_report(request, access, case)
    case = None
    if bare.isdigit():
        case = selectors.case_by_caseid_text(court, bare)
        if case is None:
            return _not_found(request, access, "History/Documents")
    elif request.method == "POST":
        typed = request.POST.get("case_num", "").strip()
        cases = selectors.cases_by_number(court, typed) if typed else []
        if len(cases) > 1:
            results = [(c, None) for c in cases]
            return _render(request, access, "reports/query_results.html", results=results, report="histdocqry")
        if not cases:
            return _not_found(request, access, "History/Documents")
        case = cases[0]
    if case is None:
        return _render(request, access, "reports/history_form.html", form=None, case=None)
    if not visibility.case_verdict(access, case).allowed:
        return _sealed(request, access, "History/Documents")
    form = HistoryForm(initial={"QueryType": "History", "sort1": "asc"})
    token = _new_history_token(request, case)
    return _render(request, access, "reports/history_form.html", form=form, case=case, token=token)


def _history_report(request: HttpRequest, access: CourtAccess, case: Case) -> HttpResponse:
    form = HistoryForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    documents_only = data.get("QueryType") == "Documents"
    entries = selectors.history_entries(case, documents_only=documents_only, descending=data.get("sort1") == "desc")
    base = doc1_base(case.court_id)
    zone = access.court.zone
    linkable = visibility.docket_links(access, case)
    rows = []
    for entry in entries:
        documents = list(entry.documents.all())
        main = next((d for d in documents if d.attachment_number == 0), None)
        number = str(entry.number) if entry.number is not None else ""
        link: SafeString | str = escape(number)
        if main is not None and number and linkable(main):
            link = mark_safe(doc_link(base, case.caseid, entry.de_seq_num, main.pacer_doc_id, number))  # noqa: S308
        entered = entry.entered_at.astimezone(zone).date()
        rows.append(
            {
                "number": link,
                "filed": mdy(entry.filed_on),
                "entered": mdy(entered),
                "same_day": entry.filed_on == entered,
                "short": _short_description(entry),
                "text": entry.text,
            }
        )
    title = "Documents" if documents_only else "History"
    # CM/ECF's receipt says "History/Documents" for both; the criteria say which, and how sorted.
    order = "most recent date first" if data.get("sort1") == "desc" else "oldest date first"
    bill = Bill("History/Documents", f"{case.number} Type: {title} Sort: {order}", case_specific=True)
    return billed_page(
        request,
        access,
        "reports/history_report.html",
        bill=bill,
        case=case,
        bankruptcy=selectors.is_bankruptcy_case(case),
        last_filing=selectors.date_of_last_filing(case),
        rows=rows,
        title=title,
        show_text=bool(data.get("DisplayDktText")),
    )


# --- Not found on a court's site: the court's page, menu and logout link included -------------------------------

_COURT_PATH = re.compile(r"^/ecf/(?P<court>[A-Za-z0-9]{2,8})/")


def court_page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page (config/urls.py's handler404). On a court's site, for a visitor signed in there, it is a court
    page with the menu bar and its /cgi-bin/login.pl?logout: clients take a page without that link for a logged-out
    session and sign in again before every failing request. Anywhere else, the sign-on site's 404."""
    court_id = current_court_host.get()
    match = _COURT_PATH.match(request.path_info)
    if match is not None:
        court_id = match.group("court")
    court = Court.objects.filter(pk=court_id.lower()).first() if court_id else None
    if court is not None:
        access = court_access(request, court)
        if access.signed_in:
            return _render(request, access, "reports/page_not_found.html", status=404)
    return signon_views.not_found(request, exception)
