"""run_worker --once: the outbox sent, the sealer called, the purge done, each reported in a line."""

from __future__ import annotations

import signal
import time
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from openecf.notices.models import OutboxMessage, OutboxStatus
from openecf.notices.services import enqueue


@pytest.mark.django_db
def test_once_does_each_job_and_says_what_it_did(smtp_inbox: Any) -> None:
    for n in range(2):
        enqueue(kind="test", recipients=[f"filer{n}@example.com"], subject=f"Notice {n}", body="Body")
    Session.objects.create(session_key="expiredsession01", session_data="{}", expire_date=timezone.now() - timedelta(1))
    out = StringIO()
    call_command("run_worker", "--once", stdout=out)
    assert out.getvalue().splitlines() == [
        "outbox: 2 e-mail message(s) sent",
        "sealing: 0 audit event(s) sealed",
        "purge: deleted 1 sessions, 0 sign_on_tokens, 0 account_links, 0 ecf_reset_links, 0 email_codes, "
        "0 throttle_records",
        "filings: deleted 0 timed_out_filings, 0 pending_files, 0 orphaned_document_files",
    ]
    assert sorted(m["Subject"] for m in smtp_inbox.messages) == ["Notice 0", "Notice 1"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert not Session.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--interval", "0"], "--interval, --lease and --purge-every must be more than 0 seconds"),
        (["--purge-every", "-1"], "--interval, --lease and --purge-every must be more than 0 seconds"),
        (["--purge-batch", "0"], "--seal-batch and --purge-batch must be at least 1"),
    ],
)
def test_nonsense_settings_are_refused(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("run_worker", "--once", *args)


QUEUE_ONE_AND_AN_EXPIRED_SESSION = """
import json
import signal
import time
from datetime import timedelta
from django.contrib.sessions.models import Session
from django.utils import timezone
from openecf.notices.services import enqueue
enqueue(kind="test", recipients=["filer@example.com"], subject="Looped", body="Body")
Session.objects.create(session_key="expiredsession01", session_data="{}", expire_date=timezone.now() - timedelta(1))
print(json.dumps("queued"))
"""
STATE = """
import json
from django.contrib.sessions.models import Session
from openecf.notices.models import OutboxMessage
print(json.dumps([list(OutboxMessage.objects.values_list("status", flat=True)), Session.objects.count()]))
"""


@pytest.mark.slow
def test_the_loop_sends_and_purges_then_stops_cleanly_on_sigterm(live_db: Any, smtp_inbox: Any, settings: Any) -> None:
    assert live_db.python(QUEUE_ONE_AND_AN_EXPIRED_SESSION) == "queued"
    mail = {"OPENECF_EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(settings.EMAIL_PORT)}
    log_path = live_db.workdir / "worker.log"
    worker = live_db.spawn("manage.py", "run_worker", "--interval", "0.2", log=log_path.open("a"), **mail)
    try:
        deadline = time.monotonic() + 60
        # Done when the message is sent, the session purged, and the purge's own audit event sealed (a turn later).
        while live_db.python(STATE) != [["sent"], 0] or "sealing:" not in log_path.read_text():
            assert time.monotonic() < deadline, log_path.read_text()
            assert worker.poll() is None, log_path.read_text()
            time.sleep(0.3)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=15) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    assert [m["Subject"] for m in smtp_inbox.messages] == ["Looped"]
    # Only what was done is said: the first turn sends and purges (nothing committed to seal yet), the next seals the
    # purge's event; nothing more to purge or send.
    assert log_path.read_text().splitlines() == [
        "outbox: 1 e-mail message(s) sent",
        "purge: deleted 1 sessions, 0 sign_on_tokens, 0 account_links, 0 ecf_reset_links, 0 email_codes, "
        "0 throttle_records",
        "sealing: 1 audit event(s) sealed",
    ]
