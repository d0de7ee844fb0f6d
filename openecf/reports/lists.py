"""The court-wide reports of the Reports menu, on CM/ECF's paths (docs/decisions.md, "Reports menu"):

- ``rss_outside.pl``: the court's RSS 2.0 feed of recent entries, public as the courts publish it, in the shape
  juriscraper's PacerRssFeed reads (district and bankruptcy variants).
- ``WrtOpRpt.pl``: Written Opinions, free (Waiver.OPINION), in the shape of juriscraper's FreeOpinionReport.
- ``CaseFiled-Rpt.pl`` / ``CrCaseFiled-Rpt.pl``: Civil Cases and Criminal Cases filed or terminated in a range.
- ``DktActivityRpt.pl``: Docket Activity, the entries filed or entered in a range.
- ``SearchClaims.pl``: a bankruptcy case's Claims Register, in the shape of juriscraper's ClaimsRegister.

Every ``.pl`` but the feed needs a sign-in; each is a read, so it takes multipart POSTs without a CSRF token and any
query string. A billed page is charged once its results are built (their size is the billable data) and ends with
its Transaction Receipt; when a client code is required and none is in force, nothing is built or charged.
Sealed matter: visibility.case_verdict / DocumentAccess decide, as on the docket.
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from openecf.billing import services as billing
from openecf.billing.models import Waiver
from openecf.cases.models import Case, CaseType, DocketEntry, DocumentAccess
from openecf.cases.visibility import case_verdict
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.views import _render, signed_in_at_court
from openecf.courts.models import Court, CourtType
from openecf.courts.selectors import court_or_404
from openecf.reports import listing, selectors
from openecf.reports.billed_pages import Bill, billed_page, refusal
from openecf.reports.cmecf_html import doc1_base, doc_link, mdy, params
from openecf.reports.listforms import ActivityForm, CasesForm, ClaimsForm, WrittenOpinionsForm
from openecf.signon import services as signon

CASE_NOT_FOUND = "Case not found."
NO_CLAIMS = "No claims found for this case using selection criteria entered"
# The one-time-looking token CM/ECF puts in a report form's action; clients read it from there and post to it.
FORM_NONCE = "1-L_1_0-1"
DISTRICT_TYPES = [(CaseType.CIVIL.value, "Civil"), (CaseType.CRIMINAL.value, "Criminal")]
BANKRUPTCY_TYPES = [(CaseType.BANKRUPTCY.value, "Bankruptcy"), (CaseType.ADVERSARY.value, "Adversary")]


def _asked(request: HttpRequest, fields: Any) -> bool:
    given = params(request)
    return any(given.get(name, "").strip() for name in fields)


def _case_types(court: Court) -> list[tuple[str, str]]:
    return BANKRUPTCY_TYPES if court.type == CourtType.BANKRUPTCY else DISTRICT_TYPES


def _doc_link(entry: DocketEntry, text: str) -> SafeString:
    """The entry's main document as a doc1 link with CM/ECF's goDLS onclick; the bare text when there is no
    document or it is sealed (a sealed document is listed, never linked)."""
    main = listing.main_document(entry)
    if main is None or main.access == DocumentAccess.SEALED:
        return mark_safe(escape(text))  # noqa: S308
    link = doc_link(doc1_base(entry.case.court_id), entry.case.caseid, entry.de_seq_num, main.pacer_doc_id, text)
    return mark_safe(link)  # noqa: S308 - doc_link escaped every value


def _visible(access: CourtAccess) -> Callable[[Case], bool]:
    """Whether the visitor may see a case's docket (visibility.case_verdict), asked once per case."""
    verdicts: dict[int, bool] = {}

    def visible(case: Case) -> bool:
        if case.pk not in verdicts:
            verdicts[case.pk] = case_verdict(access, case).allowed
        return verdicts[case.pk]

    return visible


def _client_code_refused(request: HttpRequest, access: CourtAccess) -> str:
    """The court's words when the visitor must have a client code and has none; "" when the page may be built."""
    if access.pacer is None:
        return ""
    try:
        billing.check_client_code(account=access.pacer, court=access.court, client_code=signon.client_code(request))
    except billing.ClientCodeRequired as refused:
        return refused.message
    return ""


