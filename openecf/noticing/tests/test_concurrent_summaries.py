"""Two workers running send_daily_summaries at the same moment, each with its own database connection, against a
database other processes share (PostgreSQL under `make test-postgres`; a SQLite file otherwise): one summary."""

from __future__ import annotations

import json

import pytest

from tests.live_process import LiveDatabase

pytestmark = pytest.mark.slow

RACE = """
import json, threading
from django.db import connection
from conftest import TEST_ORIGIN, make_ecf
from openecf.cases import services
from openecf.noticing.models import DailySummary, Delivery, NoticePreference
from openecf.noticing.summaries import send_daily_summaries
from openecf.noticing.tests.conftest import civil_world, file_with_pdfs
from openecf.notices.models import OutboxMessage

WORKERS = 4
world = civil_world()
carol = make_ecf("wiwd", "cclark", "Carol Clark", "Old-Court-Password-1!", email="carol@clark.example.com")
services.add_attorney(party=world.case.parties.get(name="Acme Corp."), ecf_account=carol, origin=TEST_ORIGIN)
NoticePreference.objects.create(ecf_account=carol, delivery=Delivery.DAILY_SUMMARY)
file_with_pdfs(world.case, world.plaintiff_attorney, "MOTION to Dismiss by John Smith.")
today = world.case.court.local_date()
start = threading.Barrier(WORKERS)
queued, errors = [], []

def run():
    try:
        start.wait()
        queued.append(send_daily_summaries(origin=TEST_ORIGIN, day=today))
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=run) for _ in range(WORKERS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({
    "errors": errors,
    "queued": sorted(queued),
    "summaries": DailySummary.objects.count(),
    "messages": OutboxMessage.objects.filter(kind="nef.daily_summary").count(),
}))
"""


def test_simultaneous_runs_queue_one_summary(live_db: LiveDatabase, tmp_path: object) -> None:
    result = live_db.manage("shell", "-c", RACE, OPENECF_DOCUMENT_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"errors": [], "queued": [0, 0, 0, 1], "summaries": 1, "messages": 1}
