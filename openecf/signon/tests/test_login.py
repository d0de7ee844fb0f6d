"""The PACER login page branded for each court, Log Out everywhere, help links and error pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import link_href, menu_bar, visible_text
from openecf.audit.models import AuditEvent
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db


def post_login(client: Client, username: str, password: str, court: str = "wiwd", **extra: str) -> Any:
    data = {"username": username, "password": password, "client_code": "", "court": court, **extra}
    return client.post(f"/login/?court={court}", data)


def test_the_court_list_names_every_court(db: None) -> None:
    text = visible_text(Client().get("/"))
    assert "District Court, W.D. Wisconsin" in text
    assert "Court of Appeals for the Eighth Circuit" in text
    assert "205 courts" in text
    assert "Courts of Appeals District Courts" not in text  # each heading has its courts under it
    headings = ["Courts of Appeals", "District Courts", "Bankruptcy Courts", "Special Courts"]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    assert text.index("Court of Appeals for the Second Circuit") < text.index("Court of Appeals for the Tenth Circuit")


def test_anonymous_visitor_is_sent_to_the_login_branded_for_the_court(db: None) -> None:
    client = Client()
    response = client.get("/ecf/wiwb/utilities/")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = visible_text(page)
    assert "Wisconsin Western Bankruptcy Court NextGen Login" in text
    assert "Login Clear Forgot password?" in text  # seed 002: Login and Clear, no Cancel
    assert "NOTICE: This is a restricted government website for official PACER use only." in text


@pytest.mark.parametrize(
    ("label", "heading", "back"),
    [
        ("Forgot password?", "Forgot password?", "Back to the login page"),
        ("Forgot username?", "Forgot username?", "Back to the login page"),
        ("Need an account?", "Register for a PACER account", "Back to the Wisconsin Western District Court Login"),
    ],
)
def test_login_page_links_lead_to_the_pages_that_do_it(db: None, label: str, heading: str, back: str) -> None:
    page = Client().get("/login/?court=wiwd")
    target = Client().get(link_href(page, label))
    assert target.status_code == 200
    assert heading in visible_text(target)
    assert link_href(target, back) == "/login/?court=wiwd"


def test_login_returns_the_filer_to_the_court(demo: None) -> None:
    client = Client()
    response = client.post(
        "/login/?court=wiwd",
        {"username": "asample22", "password": PACER_PASSWORD, "court": "wiwd", "next": "/ecf/wiwd/utilities/"},
    )
    assert response.status_code == 302 and response["Location"] == "/ecf/wiwd/utilities/"
    assert "Utilities" in menu_bar(client.get(response["Location"]))


def test_usernames_ignore_case(demo: None) -> None:
    assert post_login(Client(), "ASample22", PACER_PASSWORD).status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_answer(demo: None) -> None:
    wrong = post_login(Client(), "asample22", "Wrong-Password-123!")
    unknown = post_login(Client(), "nosuchuser", "Wrong-Password-123!")
    assert wrong.status_code == unknown.status_code == 401
    assert visible_text(wrong) == visible_text(unknown)
    assert "Invalid username or password." in visible_text(wrong)
    failures = AuditEvent.objects.filter(event="login.failed").order_by("id")
    assert [e.username for e in failures] == ["asample22", "nosuchuser"]


def test_missing_fields_are_named(db: None) -> None:
    response = Client().post("/login/?court=wiwd", {"username": "", "password": ""})
    text = visible_text(response)
    assert response.status_code == 400
    assert "Enter your PACER username." in text and "Enter your PACER password." in text


def test_client_code_rules(demo: None) -> None:
    bad = post_login(Client(), "asample22", PACER_PASSWORD, client_code="has space,comma")
    assert bad.status_code == 400
    assert "no spaces or commas" in visible_text(bad)
    assert post_login(Client(), "asample22", PACER_PASSWORD, client_code="x" * 33).status_code == 400
    client = Client()
    assert post_login(client, "asample22", PACER_PASSWORD, client_code="matter-17/a.b_c").status_code == 302
    assert AuditEvent.objects.get(event="login.succeeded").detail["client_code"] == "matter-17/a.b_c"
    changed = client.post("/ecf/wiwd/utilities/client-code/", {"client_code": "matter-18"})
    assert "Your client code is now “matter-18”." in visible_text(changed)


def test_inactive_pacer_account_cannot_sign_in(demo: None) -> None:
    from openecf.accounts.models import PacerAccount

    PacerAccount.objects.filter(username="asample22").update(is_active=False)
    assert post_login(Client(), "asample22", PACER_PASSWORD).status_code == 401


def test_login_rotates_the_session(demo: None) -> None:
    client = Client()
    client.get("/login/?court=wiwd")
    client.session.save()
    before = client.session.session_key
    post_login(client, "asample22", PACER_PASSWORD)
    assert client.session.session_key != before


def test_a_web_login_sets_last_login_and_an_api_login_leaves_it(demo: None) -> None:
    from django.utils import timezone

    from openecf.accounts.models import PacerAccount

    account = PacerAccount.objects.get(username="asample22")
    PacerAccount.objects.filter(pk=account.pk).update(last_login=None)
    before = timezone.now()
    assert post_login(Client(), "asample22", PACER_PASSWORD).status_code == 302
    stamped = PacerAccount.objects.get(pk=account.pk).last_login
    assert stamped is not None and before <= stamped <= timezone.now()
    body = {"loginId": "asample22", "password": PACER_PASSWORD}
    assert Client().post("/services/cso-auth", body, content_type="application/json").json()["loginResult"] == "0"
    assert PacerAccount.objects.get(pk=account.pk).last_login == stamped  # as before: only login() stamps it


def test_django_s_last_login_receiver_is_replaced_not_doubled() -> None:
    from django.contrib.auth import user_logged_in
    from django.contrib.auth.models import update_last_login

    from openecf.accounts.last_login import record_last_login

    receivers = [entry[1]() for entry in user_logged_in.receivers]  # (key, weak reference, is_async)
    assert record_last_login in receivers and update_last_login not in receivers


def test_next_cannot_send_the_filer_to_another_site(demo: None) -> None:
    response = Client().post(
        "/login/?court=wiwd",
        {"username": "asample22", "password": PACER_PASSWORD, "court": "wiwd", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/ecf/wiwd/"


def test_forms_are_protected_against_cross_site_requests(demo: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/?court=wiwd", {"username": "asample22", "password": PACER_PASSWORD})
    assert response.status_code == 403
    assert "Your browser must accept cookies" in visible_text(response)


def test_every_court_page_links_log_out_the_way_clients_look_for_it(demo: None) -> None:
    client = Client()
    post_login(client, "asample22", PACER_PASSWORD)
    for path in ["/ecf/wiwd/", "/ecf/wiwd/utilities/", "/ecf/wiwd/utilities/link/", "/ecf/wiwd/menu/query/"]:
        assert "/cgi-bin/login.pl?logout" in client.get(path).content.decode(), path


def test_log_out_ends_the_session_at_every_court(demo: None) -> None:
    client = Client()
    post_login(client, "jattorney", PACER_PASSWORD, court="wied")
    assert client.get("/ecf/alnd/utilities/").status_code == 200
    out = client.get("/ecf/wied/cgi-bin/login.pl?logout", follow=True)
    assert "You have logged out" in visible_text(out)
    assert client.get("/ecf/wied/utilities/").status_code == 302
    assert client.get("/ecf/alnd/utilities/").status_code == 302
    assert "login.pl?logout" not in client.get("/ecf/alnd/").content.decode()  # the landing page, signed out
    assert AuditEvent.objects.filter(event="logout", actor__username="jattorney", court_id="wied").count() == 1


def test_unknown_court_and_page_get_a_clear_404(db: None) -> None:
    for path in ["/ecf/nosuchcourt/", "/courts/nosuchcourt/", "/help/nosuchtopic/", "/nowhere/"]:
        response = Client().get(path)
        assert response.status_code == 404, path
        assert "Page not found" in visible_text(response)


def test_pages_not_built_yet_say_so(demo: None) -> None:
    client = Client()
    post_login(client, "asample22", PACER_PASSWORD)
    utilities = client.get("/ecf/wiwd/utilities/")
    page = client.get(link_href(utilities, "Judgment Index"))
    assert page.status_code == 200
    assert "This function is not yet available in OpenECF." in visible_text(page)


def test_the_demo_names_its_accounts_but_production_does_not(db: None, settings: Any) -> None:
    settings.DEBUG = True
    assert "Every demo PACER account has the password" in visible_text(Client().get("/"))
    settings.DEBUG = False
    assert "demo PACER account" not in visible_text(Client().get("/"))
