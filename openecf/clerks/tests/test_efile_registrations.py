"""E-file registration requests on the desk: the court's clerk approves (the filer files at once) or denies."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import menu_bar, visible_text
from openecf.accounts.tests.helpers import body, login, mail_to
from openecf.audit.models import AuditEvent
from openecf.clerks.tests.conftest import desk_client, make_clerk
from openecf.cmecf.models import EcfAccount, Link
from openecf.demo.data import PACER_PASSWORD
from openecf.efile.models import EfileRegistration
from openecf.notices.models import OutboxMessage
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db


def _filer_asks(court: str = "wiwd") -> tuple[Client, EfileRegistration]:
    """John Public, who has no CM/ECF account at the court, asks it for filing rights in Manage My Account."""
    filer = Client()
    login(filer, "jpublic01", PACER_PASSWORD, court=court)
    asked = filer.post(
        "/account/efile/",
        {"court": court, "role": "attorney", "bar_id": "1098765 (Wisconsin)", "statement": "For Public & Co."},
        follow=True,
    )
    assert "Waiting for the clerk" in visible_text(asked), visible_text(asked)
    return filer, EfileRegistration.objects.get(account__username="jpublic01", court_id=court)


def test_a_wiwd_clerk_approves_and_the_filer_files_at_wiwd(clara: Client, smtp_inbox: Any) -> None:
    filer, registration = _filer_asks()
    assert "Civil" not in menu_bar(filer.get("/ecf/wiwd/"))
    dashboard = visible_text(clara.get("/clerk/wiwd/"))
    assert "1 e-file registration request from PACER users waits for a decision" in dashboard
    listing = clara.get("/clerk/wiwd/efile/")
    assert "John Public" in visible_text(listing) and "Attorney filer" in visible_text(listing)

    page = clara.get(f"/clerk/wiwd/efile/{registration.pk}/")
    assert "1098765 (Wisconsin)" in visible_text(page) and "For Public & Co." in visible_text(page)
    assert "A note is required to deny" in visible_text(page)
    done = clara.post(
        f"/clerk/wiwd/efile/{registration.pk}/", {"decision": "approve", "note": "Welcome to wiwd."}, follow=True
    )
    assert "Approved: John Public can now file at this court with the PACER account jpublic01" in visible_text(done)

    assert menu_bar(filer.get("/ecf/wiwd/"))[:2] == ["Civil", "Criminal"]
    mail = mail_to(smtp_inbox, "jpublic@example.com", "E-file registration approved")
    assert "Note from the clerk: Welcome to wiwd." in body(mail)
    registration.refresh_from_db()
    assert (registration.status, registration.decided_by) == ("approved", "claraclerk")
    link = Link.objects.get(court_id="wiwd", pacer_account__username="jpublic01")
    assert link.ecf_account == registration.ecf_account
    approved = AuditEvent.objects.get(event="efile_registration.approved")
    assert approved.actor is not None and approved.actor.username == "claraclerk"
    assert approved.detail["pacer_username"] == "jpublic01"
    assert "No e-file registration requests are waiting" in visible_text(clara.get("/clerk/wiwd/"))
    assert "claraclerk" in visible_text(clara.get("/clerk/wiwd/efile/"))  # among the recently decided


def test_denying_needs_a_note_and_the_filer_gets_it(clara: Client, smtp_inbox: Any) -> None:
    filer, registration = _filer_asks()
    deliver_pending()
    without = clara.post(f"/clerk/wiwd/efile/{registration.pk}/", {"decision": "deny", "note": "  "})
    assert without.status_code == 400
    assert "A note is required to deny: tell the filer why." in visible_text(without)
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert not OutboxMessage.objects.filter(kind="efile_registration.denied").exists()

    denied = clara.post(
        f"/clerk/wiwd/efile/{registration.pk}/",
        {"decision": "deny", "note": "Not admitted to the bar of this court."},
        follow=True,
    )
    assert "Denied: John Public was e-mailed your note." in visible_text(denied)
    mail = mail_to(smtp_inbox, "jpublic@example.com", "E-file registration denied")
    assert "Reason: Not admitted to the bar of this court." in body(mail)
    assert "Civil" not in menu_bar(filer.get("/ecf/wiwd/"))
    assert not Link.objects.filter(court_id="wiwd", pacer_account__username="jpublic01").exists()


def test_a_clerk_of_another_court_cannot_see_or_decide_it(demo: None) -> None:
    _filer, registration = _filer_asks()
    alnd_clerk = desk_client(*make_clerk("alndclerk1", "Alma Clerk", "alnd"))
    assert "John Public" not in visible_text(alnd_clerk.get("/clerk/alnd/efile/"))
    assert "waits for a decision" not in visible_text(alnd_clerk.get("/clerk/alnd/"))
    for url in (f"/clerk/alnd/efile/{registration.pk}/", f"/clerk/wiwd/efile/{registration.pk}/"):
        assert alnd_clerk.get(url).status_code == 404
        assert alnd_clerk.post(url, {"decision": "approve", "note": ""}).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert not EcfAccount.objects.filter(court_id="wiwd", efile_registration__isnull=False).exists()


def test_approve_pressed_twice_decides_once(clara: Client, smtp_inbox: Any) -> None:
    _filer, registration = _filer_asks()
    url = f"/clerk/wiwd/efile/{registration.pk}/"
    first = clara.post(url, {"decision": "approve", "note": ""})
    second = clara.post(url, {"decision": "approve", "note": ""})
    assert first.status_code == 302
    assert second.status_code == 400
    assert f"E-file registration {registration.pk} was already approved" in visible_text(second)
    assert b'value="approve"' not in second.content  # decided: no buttons any more
    assert EcfAccount.objects.filter(court_id="wiwd", efile_registration=registration).count() == 1
    assert AuditEvent.objects.filter(event="efile_registration.approved").count() == 1
    deliver_pending()
    approvals = [m for m in smtp_inbox.messages if "approved" in str(m["Subject"])]
    assert len(approvals) == 1
