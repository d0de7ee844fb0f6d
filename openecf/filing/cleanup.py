"""What filings leave behind, removed: transactions past their time limit (with their pending PDFs), pending PDFs
of transactions that are over, and stored document files no Document row points to (a crash between storing a
PDF and committing its entry). Files younger than the grace period are left alone: a filing may be storing them
right now."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cases.models import Document
from openecf.cases.storage import document_storage
from openecf.filing import services
from openecf.filing.models import FilingTransaction, Status

GRACE = timedelta(hours=1)
BATCH = 500


@dataclass(frozen=True)
class Cleaned:
    transactions: int
    pending_files: int
    orphan_files: int


def _walk(storage: Storage, path: str) -> Iterator[str]:
    try:
        dirs, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{path}/{name}" if path else name
    for name in dirs:
        yield from _walk(storage, f"{path}/{name}" if path else name)


def _older_than(storage: Storage, name: str, cutoff: datetime) -> bool:
    try:
        return storage.get_modified_time(name) < cutoff
    except (NotImplementedError, FileNotFoundError):
        return False  # age unknown: never removed on a guess


def cleanup_filings(*, origin: Origin, grace: timedelta = GRACE) -> Cleaned:
    now = timezone.now()
    expired = 0
    for txn in FilingTransaction.objects.filter(status=Status.OPEN, expires_at__lte=now).order_by("pk")[:BATCH]:
        services.end(txn=txn, status=Status.EXPIRED, origin=origin)
        services.delete_pending(services.pending_names(txn))
        expired += 1
    storage = document_storage()
    cutoff = now - grace
    open_keys = set(FilingTransaction.objects.filter(status=Status.OPEN).values_list("key", flat=True))
    pending = 0
    for name in list(_walk(storage, services.PENDING_PREFIX)):
        parts = name.split("/")
        if len(parts) >= 3 and parts[2] in open_keys:
            continue
        if _older_than(storage, name, cutoff):
            storage.delete(name)
            pending += 1
    orphans = 0
    candidates = [name for name in _walk(storage, "") if not name.startswith(f"{services.PENDING_PREFIX}/")]
    for start in range(0, len(candidates), BATCH):
        batch = candidates[start : start + BATCH]
        kept = set(Document.objects.filter(file__in=batch).values_list("file", flat=True))
        for name in batch:
            if name not in kept and _older_than(storage, name, cutoff):
                storage.delete(name)
                orphans += 1
    if pending or orphans:
        with transaction.atomic():
            audit.record(event=Event.FILINGS_CLEANED, origin=origin, pending_files=pending, orphan_files=orphans)
    return Cleaned(expired, pending, orphans)
