"""The confirmation step is bound to its session, PACER account, court and CM/ECF account, and used once."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import form_nonce, visible_text
from openecf.audit.models import AuditEvent
from openecf.cmecf.models import Link
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db

NO_LONGER_VALID = "This confirmation is no longer valid"


def _signed_in(court: str, username: str = "jattorney") -> Client:
    client = Client()
    data = {"username": username, "password": PACER_PASSWORD, "client_code": "", "court": court}
    assert client.post(f"/login/?court={court}", data).status_code == 302
    return client


def _confirmation(client: Client, court: str, login: str, password: str) -> str:
    return form_nonce(client.post(f"/ecf/{court}/utilities/link/", {"login": login, "password": password}))


def _refusal_why() -> list[str]:
    return [e.detail.get("why", "") for e in AuditEvent.objects.filter(event="link.refused").order_by("id")]


def test_a_replay_from_another_session_of_the_same_account_is_refused_and_audited(demo: None) -> None:
    mine, other = _signed_in("wied"), _signed_in("wied")
    nonce = _confirmation(mine, "wied", "cs5184", "wied-ecf-5184")
    replay = other.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert NO_LONGER_VALID in visible_text(replay)
    assert not Link.objects.exists()
    assert _refusal_why() == ["not_this_session"]


def test_a_confirmation_made_at_one_court_does_not_link_at_another(demo: None) -> None:
    client = _signed_in("wied")
    nonce = _confirmation(client, "wied", "cs5184", "wied-ecf-5184")
    client.get("/ecf/alnd/")  # the same central session is signed in at every court
    elsewhere = client.post("/ecf/alnd/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert NO_LONGER_VALID in visible_text(elsewhere)
    assert not Link.objects.exists()
    assert _refusal_why() == ["other_court"]


def test_a_used_confirmation_shows_its_link_but_never_makes_another(demo: None) -> None:
    client = _signed_in("wied")
    nonce = _confirmation(client, "wied", "cs5184", "wied-ecf-5184")
    client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce})
    assert client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}).status_code == 302  # same result
    Link.objects.all().delete()  # a clerk undoes the link (a correction)
    again = client.post("/ecf/wied/utilities/link/confirm/", {"nonce": nonce}, follow=True)
    assert NO_LONGER_VALID in visible_text(again)
    assert not Link.objects.exists()
    assert _refusal_why() == ["already_used"]
