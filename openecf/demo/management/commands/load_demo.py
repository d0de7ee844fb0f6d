"""Load the demo courts and accounts of the court guides (safe to run again: it only adds what is missing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from openecf.demo.services import load_demo


class Command(BaseCommand):
    help = "Create the demo PACER and CM/ECF accounts listed in the README."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo()
        for line in created:
            self.stdout.write(f"created {line}")
        self.stdout.write(f"Demo ready: {len(created)} item(s) created.")
