"""``python manage.py release_pacer_account USERNAME`` — a registration held as a likely duplicate may sign in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.accounts.models import PacerAccount
from openecf.accounts.registration import release_held_account
from openecf.audit.context import COMMAND_LINE


class Command(BaseCommand):
    help = "Release a new PACER account held for review as a likely duplicate (audited; the holder is e-mailed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", default="manage.py", help="Who reviewed it (recorded).")

    def handle(self, *args: Any, **options: Any) -> None:
        account = PacerAccount.objects.with_username(options["username"].strip()).first()
        if account is None:
            raise CommandError(f"No PACER account {options['username']!r}. Nothing was changed.", returncode=2)
        if not account.held_for_review:
            raise CommandError(f"{account.username} is not held for review. Nothing was changed.", returncode=2)
        release_held_account(account=account, origin=COMMAND_LINE, released_by=options["by"])
        self.stdout.write(f"PACER account {account.username} released; it can sign in once its e-mail is verified.")
