"""Who receives notice of a case's filings, at which addresses, and how (each filing or a daily summary)."""

from __future__ import annotations

from dataclasses import dataclass

from openecf.cases.models import AttorneyOfRecord, Case, Party
from openecf.cmecf.models import EcfAccount
from openecf.noticing.models import Delivery, EmailFormat, NoticePreference, SecondaryEmail


@dataclass(frozen=True)
class Recipient:
    account: EcfAccount
    emails: tuple[str, ...]  # the address on file first, then the secondary addresses
    delivery: str
    email_format: str = EmailFormat.HTML

    @property
    def name(self) -> str:
        return self.account.name


def case_attorneys(case: Case) -> list[EcfAccount]:
    """The case's attorneys of record who are still in it, with an active CM/ECF account, each once."""
    rows = (
        AttorneyOfRecord.objects.filter(party__case=case, terminated_on__isnull=True, ecf_account__is_active=True)
        .select_related("ecf_account")
        .order_by("ecf_account_id")
    )
    return list({row.ecf_account_id: row.ecf_account for row in rows}.values())


def recipients_of(accounts: list[EcfAccount]) -> list[Recipient]:
    """Each account with its addresses and delivery preference, ordered by name as the NEF lists them."""
    ids = [account.pk for account in accounts]
    secondary: dict[int, list[str]] = {}
    for row in SecondaryEmail.objects.filter(ecf_account_id__in=ids).order_by("added_at", "id"):
        secondary.setdefault(row.ecf_account_id, []).append(row.email)
    chosen = {
        account_id: (delivery, email_format)
        for account_id, delivery, email_format in NoticePreference.objects.filter(ecf_account_id__in=ids).values_list(
            "ecf_account_id", "delivery", "email_format"
        )
    }
    default = (Delivery.EACH_FILING, EmailFormat.HTML)
    found = [
        Recipient(
            account=account,
            emails=tuple(dict.fromkeys([account.email, *secondary.get(account.pk, [])])),
            delivery=chosen.get(account.pk, default)[0],
            email_format=chosen.get(account.pk, default)[1],
        )
        for account in accounts
    ]
    return sorted(found, key=lambda recipient: (recipient.name.casefold(), recipient.account.pk))


def unrepresented_parties(case: Case) -> list[Party]:
    """Parties still in the case with no attorney of record receiving electronic notice: served by other means."""
    noticed = AttorneyOfRecord.objects.filter(terminated_on__isnull=True, ecf_account__is_active=True)
    return list(
        case.parties.filter(date_terminated__isnull=True).exclude(attorneys__in=noticed).order_by("added_at", "id")
    )


def parties_represented(case: Case, attorney: EcfAccount) -> list[Party]:
    """The parties of the case this attorney appears for (the NEF's Filer: row)."""
    return list(
        case.parties.filter(attorneys__ecf_account=attorney, attorneys__terminated_on__isnull=True)
        .distinct()
        .order_by("added_at", "id")
    )
