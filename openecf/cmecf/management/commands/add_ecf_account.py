"""``python manage.py add_ecf_account COURT LOGIN --name N --email E --password P [--role R] [--inactive]``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.cmecf.ecf_accounts import create_ecf_account
from openecf.cmecf.models import EcfRole
from openecf.core.commands import password_from, refuse
from openecf.courts.commands import court_argument


class Command(BaseCommand):
    help = "Create a court-issued (legacy) CM/ECF account at one court."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. wiwd")
        parser.add_argument("login", help="The CM/ECF login the court issued, e.g. cs5184")
        parser.add_argument("--name", required=True, help='The filer\'s name, e.g. "John Attorney".')
        parser.add_argument("--email", required=True, help="E-mail address on file with the court.")
        parser.add_argument("--password", help="Password; read from standard input when omitted.")
        parser.add_argument("--role", choices=EcfRole.values, default=EcfRole.ATTORNEY, help="Default: attorney.")
        parser.add_argument("--inactive", action="store_true", help="Create the account deactivated.")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        password = password_from(options)
        try:
            account = create_ecf_account(
                court=court,
                login=options["login"],
                name=options["name"],
                email=options["email"],
                password=password,
                role=options["role"],
                active=not options["inactive"],
                origin=COMMAND_LINE,
            )
        except ValidationError as error:
            raise refuse(error) from None
        state = "active" if account.is_active else "inactive"
        self.stdout.write(
            f"CM/ECF account {account.login} created at {court.id}: {account.name} <{account.email}>, "
            f"{account.get_role_display()}, {state}."
        )
