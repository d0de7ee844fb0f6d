"""The one court scope every clerk read and write goes through.

A clerk's desk URL names a court; ``scope_for`` returns a ``ClerkScope`` only if the signed-in clerk holds a
membership of that court. Everything a clerk sees or changes is reached from the scope's querysets, which are
all filtered to that one court, so an id from another court finds nothing (and the page answers 404, as for an
id that does not exist).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent
from openecf.clerks.models import ClerkMembership, LinkCorrection
from openecf.cmecf.models import EcfAccount, Link
from openecf.courts.models import Court
from openecf.courts.selectors import court_by_id
from openecf.efile.models import EfileRegistration


@dataclass(frozen=True)
class ClerkScope:
    clerk: PacerAccount
    court: Court

    def ecf_accounts(self) -> QuerySet[EcfAccount]:
        return EcfAccount.objects.filter(court=self.court)

    def links(self) -> QuerySet[Link]:
        return Link.objects.filter(court=self.court, ecf_account__court=self.court)

    def corrections(self) -> QuerySet[LinkCorrection]:
        return LinkCorrection.objects.filter(court=self.court, ecf_account__court=self.court)

    def audit_events(self) -> QuerySet[AuditEvent]:
        return AuditEvent.objects.filter(court=self.court)

    def efile_registrations(self) -> QuerySet[EfileRegistration]:
        return EfileRegistration.objects.filter(court=self.court)

    def clerks(self) -> QuerySet[ClerkMembership]:
        return ClerkMembership.objects.filter(court=self.court)

    def ecf_account(self, pk: int) -> EcfAccount | None:
        return self.ecf_accounts().filter(pk=pk).select_related("link", "link__pacer_account").first()


def courts_of(clerk: PacerAccount) -> QuerySet[Court]:
    return Court.objects.filter(clerk_memberships__account=clerk).order_by("id")


def scope_for(clerk: PacerAccount, court_id: str) -> ClerkScope | None:
    """The clerk's scope at this court, or None when the court is unknown or not the clerk's."""
    court = court_by_id(court_id)
    if court is None or not clerk.is_active:
        return None
    if not ClerkMembership.objects.filter(account=clerk, court=court).exists():
        return None
    return ClerkScope(clerk=clerk, court=court)


def is_clerk(account: PacerAccount) -> bool:
    return account.is_active and ClerkMembership.objects.filter(account=account).exists()
