"""The steps that make the entry: the documents (checked at upload, kept pending), the event's questions (motion
reliefs, the entries a response refers to) and the docket text (a modifier and the filer's own words)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.pdfchecks import TOO_LARGE, PdfRefused, check_pdf
from openecf.cases.services import filing_settings
from openecf.cmecf.access import CourtAccess
from openecf.filing import services, steps
from openecf.filing.catalog import Kind
from openecf.filing.models import FilingTransaction
from openecf.filing.views.common import answered, show

ATTACHMENT_ROWS = 5
DESCRIPTION_MAX = 200
FREE_TEXT_MAX = 1000


def _upload_page(
    request: HttpRequest, access: CourtAccess, txn: FilingTransaction, status: int = 200, error: str = ""
) -> HttpResponse:
    rows = [
        {
            "n": n,
            "category": request.POST.get(f"category_{n}", ""),
            "description": request.POST.get(f"description_{n}", ""),
        }
        for n in range(1, ATTACHMENT_ROWS + 1)
    ]
    return show(
        request,
        access,
        txn,
        "upload",
        status,
        rows=rows,
        categories=steps.ATTACHMENT_CATEGORIES,
        limit=filing_settings(access.court).pdf_size_limit_mb,
        error=error,
    )


def upload(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "GET":
        return _upload_page(request, access, txn)
    main = request.FILES.get("main")
    if main is None:
        return _upload_page(request, access, txn, 400, "Select the main document (a PDF).")
    files: list[tuple[str, Any, str]] = [("The main document", main, "")]
    for n in range(1, ATTACHMENT_ROWS + 1):
        upload_file = request.FILES.get(f"attachment_{n}")
        category = request.POST.get(f"category_{n}", "")
        description = " ".join(request.POST.get(f"description_{n}", "").split())[:DESCRIPTION_MAX]
        if upload_file is None:
            continue
        if category not in steps.ATTACHMENT_CATEGORIES:
            return _upload_page(request, access, txn, 400, f"Attachment {n}: choose a category from the list.")
        if not category and not description:
            return _upload_page(request, access, txn, 400, f"Attachment {n}: give it a category or a description.")
        files.append((f"Attachment {len(files)}", upload_file, " ".join(w for w in (category, description) if w)))
    settings = filing_settings(access.court)
    checked = []
    for what, upload_file, description in files:
        try:
            if upload_file.size > settings.pdf_size_limit_bytes:
                # Never read a file past the limit into memory: its size is known, and says enough.
                size = f"{upload_file.size / (1024 * 1024):.1f} MB"
                message = TOO_LARGE.format(size=size, limit=settings.pdf_size_limit_mb)
                raise PdfRefused(message, found=f"a {size} file")
            data = upload_file.read()
            facts = check_pdf(
                data, max_bytes=settings.pdf_size_limit_bytes, refuse_forms=settings.refuse_fillable_forms
            )
        except PdfRefused as refused:
            audit.record(
                event=Event.FILING_DOCUMENT_REFUSED,
                origin=Origin.of(request),
                actor=access.pacer,
                court=access.court,
                ecf_account=access.filing_account,
                found=refused.found,
                filename=upload_file.name[:255],
            )
            return _upload_page(request, access, txn, 400, f"{what} ({upload_file.name}): {refused.message}")
        checked.append((upload_file.name[:255], description, data, facts.page_count))
    names: list[str] = []
    try:
        for position, (_, _, data, _) in enumerate(checked):
            names.append(services.store_pending(txn=txn, position=position, data=data))
        documents = [
            {"name": name, "filename": filename, "description": description, "pages": pages}
            for name, (filename, description, _, pages) in zip(names, checked, strict=True)
        ]
        return answered(txn, "upload", {"documents": documents})
    except BaseException:
        services.delete_pending(names)
        raise


def questions(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    motions = [e for e in steps.events_of(txn) if e.kind == Kind.MOTION]
    responds = any(e.kind == Kind.RESPONSE for e in steps.events_of(txn))
    the_case = steps.case_of(txn)
    entries = list(the_case.entries.filter(number__isnull=False).order_by("-de_seq_num")) if the_case else []
    context: dict[str, Any] = {"motions": motions, "responds": responds, "entries": entries}
    if request.method == "GET":
        return show(request, access, txn, "questions", **context)
    reliefs = {}
    for event in motions:
        picked = [r for r in event.reliefs if r in request.POST.getlist(f"relief_{event.code}")]
        if not picked:
            return show(
                request, access, txn, "questions", 400, error=f"{event.name}: select at least one relief.", **context
            )
        reliefs[event.code] = picked
    wanted = {int(v) for v in request.POST.getlist("refer") if v.isdigit()}
    refers = [entry.pk for entry in entries if entry.pk in wanted]
    if responds and not refers:
        return show(
            request,
            access,
            txn,
            "questions",
            400,
            error="Select the entry or entries this filing refers to.",
            **context,
        )
    return answered(txn, "questions", {"reliefs": reliefs, "refers": refers})


def text(request: HttpRequest, access: CourtAccess, txn: FilingTransaction) -> HttpResponse:
    if request.method == "GET":
        return show(request, access, txn, "text", modifiers=steps.MODIFIERS, preview=steps.docket_text(txn))
    modifier = request.POST.get("modifier", "")
    free = " ".join(request.POST.get("free", "").split())
    error = ""
    if modifier not in steps.MODIFIERS:
        error = "Choose a modifier from the list."
    elif len(free) > FREE_TEXT_MAX:
        error = f"The added text must be at most {FREE_TEXT_MAX} characters."
    if error:
        return show(
            request, access, txn, "text", 400, modifiers=steps.MODIFIERS, preview=steps.docket_text(txn), error=error
        )
    return answered(txn, "text", {"modifier": modifier, "free": free})


HANDLERS = {"upload": upload, "questions": questions, "text": text}
