"""The audit log: what sign-in, sign-out and linking record, how an operator reads it, and that it is append-only."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import ProtectedError
from django.test import Client
from django.utils import timezone

from conftest import TEST_ORIGIN, form_nonce
from openecf.accounts.models import PacerAccount
from openecf.audit import services as audit
from openecf.audit.events import Event
from openecf.audit.models import AppendOnlyError, AuditEvent
from openecf.cmecf.models import EcfAccount, Link
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db

IP = "203.0.113.9"
AGENT = "AuditTest/1.0 (X11; Linux x86_64)"
LOGIN_URL = "/login/?court=wied"
LINK_URL = "/ecf/wied/utilities/link/"
CONFIRM_URL = "/ecf/wied/utilities/link/confirm/"
LOGOUT_URL = "/ecf/wied/cgi-bin/login.pl?logout"


def _client() -> Client:
    return Client(HTTP_USER_AGENT=AGENT, REMOTE_ADDR=IP)


def _login(client: Client, username: str = "jattorney", password: str = PACER_PASSWORD, code: str = "") -> int:
    response = client.post(
        LOGIN_URL, {"username": username, "password": password, "client_code": code, "court": "wied"}
    )
    return response.status_code


def _new_events(after_id: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(id__gt=after_id).order_by("id"))


def _last_id() -> int:
    last = AuditEvent.objects.order_by("-id").first()
    return last.id if last else 0


def _assert_from_the_browser(event: AuditEvent, start: datetime, end: datetime) -> None:
    assert start <= event.occurred_at <= end, event.event
    assert event.ip_address == IP, event.event
    assert event.user_agent == AGENT, event.event
    assert event.court_id == "wied", event.event


def _events_of(event: str, after_id: int) -> list[AuditEvent]:
    return [e for e in _new_events(after_id) if e.event == event]


# --- sign-in and sign-out ---------------------------------------------------------------------------------------


def test_a_successful_login_is_audited(demo: None) -> None:
    client = _client()
    mark, start = _last_id(), timezone.now()
    assert _login(client, code="matter-42") == 302
    end = timezone.now()
    [event] = _new_events(mark)
    assert event.event == "login.succeeded"
    _assert_from_the_browser(event, start, end)
    assert event.actor == PacerAccount.objects.get(username="jattorney")
    assert event.username == "jattorney"
    assert event.detail["client_code"] == "matter-42"


def test_a_wrong_password_is_audited_as_a_failed_login(demo: None) -> None:
    client = _client()
    mark, start = _last_id(), timezone.now()
    assert _login(client, password="Not-The-Password-1!") == 401
    end = timezone.now()
    [event] = _new_events(mark)
    assert event.event == "login.failed"
    _assert_from_the_browser(event, start, end)
    assert event.username == "jattorney"
    assert event.actor is None  # never signed in
    assert "Not-The-Password-1!" not in json.dumps(event.detail)


def test_an_unknown_username_is_audited_as_typed(demo: None) -> None:
    client = _client()
    mark, start = _last_id(), timezone.now()
    assert _login(client, username="nobody-here") == 401
    end = timezone.now()
    [event] = _new_events(mark)
    assert event.event == "login.failed"
    _assert_from_the_browser(event, start, end)
    assert event.username == "nobody-here"
    assert event.actor is None


def test_logout_is_audited_with_who_logged_out(demo: None) -> None:
    client = _client()
    assert _login(client) == 302
    mark, start = _last_id(), timezone.now()
    response = client.get(LOGOUT_URL)
    end = timezone.now()
    assert response.status_code == 302
    [event] = _new_events(mark)
    assert event.event == "logout"
    _assert_from_the_browser(event, start, end)
    assert event.actor == PacerAccount.objects.get(username="jattorney")
    assert event.username == "jattorney"
    # And the session really ended: the court's pages send the visitor to the login again.
    assert client.get("/ecf/wied/utilities/").status_code == 302


# --- linking ------------------------------------------------------------------------------------------------------


def test_a_link_is_audited_from_attempt_to_confirmation(demo: None) -> None:
    client = _client()
    assert _login(client) == 302
    mark, start = _last_id(), timezone.now()
    confirm = client.post(LINK_URL, {"login": "cs5184", "password": "wied-ecf-5184"})
    assert confirm.status_code == 200
    done = client.post(CONFIRM_URL, {"nonce": form_nonce(confirm)})
    end = timezone.now()
    assert done.status_code == 302
    jattorney = PacerAccount.objects.get(username="jattorney")
    cs5184 = EcfAccount.objects.get(court_id="wied", login="cs5184")
    assert Link.objects.filter(pacer_account=jattorney, ecf_account=cs5184).exists()

    events = _new_events(mark)
    assert [e.event for e in events] == ["link.attempted", "link.verified", "link.confirmed"]
    for event in events:
        _assert_from_the_browser(event, start, end)
        assert event.actor == jattorney
        assert event.username == "jattorney"
    attempted, verified, confirmed = events
    assert attempted.detail["ecf_login"] == "cs5184"
    assert verified.ecf_account == cs5184
    assert verified.detail["names_match"] is True
    assert confirmed.ecf_account == cs5184
    assert confirmed.detail["ecf_login"] == "cs5184"
    assert confirmed.detail["names_differed"] is False
    assert attempted.occurred_at <= verified.occurred_at <= confirmed.occurred_at


@pytest.mark.parametrize(
    ("login", "password", "known_account"),
    [("cs5184", "wrong-password", True), ("nosuchlogin", "wied-ecf-5184", False)],
    ids=["wrong-password", "unknown-login"],
)
def test_a_refused_link_is_audited_with_its_reason(demo: None, login: str, password: str, known_account: bool) -> None:
    client = _client()
    assert _login(client) == 302
    mark, start = _last_id(), timezone.now()
    response = client.post(LINK_URL, {"login": login, "password": password})
    end = timezone.now()
    assert response.status_code == 400
    events = _new_events(mark)
    assert [e.event for e in events] == ["link.attempted", "link.refused"]
    refused = events[1]
    _assert_from_the_browser(refused, start, end)
    assert refused.actor == PacerAccount.objects.get(username="jattorney")
    assert refused.detail["reason"] == "bad_credentials"
    assert refused.detail["ecf_login"] == login
    expected = EcfAccount.objects.get(court_id="wied", login="cs5184") if known_account else None
    assert refused.ecf_account == expected
    assert password not in json.dumps(refused.detail)
    assert not Link.objects.exists()


def test_a_shared_account_refused_at_the_link_is_audited(demo: None) -> None:
    client = _client()
    assert _login(client, username="smithfirm") == 302
    mark = _last_id()
    response = client.post(LINK_URL, {"login": "cs5184", "password": "wied-ecf-5184"})
    assert response.status_code == 403
    refused = _events_of("link.refused", mark)
    assert [(e.detail["reason"], e.username, e.ip_address) for e in refused] == [("shared_account", "smithfirm", IP)]


def test_a_confirmation_with_a_wrong_nonce_is_refused_and_audited(demo: None) -> None:
    client = _client()
    assert _login(client) == 302
    confirm = client.post(LINK_URL, {"login": "cs5184", "password": "wied-ecf-5184"})
    assert confirm.status_code == 200
    mark = _last_id()
    response = client.post(CONFIRM_URL, {"nonce": "x" * 32})
    assert response.status_code == 409
    refused = _events_of("link.refused", mark)
    assert [(e.detail["reason"], e.court_id, e.user_agent) for e in refused] == [
        ("confirmation_expired", "wied", AGENT)
    ]
    assert not _events_of("link.confirmed", mark)
    assert not Link.objects.exists()


# --- the audit_log command ------------------------------------------------------------------------------------------


def _walk_through(client: Client) -> None:
    """Failed login, login, refused link, link, logout: all at wied from the same browser."""
    assert _login(client, password="Not-The-Password-1!") == 401
    assert _login(client) == 302
    assert client.post(LINK_URL, {"login": "cs5184", "password": "wrong-password"}).status_code == 400
    confirm = client.post(LINK_URL, {"login": "cs5184", "password": "wied-ecf-5184"})
    assert client.post(CONFIRM_URL, {"nonce": form_nonce(confirm)}).status_code == 302
    assert client.get(LOGOUT_URL).status_code == 302


def _audit_log(*args: str) -> tuple[list[str], str]:
    out, err = StringIO(), StringIO()
    call_command("audit_log", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue()


WALK = [
    "login.failed",
    "login.succeeded",
    "link.attempted",
    "link.refused",
    "link.attempted",
    "link.verified",
    "link.confirmed",
    "logout",
]


def test_audit_log_lists_the_events_with_time_actor_court_ip_and_user_agent(demo: None) -> None:
    mark = _last_id()
    _walk_through(_client())
    lines, summary = _audit_log("--court", "wied")
    walk = [line.split("\t") for line in lines][-len(WALK) :]
    assert [columns[1] for columns in walk] == WALK
    for columns, event in zip(walk, _new_events(mark), strict=True):
        time, name, actor, court, ip, agent = columns[:6]
        assert time == event.occurred_at.isoformat(timespec="seconds")
        assert name == event.event
        assert (actor, court, ip, agent) == ("jattorney", "wied", IP, AGENT)
    refused = walk[WALK.index("link.refused")]
    assert "reason=bad_credentials" in refused[6]
    assert f"{len(lines)} event(s)" in summary


def test_audit_log_filters_by_court(demo: None) -> None:
    _walk_through(_client())
    audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username="elsewhere1", court=None)
    lines, summary = _audit_log("--court", "wied")
    assert lines and all(line.split("\t")[3] == "wied" for line in lines)
    assert not any("elsewhere1" in line for line in lines)
    alnd, _ = _audit_log("--court", "alnd")
    assert alnd and all(line.split("\t")[3] == "alnd" for line in alnd)
    assert not any("jattorney\twied" in line for line in alnd)
    assert summary == f"{len(lines)} event(s)\n"


def test_audit_log_filters_by_event_prefix(demo: None) -> None:
    _walk_through(_client())
    lines, _ = _audit_log("--event", "link")
    assert [line.split("\t")[1] for line in lines] == [e for e in WALK if e.startswith("link")]
    failed, _ = _audit_log("--event", "login.failed")
    assert [line.split("\t")[1] for line in failed] == ["login.failed"]
    nothing, summary = _audit_log("--event", "no.such.event")
    assert nothing == [] and summary == "0 event(s)\n"


def test_audit_log_limit_shows_the_newest_events_oldest_first(demo: None) -> None:
    _walk_through(_client())
    lines, summary = _audit_log("--limit", "3")
    assert [line.split("\t")[1] for line in lines] == ["link.verified", "link.confirmed", "logout"]
    assert summary == "3 event(s)\n"
    with pytest.raises(CommandError, match="--limit must be 0 or more") as raised:
        _audit_log("--limit", "-1")
    assert raised.value.returncode == 2


def test_audit_log_json_lines(demo: None) -> None:
    mark = _last_id()
    _walk_through(_client())
    lines, summary = _audit_log("--json", "--court", "wied", "--event", "l")
    rows = [json.loads(line) for line in lines]
    assert summary == ""
    assert [row["event"] for row in rows][-len(WALK) :] == WALK
    confirmed = next(row for row in rows if row["event"] == "link.confirmed")
    event = next(e for e in _new_events(mark) if e.event == "link.confirmed")
    assert confirmed == {
        "time": event.occurred_at.isoformat(timespec="seconds"),
        "event": "link.confirmed",
        "actor": "jattorney",
        "court": "wied",
        "ip": IP,
        "user_agent": AGENT,
        "detail": {"ecf_login": "cs5184", "names_differed": False},
    }


# --- append-only --------------------------------------------------------------------------------------------------


@pytest.fixture
def recorded(db: None) -> AuditEvent:
    return audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username="someone1", reason="test")


def _unchanged(event: AuditEvent) -> None:
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.event, stored.username, stored.ip_address, stored.detail) == (
        "login.failed",
        "someone1",
        "127.0.0.1",
        {"reason": "test"},
    )


def test_an_audit_event_cannot_be_changed_by_saving_it(recorded: AuditEvent) -> None:
    recorded.event = "login.succeeded"
    recorded.username = "someone-else"
    with pytest.raises(AppendOnlyError):
        recorded.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent(pk=recorded.pk, event="forged", username="forger1").save()
    _unchanged(recorded)


def test_an_audit_event_cannot_be_deleted(recorded: AuditEvent) -> None:
    with pytest.raises(AppendOnlyError):
        recorded.delete()
    _unchanged(recorded)


def test_a_queryset_cannot_update_audit_events(recorded: AuditEvent) -> None:
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=recorded.pk).update(event="login.succeeded")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(username="nobody")
    _unchanged(recorded)


def test_a_queryset_cannot_delete_audit_events(recorded: AuditEvent) -> None:
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=recorded.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    _unchanged(recorded)
    assert AuditEvent.objects.filter(pk=recorded.pk).exists()


def test_an_account_with_audit_events_cannot_be_deleted_out_from_under_them(demo: None) -> None:
    _login(_client())
    jattorney = PacerAccount.objects.get(username="jattorney")
    before = AuditEvent.objects.filter(actor=jattorney).count()
    assert before > 0
    with pytest.raises(ProtectedError):
        jattorney.delete()
    assert AuditEvent.objects.filter(actor=jattorney).count() == before


def test_an_upsert_cannot_rewrite_an_audit_event(recorded: AuditEvent) -> None:
    forged = AuditEvent(
        id=recorded.pk, event="login.succeeded", username="someone-else", occurred_at=recorded.occurred_at
    )
    with contextlib.suppress(AppendOnlyError):  # refusing the upsert outright is the fix
        AuditEvent.objects.bulk_create(
            [forged], update_conflicts=True, unique_fields=["id"], update_fields=["event", "username"]
        )
    _unchanged(recorded)
