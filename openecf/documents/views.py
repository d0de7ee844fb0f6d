"""Documents on a court's CM/ECF site, on the paths clients hard-code (CASES.md, "Reports and queries"):

- doc1/{id}?...&magic_num=N: the NEF's free look, without signing in (openecf/noticing/freelook.py).
- doc1/{id}, signed in: the Document Selection Menu (fourth digit 0, a main document with attachments), else the
  Transaction Receipt with "View Document"; POST got_receipt=1 charges the view and answers with the stamped PDF
  (``Content-Type: application/pdf``), or, for a browser, with a court page framing cgi-bin/show_temp.pl
  (docs/decisions.md, "Serving documents").
- cgi-bin/show_case_doc?{number},{caseid},{attachment},,: a redirect to the document's doc1.

Every path asks openecf/cases/visibility.py before it charges or serves. doc1 is CSRF-exempt, as clients post
multipart without a token. A forged cross-site "View Document" cannot bill anyone: the session cookie is
SameSite=Lax, so a cross-site POST arrives signed out and is sent to the login.
"""

from __future__ import annotations

import logging
from typing import Any

import pikepdf
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.billing.services import ClientCodeRequired
from openecf.cases.models import Document
from openecf.cases.visibility import case_verdict, document_verdict
from openecf.cmecf.access import CourtAccess, court_access
from openecf.cmecf.views import _render, signed_in_at_court
from openecf.courts.models import CourtType
from openecf.courts.selectors import court_or_404
from openecf.documents import fees, frames, lookup
from openecf.noticing import freelook
from openecf.signon.services import client_code
from openecf.throttle.services import Throttled

log = logging.getLogger(__name__)

NOT_A_DOCUMENT = "This address does not name a document of this court."
NOT_A_REQUEST = "This request is not one CM/ECF understands: got_receipt must be 0 or 1."
NO_PACER_ACCOUNT = "Documents are billed to a PACER account: log in with your PACER account to view them."
UNREADABLE = "The document cannot be shown right now. Nothing was charged: try again later."
FRAME_EXPIRED = "This document's display has expired. Open the document again from the docket."
FREE_LOOK_STATUS = {
    freelook.INVALID: 404,
    freelook.USED: 410,
    freelook.EXPIRED: 410,
    freelook.UNREADABLE: 503,
    freelook.WITHHELD: 403,
}


def _message(
    request: HttpRequest, access: CourtAccess, title: str, message: str, status: int, *, denied: bool = False
) -> HttpResponse:
    """``denied``: refused by openecf/cases/visibility.py; the page adds CM/ECF's "You do not have permission to
    view this document.", the words clients (juriscraper's download_pdf) recognise a refusal by."""
    context = {"title": title, "message": message, "denied": denied}
    return _render(request, access, "documents/message.html", status=status, **context)


def _pdf(document: Document, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.pacer_doc_id}.pdf"'
    response["Cache-Control"] = "no-store"  # a paid or free copy for one person: not for a shared cache
    return response


def _doc1_url(court_id: str, pacer_doc_id: str) -> str:
    return reverse("cmecf:doc1", args=[court_id, pacer_doc_id])


@csrf_exempt
@require_http_methods(["GET", "POST"])
def doc1(request: HttpRequest, court_id: str, doc_id: str) -> HttpResponse:
    if "magic_num" in request.GET:
        if request.method != "GET":
            return HttpResponse(status=405, headers={"Allow": "GET"})
        return _free_look(request, court_id, doc_id)
    return _paid(request, court_id, doc_id)


