"""Daily summaries: an account that chose them gets, once a day, the day's filings in its cases in one message.

Idempotent per account and day: the DailySummary row is written in the transaction that queues the message, under
a unique constraint, so a second run (or two runs at once) sends nothing more.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import AttorneyOfRecord, DocketEntry
from openecf.cmecf.models import EcfAccount
from openecf.notices import mail
from openecf.noticing import links
from openecf.noticing.models import DailySummary, Delivery
from openecf.noticing.nef import issue_free_looks, noticing_address
from openecf.noticing.recipients import recipients_of


def summary_day(account: EcfAccount) -> date:
    """By default the day before today on the clock of the account's court: that day's filings are complete."""
    return account.court.local_date() - timedelta(days=1)


def entries_for(account: EcfAccount, day: date) -> list[DocketEntry]:
    """Entries entered on ``day`` (the court's calendar day) in cases where the account appeared for a party and
    had not stopped before that day."""
    zone = account.court.zone
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    appearances = AttorneyOfRecord.objects.filter(ecf_account=account, added_on__lte=day).exclude(terminated_on__lt=day)
    return list(
        DocketEntry.objects.filter(case__parties__attorneys__in=appearances, entered_at__gte=start, entered_at__lt=end)
        .distinct()
        .select_related("case__court", "case__judge")
        .prefetch_related("documents")
        .order_by("case__caseid", "de_seq_num")
    )


def send_daily_summaries(*, origin: Origin, day: date | None = None) -> int:
    """Queue each daily-summary account's summary of ``day`` (default: yesterday at its court); returns how many
    were queued now. Accounts with no filings that day get none."""
    accounts = EcfAccount.objects.filter(
        is_active=True,
        notice_preference__delivery=Delivery.DAILY_SUMMARY,
    ).select_related("court")
    queued = 0
    for account in accounts:
        the_day = day or summary_day(account)
        if DailySummary.objects.filter(ecf_account=account, day=the_day).exists():
            continue
        entries = entries_for(account, the_day)
        if not entries:
            continue
        try:
            with transaction.atomic():
                _queue(account, the_day, entries, origin)
        except IntegrityError:  # another run queued this one a moment ago
            continue
        queued += 1
    return queued


def _queue(account: EcfAccount, day: date, entries: list[DocketEntry], origin: Origin) -> None:
    DailySummary.objects.create(ecf_account=account, day=day, entries=len(entries))
    [recipient] = recipients_of([account])
    cases: dict[int, dict[str, object]] = {}
    for entry in entries:
        documents = list(entry.documents.all())
        for document in documents:
            document.entry = entry
        looks = issue_free_looks(documents, account)
        listing = cases.setdefault(entry.case_id, {"case": entry.case, "entries": []})
        listing["entries"].append(  # type: ignore[attr-defined]
            {
                "entry": entry,
                "documents": [
                    {"label": document.label, "link": links.free_look_url(document, looks[document.pk])}
                    for document in documents
                ],
            }
        )
    court = account.court
    mail.send(
        kind="nef.daily_summary",
        to=list(recipient.emails),
        context={"account": account, "court": court, "day": day, "cases": list(cases.values())},
        reference=f"daily_summary:{account.pk}:{day.isoformat()}",
        from_email=noticing_address(court),
    )
    audit.record(
        event=Event.DAILY_SUMMARY_QUEUED,
        origin=origin,
        court=court,
        ecf_account=account,
        day=day.isoformat(),
        entries=len(entries),
    )
