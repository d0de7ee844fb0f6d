"""Opening cases and adding judges, parties and attorneys of record: each write one transaction with its audit
event. Refusals are ValidationErrors whose messages an operator or filer can act on; nothing is written then.

Lock order, everywhere in this app: a case's row, then its court's CourtFiling row, then the audit chain (last,
as audit.record asks). Opening a case takes the CourtFiling row first, but the case it creates is not yet
visible to anyone else, so the order still holds.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.courtdata import court_table
from openecf.cases.models import (
    AttorneyOfRecord,
    AttorneyRole,
    Case,
    CaseNumberCounter,
    CaseType,
    CourtFiling,
    Judge,
    JudgeTitle,
    Party,
    PartyRole,
)
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court, CourtType

# What each kind of court opens: the district courts civil and criminal cases, the bankruptcy courts bankruptcy
# cases and the adversary proceedings within them.
TYPES_BY_COURT = {
    CourtType.DISTRICT: (CaseType.CIVIL, CaseType.CRIMINAL),
    CourtType.BANKRUPTCY: (CaseType.BANKRUPTCY, CaseType.ADVERSARY),
}
TITLE_MAX_LENGTH = 500
NAME_MAX_LENGTH = 300


def filing_settings(court: Court, *, lock: bool = False) -> CourtFiling:
    """The court's filing settings. Migration 0002 gives every court its row; one is made from the shipped table
    for a court added later (load_courts) or after a test emptied the tables."""
    filing = CourtFiling.objects.filter(court=court).first()
    if filing is None:
        prefix, office = court_table().get(court.id, ("000", 1))
        filing, _ = CourtFiling.objects.get_or_create(court=court, defaults={"doc_id_prefix": prefix, "office": office})
    return CourtFiling.objects.select_for_update().get(pk=filing.pk) if lock else filing


def initials_of(name: str) -> str:
    """Initials from a name: "Judith D. Parker" -> JDP (at most four)."""
    return "".join(word[0] for word in re.findall(r"[A-Za-z]+", name)).upper()[:4]


def add_judge(
    *, court: Court, name: str, initials: str = "", origin: Origin, actor: PacerAccount | None = None
) -> Judge:
    name = " ".join(name.split())
    initials = (initials or initials_of(name)).upper()
    if not name:
        raise ValidationError("The judge's name must not be empty.")
    if court.type not in TYPES_BY_COURT:
        raise ValidationError(f"{court.id} is not a district or bankruptcy court; it has no case judges here.")
    if not re.fullmatch(r"[A-Z]{2,4}", initials):
        raise ValidationError(f"A judge's initials are 2 to 4 letters; {name!r} gives {initials!r}.")
    title = JudgeTitle.BANKRUPTCY if court.type == CourtType.BANKRUPTCY else JudgeTitle.DISTRICT
    with transaction.atomic():
        if Judge.objects.filter(court=court, initials=initials).exists():
            raise ValidationError(f"{court.id} already has a judge with the initials {initials}.")
        judge = Judge.objects.create(court=court, name=name, initials=initials, title=title)
        audit.record(event=Event.JUDGE_ADDED, origin=origin, actor=actor, court=court, judge=name, initials=initials)
    return judge


def open_case(
    *,
    court: Court,
    case_type: str,
    title: str,
    origin: Origin,
    judge: Judge | None = None,
    lead_case: Case | None = None,
    filed_on: date | None = None,
    nature_of_suit: str = "",
    cause: str = "",
    jurisdiction: str = "",
    jury_demand: str = "",
    demand: str = "",
    actor: PacerAccount | None = None,
    ecf_account: EcfAccount | None = None,
) -> Case:
    """Open a case: it gets the court's next caseid and the next serial of its type and year."""
    title = " ".join(title.split())
    _check_case(court=court, case_type=case_type, title=title, judge=judge, lead_case=lead_case)
    filed_on = filed_on or court.local_date()
    with transaction.atomic():
        filing = filing_settings(court, lock=True)
        filing.last_caseid += 1
        filing.save(update_fields=["last_caseid"])
        counter, _ = CaseNumberCounter.objects.get_or_create(court=court, year=filed_on.year, case_type=case_type)
        counter = CaseNumberCounter.objects.select_for_update().get(pk=counter.pk)
        if counter.last_serial >= 99999:
            raise ValidationError(f"{court.id} has used every {case_type} number of {filed_on.year}.")
        counter.last_serial += 1
        counter.save(update_fields=["last_serial"])
        case = Case.objects.create(
            court=court,
            caseid=filing.last_caseid,
            office=lead_case.office if lead_case else filing.office,
            year=filed_on.year,
            case_type=case_type,
            serial=counter.last_serial,
            title=title,
            judge=judge,
            lead_case=lead_case,
            date_filed=filed_on,
            nature_of_suit=nature_of_suit,
            cause=cause,
            jurisdiction=jurisdiction,
            jury_demand=jury_demand,
            demand=demand,
        )
        audit.record(
            event=Event.CASE_OPENED,
            origin=origin,
            actor=actor,
            court=court,
            ecf_account=ecf_account,
            case=case.number,
            caseid=case.caseid,
            case_type=case_type,
            title=title,
            lead_case=lead_case.number if lead_case else "",
        )
    return case


