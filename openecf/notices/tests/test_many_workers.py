"""Four outbox workers at once drain one outbox: every message reaches the mail server exactly once.

Each worker is its own process (``send_outbox --loop``), as on four hosts. On PostgreSQL a worker claims a message
with SELECT ... FOR UPDATE SKIP LOCKED in a short transaction that stamps a lease, so the others pass over it; on
SQLite (a single host, the demo) the claim's transaction takes the database's write lock up front
(``transaction_mode`` IMMEDIATE), so claims simply queue one behind another. The mail server is slow enough (20 ms a
message) that the workers overlap for the whole run.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from conftest import free_port
from tests.live_process import LiveDatabase, kill

pytestmark = pytest.mark.slow

MESSAGES = 200
WORKERS = 4

QUEUE = f"""
import json
from django.db import transaction
from openecf.notices.services import enqueue_many
with transaction.atomic():
    messages = [([f"filer{{i}}@example.com"], f"Notice {{i}}", "Body") for i in range({MESSAGES})]
    enqueue_many(kind="test", messages=messages)
from openecf.notices.models import OutboxMessage
print(json.dumps(sorted(OutboxMessage.objects.values_list("message_id", flat=True))))
"""
STATE = """
import json
from openecf.notices.models import OutboxMessage
print(json.dumps(sorted(set(OutboxMessage.objects.values_list("status", "attempts")))))
"""


class SlowServer:
    def __init__(self) -> None:
        self.accepted: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0.02)
        self.accepted.append(str(message_from_bytes(envelope.content)["Message-ID"]))
        return "250 Message accepted for delivery"


def test_four_workers_send_each_of_two_hundred_messages_exactly_once(live_db: LiveDatabase, tmp_path: Path) -> None:
    queued = live_db.python(QUEUE)
    assert len(queued) == MESSAGES
    server = SlowServer()
    controller = Controller(server, hostname="127.0.0.1", port=free_port())
    controller.start()
    mail = {"OPENECF_EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(controller.port)}
    logs = [tmp_path / f"worker{n}.log" for n in range(WORKERS)]
    workers = [
        live_db.spawn("manage.py", "send_outbox", "--loop", "--interval", "0.1", log=log.open("a"), **mail)
        for log in logs
    ]
    try:
        deadline = time.monotonic() + 90
        while len(server.accepted) < MESSAGES:
            assert time.monotonic() < deadline, f"{len(server.accepted)} of {MESSAGES} received"
            assert all(worker.poll() is None for worker in workers), [log.read_text()[-2000:] for log in logs]
            time.sleep(0.2)
        time.sleep(1.0)  # time enough for a stray second send to arrive
    finally:
        for worker in workers:
            kill(worker)
        controller.stop()
    assert Counter(server.accepted) == Counter(queued)  # every message, each once
    assert live_db.python(STATE) == [["sent", 1]]  # each claimed once, by one worker
    sent_by = [sum(int(n) for n in re.findall(r"^(\d+) message\(s\) sent", log.read_text(), re.M)) for log in logs]
    assert sum(sent_by) == MESSAGES
    assert sum(1 for count in sent_by if count) >= 2, sent_by  # they did work side by side
