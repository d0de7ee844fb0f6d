"""``python manage.py send_go_live_reminders [--court COURT]``: run daily (cron, systemd timer).

On a court's go-live day (its own time zone; up to two days late if a run was missed), queue one reminder per
active CM/ECF account not yet linked. Once per court and go-live date, however often it runs; send_outbox
delivers the messages.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.clerks import golive
from openecf.courts.commands import court_argument


class Command(BaseCommand):
    help = "Remind CM/ECF account holders not yet linked, on their court's NextGen go-live day. Run daily."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--court", help="Only this court (PACER court id).")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"]) if options.get("court") else None
        sent = golive.send_reminders(origin=COMMAND_LINE, court=court)
        if not sent:
            self.stdout.write("No court goes live today with reminders still to send.")
        for court_id, count in sent.items():
            self.stdout.write(f"{court_id}: {count} reminder(s) queued for account holders not yet linked.")
