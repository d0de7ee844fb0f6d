"""Utilities -> Check PDF Document (the filing's own PDF checks, nothing stored) and the court's Court Information
page, cgi-bin/CourtInfo.pl (its PDF rules and limits). Both read the court's CourtFiling settings, which is why
they live here, above cases, and not with the court's other pages in cmecf."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods

from openecf.cases.pdfchecks import PdfRefused, check_pdf, max_pages_setting, too_large
from openecf.cases.services import filing_settings
from openecf.cmecf.access import CourtAccess, court_access_by_id
from openecf.cmecf.views import _render, signed_in_at_court


class CheckPdfForm(forms.Form):
    document = forms.FileField(
        label="PDF document to check:",
        allow_empty_file=True,  # the checks refuse an empty file with the court's message, not the form
        error_messages={"required": "Choose a PDF document to check."},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


def _limits(access: CourtAccess) -> dict[str, Any]:
    filing = filing_settings(access.court)
    return {
        "filing": filing,
        "max_pages": max_pages_setting(),
        # The filing transaction's time limit arrives with the filing flow (CourtFiling.transaction_timeout_minutes).
        "timeout_minutes": getattr(filing, "transaction_timeout_minutes", None),
    }


@signed_in_at_court
@require_http_methods(["GET", "POST"])
def check_pdf_document(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    """The same checks a filing's upload gets, with this court's limits; the file is read, judged and dropped."""
    limits = _limits(access)
    if request.method == "GET":
        return _render(request, access, "filing/check_pdf.html", form=CheckPdfForm(), **limits)
    form = CheckPdfForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, access, "filing/check_pdf.html", form=form, status=400, **limits)
    upload = form.cleaned_data["document"]
    filing = filing_settings(access.court)
    result: dict[str, object] = {"filename": upload.name}
    try:
        if upload.size > filing.pdf_size_limit_bytes:
            raise too_large(upload.size, max_bytes=filing.pdf_size_limit_bytes)  # refused unread
        data = upload.read()
        facts = check_pdf(data, max_bytes=filing.pdf_size_limit_bytes, refuse_forms=filing.refuse_fillable_forms)
    except PdfRefused as refused:
        result["refused"] = refused.message
    else:
        result.update(pages=facts.page_count, size=len(data), sha256=hashlib.sha256(data).hexdigest())
    finally:
        upload.close()  # a large upload's temporary file goes now, not at the end of the request
    return _render(request, access, "filing/check_pdf.html", form=CheckPdfForm(), result=result, **limits)


def court_info(request: HttpRequest, court_id: str) -> HttpResponse:
    """cgi-bin/CourtInfo.pl: public, as the rules it states are (docs/decisions.md); signed in, in the court's
    frame with its menus."""
    access = court_access_by_id(request, court_id)
    return _render(request, access, "filing/court_info.html", **_limits(access))


urlpatterns: list[URLPattern] = [
    path("utilities/check-pdf/", check_pdf_document, name="filing_check_pdf"),
    path("cgi-bin/CourtInfo.pl", court_info, name="court_info"),
]
