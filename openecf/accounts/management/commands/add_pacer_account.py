"""``python manage.py add_pacer_account USERNAME --name N --email E --password P [--shared] [--legacy]``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser

from openecf.accounts import services
from openecf.audit.context import COMMAND_LINE
from openecf.core.commands import password_from, refuse


class Command(BaseCommand):
    help = "Create a PACER account (individual and upgraded unless told otherwise)."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="At least 8 characters (exactly 6 for --legacy).")
        parser.add_argument("--name", required=True, help='Full name, e.g. "John Attorney".')
        parser.add_argument("--email", required=True, help="E-mail address for notices.")
        parser.add_argument("--password", help="Password; read from standard input when omitted.")
        parser.add_argument("--shared", action="store_true", help="A firm's shared account (cannot e-file).")
        parser.add_argument("--legacy", action="store_true", help="A legacy account not yet upgraded.")

    def handle(self, *args: Any, **options: Any) -> None:
        password = password_from(options)
        try:
            account = services.create_pacer_account(
                username=options["username"],
                name=options["name"],
                email=options["email"],
                password=password,
                shared=options["shared"],
                legacy=options["legacy"],
                origin=COMMAND_LINE,
            )
        except ValidationError as error:
            raise refuse(error) from None
        kind = "shared" if account.is_shared else "individual"
        generation = "legacy" if account.is_legacy else "upgraded"
        self.stdout.write(
            f"PACER account {account.username} created: {account.name} <{account.email}>, "
            f"account number {account.account_number}, {kind}, {generation}."
        )
