"""The fee pages: Utilities -> Review Billing History, View Your Transaction Log, Change PACER Exemption Status;
Usage in Manage My Account; the court's totals and exemptions on the clerk's desk; the Case Locator page."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, link_href, make_pacer, visible_text
from openecf.audit.models import AuditEvent
from openecf.billing import services
from openecf.billing.models import Charge, Exemption, ExemptionRequest
from openecf.cases import services as cases
from openecf.clerks.tests.conftest import desk_client, make_clerk
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(db: None) -> Any:
    return make_pacer("reader001", "Rita Reader")


def _charge(account: Any, court: Court, **kwargs: Any) -> Charge:
    base: dict[str, Any] = {
        "description": "Docket Report",
        "criteria": "3:26-cv-00001-JDP",
        "case_specific": True,
        "client_code": "",
    }
    return services.charge(account=account, court=court, origin=TEST_ORIGIN, **(base | kwargs))


def test_utilities_lead_to_the_billing_history_and_the_transaction_log(client_of: Any, reader: Any) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    _charge(reader, wiwd, html_bytes=5000, client_code="alpha")
    _charge(reader, wiwd, description="Image3-0", pages=40)
    _charge(reader, Court.objects.get(pk="wied"), pages=2)
    client = client_of(reader)
    utilities = client.get("/ecf/alnd/utilities/")  # seed 004's layout has the fee items (wiwd's has none)
    assert link_href(utilities, "Review Billing History") == "/ecf/alnd/utilities/billing-history/"
    assert link_href(utilities, "Change PACER Exemption Status") == "/ecf/alnd/utilities/exemption/"
    history = client.get("/ecf/wiwd/utilities/billing-history/")
    text = visible_text(history)
    assert "/cgi-bin/login.pl?logout" in history.content.decode()
    assert "By quarter" in text and "3 34 $3.40 $0.00 (waived: $30.00 or less)" in text
    assert "(none) 2 32 $3.20" in text and "alpha 1 2 $0.20" in text
    log = visible_text(client.get("/ecf/wiwd/utilities/transaction-log/"))
    assert "wiwd Image3-0 3:26-cv-00001-JDP 30 $3.00" in log
    assert "wiwd Docket Report 3:26-cv-00001-JDP alpha 2 $0.20" in log
    assert "wied" not in log.split("Transaction Log", 1)[1]


def test_a_user_asks_for_an_exemption_and_a_clerk_sets_it(client_of: Any, reader: Any, demo: None) -> None:
    client = client_of(reader)
    refused = client.post("/ecf/wiwd/utilities/exemption/", {"reason": "  "})
    assert refused.status_code == 400
    asked = client.post("/ecf/wiwd/utilities/exemption/", {"reason": "CJA counsel in 3:26-cr-00004"}, follow=True)
    assert "Your request was sent to the court." in visible_text(asked)
    assert "is pending" in visible_text(asked)
    assert ExemptionRequest.objects.get(account=reader).status == "pending"

    desk = desk_client(*make_clerk("claraclerk", "Clara Clerk", "wiwd"))
    assert "PACER fees" in visible_text(desk.get("/clerk/wiwd/"))
    page = desk.get("/clerk/wiwd/fees/")
    assert "reader001 Rita Reader CJA counsel in 3:26-cr-00004" in visible_text(page)
    bad = desk.post(
        "/clerk/wiwd/fees/",
        {"username": "reader001", "starts_on": "2026-02-01", "ends_on": "2026-01-01", "reason": "x"},
    )
    assert bad.status_code == 400 and "must end on or after the day it starts" in visible_text(bad)
    saved = desk.post(
        "/clerk/wiwd/fees/",
        {"username": "reader001", "starts_on": "2020-01-01", "ends_on": "2099-12-31", "reason": "CJA counsel"},
        follow=True,
    )
    assert "Exemption saved." in visible_text(saved)
    assert list(Exemption.objects.values_list("account__username", "starts_on", "ends_on")) == [
        ("reader001", date(2020, 1, 1), date(2099, 12, 31))
    ]
    assert ExemptionRequest.objects.get(account=reader).status == "granted"
    assert _charge(reader, Court.objects.get(pk="wiwd"), pages=5).waiver == "exemption"
    _charge(reader, Court.objects.get(pk="wiwd"), pages=40, case_specific=False)
    totals = visible_text(desk.get("/clerk/wiwd/fees/"))
    assert "2 45 $0.00" in totals and "Transactions without charge (opinions, free looks, exemptions): 2." in totals
    status = visible_text(client.get("/ecf/wiwd/utilities/exemption/"))
    assert "01/01/2020 12/31/2099 CJA counsel" in status
    assert AuditEvent.objects.filter(event="fee.exemption_requested", actor=reader).count() == 1


def test_manage_my_account_shows_usage_by_client_code_and_quarter(client_of: Any, reader: Any) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    for _ in range(11):
        _charge(reader, wiwd, pages=30, client_code="beta")
    text = visible_text(client_of(reader).get("/account/"))
    assert "Usage" in text
    assert "11 330 $33.00 $33.00" in text and "beta 11 330 $33.00" in text


def test_the_case_locator_page_searches_every_court_and_ends_with_its_receipt(client_of: Any, reader: Any) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    case = cases.open_case(court=wiwd, case_type="cv", title="Smith v. Acme Corp.", origin=TEST_ORIGIN)
    cases.add_party(case=case, name="Acme Corp.", role="defendant", origin=TEST_ORIGIN)
    court_page = Client().get("/courts/wiwd/")
    assert link_href(court_page, "Case Locator (PACER) »") == "/login/?court=wiwd&next=%2Fpcl%2F"
    client = client_of(reader)
    assert client.get("/pcl/").status_code == 200
    assert not Charge.objects.exists()
    found = client.get("/pcl/", {"last_name": "acme"})
    body = found.content.decode()
    assert "Smith v. Acme Corp." in visible_text(found)
    assert f'href="/ecf/wiwd/cgi-bin/iquery.pl?{case.caseid}"' in body
    assert body.rstrip().index("Transaction Receipt") > body.index("pcl-results")
    (charge,) = Charge.objects.all()
    assert (charge.description, charge.pages, charge.cost_cents, charge.court_id) == ("Case Search", 1, 10, None)
    assert "Billable Pages: 1 Cost: 0.10" in visible_text(found)
    none = client.get("/pcl/", {"case_number": "3:26-cv-99999"})
    assert "No cases found." in visible_text(none)
    assert Charge.objects.count() == 2
    wrong = client.get("/pcl/", {"case_number": "not a number"})
    assert wrong.status_code == 400 and "is not a case number" in visible_text(wrong)
    assert Charge.objects.count() == 2


def test_a_required_client_code_stops_the_case_locator(client_of: Any, reader: Any) -> None:
    from openecf.signon import services as signon

    client = client_of(reader)  # signed in without a code, then the account starts to require one
    signon.set_client_code_required(account=reader, required=True, origin=TEST_ORIGIN)
    refused = client.get("/pcl/", {"last_name": "acme"})
    assert refused.status_code == 400
    assert "A Client Code is required for PACER search" in visible_text(refused)
    assert not Charge.objects.exists()


def test_the_history_dates_a_charge_as_its_receipt_did_in_the_court_s_time(client_of: Any, reader: Any) -> None:
    from datetime import UTC, datetime

    wiwd = Court.objects.get(pk="wiwd")  # America/Chicago: 03:09 UTC on Dec 1 is 21:09 on Nov 30
    charge = _charge(reader, wiwd, description="Image1-0", pages=2)
    Charge.objects.filter(pk=charge.pk).update(created_at=datetime(2026, 12, 1, 3, 9, 16, tzinfo=UTC))
    text = visible_text(client_of(reader).get("/ecf/wiwd/utilities/billing-history/"))
    assert "11/30/2026 21:09:16 wiwd Image1-0 3:26-cv-00001-JDP 2 $0.20" in text
