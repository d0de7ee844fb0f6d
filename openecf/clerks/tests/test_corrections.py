"""Correcting a wrong link: proposed by one clerk, approved by another, both parties told, then linkable again."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD as TESTS_PASSWORD
from conftest import form_nonce, make_pacer, visible_text
from openecf.audit.models import AuditEvent
from openecf.clerks.models import LinkCorrection
from openecf.cmecf.models import EcfAccount, Link
from openecf.demo.data import PACER_PASSWORD
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db
REASON = "Pat Paralegal linked Maria Attorney's account to her own PACER account; Ms. Attorney called 3/2."


def _pacer(username: str, password: str = PACER_PASSWORD) -> Client:
    client = Client()
    client.post("/login/?court=wiwd", {"username": username, "password": password, "court": "wiwd"})
    return client


def _link(client: Client, login: str, password: str, **extra: str) -> Any:
    confirm = client.post("/ecf/wiwd/utilities/link/", {"login": login, "password": password})
    assert "Do you want to link these accounts?" in visible_text(confirm), visible_text(confirm)
    return client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm), **extra}, follow=True)


def test_a_wrong_link_is_removed_by_two_clerks_and_the_owner_links_it(
    clara: Client, carl: Client, smtp_inbox: Any
) -> None:
    paralegal = _pacer("ppara2026")
    _link(paralegal, "mattorney", "wiwd-ecf-maria", names_differ_confirmed="on")  # the wrong link
    account = EcfAccount.objects.get(court_id="wiwd", login="mattorney")
    deliver_pending()
    smtp_inbox.messages.clear()

    proposed = clara.post(f"/clerk/wiwd/accounts/{account.pk}/unlink/", {"reason": REASON}, follow=True)
    assert "Another clerk of this court must now approve or reject it." in visible_text(proposed)
    correction = LinkCorrection.objects.get()

    # The proposer cannot approve: the page says so and a forged POST is refused.
    own = clara.get(f"/clerk/wiwd/corrections/{correction.pk}/")
    assert "You proposed this removal; a second clerk of this court must decide it." in visible_text(own)
    forged = clara.post(f"/clerk/wiwd/corrections/{correction.pk}/", {"decision": "approve", "note": ""})
    assert forged.status_code == 400
    assert "A second clerk must decide: you proposed this removal yourself." in visible_text(forged)
    assert Link.objects.filter(ecf_account=account).exists()

    approved = carl.post(
        f"/clerk/wiwd/corrections/{correction.pk}/", {"decision": "approve", "note": "Checked bar roll."}, follow=True
    )
    assert "Approved: the link is removed and both parties were e-mailed." in visible_text(approved)
    assert not Link.objects.filter(ecf_account=account).exists()

    deliver_pending()
    to = {mail["X-Envelope-To"]: mail for mail in smtp_inbox.messages}
    assert set(to) == {"ppara@example.com", "mattorney@example.com"}
    assert "removed the link between your PACER account ppara2026" in to["ppara@example.com"].get_payload()
    assert "link your CM/ECF account under Utilities" in to["mattorney@example.com"].get_payload()

    story = AuditEvent.objects.filter(ecf_account=account, event__startswith="link.removal_proposed").get()
    removed = AuditEvent.objects.get(event="link.removed", ecf_account=account)
    assert story.username == "claraclerk" and story.detail["reason"] == REASON
    assert removed.username == "carldeputy"
    assert removed.detail["proposed_by"] == "claraclerk" and removed.detail["pacer_username"] == "ppara2026"
    assert removed.detail["reason"] == REASON and removed.detail["note"] == "Checked bar roll."

    # The rightful owner can now link it; the paralegal's PACER account is free again too.
    make_pacer("mattorney1", "Maria Attorney")
    done = _link(_pacer("mattorney1", TESTS_PASSWORD), "mattorney", "wiwd-ecf-maria")
    assert "The CM/ECF account for Maria Attorney is now linked to your CSO account." in visible_text(done)
    assert Link.objects.get(ecf_account=account).pacer_account.username == "mattorney1"


def test_a_rejection_keeps_the_link_and_needs_a_reason(clara: Client, carl: Client) -> None:
    paralegal = _pacer("ppara2026")
    _link(paralegal, "mattorney", "wiwd-ecf-maria", names_differ_confirmed="on")
    account = EcfAccount.objects.get(court_id="wiwd", login="mattorney")
    clara.post(f"/clerk/wiwd/accounts/{account.pk}/unlink/", {"reason": REASON})
    correction = LinkCorrection.objects.get()
    no_reason = carl.post(f"/clerk/wiwd/corrections/{correction.pk}/", {"decision": "reject", "note": ""})
    assert "Say why you reject the removal." in visible_text(no_reason)
    carl.post(f"/clerk/wiwd/corrections/{correction.pk}/", {"decision": "reject", "note": "The firm confirmed it."})
    assert Link.objects.filter(ecf_account=account).exists()
    assert LinkCorrection.objects.get().status == "rejected"
    again = carl.post(f"/clerk/wiwd/corrections/{correction.pk}/", {"decision": "approve", "note": ""})
    assert "This correction was already decided" in visible_text(again)


def test_an_unlinked_account_has_nothing_to_correct_and_one_proposal_at_a_time(clara: Client) -> None:
    account = EcfAccount.objects.get(court_id="wiwd", login="jdoe")
    refused = clara.post(f"/clerk/wiwd/accounts/{account.pk}/unlink/", {"reason": REASON})
    assert "This CM/ECF account is not linked; there is nothing to correct." in visible_text(refused)
    _link(_pacer("ppara2026"), "mattorney", "wiwd-ecf-maria", names_differ_confirmed="on")
    linked = EcfAccount.objects.get(court_id="wiwd", login="mattorney")
    clara.post(f"/clerk/wiwd/accounts/{linked.pk}/unlink/", {"reason": REASON})
    twice = clara.post(f"/clerk/wiwd/accounts/{linked.pk}/unlink/", {"reason": REASON})
    assert "already waiting for a second clerk" in visible_text(twice)
    assert LinkCorrection.objects.count() == 1
