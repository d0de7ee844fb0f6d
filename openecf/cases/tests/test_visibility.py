"""Who may see a sealed case or a sealed or restricted document (openecf/cases/visibility.py): each kind of
visitor against each kind of document, with the court's words for a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from conftest import TEST_ORIGIN, make_ecf
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import AttorneyOfRecord, Case, CourtFiling, Document, DocumentAccess
from openecf.cases.pdfmake import make_pdf
from openecf.cases.visibility import (
    CASE_SEALED,
    DOCUMENT_RESTRICTED,
    DOCUMENT_SEALED,
    Verdict,
    anonymous_document_verdict,
    case_verdict,
    document_verdict,
    is_participant,
)
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.models import EcfAccount, FilingAgent
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

PASSWORD = "Old-Court-Password-1!"
ALLOWED = Verdict(True)


@dataclass
class World:
    case: Case
    sealed_case: Case
    public: Document
    sealed: Document
    restricted: Document
    in_sealed_case: Document
    attorney: EcfAccount
    agent: EcfAccount
    terminated: EcfAccount
    stranger: EcfAccount
    viewer: EcfAccount
    other_court: EcfAccount


def _document(case: Case, text: str, access: str) -> Document:
    entry = file_entry(case=case, text=text, documents=[Upload(make_pdf([[text]]), "d.pdf")], origin=TEST_ORIGIN)
    Document.objects.filter(entry=entry).update(access=access)
    return Document.objects.select_related("entry__case").get(entry=entry)


@pytest.fixture
def world(db: None) -> World:
    wiwd = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    case = services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme", judge=judge, origin=TEST_ORIGIN)
    sealed_case = services.open_case(court=wiwd, case_type="cr", title="USA v. Roe", judge=judge, origin=TEST_ORIGIN)
    Case.objects.filter(pk=sealed_case.pk).update(sealed=True)
    attorney = make_ecf("wiwd", "aadams", "Alice Adams", PASSWORD)
    agent = make_ecf("wiwd", "pparal", "Pat Paralegal", PASSWORD, role="nonattorney")
    terminated = make_ecf("wiwd", "tgone", "Terry Gone", PASSWORD)
    stranger = make_ecf("wiwd", "sother", "Sam Other", PASSWORD)
    viewer = make_ecf("wiwd", "vview", "Vera Viewer", PASSWORD, role="viewer")
    other_court = make_ecf("wied", "aadams", "Alice Adams", PASSWORD)
    FilingAgent.objects.create(court=wiwd, attorney=attorney, agent=agent)
    for each in (case, sealed_case):
        party = services.add_party(
            case=each, name="John Smith", role="plaintiff" if each == case else "defendant", origin=TEST_ORIGIN
        )
        services.add_attorney(party=party, ecf_account=attorney, origin=TEST_ORIGIN)
        gone = services.add_attorney(party=party, ecf_account=terminated, origin=TEST_ORIGIN, added_on=date(2024, 1, 1))
        AttorneyOfRecord.objects.filter(pk=gone.pk).update(terminated_on=date(2024, 1, 2))
    return World(
        case=Case.objects.get(pk=case.pk),
        sealed_case=Case.objects.get(pk=sealed_case.pk),
        public=_document(case, "ANSWER.", DocumentAccess.PUBLIC),
        sealed=_document(case, "SEALED MOTION.", DocumentAccess.SEALED),
        restricted=_document(case, "Personal identifiers.", DocumentAccess.RESTRICTED),
        in_sealed_case=_document(Case.objects.get(pk=sealed_case.pk), "INDICTMENT.", DocumentAccess.PUBLIC),
        attorney=attorney,
        agent=agent,
        terminated=terminated,
        stranger=stranger,
        viewer=viewer,
        other_court=other_court,
    )


def access_of(account: EcfAccount | None) -> CourtAccess:
    """A visitor at wiwd whose filing account is ``account`` (None: signed in to PACER with no CM/ECF account)."""
    return CourtAccess(court=Court.objects.get(pk="wiwd"), live=False, court_login=account)


def verdicts(w: World, account: EcfAccount | None) -> dict[str, Verdict]:
    access = access_of(account)
    return {
        "public": document_verdict(access, w.public),
        "sealed": document_verdict(access, w.sealed),
        "restricted": document_verdict(access, w.restricted),
        "sealed case": case_verdict(access, w.sealed_case),
        "in sealed case": document_verdict(access, w.in_sealed_case),
    }


PARTICIPANT = {
    "public": ALLOWED,
    "sealed": Verdict(False, DOCUMENT_SEALED),
    "restricted": ALLOWED,
    "sealed case": ALLOWED,
    "in sealed case": ALLOWED,
}
OUTSIDER = {
    "public": ALLOWED,
    "sealed": Verdict(False, DOCUMENT_SEALED),
    "restricted": Verdict(False, DOCUMENT_RESTRICTED),
    "sealed case": Verdict(False, CASE_SEALED),
    "in sealed case": Verdict(False, CASE_SEALED),
}


def test_the_attorney_of_record_sees_all_but_the_sealed_document(world: World) -> None:
    assert is_participant(world.attorney, world.case) is True
    assert verdicts(world, world.attorney) == PARTICIPANT


def test_the_attorney_s_filing_agent_sees_what_the_attorney_sees(world: World) -> None:
    assert is_participant(world.agent, world.case) is True
    assert verdicts(world, world.agent) == PARTICIPANT


def test_an_agent_of_a_terminated_attorney_is_no_participant(world: World) -> None:
    FilingAgent.objects.filter(agent=world.agent).update(attorney=world.terminated)
    assert is_participant(world.agent, world.case) is False
    assert verdicts(world, world.agent) == OUTSIDER


def test_a_terminated_attorney_is_an_outsider(world: World) -> None:
    assert is_participant(world.terminated, world.case) is False
    assert verdicts(world, world.terminated) == OUTSIDER


def test_an_inactive_attorney_is_an_outsider(world: World) -> None:
    EcfAccount.objects.filter(pk=world.attorney.pk).update(is_active=False)
    world.attorney.refresh_from_db()
    assert verdicts(world, world.attorney) == OUTSIDER


def test_another_attorney_of_the_court_and_a_pacer_user_are_outsiders(world: World) -> None:
    assert verdicts(world, world.stranger) == OUTSIDER
    assert verdicts(world, None) == OUTSIDER


def test_the_same_login_at_another_court_is_an_outsider(world: World) -> None:
    assert is_participant(world.other_court, world.case) is False
    assert verdicts(world, world.other_court) == OUTSIDER


def test_a_viewer_sees_restricted_documents_only_where_the_court_allows(world: World) -> None:
    CourtFiling.objects.filter(court_id="wiwd").update(viewers_see_restricted=False)
    assert verdicts(world, world.viewer) == OUTSIDER
    CourtFiling.objects.filter(court_id="wiwd").update(viewers_see_restricted=True)
    # The court's rule opens restricted documents, not sealed cases.
    assert verdicts(world, world.viewer) == {**OUTSIDER, "restricted": ALLOWED}


def test_another_court_s_rule_does_not_open_this_court_s_documents(world: World) -> None:
    CourtFiling.objects.filter(court_id="wiwd").update(viewers_see_restricted=False)
    CourtFiling.objects.filter(court_id="wied").update(viewers_see_restricted=True)
    assert document_verdict(access_of(world.viewer), world.restricted) == Verdict(False, DOCUMENT_RESTRICTED)


def test_the_free_look_refuses_only_the_sealed_document(world: World) -> None:
    assert [
        anonymous_document_verdict(d) for d in (world.public, world.sealed, world.restricted, world.in_sealed_case)
    ] == [ALLOWED, Verdict(False, DOCUMENT_SEALED), ALLOWED, ALLOWED]
