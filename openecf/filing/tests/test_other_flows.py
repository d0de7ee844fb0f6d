"""Opening cases (civil, bankruptcy, adversary), the criminal defendant step, a bankruptcy filing, and a filing
agent filing on an attorney's behalf."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import TEST_ORIGIN
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.models import AttorneyOfRecord, Case, DocketEntry
from openecf.cmecf.models import FilingAgent
from openecf.courts.models import Court
from openecf.filing.models import FilingTransaction
from openecf.filing.tests.conftest import Flow, World, pdf, signed_in
from openecf.filing.tests.test_civil_flow import upload

pytestmark = pytest.mark.django_db


def test_opening_a_civil_case(world: World) -> None:
    flow = Flow(world.client)
    flow.start("civil", "open-a-civil-case", "civil-complaint")
    assert flow.step == "cover"
    flow.go(
        "cover",
        {
            "nature_of_suit": "440 Civil Rights: Other",
            "cause": "42:1983 Civil Rights Act",
            "jurisdiction": "Federal Question",
            "jury_demand": "Plaintiff",
            "demand": "75,000",
        },
    )
    flow.go("parties", {"filing": "Pat Plaintiff\nPeg Plaintiff", "against": "City of Madison"})
    flow.go(
        "upload",
        {
            "main": upload("complaint.pdf", pdf("Complaint", 4)),
            "attachment_1": upload("js44.pdf", pdf("Civil Cover Sheet")),
            "category_1": "Other",
            "description_1": "Civil Cover Sheet",
        },
    )
    refused = flow.answer("fee", {})
    assert refused.status_code == 400
    flow.go("fee", {"pay": "yes"})
    flow.go("text", {"modifier": "", "free": ""})
    assert world.client.post(flow.url).status_code == 302
    case = Case.objects.get(court=world.court, title="Pat Plaintiff et al v. City of Madison")
    assert (case.case_type, case.serial, case.judge.initials if case.judge else "") == ("cv", 2, "JDP")
    assert (case.nature_of_suit, case.cause, case.jurisdiction, case.jury_demand, case.demand) == (
        "440 Civil Rights: Other",
        "42:1983 Civil Rights Act",
        "Federal Question",
        "Plaintiff",
        "75,000",
    )
    assert [(p.name, p.role) for p in case.parties.all()] == [
        ("Pat Plaintiff", "plaintiff"),
        ("Peg Plaintiff", "plaintiff"),
        ("City of Madison", "defendant"),
    ]
    assert set(AttorneyOfRecord.objects.filter(party__case=case).values_list("party__name", "ecf_account", "role")) == {
        ("Pat Plaintiff", world.filer.pk, "lead"),
        ("Peg Plaintiff", world.filer.pk, "lead"),
    }
    entry = case.entries.get()
    receipt = f"AWIWDC-{FilingTransaction.objects.get(entry=entry).pk:07d}"
    assert entry.text == (
        "COMPLAINT against City of Madison filed by Pat Plaintiff and Peg Plaintiff. (Attachments: # 1 Other "
        f"Civil Cover Sheet) ( Filing fee $ 405, receipt number {receipt}) (Attorney, Maria)"
    )
    assert entry.number == 1 and entry.documents.count() == 2
    assert AuditEvent.objects.filter(event="case.opened", detail__caseid=case.caseid).count() == 1


@pytest.fixture
def wiwb(db: None) -> dict[str, Any]:
    court = Court.objects.get(pk="wiwb")
    judge = services.add_judge(court=court, name="Harriet L. Brand", origin=TEST_ORIGIN)
    lawyer, client = signed_in("bkattorney", "Bea Counsel", court="wiwb")
    case = services.open_case(court=court, case_type="bk", title="In re Ann Debtor", judge=judge, origin=TEST_ORIGIN)
    debtor = services.add_party(case=case, name="Ann Debtor", role="debtor", origin=TEST_ORIGIN)
    services.add_party(case=case, name="Northern Bank, N.A.", role="creditor", origin=TEST_ORIGIN)
    services.add_attorney(party=debtor, ecf_account=lawyer, role="lead", origin=TEST_ORIGIN)
    return {"court": court, "case": case, "client": client, "lawyer": lawyer}


def test_a_bankruptcy_motion_in_a_bankruptcy_case(wiwb: dict[str, Any]) -> None:
    flow = Flow(wiwb["client"], court="wiwb")
    flow.start("bankruptcy", "motions-applications", "bankruptcy-motion-multiple-reliefs")
    case = wiwb["case"]
    flow.go("case", {"number": f"{case.year % 100}-{case.serial}"})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [case.parties.get(name="Ann Debtor").pk]})
    flow.go("upload", {"main": upload("m.pdf", pdf("Motion"))})
    flow.go("questions", {"relief_bankruptcy-motion-multiple-reliefs": ["to Avoid Lien", "to Extend Time"]})
    flow.go("text", {"modifier": "", "free": ""})
    assert wiwb["client"].post(flow.url).status_code == 302
    assert case.entries.get().text == "Motion to Extend Time and to Avoid Lien filed by Ann Debtor. (Counsel, Bea)"


def test_opening_a_bankruptcy_case_and_an_adversary_proceeding_in_it(wiwb: dict[str, Any]) -> None:
    client = wiwb["client"]
    flow = Flow(client, court="wiwb")
    flow.start("bankruptcy", "open-a-bankruptcy-case", "bankruptcy-voluntary-petition-chapter-7")
    flow.go("parties", {"filing": "Dan Debtor", "against": "Dora Debtor"})
    flow.go("upload", {"main": upload("petition.pdf", pdf("Petition"))})
    flow.go("fee", {"pay": "yes"})
    flow.go("text", {"modifier": "", "free": ""})
    assert client.post(flow.url).status_code == 302
    case = Case.objects.get(court=wiwb["court"], title="In re Dan Debtor and Dora Debtor")
    assert [(p.name, p.role) for p in case.parties.all()] == [("Dan Debtor", "debtor"), ("Dora Debtor", "joint_debtor")]
    assert case.number == f"{case.year % 100}-00002-HLB"
    assert case.entries.get().text.startswith(
        "Chapter 7 Voluntary Petition. Fee Amount $338 filed by Dan Debtor and Dora Debtor. ( Filing fee $ 338"
    )

    ap = Flow(client, court="wiwb")
    ap.start("adversary", "open-an-adversary-proceeding", "adversary-complaint")
    refused = ap.answer("cover", {"lead_case": "99-99999", "nature_of_suit": "91 Declaratory judgment"})
    assert refused.status_code == 400 and "Cannot find bankruptcy case 99-99999." in refused.content.decode()
    ap.go("cover", {"lead_case": case.number, "nature_of_suit": "91 Declaratory judgment", "demand": ""})
    ap.go("parties", {"filing": "Dan Debtor", "against": "Northern Bank, N.A."})
    ap.go("upload", {"main": upload("c.pdf", pdf("Complaint"))})
    ap.go("fee", {"pay": "yes"})
    ap.go("text", {"modifier": "", "free": ""})
    assert client.post(ap.url).status_code == 302
    proceeding = Case.objects.get(court=wiwb["court"], case_type="ap")
    assert (proceeding.lead_case, proceeding.title, proceeding.judge) == (
        case,
        "Dan Debtor v. Northern Bank, N.A.",
        case.judge,
    )


def criminal_case(world: World) -> Case:
    case = services.open_case(
        court=world.court,
        case_type="cr",
        title="United States v. Black et al",
        judge=world.case.judge,
        origin=TEST_ORIGIN,
    )
    services.add_party(case=case, name="United States of America", role="usa", origin=TEST_ORIGIN)
    services.add_party(case=case, name="Jack Black", role="defendant", origin=TEST_ORIGIN)
    services.add_party(case=case, name="Jill White", role="defendant", origin=TEST_ORIGIN)
    return case


def test_criminal_notice_of_appearance_picks_the_defendant(world: World) -> None:
    case = criminal_case(world)
    flow = Flow(world.client)
    flow.start("criminal", "notices", "criminal-notice-of-appearance")
    flow.go("case", {"number": case.full_number})
    flow.go("style", {"confirmed": "yes"})
    assert flow.step == "defendant"
    assert flow.answer("defendant", {}).status_code == 400
    jill = case.parties.get(name="Jill White")
    flow.go("defendant", {"defendant": [jill.pk]})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [jill.pk]})
    flow.go("upload", {"main": upload("noa.pdf", pdf())})
    flow.go("text", {"modifier": "", "free": ""})
    assert world.client.post(flow.url).status_code == 302
    assert case.entries.get().text == (
        "NOTICE OF ATTORNEY APPEARANCE: Maria Attorney appearing for Jill White. (Attorney, Maria)"
    )
    assert jill.attorneys.get().ecf_account == world.filer
    # A motion then names the defendant it is about.
    motion = Flow(world.client)
    motion.start("criminal", "motions-and-related-filings", "criminal-motion-to-continue")
    motion.go("case", {"number": case.full_number})
    motion.go("style", {"confirmed": "yes"})
    motion.go("defendant", {"defendant": [jill.pk]})
    motion.go("joint", {"joint": "yes"})
    motion.go("filer", {"party": [jill.pk]})
    motion.go("upload", {"main": upload("m.pdf", pdf())})
    motion.go("questions", {"relief_criminal-motion-to-continue": ["to Continue"]})
    motion.go("text", {"modifier": "Unopposed", "free": ""})
    world.client.post(motion.url)
    assert DocketEntry.objects.get(case=case, number=2).text == (
        "Joint Unopposed MOTION to Continue as to Jill White (2) by Jill White. (Attorney, Maria)"
    )


def test_a_filing_agent_files_on_behalf_of_an_attorney(world: World) -> None:
    agent, client = signed_in("paralegal", "Paula Legal", role="nonattorney")
    # The agent with no attorney to file for is refused before any other step.
    flow = Flow(client)
    flow.start("civil", "notices", "civil-notice-of-appearance")
    refused = client.get(flow.url)
    assert refused.status_code == 403 and "no attorney of this court has added you" in refused.content.decode()

    FilingAgent.objects.create(court=world.court, attorney=world.defense_lawyer, agent=agent)
    flow = Flow(client)
    flow.start("civil", "motions-and-related-filings", "civil-motion-to-dismiss")
    flow.go("attorney", {"attorney": world.defense_lawyer.pk})
    flow.go("case", {"number": world.case.full_number})  # Jane Doe appears in the case
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
    flow.go("upload", {"main": upload("mtd.pdf", pdf())})
    complaint = DocketEntry.objects.get(case=world.case, number=1)
    flow.go("questions", {"relief_civil-motion-to-dismiss": ["to Dismiss"], "refer": [complaint.pk]})
    flow.go("text", {"modifier": "", "free": ""})
    assert client.post(flow.url).status_code == 302
    entry = DocketEntry.objects.get(case=world.case, number=2)
    assert (entry.filed_by, entry.on_behalf_of) == (agent, world.defense_lawyer)
    assert entry.text == (
        "MOTION to Dismiss by Acme Widget Corp. re 1 COMPLAINT against Acme Widget Corp. filed by Ann Smith. "
        "(filed by Paula Legal on behalf of Jane Doe)"
    )
    assert AuditEvent.objects.get(event="filing.submitted").detail["on_behalf_of"] == "jdoe"


def test_an_association_is_asked_for_a_party_the_attorney_does_not_yet_represent(world: World) -> None:
    flow = Flow(world.client)
    # Maria appears for the plaintiff first, then files for a new party.
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [world.case.parties.get(name="Ann Smith").pk]})
    flow.go("upload", {"main": upload("noa.pdf", pdf())})
    flow.go("text", {"modifier": "", "free": ""})
    world.client.post(flow.url)
    defendant = world.case.parties.get(name="Acme Widget Corp.")
    other = Flow(world.client)
    other.start("civil", "other-filings", "civil-certificate-of-service")
    other.go("case", {"number": world.case.full_number})
    other.go("style", {"confirmed": "yes"})
    other.go("joint", {"joint": "no"})
    other.go("filer", {"party": [defendant.pk], "new_name": "Widget Holdings LLC", "new_role": "intervenor"})
    assert other.step == "associate"
    other.go("associate", {"associate": [defendant.pk]})
    other.go("upload", {"main": upload("cos.pdf", pdf())})
    other.go("text", {"modifier": "", "free": ""})
    world.client.post(other.url)
    assert set(AttorneyOfRecord.objects.filter(ecf_account=world.filer).values_list("party__name", flat=True)) == {
        "Ann Smith",
        "Acme Widget Corp.",
        "Widget Holdings LLC",
    }
    assert DocketEntry.objects.get(case=world.case, number=3).text == (
        "CERTIFICATE OF SERVICE by Acme Widget Corp. and Widget Holdings LLC. (Attorney, Maria)"
    )


def test_a_filer_with_the_old_court_login_files_at_a_court_not_on_nextgen(db: None) -> None:
    from django.test import Client

    from conftest import make_ecf
    from openecf.filing.tests.conftest import PASSWORD

    court = Court.objects.get(pk="nysd")
    court.nextgen_go_live = None
    court.save()
    lawyer = make_ecf("nysd", "oldhand", "Olive Hand", PASSWORD)
    case = services.open_case(court=court, case_type="cv", title="Hudson v. Empire", origin=TEST_ORIGIN)
    party = services.add_party(case=case, name="Hudson Capital LLC", role="plaintiff", origin=TEST_ORIGIN)
    client = Client()
    assert client.post("/ecf/nysd/cgi-bin/login.pl", {"login": "oldhand", "password": PASSWORD}).status_code == 302
    flow = Flow(client, court="nysd")
    flow.start("civil", "notices", "civil-notice-of-appearance")
    flow.go("case", {"number": case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "no"})
    flow.go("filer", {"party": [party.pk]})
    flow.go("upload", {"main": upload("noa.pdf", pdf())})
    flow.go("text", {"modifier": "", "free": ""})
    assert client.post(flow.url).status_code == 302
    assert case.entries.get().filed_by == lawyer
    assert Client().get(flow.url).status_code == 302  # signed out: to the court's login


def test_a_joint_filing_asks_no_association_for_parties_with_their_own_attorneys(world: World) -> None:
    from openecf.filing.tests.test_civil_flow import appear_for_acme

    world.client.post(appear_for_acme(world).url)
    flow = Flow(world.client)
    flow.start("civil", "other-filings", "civil-stipulation")
    flow.go("case", {"number": world.case.full_number})
    flow.go("style", {"confirmed": "yes"})
    flow.go("joint", {"joint": "yes"})
    flow.go("filer", {"party": [p.pk for p in world.case.parties.all()]})
    assert flow.step == "upload"  # Ann Smith has Attorney Sample: no association asked
    flow.go("upload", {"main": upload("stip.pdf", pdf())})
    flow.go("text", {"modifier": "Agreed", "free": ""})
    world.client.post(flow.url)
    assert DocketEntry.objects.get(case=world.case, number=3).text == (
        "Joint Agreed STIPULATION by Ann Smith and Acme Widget Corp. (Attorney, Maria)"
    )
    assert not AttorneyOfRecord.objects.filter(party__name="Ann Smith", ecf_account=world.filer).exists()
