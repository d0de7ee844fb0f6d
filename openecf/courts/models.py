"""The federal courts, their NextGen go-live dates and where each court puts the link item."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


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
            CourtType.APPELLATE: ["Filings"],
            CourtType.SPECIAL: ["Civil"],
        }[CourtType(self.type)]

    @property
    def display_name(self) -> str:
        """How PACER names the court in running text: "Wisconsin Western District Court"."""
        if self.type in (CourtType.DISTRICT, CourtType.BANKRUPTCY, CourtType.APPELLATE):
            return f"{self.short_name} {CourtType(self.type).label}"
        return self.name
