"""Ten final submissions of one filing transaction at the same moment (a double click, a replayed POST), from ten
threads with a database connection each, against a database other processes share: one docket entry, one NEF
call, one appearance; the other nine see the filing made."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from tests.live_process import LiveDatabase

pytestmark = pytest.mark.slow

RACE = """
import json, threading
from unittest import mock
from django.db import connection
from conftest import TEST_ORIGIN, make_ecf
from openecf.cases import services as cases
from openecf.cases.models import AttorneyOfRecord, DocketEntry
from openecf.cases.pdfmake import make_pdf
from openecf.courts.models import Court
from openecf.filing import services
from openecf.noticing import nef

SUBMITS = 10
court = Court.objects.get(pk="wiwd")
case = cases.open_case(court=court, case_type="cv", title="Race v. Click", origin=TEST_ORIGIN)
party = cases.add_party(case=case, name="Click Corp.", role="defendant", origin=TEST_ORIGIN)
lawyer = make_ecf("wiwd", "racer", "Rae Racer", "Old-Court-Password-1!")
txn = services.start(
    court=court, ecf_account=lawyer, pacer=None, menu="civil", events=["civil-notice-of-appearance"], origin=TEST_ORIGIN
)
name = services.store_pending(txn=txn, position=0, data=make_pdf([["Notice"]]))
txn.answers = {
    "case": {"case_pk": case.pk}, "style": {"confirmed": True}, "joint": {"joint": False},
    "filer": {"party_ids": [party.pk], "new_party": None},
    "upload": {"documents": [{"name": name, "filename": "n.pdf", "description": "", "pages": 1}]},
    "text": {"modifier": "", "free": ""},
}
txn.save()
start = threading.Barrier(SUBMITS)
errors, replayed = [], []
calls = []
real = nef.send_nef

def counted(**kwargs):
    calls.append(1)
    return real(**kwargs)

def submit():
    try:
        start.wait()
        replayed.append(services.submit(txn=txn, origin=TEST_ORIGIN).replayed)
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

with mock.patch("openecf.filing.services.send_nef", counted):
    threads = [threading.Thread(target=submit) for _ in range(SUBMITS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
print(json.dumps({
    "vendor": connection.vendor,
    "errors": errors,
    "replayed": sorted(replayed),
    "entries": DocketEntry.objects.filter(case=case).count(),
    "appearances": AttorneyOfRecord.objects.filter(party=party).count(),
    "nef_calls": len(calls),
}))
"""


def test_ten_simultaneous_submissions_file_once(live_db: LiveDatabase, tmp_path: object) -> None:
    result = live_db.manage("shell", "-c", RACE, OPENECF_DOCUMENT_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert (outcome["vendor"], outcome["errors"]) == (connection.vendor, [])
    assert outcome["replayed"] == [False] + [True] * 9
    assert (outcome["entries"], outcome["appearances"], outcome["nef_calls"]) == (1, 1, 1)
