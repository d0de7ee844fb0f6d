"""Sealed cases and sealed or restricted documents on Query and Reports (docs/decisions.md, "Sealed and
restricted"): openecf/cases/visibility.py decides, these pages obey."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, force_sign_in, make_filer, make_pacer, pacer_login
from openecf.billing.models import Charge
from openecf.cases import services
from openecf.cases.docketing import file_entry
from openecf.cases.models import Case, DocumentAccess
from openecf.cmecf.models import Link
from openecf.courts.models import Court
from openecf.reports.tests.conftest import has_receipt, pdf

pytestmark = pytest.mark.django_db

BASE = "/ecf/wiwd/cgi-bin/"
SEALED = "This case is SEALED."
LOGOUT = "/cgi-bin/login.pl?logout"


@pytest.fixture
def case(db: None) -> Case:
    court = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=court, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=court, case_type="cv", title="Doe v. Roe", judge=judge, origin=TEST_ORIGIN)
    doe = services.add_party(case=case, name="Jane Doe", role="plaintiff", origin=TEST_ORIGIN)
    lawyer = make_filer("counsel1", "Carla Counsel")
    services.add_attorney(party=doe, ecf_account=Link.objects.get(pacer_account=lawyer).ecf_account, origin=TEST_ORIGIN)
    for text, documents in (
        ("COMPLAINT by Jane Doe.", [pdf("Complaint"), pdf("Exhibit A")]),
        ("SEALED MOTION by Jane Doe.", [pdf("Sealed Motion"), pdf("Sealed Exhibit")]),
        ("Statement of Social Security Number by Jane Doe.", [pdf("SSN Statement")]),
    ):
        file_entry(case=case, text=text, documents=documents, filed_on=date(2024, 1, 5), origin=TEST_ORIGIN)
    _complaint, motion, statement = case.entries.order_by("de_seq_num")
    motion.documents.update(access=DocumentAccess.SEALED)
    statement.documents.update(access=DocumentAccess.RESTRICTED)
    return case


@pytest.fixture
def researcher(db: None) -> Client:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    assert pacer_login(client, "researcher1", court="wiwd").status_code == 302
    return client


@pytest.fixture
def participant(case: Case) -> Client:
    return force_sign_in(Client(), Link.objects.get(ecf_account__login="counseecf").pacer_account)


def links(page: str, case: Case) -> dict[str, bool]:
    """Per document label (1, 1-1, 2...), whether the docket links it to doc1."""
    found = {}
    for entry in case.entries.prefetch_related("documents"):
        for document in entry.documents.all():
            found[document.label] = f"/doc1/{document.pacer_doc_id}" in page
    return found


def docket(client: Client, case: Case) -> str:
    response = client.post(f"{BASE}DktRpt.pl?1-L_1_0-1", {"all_case_ids": str(case.caseid)})
    assert response.status_code == 200
    return response.content.decode()


def test_sealed_and_restricted_documents_are_listed_unlinked_for_the_public(researcher: Client, case: Case) -> None:
    page = docket(researcher, case)
    assert links(page, case) == {"1": True, "1-1": True, "2": False, "2-1": False, "3": False}
    assert "SEALED MOTION by Jane Doe. (Attachments: # 1 Sealed Exhibit)" in page
    assert "Statement of Social Security Number by Jane Doe." in page
    assert Charge.objects.get().description == "Docket Report"


def test_participants_link_restricted_documents_never_sealed_ones(participant: Client, case: Case) -> None:
    page = docket(participant, case)
    assert links(page, case) == {"1": True, "1-1": True, "2": False, "2-1": False, "3": True}


def test_history_links_follow_the_same_rules(researcher: Client, case: Case) -> None:
    form = researcher.get(f"{BASE}HistDocQry.pl?{case.caseid}").content.decode()
    token = form.split("HistDocQry.pl?")[1].split('"')[0]
    page = researcher.post(f"{BASE}HistDocQry.pl?{token}", {"QueryType": "History"}).content.decode()
    assert {label: linked for label, linked in links(page, case).items() if "-" not in label} == {
        "1": True,
        "2": False,
        "3": False,
    }


def test_a_sealed_case_is_listed_but_not_shown_to_others(researcher: Client, case: Case) -> None:
    form = researcher.get(f"{BASE}HistDocQry.pl?{case.caseid}").content.decode()
    token = form.split("HistDocQry.pl?")[1].split('"')[0]  # taken before the seal
    Case.objects.filter(pk=case.pk).update(sealed=True)

    results = researcher.post(f"{BASE}iquery.pl?1-L_1_0-1", {"last_name": "Doe"})
    assert results.status_code == 200
    assert f">{case.number}</a></td><td>Doe v. Roe</td>" in results.content.decode()

    summary = researcher.get(f"{BASE}iquery.pl?{case.caseid}").content.decode()
    assert f'<b><font size="+1">{case.number}</font></b>Doe v. Roe<br>' in summary
    assert SEALED in summary
    assert "Judith D. Parker" not in summary and f"DktRpt.pl?{case.caseid}" not in summary

    for method, path, data in (
        ("get", f"DktRpt.pl?{case.caseid}", {}),
        ("post", "DktRpt.pl?1-L_1_0-1", {"all_case_ids": str(case.caseid)}),
        ("post", "DktRpt.pl?1-L_1_0-1", {"case_num": case.full_number}),
        ("get", f"HistDocQry.pl?{case.caseid}", {}),
        ("post", "HistDocQry.pl?1-L_1_0-1", {"case_num": case.full_number}),
        ("post", f"HistDocQry.pl?{token}", {"QueryType": "History"}),
        ("get", f"iquery.pl?{case.caseid}&parties", {}),
        ("get", f"iquery.pl?{case.caseid}&attorneys", {}),
    ):
        response = getattr(researcher, method)(f"{BASE}{path}", data)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert SEALED in page and LOGOUT in page, path
        assert "COMPLAINT" not in page and "Jane Doe" not in page and not has_receipt(page), path
    # Only the search was charged: the refusals cost nothing.
    assert list(Charge.objects.values_list("description", flat=True)) == ["Search"]


def test_a_sealed_case_is_shown_to_its_participants(participant: Client, case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(sealed=True)
    page = docket(participant, case)
    assert "COMPLAINT by Jane Doe." in page and SEALED not in page
    summary = participant.get(f"{BASE}iquery.pl?{case.caseid}").content.decode()
    assert f"DktRpt.pl?{case.caseid}" in summary and SEALED not in summary
    attorneys = participant.get(f"{BASE}iquery.pl?{case.caseid}&attorneys").content.decode()
    assert "<b>Carla Counsel</b>" in attorneys
    assert list(Charge.objects.order_by("pk").values_list("description", flat=True)) == [
        "Docket Report",
        "Attorney List",
    ]


def test_possible_case_numbers_says_case_under_seal_to_others_and_lists_it_for_participants(
    researcher: Client, participant: Client, case: Case
) -> None:
    """As real CM/ECF answers a sealed case ("Case Under Seal", which juriscraper reads as no case)."""
    Case.objects.filter(pk=case.pk).update(sealed=True)
    typed = case.full_number
    answer = researcher.get(f"{BASE}possible_case_numbers.pl?{typed}").content.decode()
    assert answer == f'<request number="{typed}"><message text="Case Under Seal"/></request>'
    shown = participant.get(f"{BASE}possible_case_numbers.pl?{typed}").content.decode()
    assert f'<case number="{typed}" id="{case.caseid}" title="{case.number} Doe v. Roe"' in shown
    missing = researcher.get(f"{BASE}possible_case_numbers.pl?1:99-cv-99999").content.decode()
    assert missing == '<request number="1:99-cv-99999"><message text="Cannot find case 1:99-cv-99999"/></request>'