def check_case_type(court: Court, case_type: str) -> None:
    """Refuse a kind of case the court does not open."""
    allowed = TYPES_BY_COURT.get(CourtType(court.type), ())
    if case_type not in allowed:
        if not allowed:
            raise ValidationError(f"{court.id} is not a district or bankruptcy court; cases cannot be opened there.")
        kinds = " and ".join(str(kind.value) for kind in allowed)
        raise ValidationError(
            f"{court.id} is a {court.get_type_display().lower()}: it opens {kinds} cases, not {case_type}."
        )


def _check_case(*, court: Court, case_type: str, title: str, judge: Judge | None, lead_case: Case | None) -> None:
    check_case_type(court, case_type)
    if not title:
        raise ValidationError("The case title must not be empty.")
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(f"The case title must be at most {TITLE_MAX_LENGTH} characters.")
    if judge is not None and judge.court_id != court.id:
        raise ValidationError(f"Judge {judge.name} sits at {judge.court_id}, not at {court.id}.")
    if case_type == CaseType.ADVERSARY:
        if lead_case is None:
            raise ValidationError("An adversary proceeding needs its lead bankruptcy case.")
        if lead_case.court_id != court.id or lead_case.case_type != CaseType.BANKRUPTCY:
            raise ValidationError(f"The lead case {lead_case.number} is not a bankruptcy case at {court.id}.")
    elif lead_case is not None:
        raise ValidationError("Only an adversary proceeding has a lead case.")


def add_party(
    *,
    case: Case,
    name: str,
    role: str,
    origin: Origin,
    actor: PacerAccount | None = None,
    ecf_account: EcfAccount | None = None,
) -> Party:
    """Add a party; a defendant in a criminal case gets the case's next defendant number."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("The party's name must not be empty.")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"The party's name must be at most {NAME_MAX_LENGTH} characters.")
    if role not in PartyRole.values:
        raise ValidationError(f"Unknown party role {role!r}; roles: {', '.join(PartyRole.values)}.")
    with transaction.atomic():
        # The case row is the lock that keeps two defendants from drawing the same number.
        locked = Case.objects.select_for_update().get(pk=case.pk)
        number = None
        if locked.case_type == CaseType.CRIMINAL and role == PartyRole.DEFENDANT:
            last = locked.parties.filter(defendant_number__isnull=False).order_by("-defendant_number").first()
            number = (last.defendant_number or 0) + 1 if last else 1
        party = Party.objects.create(case=locked, name=name, role=role, defendant_number=number)
        audit.record(
            event=Event.CASE_PARTY_ADDED,
            origin=origin,
            actor=actor,
            court=locked.court,
            ecf_account=ecf_account,
            case=locked.number,
            caseid=locked.caseid,
            party=name,
            role=role,
            defendant_number=number,
        )
    return party


def add_attorney(
    *,
    party: Party,
    ecf_account: EcfAccount,
    role: str = AttorneyRole.NOTICED,
    origin: Origin,
    added_on: date | None = None,
    actor: PacerAccount | None = None,
) -> AttorneyOfRecord:
    """Make a court's CM/ECF filer an attorney of record for a party."""
    case = party.case
    where = f"The CM/ECF account {ecf_account.login} at {ecf_account.court_id}"
    if ecf_account.court_id != case.court_id:
        raise ValidationError(f"{where} cannot appear in a case at {case.court_id}.")
    if not ecf_account.is_active:
        raise ValidationError(f"{where} is inactive and cannot appear for a party.")
    if not ecf_account.can_file:
        raise ValidationError(f"{where} is a viewer account and cannot appear for a party.")
    if role not in AttorneyRole.values:
        raise ValidationError(f"Unknown attorney role {role!r}; roles: {', '.join(AttorneyRole.values)}.")
    with transaction.atomic():
        if AttorneyOfRecord.objects.filter(party=party, ecf_account=ecf_account).exists():
            raise ValidationError(f"{ecf_account.name} already appears for {party.name} in {case.number}.")
        attorney = AttorneyOfRecord.objects.create(
            party=party, ecf_account=ecf_account, role=role, added_on=added_on or case.court.local_date()
        )
        audit.record(
            event=Event.CASE_ATTORNEY_ADDED,
            origin=origin,
            actor=actor,
            court=case.court,
            ecf_account=ecf_account,
            case=case.number,
            caseid=case.caseid,
            party=party.name,
            role=role,
        )
    return attorney


def terminate_attorney(
    *, attorney: AttorneyOfRecord, terminated_on: date, origin: Origin, actor: PacerAccount | None = None
) -> AttorneyOfRecord:
    """End an attorney's appearance for a party on a date (the docket then shows TERMINATED: date)."""
    if attorney.terminated_on is not None:
        raise ValidationError(f"{attorney.ecf_account.name} was already terminated on {attorney.terminated_on}.")
    if terminated_on < attorney.added_on:
        raise ValidationError(f"The termination date is before the attorney appeared ({attorney.added_on}).")
    case = attorney.party.case
    with transaction.atomic():
        attorney.terminated_on = terminated_on
        attorney.save(update_fields=["terminated_on"])
        audit.record(
            event=Event.CASE_ATTORNEY_TERMINATED,
            origin=origin,
            actor=actor,
            court=case.court,
            ecf_account=attorney.ecf_account,
            case=case.number,
            caseid=case.caseid,
            party=attorney.party.name,
            terminated_on=terminated_on.isoformat(),
        )
    return attorney
