"""Daily summaries: an attorney who chose them gets no NEF per filing in their cases (except their own filings) and
one summary a day of the day's filings, with free-look links; running the command twice sends once."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.models import DocketEntry
from openecf.notices.models import OutboxMessage
from openecf.notices.services import deliver_pending
from openecf.noticing.models import DailySummary, Delivery, FreeLook, NoticePreference, SecondaryEmail
from openecf.noticing.nef import send_nef
from openecf.noticing.summaries import send_daily_summaries
from openecf.noticing.tests.conftest import PASSWORD, World, file_with_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture
def carol(world: World) -> Any:
    carol = make_ecf("wiwd", "cclark", "Carol Clark", PASSWORD, email="carol@clark.example.com")
    services.add_attorney(party=world.case.parties.get(name="Acme Corp."), ecf_account=carol, origin=TEST_ORIGIN)
    NoticePreference.objects.create(ecf_account=carol, delivery=Delivery.DAILY_SUMMARY)
    SecondaryEmail.objects.create(ecf_account=carol, email="desk@clark.example.com")
    return carol


def test_a_daily_summary_lists_the_days_filings_once(world: World, carol: Any, smtp_inbox: Any) -> None:
    first = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.", attachments=1)
    assert [r.account.login for r in send_nef(entry=first, origin=TEST_ORIGIN).recipients] == ["aadams", "bbaker"]
    second = file_with_pdfs(world.case, world.defense_attorney, "RESPONSE in Opposition by Acme Corp.")
    send_nef(entry=second, origin=TEST_ORIGIN)
    today = world.case.court.local_date()

    assert send_daily_summaries(origin=TEST_ORIGIN, day=today) == 1
    assert send_daily_summaries(origin=TEST_ORIGIN, day=today) == 0  # idempotent per day
    summary = DailySummary.objects.get()
    assert (summary.ecf_account, summary.day, summary.entries) == (carol, today, 2)
    [message] = OutboxMessage.objects.filter(kind="nef.daily_summary")
    assert message.recipients == ["carol@clark.example.com", "desk@clark.example.com"]
    assert (
        message.subject == f"Daily Summary Report for {today.month}/{today.day}/{today.year} - Wisconsin Western CM/ECF"
    )
    assert message.content_subtype == "plain"
    body = message.body
    assert f"{world.case.number} Smith v. Acme Corp." in body
    assert "  Document 1, filed" in body and "MOTION to Dismiss by John Smith." in body
    assert "  Document 2, filed" in body and "RESPONSE in Opposition by Acme Corp." in body
    links = re.findall(r"^  (\S+): (http://\S+)$", body, re.M)
    assert [label for label, _ in links] == ["1", "1-1", "2"]
    looks = FreeLook.objects.filter(ecf_account=carol).order_by(
        "document__entry__de_seq_num", "document__attachment_number"
    )
    assert [str(look.magic_num) for look in looks] == [re.search(r"magic_num=(\d+)", url)[1] for _, url in links]  # type: ignore[index]
    url = links[0][1]
    response = Client().get(f"{urlsplit(url).path}?{urlsplit(url).query}")
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")

    assert deliver_pending() == 5  # two NEFs each to Alice and Bob, one summary
    [received] = [m for m in smtp_inbox.messages if m["To"].startswith("carol@")]
    assert received["From"] == "Wisconsin Western CM/ECF <ecf-wiwd@openecf.localhost>"
    assert received.get_content_type() == "text/plain"
    [event] = AuditEvent.objects.filter(event="nef.daily_summary_queued")
    assert (event.detail["day"], event.detail["entries"]) == (today.isoformat(), 2)


def test_a_daily_summary_reader_still_gets_the_nef_of_their_own_filing(world: World, carol: Any) -> None:
    entry = file_with_pdfs(world.case, carol, "NOTICE of Appearance by Carol Clark for Acme Corp.")
    assert [r.account.login for r in send_nef(entry=entry, origin=TEST_ORIGIN).recipients] == [
        "aadams",
        "bbaker",
        "cclark",
    ]


def test_no_filings_no_summary(world: World, carol: Any) -> None:
    assert send_daily_summaries(origin=TEST_ORIGIN, day=world.case.court.local_date()) == 0
    assert not DailySummary.objects.exists() and not OutboxMessage.objects.exists()


def test_the_command_summarises_yesterday_by_default(world: World, carol: Any) -> None:
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.")
    DocketEntry.objects.filter(pk=entry.pk).update(entered_at=entry.entered_at - timedelta(days=1))
    carol.appearances.update(added_on=world.case.court.local_date() - timedelta(days=1))  # she was in it yesterday
    out = io.StringIO()
    call_command("send_daily_summaries", stdout=out)
    assert out.getvalue() == "1 daily summary queued.\n"
    assert DailySummary.objects.get().day == world.case.court.local_date() - timedelta(days=1)
    out = io.StringIO()
    call_command("send_daily_summaries", stdout=out)
    assert out.getvalue() == "0 daily summaries queued.\n"


def test_the_command_refuses_a_date_it_cannot_read(db: None) -> None:
    with pytest.raises(CommandError, match="--date must be a date as YYYY-MM-DD, not '30/11/2026'") as refused:
        call_command("send_daily_summaries", "--date", "30/11/2026")
    assert refused.value.returncode == 2


def test_an_attorney_who_left_the_case_gets_no_summary_of_it(world: World, carol: Any) -> None:
    appearance = carol.appearances.get()
    services.terminate_attorney(attorney=appearance, terminated_on=appearance.added_on, origin=TEST_ORIGIN)
    entry = file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.")
    DocketEntry.objects.filter(pk=entry.pk).update(entered_at=entry.entered_at + timedelta(days=1))
    assert send_daily_summaries(origin=TEST_ORIGIN, day=world.case.court.local_date() + timedelta(days=1)) == 0
