"""Adding and removing authenticator apps from the account page, with the e-mailed code and real SMTP."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from django.test import Client

from conftest import code_at, enrol_app, make_filer, make_pacer, pacer_login, visible_text
from openecf.audit.models import AuditEvent
from openecf.mfa.models import Authenticator, BackupCode
from openecf.notices.services import deliver_pending

pytestmark = pytest.mark.django_db


def emailed_code(inbox: Any) -> str:
    deliver_pending()
    mail = inbox.messages[-1]
    assert mail["Subject"] == "Your PACER verification code"
    match = re.search(r"^\s+(\d{6})\s*$", mail.get_payload(), re.M)
    assert match, mail.get_payload()
    return match.group(1)


def add_app(client: Client, inbox: Any, name: str = "Work phone") -> tuple[Any, pyotp.TOTP]:
    """Walk the two steps as a person does; returns the final page and the 'phone'."""
    page = client.post("/account/mfa/add/", {"action": "send"})
    assert "We sent a code to" in visible_text(page)
    step2 = client.post("/account/mfa/add/", {"action": "check", "email_code": emailed_code(inbox)}, follow=True)
    text = visible_text(step2)
    assert "Step 2 of 2" in text
    secret = re.search(r'<code class="secret"[^>]*>([A-Z2-7]+)</code>', step2.content.decode())
    assert secret, "the setup key is shown for those who cannot scan"
    assert 'src="data:image/svg+xml;base64,' in step2.content.decode()
    phone = pyotp.TOTP(secret.group(1))
    done = client.post("/account/mfa/add/", {"action": "confirm", "name": name, "code": phone.now()})
    return done, phone


def test_adding_the_first_app_shows_ten_backup_codes_once_and_announces_it(smtp_inbox: Any) -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1")
    done, _phone = add_app(client, smtp_inbox)
    assert done.status_code == 200
    assert "Your authenticator app was added" in visible_text(done)
    codes = re.findall(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert BackupCode.objects.filter(account=account).count() == 10
    assert not any(code in str(list(BackupCode.objects.values_list("digest", flat=True))) for code in codes)
    deliver_pending()
    assert smtp_inbox.messages[-1]["Subject"] == "An authenticator app was added to your PACER account"
    assert '"Work phone"' in smtp_inbox.messages[-1].get_payload()
    assert AuditEvent.objects.filter(event="mfa.enrolled", actor=account).count() == 1
    overview = client.get("/account/mfa/")
    assert "Work phone" in visible_text(overview) and "Backup codes left: 10" in visible_text(overview)


def test_a_wrong_emailed_code_does_not_open_step_two(smtp_inbox: Any) -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1")
    client.post("/account/mfa/add/", {"action": "send"})
    real = emailed_code(smtp_inbox)
    wrong = "000000" if real != "000000" else "111111"
    refused = client.post("/account/mfa/add/", {"action": "check", "email_code": wrong})
    assert refused.status_code == 400
    assert "That code is not valid or has expired" in visible_text(refused)
    assert "Step 1 of 2" in visible_text(client.get("/account/mfa/add/"))


def test_a_wrong_first_code_from_the_app_is_refused(smtp_inbox: Any) -> None:
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1")
    client.post("/account/mfa/add/", {"action": "send"})
    client.post("/account/mfa/add/", {"action": "check", "email_code": emailed_code(smtp_inbox)})
    refused = client.post("/account/mfa/add/", {"action": "confirm", "name": "Phone", "code": "12345"})
    assert refused.status_code == 400
    assert "That code does not match" in visible_text(refused)
    assert not Authenticator.objects.exists()


def test_at_most_five_apps(smtp_inbox: Any) -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    for number in range(5):
        enrol_app(account, name=f"App {number}")
    client = Client()
    pacer_login(client, "researcher1")
    client.post("/login/code/", {"code": code_at(pyotp.TOTP(Authenticator.objects.first().secret))})  # type: ignore[union-attr]
    full = client.get("/account/mfa/add/")
    assert full.status_code == 409
    assert "You already have 5 authenticator apps" in visible_text(full)


def test_removing_an_app_needs_a_fresh_code(smtp_inbox: Any) -> None:
    account = make_pacer("researcher1", "Rita Searcher")
    phone = enrol_app(account, name="Old phone")
    client = Client()
    pacer_login(client, "researcher1")
    client.post("/login/code/", {"code": code_at(phone)})
    app = Authenticator.objects.get()
    used = client.post(f"/account/mfa/{app.pk}/remove/", {"code": code_at(phone)})  # already used at login
    assert used.status_code == 400 and Authenticator.objects.exists()
    removed = client.post(f"/account/mfa/{app.pk}/remove/", {"code": code_at(phone, +1)})
    assert removed.status_code == 302
    assert not Authenticator.objects.exists()
    deliver_pending()
    assert smtp_inbox.messages[-1]["Subject"] == "An authenticator app was removed from your PACER account"
    assert AuditEvent.objects.filter(event="mfa.removed").count() == 1


def test_a_filer_cannot_remove_the_last_app(smtp_inbox: Any) -> None:
    account = make_filer("filer0001", "Fay Filer")
    phone = enrol_app(account)
    client = Client()
    pacer_login(client, "filer0001")
    client.post("/login/code/", {"code": code_at(phone)})
    client.post("/login/redaction/", {"accept": "on"})
    app = Authenticator.objects.get()
    refused = client.post(f"/account/mfa/{app.pk}/remove/", {"code": code_at(phone, +1)})
    assert refused.status_code == 400
    assert "must keep at least one authenticator app" in visible_text(refused)
    assert Authenticator.objects.exists()


def test_someone_elses_app_cannot_be_removed(smtp_inbox: Any) -> None:
    other = make_pacer("otheruser", "Otto User")
    enrol_app(other)
    make_pacer("researcher1", "Rita Searcher")
    client = Client()
    pacer_login(client, "researcher1")
    app = Authenticator.objects.get(account=other)
    assert client.post(f"/account/mfa/{app.pk}/remove/", {"code": "000000"}).status_code == 404
    assert Authenticator.objects.filter(account=other).exists()


def test_a_blocked_filer_enrols_during_login_and_the_login_completes(smtp_inbox: Any, settings: Any) -> None:
    settings.OPENECF_MFA_SKIPS = 0
    make_filer("filer0001", "Fay Filer")
    client = Client()
    assert pacer_login(client, "filer0001", court="wiwd")["Location"] == "/login/mfa-required/"
    assert client.get("/account/mfa/add/").status_code == 200
    done, _phone = add_app(client, smtp_inbox)
    assert "Continue to log in" in visible_text(done)
    assert client.post("/login/continue/")["Location"] == "/login/redaction/"
    assert client.post("/login/redaction/", {"accept": "on"})["Location"] == "/ecf/wiwd/"
    assert b"/cgi-bin/login.pl?logout" in client.get("/ecf/wiwd/").content


def test_the_mfa_pages_need_a_login() -> None:
    response = Client().get("/account/mfa/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
