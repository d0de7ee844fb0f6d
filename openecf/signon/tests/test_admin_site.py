"""The operators' admin site: off unless OPENECF_ADMIN=1; when on, a staff account with its app, through the
sign-in machine (throttled, audited), in a session of its own that is no PACER session."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, code_at, enrol_app, make_pacer, pacer_login, visible_text
from openecf.accounts.models import PacerAccount
from openecf.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def make_staff(username: str = "operator1", *, app: bool = True) -> tuple[PacerAccount, Any]:
    account = make_pacer(username, "Olive Operator")
    PacerAccount.objects.filter(pk=account.pk).update(is_staff=True, is_superuser=True)
    return account, enrol_app(account) if app else None


def admin_password(client: Client, username: str = "operator1", password: str = PACER_PASSWORD) -> Any:
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


@pytest.fixture
def admin_on(settings: Any) -> None:
    settings.OPENECF_ADMIN = True


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/login/code/", "/admin/audit/auditevent/"])
def test_the_admin_site_is_not_there_unless_switched_on(path: str) -> None:
    _staff, phone = make_staff()
    anonymous = Client()
    assert anonymous.get(path).status_code == 404
    assert anonymous.post(path, {"username": "operator1", "password": PACER_PASSWORD}).status_code == 404
    pacer = Client()
    pacer_login(pacer, "operator1")
    pacer.post("/login/code/", {"code": code_at(phone)})
    assert pacer.get(path).status_code == 404


def test_a_password_alone_does_not_open_the_admin_site(admin_on: None) -> None:
    """Finding: /admin/ signed in with a password alone (no throttle, no audit, no MFA)."""
    make_staff()
    client = Client()
    response = admin_password(client)
    assert response.status_code == 302 and response["Location"] == "/admin/login/code/"
    index = client.get("/admin/")
    assert index.status_code == 302 and index["Location"] == "/admin/login/?next=/admin/"


def test_staff_sign_in_with_the_app_and_the_session_is_no_pacer_session(admin_on: None) -> None:
    staff, phone = make_staff()
    client = Client()
    admin_password(client)
    done = client.post("/admin/login/code/", {"code": code_at(phone)})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    index = client.get("/admin/")
    assert index.status_code == 200 and "Site administration" in index.content.decode()
    # No PACER session, no token: Manage My Account and the courts still ask for the PACER login.
    assert client.get("/account/").status_code == 302
    assert "NextGenCSO" not in client.cookies
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.get(event="admin_login.succeeded").actor_id == staff.pk
    assert AuditEvent.objects.filter(event="signin.step_passed", detail__profile="admin").count() == 1


def test_a_pacer_session_of_a_staff_account_does_not_open_the_admin_site(admin_on: None) -> None:
    _staff, phone = make_staff()
    client = Client()
    pacer_login(client, "operator1")
    assert client.post("/login/code/", {"code": code_at(phone)}).status_code == 302
    assert client.get("/account/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=/admin/"


def test_an_account_that_is_not_staff_fails_as_a_wrong_password_does(admin_on: None) -> None:
    make_pacer("notstaff1", "Nora Filer")
    enrol_app(PacerAccount.objects.get(username="notstaff1"))
    right = admin_password(Client(), "notstaff1")
    wrong = admin_password(Client(), "notstaff1", "Wrong-Password-42!")
    assert right.status_code == wrong.status_code == 401
    assert "Invalid username or password." in visible_text(right)
    assert visible_text(right) == visible_text(wrong)
    assert list(AuditEvent.objects.filter(event="admin_login.failed").values_list("detail__reason", flat=True)) == [
        "not_admitted",
        None,
    ]


def test_staff_without_an_app_cannot_get_in(admin_on: None) -> None:
    make_staff(app=False)
    response = admin_password(Client())
    assert response.status_code == 403
    assert "needs an authenticator app" in response.content.decode()
    assert AuditEvent.objects.get(event="admin_login.failed").detail["reason"] == "no_authenticator"


def test_admin_password_guesses_are_throttled(admin_on: None) -> None:
    make_staff()
    client = Client()
    statuses = [admin_password(client, password=f"Wrong-Guess-{n}!").status_code for n in range(8)]
    assert statuses == [401] * 6 + [429] * 2
    assert admin_password(client).status_code == 429


def test_signing_out_of_the_admin_site_ends_its_session(admin_on: None) -> None:
    _staff, phone = make_staff()
    client = Client()
    admin_password(client)
    client.post("/admin/login/code/", {"code": code_at(phone)})
    assert client.get("/admin/").status_code == 200
    assert client.post("/admin/logout/")["Location"] == "/admin/login/"
    assert client.get("/admin/").status_code == 302
    assert AuditEvent.objects.filter(event="admin_logout").count() == 1
