"""pacersdk 0.1.1's batch searches, unmodified, against a live OpenECF: a report holds the search's results as they
were when submitted, equal to the immediate search's; its first download is billed (a page per 54 records, no cap),
later ones are not; reports are the submitting account's alone."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, make_pacer
from openecf.billing.models import Charge
from openecf.cases import services as cases
from openecf.courts.models import Court
from openecf.locator.models import BatchReport
from openecf.locator.tests.conftest import pcl_client, stored_cases
from openecf.signon import cso_tokens
from openecf.signon import services as signon
from openecf.signon.models import TokenOrigin

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("courts")]


def _ledger(username: str) -> list[tuple[str, int, int, str]]:
    charges = Charge.objects.filter(account__username=username).order_by("pk")
    return list(charges.values_list("description", "pages", "cost_cents", "client_code"))


def test_a_case_batch_keeps_the_search_s_results_and_bills_its_first_download(live_server: Any, tmp_path: Path) -> None:
    stored_cases()
    make_pacer("batcher01", "Bea Batcher")
    client = pcl_client(live_server, tmp_path, "batcher01", client_code="matter-7")
    immediate = client.case.search({"dateFiledFrom": "2025-01-01"})["content"]

    info = client.batch_case.submit({"dateFiledFrom": "2025-01-01"})
    report = BatchReport.objects.get()
    assert info == {
        "reportId": report.pk,
        "status": "COMPLETED",
        "startTime": report.started_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "endTime": report.ended_at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "recordCount": 3,
        "unbilledPageCount": 1,
        "downloadFee": 0.1,
        "pages": 1,
        "criteria": None,
        "caseCriteria": {"dateFiledFrom": "2025-01-01"},
        "partyCriteria": None,
        "searchType": "CASE",
        "sort": [],
    }
    assert _ledger("batcher01") == [("Case Search", 1, 10, "matter-7")]  # the immediate search only

    status = client.batch_case.status(str(report.pk))
    assert status["content"] == [info] and status["receipt"] is None

    # Filed after the report was made: not in it, as PCL's reports keep what was found when submitted.
    cases.open_case(
        court=Court.objects.get(pk="wiwd"),
        case_type="cv",
        title="Late v. Filer",
        origin=TEST_ORIGIN,
        filed_on=date(2026, 6, 1),
    )
    first = client.batch_case.download(str(report.pk))
    assert first["content"] == immediate
    assert [c["caseTitle"] for c in first["content"]] == ["USA v. Jones", "Acme Corp.", "Smith v. Acme Corp."]
    charge = Charge.objects.get(description="Batch Case Search")
    assert (first["receipt"]["transactionId"], first["receipt"]["billablePages"], first["receipt"]["fee"]) == (
        charge.pk,
        1,
        0.1,
    )
    assert first["receipt"]["clientCode"] == "matter-7"
    again = client.batch_case.download(str(report.pk))
    assert again == first
    assert _ledger("batcher01") == [("Case Search", 1, 10, "matter-7"), ("Batch Case Search", 1, 10, "matter-7")]

    listed = client.batch_case.listall()
    assert [(r["reportId"], r["unbilledPageCount"], r["downloadFee"]) for r in listed["content"]] == [
        (report.pk, 0, 0.1)
    ]
    assert client.batch_case.delete(str(report.pk)) == {"status": "No Content"}
    assert client.batch_case.listall()["content"] == []
    with pytest.raises(RuntimeError, match=r'^HTTP 404 Error: \{"message": "No such report."\}$'):
        client.batch_case.download(str(report.pk))
    assert Charge.objects.filter(description="Batch Case Search").count() == 1  # the charge outlives the report
    client.logout()


def test_a_party_batch_downloads_what_the_party_search_finds(live_server: Any, tmp_path: Path) -> None:
    stored_cases()
    make_pacer("batcher02", "Bo Batcher")
    client = pcl_client(live_server, tmp_path, "batcher02")
    immediate = client.party.search({"lastName": "Acme Corp."})["content"]
    info = client.batch_party.submit({"lastName": "Acme Corp.", "courtCase": {"caseType": ["bk", "cv"]}})
    assert (info["searchType"], info["recordCount"], info["caseCriteria"]) == ("PARTY", 2, None)
    assert info["partyCriteria"] == {"lastName": "Acme Corp.", "courtCase": {"caseType": ["bk", "cv"]}}
    downloaded = client.batch_party.download(str(info["reportId"]))
    assert downloaded["content"] == immediate
    assert [(p["courtId"], p["partyRole"]) for p in downloaded["content"]] == [
        ("wiwb", "Debtor"),
        ("wiwd", "Defendant"),
    ]
    assert _ledger("batcher02") == [("Party Search", 1, 10, ""), ("Batch Party Search", 1, 10, "")]
    # A case report's id is no party report, and the other way round.
    with pytest.raises(RuntimeError, match=r"^HTTP 404 Error"):
        client.batch_case.status(str(info["reportId"]))


def test_a_batch_is_billed_a_page_per_54_records_without_a_cap_and_one_page_when_empty(
    live_server: Any, tmp_path: Path
) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    for n in range(400):
        cases.open_case(
            court=wiwd, case_type="cv", title=f"Doe {n:03d} v. Roe", origin=TEST_ORIGIN, filed_on=date(2026, 1, 5)
        )
    make_pacer("batcher03", "Bud Batcher")
    client = pcl_client(live_server, tmp_path, "batcher03")
    big = client.batch_case.submit({"caseTitle": "v. Roe"})
    assert (big["recordCount"], big["pages"], big["downloadFee"]) == (400, 8, 0.8)
    records = client.batch_case.download(str(big["reportId"]))
    assert [c["caseTitle"] for c in records["content"]] == [f"Doe {n:03d} v. Roe" for n in range(400)]
    empty = client.batch_case.submit({"caseTitle": "No Such Title"})
    assert (empty["recordCount"], empty["pages"], empty["unbilledPageCount"]) == (0, 1, 1)
    assert client.batch_case.download(str(empty["reportId"]))["content"] == []
    # 400 records are 8 pages, $0.80: no $3.00 cap would show at this size, so the cap's absence is checked by rule.
    assert _ledger("batcher03") == [("Batch Case Search", 8, 80, ""), ("Batch Case Search", 1, 10, "")]


def _call(method: str, path: str, token: str | None, body: object = None, **headers: Any) -> tuple[int, Any]:
    if token is not None:
        headers["HTTP_X_NEXT_GEN_CSO"] = token
    client = Client()
    data = json.dumps(body) if body is not None else None
    if method == "post":
        response = client.post(path, data or "{}", content_type="application/json", **headers)
    else:
        response = getattr(client, method)(path, **headers)
    return response.status_code, json.loads(response.content) if response.content else None


@pytest.mark.django_db
def test_reports_are_their_account_s_alone_and_refusals_say_why() -> None:
    owner = make_pacer("batcher04", "Ben Batcher")
    other = make_pacer("batcher05", "Bob Batcher")
    mine = cso_tokens.issue(account=owner, origin=TokenOrigin.API)
    theirs = cso_tokens.issue(account=other, origin=TokenOrigin.API)
    base = "/pcl-public-api/rest/cases"
    status, info = _call("post", f"{base}/download", mine, {"caseTitle": "anything"})
    assert status == 200
    rid = info["reportId"]
    missing = (404, {"message": "No such report."})
    assert _call("get", f"{base}/download/status/{rid}", theirs) == missing
    assert _call("get", f"{base}/download/{rid}", theirs) == missing
    assert _call("delete", f"{base}/reports/{rid}", theirs) == missing
    assert _call("get", f"{base}/reports", theirs)[1]["content"] == []
    for odd in ("abc", "-1", "9" * 30, "1.5"):
        assert _call("get", f"{base}/download/status/{odd}", mine) == missing
    assert _call("get", f"{base}/download/{rid}", None) == (
        401,
        {"message": "Not signed on: send a live PACER token in X-NEXT-GEN-CSO."},
    )
    assert _call("post", f"{base}/download", mine, {"dateFiledFrom": "soon"}) == (
        406,
        {"message": "dateFiledFrom must be a date, YYYY-MM-DD; 'soon' is not."},
    )
    assert _call("get", f"{base}/download", mine)[0] == 405
    signon.set_client_code_required(account=owner, required=True, origin=TEST_ORIGIN)
    assert _call("post", f"{base}/download", mine, {"caseTitle": "x"}) == (
        406,
        {"message": "A Client Code is required for PACER search"},
    )
    assert _call("get", f"{base}/download/{rid}", mine) == (
        406,
        {"message": "A Client Code is required for PACER search"},
    )
    assert _call("get", f"{base}/download/{rid}", mine, HTTP_X_CLIENT_CODE="m-1")[0] == 200
    assert BatchReport.objects.filter(account=owner).count() == 1
    assert list(Charge.objects.values_list("account__username", "description", "client_code")) == [
        ("batcher04", "Batch Case Search", "m-1")
    ]
