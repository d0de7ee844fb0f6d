"""run_worker --once: the outbox sent, the sealer called, the purge done, each reported in a line."""

from __future__ import annotations

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

pytestmark = pytest.mark.django_db


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
    ]
    assert sorted(m["Subject"] for m in smtp_inbox.messages) == ["Notice 0", "Notice 1"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}
    assert not Session.objects.exists()


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
