"""The send_outbox worker killed mid-delivery: nothing lost, no lock held while it talks SMTP, resends recognisable."""

from __future__ import annotations

import asyncio
import threading
import time
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from conftest import free_port
from tests.live_process import LiveDatabase, kill

pytestmark = pytest.mark.slow

QUEUE_FIVE = """
import json
from django.db import transaction
from openecf.notices.services import enqueue
with transaction.atomic():
    queued = [enqueue(kind="test", recipients=[f"filer{i}@example.com"], subject=f"Notice {i}", body="Body")
              for i in range(5)]
print(json.dumps([message.message_id for message in queued]))
"""

# While the worker waits for the mail server, can the site still lock that very row? (It could not when the worker
# held a transaction open during SMTP: PostgreSQL says "could not obtain lock", SQLite "database is locked".)
PROBE = """
import json
from django.db import connection, transaction
from openecf.notices.models import OutboxMessage
if connection.vendor == "sqlite":
    connection.cursor().execute("PRAGMA busy_timeout = 1000")
with transaction.atomic():
    row = OutboxMessage.objects.select_for_update(nowait=connection.vendor == "postgresql").get(message_id=%r)
print(json.dumps({"status": row.status, "claimed": row.claimed_until is not None, "attempts": row.attempts}))
"""

STATE = """
import json
from openecf.notices.models import OutboxMessage
print(json.dumps({m.message_id: [m.status, m.attempts] for m in OutboxMessage.objects.all()}))
"""


class StallingServer:
    """An SMTP server that takes the first message, then is slow to say so: the moment to kill the worker."""

    def __init__(self, stall: float) -> None:
        self.stall = stall
        self.accepted: list[str] = []
        self.first_received = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.accepted.append(str(message_from_bytes(envelope.content)["Message-ID"]))
        if not self.first_received.is_set():
            self.first_received.set()
            await asyncio.sleep(self.stall)
        return "250 Message accepted for delivery"


def test_a_worker_killed_mid_delivery_loses_nothing_and_resends_the_same_message(
    live_db: LiveDatabase, tmp_path: Path
) -> None:
    queued = live_db.python(QUEUE_FIVE)
    server = StallingServer(stall=8)
    controller = Controller(server, hostname="127.0.0.1", port=free_port())
    controller.start()
    mail = {"OPENECF_EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(controller.port)}
    command = ["manage.py", "send_outbox", "--loop", "--interval", "0.2", "--lease", "2"]
    log = (tmp_path / "worker.log").open("a")
    worker = live_db.spawn(*command, log=log, **mail)
    try:
        assert server.first_received.wait(60), (tmp_path / "worker.log").read_text()
        interrupted = server.accepted[0]
        assert live_db.python(PROBE % interrupted) == {"status": "pending", "claimed": True, "attempts": 1}
        kill(worker)  # SIGKILL while the server holds the reply: it has the message, the outbox does not know
        worker = live_db.spawn(*command, log=log, **mail)
        deadline = time.monotonic() + 60
        while (state := live_db.python(STATE)) and any(s != "sent" for s, _ in state.values()):
            assert time.monotonic() < deadline, state
            time.sleep(0.5)
    finally:
        kill(worker)
        controller.stop()
    assert set(server.accepted) == set(queued)  # nothing lost, nothing invented
    assert len(server.accepted) == len(queued) + 1  # the interrupted message was sent again...
    assert server.accepted.count(interrupted) == 2  # ...as the same message: a receiver keeps one
    assert state[interrupted] == ["sent", 2]
    assert all(state[other] == ["sent", 1] for other in queued if other != interrupted)
