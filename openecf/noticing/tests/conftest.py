"""What the noticing tests share: documents kept per test, a civil case at wiwd with two attorneys, a bankruptcy
case at wiwb, and filing with real PDFs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import TEST_ORIGIN, make_ecf
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, DocketEntry
from openecf.cases.pdfmake import make_pdf
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court

PASSWORD = "Old-Court-Password-1!"


@pytest.fixture(autouse=True)
def document_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "documents"
    settings.OPENECF_DOCUMENT_ROOT = root
    settings.OPENECF_DOCUMENT_STORAGE = ""
    settings.OPENECF_SITE_URL = "http://testserver"
    settings.OPENECF_COURT_DOMAIN = ""
    return root


@dataclass
class World:
    case: Case
    plaintiff_attorney: EcfAccount
    defense_attorney: EcfAccount


def civil_world() -> World:
    wiwd = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)
    plaintiff = services.add_party(case=case, name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    defendant = services.add_party(case=case, name="Acme Corp.", role="defendant", origin=TEST_ORIGIN)
    services.add_party(case=case, name="Pat Prose", role="intervenor", origin=TEST_ORIGIN)
    alice = make_ecf("wiwd", "aadams", "Alice Adams", PASSWORD, email="alice@adamslaw.example.com")
    bob = make_ecf("wiwd", "bbaker", "Bob Baker", PASSWORD, email="bob@bakerllp.example.com")
    services.add_attorney(party=plaintiff, ecf_account=alice, origin=TEST_ORIGIN)
    services.add_attorney(party=defendant, ecf_account=bob, origin=TEST_ORIGIN)
    return World(case, alice, bob)


@pytest.fixture
def world(db: None) -> World:
    return civil_world()


def file_with_pdfs(
    case: Case, filer: EcfAccount, text: str, *, attachments: int = 0, filename: str = "notice.pdf"
) -> DocketEntry:
    uploads = [Upload(make_pdf([[text], ["page 2"]]), filename)]
    uploads += [
        Upload(make_pdf([[f"Exhibit {n}"]]), f"exhibit-{n}.pdf", f"Exhibit {n}") for n in range(1, attachments + 1)
    ]
    return file_entry(case=case, text=text, documents=uploads, filed_by=filer, origin=TEST_ORIGIN)
