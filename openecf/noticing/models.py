"""Who gets notices how (per filing or a daily summary, secondary addresses), the free looks the NEF hands out,
and the daily summaries already sent."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

SECONDARY_EMAILS_MAX = 5


class Delivery(models.TextChoices):
    EACH_FILING = "each", "A notice for each filing"
    DAILY_SUMMARY = "daily", "A daily summary of the day's filings"


class EmailFormat(models.TextChoices):
    HTML = "html", "HTML"
    TEXT = "text", "Plain text"


class NoticePreference(models.Model):
    """How a CM/ECF account receives notices of filings in its cases. No row: a notice for each filing."""

    ecf_account = models.OneToOneField(
        "cmecf.EcfAccount",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="notice_preference",
        help_text="The CM/ECF account (an attorney of record receives notices of filings in their cases).",
    )
    delivery = models.CharField(
        max_length=5,
        choices=Delivery.choices,
        default=Delivery.EACH_FILING,
        help_text="A Notice of Electronic Filing for each filing, or one daily summary (send_daily_summaries).",
    )
    email_format = models.CharField(
        max_length=4,
        choices=EmailFormat.choices,
        default=EmailFormat.HTML,
        help_text="The NEF as one text/html part (CM/ECF's default) or as plain text.",
    )
    changed_at = models.DateTimeField(default=timezone.now, help_text="When the account holder last changed it.")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(delivery__in=Delivery.values), name="notice_delivery_valid"),
            models.CheckConstraint(condition=Q(email_format__in=EmailFormat.values), name="notice_email_format_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.ecf_account_id}: {self.delivery}"


class SecondaryEmail(models.Model):
    """Another address that gets a copy of every notice sent to the account (a colleague, a docketing desk)."""

    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.CASCADE,
        related_name="secondary_emails",
        help_text="The CM/ECF account whose notices this address also receives.",
    )
    email = models.EmailField(max_length=254, help_text="The secondary address, as the account holder typed it.")
    added_at = models.DateTimeField(default=timezone.now, help_text="When it was added.")

    class Meta:
        ordering = ["ecf_account_id", "added_at", "id"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "ecf_account", name="secondary_email_once_per_account"),
        ]

    def __str__(self) -> str:
        return f"{self.ecf_account_id}: {self.email}"


class FreeLook(models.Model):
    """One recipient's free look at one document: the NEF's (or daily summary's) link with its magic_num. Good
    for the first use, within FREE_LOOK_DAYS."""

    document = models.ForeignKey(
        "cases.Document", on_delete=models.CASCADE, related_name="free_looks", help_text="The document it opens."
    )
    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.CASCADE,
        related_name="free_looks",
        help_text="The recipient the link was sent to.",
    )
    magic_num = models.PositiveBigIntegerField(
        help_text="The link's magic_num: random digits, unique per document; the link is the proof."
    )
    created_at = models.DateTimeField(default=timezone.now, help_text="When the link was sent.")
    expires_at = models.DateTimeField(help_text="Not good after this (15 days after it was sent).")
    used_at = models.DateTimeField(null=True, blank=True, help_text="When it served the document; then it is spent.")

    class Meta:
        ordering = ["document_id", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "magic_num"], name="free_look_magic_unique_per_document"),
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")), name="free_look_expires_later"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} for {self.ecf_account_id} ({'used' if self.used_at else 'unused'})"


class DailySummary(models.Model):
    """A daily summary queued: one per account and day, so running send_daily_summaries again sends nothing."""

    ecf_account = models.ForeignKey(
        "cmecf.EcfAccount",
        on_delete=models.CASCADE,
        related_name="daily_summaries",
        help_text="The recipient.",
    )
    day = models.DateField(help_text="The day summarised (the court's calendar day the entries were entered).")
    entries = models.PositiveIntegerField(help_text="How many docket entries it listed.")
    queued_at = models.DateTimeField(default=timezone.now, help_text="When it was written to the outbox.")

    class Meta:
        verbose_name_plural = "daily summaries"
        ordering = ["-day", "ecf_account_id"]
        constraints = [
            models.UniqueConstraint(fields=["ecf_account", "day"], name="daily_summary_once_per_account_day"),
        ]

    def __str__(self) -> str:
        return f"{self.ecf_account_id} {self.day}: {self.entries} entries"
