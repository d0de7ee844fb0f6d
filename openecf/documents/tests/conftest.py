"""What the document tests share: at wiwd a civil case with a motion and two exhibits, a 45-page transcript, a
sealed and a restricted document, and a sealed case; at wiwb a bankruptcy petition with a schedule. Documents are
kept per test; PACER accounts: a researcher (no link), the plaintiff's attorney (linked), a viewer (linked)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, force_sign_in, make_ecf, make_pacer
from openecf.accounts.models import PacerAccount
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, Document, DocumentAccess
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


def pdf(title: str, pages: int = 1, description: str = "") -> Upload:
    return Upload(make_pdf([[f"{title} page {n}"] for n in range(1, pages + 1)]), f"{title}.pdf", description)


@dataclass
class World:
    case: Case
    sealed_case: Case
    bankruptcy: Case
    motion: Document  # with attachments 1 and 2
    transcript: Document  # 45 pages, no attachments
    sealed: Document
    restricted: Document
    sealed_case_document: Document  # with one attachment
    petition: Document  # wiwb, with one attachment
    alice: EcfAccount  # the plaintiff's attorney
    viewer: EcfAccount
    researcher: PacerAccount
    alice_pacer: PacerAccount
    viewer_pacer: PacerAccount


def link(username: str, name: str, ecf: EcfAccount) -> PacerAccount:
    account = make_pacer(username, name)
    Link.objects.create(pacer_account=account, court_id=ecf.court_id, ecf_account=ecf)
    return account


def build_world() -> World:
    wiwd, wiwb = Court.objects.get(pk="wiwd"), Court.objects.get(pk="wiwb")
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)
    plaintiff = services.add_party(case=case, name="John Smith", role="plaintiff", origin=TEST_ORIGIN)
    alice = make_ecf("wiwd", "aadams", "Alice Adams", PASSWORD)
    viewer = make_ecf("wiwd", "vview", "Vera Viewer", PASSWORD, role="viewer")
    services.add_attorney(party=plaintiff, ecf_account=alice, origin=TEST_ORIGIN)
    motion = file_entry(
        case=case,
        text="MOTION to Dismiss by John Smith.",
        documents=[pdf("Motion", 2), pdf("Exhibit A", 3, "Exhibit A"), pdf("Exhibit B", 1, "Declaration of Smith")],
        filed_by=alice,
        origin=TEST_ORIGIN,
    )
    transcript = file_entry(
        case=case, text="TRANSCRIPT of hearing.", documents=[pdf("Transcript", 45)], origin=TEST_ORIGIN
    )
    sealed = file_entry(case=case, text="SEALED DOCUMENT.", documents=[pdf("Sealed")], origin=TEST_ORIGIN)
    restricted = file_entry(
        case=case, text="Statement of personal identifiers.", documents=[pdf("Identifiers")], origin=TEST_ORIGIN
    )
    Document.objects.filter(entry=sealed).update(access=DocumentAccess.SEALED)
    Document.objects.filter(entry=restricted).update(access=DocumentAccess.RESTRICTED)

    sealed_case = services.open_case(court=wiwd, case_type="cr", title="USA v. Sealed", judge=judge, origin=TEST_ORIGIN)
    Case.objects.filter(pk=sealed_case.pk).update(sealed=True)
    indictment = file_entry(
        case=sealed_case,
        text="INDICTMENT.",
        documents=[pdf("Indictment"), pdf("Penalty Sheet", 1, "Penalty Sheet")],
        origin=TEST_ORIGIN,
    )

    brand = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
    bankruptcy = services.open_case(
        court=wiwb, case_type="bk", title="Nancy Jean Stevens", judge=brand, origin=TEST_ORIGIN
    )
    petition = file_entry(
        case=bankruptcy,
        text="Chapter 7 Voluntary Petition for Individuals.",
        documents=[pdf("Petition", 4), pdf("Schedules", 2, "Schedules A/B")],
        origin=TEST_ORIGIN,
    )

    def main(entry: Any) -> Document:
        return Document.objects.select_related("entry__case__court").get(entry=entry, attachment_number=0)

    return World(
        case=Case.objects.get(pk=case.pk),
        sealed_case=Case.objects.get(pk=sealed_case.pk),
        bankruptcy=Case.objects.get(pk=bankruptcy.pk),
        motion=main(motion),
        transcript=main(transcript),
        sealed=main(sealed),
        restricted=main(restricted),
        sealed_case_document=main(indictment),
        petition=main(petition),
        alice=alice,
        viewer=viewer,
        researcher=make_pacer("researcher1", "Rita Searcher"),
        alice_pacer=link("aliceadams", "Alice Adams", alice),
        viewer_pacer=link("veraview", "Vera Viewer", viewer),
    )


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def signed_in(account: PacerAccount) -> Client:
    return force_sign_in(Client(), account)


def skip_menu(document: Document) -> str:
    """The document's doc1 id with the fourth digit 1: straight to its receipt."""
    return f"{document.pacer_doc_id[:3]}1{document.pacer_doc_id[4:]}"
