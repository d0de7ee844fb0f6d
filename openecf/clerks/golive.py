"""Go-live: the clerk sets or moves the court's NextGen date and the link item's place, and filers are told.

"Courts will notify users of their go-live dates" (seed 003): scheduling or moving a date writes one e-mail per
active CM/ECF account holder of the court into the outbox, in the same transaction as the change and its audit
event; the send_outbox worker delivers them. On go-live day, ``send_go_live_reminders`` (run daily) reminds
those not yet linked, once per court and go-live date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.clerks.models import GoLiveReminder
from openecf.clerks.scope import ClerkScope
from openecf.cmecf.models import EcfAccount
from openecf.courts import services as courts
from openecf.courts.models import Court, LinkItemLocation, long_date
from openecf.notices import mail
from openecf.notices.mail import Mail

# A reminder missed because the daily run did not happen (a holiday, an outage) is still sent this many days late.
REMINDER_GRACE_DAYS = 2


class GoLiveRefused(Exception):
    """A go-live change that cannot be made, with the sentence the clerk reads."""


def link_item_path(court: Court, location: str | None = None) -> str:
    location = location or court.link_item_location
    if court.is_appellate:  # appellate NextGen keeps it under Update My Account
        return f"Utilities → Update My Account → {court.link_item_label}"
    if location == LinkItemLocation.UTILITIES:
        return f"Utilities → {court.link_item_label}"
    return f"Utilities → NextGen Release 1.1 Menu Items → {court.link_item_label}"


def announcement(court: Court, ecf: EcfAccount, *, go_live: date | None, previous: date | None) -> Mail:
    """The e-mail a CM/ECF account holder gets when the court schedules, moves or withdraws its date."""
    return mail.render("court.go_live_announced", _announcement_context(court, ecf, go_live=go_live, previous=previous))


def _announcement_context(
    court: Court, ecf: EcfAccount, *, go_live: date | None, previous: date | None
) -> dict[str, object]:
    return {
        "court": court,
        "ecf": ecf,
        "go_live": go_live,
        "previous": previous,
        "link_item_path": link_item_path(court),
    }


BATCH = 1000


def _queue(kind: str, accounts: QuerySet[EcfAccount], context: Callable[[EcfAccount], dict[str, object]]) -> int:
    """One e-mail per account holder (never a shared list of addresses), written in batches of a thousand."""
    queued = 0
    batch: list[tuple[list[str], dict[str, object]]] = []
    for ecf in accounts.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(([ecf.email], context(ecf)))
        if len(batch) >= BATCH:
            queued += mail.send_many(kind=kind, messages=batch)
            batch = []
    if batch:
        queued += mail.send_many(kind=kind, messages=batch)
    return queued


def schedule(
    *, scope: ClerkScope, go_live: date | None, link_item_location: str, origin: Origin, at: datetime | None = None
) -> int:
    """Set, move or withdraw the go-live date and place the link item. Returns the number of e-mails queued.

    Decided against the court's row, locked, not the scope's copy read with the request: of two saves of the same
    form (a double click, two tabs) the second waits for the first and then finds nothing changed, so the filers
    are e-mailed once.
    """
    if link_item_location not in LinkItemLocation.values:
        raise GoLiveRefused("Choose where the link item appears.")
    with transaction.atomic():
        court = Court.objects.select_for_update().get(pk=scope.court.pk)
        previous = court.nextgen_go_live
        today = court.local_date(at)
        date_changed = go_live != previous
        if date_changed and court.is_live(at):
            raise GoLiveRefused(
                f"The {court.display_name} is live on NextGen since {court.go_live_text}; its date can no longer be "
                "moved here (filers have linked). An operator can change it with set_nextgen_date."
            )
        if date_changed and go_live is not None and go_live < today:
            raise GoLiveRefused(f"The go-live date must be today ({long_date(today)}) or later.")
        if not date_changed and link_item_location == court.link_item_location:
            raise GoLiveRefused("Nothing changed: that is already the court's date and link item place.")
        updated = court
        if link_item_location != court.link_item_location:
            updated = courts.set_link_item_location(
                court=court, location=link_item_location, origin=origin, actor=scope.clerk
            )
        if not date_changed:
            return 0
        updated = courts.set_nextgen_date(court=updated, go_live=go_live, origin=origin, actor=scope.clerk)
        queued = _queue(
            "court.go_live_announced",
            EcfAccount.objects.filter(court=updated, is_active=True),
            lambda ecf: _announcement_context(updated, ecf, go_live=go_live, previous=previous),
        )
        audit.record(
            event=Event.COURT_GO_LIVE_ANNOUNCED,
            origin=origin,
            actor=scope.clerk,
            court=updated,
            go_live=go_live.isoformat() if go_live else None,
            previous=previous.isoformat() if previous else None,
            recipients=queued,
        )
    return queued


def _reminder_context(court: Court, ecf: EcfAccount) -> dict[str, object]:
    return {"court": court, "ecf": ecf, "link_item_path": link_item_path(court)}


def send_reminders(*, origin: Origin, court: Court | None = None, at: datetime | None = None) -> dict[str, int]:
    """Go-live day reminders for every court live since today (or a few days, if a run was missed)."""
    sent: dict[str, int] = {}
    candidates = Court.objects.filter(nextgen_go_live__isnull=False)
    if court is not None:
        candidates = candidates.filter(pk=court.pk)
    for candidate in candidates.order_by("pk"):
        assert candidate.nextgen_go_live is not None
        local = candidate.local_date(at)
        if not candidate.nextgen_go_live <= local <= candidate.nextgen_go_live + timedelta(days=REMINDER_GRACE_DAYS):
            continue
        if GoLiveReminder.objects.filter(court=candidate, go_live=candidate.nextgen_go_live).exists():
            continue
        try:
            with transaction.atomic():
                GoLiveReminder.objects.create(
                    court=candidate, go_live=candidate.nextgen_go_live, sent_at=at or timezone.now(), recipients=0
                )
                count = _queue(
                    "court.go_live_reminder",
                    EcfAccount.objects.filter(court=candidate, is_active=True, link__isnull=True),
                    partial(_reminder_context, candidate),
                )
                GoLiveReminder.objects.filter(court=candidate, go_live=candidate.nextgen_go_live).update(
                    recipients=count
                )
                audit.record(
                    event=Event.COURT_GO_LIVE_REMINDED,
                    origin=origin,
                    court=candidate,
                    go_live=candidate.nextgen_go_live.isoformat(),
                    recipients=count,
                )
        except IntegrityError:
            continue  # another run got there first: the reminder is sent once
        sent[candidate.pk] = count
    return sent
