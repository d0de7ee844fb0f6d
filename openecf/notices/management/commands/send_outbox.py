"""Deliver queued e-mail: once (default) or continuously with --loop."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from openecf.notices.services import deliver_pending


class Command(BaseCommand):
    help = "Send the e-mail messages waiting in the outbox over the configured e-mail backend."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between checks with --loop.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            sent = deliver_pending()
            if sent or not options["loop"]:
                self.stdout.write(f"{sent} message(s) sent.")
            if not options["loop"]:
                return
            time.sleep(options["interval"])
