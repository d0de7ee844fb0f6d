"""Reads of the clerk's desk. Each takes the clerk's court scope and reads only through it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate

from openecf.audit.events import Category, in_categories
from openecf.audit.models import AuditEvent
from openecf.clerks.models import CorrectionStatus, LinkCorrection
from openecf.clerks.scope import ClerkScope
from openecf.cmecf.models import EcfAccount, EcfRole, login_key
from openecf.core.lookups import equals_ignoring_case
from openecf.efile.models import EfileRegistration, RegistrationStatus

# What the dashboard calls refusals and lockouts: the registry's events of these two categories.
REFUSAL_EVENTS = in_categories(Category.REFUSAL, Category.LOCKOUT)


def mask_login(login: str) -> str:
    """Shown until the clerk records an identity check: enough to tell accounts apart, not to give one away."""
    return login[:2] + "•" * max(3, len(login) - 2)


def search_accounts(scope: ClerkScope, *, q: str = "", status: str = "") -> QuerySet[EcfAccount]:
    accounts = scope.ecf_accounts().select_related("link", "link__pacer_account").order_by("name", "login_key")
    q = " ".join(q.split())
    if q:
        accounts = accounts.filter(Q(login_key__startswith=login_key(q)) | Q(name__icontains=q) | Q(email__icontains=q))
    if status == "linked":
        accounts = accounts.filter(link__isnull=False)
    elif status == "unlinked":
        accounts = accounts.filter(link__isnull=True, is_active=True)
    elif status == "inactive":
        accounts = accounts.filter(is_active=False)
    return accounts


def open_corrections(scope: ClerkScope) -> QuerySet[LinkCorrection]:
    return (
        scope.corrections()
        .filter(status=CorrectionStatus.PROPOSED)
        .select_related("ecf_account", "pacer_account", "proposed_by")
    )


def corrections(scope: ClerkScope) -> QuerySet[LinkCorrection]:
    return scope.corrections().select_related("ecf_account", "pacer_account", "proposed_by", "decided_by")


def pending_registrations(scope: ClerkScope) -> QuerySet[EfileRegistration]:
    """E-file registration requests waiting for this court's clerk, oldest first (first come, first decided)."""
    return (
        scope.efile_registrations()
        .filter(status=RegistrationStatus.PENDING)
        .select_related("account")
        .order_by("requested_at", "pk")
    )


def decided_registrations(scope: ClerkScope) -> QuerySet[EfileRegistration]:
    return (
        scope.efile_registrations()
        .exclude(status=RegistrationStatus.PENDING)
        .select_related("account", "ecf_account")
        .order_by("-decided_at", "-pk")
    )


def registration(scope: ClerkScope, pk: int) -> EfileRegistration | None:
    return scope.efile_registrations().filter(pk=pk).select_related("account", "ecf_account").first()


def accounts_like(scope: ClerkScope, found: EfileRegistration) -> QuerySet[EcfAccount]:
    """This court's CM/ECF accounts with the filer's e-mail address: a filer who has one should link it instead."""
    return (
        scope.ecf_accounts()
        .filter(equals_ignoring_case("email", found.account.email))
        .select_related("link")
        .order_by("login_key")
    )


@dataclass(frozen=True)
class RoleProgress:
    role: str
    label: str
    accounts: int
    linked: int

    @property
    def not_linked(self) -> int:
        return self.accounts - self.linked

    @property
    def percent(self) -> int:
        return round(100 * self.linked / self.accounts) if self.accounts else 0


@dataclass(frozen=True)
class Progress:
    roles: list[RoleProgress]
    series: list[tuple[date, int]]  # linked accounts at the end of each day since go-live (court's time zone)

    @property
    def accounts(self) -> int:
        return sum(role.accounts for role in self.roles)

    @property
    def linked(self) -> int:
        return sum(role.linked for role in self.roles)

    @property
    def percent(self) -> int:
        return round(100 * self.linked / self.accounts) if self.accounts else 0


def linking_progress(scope: ClerkScope, *, today: date | None = None) -> Progress:
    """Active accounts linked vs not, per role, and the day-by-day count of links since go-live."""
    court = scope.court
    counts = (
        scope.ecf_accounts()
        .filter(is_active=True)
        .values("role")
        .annotate(accounts=Count("id"), linked=Count("link"))
        .order_by()
    )
    by_role = {row["role"]: row for row in counts}
    roles = [
        RoleProgress(
            role=role.value,
            label=role.label,
            accounts=by_role.get(role.value, {}).get("accounts", 0),
            linked=by_role.get(role.value, {}).get("linked", 0),
        )
        for role in EcfRole
    ]
    today = today or court.local_date()
    series: list[tuple[date, int]] = []
    if court.nextgen_go_live is not None and court.nextgen_go_live <= today:
        per_day = dict(
            scope.links()
            .filter(ecf_account__is_active=True)
            .annotate(day=TruncDate("linked_at", tzinfo=court.zone))
            .values("day")
            .annotate(n=Count("id"))
            .order_by()
            .values_list("day", "n")
        )
        start = min([court.nextgen_go_live, *per_day.keys()])
        running = 0
        day = start
        while day <= today:
            running += per_day.get(day, 0)
            series.append((day, running))
            day += timedelta(days=1)
    return Progress(roles=roles, series=series)


def recent_refusals(scope: ClerkScope, *, limit: int = 50) -> QuerySet[AuditEvent]:
    return (
        scope.audit_events()
        .filter(event__in=REFUSAL_EVENTS)
        .select_related("ecf_account", "actor")
        .order_by("-occurred_at", "-id")[:limit]
    )


def audit_log(
    scope: ClerkScope,
    *,
    event: str = "",
    username: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """The court's audit events, newest first; dates are whole days in the court's own time zone."""
    events = scope.audit_events().select_related("actor", "ecf_account").order_by("-occurred_at", "-id")
    event = event.strip()
    if event:
        events = (
            events.filter(event__startswith=event)
            if event.endswith(".")
            else events.filter(Q(event=event) | Q(event__startswith=event + "."))
        )
    username = username.strip()
    if username:
        events = events.filter(
            Q(equals_ignoring_case("username", username))
            | Q(equals_ignoring_case("actor__username", username))
            | Q(ecf_account__login_key=login_key(username))
        )
    zone = scope.court.zone
    if since:
        events = events.filter(occurred_at__gte=datetime.combine(since, time.min, tzinfo=zone))
    if until:
        events = events.filter(occurred_at__lt=datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone))
    return events
