"""cleanup_filings: timed-out transactions voided with their pending PDFs; pending PDFs of transactions that are
over and document files no Document points to removed once older than the grace period; nothing else."""

from __future__ import annotations

import io
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from openecf.audit.models import AuditEvent
from openecf.filing.models import FilingTransaction, Status
from openecf.filing.tests.conftest import Flow, World, pdf, stored_files
from openecf.filing.tests.test_civil_flow import upload

pytestmark = pytest.mark.django_db


def age(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_cleanup_filings(world: World, document_root: Path) -> None:
    flows = []
    for _ in range(2):
        flow = Flow(world.client)
        flow.start("civil", "notices", "civil-notice-of-appearance")
        flow.go("case", {"number": world.case.full_number})
        flow.go("style", {"confirmed": "yes"})
        flow.go("joint", {"joint": "no"})
        flow.go("filer", {"party": [world.case.parties.get(name="Acme Widget Corp.").pk]})
        flow.go("upload", {"main": upload("a.pdf", pdf())})
        flows.append(flow)
    stale, live = FilingTransaction.objects.order_by("pk")
    FilingTransaction.objects.filter(pk=stale.pk).update(
        started_at=timezone.now() - timedelta(hours=3), expires_at=timezone.now() - timedelta(hours=2)
    )
    filed = sorted(n for n in stored_files(document_root) if not n.startswith("pending/"))
    orphan = document_root / "wiwd" / "999" / "orphan.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(pdf())
    fresh_orphan = document_root / "wiwd" / "999" / "just-stored.pdf"
    fresh_orphan.write_bytes(pdf())
    left_over = document_root / "pending" / "wiwd" / "gone-transaction" / "0-x.pdf"
    left_over.parent.mkdir(parents=True)
    left_over.write_bytes(pdf())
    for path in (orphan, left_over, *[document_root / n for n in stored_files(document_root) if live.key in n]):
        age(path, 2)
    for name in filed:
        age(document_root / name, 2)

    out = io.StringIO()
    call_command("cleanup_filings", stdout=out)
    assert out.getvalue().strip() == (
        "1 timed-out transaction(s) voided, 1 pending file(s) and 1 orphaned document file(s) removed"
    )
    assert FilingTransaction.objects.get(pk=stale.pk).status == Status.EXPIRED
    assert FilingTransaction.objects.get(pk=live.pk).status == Status.OPEN
    remaining = stored_files(document_root)
    assert [n for n in remaining if n.startswith("pending/")] == [n for n in remaining if live.key in n]
    assert len([n for n in remaining if live.key in n]) == 1  # the live transaction's PDF stays, however old
    assert sorted(n for n in remaining if not n.startswith("pending/")) == sorted([*filed, "wiwd/999/just-stored.pdf"])
    assert AuditEvent.objects.filter(event="filings.cleaned").count() == 1
    assert AuditEvent.objects.filter(event="filing.expired").count() == 1
