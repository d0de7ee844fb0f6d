"""Filing agents: an attorney lets a non-attorney filer of the same court (a paralegal, a legal assistant) file on
the attorney's behalf, under Utilities -> Maintain Your ECF Account; the agent keeps their own login.

Each change is one transaction with its audit event and the e-mail to the agent. A refusal is audited
(filing_agent.refused) in a transaction of its own, so that it survives the refusal, and reaches the page as one
sentence the attorney can act on. A login that does not lead to an active non-attorney filer of the court gets one
answer whatever the reason (unknown here, another court's, inactive, an attorney's, a viewer's): the page must not
tell an attorney which logins exist at the court; the audit event keeps the true reason.
"""

from __future__ import annotations

import enum

from django.db import IntegrityError, transaction

from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.context import Origin
from openecf.audit.events import Event
from openecf.cmecf.models import LOGIN_MAX_LENGTH, EcfAccount, EcfRole, FilingAgent, login_key
from openecf.notices import mail


class AgentRefusal(enum.StrEnum):
    NOT_AN_ATTORNEY = "not_an_attorney"  # the one adding is not an active attorney filer (a viewer, a paralegal)
    EMPTY = "empty"
    SELF = "self"
    NO_SUCH_LOGIN = "no_such_login"
    INACTIVE = "inactive"
    NOT_A_NONATTORNEY = "not_a_nonattorney"
    ALREADY_ADDED = "already_added"
    NOT_YOUR_AGENT = "not_your_agent"


class AgentRefused(Exception):
    def __init__(self, reason: AgentRefusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


NO_NONATTORNEY = (
    "No active non-attorney filer of this court has the login “{login}”. A filing agent must be a non-attorney "
    "filer (a paralegal or legal assistant) with a CM/ECF account of this court; check the login with them."
)
# The reasons that all answer NO_NONATTORNEY: each would otherwise tell whether a login exists.
_HIDDEN = {AgentRefusal.NO_SUCH_LOGIN, AgentRefusal.INACTIVE, AgentRefusal.NOT_A_NONATTORNEY}
_MESSAGES = {
    AgentRefusal.NOT_AN_ATTORNEY: (
        "Only an attorney filer can add filing agents. Your CM/ECF account at this court is a {role} account."
    ),
    AgentRefusal.EMPTY: "Enter the CM/ECF login of the non-attorney filer to add.",
    AgentRefusal.SELF: "“{login}” is your own login: you cannot be your own filing agent.",
    AgentRefusal.ALREADY_ADDED: "{name} ({login}) is already one of your filing agents.",
    AgentRefusal.NOT_YOUR_AGENT: "That account is not one of your filing agents (it may have been removed already).",
}


def agents_of(attorney: EcfAccount) -> list[FilingAgent]:
    """The attorney's filing agents, oldest first, with their accounts."""
    return list(FilingAgent.objects.filter(attorney=attorney).select_related("agent").order_by("added_at", "id"))


def _refuse(
    reason: AgentRefusal,
    *,
    attorney: EcfAccount,
    action: str,
    origin: Origin,
    actor: PacerAccount | None,
    login: str = "",
    name: str = "",
) -> AgentRefused:
    shown = login[:LOGIN_MAX_LENGTH]
    if reason in _HIDDEN:
        message = NO_NONATTORNEY.format(login=shown)
    else:
        role = EcfRole(attorney.role).label.lower() if attorney.role in EcfRole.values else attorney.role
        message = _MESSAGES[reason].format(login=shown, name=name, role=role)
    with transaction.atomic():
        audit.record(
            event=Event.FILING_AGENT_REFUSED,
            origin=origin,
            actor=actor,
            court=attorney.court,
            ecf_account=attorney,
            action=action,
            reason=reason.value,
            login=shown,
        )
    return AgentRefused(reason, message)


def _may_have_agents(attorney: EcfAccount) -> bool:
    return attorney.is_active and attorney.role == EcfRole.ATTORNEY


def add_agent(*, attorney: EcfAccount, login: str, origin: Origin, actor: PacerAccount | None = None) -> FilingAgent:
    """Make the court's non-attorney filer with this CM/ECF login the attorney's filing agent; e-mails the agent.

    Raises AgentRefused; nothing is written then but the refusal's audit event.
    """
    login = login.strip()

    def refuse(reason: AgentRefusal, name: str = "") -> AgentRefused:
        return _refuse(reason, attorney=attorney, action="add", origin=origin, actor=actor, login=login, name=name)

    if not _may_have_agents(attorney):
        raise refuse(AgentRefusal.NOT_AN_ATTORNEY)
    if not login:
        raise refuse(AgentRefusal.EMPTY)
    key = login_key(login)
    if key == attorney.login_key:
        raise refuse(AgentRefusal.SELF)
    # Only this court's accounts are looked at: another court's login is, here, no login at all.
    agent = EcfAccount.objects.filter(court_id=attorney.court_id, login_key=key).first()
    if agent is None:
        raise refuse(AgentRefusal.NO_SUCH_LOGIN)
    if not agent.is_active:
        raise refuse(AgentRefusal.INACTIVE)
    if agent.role != EcfRole.NONATTORNEY:
        raise refuse(AgentRefusal.NOT_A_NONATTORNEY)
    already = False
    try:
        with transaction.atomic():
            # The attorney's row is the lock: two tabs adding the same agent queue here, and the second is told.
            EcfAccount.objects.select_for_update().filter(pk=attorney.pk).first()
            if FilingAgent.objects.filter(attorney=attorney, agent=agent).exists():
                already = True
            else:
                pairing = FilingAgent.objects.create(court_id=attorney.court_id, attorney=attorney, agent=agent)
                audit.record(
                    event=Event.FILING_AGENT_ADDED,
                    origin=origin,
                    actor=actor,
                    court=attorney.court,
                    ecf_account=attorney,
                    agent=agent.login,
                    agent_name=agent.name,
                )
                mail.send(
                    kind="filing_agent.added",
                    to=[agent.email],
                    context={"court": attorney.court, "attorney": attorney, "agent": agent, "at": pairing.added_at},
                )
    except IntegrityError:
        # Another request made the same pair between the check and the insert: the database's constraint decided.
        already = True
    if already:
        # Refused outside the transaction above, so the refusal's own audit event is kept.
        raise refuse(AgentRefusal.ALREADY_ADDED, agent.name)
    return pairing


def remove_agent(
    *, attorney: EcfAccount, agent_id: int, origin: Origin, actor: PacerAccount | None = None
) -> EcfAccount:
    """End the filing agent ``agent_id`` (an EcfAccount id) of this attorney; e-mails the agent. Returns the agent."""

    def refuse(reason: AgentRefusal) -> AgentRefused:
        return _refuse(reason, attorney=attorney, action="remove", origin=origin, actor=actor)

    if not _may_have_agents(attorney):
        raise refuse(AgentRefusal.NOT_AN_ATTORNEY)
    with transaction.atomic():
        pairing = (
            FilingAgent.objects.select_for_update()
            .select_related("agent")
            .filter(attorney=attorney, agent_id=agent_id)
            .first()
        )
        if pairing is not None:
            agent = pairing.agent
            pairing.delete()
            audit.record(
                event=Event.FILING_AGENT_REMOVED,
                origin=origin,
                actor=actor,
                court=attorney.court,
                ecf_account=attorney,
                agent=agent.login,
                agent_name=agent.name,
            )
            mail.send(
                kind="filing_agent.removed",
                to=[agent.email],
                context={"court": attorney.court, "attorney": attorney, "agent": agent},
            )
            return agent
    raise refuse(AgentRefusal.NOT_YOUR_AGENT)
