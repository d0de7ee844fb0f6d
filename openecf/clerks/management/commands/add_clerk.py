"""``python manage.py add_clerk USERNAME COURT [COURT...] [--revoke]``: who works a court's clerk's desk."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.accounts.models import PacerAccount
from openecf.audit.context import COMMAND_LINE
from openecf.clerks import services
from openecf.core.commands import refuse
from openecf.courts.commands import court_argument


class Command(BaseCommand):
    help = (
        "Make an existing PACER account (create it with add_pacer_account) a clerk of one or more courts. "
        "The clerk signs in at /clerk/ with that account's password and an authenticator app code."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The clerk's own individual PACER account.")
        parser.add_argument("courts", nargs="+", metavar="COURT", help="PACER court id(s), e.g. wiwd")
        parser.add_argument("--revoke", action="store_true", help="Take the court(s) away instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        courts = [court_argument(raw) for raw in options["courts"]]
        account = PacerAccount.objects.with_username(options["username"].strip()).first()
        if account is None:
            raise CommandError(
                f"No PACER account {options['username']!r}; create it first with add_pacer_account.", returncode=2
            )
        if options["revoke"]:
            changed = services.revoke_membership(account=account, courts=courts, origin=COMMAND_LINE)
            verb = "no longer clerks for"
        else:
            try:
                changed = services.grant_membership(account=account, courts=courts, origin=COMMAND_LINE)
            except ValidationError as error:
                raise refuse(error) from None
            verb = "now clerks for"
        names = ", ".join(court.pk for court in changed) or "nothing new (already so)"
        self.stdout.write(f"{account.username} {verb} {names}.")
