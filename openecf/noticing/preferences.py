"""A CM/ECF account's notice preferences: how notices come (each filing or a daily summary), and where."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.models import EcfAccount
from openecf.noticing.models import SECONDARY_EMAILS_MAX, Delivery, EmailFormat, NoticePreference, SecondaryEmail


@dataclass(frozen=True)
class Preferences:
    delivery: str
    secondary_emails: tuple[str, ...]
    email_format: str = EmailFormat.HTML


def current(account: EcfAccount) -> Preferences:
    row = NoticePreference.objects.filter(ecf_account=account).first()
    emails = (
        SecondaryEmail.objects.filter(ecf_account=account).order_by("added_at", "id").values_list("email", flat=True)
    )
    if row is None:
        return Preferences(Delivery.EACH_FILING, tuple(emails))
    return Preferences(row.delivery, tuple(emails), row.email_format)


def update(
    *,
    account: EcfAccount,
    delivery: str,
    secondary_emails: list[str],
    origin: Origin,
    email_format: str = EmailFormat.HTML,
    actor: PacerAccount | None = None,
) -> Preferences:
    """Set the delivery and replace the secondary addresses (each once, case aside; the address on file is not
    repeated). The form checks the addresses; this checks the counts and choices again."""
    if delivery not in Delivery.values or email_format not in EmailFormat.values:
        raise ValueError(f"unknown delivery {delivery!r} or format {email_format!r}")
    wanted = list({email.strip().lower(): email.strip() for email in secondary_emails if email.strip()}.values())
    wanted = [email for email in wanted if email.lower() != account.email.lower()]
    if len(wanted) > SECONDARY_EMAILS_MAX:
        raise ValueError(f"at most {SECONDARY_EMAILS_MAX} secondary addresses")
    before = current(account)
    with transaction.atomic():
        NoticePreference.objects.update_or_create(
            ecf_account=account,
            defaults={"delivery": delivery, "email_format": email_format, "changed_at": timezone.now()},
        )
        kept = {email.lower() for email in wanted}
        SecondaryEmail.objects.filter(ecf_account=account).exclude(email__in=wanted).delete()
        have = {
            email.lower()
            for email in SecondaryEmail.objects.filter(ecf_account=account).values_list("email", flat=True)
        }
        SecondaryEmail.objects.bulk_create(
            [SecondaryEmail(ecf_account=account, email=email) for email in wanted if email.lower() not in have]
        )
        after = current(account)
        audit.record(
            event=Event.NOTICE_PREFERENCES_CHANGED,
            origin=origin,
            actor=actor,
            court=account.court,
            ecf_account=account,
            delivery_before=before.delivery,
            delivery=after.delivery,
            email_format=after.email_format,
            secondary_added=sorted(kept - {email.lower() for email in before.secondary_emails}),
            secondary_removed=sorted({email.lower() for email in before.secondary_emails} - kept),
        )
    return after
