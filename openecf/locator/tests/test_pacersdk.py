"""pacersdk 0.1.1, unmodified, against a live OpenECF: its case and party searches get exactly the stored cases,
and each results page is on the ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pacersdk.session import PCLSession

from conftest import TEST_ORIGIN, make_pacer
from openecf.billing.models import Charge
from openecf.cases import services as cases
from openecf.courts.models import Court
from openecf.locator.tests.conftest import pcl_client, stored_cases

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]


def test_pacersdk_case_and_party_searches_get_exactly_the_stored_cases(live_server: Any, tmp_path: Path) -> None:
    made = stored_cases()
    make_pacer("searcher01", "Sara Searcher")
    client = pcl_client(live_server, tmp_path, "searcher01", client_code="matter-1")

    everything = client.case.search({"dateFiledFrom": "2025-01-01"})
    assert [c["caseNumberFull"] for c in everything["content"]] == ["2:26-cr-00001-HG", "25-00001", "3:26-cv-00001-JDP"]
    smith = made["smith"]
    first = everything["content"][2]  # by court: wied, wiwb, wiwd
    assert first == {
        "courtId": "wiwd",
        "caseId": str(smith.caseid),
        "caseYear": 2026,
        "caseNumber": 1,
        "caseNumberFull": smith.number,
        "caseOffice": str(smith.office),
        "caseType": "cv",
        "caseTitle": "Smith v. Acme Corp.",
        "jurisdictionType": "cv",
        "natureOfSuit": "190 Contract: Other",
        "judgeLastName": "Parker",
        "dateFiled": "2026-03-02",
        "dateTermed": None,
        "caseLink": f"{live_server.url}/ecf/wiwd/cgi-bin/iquery.pl?{smith.caseid}",
    }
    assert everything["pageInfo"] == {
        "number": 0,
        "size": 54,
        "totalPages": 1,
        "totalElements": 3,
        "numberOfElements": 3,
        "first": True,
        "last": True,
    }
    receipt = everything["receipt"]
    assert (receipt["billablePages"], receipt["fee"], receipt["loginId"], receipt["clientCode"]) == (
        1,
        0.1,
        "searcher01",
        "matter-1",
    )

    by_number = client.case.search({"caseNumberFull": "3:26-cv-1", "courtId": ["wiwd"]})
    assert [c["caseId"] for c in by_number["content"]] == [str(smith.caseid)]
    by_party = client.case.search({"party": {"lastName": "acme"}})
    assert [c["caseTitle"] for c in by_party["content"]] == ["Acme Corp.", "Smith v. Acme Corp."]
    criminal = client.case.search({"caseType": ["cr"]})
    assert [c["caseTitle"] for c in criminal["content"]] == ["USA v. Jones"]

    parties = client.party.search({"lastName": "Acme Corp."})
    assert [(p["courtId"], p["lastName"], p["partyRole"], p["caseNumberFull"]) for p in parties["content"]] == [
        ("wiwb", "Acme Corp.", "Debtor", "25-00001"),
        ("wiwd", "Acme Corp.", "Defendant", "3:26-cv-00001-JDP"),
    ]
    jones = client.party.search({"lastName": "jones", "courtCase": {"courtId": ["wied"]}})
    assert [(p["lastName"], p["partyRole"], p["seqNo"]) for p in jones["content"]] == [("Robert Jones", "Defendant", 1)]

    nothing = client.case.search({"caseTitle": "No Such Title"})
    assert nothing["content"] == [] and nothing["pageInfo"]["totalElements"] == 0
    assert nothing["receipt"]["billablePages"] == 1

    ledger = list(Charge.objects.filter(account__username="searcher01").order_by("pk"))
    assert [(c.description, c.pages, c.cost_cents, c.client_code, c.court_id) for c in ledger] == [
        ("Case Search", 1, 10, "matter-1", None)
    ] * 4 + [("Party Search", 1, 10, "matter-1", None)] * 2 + [("Case Search", 1, 10, "matter-1", None)]
    assert receipt["transactionId"] == ledger[0].pk
    client.logout()


def test_pacersdk_pages_of_54_each_billed_and_a_page_past_the_end_is_204(live_server: Any, tmp_path: Path) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    for n in range(60):
        cases.open_case(
            court=wiwd, case_type="cv", title=f"Doe {n:02d} v. Roe", origin=TEST_ORIGIN, filed_on=date(2026, 1, 5)
        )
    make_pacer("searcher02", "Sam Searcher")
    client = pcl_client(live_server, tmp_path, "searcher02")
    pages = list(client.case.search_all({"caseTitle": "v. Roe"}))
    assert [len(p["content"]) for p in pages] == [54, 6]
    assert [p["pageInfo"]["number"] for p in pages] == [0, 1]
    titles = [c["caseTitle"] for p in pages for c in p["content"]]
    assert titles == [f"Doe {n:02d} v. Roe" for n in range(60)]
    assert client.case.search({"caseTitle": "v. Roe"}, page=2) == {"status": "No Content"}
    assert list(Charge.objects.filter(account__username="searcher02").values_list("pages", "cost_cents")) == [
        (1, 10),
        (1, 10),
    ]


def test_the_api_answers_401_without_a_token_and_406_for_bad_criteria(live_server: Any, tmp_path: Path) -> None:
    make_pacer("searcher03", "Sue Searcher")
    client = pcl_client(live_server, tmp_path, "searcher03")
    with pytest.raises(RuntimeError, match=r'^HTTP 406 Error: \{"message": "dateFiledFrom must be a date'):
        client.case.search({"dateFiledFrom": "yesterday"})
    with pytest.raises(RuntimeError, match=r"^HTTP 406 Error: .*Unsupported search field\(s\) in the search: ssn"):
        client.party.search({"lastName": "x", "ssn": "123"})
    with pytest.raises(RuntimeError, match=r"^HTTP 406 Error: .*Enter at least one search criterion"):
        client.case.search({})
    stale = PCLSession(lambda: "x" * 128, {"pclapiurl": live_server.url}, 0, "x" * 128)
    with pytest.raises(RuntimeError, match=r"^HTTP 401 Error: .*X-NEXT-GEN-CSO"):
        stale.post("/pcl-public-api/rest/cases/find?page=0", {"caseTitle": "a"})
    assert not Charge.objects.exists()
