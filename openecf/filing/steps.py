"""Which steps a filing takes, in order, and the docket text its answers make.

The steps follow from the events chosen, the case's kind and the filer: one list, so every step's page can tell
whether it is the current one (a step out of order is refused, never half-done).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openecf.cases.models import AttorneyOfRecord, Case, DocketEntry, Party
from openecf.cmecf.models import EcfAccount, EcfRole
from openecf.filing.catalog import BY_CODE, BY_PARTIES, FILED_BY, FilingEvent, Kind
from openecf.filing.models import FilingTransaction

STEP_TITLES = {
    "attorney": "Filing Agent: Select the Attorney",
    "cover": "Open a Case: Case Information",
    "parties": "Open a Case: Parties",
    "case": "Case Number",
    "style": "Case Style",
    "defendant": "Select the Defendant(s)",
    "joint": "Joint Filing",
    "filer": "Select the Filer",
    "associate": "Attorney/Party Association",
    "upload": "Documents",
    "questions": "Event Questions",
    "fee": "Filing Fee",
    "text": "Docket Text: Modify as Appropriate",
    "final": "Docket Text: Final Text",
}
MODIFIERS = (
    "",
    "First",
    "Second",
    "Third",
    "Amended",
    "Agreed",
    "Corrected",
    "Emergency",
    "Expedited",
    "Renewed",
    "Supplemental",
    "Unopposed",
)
ATTACHMENT_CATEGORIES = (
    "",
    "Exhibit",
    "Affidavit",
    "Declaration",
    "Brief",
    "Proposed Order",
    "Certificate of Service",
    "Memorandum",
    "Text of Proposed Order",
    "Other",
)


def events_of(txn: FilingTransaction) -> list[FilingEvent]:
    return [BY_CODE[code] for code in txn.events]


def opens_case(txn: FilingTransaction) -> bool:
    return any(event.kind == Kind.OPEN for event in events_of(txn))


def is_agent(account: EcfAccount) -> bool:
    return account.role == EcfRole.NONATTORNEY


def attorney_of(txn: FilingTransaction) -> EcfAccount:
    """The attorney the filing is made by: the filer, or the attorney a filing agent chose."""
    chosen = txn.answers.get("attorney", {}).get("ecf_id")
    if chosen:
        return EcfAccount.objects.get(pk=chosen)
    return txn.ecf_account


def case_of(txn: FilingTransaction) -> Case | None:
    caseid = txn.answers.get("case", {}).get("case_pk")
    return Case.objects.select_related("judge", "court").filter(pk=caseid, court=txn.court).first() if caseid else None


def chosen_parties(txn: FilingTransaction) -> list[Party]:
    ids = txn.answers.get("filer", {}).get("party_ids", [])
    return list(Party.objects.filter(pk__in=ids, case_id=txn.answers.get("case", {}).get("case_pk")))


def unassociated(txn: FilingTransaction) -> list[Party]:
    """The filer's parties the attorney does not yet appear for (a Notice of Appearance makes the appearance)."""
    if any(event.kind == Kind.APPEARANCE for event in events_of(txn)) or "filer" not in txn.answers:
        return []
    attorney = attorney_of(txn)
    parties = chosen_parties(txn)
    appearances = AttorneyOfRecord.objects.filter(terminated_on__isnull=True, party__in=parties)
    if txn.answers.get("joint", {}).get("joint"):
        # A joint filing's other parties come with their own attorneys, who join in it: no association for them.
        represented = set(appearances.values_list("party_id", flat=True))
    else:
        represented = set(appearances.filter(ecf_account=attorney).values_list("party_id", flat=True))
    return [party for party in parties if party.pk not in represented]


def step_list(txn: FilingTransaction) -> list[str]:
    kinds = {event.kind for event in events_of(txn)}
    steps = ["attorney"] if is_agent(txn.ecf_account) else []
    if Kind.OPEN in kinds:
        steps += ["cover", "parties"] if txn.menu != "bankruptcy" else ["parties"]
    else:
        steps += ["case", "style"]
        if txn.menu == "criminal":
            steps.append("defendant")
        steps += ["joint", "filer"]
        if ("filer" in txn.answers and unassociated(txn)) or "associate" in txn.answers:
            steps.append("associate")
    steps.append("upload")
    if kinds & {Kind.MOTION, Kind.RESPONSE}:
        steps.append("questions")
    if Kind.OPEN in kinds:
        steps.append("fee")
    steps += ["text", "final"]
    return steps


