"""Whether a PACER account has filing access: a link to an active filer CM/ECF account at some court.

The answer belongs to openecf/cmecf (links, CM/ECF roles), a layer above the sign-in and MFA that must ask it (a
filer must use an authenticator app and acknowledge the redaction notice; a filer's last app cannot be removed).
So cmecf hands its query to this module when the app registry is ready (``CmecfConfig.ready``), and those layers
ask here. Without cmecf installed the question has no answer, and asking it is an error, never a silent "no".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount

# The account's links that give it filing access; ``account`` may be an OuterRef, for a subquery.
FilingLinks = Callable[[PacerAccount | Any], QuerySet[Any]]

_filing_links: FilingLinks | None = None


def provide(filing_links: FilingLinks) -> None:
    """Called once, by CmecfConfig.ready."""
    global _filing_links
    _filing_links = filing_links


def filing_links(account: PacerAccount | Any) -> QuerySet[Any]:
    if _filing_links is None:
        raise ImproperlyConfigured("openecf.cmecf is not installed: no one can say which accounts may file")
    return _filing_links(account)


def has_filing_access(account: PacerAccount) -> bool:
    """Linked to an active filer CM/ECF account at any court: such accounts must use MFA and accept redaction."""
    return filing_links(account).exists()
