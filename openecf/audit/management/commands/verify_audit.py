"""Check the audit log's hash chain: ``python manage.py verify_audit``. Exit 0 when intact, 1 at the first break."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand

from openecf.audit import chain


class Command(BaseCommand):
    help = "Verify that no audit event was edited, deleted, inserted or reordered (exit status 1 if one was)."

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = chain.verify()
        if verdict.intact:
            self.stdout.write(f"Audit log intact: {verdict.events} event(s). Chain head: {verdict.head}")
            return
        event = verdict.broken_at
        where = (
            f"Audit log broken at event {event.seq} (id {event.id}, {event.event}, "
            f"{event.occurred_at:%Y-%m-%d %H:%M:%S} UTC): "
            if event is not None
            else "Audit log broken after the last event: "
        )
        self.stderr.write(where + verdict.problem + ".")
        self.stderr.write(f"The {verdict.events} event(s) before it are intact (chain head there: {verdict.head}).")
        sys.exit(1)
