"""Absolute addresses of a court's pages for e-mail: the NEF is written with no request at hand.

With OPENECF_COURT_DOMAIN the court's own host (https://ecf.wiwd.<domain>/doc1/...), as real NEFs link; else the
path-based site under OPENECF_SITE_URL (/ecf/wiwd/doc1/...). With neither set, the demo's address.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse

from openecf.cases.models import Case, Document
from openecf.courts.models import Court

DEMO_SITE_URL = "http://127.0.0.1:8000"


def court_url(court: Court, path: str) -> str:
    """``path`` is a court-site path as the path-based URLconf reverses it (/ecf/<court>/...)."""
    site = (settings.OPENECF_SITE_URL or DEMO_SITE_URL).rstrip("/")
    domain = settings.OPENECF_COURT_DOMAIN
    if domain:
        parts = urlsplit(site)
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme or 'https'}://ecf.{court.pk}.{domain}{port}{path.removeprefix(f'/ecf/{court.pk}')}"
    return f"{site}{path}"


def free_look_url(document: Document, magic_num: int | None) -> str:
    """The doc1 link with the fourth digit 1 (straight to the document, as NEF links are), the case's caseid, the
    entry's de_seq_num and, for a recipient, their magic_num."""
    entry = document.entry
    case = entry.case
    doc_id = document.direct_doc_id
    query = {"caseid": case.caseid, "de_seq_num": entry.de_seq_num}
    if magic_num is not None:
        query["magic_num"] = magic_num
    path = reverse("cmecf:doc1", args=[case.court_id, doc_id])
    return f"{court_url(case.court, path)}?{urlencode(query)}"


def docket_report_url(case: Case) -> str:
    """The case's docket report, DktRpt.pl?{caseid}, as the NEF's case number links it."""
    return court_url(case.court, f"/ecf/{case.court_id}/cgi-bin/DktRpt.pl?{case.caseid}")