def current_step(txn: FilingTransaction) -> str:
    return next(step for step in step_list(txn) if step not in txn.answers)


@dataclass(frozen=True)
class Names:
    parties: list[str]
    against: list[str]


def party_names(txn: FilingTransaction) -> Names:
    if opens_case(txn):
        parties = txn.answers.get("parties", {})
        return Names(parties.get("filing", []), parties.get("against", []))
    names = [party.name for party in chosen_parties(txn)]
    new = txn.answers.get("filer", {}).get("new_party")
    if new:
        names.append(new["name"])
    return Names(names, [])


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _refs(txn: FilingTransaction) -> str:
    ids = txn.answers.get("questions", {}).get("refers", [])
    entries = DocketEntry.objects.filter(pk__in=ids, case_id=txn.answers.get("case", {}).get("case_pk"))
    return ", ".join(f"{entry.number} {_short(entry.text)}" for entry in entries.order_by("de_seq_num"))


def _short(text: str) -> str:
    text = text.rstrip(".")
    return text if len(text) <= 80 else text[:77].rstrip() + "..."


def _defendants(txn: FilingTransaction) -> str:
    ids = txn.answers.get("defendant", {}).get("party_ids", [])
    if not ids:
        return ""
    parties = Party.objects.filter(pk__in=ids).order_by("defendant_number")
    return " as to " + _join([f"{party.name} ({party.defendant_number})" for party in parties])


def _split_filer(pattern: str) -> tuple[str, str]:
    """An event's text and its closing "by {parties}" (or "filed by {parties}"), which filings together share."""
    for tail in (FILED_BY, BY_PARTIES):
        if pattern.endswith(tail):
            return pattern[: -len(tail)], tail
    return pattern, ""


def surname_first(name: str) -> str:
    """How CM/ECF signs an entry: (Doe, Jane)."""
    words = name.split()
    return f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else name


def docket_text(txn: FilingTransaction) -> str:
    """The docket text the answers make: modifier, each event's text, the filer's own words, attachments, fee and
    who filed (see docs/decisions.md, "The filing flow's docket text")."""
    names = party_names(txn)
    attorney = attorney_of(txn)
    reliefs = txn.answers.get("questions", {}).get("reliefs", {})
    values: dict[str, Any] = {
        "parties": _join(names.parties),
        "against": _join(names.against),
        "attorney": attorney.name,
        "refs": _refs(txn),
        "defendants": _defendants(txn),
    }
    parts, tails = [], set()
    for event in events_of(txn):
        chosen = reliefs.get(event.code) or list(event.reliefs[:1])
        head, tail = _split_filer(event.text)
        tails.add(tail)
        parts.append((head.format(**values, reliefs=" and ".join(chosen)), tail.format(**values)))
    if len(parts) > 1 and len(tails) == 1:
        # Several events filed together name their filers once: "MOTION to Dismiss and MOTION to Compel by X."
        parts = [(head, "") for head, _ in parts[:-1]] + parts[-1:]
    words = txn.answers.get("text", {})
    prefix = " ".join(
        word
        for word in ("Joint" if txn.answers.get("joint", {}).get("joint") else "", words.get("modifier", ""))
        if word
    )
    text = " and ".join(head + tail for head, tail in parts)
    if values["refs"] and not any("{refs}" in event.text for event in events_of(txn)):
        text += f" re {values['refs']}"  # a motion may refer to entries too
    if prefix:
        text = f"{prefix} {text}"
    if words.get("free"):
        text += f" {words['free']}"
    if not text.endswith("."):
        text += "."
    attachments = txn.answers.get("upload", {}).get("documents", [])[1:]
    if attachments:
        listed = ", ".join(f"# {n} {doc['description']}" for n, doc in enumerate(attachments, 1))
        text += f" (Attachments: {listed})"
    fee = txn.answers.get("fee")
    if fee:
        text += f" ( Filing fee $ {fee['amount']}, receipt number {fee['receipt']})"
    if txn.ecf_account.pk != attorney.pk:
        text += f" (filed by {txn.ecf_account.name} on behalf of {attorney.name})"
    else:
        text += f" ({surname_first(attorney.name)})"
    return text
