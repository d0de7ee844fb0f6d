"""python manage.py cleanup_filings [--grace-minutes N]: what filings left behind, removed (openecf/filing/cleanup.py).
The worker (run_worker) runs it with each purge."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.context import Origin
from openecf.filing.cleanup import GRACE, cleanup_filings


class Command(BaseCommand):
    help = "Void timed-out filing transactions and remove their pending PDFs and document files no entry points to."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=int(GRACE.total_seconds() // 60),
            help="Leave files younger than this alone (default 60).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["grace_minutes"] < 0:
            raise CommandError("--grace-minutes must be 0 or more", returncode=2)
        cleaned = cleanup_filings(
            origin=Origin(ip_address=None, user_agent="cleanup_filings"),
            grace=timedelta(minutes=options["grace_minutes"]),
        )
        self.stdout.write(
            f"{cleaned.transactions} timed-out transaction(s) voided, {cleaned.pending_files} pending file(s) and "
            f"{cleaned.orphan_files} orphaned document file(s) removed"
        )
