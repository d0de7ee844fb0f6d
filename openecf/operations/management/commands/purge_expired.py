"""Delete expired sessions, ended or expired tokens and links, and stale throttle counters (never audit events)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.operations.purge import purge_expired


class Command(BaseCommand):
    help = (
        "Delete what can never be used again: expired sessions, ended or expired sign-on tokens, used or expired "
        "e-mailed links and codes, stale throttle counters. Audit events are never deleted. run_worker does this "
        "every few minutes; run it by hand after a long outage of the worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="Rows of each kind deleted per transaction (default 1000)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1", returncode=2)
        counts = purge_expired(batch_size=options["batch_size"])
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            self.stdout.write(f"{name:<{width}}  {count} deleted")
