"""Dashboards: linking progress (a chart drawn by the app), refusals and lockouts, the audit log and its CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client

from conftest import TEST_ORIGIN, form_nonce, visible_text
from openecf.audit import services as audit
from openecf.audit.events import Event
from openecf.courts.models import Court
from openecf.demo.data import PACER_PASSWORD

pytestmark = pytest.mark.django_db


def _linked_on_chart(page: object) -> int:
    match = re.search(r'class="linked" data-linked="(\d+)"', page.content.decode())  # type: ignore[attr-defined]
    assert match, "no chart on the dashboard"
    return int(match.group(1))


def _role_row(page: object, role: str) -> list[str]:
    row = re.search(rf'<tr data-role="{role}">(.*?)</tr>', page.content.decode(), re.S)  # type: ignore[attr-defined]
    assert row
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_the_progress_chart_moves_as_a_demo_filer_links(clara: Client) -> None:
    before = clara.get("/clerk/wiwd/")
    assert _linked_on_chart(before) == 0
    assert "0 of 3 active CM/ECF accounts linked (0%)" in visible_text(before)
    page = before.content.decode()
    assert 'src="http' not in page, "no third-party asset"
    assert "<svg" in page and re.findall(r"<script[^>]*>", page) == ['<script src="/static/openecf/site.js" defer>'], (
        "the chart is drawn by the server, not by a script"
    )

    filer = Client()
    filer.post("/login/?court=wiwd", {"username": "asample22", "password": PACER_PASSWORD, "court": "wiwd"})
    confirm = filer.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": "wiwd-ecf-sample"})
    filer.post("/ecf/wiwd/utilities/link/confirm/", {"nonce": form_nonce(confirm)})

    after = clara.get("/clerk/wiwd/")
    assert _linked_on_chart(after) == 1
    assert "1 of 3 active CM/ECF accounts linked (33%)" in visible_text(after)
    assert _role_row(after, "attorney") == ["3", "1", "2", "33%"]


def test_recent_refusals_and_lockouts_of_this_court_only(clara: Client) -> None:
    filer = Client()
    filer.post("/login/?court=wiwd", {"username": "asample22", "password": PACER_PASSWORD, "court": "wiwd"})
    filer.post("/ecf/wiwd/utilities/link/", {"login": "asample", "password": "wrong"})
    wiwd, alnd = Court.objects.get(pk="wiwd"), Court.objects.get(pk="alnd")
    audit.record(event=Event.THROTTLE_LOCKED, origin=TEST_ORIGIN, username="lockeduser", court=wiwd, scope="account")
    audit.record(event=Event.LOGIN_REFUSED, origin=TEST_ORIGIN, username="held1", court=wiwd, reason="held_for_review")
    audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username="alnd-only-user", court=alnd)
    audit.record(event=Event.LOGIN_SUCCEEDED, origin=TEST_ORIGIN, username="happyuser", court=wiwd)
    page = visible_text(clara.get("/clerk/wiwd/"))
    section = page.split("Recent refusals and lockouts", 1)[1]
    assert "link.refused asample22 → asample bad_credentials" in section
    assert "throttle.locked lockeduser" in section
    assert "login.refused held1 held_for_review" in section
    assert "alnd-only-user" not in section and "happyuser" not in section


def test_audit_log_filters_and_exports_csv(clara: Client) -> None:
    wiwd = Court.objects.get(pk="wiwd")
    audit.record(event=Event.LOGIN_FAILED, origin=TEST_ORIGIN, username="=HYPERLINK(evil)", court=wiwd)
    audit.record(event=Event.LINK_REFUSED, origin=TEST_ORIGIN, username="someone", court=wiwd, reason="bad_credentials")
    filtered = visible_text(clara.get("/clerk/wiwd/audit/?event=link"))
    assert "link.refused" in filtered and "login.failed" not in filtered
    by_user = visible_text(clara.get("/clerk/wiwd/audit/?username=someone"))
    assert "link.refused" in by_user and "HYPERLINK" not in by_user
    bad_date = clara.get("/clerk/wiwd/audit/?since=yesterday")
    assert bad_date.status_code == 400 and "Enter a valid date." in visible_text(bad_date)

    export = clara.get("/clerk/wiwd/audit.csv?event=login.failed")
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert export["Content-Disposition"] == 'attachment; filename="audit-wiwd.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))  # type: ignore[attr-defined]
    assert rows[0][:3] == ["time", "event", "username"]
    assert [row[1] for row in rows[1:]] == ["login.failed"]
    assert rows[1][2] == "'=HYPERLINK(evil)"  # a spreadsheet shows it as text, never runs it
