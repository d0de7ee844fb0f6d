"""CM/ECF accounts on the desk: search, create, deactivate, reset a password, look up a login."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import visible_text
from openecf.audit.models import AuditEvent
from openecf.clerks.tests.conftest import link_in
from openecf.cmecf.models import EcfAccount, Link
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db


def _account(login: str) -> EcfAccount:
    return EcfAccount.objects.get(court_id="wiwd", login=login)


def test_search_finds_by_name_email_or_login_and_shows_logins_only_in_part(clara: Client) -> None:
    by_name = visible_text(clara.get("/clerk/wiwd/accounts/?q=sample"))
    assert "Attorney Sample" in by_name and "as•••••" in by_name
    assert " asample " not in f" {by_name} "
    by_login = visible_text(clara.get("/clerk/wiwd/accounts/?q=OLDF"))
    assert "Oliver Oldfiler" in by_login and "1 account(s)" in by_login
    inactive = visible_text(clara.get("/clerk/wiwd/accounts/?status=inactive"))
    assert "Oliver Oldfiler" in inactive and "Attorney Sample" not in inactive


def test_a_new_account_gets_its_password_from_the_filer_through_an_emailed_link(clara: Client, smtp_inbox: Any) -> None:
    created = clara.post(
        "/clerk/wiwd/accounts/new/",
        {"login": "nfiler", "name": "Nia Filer", "email": "nia@example.com", "role": "nonattorney"},
        follow=True,
    )
    assert "A link to choose its password was e-mailed to nia@example.com" in visible_text(created)
    deliver_pending()
    [mail] = smtp_inbox.messages
    assert mail["X-Envelope-To"] == "nia@example.com"
    assert "The clerk's office opened a CM/ECF account for you." in mail.get_payload()
    filer = Client()
    filer.get(link_in(mail.get_payload()))
    filer.post("/ecf/wiwd/password/new/", {"password": "Chosen-By-Owner-42!", "again": "Chosen-By-Owner-42!"})
    assert _account("nfiler").check_password("Chosen-By-Owner-42!")
    event = AuditEvent.objects.get(event="ecf_account.created", ecf_account__login="nfiler")
    assert event.actor is not None and event.actor.username == "claraclerk"


def test_a_duplicate_login_is_refused_with_the_reason(clara: Client) -> None:
    refused = clara.post(
        "/clerk/wiwd/accounts/new/", {"login": "ASAMPLE", "name": "X", "email": "x@example.com", "role": "attorney"}
    )
    assert refused.status_code == 400
    assert "The court wiwd already has a CM/ECF login 'ASAMPLE' (logins ignore case)." in visible_text(refused)


def test_deactivating_needs_a_reason_and_is_audited(clara: Client) -> None:
    account = _account("jdoe")
    url = f"/clerk/wiwd/accounts/{account.pk}/status/"
    no_reason = clara.post(url, {"active": "0", "reason": ""})
    assert no_reason.status_code == 400 and _account("jdoe").is_active
    clara.post(url, {"active": "0", "reason": "Filer retired; letter of 3/1."})
    assert not _account("jdoe").is_active
    event = AuditEvent.objects.get(event="ecf_account.deactivated", ecf_account=account)
    assert event.detail["reason"] == "Filer retired; letter of 3/1." and event.username == "claraclerk"
    clara.post(url, {"active": "1", "reason": "Filer returned."})
    assert _account("jdoe").is_active


def test_a_clerk_sends_a_reset_link_to_the_address_on_file(clara: Client, smtp_inbox: Any) -> None:
    account = _account("asample")
    page = clara.post(f"/clerk/wiwd/accounts/{account.pk}/reset/", follow=True)
    assert "A password reset link was e-mailed to asample@example.com" in visible_text(page)
    deliver_pending()
    [mail] = smtp_inbox.messages
    assert mail["X-Envelope-To"] == "asample@example.com"
    assert "/ecf/wiwd/password/reset/" in mail.get_payload()


def test_a_reset_of_a_linked_account_is_refused_with_the_explanation(clara: Client, smtp_inbox: Any) -> None:
    from conftest import make_pacer

    account = _account("asample")
    Link.objects.create(pacer_account=make_pacer("asample22x", "Attorney Sample"), ecf_account=account, court_id="wiwd")
    refused = clara.post(f"/clerk/wiwd/accounts/{account.pk}/reset/")
    assert refused.status_code == 409
    assert "is linked to a PACER account, so its court-issued password has been retired" in visible_text(refused)
    assert deliver_pending() == 0


def test_the_login_is_shown_once_the_identity_check_is_recorded(clara: Client) -> None:
    account = _account("asample")
    form = clara.get(f"/clerk/wiwd/accounts/{account.pk}/login/")
    assert "as•••••" in visible_text(form)
    other_without_note = clara.post(f"/clerk/wiwd/accounts/{account.pk}/login/", {"method": "other", "note": ""})
    assert other_without_note.status_code == 400 and "asample" not in visible_text(other_without_note).split()
    shown = clara.post(
        f"/clerk/wiwd/accounts/{account.pk}/login/", {"method": "callback", "note": "Called (608) 555-0100 on file."}
    )
    assert "CM/ECF login: asample" in visible_text(shown)
    event = AuditEvent.objects.get(event="ecf_account.login_disclosed")
    assert event.detail == {"identity_check": "callback", "note": "Called (608) 555-0100 on file."}
    assert event.ecf_account == account and event.actor is not None and event.actor.username == "claraclerk"
