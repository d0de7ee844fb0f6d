"""Reads for Manage My Account: only ever the signed-in account's own records."""

from __future__ import annotations

from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount
from openecf.cmecf.models import Link


def linked_courts(account: PacerAccount) -> QuerySet[Link]:
    """The courts where the account is linked, oldest link first, with the CM/ECF account of each."""
    return Link.objects.filter(pacer_account=account).select_related("court", "ecf_account").order_by("linked_at")