def _free_look(request: HttpRequest, court_id: str, doc_id: str) -> HttpResponse:
    """The NEF's link, answered without signing in: the link is the proof."""
    court = court_or_404(court_id)
    try:
        document, pdf = freelook.redeem(
            court=court,
            doc_id=doc_id,
            caseid=request.GET.get("caseid"),
            de_seq_num=request.GET.get("de_seq_num"),
            magic_num=request.GET.get("magic_num"),
            origin=Origin.of(request),
        )
    except freelook.FreeLookRefused as refused:
        context = {
            "court": court,
            "access": court_access(request, court),
            "reason": refused.reason,
            "message": refused.message,
        }
        return render(request, "noticing/free_look_refused.html", context, status=FREE_LOOK_STATUS[refused.reason])
    except Throttled as throttled:
        context = {"court": court, "access": court_access(request, court), "reason": "throttled", "wait": throttled}
        response = render(request, "noticing/free_look_refused.html", context, status=429)
        if throttled.retry_after is not None:
            response["Retry-After"] = str(throttled.retry_after)
        return response
    return _pdf(document, pdf)


@signed_in_at_court
def _paid(request: HttpRequest, access: CourtAccess, doc_id: str) -> HttpResponse:
    document = lookup.document_named(access.court, doc_id)
    if document is None:
        return _message(request, access, "Document not found", NOT_A_DOCUMENT, 404)
    fields = request.POST if request.method == "POST" else request.GET
    got_receipt = fields.get("got_receipt", "0")
    if got_receipt not in ("0", "1", ""):
        return _message(request, access, "Invalid request", NOT_A_REQUEST, 400)
    caseid = fields.get("caseid", "")
    case = document.entry.case
    if caseid and caseid != str(case.caseid):
        # juriscraper reads these words and asks again without the caseid.
        text = f"Cannot locate the case with caseid: {caseid[:20]}"
        return _message(request, access, "Document not found", text, 404)
    if got_receipt == "1" and request.method == "POST":
        return _serve(request, access, document)
    if lookup.wants_attachment_menu(doc_id, document):
        return _attachment_menu(request, access, document)
    return _receipt(request, access, document)


def _refusal(request: HttpRequest, access: CourtAccess, document: Document) -> HttpResponse | None:
    verdict = document_verdict(access, document)
    if verdict.allowed:
        return None
    return _message(request, access, "Document not available", verdict.message, 403, denied=True)


def _attachment_menu(request: HttpRequest, access: CourtAccess, main: Document) -> HttpResponse:
    """The Document Selection Menu: each document of the entry with its number, description, pages and size; a
    document the visitor may not be served is listed without its link."""
    case = main.entry.case
    verdict = case_verdict(access, case)
    if not verdict.allowed:
        return _message(request, access, "Document not available", verdict.message, 403, denied=True)
    bankruptcy = access.court.type == CourtType.BANKRUPTCY
    rows: list[dict[str, Any]] = []
    for document in lookup.entry_documents(main):
        seen = document_verdict(access, document)
        url = _doc1_url(access.court.pk, document.direct_doc_id)
        rows.append(
            {
                "document": document,
                "url": url if seen.allowed else "",
                "withheld": seen.message,
                "onclick": f"goDLS('{url}','{case.caseid}','{main.entry.de_seq_num}','','','1','','','');"
                "return(false);",
                # Bankruptcy menus number the parts from 1, the main document first, as those courts do.
                "part": document.attachment_number + 1,
                "size": _size(document.size),
                "serial": document.pacer_doc_id[4:],
            }
        )
    return _render(
        request,
        access,
        "documents/attachment_menu.html",
        main=main,
        case=case,
        number=main.entry.number if main.entry.number is not None else "",
        rows=rows,
        bankruptcy=bankruptcy,
        total_pages=sum(row["document"].page_count for row in rows),
    )


