"""Sessions: a login still leaves any earlier session key worthless, with fewer round trips than Django's own."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import make_pacer, pacer_login
from openecf.core import sessions
from openecf.core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _session_sql(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"].split(" (")[0] for q in queries.captured_queries if '"django_session"' in q["sql"]]


def test_a_login_leaves_a_planted_session_key_worthless() -> None:
    make_pacer("jattorney", "John Attorney")
    planted = SessionStore()
    planted["openecf.planted"] = "by someone else"
    planted.save()
    assert planted.session_key is not None
    victim = Client()
    victim.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert pacer_login(victim, "jattorney").status_code == 302
    new_key = victim.cookies[settings.SESSION_COOKIE_NAME].value
    assert new_key != planted.session_key
    assert not Session.objects.filter(session_key=planted.session_key).exists()
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert attacker.get("/ecf/wiwd/utilities/").status_code == 302  # to the login page: the key opens nothing
    for name in ("NextGenCSO", "PacerSession"):
        del victim.cookies[name]  # the session alone, not the token cookies, signs the victim in
    assert victim.get("/ecf/wiwd/utilities/").status_code == 200


def test_cycling_the_key_writes_the_new_session_once_with_the_response() -> None:
    session = SessionStore()
    session["before"] = 1
    session.save()
    old_key = session.session_key
    with CaptureQueriesContext(connection) as queries:
        session.cycle_key()
        session["after"] = 2
        session.save()
    assert [sql.split(" WHERE")[0] for sql in _session_sql(queries)] == [
        'DELETE FROM "django_session"',
        'INSERT INTO "django_session"',
    ]
    assert session.session_key not in (None, old_key)
    assert SessionStore(session.session_key).load() == {"before": 1, "after": 2}


def test_a_new_key_that_is_taken_after_all_is_replaced_not_overwritten(monkeypatch: Any) -> None:
    existing = SessionStore()
    existing["owner"] = "someone"
    existing.save()
    keys = iter([existing.session_key, "z" * 32])
    monkeypatch.setattr(sessions, "random_string", lambda length, chars: next(keys))
    fresh = SessionStore()
    fresh["owner"] = "me"
    fresh.save()
    assert fresh.session_key == "z" * 32
    assert SessionStore(existing.session_key).load() == {"owner": "someone"}
