"""Filing transactions: begun, answered step by step, abandoned or timed out, and submitted in one transaction.

Uploaded PDFs wait in document storage under ``pending/`` until the submission files them (cases.docketing stores
its own copy) or the transaction ends without one; cleanup_filings removes what a crash left behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases import services as cases
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import AttorneyRole, Case, CaseType, DocketEntry, Judge, JudgeTitle, Party, PartyRole
from openecf.cases.storage import document_storage
from openecf.cmecf.models import EcfAccount
from openecf.courts.models import Court
from openecf.filing import steps
from openecf.filing.catalog import CASE_TYPES, Kind
from openecf.filing.models import FilingTransaction, Status
from openecf.noticing.nef import send_nef

PENDING_PREFIX = "pending"


class TransactionOver(Exception):
    """The transaction was filed, abandoned or timed out: no step may change it."""

    def __init__(self, txn: FilingTransaction) -> None:
        super().__init__(txn.status)
        self.txn = txn


def start(
    *, court: Court, ecf_account: EcfAccount, pacer: PacerAccount | None, menu: str, events: list[str], origin: Origin
) -> FilingTransaction:
    timeout = cases.filing_settings(court).transaction_timeout_minutes
    now = timezone.now()
    with transaction.atomic():
        txn = FilingTransaction.objects.create(
            key=get_random_string(32),
            court=court,
            pacer_account=pacer,
            ecf_account=ecf_account,
            menu=menu,
            events=events,
            started_at=now,
            expires_at=now + timedelta(minutes=timeout),
        )
        audit.record(
            event=Event.FILING_STARTED, origin=origin, actor=pacer, court=court, ecf_account=ecf_account, events=events
        )
    return txn


def locked(txn: FilingTransaction) -> FilingTransaction:
    """The transaction's row, locked, and refused if it is over (expiring it first if its time is up)."""
    row = FilingTransaction.objects.select_for_update().get(pk=txn.pk)
    if row.status != Status.OPEN:
        raise TransactionOver(row)
    return row


def save_step(*, txn: FilingTransaction, step: str, answers: dict[str, Any]) -> FilingTransaction:
    with transaction.atomic():
        row = locked(txn)
        if row.expired:
            raise TransactionOver(row)
        if steps.current_step(row) != step:
            raise ValidationError(f"The step {step!r} is not the current step of this filing.")
        row.answers = {**row.answers, step: answers}
        row.save(update_fields=["answers"])
    return row


def store_pending(*, txn: FilingTransaction, position: int, data: bytes) -> str:
    name = f"{PENDING_PREFIX}/{txn.court_id}/{txn.key}/{position}-{get_random_string(8).lower()}.pdf"
    return document_storage().save(name, ContentFile(data))


def delete_pending(names: list[str]) -> None:
    storage = document_storage()
    for name in names:
        if name.startswith(f"{PENDING_PREFIX}/"):
            storage.delete(name)


def pending_names(txn: FilingTransaction) -> list[str]:
    return [doc["name"] for doc in txn.answers.get("upload", {}).get("documents", [])]


def end(*, txn: FilingTransaction, status: str, origin: Origin) -> FilingTransaction:
    """Abandon the transaction, or time it out: its pending files go, and it can never be filed."""
    event = Event.FILING_ABANDONED if status == Status.ABANDONED else Event.FILING_EXPIRED
    with transaction.atomic():
        try:
            row = locked(txn)
        except TransactionOver as over:
            return over.txn
        names = pending_names(row)
        row.status, row.finished_at, row.answers = status, timezone.now(), {}
        row.save(update_fields=["status", "finished_at", "answers"])
        audit.record(event=event, origin=origin, actor=row.pacer_account, court=row.court, ecf_account=row.ecf_account)
        transaction.on_commit(lambda: delete_pending(names))
    return row


@dataclass(frozen=True)
class Filed:
    txn: FilingTransaction
    entry: DocketEntry
    replayed: bool = False


