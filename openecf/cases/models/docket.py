"""A case's docket: its entries and the PDF documents filed with them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from openecf.cases.storage import document_storage


class DocketEntry(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="entries", help_text="The case docketed in."
    )
    number = models.PositiveIntegerField(
        null=True, blank=True, help_text="The docket number, 1, 2, 3... in the case; empty for a minute entry."
    )
    de_seq_num = models.PositiveIntegerField(
        help_text="CM/ECF's internal sequence of every entry in the case, numbered or not (NEF links carry it)."
    )
    filed_on = models.DateField(help_text="The date filed, in the court's time zone.")
    entered_at = models.DateTimeField(default=timezone.now, help_text="When the entry was entered on the docket.")
    text = models.TextField(help_text="The docket text.")
    filed_by = models.ForeignKey(
        "cmecf.EcfAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="docket_entries",
        help_text="The CM/ECF account that filed it; empty for entries made by the court.",
    )
    on_behalf_of = models.ForeignKey(
        "cmecf.EcfAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agent_filed_entries",
        help_text="The attorney a filing agent filed for (filed_by is then the agent); empty otherwise.",
    )
    written_opinion = models.BooleanField(
        default=False,
        help_text="A judge's written opinion (an order or opinion the court docketed as one): listed on the Written "
        "Opinions report, and its document is free to view.",
    )

    class Meta:
        ordering = ["case_id", "de_seq_num"]
        verbose_name_plural = "docket entries"
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="entry_number_unique_per_case"),
            models.UniqueConstraint(fields=["case", "de_seq_num"], name="entry_seq_unique_per_case"),
            models.CheckConstraint(condition=Q(number__isnull=True) | Q(number__gte=1), name="entry_number_positive"),
            models.CheckConstraint(condition=Q(de_seq_num__gte=1), name="entry_seq_positive"),
            models.CheckConstraint(condition=~Q(text=""), name="entry_text_not_empty"),
        ]
        indexes = [
            # The court-wide reports: the RSS feed (newest entered first) and Docket Activity (a range of days)
            # read entries across cases by date; Written Opinions, a small part of them, by date filed.
            models.Index(fields=["entered_at"], name="entry_entered_idx"),
            models.Index(fields=["filed_on"], name="entry_filed_idx"),
            models.Index(fields=["filed_on"], condition=Q(written_opinion=True), name="entry_opinion_filed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} #{self.number or '-'}: {self.text[:60]}"


class DocumentAccess(models.TextChoices):
    PUBLIC = "public", "Public"
    RESTRICTED = "restricted", "Restricted to case participants"
    SEALED = "sealed", "Sealed"


class Document(models.Model):
    """One PDF: the main document (attachment number 0) or a numbered attachment. Stored as filed, byte for byte;
    the header stamp is added when it is served (openecf/cases/stamp.py)."""

    entry = models.ForeignKey(
        DocketEntry, on_delete=models.PROTECT, related_name="documents", help_text="The docket entry."
    )
    court = models.ForeignKey(
        "courts.Court",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The entry's court, kept here so the document id can be unique per court by constraint.",
    )
    attachment_number = models.PositiveSmallIntegerField(
        default=0, help_text="0 for the main document, 1, 2, 3... for attachments."
    )
    description = models.CharField(max_length=300, blank=True, help_text="Category and/or description (attachments).")
    pacer_doc_id = models.CharField(
        max_length=12, help_text="PACER document id: court prefix, 0, serial (10 to 12 digits), as doc1 URLs use."
    )
    file = models.FileField(storage=document_storage, max_length=300, help_text="The PDF as filed.")
    original_filename = models.CharField(max_length=255, blank=True, help_text="The file name the filer uploaded.")
    page_count = models.PositiveIntegerField(help_text="Pages in the PDF.")
    size = models.PositiveBigIntegerField(help_text="Size of the stored PDF in bytes.")
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the stored PDF, lower-case hex.")
    access = models.CharField(
        max_length=10,
        choices=DocumentAccess.choices,
        default=DocumentAccess.PUBLIC,
        help_text="Public; restricted (the case's participants, and viewers where the court allows); or sealed "
        "(no one through PACER). Listed on the docket either way (openecf/cases/visibility.py).",
    )

    class Meta:
        ordering = ["entry_id", "attachment_number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "attachment_number"], name="document_attachment_unique"),
            models.UniqueConstraint(fields=["court", "pacer_doc_id"], name="document_id_unique_per_court"),
            models.CheckConstraint(condition=Q(pacer_doc_id__regex=r"^[0-9]{3}0[0-9]{6,8}$"), name="document_id_form"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_sha256_hex"),
            models.CheckConstraint(condition=Q(page_count__gte=1), name="document_has_pages"),
            models.CheckConstraint(condition=Q(access__in=DocumentAccess.values), name="document_access_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.pacer_doc_id} ({self.label})"

    @property
    def direct_doc_id(self) -> str:
        """The id with 1 as its fourth digit: doc1 then goes straight to this document, past the entry's
        attachment menu (NEF links and juriscraper use it; cases.selectors.document_by_id reads both forms)."""
        return f"{self.pacer_doc_id[:3]}1{self.pacer_doc_id[4:]}"

    @property
    def label(self) -> str:
        """12 for a main document, 12-1 for its first attachment: how the header stamp and NEF name it."""
        number = self.entry.number
        base = str(number) if number is not None else "-"
        return f"{base}-{self.attachment_number}" if self.attachment_number else base
