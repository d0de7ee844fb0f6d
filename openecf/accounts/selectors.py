"""Reads for Manage My Account: only ever the signed-in account's own records."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse

from openecf.accounts.models import PacerAccount
from openecf.cmecf.models import Link


def linked_courts(account: PacerAccount) -> QuerySet[Link]:
    """The courts where the account is linked, oldest link first, with the CM/ECF account of each."""
    return Link.objects.filter(pacer_account=account).select_related("court", "ecf_account").order_by("linked_at")


def mfa_settings_url() -> str:
    """The MFA settings page ("Login and Security"), which the MFA app provides."""
    for name in ("mfa:overview", "signon:mfa"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    # TODO(issue 3): until the MFA app is merged; it serves /account/mfa/ as mfa:overview.
    return "/account/mfa/"