def submit(*, txn: FilingTransaction, origin: Origin) -> Filed:
    """File it: open the case if the event does, docket the entry with its documents, make the appearances and
    associations, queue the NEF and record it, in one transaction. A second submission returns the first's."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            try:
                row = locked(txn)
            except TransactionOver as over:
                if over.txn.status == Status.FILED and over.txn.entry is not None:
                    return Filed(over.txn, over.txn.entry, replayed=True)
                raise
            if row.expired:
                raise TransactionOver(row)
            if steps.current_step(row) != "final":
                raise ValidationError("This filing has steps left to answer.")
            entry = _file(row, origin, stored)
    except BaseException:
        # The rows rolled back; the documents cases.docketing stored for them must go too.
        storage = document_storage()
        for name in stored:
            storage.delete(name)
        raise
    transaction.on_commit(lambda: delete_pending(pending_names(txn)))
    return Filed(FilingTransaction.objects.get(pk=txn.pk), entry)


def _file(row: FilingTransaction, origin: Origin, stored: list[str]) -> DocketEntry:
    pacer, filer = row.pacer_account, row.ecf_account
    attorney = steps.attorney_of(row)
    if steps.is_agent(filer) and not filer.agent_for.filter(attorney=attorney).exists():
        raise ValidationError(f"{attorney.name} has not made you their filing agent.")
    text = steps.docket_text(row)  # before any row changes: the text the filer confirmed
    if steps.opens_case(row):
        case = _open_case(row, attorney, origin)
    else:
        found = steps.case_of(row)
        if found is None:
            raise ValidationError("The case of this filing no longer exists.")
        case = found
        _appear(row, case, attorney, origin)
    storage = document_storage()
    uploads = []
    for doc in row.answers.get("upload", {}).get("documents", []):
        with storage.open(doc["name"], "rb") as handle:
            uploads.append(Upload(handle.read(), doc["filename"], doc["description"]))
    entry = file_entry(case=case, text=text, documents=uploads, filed_by=filer, origin=origin, actor=pacer)
    stored.extend(document.file.name for document in entry.documents.all())
    if attorney.pk != filer.pk:
        entry.on_behalf_of = attorney
        entry.save(update_fields=["on_behalf_of"])
    # The NEF's subject ends with what was filed, by event name, as CM/ECF's does ("Notice of Appearance").
    short = ", ".join(event.name for event in steps.events_of(row))
    nef = send_nef(entry=entry, origin=origin, short_description=short)
    row.status, row.finished_at, row.entry, row.nef_html = Status.FILED, timezone.now(), entry, nef.screen_html
    row.save(update_fields=["status", "finished_at", "entry", "nef_html"])
    audit.record(
        event=Event.FILING_SUBMITTED,
        origin=origin,
        actor=pacer,
        court=row.court,
        ecf_account=filer,
        case=case.number,
        caseid=case.caseid,
        number=entry.number,
        events=row.events,
        on_behalf_of=attorney.login if attorney.pk != filer.pk else "",
    )
    return entry


def _appear(row: FilingTransaction, case: Case, attorney: EcfAccount, origin: Origin) -> None:
    """New party; a Notice of Appearance's appearance; the associations the filer asked for."""
    parties = steps.chosen_parties(row)
    new = row.answers.get("filer", {}).get("new_party")
    if new:
        parties.append(
            cases.add_party(
                case=case,
                name=new["name"],
                role=new["role"],
                origin=origin,
                actor=row.pacer_account,
                ecf_account=row.ecf_account,
            )
        )
    if any(event.kind == Kind.APPEARANCE for event in steps.events_of(row)):
        wanted = parties
    else:
        chosen = set(row.answers.get("associate", {}).get("party_ids", []))
        wanted = [party for party in parties if party.pk in chosen or (new and party.name == new["name"])]
    for party in wanted:
        if not party.attorneys.filter(ecf_account=attorney).exists():
            cases.add_attorney(party=party, ecf_account=attorney, origin=origin, actor=row.pacer_account)


OPENING_ROLES = {
    "civil": (PartyRole.PLAINTIFF, PartyRole.DEFENDANT),
    "adversary": (PartyRole.PLAINTIFF, PartyRole.DEFENDANT),
    "bankruptcy": (PartyRole.DEBTOR, PartyRole.JOINT_DEBTOR),
}


def case_title(menu: str, filing: list[str], against: list[str]) -> str:
    if menu == "bankruptcy":
        return f"In re {filing[0]}" + (f" and {filing[1]}" if len(filing) > 1 else "")
    first = filing[0] + (" et al" if len(filing) > 1 else "")
    other = against[0] + (" et al" if len(against) > 1 else "")
    return f"{first} v. {other}"


def assign_judge(court: Court, case_type: str) -> Judge | None:
    """The judge of the right kind with the fewest open cases of this type (then by name): an even draw that a
    test can predict (docs/decisions.md, "Opening a case")."""
    title = JudgeTitle.BANKRUPTCY if case_type in (CaseType.BANKRUPTCY, CaseType.ADVERSARY) else JudgeTitle.DISTRICT
    judges = list(Judge.objects.filter(court=court, title=title).order_by("name"))
    if not judges:
        return None
    return min(
        judges,
        key=lambda judge: Case.objects.filter(judge=judge, case_type=case_type, date_terminated__isnull=True).count(),
    )


def _open_case(row: FilingTransaction, attorney: EcfAccount, origin: Origin) -> Case:
    cover = row.answers.get("cover", {})
    names = row.answers["parties"]
    case_type = CASE_TYPES[row.menu]
    lead = Case.objects.filter(pk=cover.get("lead_pk"), court=row.court).first() if cover.get("lead_pk") else None
    judge = lead.judge if lead is not None else assign_judge(row.court, case_type)
    case = cases.open_case(
        court=row.court,
        case_type=case_type,
        title=case_title(row.menu, names["filing"], names["against"]),
        judge=judge,
        lead_case=lead,
        origin=origin,
        nature_of_suit=cover.get("nature_of_suit", ""),
        cause=cover.get("cause", ""),
        jurisdiction=cover.get("jurisdiction", ""),
        jury_demand=cover.get("jury_demand", ""),
        demand=cover.get("demand", ""),
        actor=row.pacer_account,
        ecf_account=row.ecf_account,
    )
    first_role, second_role = OPENING_ROLES[row.menu]
    for index, name in enumerate(names["filing"]):
        role = first_role if row.menu != "bankruptcy" or index == 0 else second_role
        party: Party = cases.add_party(case=case, name=name, role=role, origin=origin, actor=row.pacer_account)
        cases.add_attorney(
            party=party, ecf_account=attorney, role=AttorneyRole.LEAD, origin=origin, actor=row.pacer_account
        )
    for name in names["against"]:
        cases.add_party(case=case, name=name, role=second_role, origin=origin, actor=row.pacer_account)
    return case
