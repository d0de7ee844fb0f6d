"""Small pieces of CM/ECF's page language shared by Query and the Reports menu's pages: its dates, its form
parameters (POSTed multipart or in the query string), and its document links with the goDLS onclick clients read."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.html import escape


def mdy(value: date | None) -> str:
    """A date as CM/ECF writes it: 03/01/2024; empty for none."""
    return value.strftime("%m/%d/%Y") if value else ""


def params(request: HttpRequest) -> QueryDict:
    """The form's fields, wherever they came: a POST's body, else the query string."""
    return request.POST if request.method == "POST" else request.GET


def doc1_base(court_id: str) -> str:
    return f"{reverse('cmecf:home', args=[court_id])}doc1/"


def doc_link(base: str, caseid: int, de_seq_num: int, pacer_doc_id: str, text: str) -> str:
    """A document number as dockets link it: doc1 with CM/ECF's goDLS onclick (juriscraper reads its arguments)."""
    url = f"{base}{pacer_doc_id}"
    onclick = f"goDLS('{url}','{caseid}','{de_seq_num}','','','1','','');return(false);"
    return f'<a href="{escape(url)}" onclick="{escape(onclick)}">{escape(text)}</a>'
