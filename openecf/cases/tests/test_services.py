"""Opening cases, their numbers and caseids, parties and attorneys of record; each audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from conftest import TEST_ORIGIN, make_ecf
from openecf.audit.models import AuditEvent
from openecf.cases import selectors, services
from openecf.cases.models import AttorneyRole, Case, CourtFiling, PartyRole
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db


def test_every_court_has_its_pacer_document_prefix() -> None:
    prefixes = dict(
        CourtFiling.objects.filter(court_id__in=["cand", "canb", "nysd", "dcd", "wiwd"]).values_list(
            "court_id", "doc_id_prefix"
        )
    )
    assert prefixes == {"cand": "035", "canb": "034", "nysd": "127", "dcd": "045", "wiwd": "205"}
    assert CourtFiling.objects.count() == Court.objects.count()
    assert CourtFiling.objects.get(court_id="wiwd").pdf_size_limit_mb == 35


def test_a_case_gets_its_number_caseid_and_an_audit_event(civil_case: Case) -> None:
    assert civil_case.number == f"3:{civil_case.year % 100:02d}-cv-00001-JDP"
    assert civil_case.full_number == f"3:{civil_case.year % 100:02d}-cv-00001"
    assert civil_case.caseid == 1
    event = AuditEvent.objects.filter(event="case.opened").get()
    assert (event.court_id, event.detail["case"], event.detail["caseid"]) == ("wiwd", civil_case.number, 1)


def test_types_and_years_number_separately_and_caseids_run_per_court(wiwd: Court, civil_case: Case) -> None:
    second = services.open_case(court=wiwd, case_type="cv", title="Doe v. Roe", origin=TEST_ORIGIN)
    criminal = services.open_case(court=wiwd, case_type="cr", title="USA v. Black", origin=TEST_ORIGIN)
    old = services.open_case(
        court=wiwd, case_type="cv", title="Old v. Older", filed_on=date(2019, 3, 1), origin=TEST_ORIGIN
    )
    wied = services.open_case(court=Court.objects.get(pk="wied"), case_type="cv", title="A v. B", origin=TEST_ORIGIN)
    assert [second.serial, criminal.serial, old.serial, wied.serial] == [2, 1, 1, 1]
    assert [second.caseid, criminal.caseid, old.caseid, wied.caseid] == [2, 3, 4, 1]
    assert old.number == "3:19-cv-00001"
    assert wied.number.startswith("2:")


def test_bankruptcy_and_adversary_numbers(db: None) -> None:
    wiwb = Court.objects.get(pk="wiwb")
    judge = services.add_judge(court=wiwb, name="Harriet L. Brand", origin=TEST_ORIGIN)
    lead = services.open_case(court=wiwb, case_type="bk", title="In re Ann Debtor", judge=judge, origin=TEST_ORIGIN)
    adversary = services.open_case(
        court=wiwb, case_type="ap", title="Trustee v. Debtor", lead_case=lead, origin=TEST_ORIGIN
    )
    year = lead.year % 100
    assert (lead.number, adversary.number) == (f"{year:02d}-00001-HLB", f"{year:02d}-00001")
    assert list(lead.adversary_proceedings.all()) == [adversary]
    assert list(selectors.cases_matching(wiwb, f"{year}-1")) == [lead, adversary]
    assert list(selectors.cases_matching(wiwb, f"3:{year}-ap-1")) == [adversary]


@pytest.mark.parametrize(
    ("court_id", "case_type", "message"),
    [
        ("wiwd", "bk", "wiwd is a district court: it opens cv and cr cases, not bk."),
        ("wiwb", "cv", "wiwb is a bankruptcy court: it opens bk and ap cases, not cv."),
        ("ca8", "cv", "ca8 is not a district or bankruptcy court; cases cannot be opened there."),
    ],
)
def test_a_court_opens_only_its_kinds_of_case(court_id: str, case_type: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.open_case(court=Court.objects.get(pk=court_id), case_type=case_type, title="X", origin=TEST_ORIGIN)
    assert refused.value.messages == [message]
    assert not Case.objects.exists()


def test_adversary_needs_a_bankruptcy_lead_case_and_only_it_has_one(wiwd: Court, civil_case: Case) -> None:
    wiwb = Court.objects.get(pk="wiwb")
    with pytest.raises(ValidationError) as refused:
        services.open_case(court=wiwb, case_type="ap", title="X", origin=TEST_ORIGIN)
    assert refused.value.messages == ["An adversary proceeding needs its lead bankruptcy case."]
    with pytest.raises(ValidationError) as refused:
        services.open_case(court=wiwb, case_type="ap", title="X", lead_case=civil_case, origin=TEST_ORIGIN)
    assert refused.value.messages == [f"The lead case {civil_case.number} is not a bankruptcy case at wiwb."]
    with pytest.raises(ValidationError) as refused:
        services.open_case(court=wiwd, case_type="cv", title="X", lead_case=civil_case, origin=TEST_ORIGIN)
    assert refused.value.messages == ["Only an adversary proceeding has a lead case."]


def test_the_database_refuses_an_adversary_without_lead_case(civil_case: Case) -> None:
    with pytest.raises(IntegrityError):
        Case.objects.filter(pk=civil_case.pk).update(case_type="ap")


def test_criminal_defendants_get_their_own_numbers(wiwd: Court) -> None:
    case = services.open_case(court=wiwd, case_type="cr", title="USA v. Black et al", origin=TEST_ORIGIN)
    services.add_party(case=case, name="United States of America", role=PartyRole.USA, origin=TEST_ORIGIN)
    first = services.add_party(case=case, name="Jack Black", role=PartyRole.DEFENDANT, origin=TEST_ORIGIN)
    second = services.add_party(case=case, name="Jill White", role=PartyRole.DEFENDANT, origin=TEST_ORIGIN)
    assert [first.defendant_number, second.defendant_number] == [1, 2]
    assert second.case_number == f"3:{case.year % 100:02d}-cr-00001-2"
    assert case.parties.get(role=PartyRole.USA).defendant_number is None
    assert AuditEvent.objects.filter(event="case.party_added").count() == 3


def test_civil_defendants_have_no_number(civil_case: Case) -> None:
    party = services.add_party(case=civil_case, name="Acme Corp.", role="defendant", origin=TEST_ORIGIN)
    assert party.defendant_number is None


def test_attorney_of_record_with_role_and_termination(civil_case: Case, attorney: Any) -> None:
    party = services.add_party(case=civil_case, name="Ann Smith", role="plaintiff", origin=TEST_ORIGIN)
    appearance = services.add_attorney(party=party, ecf_account=attorney, role=AttorneyRole.LEAD, origin=TEST_ORIGIN)
    assert appearance.get_role_display() == "LEAD ATTORNEY"
    services.terminate_attorney(attorney=appearance, terminated_on=appearance.added_on, origin=TEST_ORIGIN)
    appearance.refresh_from_db()
    assert appearance.terminated_on == appearance.added_on
    assert [e.event for e in AuditEvent.objects.filter(event__startswith="case.attorney")] == [
        "case.attorney_added",
        "case.attorney_terminated",
    ]
    with pytest.raises(ValidationError) as refused:
        services.add_attorney(party=party, ecf_account=attorney, origin=TEST_ORIGIN)
    assert refused.value.messages == ["Attorney Sample already appears for Ann Smith in " + civil_case.number + "."]


@pytest.mark.parametrize(
    ("court_id", "role", "active", "message"),
    [
        ("wied", "attorney", True, "The CM/ECF account someone at wied cannot appear in a case at wiwd."),
        (
            "wiwd",
            "viewer",
            True,
            "The CM/ECF account someone at wiwd is a viewer account and cannot appear for a party.",
        ),
        ("wiwd", "attorney", False, "The CM/ECF account someone at wiwd is inactive and cannot appear for a party."),
    ],
)
def test_who_cannot_appear(civil_case: Case, court_id: str, role: str, active: bool, message: str) -> None:
    account = make_ecf(court_id, "someone", "Some One", "Old-Court-Password-1!", role=role, active=active)
    party = services.add_party(case=civil_case, name="Ann Smith", role="plaintiff", origin=TEST_ORIGIN)
    with pytest.raises(ValidationError) as refused:
        services.add_attorney(party=party, ecf_account=account, origin=TEST_ORIGIN)
    assert refused.value.messages == [message]
    assert not party.attorneys.exists()
