"""50 filings into one case at the same moment, from 50 threads with a database connection each, against a
database other processes share (PostgreSQL under `make test-postgres`; a SQLite file otherwise): 50 consecutive
docket numbers and document ids, no gap, no duplicate."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from tests.live_process import LiveDatabase

pytestmark = pytest.mark.slow

RACE = """
import json, threading
from django.db import connection
from conftest import TEST_ORIGIN
from openecf.cases import services
from openecf.cases.docketing import Upload, file_entry
from openecf.cases.models import Case, DocketEntry, Document
from openecf.cases.pdfmake import make_pdf
from openecf.courts.models import Court

FILERS = 50
case = services.open_case(court=Court.objects.get(pk="wiwd"), case_type="cv", title="Many v. One", origin=TEST_ORIGIN)
pdf = make_pdf([["A motion"]])
start = threading.Barrier(FILERS)
errors = []

def file(n):
    try:
        start.wait()
        file_entry(case=case, text=f"MOTION {n}", documents=[Upload(pdf, f"m{n}.pdf")], origin=TEST_ORIGIN)
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=file, args=(n,)) for n in range(FILERS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
case.refresh_from_db()
print(json.dumps({
    "vendor": connection.vendor,
    "errors": errors,
    "numbers": sorted(DocketEntry.objects.filter(case=case).values_list("number", flat=True)),
    "seq": sorted(DocketEntry.objects.filter(case=case).values_list("de_seq_num", flat=True)),
    "texts": DocketEntry.objects.filter(case=case).values("text").distinct().count(),
    "doc_ids": sorted(Document.objects.filter(entry__case=case).values_list("pacer_doc_id", flat=True)),
    "counter": case.last_docket_number,
}))
"""


def test_fifty_simultaneous_filings_get_fifty_consecutive_numbers(live_db: LiveDatabase, tmp_path: object) -> None:
    result = live_db.manage("shell", "-c", RACE, OPENECF_DOCUMENT_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert (outcome["vendor"], outcome["errors"]) == (connection.vendor, [])
    assert outcome["numbers"] == list(range(1, 51))
    assert outcome["seq"] == list(range(1, 51))
    assert outcome["texts"] == 50
    assert outcome["doc_ids"] == [f"2050{serial:07d}" for serial in range(1, 51)]
    assert outcome["counter"] == 50
