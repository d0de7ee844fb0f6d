"""billing.services.charge: the ledger entry, its audit event, waivers, exemptions, client codes, the receipt."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.template import Context, Template
from juriscraper.pacer import DownloadConfirmationPage

from conftest import TEST_ORIGIN, make_pacer
from openecf.audit.models import AuditEvent
from openecf.billing import services
from openecf.billing.models import Charge, Exemption, Waiver
from openecf.billing.selectors import usage_by_client_code, usage_by_quarter
from openecf.courts.models import Court
from openecf.signon import services as signon

pytestmark = pytest.mark.django_db


@pytest.fixture
def wiwd(db: None) -> Court:
    return Court.objects.get(pk="wiwd")


@pytest.fixture
def reader(db: None) -> Any:
    return make_pacer("reader001", "Rita Reader")


def _charge(account: Any, court: Court | None, **kwargs: object) -> Charge:
    base: dict[str, Any] = {
        "description": "Docket Report",
        "criteria": "3:26-cv-00001-JDP",
        "case_specific": True,
        "client_code": "",
        "origin": TEST_ORIGIN,
    }
    return services.charge(account=account, court=court, **(base | kwargs))


def test_a_docket_report_is_billed_by_its_html_and_capped_with_its_audit_event(reader: Any, wiwd: Court) -> None:
    small = _charge(reader, wiwd, html_bytes=9000, client_code="matter-7")
    big = _charge(reader, wiwd, html_bytes=4320 * 45)
    assert (small.pages, small.cost_cents, small.client_code, small.waiver) == (3, 30, "matter-7", "")
    assert (big.pages, big.cost_cents) == (30, 300)
    event = AuditEvent.objects.get(event="fee.charged", detail__charge=small.pk)
    assert event.actor_id == reader.pk
    assert (event.detail["pages"], event.detail["cost_cents"], event.detail["client_code"]) == (3, 30, "matter-7")


def test_a_pdf_is_billed_by_its_pages_capped_and_a_search_is_not(reader: Any, wiwd: Court) -> None:
    pdf = _charge(reader, wiwd, description="Image5-0", pages=45)
    search = _charge(
        reader, wiwd, description="Search", criteria="Last Name: Smith", html_bytes=4320 * 45, case_specific=False
    )
    assert (pdf.pages, pdf.cost_cents) == (30, 300)
    assert (search.pages, search.cost_cents) == (45, 450)


def test_a_search_with_no_match_costs_one_page(reader: Any, wiwd: Court) -> None:
    nothing = _charge(reader, wiwd, description="Search", html_bytes=20000, case_specific=False, matched=False)
    assert (nothing.pages, nothing.cost_cents) == (1, 10)


def test_opinions_and_free_looks_cost_nothing(reader: Any, wiwd: Court) -> None:
    opinion = _charge(reader, wiwd, description="Image9-0", pages=12, free=Waiver.OPINION)
    look = _charge(reader, wiwd, description="Image9-0", pages=12, free=Waiver.FREE_LOOK)
    assert [(c.pages, c.cost_cents, c.waiver) for c in (opinion, look)] == [(12, 0, "opinion"), (12, 0, "free_look")]


def test_an_exemption_waives_charges_at_its_court_for_its_period_only(reader: Any, wiwd: Court) -> None:
    clerk = make_pacer("clerk001", "Clara Clerk")
    today = wiwd.local_date()
    services.set_exemption(
        clerk=clerk,
        account=reader,
        court=wiwd,
        starts_on=today,
        ends_on=today + timedelta(days=30),
        reason="CJA counsel",
        origin=TEST_ORIGIN,
    )
    exempt = _charge(reader, wiwd, pages=4)
    elsewhere = _charge(reader, Court.objects.get(pk="wied"), pages=4)
    assert (exempt.cost_cents, exempt.waiver, exempt.pages) == (0, "exemption", 4)
    assert (elsewhere.cost_cents, elsewhere.waiver) == (40, "")
    Exemption.objects.update(starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=1))
    assert _charge(reader, wiwd, pages=4).cost_cents == 40
    assert AuditEvent.objects.filter(event="fee.exemption_set", actor=clerk, detail__reason="CJA counsel").count() == 1


def test_a_required_client_code_refuses_before_anything_is_written(reader: Any, wiwd: Court) -> None:
    wiwd.client_code_required = True
    wiwd.save()
    with pytest.raises(services.ClientCodeRequired, match=r"^A Client Code is required for PACER search$"):
        _charge(reader, wiwd, pages=1)
    assert _charge(reader, wiwd, pages=1, client_code="m1").cost_cents == 10
    wied = Court.objects.get(pk="wied")
    assert _charge(reader, wied, pages=1).cost_cents == 10
    signon.set_client_code_required(account=reader, required=True, origin=TEST_ORIGIN)
    with pytest.raises(services.ClientCodeRequired):
        _charge(reader, wied, pages=1)
    assert Charge.objects.count() == 2
    assert AuditEvent.objects.filter(event="fee.charged").count() == 2


def test_either_pages_or_html_bytes(reader: Any, wiwd: Court) -> None:
    with pytest.raises(ValueError, match="either pages"):
        _charge(reader, wiwd, pages=1, html_bytes=10)
    with pytest.raises(ValueError, match="either pages"):
        _charge(reader, wiwd)


def test_usage_by_client_code_and_by_quarter_with_the_thirty_dollar_waiver(reader: Any, wiwd: Court) -> None:
    for _ in range(10):
        _charge(reader, wiwd, pages=30, client_code="alpha")  # 10 x $3.00 = $30.00
    _charge(reader, wiwd, pages=2)
    by_code = {u.label: (u.transactions, u.pages, u.cost_cents) for u in usage_by_client_code(reader)}
    assert by_code == {"(none)": (1, 2, 20), "alpha": (10, 300, 3000)}
    (quarter,) = usage_by_quarter(reader)
    assert (quarter.cost_cents, quarter.due_cents, quarter.waived) == (3020, 3020, False)
    Charge.objects.filter(client_code="").delete()
    (quarter,) = usage_by_quarter(reader)
    assert (quarter.cost_cents, quarter.due_cents, quarter.waived, quarter.due) == (3000, 0, True, "0.00")


def test_the_receipt_parses_with_juriscraper_and_matches_the_ledger(reader: Any, wiwd: Court) -> None:
    entry = _charge(reader, wiwd, description="Image12-0", criteria="3:26-cv-00001-JDP", pages=7, client_code="m-9")
    html = Template(
        "{% load billing_receipt %}<html><body><p>x</p>{% transaction_receipt charge %}</body></html>"
    ).render(Context({"charge": entry}))
    page = DownloadConfirmationPage("wiwd")
    page._parse_text(html)
    data = page.data
    local = entry.created_at.astimezone(wiwd.zone).replace(microsecond=0, tzinfo=None)
    assert data["cost"] == "0.70"
    assert data["billable_pages"] == "7"
    assert data["document_description"] == "Image12-0"
    assert data["docket_number"] == "3:26-cv-00001-JDP"
    assert data["transaction_date"].replace(tzinfo=None) == local
    assert '<td align="LEFT"><font size="-1" color="DARKBLUE">reader001</font></td>' in html
    assert "Client Code:" in html and ">m-9<" in html
