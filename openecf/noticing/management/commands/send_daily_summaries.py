"""Queue the daily summaries: once a day, after midnight (a second run the same day sends nothing more)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.noticing.summaries import send_daily_summaries


class Command(BaseCommand):
    help = "Queue each daily-summary recipient's summary of a day's filings in their cases (default: yesterday)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", default="", help="The day to summarise, YYYY-MM-DD (default: yesterday at each court)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"]:
            try:
                day = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date must be a date as YYYY-MM-DD, not {options['date']!r}", returncode=2
                ) from None
        queued = send_daily_summaries(origin=COMMAND_LINE, day=day)
        self.stdout.write(f"{queued} daily summar{'y' if queued == 1 else 'ies'} queued.")
