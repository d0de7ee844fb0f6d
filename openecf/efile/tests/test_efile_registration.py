"""E-file registration: asked in Manage My Account, decided by the clerk; approved, the filer files there."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from conftest import link_href, menu_bar, visible_text
from openecf.accounts.tests.helpers import body, login, mail_to
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import EcfAccount, Link
from openecf.demo.data import PACER_PASSWORD
from openecf.efile.models import EfileRegistration

pytestmark = pytest.mark.django_db


def _ask(client: Client, court: str = "wiwb", **extra: str) -> Any:
    form = client.get(link_href(client.get("/account/"), "Register to e-file in a court"))
    assert "E-file registration" in visible_text(form)
    data = {"court": court, "role": "attorney", "bar_id": "1012345 (Wisconsin)", "statement": "", **extra}
    return client.post("/account/efile/", data, follow=True)


def test_approved_registration_gives_filing_menus_without_a_legacy_account(demo: None, smtp_inbox: Any) -> None:
    client = Client()
    login(client, "asample22", PACER_PASSWORD, court="wiwb")
    assert "Bankruptcy" not in menu_bar(client.get("/ecf/wiwb/"))
    asked = _ask(client)
    registration = EfileRegistration.objects.get()
    assert f"Your e-file registration (number {registration.pk}) was sent" in visible_text(asked)
    assert "Waiting for the clerk" in visible_text(asked)
    assert "received" in str(mail_to(smtp_inbox, "asample@example.com", "E-file registration received")["Subject"])

    out = StringIO()
    call_command("decide_efile_registration", str(registration.pk), "approve", "--note", "Welcome", stdout=out)
    assert "approved: asample22 at wiwb, CM/ECF login asample22 linked" in out.getvalue()
    home = client.get("/ecf/wiwb/")
    assert menu_bar(home)[:2] == ["Bankruptcy", "Adversary"]
    mail = mail_to(smtp_inbox, "asample@example.com", "approved")
    assert "Note from the clerk: Welcome" in body(mail)
    ecf = EcfAccount.objects.get(court_id="wiwb", login="asample22")
    assert not ecf.check_password("") and ecf.password.startswith("!")  # never an old court login
    assert Link.objects.get(ecf_account=ecf).pacer_account.username == "asample22"
    events = list(AuditEvent.objects.filter(court_id="wiwb").values_list("event", flat=True))
    assert events[-3:] == ["efile_registration.requested", "ecf_account.created", "efile_registration.approved"]
    assert "asample22 (Attorney Sample)" in visible_text(client.get("/account/"))  # among the linked courts


def test_denied_registration_says_why_and_grants_nothing(demo: None, smtp_inbox: Any) -> None:
    client = Client()
    login(client, "asample22", PACER_PASSWORD)
    _ask(client)
    registration = EfileRegistration.objects.get()
    with pytest.raises(CommandError, match="Give the filer a reason"):
        call_command("decide_efile_registration", str(registration.pk), "deny")
    call_command(
        "decide_efile_registration", str(registration.pk), "deny", "--note", "Not admitted here", stdout=StringIO()
    )
    assert "Reason: Not admitted here" in body(mail_to(smtp_inbox, "asample@example.com", "denied"))
    assert "Denied" in visible_text(client.get("/account/")) and not Link.objects.filter(court_id="wiwb").exists()
    with pytest.raises(CommandError, match="was already denied"):
        call_command("decide_efile_registration", str(registration.pk), "approve")


def test_one_pending_request_per_court_and_none_where_already_linked(demo: None) -> None:
    client = Client()
    login(client, "asample22", PACER_PASSWORD)
    _ask(client)
    again = _ask(client)
    assert "You have already asked the Wisconsin Western Bankruptcy Court" in visible_text(again)
    assert EfileRegistration.objects.count() == 1
    attorney = Client()
    login(attorney, "jattorney", PACER_PASSWORD, court="wied")
    from conftest import form_nonce

    confirm = attorney.post("/ecf/wied/utilities/link/", {"login": "cs5184", "password": "wied-ecf-5184"})
    attorney.post("/ecf/wied/utilities/link/confirm/", {"nonce": form_nonce(confirm)})
    linked = _ask(attorney, court="wied")
    assert "Your PACER account can already file in the Wisconsin Eastern District Court" in visible_text(linked)


def test_attorneys_give_a_bar_number_and_courts_must_be_live(demo: None) -> None:
    client = Client()
    login(client, "asample22", PACER_PASSWORD)
    no_bar = _ask(client, bar_id="")
    assert "An attorney filer gives a bar number" in visible_text(no_bar)
    not_live = _ask(client, court="nysd")
    assert "Choose a court that is live on NextGen CM/ECF." in visible_text(not_live)
    assert not EfileRegistration.objects.exists()


def test_a_legacy_account_is_sent_to_the_upgrade(demo: None) -> None:
    client = Client()
    login(client, "jdoe01", PACER_PASSWORD)
    page = client.get("/account/efile/")
    assert page.status_code == 403
    assert "Upgrade it before you register to e-file." in visible_text(page)
    assert link_href(page, "Upgrading Your PACER Account") == "/account/upgrade/"


def test_approval_is_refused_when_the_filer_linked_at_the_court_since_asking(demo: None) -> None:
    client = Client()
    login(client, "asample22", PACER_PASSWORD, court="wiwd")
    _ask(client, court="wiwd")
    registration = EfileRegistration.objects.get()
    from conftest import form_nonce

    confirm = client.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": "wiwd-ecf-sample"})
    client.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)})
    accounts = EcfAccount.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("decide_efile_registration", str(registration.pk), "approve")

    assert str(refused.value) == (
        "asample22 has linked a CM/ECF account at wiwd since asking; deny this request. Nothing was changed."
    )
    assert EcfAccount.objects.count() == accounts and Link.objects.get().ecf_account.login == "asample"
    assert EfileRegistration.objects.get().status == "pending"


def test_approval_is_refused_when_the_court_moved_its_go_live_since_asking(demo: None) -> None:
    # The approval makes a link, so the link's own rules (cmecf's link_precondition) hold for it too.
    from datetime import timedelta

    from conftest import TEST_ORIGIN
    from openecf.courts.models import Court
    from openecf.courts.services import set_nextgen_date

    client = Client()
    login(client, "asample22", PACER_PASSWORD)
    _ask(client)
    registration = EfileRegistration.objects.get()
    wiwb = Court.objects.get(pk="wiwb")
    set_nextgen_date(court=wiwb, go_live=wiwb.local_date() + timedelta(days=30), origin=TEST_ORIGIN)

    with pytest.raises(CommandError) as refused:
        call_command("decide_efile_registration", str(registration.pk), "approve")

    assert str(refused.value) == (
        "asample22 cannot be given a linked CM/ECF account at wiwb now: Court not yet live on NextGen. "
        "Deny this request. Nothing was changed."
    )
    assert not EcfAccount.objects.filter(court_id="wiwb", login="asample22").exists() and not Link.objects.exists()
    events = list(AuditEvent.objects.filter(court_id="wiwb").values_list("event", flat=True))
    assert events[-2:] == ["efile_registration.requested", "court.nextgen_date_set"]


def test_unknown_registration_number_exits_with_status_2(db: None) -> None:
    with pytest.raises(CommandError, match="no e-file registration number 999") as error:
        call_command("decide_efile_registration", "999", "approve")
    assert error.value.returncode == 2


def test_the_admin_site_approves_with_an_action(demo: None, settings: Any) -> None:
    from conftest import code_at, enrol_app
    from openecf.accounts.models import PacerAccount

    settings.OPENECF_ADMIN = True
    client = Client()
    login(client, "asample22", PACER_PASSWORD)
    _ask(client)
    registration = EfileRegistration.objects.get()
    admin = PacerAccount.objects.create_superuser("clerk-admin", "Clerk-Admin-Secret-1!", name="Clerk", email="c@x.org")
    phone = enrol_app(admin)
    clerk = Client()
    clerk.post("/admin/login/", {"username": "clerk-admin", "password": "Clerk-Admin-Secret-1!"})
    assert clerk.post("/admin/login/code/", {"code": code_at(phone)})["Location"] == "/admin/"
    done = clerk.post(
        "/admin/efile/efileregistration/",
        {"action": "approve", "_selected_action": [str(registration.pk)]},
        follow=True,
    )
    assert f"Registration {registration.pk}: approved." in visible_text(done)
    registration.refresh_from_db()
    assert (registration.status, registration.decided_by) == ("approved", "clerk-admin")
