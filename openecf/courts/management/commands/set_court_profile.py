"""``python manage.py set_court_profile COURT [--login-style pacer] [--utilities "Your Account: link, ..."] ...``

Change how a court's login page, Utilities page and CM/ECF landing page look (openecf/courts/profiles.py); audited
as court.profile_changed. Without changes it prints the court's profile.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from openecf.audit.context import COMMAND_LINE
from openecf.courts import services
from openecf.courts.commands import court_argument
from openecf.courts.models import Court
from openecf.courts.profiles import UTILITY_ITEMS, LoginButtons, LoginStyle, layout_text, parse_layout_text, profile_for


class Command(BaseCommand):
    help = (
        "Set a court's profile: its login page (style, title, notice, buttons, client code), its CM/ECF landing "
        "entry and its Utilities layout. With no option: print the profile."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. alnd")
        parser.add_argument("--login-style", choices=LoginStyle.values, help="nextgen (court-branded) or pacer")
        parser.add_argument("--login-title", help="Title of the court-branded NextGen login page")
        parser.add_argument(
            "--required-note", help="The words after the * above the fields, e.g. 'Required Information'"
        )
        parser.add_argument("--login-buttons", choices=LoginButtons.values)
        parser.add_argument("--client-code-required", choices=["yes", "no"])
        parser.add_argument("--login-notice", help="The restricted-system notice under the form, verbatim")
        parser.add_argument("--landing-entry", help="The entry on the CM/ECF site, e.g. 'Document Filing System'")
        parser.add_argument(
            "--utilities",
            help="Utilities sections, ';' or new lines between them: 'Your Account: pacer_account, link; "
            f"Miscellaneous: mailings'. Items: {', '.join(UTILITY_ITEMS)}",
        )
        parser.add_argument("--reset", action="store_true", help="Back to the shipped profile of this court")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        values: dict[str, Any] = {}
        if options["reset"]:
            values.update(profile_for(court.pk, court.type))
        for option, field in [
            ("login_style", "login_style"),
            ("login_title", "login_title"),
            ("required_note", "login_required_note"),
            ("login_buttons", "login_buttons"),
            ("login_notice", "login_notice"),
            ("landing_entry", "landing_entry"),
        ]:
            if options[option] is not None:
                values[field] = options[option]
        if options["client_code_required"] is not None:
            values["client_code_required"] = options["client_code_required"] == "yes"
        try:
            if options["utilities"] is not None:
                values["utilities_layout"] = parse_layout_text(
                    options["utilities"].replace(";", "\n"), appellate=court.is_appellate
                )
            changed = services.set_court_profile(court=court, values=values, origin=COMMAND_LINE) if values else {}
        except ValidationError as problems:
            raise CommandError("; ".join(problems.messages) + " Nothing was changed.", returncode=2) from None
        court = Court.objects.get(pk=court.pk)
        if values:
            self.stdout.write(f"{court.id}: {', '.join(changed) if changed else 'nothing'} changed.")
        self._show(court)

    def _show(self, court: Court) -> None:
        self.stdout.write(
            "\n".join(
                [
                    f"{court.id} — {court.name}",
                    f"  login style:          {court.login_style} ({court.login_page_title})",
                    f"  required note:        * {court.login_required_note}",
                    f"  buttons:              {' / '.join(court.login_button_labels)}",
                    f"  client code required: {'yes' if court.client_code_required else 'no'}",
                    f"  notice:               {court.login_notice}",
                    f"  landing entry:        {court.landing_entry}",
                    f"  link item:            {court.get_link_item_location_display()}",
                    "  utilities:",
                    *(f"    {line}" for line in layout_text(court.utilities_layout).splitlines()),
                ]
            )
        )
