"""The court's Court Information page, cgi-bin/CourtInfo.pl, on the path-based site and the court's own host, and
the Utilities items that lead to it and to Check PDF Document."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import make_pacer
from openecf.cases.models import CourtFiling
from openecf.cases.services import filing_settings
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


def test_court_info_states_the_courts_limits_to_anyone() -> None:
    response = Client().get("/ecf/wiwd/cgi-bin/CourtInfo.pl")
    assert response.status_code == 200
    page = text(response)
    court = Court.objects.get(pk="wiwd")
    assert f"Court {court.name} Court ID wiwd PDF document size limit 35 MB PDF document page limit 5,000 pages" in page
    assert "Fillable PDF forms Accepted" in page
    assert "Refused: a file that is not a well-formed PDF; JavaScript" in page
    assert "/Launch, /ImportData, /SubmitForm, /GoToR, /GoToE" in page
    assert "Check PDF Document" not in page  # signed out: the utility is for signed-in users


def test_court_info_follows_the_courts_own_settings(settings: Any) -> None:
    filing_settings(Court.objects.get(pk="wied"))
    CourtFiling.objects.filter(court_id="wied").update(pdf_size_limit_mb=50, refuse_fillable_forms=True)
    page = text(Client().get("/ecf/wied/cgi-bin/CourtInfo.pl"))
    assert "PDF document size limit 50 MB" in page
    assert "Fillable PDF forms Must be flattened before filing" in page


def test_court_info_on_the_courts_own_host(settings: Any) -> None:
    settings.OPENECF_COURT_DOMAIN = "uscourts.example"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".uscourts.example"]
    response = Client().get("/cgi-bin/CourtInfo.pl", HTTP_HOST="ecf.wiwd.uscourts.example")
    assert response.status_code == 200
    assert "PDF document size limit 35 MB" in text(response)


def test_utilities_lead_to_court_info_and_check_pdf() -> None:
    client = Client()
    client.force_login(make_pacer("alndpacer", "Pat Pacer"))
    page = client.get("/ecf/cand/utilities/").content.decode()  # the default layout has both
    assert '<a href="/ecf/cand/cgi-bin/CourtInfo.pl">Court Information</a>' in page
    assert '<a href="/ecf/cand/utilities/check-pdf/">Check PDF Document</a>' in page
    signed_in = text(client.get("/ecf/cand/cgi-bin/CourtInfo.pl"))
    assert "Check PDF Document" in signed_in
    help_menu = client.get("/ecf/cand/menu/help/").content.decode()
    assert '<a href="/ecf/cand/cgi-bin/CourtInfo.pl">Court Information</a>' in help_menu


def test_check_pdf_document_form() -> None:
    client = Client()
    client.force_login(make_pacer("wiwdpacer", "Pat Pacer"))
    response = client.get("/ecf/wiwd/utilities/check-pdf/")
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "This court's rules for PDF documents Largest PDF document: 35 MB per file" in text(response)
    response = client.post("/ecf/wiwd/utilities/check-pdf/", {})
    assert response.status_code == 400
    assert "Choose a PDF document to check." in text(response)
