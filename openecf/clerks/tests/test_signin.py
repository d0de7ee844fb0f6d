"""The desk's own sign-in: password, then an authenticator app code; no skips; apart from the PACER login."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import PACER_PASSWORD, code_at, make_pacer, visible_text
from openecf.audit.models import AuditEvent
from openecf.clerks.tests.conftest import desk_client, make_clerk

pytestmark = pytest.mark.django_db


def test_a_clerk_signs_in_with_password_then_app_code(demo: None) -> None:
    clerk, totp = make_clerk("claraclerk", "Clara Clerk", "wiwd")
    client = Client()
    step = client.post(
        "/clerk/login/?next=/clerk/wiwd/accounts/",
        {"username": "ClaraClerk", "password": PACER_PASSWORD, "next": "/clerk/wiwd/accounts/"},
    )
    assert step["Location"] == "/clerk/login/code/"
    assert client.get("/clerk/wiwd/").status_code == 302  # the password alone opens nothing
    done = client.post("/clerk/login/code/", {"code": code_at(totp)})
    assert done["Location"] == "/clerk/wiwd/accounts/"
    page = client.get("/clerk/wiwd/")
    assert "Signed in as Clara Clerk (claraclerk)" in visible_text(page)
    assert AuditEvent.objects.filter(event="clerk_login.succeeded", actor=clerk, detail__mfa="totp").exists()


def test_a_clerk_without_an_authenticator_app_cannot_get_in_and_is_told_how_to_add_one(demo: None) -> None:
    clerk = make_pacer("newclerk1", "Nora Newclerk")
    from conftest import TEST_ORIGIN
    from openecf.clerks.services import grant_membership
    from openecf.courts.models import Court

    grant_membership(account=clerk, courts=[Court.objects.get(pk="wiwd")], origin=TEST_ORIGIN)
    client = Client()
    refused = client.post("/clerk/login/", {"username": "newclerk1", "password": PACER_PASSWORD})
    assert refused.status_code == 403
    assert "There is no way to skip this." in visible_text(refused)
    assert "/login/?next=/account/mfa/add/" in refused.content.decode()
    assert client.get("/clerk/wiwd/").status_code == 302
    assert AuditEvent.objects.filter(
        event="clerk_login.failed", actor=clerk, detail__reason="no_authenticator"
    ).exists()


def test_a_pacer_account_that_is_not_a_clerk_fails_like_a_wrong_password(demo: None) -> None:
    not_clerk = Client().post("/clerk/login/", {"username": "jattorney", "password": "Central-SignOn-2026!"})
    wrong = Client().post("/clerk/login/", {"username": "jattorney", "password": "wrong-password"})
    assert not_clerk.status_code == wrong.status_code == 401
    assert visible_text(not_clerk) == visible_text(wrong)
    assert "Invalid username or password." in visible_text(wrong)


def test_five_wrong_codes_send_the_clerk_back_to_the_password(demo: None) -> None:
    clerk, totp = make_clerk("claraclerk", "Clara Clerk", "wiwd")
    client = Client()
    client.post("/clerk/login/", {"username": "claraclerk", "password": PACER_PASSWORD})
    for _ in range(4):
        assert client.post("/clerk/login/code/", {"code": "000000"}).status_code == 401
    last = client.post("/clerk/login/code/", {"code": "000000"})
    assert last["Location"] == "/clerk/login/?expired=1"
    assert client.post("/clerk/login/code/", {"code": code_at(totp)})["Location"] == "/clerk/login/?expired=1"
    assert AuditEvent.objects.filter(event="mfa.failed", actor=clerk, detail__where="clerk-login").count() == 5


def test_the_desk_session_is_not_a_pacer_login_and_signing_out_ends_it(demo: None) -> None:
    client = desk_client(*make_clerk("claraclerk", "Clara Clerk", "wiwd"))
    court_site = client.get("/ecf/wiwd/utilities/")
    assert court_site.status_code == 302 and court_site["Location"].startswith("/login/")
    client.post("/clerk/logout/")
    assert client.get("/clerk/wiwd/")["Location"].startswith("/clerk/login/")
    assert AuditEvent.objects.filter(event="clerk_logout", actor__username="claraclerk").exists()


def test_a_password_change_ends_the_desk_session(demo: None) -> None:
    clerk, totp = make_clerk("claraclerk", "Clara Clerk", "wiwd")
    client = desk_client(clerk, totp)
    clerk.set_password("Another-Long-Secret-99!")
    clerk.save()
    assert client.get("/clerk/wiwd/")["Location"].startswith("/clerk/login/")


def test_a_clerk_of_two_courts_chooses_the_court(demo: None) -> None:
    client = desk_client(*make_clerk("twocourts", "Tess Twocourts", "wiwd", "wiwb"))
    home = visible_text(client.get("/clerk/"))
    assert "Your courts" in home and "(wiwb)" in home and "(wiwd)" in home and "(alnd)" not in home
    one = desk_client(*make_clerk("onecourt1", "Olga Onecourt", "wiwd"))
    assert one.get("/clerk/")["Location"] == "/clerk/wiwd/"
