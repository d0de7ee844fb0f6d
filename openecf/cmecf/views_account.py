"""Utilities -> Maintain Your ECF Account: the court's facts about the visitor's CM/ECF account and, for an
attorney, the filing agents (cmecf/filing_agents.py). Only a visitor with a CM/ECF account at the court (linked,
or the old court login before NextGen) has the page; a PACER-only visitor is told why not."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openecf.audit.context import Origin
from openecf.cmecf import filing_agents
from openecf.cmecf.access import CourtAccess
from openecf.cmecf.forms import AddFilingAgentForm, RemoveFilingAgentForm
from openecf.cmecf.models import EcfAccount, EcfRole
from openecf.cmecf.selectors import attorneys_for_agent
from openecf.cmecf.views import _render, signed_in_at_court

# The page's further sections, each a link (label, URL name), shown in this order under "More user information";
# other pages of the account join here.
ACCOUNT_LINKS: list[tuple[str, str]] = [("Email Information", "cmecf:email_information")]


def _page(
    request: HttpRequest, access: CourtAccess, account: EcfAccount, *, status: int = 200, **context: Any
) -> HttpResponse:
    is_attorney = account.is_active and account.role == EcfRole.ATTORNEY
    context.setdefault("add_form", AddFilingAgentForm())
    return _render(
        request,
        access,
        "cmecf/maintain_account.html",
        status=status,
        account=account,
        role=EcfRole(account.role).label if account.role in EcfRole.values else account.role,
        is_attorney=is_attorney,
        agents=filing_agents.agents_of(account) if is_attorney else [],
        files_for=list(attorneys_for_agent(account)) if account.role == EcfRole.NONATTORNEY else [],
        account_links=[(label, reverse(name, args=[access.court.pk])) for label, name in ACCOUNT_LINKS],
        **context,
    )


@signed_in_at_court
@require_http_methods(["GET", "POST"])
def maintain_account(request: HttpRequest, access: CourtAccess) -> HttpResponse:
    account = access.filing_account
    if account is None:
        return _render(request, access, "cmecf/maintain_account_none.html", status=403)
    if request.method == "GET":
        return _page(request, access, account)
    if not (account.is_active and account.role == EcfRole.ATTORNEY):
        role = EcfRole(account.role).label.lower() if account.role in EcfRole.values else account.role
        return _page(
            request,
            access,
            account,
            status=403,
            error=f"Only an attorney filer can add or remove filing agents; your account here is a {role} account.",
        )
    action = request.POST.get("action", "")
    if action not in ("add", "remove"):
        return _page(request, access, account, status=400, error="Choose Add or Remove.")
    origin = Origin.of(request)
    if action == "add":
        form = AddFilingAgentForm(request.POST)
        if not form.is_valid():
            return _page(request, access, account, status=400, add_form=form)
        try:
            pairing = filing_agents.add_agent(
                attorney=account, login=form.cleaned_data["login"], origin=origin, actor=access.pacer
            )
        except filing_agents.AgentRefused as refused:
            form.add_error("login", refused.message)
            return _page(request, access, account, status=400, add_form=form)
        done = f"{pairing.agent.name} ({pairing.agent.login}) is now your filing agent and has been notified by e-mail."
        return _page(request, access, account, done=done)
    remove = RemoveFilingAgentForm(request.POST)
    if not remove.is_valid():
        return _page(request, access, account, status=400, error="Choose the filing agent to remove.")
    try:
        agent = filing_agents.remove_agent(
            attorney=account, agent_id=remove.cleaned_data["agent"], origin=origin, actor=access.pacer
        )
    except filing_agents.AgentRefused as refused:
        return _page(request, access, account, status=400, error=refused.message)
    done = f"{agent.name} ({agent.login}) is no longer your filing agent and has been notified by e-mail."
    return _page(request, access, account, done=done)