def _billed_page(
    request: HttpRequest,
    access: CourtAccess,
    *,
    title: str,
    body: str,
    description: str,
    criteria: str,
    case_specific: bool,
    matched: bool,
    free: Waiver = Waiver.NONE,
) -> HttpResponse:
    """The results (already rendered), on a page billed as every Query and Reports page is (billed_pages: its
    extracted data measured, charged, the receipt last). Without a PACER account, to the PACER login first."""
    refused = refusal(request, access, free=free != Waiver.NONE)
    if refused is not None:
        return refused
    bill = Bill(description=description, criteria=criteria, case_specific=case_specific, matched=matched, free=free)
    return billed_page(request, access, "reports/lists/billed.html", bill=bill, title=title, body=mark_safe(body))  # noqa: S308


def _criteria(*parts: tuple[str, object]) -> str:
    return " ".join(f"{label}: {value}" for label, value in parts if value not in (None, ""))


def _dated_results(
    template: str,
    court: Court,
    criteria: listing.CaseCriteria | listing.ActivityCriteria,
    found: Sized,
    **context: Any,
) -> str:
    """A report over a date range: its results, with the range as asked and whether the list was cut short."""
    return render_to_string(
        template,
        {
            "court": court,
            "criteria": criteria,
            "date_from": mdy(criteria.date_from),
            "date_to": mdy(criteria.date_to),
            "limited": len(found) > listing.LIST_LIMIT,
            **context,
        },
    )


def _dated_criteria(
    what: str, criteria: listing.CaseCriteria | listing.ActivityCriteria, *rest: tuple[str, object]
) -> str:
    """The criteria line of a report over a date range: which dates (filed, terminated, ...), the range, the rest."""
    return _criteria(
        (what, criteria.date_type.title()),
        ("From", mdy(criteria.date_from)),
        ("To", mdy(criteria.date_to)),
        *rest,
    )


# --- rss_outside.pl --------------------------------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def rss_feed(request: HttpRequest, court_id: str) -> HttpResponse:
    """The court's RSS 2.0 feed: its most recent docket entries, newest first. Public and free, as the courts
    publish it; a sealed case's entries are not in it and a sealed document is listed without a link."""
    court = court_or_404(court_id)
    if court.type == CourtType.APPELLATE:
        raise Http404("A court of appeals publishes its feed through its own servlet.")
    entries = listing.recent_entries(court)
    cases = list({entry.case_id: entry.case for entry in entries}.values())
    trustees = listing.trustees(cases)
    home = request.build_absolute_uri(reverse("cmecf:home", args=[court.pk]))
    docket = request.build_absolute_uri(reverse("cmecf:dktrpt", args=[court.pk]))
    doc1 = request.build_absolute_uri(doc1_base(court.pk))
    items = []
    for entry in entries:
        case = entry.case
        description = f"[{listing.short_description(entry)}]"
        main = listing.main_document(entry)
        if main is not None and main.access != DocumentAccess.SEALED and entry.number is not None:
            url = f"{doc1}{main.pacer_doc_id}?caseid={case.caseid}&de_seq_num={entry.de_seq_num}"
            # As the courts write it: the URL's "&" bare in the HTML (the XML escapes it once); the URL is this
            # validated host and digits, so it holds no quote.
            description += f' (<a href="{url}" >{entry.number}</a>)'
        if court.type == CourtType.BANKRUPTCY:
            trustee = trustees.get(case.pk)
            chapter_and_trustee = f"Trustee: {trustee} " if trustee else " "
            description = f"Type: {case.case_type} Office: {case.office} Chapter: {chapter_and_trustee}{description}"
        items.append(
            "<item>\n"
            f"<title>{xml_escape(f'{case.number} {case.title}')}</title>\n"
            f"<link>{xml_escape(f'{docket}?{case.caseid}')}</link>\n"
            f"<description>{xml_escape(description)}</description>\n"
            f'<guid isPermaLink="true">{xml_escape(f"{docket}?{case.caseid}-{entry.de_seq_num}")}</guid>\n'
            f"<pubDate>{format_datetime(entry.entered_at, usegmt=True)}</pubDate>\n"
            "</item>\n"
        )
    built = max((entry.entered_at for entry in entries), default=None)
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"<title>{xml_escape(court.name)} - Recent Entries</title>\n"
        f"<link>{xml_escape(home)}</link>\n"
        "<description>Docket entries of type: all</description>\n"
        + (f"<lastBuildDate>{format_datetime(built, usegmt=True)}</lastBuildDate>\n" if built else "")
        + "".join(items)
        + "</channel>\n</rss>\n"
    )
    return HttpResponse(feed, content_type="application/rss+xml; charset=utf-8")


