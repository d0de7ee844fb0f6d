"""A bankruptcy case's claims register (add_claim, the Claim table's constraints) and the written-opinion mark a
docket entry carries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import TEST_ORIGIN
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.claims import add_claim
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, Claim, ClaimStatus, DocketEntry
from openecf.cases.pdfmake import make_pdf
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


@pytest.fixture
def bankruptcy(db: None) -> Case:
    wiwb = Court.objects.get(pk="wiwb")
    judge = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
    return services.open_case(court=wiwb, case_type="bk", title="In re Ann Debtor", judge=judge, origin=TEST_ORIGIN)


def claim(case: Case, **kwargs: object) -> Claim:
    values: dict[str, object] = {
        "creditor_name": "Northern Bank, N.A.",
        "amount_claimed": Decimal("100.00"),
        "entered_by": "Northern Bank, N.A.",
        "origin": TEST_ORIGIN,
        **kwargs,
    }
    return add_claim(case=case, **values)  # type: ignore[arg-type]


def test_claims_are_numbered_in_their_case_stored_as_given_and_audited(bankruptcy: Case) -> None:
    first = claim(
        bankruptcy,
        creditor_name="  Northern   Bank, N.A. ",
        creditor_address=" 100 Main Street \n\n Madison, WI 53703 ",
        amount_claimed=Decimal("182450"),
        secured_claimed=Decimal("182450.004"),
        description="Mortgage",
        filed_by="Agent LLC",
        filed_on=date(2024, 4, 20),
        status=ClaimStatus.ALLOWED,
        remarks=" Amended. ",
    )
    second = claim(bankruptcy, creditor_name="Revenue")
    assert (first.number, second.number) == (1, 2)
    stored = Claim.objects.get(pk=first.pk)
    assert (
        stored.creditor_name,
        stored.creditor_address,
        stored.amount_claimed,
        stored.secured_claimed,
        stored.priority_claimed,
        stored.description,
        stored.filed_by,
        stored.filed_on,
        stored.status,
        stored.remarks,
    ) == (
        "Northern Bank, N.A.",
        "100 Main Street\nMadison, WI 53703",
        Decimal("182450.00"),
        Decimal("182450.00"),
        None,
        "Mortgage",
        "Agent LLC",
        date(2024, 4, 20),
        "Allowed",
        "Amended.",
    )
    assert Claim.objects.get(pk=second.pk).filed_on == bankruptcy.court.local_date()
    event = AuditEvent.objects.filter(event="claim.filed").order_by("id").first()
    assert event is not None
    assert (event.court_id, event.detail["claim"], event.detail["creditor"], event.detail["amount_claimed"]) == (
        "wiwb",
        1,
        "Northern Bank, N.A.",
        "182450.00",
    )
    assert event.detail["secured_claimed"] == "182450.00"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"creditor_name": "  "}, "Name the creditor."),
        ({"entered_by": ""}, "Name who entered the claim."),
        ({"status": "Paid"}, "Unknown claim status 'Paid'."),
        (
            {"amount_claimed": Decimal("-1")},
            "The amount claimed must be a dollar amount from $0.00 to $999,999,999,999.99.",
        ),
        (
            {"amount_claimed": Decimal("NaN")},
            "The amount claimed must be a dollar amount from $0.00 to $999,999,999,999.99.",
        ),
        (
            {"secured_claimed": Decimal("1e15")},
            "The secured amount must be a dollar amount from $0.00 to $999,999,999,999.99.",
        ),
        ({"priority_claimed": Decimal("100.01")}, "No part of a claim may exceed the amount claimed."),
    ],
)
def test_a_refused_claim_says_why_and_writes_nothing(bankruptcy: Case, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        claim(bankruptcy, **kwargs)
    assert refused.value.messages == [message]
    assert Claim.objects.count() == 0
    assert not AuditEvent.objects.filter(event="claim.filed").exists()


def test_claims_are_a_bankruptcy_cases_only(db: None) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    civil = services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme", judge=judge, origin=TEST_ORIGIN)
    with pytest.raises(ValidationError) as refused:
        claim(civil)
    assert refused.value.messages == ["Claims are filed in bankruptcy cases only."]


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"number": 0}, "claim_number_positive"),
        ({"creditor_name": ""}, "claim_creditor_named"),
        ({"entered_by": ""}, "claim_entered_by_named"),
        ({"amount_claimed": Decimal("-0.01")}, "claim_amount_not_negative"),
        ({"unsecured_claimed": Decimal("-5")}, "claim_parts_not_negative"),
        ({"secured_claimed": Decimal("100.01")}, "claim_parts_within_total"),
        ({"status": "Paid"}, "claim_status_valid"),
    ],
)
def test_the_database_refuses_a_claim_the_service_would(
    bankruptcy: Case, changes: dict[str, object], constraint: str
) -> None:
    claim(bankruptcy)
    row = {
        "case": bankruptcy,
        "number": 2,
        "creditor_name": "Other Creditor",
        "entered_by": "Clerk",
        "filed_on": date(2024, 4, 20),
        "amount_claimed": Decimal("100.00"),
        **changes,
    }
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Claim.objects.create(**row)


def test_two_claims_in_a_case_never_share_a_number(bankruptcy: Case) -> None:
    first = claim(bankruptcy)
    duplicate = {
        "case": bankruptcy,
        "number": first.number,
        "creditor_name": "Other",
        "entered_by": "Clerk",
        "filed_on": date(2024, 4, 20),
        "amount_claimed": Decimal(1),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(**duplicate)
    Claim.objects.create(**{**duplicate, "number": 2})  # the same row under the next number is taken
    assert list(Claim.objects.values_list("number", flat=True)) == [1, 2]


def test_a_written_opinion_is_the_courts_with_its_document_and_audited(bankruptcy: Case) -> None:
    document = [Upload(make_pdf([["Opinion"]]), "opinion.pdf", "Opinion")]
    entry = file_entry(
        case=bankruptcy, text="MEMORANDUM OPINION.", documents=document, written_opinion=True, origin=TEST_ORIGIN
    )
    assert DocketEntry.objects.get(pk=entry.pk).written_opinion is True
    event = AuditEvent.objects.filter(event="docket_entry.filed").get()
    assert event.detail["written_opinion"] is True
    with pytest.raises(ValidationError) as refused:
        file_entry(case=bankruptcy, text="OPINION.", documents=[], written_opinion=True, origin=TEST_ORIGIN)
    assert refused.value.messages == ["A written opinion is entered by the court, with its document."]
    plain = file_entry(case=bankruptcy, text="NOTICE.", documents=[], numbered=False, origin=TEST_ORIGIN)
    assert DocketEntry.objects.get(pk=plain.pk).written_opinion is False
    last = AuditEvent.objects.filter(event="docket_entry.filed").order_by("id").last()
    assert last is not None
    assert "written_opinion" not in last.detail
