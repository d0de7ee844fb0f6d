"""The events a filer can docket: each menu's categories and their events, with the docket text each writes.

Data, not code: the menus' categories are the labels cmecf/menus.py shows (matched by slug, so cmecf need not know
this module). A docket text pattern may use {parties} (the filers), {against} (the other side, for a case
opening), {attorney} (the attorney filing or filed for), {reliefs} (a motion's reliefs), {refs} (the entries a
response refers to) and {defendants} (criminal: "as to ..."). The event names are those district and bankruptcy
courts' CM/ECF menus show; the wording of the texts follows the dockets they write.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.utils.text import slugify


class Kind(enum.StrEnum):
    OPEN = "open"  # opens a case: cover sheet, parties, fee
    MOTION = "motion"  # asks for reliefs
    RESPONSE = "response"  # refers to existing entries
    APPEARANCE = "appearance"  # the filer's attorney appears for the party
    PLAIN = "plain"


@dataclass(frozen=True)
class FilingEvent:
    code: str
    name: str
    menu: str  # civil, criminal, bankruptcy, adversary
    category: str  # the category's label
    kind: Kind
    text: str
    reliefs: tuple[str, ...] = ()  # a motion's reliefs to choose from ("to Dismiss", "for Extension of Time")
    fee: int = 0  # whole dollars: the filing fee of a case opening

    @property
    def category_slug(self) -> str:
        return category_slug(self.category)


# Menu -> category labels, in the menus' order (cmecf/menus.py shows the same labels).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "civil": (
        "Open a Civil Case",
        "Initial Pleadings and Service",
        "Motions and Related Filings",
        "Responses and Replies",
        "Notices",
        "Other Filings",
    ),
    "criminal": ("Motions and Related Filings", "Responses and Replies", "Notices", "Other Filings"),
    "bankruptcy": ("Open a Bankruptcy Case", "Motions/Applications", "Plan", "Notices", "Other"),
    "adversary": ("Open an Adversary Proceeding", "Motions", "Answers", "Notices", "Other"),
}

# The case type each menu files in.
CASE_TYPES = {"civil": "cv", "criminal": "cr", "bankruptcy": "bk", "adversary": "ap"}

BY_PARTIES = " by {parties}"
FILED_BY = " filed by {parties}"
NOA = "NOTICE of Appearance by {attorney} on behalf of {parties}"
DISTRICT_RELIEFS = (
    "for Extension of Time",
    "for Leave to File Excess Pages",
    "for Hearing",
    "to Stay",
    "to Seal",
    "to Withdraw as Attorney",
    "for Protective Order",
)


def _e(
    menu: str,
    category: str,
    name: str,
    kind: Kind,
    text: str,
    *,
    reliefs: tuple[str, ...] = (),
    fee: int = 0,
) -> FilingEvent:
    code = f"{menu}-{slugify(name)}"
    return FilingEvent(code, name, menu, category, kind, text, reliefs, fee)


_CIVIL_OPEN, _CIVIL_INIT, _CIVIL_MOT, _CIVIL_RESP, _CIVIL_NOT, _CIVIL_OTHER = CATEGORIES["civil"]
_CR_MOT, _CR_RESP, _CR_NOT, _CR_OTHER = CATEGORIES["criminal"]
_BK_OPEN, _BK_MOT, _BK_PLAN, _BK_NOT, _BK_OTHER = CATEGORIES["bankruptcy"]
_AP_OPEN, _AP_MOT, _AP_ANS, _AP_NOT, _AP_OTHER = CATEGORIES["adversary"]

EVENTS: tuple[FilingEvent, ...] = (
    # --- Civil ---
    _e("civil", _CIVIL_OPEN, "Complaint", Kind.OPEN, "COMPLAINT against {against}" + FILED_BY, fee=405),
    _e("civil", _CIVIL_OPEN, "Notice of Removal", Kind.OPEN, "NOTICE OF REMOVAL from state court" + FILED_BY, fee=405),
    _e("civil", _CIVIL_INIT, "Answer to Complaint", Kind.PLAIN, "ANSWER to Complaint" + BY_PARTIES),
    _e("civil", _CIVIL_INIT, "Amended Complaint", Kind.PLAIN, "AMENDED COMPLAINT" + FILED_BY),
    _e("civil", _CIVIL_INIT, "Counterclaim", Kind.PLAIN, "COUNTERCLAIM" + FILED_BY),
    _e("civil", _CIVIL_INIT, "Summons Returned Executed", Kind.PLAIN, "SUMMONS Returned Executed" + BY_PARTIES),
    _e(
        "civil",
        _CIVIL_INIT,
        "Waiver of Service Executed",
        Kind.PLAIN,
        "WAIVER OF SERVICE Returned Executed" + BY_PARTIES,
    ),
    _e(
        "civil",
        _CIVIL_MOT,
        "Motion (Multiple Reliefs)",
        Kind.MOTION,
        "MOTION {reliefs}" + BY_PARTIES,
        reliefs=DISTRICT_RELIEFS,
    ),
    _e(
        "civil",
        _CIVIL_MOT,
        "Motion for Extension of Time",
        Kind.MOTION,
        "MOTION {reliefs}" + BY_PARTIES,
        reliefs=("for Extension of Time",),
    ),
    _e("civil", _CIVIL_MOT, "Motion to Dismiss", Kind.MOTION, "MOTION {reliefs}" + BY_PARTIES, reliefs=("to Dismiss",)),
    _e(
        "civil",
        _CIVIL_MOT,
        "Motion for Summary Judgment",
        Kind.MOTION,
        "MOTION {reliefs}" + BY_PARTIES,
        reliefs=("for Summary Judgment",),
    ),
    _e("civil", _CIVIL_MOT, "Motion to Compel", Kind.MOTION, "MOTION {reliefs}" + BY_PARTIES, reliefs=("to Compel",)),
    _e("civil", _CIVIL_MOT, "Brief in Support of Motion", Kind.RESPONSE, "BRIEF in Support re {refs}" + FILED_BY),
    _e(
        "civil",
        _CIVIL_RESP,
        "Response in Opposition to Motion",
        Kind.RESPONSE,
        "RESPONSE in Opposition re {refs}" + FILED_BY,
    ),
    _e(
        "civil", _CIVIL_RESP, "Response in Support of Motion", Kind.RESPONSE, "RESPONSE in Support re {refs}" + FILED_BY
    ),
    _e(
        "civil",
        _CIVIL_RESP,
        "Reply to Response to Motion",
        Kind.RESPONSE,
        "REPLY to Response to Motion re {refs}" + FILED_BY,
    ),
    _e("civil", _CIVIL_NOT, "Notice of Appearance", Kind.APPEARANCE, NOA),
    _e("civil", _CIVIL_NOT, "Notice of Change of Address", Kind.PLAIN, "NOTICE of Change of Address by {attorney}"),
    _e("civil", _CIVIL_NOT, "Notice of Voluntary Dismissal", Kind.PLAIN, "NOTICE of Voluntary Dismissal" + BY_PARTIES),
    _e("civil", _CIVIL_NOT, "Notice of Settlement", Kind.PLAIN, "NOTICE of Settlement" + BY_PARTIES),
    _e("civil", _CIVIL_OTHER, "Certificate of Service", Kind.PLAIN, "CERTIFICATE OF SERVICE" + BY_PARTIES),
    _e(
        "civil",
        _CIVIL_OTHER,
        "Corporate Disclosure Statement",
        Kind.PLAIN,
        "CORPORATE DISCLOSURE STATEMENT" + BY_PARTIES,
    ),
    _e("civil", _CIVIL_OTHER, "Declaration", Kind.PLAIN, "DECLARATION" + BY_PARTIES),
    _e("civil", _CIVIL_OTHER, "Stipulation", Kind.PLAIN, "STIPULATION" + BY_PARTIES),
    # --- Criminal ---
    _e(
        "criminal",
        _CR_MOT,
        "Motion (Multiple Reliefs)",
        Kind.MOTION,
        "MOTION {reliefs}{defendants}" + BY_PARTIES,
        reliefs=("to Continue", "for Bond", "to Suppress", "for Discovery", "to Withdraw as Attorney"),
    ),
    _e(
        "criminal",
        _CR_MOT,
        "Motion to Continue",
        Kind.MOTION,
        "MOTION {reliefs}{defendants}" + BY_PARTIES,
        reliefs=("to Continue",),
    ),
    _e(
        "criminal",
        _CR_MOT,
        "Motion to Suppress",
        Kind.MOTION,
        "MOTION {reliefs}{defendants}" + BY_PARTIES,
        reliefs=("to Suppress",),
    ),
    _e(
        "criminal", _CR_RESP, "Response to Motion", Kind.RESPONSE, "RESPONSE to Motion{defendants} re {refs}" + FILED_BY
    ),
    _e(
        "criminal",
        _CR_RESP,
        "Reply to Response to Motion",
        Kind.RESPONSE,
        "REPLY TO RESPONSE to Motion{defendants} re {refs}" + FILED_BY,
    ),
    _e(
        "criminal",
        _CR_NOT,
        "Notice of Appearance",
        Kind.APPEARANCE,
        "NOTICE OF ATTORNEY APPEARANCE: {attorney} appearing for {parties}",
    ),
    _e(
        "criminal",
        _CR_NOT,
        "Notice of Intent to Change Plea",
        Kind.PLAIN,
        "NOTICE of Intent to Change Plea{defendants}" + BY_PARTIES,
    ),
    _e("criminal", _CR_OTHER, "Sentencing Memorandum", Kind.PLAIN, "SENTENCING MEMORANDUM{defendants}" + BY_PARTIES),
    _e(
        "criminal",
        _CR_OTHER,
        "Proposed Jury Instructions",
        Kind.PLAIN,
        "Proposed Jury Instructions{defendants}" + BY_PARTIES,
    ),
    _e("criminal", _CR_OTHER, "Exhibit List", Kind.PLAIN, "EXHIBIT LIST{defendants}" + BY_PARTIES),
    # --- Bankruptcy ---
    _e(
        "bankruptcy",
        _BK_OPEN,
        "Voluntary Petition (Chapter 7)",
        Kind.OPEN,
        "Chapter 7 Voluntary Petition. Fee Amount $338" + FILED_BY,
        fee=338,
    ),
    _e(
        "bankruptcy",
        _BK_OPEN,
        "Voluntary Petition (Chapter 11)",
        Kind.OPEN,
        "Chapter 11 Voluntary Petition. Fee Amount $1738" + FILED_BY,
        fee=1738,
    ),
    _e(
        "bankruptcy",
        _BK_OPEN,
        "Voluntary Petition (Chapter 13)",
        Kind.OPEN,
        "Chapter 13 Voluntary Petition. Fee Amount $313" + FILED_BY,
        fee=313,
    ),
    _e(
        "bankruptcy",
        _BK_MOT,
        "Relief From Stay",
        Kind.MOTION,
        "Motion {reliefs}" + FILED_BY,
        reliefs=("for Relief from Stay",),
    ),
    _e(
        "bankruptcy",
        _BK_MOT,
        "Motion (Multiple Reliefs)",
        Kind.MOTION,
        "Motion {reliefs}" + FILED_BY,
        reliefs=("to Extend Time", "to Avoid Lien", "to Dismiss Case", "to Convert Case", "to Sell Property"),
    ),
    _e(
        "bankruptcy",
        _BK_MOT,
        "Application to Employ",
        Kind.MOTION,
        "Application {reliefs}" + FILED_BY,
        reliefs=("to Employ Attorney", "to Employ Accountant"),
    ),
    _e("bankruptcy", _BK_MOT, "Objection to Motion", Kind.RESPONSE, "Objection to re {refs}" + FILED_BY),
    _e("bankruptcy", _BK_PLAN, "Chapter 13 Plan", Kind.PLAIN, "Chapter 13 Plan" + FILED_BY),
    _e("bankruptcy", _BK_PLAN, "Amended Chapter 13 Plan", Kind.PLAIN, "Amended Chapter 13 Plan" + FILED_BY),
    _e("bankruptcy", _BK_PLAN, "Chapter 11 Plan", Kind.PLAIN, "Chapter 11 Plan of Reorganization" + FILED_BY),
    _e(
        "bankruptcy",
        _BK_PLAN,
        "Objection to Confirmation of Plan",
        Kind.RESPONSE,
        "Objection to Confirmation of Plan re {refs}" + FILED_BY,
    ),
    _e(
        "bankruptcy",
        _BK_NOT,
        "Notice of Appearance",
        Kind.APPEARANCE,
        "Notice of Appearance and Request for Notice by {attorney} on behalf of {parties}",
    ),
    _e("bankruptcy", _BK_NOT, "Notice of Change of Address", Kind.PLAIN, "Notice of Change of Address" + FILED_BY),
    _e("bankruptcy", _BK_OTHER, "Certificate of Service", Kind.PLAIN, "Certificate of Service" + FILED_BY),
    _e("bankruptcy", _BK_OTHER, "Schedules A-J", Kind.PLAIN, "Schedules A-J" + FILED_BY),
    _e(
        "bankruptcy",
        _BK_OTHER,
        "Statement of Financial Affairs",
        Kind.PLAIN,
        "Statement of Financial Affairs" + FILED_BY,
    ),
    _e("bankruptcy", _BK_OTHER, "Reaffirmation Agreement", Kind.PLAIN, "Reaffirmation Agreement" + FILED_BY),
    # --- Adversary ---
    _e(
        "adversary",
        _AP_OPEN,
        "Complaint",
        Kind.OPEN,
        "Adversary case opened. Complaint against {against}" + FILED_BY,
        fee=350,
    ),
    _e(
        "adversary",
        _AP_MOT,
        "Motion (Multiple Reliefs)",
        Kind.MOTION,
        "Motion {reliefs}" + FILED_BY,
        reliefs=("to Dismiss Adversary Proceeding", "for Summary Judgment", "to Extend Time", "for Default Judgment"),
    ),
    _e(
        "adversary",
        _AP_MOT,
        "Motion for Default Judgment",
        Kind.MOTION,
        "Motion {reliefs}" + FILED_BY,
        reliefs=("for Default Judgment",),
    ),
    _e("adversary", _AP_ANS, "Answer to Complaint", Kind.PLAIN, "Answer to Complaint" + FILED_BY),
    _e("adversary", _AP_ANS, "Response to Motion", Kind.RESPONSE, "Response re {refs}" + FILED_BY),
    _e(
        "adversary",
        _AP_NOT,
        "Notice of Appearance",
        Kind.APPEARANCE,
        "Notice of Appearance by {attorney} on behalf of {parties}",
    ),
    _e("adversary", _AP_NOT, "Notice of Dismissal", Kind.PLAIN, "Notice of Dismissal" + FILED_BY),
    _e("adversary", _AP_OTHER, "Certificate of Service", Kind.PLAIN, "Certificate of Service" + FILED_BY),
    _e("adversary", _AP_OTHER, "Summons Service Executed", Kind.PLAIN, "Summons Service Executed" + FILED_BY),
)

BY_CODE: dict[str, FilingEvent] = {event.code: event for event in EVENTS}


def category_slug(label: str) -> str:
    """A category's slug in its URL, as cmecf/menus.py makes it: Motions/Applications is motions-applications."""
    return slugify(label.replace("/", " "))


def category_label(menu: str, slug: str) -> str | None:
    return next((label for label in CATEGORIES.get(menu, ()) if category_slug(label) == slug), None)


def events_in(menu: str, category: str) -> list[FilingEvent]:
    return [event for event in EVENTS if event.menu == menu and event.category == category]


def search(menus: list[str], words: str) -> list[FilingEvent]:
    """Events of these menus whose name holds every word typed (any order, any case)."""
    wanted = words.casefold().split()
    if not wanted:
        return []
    return [
        event
        for event in EVENTS
        if event.menu in menus and all(word in f"{event.name} {event.category}".casefold() for word in wanted)
    ]
