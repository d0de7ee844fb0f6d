"""Reads about CM/ECF access that other parts of the system ask."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount
from openecf.cmecf.models import EcfRole, Link

FILER_ROLES = (EcfRole.ATTORNEY, EcfRole.NONATTORNEY)


def filing_links(account: PacerAccount | Any) -> QuerySet[Link]:
    """The account's links to active filer CM/ECF accounts (``account`` may be an OuterRef, for a subquery). The
    sign-in and MFA ask it through openecf/accounts/filing_access.py (has_filing_access), where apps.py puts it."""
    return Link.objects.filter(pacer_account=account, ecf_account__role__in=FILER_ROLES, ecf_account__is_active=True)
