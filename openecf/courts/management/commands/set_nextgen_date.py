"""``python manage.py set_nextgen_date COURT YYYY-MM-DD`` (or ``none``): schedule a court's NextGen go-live."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.courts import services
from openecf.courts.commands import court_argument


class Command(BaseCommand):
    help = "Set the day a court goes live on NextGen CM/ECF (its own time zone), or 'none' for CurrentGen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. wiwd")
        parser.add_argument("date", help="Go-live date as YYYY-MM-DD, or 'none' for a court not on NextGen")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        raw = options["date"].strip()
        if raw.lower() == "none":
            go_live = None
        else:
            try:
                go_live = date.fromisoformat(raw)
            except ValueError:
                raise CommandError(f"Expected a date as YYYY-MM-DD or 'none'; got {raw!r}.", returncode=2) from None
        court = services.set_nextgen_date(court=court, go_live=go_live, origin=COMMAND_LINE)
        if go_live is None:
            self.stdout.write(f"{court.id}: not on NextGen (CurrentGen); filers keep their court-issued login.")
        else:
            state = "live" if court.is_live() else "not yet live"
            self.stdout.write(f"{court.id}: NextGen go-live {court.go_live_text} ({court.time_zone}); {state}.")