def _size(size: int) -> str:
    """As CM/ECF's menu shows it (its size_mb_or_kb)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024000:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024000:.1f} MB"


def _receipt(request: HttpRequest, access: CourtAccess, document: Document) -> HttpResponse:
    """The Transaction Receipt of the view "View Document" would charge; nothing is charged here."""
    refused = _refusal(request, access, document) or _no_pacer(request, access)
    if refused is not None:
        return refused
    assert access.pacer is not None
    try:
        quote = fees.quote(account=access.pacer, document=document, client_code=client_code(request))
    except ClientCodeRequired as required:
        return _message(request, access, "Client code required", required.message, 403)
    entry = document.entry
    return _render(
        request,
        access,
        "documents/receipt.html",
        document=document,
        quote=quote,
        action=_doc1_url(access.court.pk, document.direct_doc_id),
        caseid=entry.case.caseid,
        de_seq_num=entry.de_seq_num,
    )


def _no_pacer(request: HttpRequest, access: CourtAccess) -> HttpResponse | None:
    """A court login of a court not yet on NextGen has no PACER account to bill."""
    if access.pacer is not None:
        return None
    return _message(request, access, "PACER account required", NO_PACER_ACCOUNT, 403)


def _serve(request: HttpRequest, access: CourtAccess, document: Document) -> HttpResponse:
    """got_receipt=1: the view the receipt showed, charged once, and the document. Refused (sealed, restricted,
    no client code) or unreadable: nothing charged, nothing served."""
    refused = _refusal(request, access, document) or _no_pacer(request, access)
    if refused is not None:
        return refused
    assert access.pacer is not None
    try:
        data = freelook.stamped_pdf(document)
    except (OSError, pikepdf.PdfError):
        log.exception("doc1: document %s could not be read from storage", document.pacer_doc_id)
        return _message(request, access, "Document not available", UNREADABLE, 503)
    try:
        charge = fees.charge(
            account=access.pacer, document=document, client_code=client_code(request), origin=Origin.of(request)
        )
    except ClientCodeRequired as required:
        return _message(request, access, "Client code required", required.message, 403)
    if _prefers_html(request):
        frame = f"{reverse('cmecf:show_temp', args=[access.court.pk])}?{frames.ticket_for(charge, document)}"
        return _render(request, access, "documents/pdf_frame.html", document=document, frame=frame, charge=charge)
    return _pdf(document, data)


def _prefers_html(request: HttpRequest) -> bool:
    """A browser (its Accept header starts with text/html) gets the court page framing the PDF; a client that
    accepts anything (juriscraper's */*) gets the PDF itself."""
    accept = request.headers.get("Accept", "")
    return accept.split(",", 1)[0].split(";", 1)[0].strip().lower() == "text/html"


@csrf_exempt  # a read, as every .pl: clients POST multipart without a CSRF token
@signed_in_at_court
@require_http_methods(["GET", "HEAD", "POST"])
def show_temp(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """The framed PDF of a view just charged: the ticket is the proof of payment; the document is asked about
    again (a seal may have come since), and nothing more is charged."""
    ticket = frames.redeem(request.META.get("QUERY_STRING", ""), access.pacer) if access.pacer else None
    document = (
        Document.objects.filter(pk=ticket.document_id, court=access.court)
        .select_related("entry__case__judge", "entry__case__court")
        .first()
        if ticket is not None
        else None
    )
    if document is None:
        return _message(request, access, "Document not available", FRAME_EXPIRED, 404)
    refused = _refusal(request, access, document)
    if refused is not None:
        return refused
    try:
        data = freelook.stamped_pdf(document)
    except (OSError, pikepdf.PdfError):
        log.exception("show_temp: document %s could not be read from storage", document.pacer_doc_id)
        return _message(request, access, "Document not available", UNREADABLE, 503)
    return _pdf(document, data)


@csrf_exempt  # a read, as every .pl: clients POST multipart without a CSRF token
@signed_in_at_court
@require_http_methods(["GET", "HEAD", "POST"])
def show_case_doc(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """show_case_doc?{number},{caseid},{attachment},,: to the document's doc1 (the menu, for a main document with
    attachments), after asking whether the visitor may see it."""
    asked = lookup.parse_show_case_doc(request.META.get("QUERY_STRING", ""))
    document = lookup.document_at(access.court, asked) if asked is not None else None
    if document is None:
        return _message(request, access, "Document not found", NOT_A_DOCUMENT, 404)
    refused = _refusal(request, access, document)
    if refused is not None:
        return refused
    return redirect(_doc1_url(access.court.pk, document.pacer_doc_id))
