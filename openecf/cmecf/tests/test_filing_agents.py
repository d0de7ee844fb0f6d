"""Filing agents (issue 14, item 4): an attorney adds a non-attorney filer of the same court under Utilities ->
Maintain Your ECF Account, lists and removes them; every change audited with an e-mail to the agent, every
refusal a sentence the attorney can act on, without telling which logins exist at the court."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf, make_filer, make_pacer
from openecf.audit.models import AuditEvent
from openecf.cmecf import filing_agents
from openecf.cmecf.filing_agents import NO_NONATTORNEY, AgentRefusal, AgentRefused
from openecf.cmecf.models import EcfAccount, FilingAgent, Link
from openecf.cmecf.selectors import attorneys_for_agent
from openecf.notices.models import OutboxMessage

pytestmark = pytest.mark.django_db

PAGE = "/ecf/wiwd/utilities/maintain-account/"
PASSWORD = "Old-Court-Password-1!"


def attorney_client() -> tuple[Client, EcfAccount]:
    pacer = make_filer("wiwdatty1", "Ann Attorney")
    client = Client()
    client.force_login(pacer)
    return client, Link.objects.get(pacer_account=pacer).ecf_account


def paralegal(login: str = "pparalegal", court: str = "wiwd", **kwargs: Any) -> EcfAccount:
    return make_ecf(court, login, "Pat Paralegal", PASSWORD, role="nonattorney", **kwargs)


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


def refusals() -> list[tuple[str, str]]:
    return [(e.detail["reason"], e.detail["action"]) for e in AuditEvent.objects.filter(event="filing_agent.refused")]


def test_the_page_shows_the_accounts_court_facts() -> None:
    client, ecf = attorney_client()
    response = client.get(PAGE)
    assert response.status_code == 200
    page = text(response)
    assert f"Login {ecf.login} Name Ann Attorney E-mail {ecf.email} Role Attorney filer" in page
    assert "Linked to PACER account wiwdatty1" in page
    assert "Filing Agents" in page
    assert "You have no filing agents." in page
    assert 'More user information <a href="/ecf/wiwd/utilities/email-information/">Email Information</a>' in (
        re.sub(r"\s+", " ", re.sub(r"</?(ul|li|h2|section)[^>]*>", " ", response.content.decode()))
    )


def test_utilities_leads_to_the_page() -> None:
    client, _ = attorney_client()
    assert f'href="{PAGE}"' in client.get("/ecf/wiwd/utilities/").content.decode()


def test_an_attorney_adds_lists_and_removes_an_agent() -> None:
    client, attorney = attorney_client()
    agent = paralegal()
    response = client.post(PAGE, {"action": "add", "login": "  PParalegal "})
    assert response.status_code == 200
    assert "Pat Paralegal (pparalegal) is now your filing agent and has been notified by e-mail." in text(response)
    listed = r'<table class="courts" id="filing-agents">.*Pat Paralegal.*pparalegal'
    assert re.search(listed, response.content.decode(), re.S)
    pairing = FilingAgent.objects.get()
    assert (pairing.court_id, pairing.attorney, pairing.agent) == ("wiwd", attorney, agent)
    assert list(attorneys_for_agent(agent)) == [attorney]
    added = AuditEvent.objects.get(event="filing_agent.added")
    assert (added.ecf_account, added.court_id, added.detail["agent"]) == (attorney, "wiwd", "pparalegal")
    assert added.actor is not None and added.actor.username == "wiwdatty1"
    mail = OutboxMessage.objects.get(kind="filing_agent.added")
    assert mail.recipients == [agent.email]
    assert mail.subject.startswith("You are now a filing agent for Ann Attorney")
    assert f"Filing for:          Ann Attorney ({attorney.login})" in mail.body

    response = client.post(PAGE, {"action": "remove", "agent": str(agent.pk)})
    assert response.status_code == 200
    assert "Pat Paralegal (pparalegal) is no longer your filing agent and has been notified by e-mail." in text(
        response
    )
    assert not FilingAgent.objects.exists()
    assert list(attorneys_for_agent(agent)) == []
    assert AuditEvent.objects.get(event="filing_agent.removed").detail["agent"] == "pparalegal"
    assert OutboxMessage.objects.get(kind="filing_agent.removed").recipients == [agent.email]


@pytest.mark.parametrize(
    ("setup", "login", "reason"),
    [
        (lambda: None, "nosuchlogin", AgentRefusal.NO_SUCH_LOGIN),
        (lambda: paralegal("elsewhere", court="wied"), "elsewhere", AgentRefusal.NO_SUCH_LOGIN),  # another court
        (lambda: paralegal("gonepara", active=False), "gonepara", AgentRefusal.INACTIVE),
        (
            lambda: make_ecf("wiwd", "otheratty", "Other Attorney", PASSWORD),
            "otheratty",
            AgentRefusal.NOT_A_NONATTORNEY,
        ),
        (
            lambda: make_ecf("wiwd", "justlooks", "Vic Viewer", PASSWORD, role="viewer"),
            "justlooks",
            AgentRefusal.NOT_A_NONATTORNEY,
        ),
    ],
)
def test_a_login_that_is_no_nonattorney_filer_here_gets_one_answer(setup: Any, login: str, reason: str) -> None:
    client, _ = attorney_client()
    setup()
    response = client.post(PAGE, {"action": "add", "login": login})
    assert response.status_code == 400
    assert NO_NONATTORNEY.format(login=login) in response.content.decode().replace("&ldquo;", "“").replace(
        "&rdquo;", "”"
    )
    assert not FilingAgent.objects.exists()
    assert refusals() == [(reason, "add")]
    assert not OutboxMessage.objects.filter(kind__startswith="filing_agent").exists()


def test_self_already_added_and_empty_are_refused_in_words() -> None:
    client, attorney = attorney_client()
    paralegal()
    response = client.post(PAGE, {"action": "add", "login": attorney.login.upper()})
    assert response.status_code == 400
    assert f"“{attorney.login.upper()}” is your own login: you cannot be your own filing agent." in text(response)
    assert client.post(PAGE, {"action": "add", "login": "pparalegal"}).status_code == 200
    response = client.post(PAGE, {"action": "add", "login": "pparalegal"})
    assert response.status_code == 400
    assert "Pat Paralegal (pparalegal) is already one of your filing agents." in text(response)
    response = client.post(PAGE, {"action": "add", "login": ""})
    assert response.status_code == 400
    assert "Enter the CM/ECF login of the non-attorney filer to add." in text(response)
    assert FilingAgent.objects.count() == 1
    assert refusals() == [(AgentRefusal.SELF, "add"), (AgentRefusal.ALREADY_ADDED, "add")]


def test_removing_someone_who_is_not_your_agent_is_refused() -> None:
    client, _ = attorney_client()
    other = make_ecf("wiwd", "otheratty", "Other Attorney", PASSWORD)
    agent = paralegal()
    filing_agents.add_agent(attorney=other, login="pparalegal", origin=TEST_ORIGIN)
    response = client.post(PAGE, {"action": "remove", "agent": str(agent.pk)})
    assert response.status_code == 400
    assert "That account is not one of your filing agents (it may have been removed already)." in text(response)
    assert FilingAgent.objects.get().attorney == other
    assert refusals() == [(AgentRefusal.NOT_YOUR_AGENT, "remove")]


def test_a_viewer_sees_the_account_but_has_no_agents() -> None:
    pacer = make_pacer("wiwdviewer", "Vera Viewer")
    ecf = make_ecf("wiwd", "vviewer", "Vera Viewer", PASSWORD, role="viewer")
    Link.objects.create(pacer_account=pacer, court_id="wiwd", ecf_account=ecf)
    paralegal()
    client = Client()
    client.force_login(pacer)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "Role Viewer (no filing)" in text(response)
    assert "Filing Agents" not in text(response)
    response = client.post(PAGE, {"action": "add", "login": "pparalegal"})
    assert response.status_code == 403
    assert (
        "Only an attorney filer can add or remove filing agents; your account here is a viewer (no filing) account."
        in text(response)
    )
    assert not FilingAgent.objects.exists()
    with pytest.raises(AgentRefused) as refused:
        filing_agents.add_agent(attorney=ecf, login="pparalegal", origin=TEST_ORIGIN)
    assert refused.value.reason == AgentRefusal.NOT_AN_ATTORNEY


def test_an_agent_sees_whom_they_file_for() -> None:
    attorney = make_ecf("wiwd", "annatty", "Ann Attorney", PASSWORD)
    agent = paralegal()
    pacer = make_pacer("wiwdpara", "Pat Paralegal")
    Link.objects.create(pacer_account=pacer, court_id="wiwd", ecf_account=agent)
    filing_agents.add_agent(attorney=attorney, login="pparalegal", origin=TEST_ORIGIN)
    client = Client()
    client.force_login(pacer)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "Filing Agent For You may file on behalf of these attorneys: Ann Attorney (annatty)" in text(response)
    assert client.post(PAGE, {"action": "add", "login": "annatty"}).status_code == 403


def test_a_pacer_only_user_is_told_there_is_no_account_to_maintain() -> None:
    client = Client()
    client.force_login(make_pacer("wiwdpacer", "Pat Pacer"))
    response = client.get(PAGE)
    assert response.status_code == 403
    assert "Your PACER account is not linked to a CM/ECF account in this court" in text(response)
