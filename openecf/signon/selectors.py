"""What the login asks of an account once its password is proved, read in one query."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet

from openecf.accounts.filing_access import filing_links
from openecf.accounts.models import PacerAccount
from openecf.core.compiled import Compiled
from openecf.mfa.selectors import authenticators, skips_left_after


@dataclass(frozen=True)
class SignOnFacts:
    enrolled: bool  # has a confirmed authenticator app: the login asks for a one-time code
    filer: bool  # has filing access: MFA is required and the redaction notice is acknowledged
    client_code_required: bool
    mfa_skips_used: int

    @property
    def mfa_skips_left(self) -> int:
        return skips_left_after(self.mfa_skips_used)


def _facts(account_id: int) -> QuerySet[PacerAccount]:
    return PacerAccount.objects.filter(pk=account_id).values(
        enrolled=Exists(authenticators(OuterRef("pk"))),
        filer=Exists(filing_links(OuterRef("pk"))),
        client_code_required=F("signon_settings__client_code_required"),
        mfa_skips_used=F("mfa_enrolment_skips__used"),
    )  # type: ignore[return-value]


# Every login runs it: compiled once per process (openecf/core/compiled.py).
_FACTS = Compiled(_facts, int)


def sign_on_facts(account: PacerAccount) -> SignOnFacts:
    """The same answers as mfa.selectors.is_enrolled and skips_left, accounts.filing_access.has_filing_access and
    the account's sign-on settings, in one round trip instead of three or four."""
    (row,) = _FACTS.rows(account.pk)
    return SignOnFacts(
        enrolled=bool(row["enrolled"]),
        filer=bool(row["filer"]),
        client_code_required=bool(row["client_code_required"]),
        mfa_skips_used=int(row["mfa_skips_used"] or 0),
    )
