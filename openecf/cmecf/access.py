"""Who may do what on a court's CM/ECF site: decided here, in one place, for every court page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest

from openecf.accounts.models import PacerAccount
from openecf.cmecf.middleware import take_court_read
from openecf.cmecf.models import EcfAccount, Link
from openecf.cmecf.selectors import UNREAD, Unread, court_with_link, known_link
from openecf.courts.models import Court

COURT_LOGINS_SESSION_KEY = "openecf.court_logins"

# The sign-in's second factor as its nextGenCSO token records it (signon.machine.LoginState.mfa_method): an
# authenticator app code, or one of its backup codes; "" when the filer skipped enrolment or has no app.
APP_MFA_METHODS = frozenset({"totp", "backup"})


@dataclass(frozen=True)
class MenuItem:
    label: str
    slug: str


@dataclass
class CourtAccess:
    court: Court
    pacer: PacerAccount | None = None
    link: Link | None = None
    court_login: EcfAccount | None = None
    live: bool = False
    mfa_method: str = ""
    menus: list[MenuItem] = field(default_factory=list)

    @property
    def signed_in(self) -> bool:
        return self.pacer is not None or self.court_login is not None

    @property
    def filing_account(self) -> EcfAccount | None:
        """The CM/ECF account whose filing rights this visitor exercises at this court, if any."""
        if self.live and self.link is not None:
            return self.link.ecf_account
        if not self.live and self.court_login is not None:
            return self.court_login
        return None

    @property
    def has_ecf_account(self) -> bool:
        """Linked (or, before NextGen, signed in with the court login): the filer's Utilities items show."""
        return self.filing_account is not None

    @property
    def can_file(self) -> bool:
        account = self.filing_account
        return account is not None and account.can_file

    @property
    def signed_in_with_app(self) -> bool:
        """Whether this PACER sign-in passed an authenticator app code (or one of its backup codes)."""
        return self.pacer is not None and self.mfa_method in APP_MFA_METHODS

    @property
    def filing_needs_app(self) -> bool:
        """Filing rights held through a PACER link, from a sign-in without an authenticator app code: filing is
        refused until the filer signs in with one. Before NextGen the court login files, with no second factor to
        pass (the court's own CM/ECF has none), so it is never held back."""
        return self.can_file and self.live and not self.signed_in_with_app

    @property
    def display_name(self) -> str:
        if self.pacer is not None:
            return self.pacer.name
        return self.court_login.name if self.court_login else ""


def court_access_by_id(request: HttpRequest, court_id: str) -> CourtAccess:
    """court_access for the court with this id (404 when there is none): the court and the visitor's link there
    are read together."""
    user = request.user
    pacer = user if user.is_authenticated and isinstance(user, PacerAccount) else None
    read = take_court_read(request, court_id)
    if read is not None and (pacer is None or pacer.pk == read.account_id):
        # Read with the token this request signed in by (cmecf/middleware.py); the link is that account's.
        return court_access(request, read.court, link=read.link if pacer is not None else None)
    found = court_with_link(court_id, pacer)
    if found is None:
        raise Http404("No such court")
    court, link = found
    return court_access(request, court, link=link)


def court_access(request: HttpRequest, court: Court, *, link: Link | Unread | None = UNREAD) -> CourtAccess:
    access = CourtAccess(court=court, live=court.is_live())
    user = request.user
    if user.is_authenticated and isinstance(user, PacerAccount):
        access.pacer = user
        access.link = known_link(user, court, link)
        token = getattr(request, "cso_token", None)
        access.mfa_method = token.mfa_method if token is not None else ""
    court_logins = request.session.get(COURT_LOGINS_SESSION_KEY, {})
    if not access.live and court.pk in court_logins:
        access.court_login = EcfAccount.objects.filter(
            pk=court_logins[court.pk], court=court, is_active=True, link__isnull=True
        ).first()
    access.menus = _menus(access)
    return access


# Appellate NextGen: Filing for filers; the PACER view for everyone signed in (menus.APPELLATE_MENUS).
_APPELLATE_PACER_VIEW = [
    MenuItem("Case Search", "case-search"),
    MenuItem("Calendar", "calendar"),
    MenuItem("Opinions", "opinions"),
    MenuItem("Orders/Judgments", "orders-judgments"),
    MenuItem("Utilities", "utilities"),
]


def _menus(access: CourtAccess) -> list[MenuItem]:
    if not access.signed_in:
        return []
    if access.court.is_appellate:
        return ([MenuItem("Filing", "filing")] if access.can_file else []) + _APPELLATE_PACER_VIEW
    items = [MenuItem(label, label.lower()) for label in access.court.filing_menus] if access.can_file else []
    items += [MenuItem("Query", "query"), MenuItem("Reports", "reports"), MenuItem("Utilities", "utilities")]
    if access.filing_account is not None:
        items.append(MenuItem("Search", "search"))
    items.append(MenuItem("Help", "help"))
    return items
