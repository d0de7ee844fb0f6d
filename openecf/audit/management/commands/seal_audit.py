"""Seal committed audit events: ``python manage.py seal_audit [--loop] [--interval SECONDS]``.

Once (default), or continuously with --loop. The worker (run_worker) calls the same ``seal_pending`` every second
or so; this command is for operators, the demo, and hosts without that worker.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.sealing import seal_pending
from openecf.core.commands import run_rounds


class Command(BaseCommand):
    help = "Seal the audit events committed since the last seal, in batches (verify_audit checks the seals)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, sealing every --interval seconds.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between rounds with --loop.")
        parser.add_argument("--batch-size", type=int, default=1000, help="Events per seal.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] <= 0 or options["batch_size"] < 1:
            raise CommandError("--interval must be more than 0 seconds and --batch-size at least 1", returncode=2)
        run_rounds(
            lambda: seal_pending(batch_size=options["batch_size"]),
            loop=options["loop"],
            interval=options["interval"],
            out=self.stdout,
            says="{} event(s) sealed.",
        )
