"""Reads of the ledger: an account's charges, its usage by client code and by quarter, a court's totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncQuarter

from openecf.accounts.models import PacerAccount
from openecf.billing import fees
from openecf.billing.models import Charge, Exemption, ExemptionRequest, ExemptionRequestStatus, Waiver
from openecf.courts.models import Court

HISTORY_LIMIT = 500


def charges_of(account: PacerAccount, *, court: Court | None = None) -> QuerySet[Charge]:
    found = Charge.objects.filter(account=account)
    if court is not None:
        found = found.filter(court=court)
    return found.select_related("court").order_by("-created_at", "-pk")


@dataclass(frozen=True)
class Usage:
    label: str
    transactions: int
    pages: int
    cost_cents: int

    @property
    def cost(self) -> str:
        return fees.dollars(self.cost_cents)


@dataclass(frozen=True)
class Quarter(Usage):
    @property
    def due_cents(self) -> int:
        return fees.statement_due_cents(self.cost_cents)

    @property
    def due(self) -> str:
        return fees.dollars(self.due_cents)

    @property
    def waived(self) -> bool:
        return self.cost_cents > 0 and self.due_cents == 0


def usage_by_client_code(account: PacerAccount) -> list[Usage]:
    rows = (
        Charge.objects.filter(account=account)
        .values("client_code")
        .annotate(n=Count("pk"), p=Sum("pages"), c=Sum("cost_cents"))
        .order_by("client_code")
    )
    return [Usage(row["client_code"] or "(none)", row["n"], row["p"] or 0, row["c"] or 0) for row in rows]


def quarter_label(start: datetime) -> str:
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def usage_by_quarter(account: PacerAccount) -> list[Quarter]:
    """Each calendar quarter (UTC) with charges, newest first, with what its statement asks for."""
    rows = (
        Charge.objects.filter(account=account)
        .annotate(quarter=TruncQuarter("created_at"))
        .values("quarter")
        .annotate(n=Count("pk"), p=Sum("pages"), c=Sum("cost_cents"))
        .order_by("-quarter")
    )
    return [Quarter(quarter_label(row["quarter"]), row["n"], row["p"] or 0, row["c"] or 0) for row in rows]


def court_totals(court: Court) -> list[Quarter]:
    """The court's charges by quarter, newest first: what its pages earned, waivers apart."""
    rows = (
        Charge.objects.filter(court=court)
        .annotate(quarter=TruncQuarter("created_at"))
        .values("quarter")
        .annotate(n=Count("pk"), p=Sum("pages"), c=Sum("cost_cents"))
        .order_by("-quarter")
    )
    return [Quarter(quarter_label(row["quarter"]), row["n"], row["p"] or 0, row["c"] or 0) for row in rows]


def court_waived_count(court: Court) -> int:
    return Charge.objects.filter(court=court).exclude(waiver=Waiver.NONE).count()


def exemptions_at(court: Court) -> QuerySet[Exemption]:
    return Exemption.objects.filter(court=court).select_related("account", "granted_by")


def exemptions_of(account: PacerAccount, court: Court) -> QuerySet[Exemption]:
    return Exemption.objects.filter(account=account, court=court)


def pending_requests(court: Court) -> QuerySet[ExemptionRequest]:
    return ExemptionRequest.objects.filter(court=court, status=ExemptionRequestStatus.PENDING).select_related("account")


def pending_request_of(account: PacerAccount, court: Court) -> ExemptionRequest | None:
    return ExemptionRequest.objects.filter(account=account, court=court, status=ExemptionRequestStatus.PENDING).first()
