"""Check the audit log's seals: ``python manage.py verify_audit [--horizon SECONDS]``.

Exit 0 when every sealed event is intact and no event older than the horizon waits to be sealed; 1 at the first
edited, deleted, reordered or inserted event (or altered seal); 2 when the log is intact but events older than
the horizon are not sealed yet (the sealer is not running or cannot keep up).
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.verification import verify


class Command(BaseCommand):
    help = (
        "Verify that no sealed audit event was edited, deleted, inserted or reordered (exit status 1 if one was) "
        "and that none older than the horizon waits to be sealed (exit status 2)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--horizon",
            type=float,
            default=60.0,
            help="Seconds a committed event may wait to be sealed (default 60); older unsealed ones are reported.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["horizon"] < 0:
            raise CommandError("--horizon must be 0 seconds or more", returncode=2)
        verdict = verify(horizon=timedelta(seconds=options["horizon"]))
        if not verdict.intact:
            event = verdict.broken_at
            where = (
                f"Audit log broken at event id {event.id} ({event.event}, {event.occurred_at:%Y-%m-%d %H:%M:%S} UTC): "
                if event is not None
                else "Audit log broken: "
            )
            self.stderr.write(where + verdict.problem + ".")
            self.stderr.write(
                f"The {verdict.events} sealed event(s) before it are intact "
                f"(seal {verdict.seals}, head there: {verdict.head})."
            )
            sys.exit(1)
        self.stdout.write(
            f"Audit log intact: {verdict.events} sealed event(s) in {verdict.seals} seal(s). Seal head: {verdict.head}"
        )
        if verdict.unsealed:
            oldest = f"{verdict.oldest_unsealed:%Y-%m-%d %H:%M:%S} UTC"
            self.stdout.write(f"{verdict.unsealed} newer event(s) not sealed yet (the oldest from {oldest}).")
        if verdict.overdue:
            self.stderr.write(
                f"{verdict.overdue} event(s) older than {options['horizon']:g} s are not sealed: is the sealer "
                "(seal_audit --loop, or the worker) running?"
            )
            sys.exit(2)
