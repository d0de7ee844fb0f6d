"""Reads about CM/ECF accounts and links that other parts of the system ask."""

from __future__ import annotations

import enum
from typing import Any

from django.db.models import FilteredRelation, Q, QuerySet, Subquery

from openecf.accounts.models import PacerAccount
from openecf.cmecf.models import EcfAccount, Link, can_file_q, login_key
from openecf.core.compiled import Compiled, SideBySide
from openecf.courts.models import Court
from openecf.courts.selectors import court_by_id, court_key
from openecf.signon import cso_tokens
from openecf.signon.models import CsoToken

# Every court page reads the visitor's link there: compiled once per process (openecf/core/compiled.py).
_LINK: Compiled[Link] = Compiled(
    lambda pacer, court: Link.objects.filter(pacer_account_id=pacer, court_id=court), int, str
)
_ECF: Compiled[EcfAccount] = Compiled(lambda pk: EcfAccount.objects.filter(pk=pk), int)


def _court_with_visitor_link(court: str, pacer_account_id: Any) -> QuerySet[Court]:
    """The court with ``visitor_link``, the link there (with its CM/ECF account) of the PACER account given by id or
    by an expression."""
    return (
        Court.objects.filter(pk=court)
        .annotate(visitor_link=FilteredRelation("links", condition=Q(links__pacer_account_id=pacer_account_id)))
        .select_related("visitor_link", "visitor_link__ecf_account")  # type: ignore[misc] # the stubs miss annotations
    )


# A signed-in court page reads its court and the visitor's link there (with its CM/ECF account) in one query.
_COURT_WITH_LINK: Compiled[Court] = Compiled(_court_with_visitor_link, str, int)


def link_at(pacer: PacerAccount, court: Court) -> Link | None:
    """The PACER account's link at this court, with its CM/ECF account: the one way to read it. Court-scoped: a
    link made at another court never counts here."""
    link = _LINK.first(pacer.pk, court.pk)
    if link is not None:
        (link.ecf_account,) = _ECF.instances(link.ecf_account_id)
    return link


class Unread(enum.Enum):
    UNREAD = enum.auto()


# A caller that has not read the PACER account's link at the court passes UNREAD (None is a read that found none).
UNREAD = Unread.UNREAD


def known_link(pacer: PacerAccount, court: Court, link: Link | Unread | None) -> Link | None:
    """The link the caller already read, or else the one link_at reads now."""
    return link_at(pacer, court) if link is UNREAD else link


def court_with_link(court_id: str, pacer: PacerAccount | None) -> tuple[Court, Link | None] | None:
    """The court by id and, for a PACER account, its link there (as link_at gives it), in one round trip; None
    when there is no such court."""
    if pacer is None:
        court = court_by_id(court_id)
        return None if court is None else (court, None)
    key = court_key(court_id)
    found = None if key is None else _COURT_WITH_LINK.first(key, pacer.pk)
    if found is None:
        return None
    link: Link | None = getattr(found, "visitor_link", None)  # absent, not None, when the join found no link
    return found, link


# A court page by token reads the court, the token with its account and that account's link at the court in one
# statement: the court with the link of whoever holds the token, beside the token lookup the sign-on uses.
_COURT_WITH_TOKEN_LINK: Compiled[Court] = Compiled(
    lambda court, digest: _court_with_visitor_link(
        court, Subquery(CsoToken.objects.filter(digest=digest).values("account_id")[:1])
    ),
    str,
    str,
)
_COURT_PAGE: SideBySide[Court, CsoToken] = SideBySide(_COURT_WITH_TOKEN_LINK, cso_tokens.by_digest())


def court_page_read(court_id: str, digest: str) -> tuple[Court, Link | None, CsoToken | None] | None:
    """The court, the token with this digest (unchecked: cso_tokens.resolve checks it) and the link at the court of
    the token's account, in one round trip; None when there is no such court."""
    key = court_key(court_id)
    found = None if key is None else _COURT_PAGE.first((key, digest), (digest,))
    if found is None:
        return None
    court, token = found
    link: Link | None = getattr(court, "visitor_link", None)  # absent, not None, when the join found no link
    return court, link, token


def account_for_login(court: Court, login: str) -> EcfAccount | None:
    """The court's CM/ECF account with this login (compared as login_key does), with its link if any."""
    return EcfAccount.objects.filter(court=court, login_key=login_key(login)).select_related("link").first()


def filing_links(account: PacerAccount | Any) -> QuerySet[Link]:
    """The account's links to CM/ECF accounts that can file (``account`` may be an OuterRef, for a subquery). The
    sign-in and MFA ask it through openecf/accounts/filing_access.py (has_filing_access), where apps.py puts it."""
    return Link.objects.filter(can_file_q("ecf_account__"), pacer_account=account)


def attorneys_for_agent(agent: EcfAccount) -> QuerySet[EcfAccount]:
    """The attorneys of the agent's court who have made this account their filing agent and can still file."""
    return EcfAccount.objects.filter(can_file_q(), filing_agents__agent=agent, court_id=agent.court_id).order_by(
        "name", "login_key"
    )
