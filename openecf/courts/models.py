"""The federal courts, their NextGen go-live dates and where each court puts the link item."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from openecf.courts.profiles import (
    BUTTON_LABELS,
    LOGIN_LINKS,
    LoginButtons,
    LoginStyle,
    clean_layout,
    default_layout,
    profile_for,
)


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not an IANA time zone name") from None


def long_date(day: date) -> str:
    """The way court notices write a date: Monday, April 25, 2022."""
    return f"{day:%A, %B} {day.day}, {day.year}"


class CourtType(models.TextChoices):
    APPELLATE = "appellate", "Court of Appeals"
    DISTRICT = "district", "District Court"
    BANKRUPTCY = "bankruptcy", "Bankruptcy Court"
    SPECIAL = "special", "Special Court"


class LinkItemLocation(models.TextChoices):
    UTILITIES = "utilities", "Utilities"
    NEXTGEN_MENU = "nextgen_menu", "Utilities → NextGen Release 1.1 Menu Items"


class Court(models.Model):
    id = models.CharField(
        primary_key=True, max_length=8, help_text="PACER court id, lower case, e.g. wiwd (W.D. Wisconsin)."
    )
    name = models.CharField(max_length=200, help_text="Full name, e.g. United States District Court, W.D. Wis.")
    type = models.CharField(max_length=12, choices=CourtType.choices, help_text="Decides the filing menus.")
    short_name = models.CharField(max_length=100, help_text="The name PACER uses in menus: 'Wisconsin Western'.")
    time_zone = models.CharField(
        max_length=64, validators=[validate_time_zone], help_text="IANA zone of the court's seat."
    )
    ecf_host = models.CharField(max_length=100, help_text="The court's CM/ECF host, e.g. ecf.wiwd.uscourts.gov.")
    nextgen_go_live = models.DateField(
        null=True,
        blank=True,
        help_text="First day on NextGen CM/ECF, in the court's own time zone. Empty: not on NextGen (CurrentGen).",
    )
    go_live_source = models.CharField(max_length=200, blank=True, help_text="Where the go-live date was published.")
    link_item_location = models.CharField(
        max_length=16,
        choices=LinkItemLocation.choices,
        default=LinkItemLocation.NEXTGEN_MENU,
        help_text="Where the Utilities menu shows the link item.",
    )
    login_title = models.CharField(max_length=200, help_text="Heading of the PACER login page branded for this court.")
    # The court's profile (openecf/courts/profiles.py): its login page, Utilities page and CM/ECF landing page.
    login_style = models.CharField(
        max_length=12,
        choices=LoginStyle.choices,
        default=LoginStyle.NEXTGEN,
        help_text="The court-branded NextGen login, or the PACER LOGIN page.",
    )
    login_notice = models.TextField(
        default=profile_for("")["login_notice"], help_text="The restricted-system notice under the login form."
    )
    login_buttons = models.CharField(
        max_length=20, choices=LoginButtons.choices, default=LoginButtons.LOGIN_CLEAR_CANCEL, help_text="The buttons."
    )
    login_required_note = models.CharField(
        max_length=40, default="Required Information", help_text="The words after the * above the fields."
    )
    client_code_required = models.BooleanField(
        default=False, help_text="The login asks for a client code (Client Code *)."
    )
    landing_entry = models.CharField(
        max_length=100,
        default="Document Filing System",
        help_text="The link on the court's CM/ECF site that leads a signed-out visitor to the login.",
    )
    utilities_layout = models.JSONField(
        default=default_layout, validators=[clean_layout], help_text="Utilities: its sections, their items and order."
    )
    clerk_phone = models.CharField(max_length=40, blank=True, help_text="Clerk's office telephone.")
    help_desk_url = models.URLField(blank=True, help_text="CM/ECF help desk page.")
    help_desk_email = models.EmailField(blank=True, help_text="CM/ECF help desk e-mail address.")
    pacer_help_url = models.URLField(blank=True, help_text="The court's PACER help page.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(type__in=CourtType.values), name="court_type_valid"),
            models.CheckConstraint(
                condition=models.Q(link_item_location__in=LinkItemLocation.values),
                name="court_link_item_location_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(login_style__in=LoginStyle.values), name="court_login_style_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(login_buttons__in=LoginButtons.values), name="court_login_buttons_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.id} — {self.name}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local_date(self, at: datetime | None = None) -> date:
        return (at or timezone.now()).astimezone(self.zone).date()

    def is_live(self, at: datetime | None = None) -> bool:
        """On NextGen from the first moment of its go-live date in the court's own time zone."""
        return self.nextgen_go_live is not None and self.local_date(at) >= self.nextgen_go_live

    @property
    def go_live_text(self) -> str:
        return long_date(self.nextgen_go_live) if self.nextgen_go_live else ""

    @property
    def is_appellate(self) -> bool:
        return self.type == CourtType.APPELLATE

    @property
    def link_item_label(self) -> str:
        if self.is_appellate:
            return "Link my filer account to my PACER account"
        return "Link a CM/ECF account to my PACER account"

    @property
    def filing_menus(self) -> list[str]:
        """The menus a linked filer gains, by kind of court."""
        return {
            CourtType.DISTRICT: ["Civil", "Criminal"],
            CourtType.BANKRUPTCY: ["Bankruptcy", "Adversary"],
            CourtType.APPELLATE: ["Filing"],
            CourtType.SPECIAL: ["Civil"],
        }[CourtType(self.type)]

    @property
    def is_pacer_login(self) -> bool:
        return self.login_style == LoginStyle.PACER

    @property
    def login_page_title(self) -> str:
        return "PACER LOGIN" if self.is_pacer_login else self.login_title

    @property
    def login_button_labels(self) -> tuple[str, ...]:
        return BUTTON_LABELS[LoginButtons(self.login_buttons)]

    @property
    def login_links(self) -> tuple[tuple[str, str], ...]:
        return LOGIN_LINKS[LoginStyle(self.login_style)]

    @property
    def display_name(self) -> str:
        """How PACER names the court in running text: "Wisconsin Western District Court"."""
        if self.type in (CourtType.DISTRICT, CourtType.BANKRUPTCY, CourtType.APPELLATE):
            return f"{self.short_name} {CourtType(self.type).label}"
        return self.name
