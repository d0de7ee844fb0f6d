"""``python manage.py set_link_item COURT utilities|nextgen_menu``: where the court's Utilities shows the link item."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.courts import services
from openecf.courts.commands import court_argument
from openecf.courts.models import LinkItemLocation


class Command(BaseCommand):
    help = (
        "Put the 'Link a CM/ECF account to my PACER account' item directly under Utilities (utilities) or under "
        "Utilities -> NextGen Release 1.1 Menu Items (nextgen_menu)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. wiwd")
        parser.add_argument("location", choices=LinkItemLocation.values)

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        court = services.set_link_item_location(court=court, location=options["location"], origin=COMMAND_LINE)
        self.stdout.write(f"{court.id}: the link item is now under {court.get_link_item_location_display()}.")
