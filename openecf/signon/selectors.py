"""What the login asks of an account once its password is proved, read in one query."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, F, OuterRef, QuerySet

from openecf.accounts.models import PacerAccount
from openecf.cmecf.selectors import filing_links
from openecf.core.compiled import Compiled
from openecf.mfa.selectors import authenticators


@dataclass(frozen=True)
class SignOnFacts:
    enrolled: bool  # has a confirmed authenticator app: the login asks for a one-time code
    filer: bool  # has filing access: MFA is required and the redaction notice is acknowledged
    client_code_required: bool
    mfa_skips_used: int

    @property
    def mfa_skips_left(self) -> int:
        return max(0, int(settings.OPENECF_MFA_SKIPS) - self.mfa_skips_used)


def _facts(account_id: int) -> QuerySet[PacerAccount]:
    return PacerAccount.objects.filter(pk=account_id).values(
        enrolled=Exists(authenticators(OuterRef("pk"))),
        filer=Exists(filing_links(OuterRef("pk"))),
        client_code_required=F("signon_settings__client_code_required"),
        mfa_skips_used=F("signon_settings__mfa_skips_used"),
    )  # type: ignore[return-value]


# Every login runs it: compiled once per process (openecf/core/compiled.py).
_FACTS = Compiled(_facts, int)


def sign_on_facts(account: PacerAccount) -> SignOnFacts:
    """The same answers as mfa.selectors.is_enrolled, cmecf.selectors.has_filing_access and the account's sign-on
    settings, in one round trip instead of three or four."""
    (row,) = _FACTS.rows(account.pk)
    return SignOnFacts(
        enrolled=bool(row["enrolled"]),
        filer=bool(row["filer"]),
        client_code_required=bool(row["client_code_required"]),
        mfa_skips_used=int(row["mfa_skips_used"] or 0),
    )