# --- WrtOpRpt.pl ------------------------------------------------------------------------------------------------


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def written_opinions(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Written Opinions: the form (its action carries the token clients read), then the opinions filed in the
    range; free, the report and the opinions it links to alike."""
    court = access.court
    if court.type == CourtType.APPELLATE:
        raise Http404("A court of appeals lists its opinions on its own pages (TransportRoom).")
    fields = ("filed_from", "filed_to", "case_type")
    if not _asked(request, fields):
        form = WrittenOpinionsForm(case_types=_case_types(court), initial={"Key1": "de_date_filed"})
        return _render(request, access, "reports/lists/opinions_form.html", form=form, nonce=FORM_NONCE)
    form = WrittenOpinionsForm(params(request), case_types=_case_types(court))
    if not form.is_valid():
        return _render(request, access, "reports/lists/opinions_form.html", form=form, nonce=FORM_NONCE, status=400)
    data = form.cleaned_data
    by_case_number = data["Key1"] == "cs_sort_case_numb"
    visible = _visible(access)
    rows = []
    found = listing.written_opinions(
        court,
        filed_from=data["filed_from"],
        filed_to=data["filed_to"],
        case_type=data["case_type"],
        by_case_number=by_case_number,
    )
    for entry in found[: listing.LIST_LIMIT]:
        main = listing.main_document(entry)
        # Only what the visitor may open is listed: a row without its document link is no opinion to a client.
        if main is None or main.access == DocumentAccess.SEALED or not visible(entry.case):
            continue
        nos = entry.case.nature_of_suit.split(" ", 1)[0] if entry.case.nature_of_suit else ""
        rows.append(
            {
                "filed": mdy(entry.filed_on),
                "case": entry.case,
                "link": _doc_link(entry, str(entry.number)),
                "text": entry.text,
                "nos": nos,
                "cause": entry.case.cause,
            }
        )
    body = render_to_string(
        "reports/lists/opinions_results.html",
        {
            "court": court,
            "rows": rows,
            "by_case_number": by_case_number,
            "filed_from": mdy(data["filed_from"]),
            "filed_to": mdy(data["filed_to"]),
            "limited": len(found) > listing.LIST_LIMIT,
        },
    )
    criteria = _criteria(
        ("Filed From", mdy(data["filed_from"])), ("To", mdy(data["filed_to"])), ("Type", data["case_type"])
    )
    return _billed_page(
        request,
        access,
        title="Written Opinions",
        body=body,
        description="Written Opinions Report",
        criteria=criteria,
        case_specific=False,
        matched=bool(rows),
        free=Waiver.OPINION,
    )


# --- CaseFiled-Rpt.pl, CrCaseFiled-Rpt.pl ----------------------------------------------------------------------


def _cases_report(request: HttpRequest, access: CourtAccess, case_type: str) -> HttpResponse:
    court = access.court
    if court.type != CourtType.DISTRICT:
        raise Http404("Civil and criminal cases are a district court's.")
    civil = case_type == CaseType.CIVIL
    title = "Civil Cases" if civil else "Criminal Cases"
    fields = ("date_from", "date_to", "office", "nature_of_suit")
    context: dict[str, Any] = {"title": title, "civil": civil, "nonce": FORM_NONCE}
    if not _asked(request, fields):
        return _render(request, access, "reports/lists/cases_form.html", form=CasesForm(), **context)
    form = CasesForm(params(request))
    if not form.is_valid():
        return _render(request, access, "reports/lists/cases_form.html", form=form, status=400, **context)
    refused = _client_code_refused(request, access)
    if refused:
        return _render(
            request, access, "reports/lists/cases_form.html", form=form, refused=refused, status=400, **context
        )
    data = form.cleaned_data
    criteria = listing.CaseCriteria(
        case_type=case_type,
        date_type=data["date_type"] or "filed",
        date_from=data["date_from"],
        date_to=data["date_to"],
        office=data["office"],
        nature_of_suit=(data["nature_of_suit"] or "").strip() if civil else "",
    )
    found = listing.cases_filed(court, criteria)
    cases = found[: listing.LIST_LIMIT]
    body = _dated_results(
        "reports/lists/cases_results.html", court, criteria, found, title=title, civil=civil, cases=cases
    )
    summary = _dated_criteria("Cases", criteria, ("Office", criteria.office), ("NOS", criteria.nature_of_suit))
    return _billed_page(
        request,
        access,
        title=title,
        body=body,
        description=f"{title} Report",
        criteria=summary,
        case_specific=False,
        matched=bool(cases),
    )


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def civil_cases(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Civil Cases: the court's civil cases filed or terminated in a range; billed, not capped."""
    return _cases_report(request, access, CaseType.CIVIL)


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def criminal_cases(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Criminal Cases: the court's criminal cases filed or terminated in a range; billed, not capped."""
    return _cases_report(request, access, CaseType.CRIMINAL)


# --- DktActivityRpt.pl ------------------------------------------------------------------------------------------


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def docket_activity(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """Docket Activity: the entries filed or entered in a range, by case type and event; billed, not capped. A
    sealed case's entries are left out for anyone but its participants."""
    court = access.court
    if court.type == CourtType.APPELLATE:
        raise Http404("A court of appeals has its own reports (TransportRoom).")
    types = _case_types(court)
    fields = ("date_from", "date_to", "case_type", "event")
    if not _asked(request, fields):
        form = ActivityForm(case_types=types)
        return _render(request, access, "reports/lists/activity_form.html", form=form, nonce=FORM_NONCE)
    form = ActivityForm(params(request), case_types=types)
    if not form.is_valid():
        return _render(request, access, "reports/lists/activity_form.html", form=form, nonce=FORM_NONCE, status=400)
    refused = _client_code_refused(request, access)
    if refused:
        return _render(
            request,
            access,
            "reports/lists/activity_form.html",
            form=form,
            nonce=FORM_NONCE,
            refused=refused,
            status=400,
        )
    data = form.cleaned_data
    criteria = listing.ActivityCriteria(
        date_type=data["date_type"] or "filed",
        date_from=data["date_from"],
        date_to=data["date_to"],
        case_type=data["case_type"],
        event=" ".join(data["event"].split()),
    )
    found = list(listing.docket_activity(court, criteria))
    visible = _visible(access)
    zone = court.zone
    rows = [
        {
            "case": entry.case,
            "link": _doc_link(entry, str(entry.number) if entry.number is not None else ""),
            "filed": mdy(entry.filed_on),
            "entered": mdy(entry.entered_at.astimezone(zone).date()),
            "text": entry.text,
        }
        for entry in found[: listing.LIST_LIMIT]
        if visible(entry.case)
    ]
    body = _dated_results("reports/lists/activity_results.html", court, criteria, found, rows=rows)
    summary = _dated_criteria("Entries", criteria, ("Type", criteria.case_type), ("Event", criteria.event))
    return _billed_page(
        request,
        access,
        title="Docket Activity",
        body=body,
        description="Docket Activity Report",
        criteria=summary,
        case_specific=False,
        matched=bool(rows),
    )


# --- SearchClaims.pl --------------------------------------------------------------------------------------------


def _claims_case(court: Court, data: dict[str, Any]) -> Case | None:
    """The bankruptcy case the form names: its caseid, else its typed number when that names exactly one."""
    if data.get("all_case_ids"):
        case = selectors.case_by_caseid_text(court, data["all_case_ids"].split(",")[0])
    else:
        typed = data.get("case_num", "").strip()
        cases = selectors.cases_by_number(court, typed) if typed else []
        case = cases[0] if len(cases) == 1 else None
    return case if case is not None and case.case_type == CaseType.BANKRUPTCY else None


@csrf_exempt
@signed_in_at_court
@require_http_methods(["GET", "POST"])
def claims_register(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """The Claims Register of a bankruptcy case: ?<caseid> (or the form's case number), then its claims filed or
    entered in the range; billed as a case-specific report (capped at $3.00)."""
    court = access.court
    if court.type != CourtType.BANKRUPTCY:
        raise Http404("Claims registers are a bankruptcy court's.")
    bare = request.META.get("QUERY_STRING", "")
    bare = "" if "=" in bare else bare[:100]
    if not _asked(request, ("all_case_ids", "case_num")):
        case = selectors.case_by_caseid_text(court, bare) if bare.isdigit() else None
        if bare.isdigit() and case is None:
            return _render(request, access, "reports/not_found.html", title="Claims Register", message=CASE_NOT_FOUND)
        initial = {
            "all_case_ids": case.caseid if case else "",
            "case_num": case.number if case else "",
            "EntFil": "Fil",
        }
        return _render(
            request, access, "reports/lists/claims_form.html", form=ClaimsForm(initial=initial), nonce=FORM_NONCE
        )
    form = ClaimsForm(params(request))
    if not form.is_valid():
        return _render(request, access, "reports/lists/claims_form.html", form=form, nonce=FORM_NONCE, status=400)
    data = form.cleaned_data
    case = _claims_case(court, data)
    if case is None:
        return _render(request, access, "reports/not_found.html", title="Claims Register", message=CASE_NOT_FOUND)
    verdict = case_verdict(access, case)
    if not verdict.allowed:
        return _render(request, access, "reports/not_found.html", title="Claims Register", message=verdict.message)
    refused = _client_code_refused(request, access)
    if refused:
        return _render(
            request,
            access,
            "reports/lists/claims_form.html",
            form=form,
            nonce=FORM_NONCE,
            refused=refused,
            status=400,
        )
    date_type = "entered" if data["EntFil"] == "Ent" else "filed"
    found = listing.claims(case, date_type=date_type, date_from=data["f_fromdt"], date_to=data["f_todt"])
    claims = found[: listing.LIST_LIMIT]
    zone = court.zone
    rows = [
        {
            "claim": claim,
            "address": claim.creditor_address.splitlines(),
            "filed": mdy(claim.filed_on),
            "entered": mdy(claim.entered_at.astimezone(zone).date()),
            "amounts": [
                (label, f"${amount:,.2f}")
                for label, amount in (
                    ("Amount", claim.amount_claimed),
                    ("Secured", claim.secured_claimed),
                    ("Priority", claim.priority_claimed),
                    ("Unsecured", claim.unsecured_claimed),
                )
                if amount is not None
            ],
        }
        for claim in claims
    ]
    trustee = listing.trustees([case]).get(case.pk, "")
    body = render_to_string(
        "reports/lists/claims_results.html",
        {
            "court": court,
            "case": case,
            "rows": rows,
            "trustee": trustee,
            "no_claims": NO_CLAIMS,
            "limited": len(found) > listing.LIST_LIMIT,
        },
    )
    summary = _criteria(
        ("Case", case.number),
        ("Filed or Entered", "Entered" if date_type == "entered" else "Filed"),
        ("From", mdy(data["f_fromdt"])),
        ("To", mdy(data["f_todt"])),
    )
    return _billed_page(
        request,
        access,
        title="Claims Register",
        body=body,
        description="Claims Register",
        criteria=summary,
        case_specific=True,
        matched=bool(claims),
    )
