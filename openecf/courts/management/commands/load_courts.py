"""Create or refresh the federal courts from the data shipped in openecf/courts/data/courts.csv."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from openecf.courts.data import upsert_courts
from openecf.courts.models import Court


class Command(BaseCommand):
    help = "Create missing courts and refresh names, zones and help contacts from the shipped court data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset-dates",
            action="store_true",
            help="Also reset every go-live date to the published one (default: keep dates set by operators).",
        )

        parser.add_argument(
            "--reset-profiles",
            action="store_true",
            help="Also reset every court's profile (login page, Utilities, landing page) to the shipped one.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        created, updated = upsert_courts(
            Court, keep_dates=not options["reset_dates"], reset_profiles=options["reset_profiles"]
        )
        self.stdout.write(f"{created} court(s) created, {updated} refreshed.")
