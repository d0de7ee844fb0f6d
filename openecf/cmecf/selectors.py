"""Reads about CM/ECF accounts and links that other parts of the system ask."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from openecf.accounts.models import PacerAccount
from openecf.cmecf.models import EcfAccount, Link, can_file_q, login_key
from openecf.core.compiled import Compiled
from openecf.courts.models import Court

# Every court page reads the visitor's link there: compiled once per process (openecf/core/compiled.py).
_LINK: Compiled[Link] = Compiled(
    lambda pacer, court: Link.objects.filter(pacer_account_id=pacer, court_id=court), int, str
)
_ECF: Compiled[EcfAccount] = Compiled(lambda pk: EcfAccount.objects.filter(pk=pk), int)


def link_at(pacer: PacerAccount, court: Court) -> Link | None:
    """The PACER account's link at this court, with its CM/ECF account: the one way to read it. Court-scoped: a
    link made at another court never counts here."""
    link = _LINK.first(pacer.pk, court.pk)
    if link is not None:
        (link.ecf_account,) = _ECF.instances(link.ecf_account_id)
    return link


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
