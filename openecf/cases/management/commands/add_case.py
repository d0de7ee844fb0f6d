"""``python manage.py add_case COURT --title T --type cv|cr|bk|ap [--judge NAME] [--party ROLE:NAME ...]
[--attorney ROLE:CMECF_LOGIN ...] [--lead-case NUMBER]``: open a case; its number is the last line printed.

Every argument is checked before anything is written, and the case, its parties and attorneys are created in one
transaction: a refusal (exit status 2) leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from openecf.audit.context import COMMAND_LINE
from openecf.cases import selectors, services
from openecf.cases.models import AttorneyRole, Case, CaseType, Judge, PartyRole
from openecf.cmecf.models import EcfAccount, login_key
from openecf.core.commands import refuse
from openecf.courts.commands import court_argument
from openecf.courts.models import Court


def _bad(message: str) -> CommandError:
    return CommandError(f"{message} Nothing was created.", returncode=2)


def party_role(raw: str, option: str) -> str:
    """A party role by its value or its label, without regard to case or spacing: plaintiff, "Joint Debtor"."""
    wanted = raw.strip().casefold().replace(" ", "_").replace(".", "")
    for role in PartyRole:
        if wanted in {role.value, str(role.label).casefold().replace(" ", "_").replace(".", "")}:
            return role.value
    raise _bad(f"Unknown party role {raw.strip()!r} in {option}; roles: {', '.join(PartyRole.values)}.")


def split_pair(raw: str, option: str, what: str) -> tuple[str, str]:
    role, sep, value = raw.partition(":")
    if not sep or not role.strip() or not value.strip():
        raise _bad(f"{option} {raw!r} is not ROLE:{what}, e.g. {option} plaintiff:{what.lower()}.")
    return role, value.strip()


class Command(BaseCommand):
    help = "Open a case at a court (district: cv, cr; bankruptcy: bk, ap) and print its number."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. wiwd")
        parser.add_argument("--title", required=True, help='The case style, e.g. "Smith v. Acme Corp.".')
        parser.add_argument(
            "--type", required=True, choices=CaseType.values, dest="case_type", help="cv, cr, bk or ap."
        )
        parser.add_argument(
            "--judge", help="The assigned judge, by initials or full name; a name not yet known adds that judge."
        )
        parser.add_argument(
            "--party", action="append", default=[], metavar="ROLE:NAME", help="A party, e.g. plaintiff:'Ann Smith'."
        )
        parser.add_argument(
            "--attorney",
            action="append",
            default=[],
            metavar="ROLE:CMECF_LOGIN",
            help="An attorney of record for every party of that role (the first for a role is LEAD ATTORNEY).",
        )
        parser.add_argument("--lead-case", help="Adversary proceedings: the bankruptcy case they belong to.")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        case_type = options["case_type"]
        try:
            services.check_case_type(court, case_type)
        except ValidationError as error:
            raise refuse(error) from None
        parties = [
            (party_role(role, "--party"), name) for role, name in self._pairs(options["party"], "--party", "NAME")
        ]
        attorneys = [
            (party_role(role, "--attorney"), self._account(court, login))
            for role, login in self._pairs(options["attorney"], "--attorney", "CMECF_LOGIN")
        ]
        for role, account in attorneys:
            if role not in {party for party, _ in parties}:
                raise _bad(f"--attorney {role}:{account.login} names no party: give --party {role}:NAME too.")
        lead_case = self._lead_case(court, case_type, options["lead_case"])
        try:
            with transaction.atomic():
                judge = self._judge(court, options["judge"])
                case = services.open_case(
                    court=court,
                    case_type=case_type,
                    title=options["title"],
                    judge=judge,
                    lead_case=lead_case,
                    origin=COMMAND_LINE,
                )
                self._people(case, parties, attorneys)
        except ValidationError as error:
            raise refuse(error) from None
        self.stdout.write(
            f"Opened {case.get_case_type_display().lower()} case {case.title!r} at {court.id} (caseid {case.caseid})."
        )
        for party in case.parties.all():
            self.stdout.write(f"  {party.get_role_display()}: {party.name}")
        self.stdout.write(case.number)

    @staticmethod
    def _pairs(values: list[str], option: str, what: str) -> list[tuple[str, str]]:
        return [split_pair(raw, option, what) for raw in values]

    @staticmethod
    def _account(court: Court, login: str) -> EcfAccount:
        account = EcfAccount.objects.filter(court=court, login_key=login_key(login)).first()
        if account is None:
            raise _bad(f"No CM/ECF account {login!r} at {court.id}.")
        return account

    @staticmethod
    def _lead_case(court: Court, case_type: str, typed: str | None) -> Case | None:
        if case_type != CaseType.ADVERSARY:
            if typed:
                raise _bad("--lead-case is only for adversary proceedings (--type ap).")
            return None
        if not typed:
            raise _bad("An adversary proceeding (--type ap) needs --lead-case, the number of its bankruptcy case.")
        found = list(selectors.cases_matching(court, typed).filter(case_type=CaseType.BANKRUPTCY)[:10])
        if not found:
            raise _bad(f"No bankruptcy case {typed.strip()!r} at {court.id}.")
        if len(found) > 1:
            numbers = ", ".join(case.full_number for case in found)
            raise _bad(
                f"{typed.strip()!r} matches several bankruptcy cases at {court.id} ({numbers}); give the full number."
            )
        return found[0]

    @staticmethod
    def _judge(court: Court, typed: str | None) -> Judge | None:
        if typed is None:
            return None
        name = " ".join(typed.split())
        known = Judge.objects.filter(court=court, initials=name.upper()).first() if len(name) <= 4 else None
        known = known or Judge.objects.filter(court=court, name__iexact=name).first()
        return known or services.add_judge(court=court, name=name, origin=COMMAND_LINE)

    @staticmethod
    def _people(case: Case, parties: list[tuple[str, str]], attorneys: list[tuple[str, EcfAccount]]) -> None:
        made = [
            (role, services.add_party(case=case, name=name, role=role, origin=COMMAND_LINE)) for role, name in parties
        ]
        leads: set[str] = set()
        for role, account in attorneys:
            kind = AttorneyRole.NOTICED if role in leads else AttorneyRole.LEAD
            leads.add(role)
            for party_role_, party in made:
                if party_role_ == role:
                    services.add_attorney(party=party, ecf_account=account, role=kind, origin=COMMAND_LINE)
