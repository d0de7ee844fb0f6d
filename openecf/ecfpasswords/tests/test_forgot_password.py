"""Forgot your password? on the link page (seed 001): e-mailed, single-use, 24 hours, and it tells nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import form_nonce, link_href, visible_text
from openecf.audit.models import AuditEvent
from openecf.clerks.tests.conftest import link_in
from openecf.cmecf.models import EcfAccount
from openecf.demo.data import PACER_PASSWORD
from openecf.ecfpasswords.models import PasswordReset
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Fresh-Court-Secret-77!"


def _signed_in(username: str, court: str) -> Client:
    client = Client()
    client.post(f"/login/?court={court}", {"username": username, "password": PACER_PASSWORD, "court": court})
    return client


def _ask(client: Client, login: str) -> Any:
    return client.post("/ecf/wiwd/password/forgot/", {"login": login})


def test_the_link_page_leads_to_a_real_reset_that_mails_the_address_on_file(demo: None, smtp_inbox: Any) -> None:
    client = _signed_in("asample22", "wiwd")
    link_page = client.get("/ecf/wiwd/utilities/link/")
    assert link_href(link_page, "Forgot your password?") == "/ecf/wiwd/password/forgot/"
    sent = _ask(client, "ASample")
    assert "we are sending an e-mail about it to the address the court has on file" in visible_text(sent)
    assert deliver_pending() == 1
    [mail] = smtp_inbox.messages
    assert mail["X-Envelope-To"] == "asample@example.com"
    assert mail["Subject"] == "Set your CM/ECF password - Wisconsin Western District Court"
    url = link_in(mail.get_payload())

    form = client.get(url, follow=True)
    assert "Choose a new CM/ECF password" in visible_text(form)
    assert url not in form.redirect_chain[-1][0]  # the secret leaves the address bar
    done = client.post("/ecf/wiwd/password/new/", {"password": NEW_PASSWORD, "again": NEW_PASSWORD})
    assert "Your CM/ECF password has been changed" in visible_text(done)
    assert EcfAccount.objects.get(court_id="wiwd", login="asample").check_password(NEW_PASSWORD)

    # Single use: the same link again is refused, and the new password links the account.
    again = Client().get(url)
    assert again.status_code == 410
    assert "This link can no longer be used" in visible_text(again)
    confirm = client.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": NEW_PASSWORD})
    assert "Do you want to link these accounts?" in visible_text(confirm)
    linked = client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)}, follow=True)
    assert "is now linked to your CSO account" in visible_text(linked)
    assert AuditEvent.objects.filter(event="ecf_password.reset_completed", ecf_account__login="asample").exists()


def test_the_answer_is_the_same_for_a_login_that_does_not_exist(demo: None, smtp_inbox: Any) -> None:
    real = visible_text(_ask(Client(), "asample")).replace("asample", "LOGIN")
    missing = visible_text(_ask(Client(), "nosuchlogin")).replace("nosuchlogin", "LOGIN")
    assert real == missing
    assert deliver_pending() == 1  # only the real one gets mail
    assert AuditEvent.objects.filter(event="ecf_password.reset_requested", detail__outcome="no_such_login").count() == 1


def test_the_request_page_sends_nothing_during_the_request(demo: None, smtp_inbox: Any) -> None:
    """Delivery is the worker's: a request that found an account must not take longer than one that did not."""
    _ask(Client(), "asample")
    assert smtp_inbox.messages == []
    assert PasswordReset.objects.filter(ecf_account__login="asample").count() == 1


def test_a_linked_account_gets_an_explanation_not_a_link(demo: None, smtp_inbox: Any) -> None:
    client = _signed_in("asample22", "wiwd")
    confirm = client.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": "wiwd-ecf-sample"})
    client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)})
    deliver_pending()
    smtp_inbox.messages.clear()
    page = _ask(Client(), "asample")
    assert "If asample is a CM/ECF login" in visible_text(page)
    deliver_pending()
    [mail] = smtp_inbox.messages
    body = mail.get_payload()
    assert "No reset link is sent" in body and "its court-issued password has been retired" in body
    assert "/password/reset/" not in body
    assert not PasswordReset.objects.filter(ecf_account__login="asample").exists()


def test_a_link_expires_after_24_hours(demo: None, smtp_inbox: Any) -> None:
    _ask(Client(), "asample")
    deliver_pending()
    url = link_in(smtp_inbox.messages[0].get_payload())
    reset = PasswordReset.objects.get()
    assert reset.expires_at - reset.created_at == timedelta(hours=24)
    PasswordReset.objects.filter(pk=reset.pk).update(
        created_at=timezone.now() - timedelta(hours=25), expires_at=timezone.now() - timedelta(hours=1)
    )
    assert Client().get(url).status_code == 410


def test_a_newer_link_voids_the_older_one_and_weak_passwords_are_refused(demo: None, smtp_inbox: Any) -> None:
    _ask(Client(), "asample")
    _ask(Client(), "asample")
    deliver_pending()
    first, second = (link_in(m.get_payload()) for m in smtp_inbox.messages)
    assert Client().get(first).status_code == 410
    client = Client()
    client.get(second)
    weak = client.post("/ecf/wiwd/password/new/", {"password": "short", "again": "short"})
    assert weak.status_code == 400
    assert "The password must be 14 to 45 characters long." in visible_text(weak)
    personal = client.post(
        "/ecf/wiwd/password/new/", {"password": "Asample-Secret-2026!", "again": "Asample-Secret-2026!"}
    )
    assert "must not contain any part of your name" in visible_text(personal)
    assert EcfAccount.objects.get(court_id="wiwd", login="asample").check_password("wiwd-ecf-sample")
