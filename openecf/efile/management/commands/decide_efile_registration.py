"""``python manage.py decide_efile_registration ID approve|deny [--note TEXT]`` — the clerk's decision."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.efile import services


class Command(BaseCommand):
    help = "Approve or deny an e-file registration (audited; the filer is e-mailed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", type=int, help="The registration number, as the filer's e-mail shows it.")
        parser.add_argument("decision", choices=["approve", "deny"])
        parser.add_argument("--note", default="", help="Sent to the filer; required when denying.")
        parser.add_argument("--by", default="manage.py", help="Who decides (recorded), e.g. the clerk's name.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            registration = services.decide_registration(
                approve=options["decision"] == "approve",
                registration_id=options["id"],
                decided_by=options["by"],
                note=options["note"],
                origin=COMMAND_LINE,
            )
        except services.DecisionRefused as refused:
            raise CommandError(f"{refused} Nothing was changed.", returncode=2) from None
        line = f"E-file registration {registration.pk} {registration.status}: "
        line += f"{registration.account.username} at {registration.court_id}"
        if registration.ecf_account is not None:
            line += f", CM/ECF login {registration.ecf_account.login} linked"
        self.stdout.write(line + ".")
