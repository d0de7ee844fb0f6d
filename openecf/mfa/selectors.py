"""What MFA asks of an account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from openecf.accounts.filing_access import has_filing_access
from openecf.accounts.models import PacerAccount
from openecf.mfa.models import Authenticator, BackupCode, EnrolmentSkips


def authenticators(account: PacerAccount | Any) -> QuerySet[Authenticator]:
    """The account's confirmed apps (``account`` may be an OuterRef, for a subquery)."""
    return Authenticator.objects.filter(account=account, confirmed_at__isnull=False).order_by("created_at", "id")


def is_enrolled(account: PacerAccount) -> bool:
    return authenticators(account).exists()


def mfa_required(account: PacerAccount) -> bool:
    """Mandatory for every account with filing access; optional for search-only accounts."""
    return has_filing_access(account)


def skips_left(account: PacerAccount) -> int:
    return skips_left_after(EnrolmentSkips.objects.filter(account=account).values_list("used", flat=True).first() or 0)


def skips_left_after(used: int) -> int:
    """The skips an account has left once it has used ``used`` (OPENECF_MFA_SKIPS are allowed)."""
    return max(0, int(settings.OPENECF_MFA_SKIPS) - used)


def unused_backup_codes(account: PacerAccount) -> int:
    return BackupCode.objects.filter(account=account, used_at__isnull=True).count()
