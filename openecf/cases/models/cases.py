"""A court's cases: judges, the cases themselves, their parties and the attorneys of record."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from openecf.cases.numbers import SHORT_TYPES, format_number, format_short


class CaseType(models.TextChoices):
    CIVIL = "cv", "Civil"
    CRIMINAL = "cr", "Criminal"
    BANKRUPTCY = "bk", "Bankruptcy"
    ADVERSARY = "ap", "Adversary proceeding"


class JudgeTitle(models.TextChoices):
    DISTRICT = "district", "District Judge"
    MAGISTRATE = "magistrate", "Magistrate Judge"
    BANKRUPTCY = "bankruptcy", "Bankruptcy Judge"


class Judge(models.Model):
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="judges", help_text="The court the judge sits on."
    )
    name = models.CharField(max_length=200, help_text='Full name as the docket shows it, e.g. "Judith D. Parker".')
    initials = models.CharField(
        max_length=4, help_text="Upper-case initials that end the court's case numbers, e.g. JDP; unique per court."
    )
    title = models.CharField(
        max_length=12, choices=JudgeTitle.choices, default=JudgeTitle.DISTRICT, help_text="The judge's office."
    )

    class Meta:
        ordering = ["court_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["court", "initials"], name="judge_initials_unique_per_court"),
            models.CheckConstraint(condition=Q(initials__regex=r"^[A-Z]{2,4}$"), name="judge_initials_upper_2_4"),
            models.CheckConstraint(condition=Q(title__in=JudgeTitle.values), name="judge_title_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_title_display()} {self.name} ({self.initials})"


class Case(models.Model):
    court = models.ForeignKey(
        "courts.Court", on_delete=models.PROTECT, related_name="cases", help_text="The court the case is in."
    )
    caseid = models.PositiveBigIntegerField(
        help_text="PACER's internal case id (pacer_case_id, the caseid in URLs); unique within the court."
    )
    office = models.PositiveSmallIntegerField(help_text="Office digit of the case number (the 3 of 3:24-cv-00123).")
    year = models.PositiveSmallIntegerField(help_text="Four-digit year the case was opened; its number shows two.")
    case_type = models.CharField(max_length=2, choices=CaseType.choices, help_text="cv, cr, bk or ap.")
    serial = models.PositiveIntegerField(help_text="Five-digit serial within court, year and type.")
    title = models.CharField(max_length=500, help_text='The case style, e.g. "Smith v. Acme Corp.".')
    judge = models.ForeignKey(
        Judge,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text="The assigned judge; their initials end the case number.",
    )
    referred_judge = models.ForeignKey(
        Judge,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referred_cases",
        help_text="A magistrate judge the case is referred to, if any.",
    )
    lead_case = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adversary_proceedings",
        help_text="For an adversary proceeding: the bankruptcy case it belongs to (required, and only then).",
    )
    date_filed = models.DateField(help_text="The day the case was opened, in the court's time zone.")
    date_terminated = models.DateField(null=True, blank=True, help_text="The day the case was closed, if it is.")
    nature_of_suit = models.CharField(
        max_length=100, blank=True, help_text='Civil cover sheet, e.g. "440 Civil Rights".'
    )
    cause = models.CharField(
        max_length=200, blank=True, help_text='The statute sued under, e.g. "42:1983 Civil Rights".'
    )
    jurisdiction = models.CharField(max_length=100, blank=True, help_text='e.g. "Federal Question".')
    jury_demand = models.CharField(max_length=20, blank=True, help_text="None, Plaintiff, Defendant or Both.")
    demand = models.CharField(max_length=100, blank=True, help_text='The amount demanded, e.g. "$75,000".')
    last_docket_number = models.PositiveIntegerField(
        default=0, help_text="Counter: the last docket entry number given out in this case (locked to assign)."
    )
    last_de_seq_num = models.PositiveIntegerField(
        default=0, help_text="Counter: the last internal entry sequence number (de_seq_num), numbered or not."
    )
    sealed = models.BooleanField(
        default=False,
        help_text="Sealed by the court: listed by number and title, but its docket and documents are shown only to "
        "the case's participants (openecf/cases/visibility.py).",
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the case was created here.")

    class Meta:
        ordering = ["court_id", "-year", "case_type", "serial"]
        indexes = [
            # A typed number (24-123) names the serial and the year but often not the kind: by serial first, a
            # lookup reads its few cases, where case_number_unique would read every case of the year at the court.
            models.Index(fields=["court", "serial", "year"], name="case_serial_lookup"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["court", "caseid"], name="case_caseid_unique_per_court"),
            models.UniqueConstraint(fields=["court", "year", "case_type", "serial"], name="case_number_unique"),
            models.CheckConstraint(condition=Q(case_type__in=CaseType.values), name="case_type_valid"),
            models.CheckConstraint(condition=Q(serial__gte=1, serial__lte=99999), name="case_serial_five_digits"),
            models.CheckConstraint(condition=Q(office__lte=9), name="case_office_one_digit"),
            models.CheckConstraint(condition=Q(year__gte=1900, year__lte=2999), name="case_year_four_digits"),
            models.CheckConstraint(
                condition=(Q(case_type=CaseType.ADVERSARY) & Q(lead_case__isnull=False))
                | (~Q(case_type=CaseType.ADVERSARY) & Q(lead_case__isnull=True)),
                name="case_lead_case_iff_adversary",
            ),
            models.CheckConstraint(
                condition=Q(date_terminated__isnull=True) | Q(date_terminated__gte=models.F("date_filed")),
                name="case_terminated_after_filed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def initials(self) -> str:
        return self.judge.initials if self.judge_id and self.judge else ""

    @property
    def full_number(self) -> str:
        """Office, year, type and serial, without the judge: what possible_case_numbers and searches match."""
        return format_number(office=self.office, year=self.year, case_type=self.case_type, serial=self.serial)

    @property
    def number(self) -> str:
        """The number as dockets and notices show it, judge's initials included."""
        if self.case_type in SHORT_TYPES:
            return format_short(year=self.year, serial=self.serial, judge=self.initials)
        return format_number(
            office=self.office, year=self.year, case_type=self.case_type, serial=self.serial, judge=self.initials
        )


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "Plaintiff"
    DEFENDANT = "defendant", "Defendant"
    PETITIONER = "petitioner", "Petitioner"
    RESPONDENT = "respondent", "Respondent"
    INTERVENOR = "intervenor", "Intervenor"
    INTERESTED_PARTY = "interested_party", "Interested Party"
    USA = "usa", "USA"
    DEBTOR = "debtor", "Debtor"
    JOINT_DEBTOR = "joint_debtor", "Joint Debtor"
    TRUSTEE = "trustee", "Trustee"
    US_TRUSTEE = "us_trustee", "U.S. Trustee"
    CREDITOR = "creditor", "Creditor"


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties", help_text="The case.")
    name = models.CharField(max_length=300, help_text="The party's name as the docket shows it.")
    role = models.CharField(max_length=20, choices=PartyRole.choices, help_text="The party's role in the case.")
    defendant_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Criminal cases: the defendant's own number (the -1 of 3:09-cr-00418-JSW-1); empty otherwise.",
    )
    date_terminated = models.DateField(null=True, blank=True, help_text="The day the party was terminated, if so.")
    added_at = models.DateTimeField(default=timezone.now, help_text="When the party was added.")

    class Meta:
        ordering = ["case_id", "added_at", "id"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(fields=["case", "defendant_number"], name="party_defendant_number_unique"),
            models.CheckConstraint(condition=Q(role__in=PartyRole.values), name="party_role_valid"),
            models.CheckConstraint(
                condition=Q(defendant_number__isnull=True) | (Q(role=PartyRole.DEFENDANT) & Q(defendant_number__gte=1)),
                name="party_defendant_number_only_for_defendants",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    @property
    def case_number(self) -> str:
        """The case number as this party's papers show it: a criminal defendant's adds their number (-1)."""
        number = self.case.number
        return f"{number}-{self.defendant_number}" if self.defendant_number else number


class AttorneyRole(models.TextChoices):
    LEAD = "lead", "LEAD ATTORNEY"
    NOTICED = "noticed", "ATTORNEY TO BE NOTICED"
    PRO_HAC_VICE = "pro_hac_vice", "PRO HAC VICE"


class AttorneyOfRecord(models.Model):
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="attorneys", help_text="The party the attorney represents."
    )
    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.PROTECT,
        related_name="appearances",
        help_text="The attorney's CM/ECF account at the case's court; name and e-mail come from it.",
    )
    role = models.CharField(
        max_length=12, choices=AttorneyRole.choices, default=AttorneyRole.NOTICED, help_text="As the docket shows it."
    )
    added_on = models.DateField(help_text="The day the attorney appeared for the party.")
    terminated_on = models.DateField(null=True, blank=True, help_text="The day the attorney stopped, if so.")

    class Meta:
        ordering = ["party_id", "added_on", "id"]
        verbose_name_plural = "attorneys of record"
        constraints = [
            models.UniqueConstraint(fields=["party", "ecf_account"], name="attorney_once_per_party"),
            models.CheckConstraint(condition=Q(role__in=AttorneyRole.values), name="attorney_role_valid"),
            models.CheckConstraint(
                condition=Q(terminated_on__isnull=True) | Q(terminated_on__gte=models.F("added_on")),
                name="attorney_terminated_after_added",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ecf_account.name} for {self.party.name} ({self.get_role_display()})"
