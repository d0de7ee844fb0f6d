"""Deliver queued e-mail: once (default) or continuously with --loop (`make run` and `make serve` start it)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.core.commands import run_rounds
from openecf.notices.services import deliver_pending


class Command(BaseCommand):
    help = "Send the e-mail messages waiting in the outbox over the configured e-mail backend."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between checks with --loop.")
        parser.add_argument(
            "--lease",
            type=float,
            default=settings.OPENECF_OUTBOX_LEASE_SECONDS,
            help="Seconds a claimed message is this worker's; a killed worker's messages are retried after it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] <= 0 or options["lease"] <= 0:
            raise CommandError("--interval and --lease must be more than 0 seconds", returncode=2)
        lease = timedelta(seconds=options["lease"])
        run_rounds(
            lambda: deliver_pending(lease=lease),
            loop=options["loop"],
            interval=options["interval"],
            out=self.stdout,
            says="{} message(s) sent.",
        )
