"""The demo's cases: a few at each demo district and bankruptcy court, with judges, parties, attorneys of record
(the demo CM/ECF accounts of data.py), docket entries and small generated PDFs. The README lists them.

Loaded through the same services an operator's add_case and a filing use, so they are audited like any other;
safe to run again: a case whose title the court already has is left alone. The judges and parties are invented.
The appellate demo court (ca8) has none: appellate cases are not modelled yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from openecf.audit.context import Origin
from openecf.cases import services
from openecf.cases.claims import add_claim
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, CourtFiling, Document, DocumentAccess, Judge
from openecf.cases.pdfmake import make_pdf
from openecf.cmecf.models import EcfAccount, login_key
from openecf.courts.models import Court

DEMO = Origin(ip_address=None, user_agent="load_demo")


@dataclass(frozen=True)
class DemoParty:
    role: str
    name: str
    attorneys: tuple[tuple[str, str], ...] = ()  # (CM/ECF login, attorney role)


@dataclass(frozen=True)
class DemoEntry:
    text: str
    filer: str = ""  # CM/ECF login; empty: entered by the court
    documents: tuple[str, ...] = ()  # the main document's title, then each attachment's description
    access: str = DocumentAccess.PUBLIC  # of each of its documents: public, restricted or sealed
    opinion: bool = False  # a judge's written opinion (the Written Opinions report lists it; free to view)


@dataclass(frozen=True)
class DemoClaim:
    creditor: str
    address: str
    amount: str  # dollars, the total claimed
    secured: str = ""
    priority: str = ""
    unsecured: str = ""
    description: str = ""
    filed_by: str = ""


@dataclass(frozen=True)
class DemoCase:
    court: str
    case_type: str
    title: str
    judge: str
    parties: tuple[DemoParty, ...]
    entries: tuple[DemoEntry, ...] = ()
    lead_title: str = ""  # adversary proceedings: the title of their bankruptcy case
    cover: dict[str, str] = field(default_factory=dict)
    sealed: bool = False  # sealed by the court: listed, but shown only to its participants
    claims: tuple[DemoClaim, ...] = ()  # bankruptcy: the claims register


JUDGES = {
    "wiwd": ("Judith D. Parker", "William M. Carter"),
    "wied": ("Lydia A. Morgan",),
    "alnd": ("Karen O. Bell",),
    "nysd": ("Paul K. Castel",),
    "ilnd": ("Rebecca R. Palmer",),
    "wiwb": ("Harriet L. Brand",),
}

LEAD, NOTICED = "lead", "noticed"
CIVIL_COVER = {
    "nature_of_suit": "440 Civil Rights: Other",
    "cause": "42:1983 Civil Rights Act",
    "jury_demand": "Plaintiff",
}
CONTRACT_COVER = {"nature_of_suit": "190 Contract: Other", "cause": "28:1332 Diversity-Breach of Contract"}


def _civil(court: str, title: str, judge: str, plaintiff: DemoParty, defendant: DemoParty, **cover: str) -> DemoCase:
    first, second = plaintiff.attorneys[0][0], defendant.attorneys[0][0] if defendant.attorneys else ""
    return DemoCase(
        court=court,
        case_type="cv",
        title=title,
        judge=judge,
        parties=(plaintiff, defendant),
        cover=cover or CIVIL_COVER,
        entries=(
            DemoEntry(
                f"COMPLAINT against {defendant.name} filed by {plaintiff.name}.",
                first,
                ("Complaint", "Civil Cover Sheet", "Exhibit A"),
            ),
            DemoEntry(f"Summons Issued as to {defendant.name}.", "", ("Summons",)),
            DemoEntry(f"ANSWER to Complaint by {defendant.name}.", second, ("Answer",))
            if second
            else DemoEntry("Minute Entry: preliminary pretrial conference set."),
            DemoEntry(
                f"MOTION for Extension of Time to File Discovery Plan by {plaintiff.name}.",
                first,
                ("Motion", "Proposed Order"),
            ),
        ),
    )


def _criminal(court: str, title: str, judge: str, *defendants: DemoParty) -> DemoCase:
    return DemoCase(
        court=court,
        case_type="cr",
        title=title,
        judge=judge,
        parties=(DemoParty("usa", "United States of America"), *defendants),
        entries=(
            DemoEntry("INDICTMENT as to " + ", ".join(d.name for d in defendants) + ".", "", ("Indictment",)),
            DemoEntry("Minute Entry: arraignment held; pleas of not guilty entered."),
            DemoEntry(
                f"NOTICE OF ATTORNEY APPEARANCE for {defendants[0].name}.",
                defendants[0].attorneys[0][0],
                ("Notice of Appearance",),
            ),
        ),
    )


def _with_opinion(case: DemoCase, opinion: DemoEntry) -> DemoCase:
    return replace(case, entries=(*case.entries, opinion))


CASES = (
    _civil(
        "wiwd",
        "Smith v. Acme Widget Corp.",
        "Judith D. Parker",
        DemoParty("plaintiff", "Ann Smith", (("asample", LEAD), ("mattorney", NOTICED))),
        DemoParty("defendant", "Acme Widget Corp.", (("jdoe", LEAD),)),
    ),
    _with_opinion(
        _civil(
            "wiwd",
            "Rivera v. Badger State Dairy Cooperative",
            "William M. Carter",
            DemoParty("plaintiff", "Luis Rivera", (("mattorney", LEAD),)),
            DemoParty("defendant", "Badger State Dairy Cooperative", (("asample", LEAD),)),
            **CONTRACT_COVER,
        ),
        DemoEntry(
            "OPINION AND ORDER granting Motion for Extension of Time. Signed by Judge William M. Carter.",
            "",
            ("Opinion and Order",),
            opinion=True,
        ),
    ),
    _criminal(
        "wiwd",
        "United States v. Black et al",
        "Judith D. Parker",
        DemoParty("defendant", "Jack Black", (("jdoe", LEAD),)),
        DemoParty("defendant", "Jill White"),
    ),
    _civil(
        "wied",
        "Lakeshore Tool Co. v. Harbor Freight Lines, Inc.",
        "Lydia A. Morgan",
        DemoParty("plaintiff", "Lakeshore Tool Co.", (("cs5184", LEAD),)),
        DemoParty("defendant", "Harbor Freight Lines, Inc."),
        **CONTRACT_COVER,
    ),
    _criminal(
        "wied", "United States v. Green", "Lydia A. Morgan", DemoParty("defendant", "Gary Green", (("cs5184", LEAD),))
    ),
    _civil(
        "alnd",
        "Johnson v. City of Birmingham",
        "Karen O. Bell",
        DemoParty("plaintiff", "Dana Johnson", (("cs5184", LEAD),)),
        DemoParty("defendant", "City of Birmingham"),
    ),
    _criminal(
        "alnd", "United States v. Brown", "Karen O. Bell", DemoParty("defendant", "Bobby Brown", (("cs5184", LEAD),))
    ),
    _civil(
        "nysd",
        "Hudson Capital LLC v. Empire Data Systems, Inc.",
        "Paul K. Castel",
        DemoParty("plaintiff", "Hudson Capital LLC", (("jattorney", LEAD),)),
        DemoParty("defendant", "Empire Data Systems, Inc."),
        **CONTRACT_COVER,
    ),
    _civil(
        "ilnd",
        "Lopez v. Lakefront Logistics, Inc.",
        "Rebecca R. Palmer",
        DemoParty("plaintiff", "Maria Lopez", (("jattorney", LEAD),)),
        DemoParty("defendant", "Lakefront Logistics, Inc."),
    ),
    DemoCase(
        "wiwb",
        "bk",
        "In re Ann Debtor",
        "Harriet L. Brand",
        (
            DemoParty("debtor", "Ann Debtor", (("testattycg3", LEAD),)),
            DemoParty("trustee", "Tom Trustee"),
            DemoParty("creditor", "Northern Bank, N.A."),
        ),
        (
            DemoEntry(
                "Chapter 7 Voluntary Petition for Individuals. Fee Amount $338.",
                "testattycg3",
                ("Voluntary Petition", "Schedules A-J", "Statement of Financial Affairs"),
            ),
            DemoEntry(
                "Meeting of Creditors 341(a) meeting to be held; proofs of claim due.",
                "",
                ("Notice of Meeting of Creditors",),
            ),
            DemoEntry("Motion for Relief from Stay filed by Northern Bank, N.A.", "", ("Motion", "Exhibit 1")),
            # Restricted: the participants and, at wiwb (VIEWERS_SEE_RESTRICTED), its viewer accounts see it.
            DemoEntry(
                "Statement About Your Social Security Numbers filed by Ann Debtor.",
                "testattycg3",
                ("Statement About Your Social Security Numbers",),
                access=DocumentAccess.RESTRICTED,
            ),
            DemoEntry(
                "SEALED DOCUMENT filed by Northern Bank, N.A.", "", ("Sealed Document",), access=DocumentAccess.SEALED
            ),
        ),
        claims=(
            DemoClaim(
                "Northern Bank, N.A.",
                "Attn: Bankruptcy Department\n100 Main Street\nMadison, WI 53703",
                "182450.00",
                secured="182450.00",
                description="Mortgage on residence",
                filed_by="Northern Bank, N.A.",
            ),
            DemoClaim(
                "Wisconsin Department of Revenue",
                "PO Box 8901\nMadison, WI 53708",
                "2310.55",
                priority="2100.00",
                unsecured="210.55",
                description="Income taxes",
            ),
            DemoClaim(
                "Lakeshore Credit Card Services",
                "PO Box 4477\nMilwaukee, WI 53201",
                "7815.12",
                unsecured="7815.12",
                description="Credit card debt",
                filed_by="Recovery Agents LLC",
            ),
        ),
    ),
    DemoCase(
        "wiwb",
        "ap",
        "Tom Trustee v. Ann Debtor",
        "Harriet L. Brand",
        (DemoParty("plaintiff", "Tom Trustee"), DemoParty("defendant", "Ann Debtor", (("testattycg3", LEAD),))),
        (
            DemoEntry("Adversary case opened. Complaint by Tom Trustee against Ann Debtor.", "", ("Complaint",)),
            DemoEntry("ANSWER to Complaint filed by Ann Debtor.", "testattycg3", ("Answer",)),
        ),
        lead_title="In re Ann Debtor",
    ),
    DemoCase(
        "wiwb",
        "bk",
        "In re Northwoods Lumber LLC",
        "Harriet L. Brand",
        (
            DemoParty("debtor", "Northwoods Lumber LLC", (("testattycg3", LEAD),)),
            DemoParty("us_trustee", "U.S. Trustee"),
        ),
        (
            DemoEntry(
                "Chapter 11 Voluntary Petition for Non-Individuals. Fee Amount $1738.",
                "testattycg3",
                ("Voluntary Petition", "List of Creditors"),
            ),
        ),
    ),
    # README's "File your first document": the defendant has no attorney yet, so a new filer (asample22, linked
    # to asample) can appear for it; mattorney, the plaintiff's attorney, then receives the NEF.
    DemoCase(
        "wiwd",
        "cv",
        "Olson v. Great Lakes Shipping Co.",
        "Judith D. Parker",
        (
            DemoParty("plaintiff", "Erik Olson", (("mattorney", LEAD),)),
            DemoParty("defendant", "Great Lakes Shipping Co."),
        ),
        (
            DemoEntry(
                "COMPLAINT against Great Lakes Shipping Co. filed by Erik Olson.",
                "mattorney",
                ("Complaint", "Civil Cover Sheet"),
            ),
            DemoEntry("Summons Issued as to Great Lakes Shipping Co.", "", ("Summons",)),
        ),
        cover=CONTRACT_COVER,
    ),
    # A qui tam complaint stays under seal while the government decides whether to intervene (31 U.S.C. 3730(b)):
    # listed by number and title; its docket and documents are for jattorney, the relator's counsel, alone.
    DemoCase(
        "nysd",
        "cv",
        "United States ex rel. Sealed v. Sealed",
        "Paul K. Castel",
        (
            DemoParty("plaintiff", "United States ex rel. Sealed Relator", (("jattorney", LEAD),)),
            DemoParty("defendant", "Sealed Defendant"),
        ),
        (DemoEntry("COMPLAINT filed under seal by Sealed Relator.", "jattorney", ("Complaint",)),),
        cover={"nature_of_suit": "890 Other Statutory Actions", "cause": "31:3729 False Claims Act"},
        sealed=True,
    ),
)

# Courts whose viewer accounts (the U.S. Trustee's office) may open restricted documents: docs/decisions.md.
VIEWERS_SEE_RESTRICTED = ("wiwb",)


def load_demo_cases() -> list[str]:
    """Create the demo cases that are missing; one line per case created."""
    created = []
    CourtFiling.objects.filter(court_id__in=VIEWERS_SEE_RESTRICTED).update(viewers_see_restricted=True)
    for demo in CASES:
        court = Court.objects.get(pk=demo.court)
        if Case.objects.filter(court=court, title=demo.title).exists():
            continue
        case = _open(court, demo)
        created.append(f"case {court.pk} {case.number} {case.title}")
    return created


def _judge(court: Court, name: str) -> Judge:
    return Judge.objects.filter(court=court, name=name).first() or services.add_judge(
        court=court, name=name, origin=DEMO
    )


def _open(court: Court, demo: DemoCase) -> Case:
    lead = Case.objects.get(court=court, title=demo.lead_title) if demo.lead_title else None
    case = services.open_case(
        court=court,
        case_type=demo.case_type,
        title=demo.title,
        judge=_judge(court, demo.judge),
        lead_case=lead,
        origin=DEMO,
        nature_of_suit=demo.cover.get("nature_of_suit", ""),
        cause=demo.cover.get("cause", ""),
        jury_demand=demo.cover.get("jury_demand", ""),
    )
    for person in demo.parties:
        party = services.add_party(case=case, name=person.name, role=person.role, origin=DEMO)
        for login, role in person.attorneys:
            services.add_attorney(party=party, ecf_account=_account(court, login), role=role, origin=DEMO)
    for entry in demo.entries:
        filed = file_entry(
            case=case,
            text=entry.text,
            documents=[_document(case, title, main=index == 0) for index, title in enumerate(entry.documents)],
            filed_by=_account(court, entry.filer) if entry.filer else None,
            numbered=bool(entry.documents),
            written_opinion=entry.opinion,
            origin=DEMO,
        )
        if entry.access != DocumentAccess.PUBLIC:
            Document.objects.filter(entry=filed).update(access=entry.access)
    for claim in demo.claims:
        add_claim(
            case=case,
            creditor_name=claim.creditor,
            creditor_address=claim.address,
            amount_claimed=Decimal(claim.amount),
            secured_claimed=Decimal(claim.secured) if claim.secured else None,
            priority_claimed=Decimal(claim.priority) if claim.priority else None,
            unsecured_claimed=Decimal(claim.unsecured) if claim.unsecured else None,
            description=claim.description,
            filed_by=claim.filed_by or claim.creditor,
            entered_by=claim.filed_by or claim.creditor,
            origin=DEMO,
        )
    if demo.sealed:
        Case.objects.filter(pk=case.pk).update(sealed=True)
    return case


def _account(court: Court, login: str) -> EcfAccount:
    return EcfAccount.objects.get(court=court, login_key=login_key(login))


def _document(case: Case, title: str, *, main: bool) -> Upload:
    court = case.court
    pages = [
        [court.name.upper(), "", case.title, f"Case No. {case.full_number}", "", title.upper()],
        ["This is a demonstration document generated by OpenECF.", "It is not a real court filing."],
    ]
    return Upload(make_pdf(pages), f"{title.lower().replace(' ', '_')}.pdf", "" if main else title)
