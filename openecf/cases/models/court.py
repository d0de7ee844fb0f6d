"""What each court sets for filing, and the per-court counters numbers are drawn from.

Kept beside the Court (one row each, by court id) rather than on it: the courts app stays about go-live and
sign-on, and a filing only ever locks this row, never the Court every page reads.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models


def default_pdf_limit_mb() -> int:
    return int(getattr(settings, "OPENECF_PDF_MAX_MB", 35))


class CourtFiling(models.Model):
    court = models.OneToOneField(
        "courts.Court",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="filing",
        help_text="The court these settings and counters belong to.",
    )
    doc_id_prefix = models.CharField(
        max_length=3,
        validators=[RegexValidator(r"^[0-9]{3}$")],
        help_text="PACER's three-digit document-id prefix for the court, e.g. 035 for cand (juriscraper's table).",
    )
    office = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(9)],
        help_text="The office digit new case numbers start with (the 3 of 3:24-cv-00123).",
    )
    pdf_size_limit_mb = models.PositiveSmallIntegerField(
        default=default_pdf_limit_mb,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Largest PDF the court accepts, in MB (2**20 bytes); shown on its Court Information page.",
    )
    refuse_fillable_forms = models.BooleanField(
        default=False, help_text="Refuse PDFs with form fields that are not flattened (some courts do)."
    )
    transaction_timeout_minutes = models.PositiveSmallIntegerField(
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
        help_text="Minutes a filing transaction may take from its first step to its submission; then it is void.",
    )
    viewers_see_restricted = models.BooleanField(
        default=False,
        help_text="Whether the court's viewer accounts (e.g. the U.S. Trustee's) may open restricted documents.",
    )
    last_caseid = models.PositiveBigIntegerField(
        default=0, help_text="The last internal case id (PACER's caseid) given out at this court."
    )
    last_document_serial = models.PositiveBigIntegerField(
        default=0, help_text="The last serial used in a PACER document id ({prefix}0{serial}) at this court."
    )

    class Meta:
        verbose_name = "court filing settings"
        verbose_name_plural = "court filing settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(doc_id_prefix__regex=r"^[0-9]{3}$"), name="filing_prefix_3_digits"
            ),
            models.CheckConstraint(condition=models.Q(office__lte=9), name="filing_office_one_digit"),
            models.CheckConstraint(
                condition=models.Q(pdf_size_limit_mb__gte=1, pdf_size_limit_mb__lte=100),
                name="filing_pdf_limit_1_to_100_mb",
            ),
            models.CheckConstraint(
                condition=models.Q(transaction_timeout_minutes__gte=5, transaction_timeout_minutes__lte=480),
                name="filing_timeout_5_to_480_minutes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.court_id}: prefix {self.doc_id_prefix}, office {self.office}, {self.pdf_size_limit_mb} MB"

    @property
    def pdf_size_limit_bytes(self) -> int:
        return self.pdf_size_limit_mb * 1024 * 1024


class CaseNumberCounter(models.Model):
    """The last serial of one kind of case in one year at one court: civil, criminal, bankruptcy and adversary
    numbers each run in their own sequence, starting again at 1 every year."""

    court = models.ForeignKey(
        "courts.Court", on_delete=models.CASCADE, related_name="+", help_text="The court numbering its cases."
    )
    year = models.PositiveSmallIntegerField(help_text="Four-digit year the cases were opened in.")
    case_type = models.CharField(max_length=2, help_text="cv, cr, bk or ap.")
    last_serial = models.PositiveIntegerField(default=0, help_text="The last serial given out; the next is one more.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "year", "case_type"], name="case_counter_unique"),
            models.CheckConstraint(condition=models.Q(last_serial__lte=99999), name="case_counter_five_digits"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.year} {self.case_type}: {self.last_serial}"
