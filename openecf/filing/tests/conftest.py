"""What the filing tests share: a civil case at wiwd with two attorneys of record, a linked filer who is not yet
in it, a client signed in as that filer, and small PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, force_sign_in, make_ecf, make_pacer
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case
from openecf.cases.pdfmake import make_pdf
from openecf.cmecf.models import EcfAccount, Link
from openecf.courts.models import Court

PASSWORD = "Old-Court-Password-1!"


@pytest.fixture(autouse=True)
def document_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "documents"
    settings.OPENECF_DOCUMENT_ROOT = root
    settings.OPENECF_DOCUMENT_STORAGE = ""
    return root


def stored_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def pdf(title: str = "Document", pages: int = 1) -> bytes:
    return make_pdf([[title, f"page {n}"] for n in range(1, pages + 1)])


@dataclass
class World:
    court: Court
    case: Case
    plaintiff_lawyer: EcfAccount
    defense_lawyer: EcfAccount
    filer: EcfAccount
    client: Client


def signed_in(
    login: str, name: str, court: str = "wiwd", role: str = "attorney", mfa_method: str = "totp"
) -> tuple[EcfAccount, Client]:
    """A linked filer signed in (by default with an authenticator app code, as filing requires)."""
    account = make_pacer(f"{login}pacer", name)
    ecf = make_ecf(court, login, name, PASSWORD, role=role)
    Link.objects.create(pacer_account=account, court_id=court, ecf_account=ecf)
    return ecf, force_sign_in(Client(), account, mfa_method=mfa_method)


@pytest.fixture
def world(db: None) -> World:
    court = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(
        court=court, case_type="cv", title="Smith v. Acme Widget Corp.", judge=judge, origin=TEST_ORIGIN
    )
    plaintiff_lawyer = make_ecf("wiwd", "asample", "Attorney Sample", PASSWORD)
    defense_lawyer = make_ecf("wiwd", "jdoe", "Jane Doe", PASSWORD)
    plaintiff = services.add_party(case=case, name="Ann Smith", role="plaintiff", origin=TEST_ORIGIN)
    defendant = services.add_party(case=case, name="Acme Widget Corp.", role="defendant", origin=TEST_ORIGIN)
    services.add_attorney(party=plaintiff, ecf_account=plaintiff_lawyer, role="lead", origin=TEST_ORIGIN)
    services.add_attorney(party=defendant, ecf_account=defense_lawyer, role="lead", origin=TEST_ORIGIN)
    file_entry(
        case=case,
        text="COMPLAINT against Acme Widget Corp. filed by Ann Smith.",
        documents=[Upload(pdf("Complaint"), "complaint.pdf")],
        filed_by=plaintiff_lawyer,
        origin=TEST_ORIGIN,
    )
    filer, client = signed_in("mattorney", "Maria Attorney")
    return World(court, case, plaintiff_lawyer, defense_lawyer, filer, client)


def step_path(response: Any) -> str:
    assert response.status_code == 302, (response.status_code, response.content.decode()[:2000])
    return str(response["Location"])


class Flow:
    """Drives a filing through its steps over HTTP, checking each lands where expected."""

    def __init__(self, client: Client, court: str = "wiwd") -> None:
        self.client = client
        self.court = court
        self.url = ""

    def start(self, menu: str, category: str, *events: str) -> str:
        response = self.client.post(f"/ecf/{self.court}/filing/{menu}/{category}/", {"event": list(events)})
        self.url = step_path(response)
        return self.url

    @property
    def step(self) -> str:
        match = re.search(r"/filing/t/[^/]+/([^/]+)/$", self.url)
        assert match
        return match[1]

    def answer(self, step: str, data: dict[str, Any] | None = None) -> Any:
        assert self.step == step, f"at {self.step}, not {step}"
        assert self.client.get(self.url).status_code == 200
        response = self.client.post(self.url, data or {})
        if response.status_code == 302:
            self.url = str(response["Location"])
        return response

    def go(self, step: str, data: dict[str, Any] | None = None) -> None:
        response = self.answer(step, data)
        assert response.status_code == 302, (step, response.status_code, response.content.decode()[:3000])
