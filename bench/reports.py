"""Reports at scale (issue 15, item 6), on PostgreSQL, through `make serve`:

1. the Docket Report (DktRpt.pl, posted multipart as juriscraper posts it) of cases with 100, 1,000 and 10,000
   entries, in full: its time should grow with the entries shown; and of a fixed 100-entry document range of the
   10,000-entry case beside the whole 100-entry case: the entries not shown should cost nothing (ratio near 1);
2. ``possible_case_numbers.pl`` latency, one client at a time, with 10,000 cases at the court and again with
   1,000,000 (the same database, the rest loaded after the first measure): the ratio of the p50s should be at most
   1.2.

The rows are loaded in bulk here (COPY on PostgreSQL, bulk_create elsewhere: bench/bulk_rows.py), not filed one by
one: a case's numbers come from the court's counters, which the load moves past what it used, so filings made
afterwards never clash with it. The loads write no audit events (the cases the dockets are loaded into are opened
with ``cases.services.open_case``, audited as usual). The documents' files are not written: no report opens them.

Alone: ``python -m bench.reports`` (BENCH_REPORTS_PG_URL, default
postgres://postgres@127.0.0.1:5432/openecf_bench_reports, **dropped and recreated**; a server of its own).
`make bench` runs it on its PostgreSQL leg's database, against that leg's server.
"""

from __future__ import annotations

import logging
import random
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COURT = "wiwd"
SIZES = (100, 1_000, 10_000)
# The document range shown of the largest docket: 100 entries from its middle.
RANGE = (5_001, 5_100)
RUNS = {100: 15, 1_000: 7, 10_000: 3}
CASES_SMALL, CASES_LARGE = 10_000, 1_000_000
LOOKUPS = 400  # possible_case_numbers.pl requests at each size
BATCH = 50_000
# Serials each kind of case uses in a year before the load goes back a year: 1,000,000 civil and criminal cases
# take ten years, about what the busiest districts open in all of their cases' kinds.
PER_TYPE_YEAR = 50_000
ATTACHMENT_EVERY = 10  # one entry in ten has an exhibit attached
ENTRIES_PER_DAY = 5
BENCH_JUDGES = (("Bench Report Judge A", "BRA"), ("Bench Report Judge B", "BRB"), ("Bench Report Judge C", "BRC"))
ABSENT_SHA256 = "0" * 64
DOCKET_TEXTS = (
    "COMPLAINT against Bench Defendant (Filing fee $ 405, receipt number AWIWDC-{n}), filed by Bench Plaintiff.",
    "MOTION for Extension of Time to File Answer re {p} Complaint by Bench Defendant.",
    "ORDER granting {p} Motion for Extension of Time. Signed by Judge Bench Report Judge A on the date entered.",
    "BRIEF in Support re {p} MOTION for Summary Judgment filed by Bench Plaintiff.",
    "NOTICE of Appearance by Counsel for Bench Defendant.",
)


class LoadError(ValueError):
    """The load cannot be done as asked; nothing was written."""


@dataclass(frozen=True)
class Segment:
    """Consecutive serials of one kind of case in one year: ``count`` of them from ``first``."""

    year: int
    case_type: str
    first: int
    count: int


# --- loading -----------------------------------------------------------------------------------------------------


def bench_judges(court: Any) -> list[Any]:
    from openecf.audit.context import Origin
    from openecf.cases import services
    from openecf.cases.models import Judge

    origin = Origin(ip_address="198.51.100.7", user_agent="bench")
    judges = []
    for name, initials in BENCH_JUDGES:
        judge = Judge.objects.filter(court=court, initials=initials).first()
        judges.append(judge or services.add_judge(court=court, name=name, initials=initials, origin=origin))
    return judges


def plan_numbers(
    counters: dict[tuple[int, str], int], *, count: int, types: Sequence[str], top_year: int, per_type_year: int
) -> list[Segment]:
    """Where ``count`` new cases' numbers come from: the top year first, its kinds in turn, each after its last
    serial given out and up to ``per_type_year``; then the years before."""
    segments: list[Segment] = []
    remaining, year = count, top_year
    while remaining:
        if year < 1990:
            raise LoadError(f"{count:,} cases do not fit in the years from 1990 to {top_year}. Nothing was created.")
        room = {kind: max(0, per_type_year - counters.get((year, kind), 0)) for kind in types}
        given = dict.fromkeys(types, 0)
        left = min(remaining, sum(room.values()))
        remaining -= left
        while left:
            open_kinds = [kind for kind in types if room[kind] > given[kind]]
            each = max(1, left // len(open_kinds))
            for kind in open_kinds:
                share = min(each, room[kind] - given[kind], left)
                given[kind] += share
                left -= share
        for kind in types:
            if given[kind]:
                segments.append(Segment(year, kind, counters.get((year, kind), 0) + 1, given[kind]))
        year -= 1
    return segments


def load_cases(*, court: Any, count: int, batch: int = BATCH, per_type_year: int = PER_TYPE_YEAR) -> dict[str, Any]:
    """Add ``count`` cases at ``court``, numbered after the court's counters (which move past them), the court's
    district kinds (civil and criminal) in turn, from this year back."""
    from django.db import transaction

    from bench.bulk_rows import BatchTable
    from openecf.cases.models import Case, CaseNumberCounter
    from openecf.cases.services import TYPES_BY_COURT, filing_settings

    began = time.perf_counter()
    types = [kind for kind in TYPES_BY_COURT[court.type] if kind != "ap"]  # a proceeding needs a lead case
    judges = [judge.pk for judge in bench_judges(court)]
    today = court.local_date()
    with transaction.atomic():
        filing = filing_settings(court, lock=True)
        counters = {
            (row.year, row.case_type): row.last_serial
            for row in CaseNumberCounter.objects.select_for_update().filter(court=court)
        }
        segments = plan_numbers(counters, count=count, types=types, top_year=today.year, per_type_year=per_type_year)
        first_caseid = filing.last_caseid + 1
        filing.last_caseid += count
        filing.save(update_fields=["last_caseid"])
        for segment in segments:
            CaseNumberCounter.objects.update_or_create(
                court=court,
                year=segment.year,
                case_type=segment.case_type,
                defaults={"last_serial": segment.first + segment.count - 1},
            )
        table = BatchTable(
            Case,
            {"court_id": court.pk, "office": filing.office},
            ["caseid", "year", "case_type", "serial", "title", "judge_id", "date_filed"],
        )
        rows = _case_rows(segments, first_caseid, judges, today, per_type_year)
        for chunk in _chunks(rows, batch):
            table.write(chunk)
    table.analyze()
    return {
        "cases": count,
        "first_caseid": first_caseid,
        "last_caseid": first_caseid + count - 1,
        "years": sorted({segment.year for segment in segments}),
        "seconds": time.perf_counter() - began,
    }


def _case_rows(
    segments: list[Segment], first_caseid: int, judges: list[int], today: date, per_type_year: int
) -> Iterator[tuple[Any, ...]]:
    caseid = first_caseid
    for segment in segments:
        start = date(segment.year, 1, 1)
        for serial in range(segment.first, segment.first + segment.count):
            filed = min(today, start + timedelta(days=min(364, (serial - 1) * 365 // per_type_year)))
            title = f"Bench Plaintiff {caseid} v. Bench Defendant {serial}"
            yield (caseid, segment.year, segment.case_type, serial, title, judges[caseid % len(judges)], filed)
            caseid += 1


def _chunks(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def open_docket_case(court: Any, title: str, *, filed_on: date) -> Any:
    """A civil case opened as the clerk opens one (audited), for a docket to be loaded into."""
    from openecf.audit.context import Origin
    from openecf.cases import services

    origin = Origin(ip_address="198.51.100.7", user_agent="bench")
    judge = bench_judges(court)[0]
    return services.open_case(court=court, case_type="cv", title=title, judge=judge, origin=origin, filed_on=filed_on)


def load_docket(*, case: Any, count: int, batch: int = BATCH) -> dict[str, Any]:
    """Add ``count`` numbered entries to ``case``'s docket after its last one (the case's counters move past them),
    five a day from the day the case was filed, each with its main document and one in ten with an attachment; the
    documents take the court's next document ids."""
    from django.db import transaction

    from bench.bulk_rows import BatchTable
    from openecf.cases.docketing import pacer_doc_id
    from openecf.cases.models import Case, DocketEntry, Document
    from openecf.cases.services import filing_settings

    began = time.perf_counter()
    attachments = count // ATTACHMENT_EVERY
    with transaction.atomic():
        # Lock order as in filing: the case's row, then the court's filing row.
        locked = Case.objects.select_for_update().select_related("court").get(pk=case.pk)
        first_number, first_seq = locked.last_docket_number + 1, locked.last_de_seq_num + 1
        locked.last_docket_number += count
        locked.last_de_seq_num += count
        locked.save(update_fields=["last_docket_number", "last_de_seq_num"])
        court = locked.court
        filing = filing_settings(court, lock=True)
        first_serial = filing.last_document_serial + 1
        filing.last_document_serial += count + attachments
        filing.save(update_fields=["last_document_serial"])

        zone, start = court.zone, locked.date_filed
        entries = BatchTable(
            DocketEntry, {"case_id": locked.pk}, ["number", "de_seq_num", "filed_on", "entered_at", "text"]
        )
        rows = []
        for k in range(count):
            number = first_number + k
            filed = start + timedelta(days=k // ENTRIES_PER_DAY)
            entered = datetime.combine(filed, clock(9), tzinfo=zone) + timedelta(minutes=7 * (k % ENTRIES_PER_DAY))
            text = DOCKET_TEXTS[k % len(DOCKET_TEXTS)].format(n=number, p=max(1, number - 1))
            rows.append((number, first_seq + k, filed, entered, text))
        for chunk in _chunks(iter(rows), batch):
            entries.write(chunk)
        ids = dict(DocketEntry.objects.filter(case=locked, de_seq_num__gte=first_seq).values_list("de_seq_num", "id"))
        documents = BatchTable(
            Document,
            {
                "court_id": court.pk,
                "file": f"bench/{court.pk}/{locked.caseid}/not-written.pdf",
                "page_count": 3,
                "size": 48_213,
                "sha256": ABSENT_SHA256,
            },
            ["entry_id", "attachment_number", "pacer_doc_id", "description"],
        )
        serial = first_serial
        document_rows = []
        for k in range(count):
            entry_id = ids[first_seq + k]
            document_rows.append((entry_id, 0, pacer_doc_id(filing.doc_id_prefix, serial), ""))
            serial += 1
            if (k + 1) % ATTACHMENT_EVERY == 0:
                document_rows.append((entry_id, 1, pacer_doc_id(filing.doc_id_prefix, serial), "Exhibit A"))
                serial += 1
        for chunk in _chunks(iter(document_rows), batch):
            documents.write(chunk)
    entries.analyze()
    documents.analyze()
    return {
        "entries": count,
        "documents": count + attachments,
        "first_number": first_number,
        "last_number": first_number + count - 1,
        "seconds": time.perf_counter() - began,
    }


# --- measuring ---------------------------------------------------------------------------------------------------


def _signed_in_client(server_url: str) -> Any:
    """An HTTP client signed in with a PACER account (the bench's first synthetic one, made if missing) by
    cso-auth, as juriscraper signs in, its session in the NextGenCSO cookie."""
    import httpx

    from bench.loaders import DEFAULT_PASSWORD, load_accounts, pacer_username
    from openecf.accounts.models import PacerAccount
    from openecf.audit.context import Origin

    if not PacerAccount.objects.filter(username=pacer_username(0)).exists():  # `make bench` loaded it already
        load_accounts(pacer=1, ecf=0, origin=Origin(ip_address="198.51.100.7", user_agent="bench"))
    client = httpx.Client(base_url=server_url, timeout=120)
    answer = client.post(
        "/services/cso-auth",
        json={"loginId": pacer_username(0), "password": DEFAULT_PASSWORD, "redactFlag": "1"},
    )
    answer.raise_for_status()
    client.cookies.set("NextGenCSO", answer.json()["nextGenCSO"])
    return client


ROW_START = '<tr><td valign="top" width="94" nowrap>'


def _docket_report(client: Any, case: Any, *, runs: int, numbers: tuple[int, int] | None = None) -> dict[str, Any]:
    """The report posted ``runs`` times after one unmeasured run; the median, and the entries it showed."""
    fields = {
        "all_case_ids": str(case.caseid),
        "sort1": "oldest date first",
        "date_range_type": "Filed",
        "output_format": "html",
        "case_num": " ",
        "date_from": "1/1/1960",
    }
    if numbers is not None:
        fields["documents_numbered_from_"], fields["documents_numbered_to_"] = map(str, numbers)
    path = f"/ecf/{case.court_id}/cgi-bin/DktRpt.pl?1-L_1_0-1"
    timings, shown, size, last = [], 0, 0, ""
    for run in range(runs + 1):
        began = time.perf_counter()
        answer = client.post(path, files={name: (None, value) for name, value in fields.items()})
        elapsed = 1000 * (time.perf_counter() - began)
        if answer.status_code != 200:
            raise RuntimeError(f"DktRpt.pl answered {answer.status_code} for case {case.caseid}")
        if run:
            timings.append(elapsed)
        text = answer.text
        shown, size = text.count(ROW_START), len(answer.content)
        last = text.rsplit(ROW_START, 1)[-1]
    median = statistics.median(timings)
    return {
        "entries_shown": shown,
        "bytes": size,
        "runs": runs,
        "median_ms": median,
        "min_ms": min(timings),
        "max_ms": max(timings),
        "ms_per_entry": median / shown if shown else None,
        "last_row_number": _row_number(last),
    }


def _row_number(row: str) -> int | None:
    """The docket number a report row shows (the text of its doc1 link)."""
    import re

    found = re.search(r'return\(false\);">(\d+)</a>', row)
    return int(found.group(1)) if found else None


def docket_reports(client: Any, court: Any) -> dict[str, Any]:
    cases = {}
    loads = {}
    filed_on = court.local_date() - timedelta(days=max(SIZES) // ENTRIES_PER_DAY + 30)
    for size in SIZES:
        case = open_docket_case(court, f"Docket of {size:,} v. Bench Report", filed_on=filed_on)
        loads[size] = load_docket(case=case, count=size)
        cases[size] = case
    settle()
    figures: dict[str, Any] = {"loads": {str(size): load for size, load in loads.items()}}
    for size in SIZES:
        figures[str(size)] = _docket_report(client, cases[size], runs=RUNS[size])
    figures["range_100_of_10000"] = _docket_report(client, cases[max(SIZES)], runs=RUNS[100], numbers=RANGE)
    small, middle, large = (figures[str(size)]["median_ms"] for size in SIZES)
    figures["ratio_1000_to_100"] = middle / small
    figures["ratio_10000_to_1000"] = large / middle
    figures["range_ratio"] = figures["range_100_of_10000"]["median_ms"] / small
    return figures


def _lookups(court: Any, *, count: int, seed: int = 15) -> list[str]:
    """Numbers as clients type them, each naming loaded cases at both sizes: this year's first 5,000 serials,
    partial (``26-1234``: its civil and its criminal case) and full (``1:26-cv-01234``)."""
    from openecf.cases.services import filing_settings

    year = court.local_date().year % 100
    office = filing_settings(court).office
    pick = random.Random(seed)  # noqa: S311 - a fixed sample of numbers, the same at both sizes
    found = []
    for i in range(count):
        serial = pick.randint(1, CASES_SMALL // 2)
        kind = ("cv", "cr")[i % 2]
        found.append(f"{year:02d}-{serial}" if i % 3 else f"{office}:{year:02d}-{kind}-{serial:05d}")
    return found


# Not a case number: the same request, signed in, with no case to look up (the view makes no query for it).
CONTROL = "x"


def possible_case_numbers(client: Any, court: Any, numbers: list[str]) -> dict[str, Any]:
    """Each number looked up in turn, one request at a time, each followed by a control request that looks up
    nothing: the control's latency shows how busy the machine was while the lookups were measured."""
    from bench.tools import percentile

    path = f"/ecf/{court.pk}/cgi-bin/possible_case_numbers.pl?"
    for number in numbers[:20]:  # warm-up
        client.get(path + number)
    timings, controls, missing = [], [], 0
    for number in numbers:
        began = time.perf_counter()
        answer = client.get(path + number)
        timings.append(1000 * (time.perf_counter() - began))
        if answer.status_code != 200 or "<case " not in answer.text:
            missing += 1
        began = time.perf_counter()
        client.get(path + CONTROL)
        controls.append(1000 * (time.perf_counter() - began))
    timings.sort()
    controls.sort()
    return {
        "requests": len(timings),
        "p50_ms": percentile(timings, 50),
        "p99_ms": percentile(timings, 99),
        "not_found": missing,
        "control_p50_ms": percentile(controls, 50),
    }


def settle() -> None:
    """Do now what a load leaves PostgreSQL to do later, so that none of it falls inside the measure after it:
    VACUUM (ANALYZE) the loaded tables (else autovacuum wakes for a million new rows and takes a core from the
    server mid-measure, as the first runs' slower control requests showed), then write the buffers out
    (CHECKPOINT)."""
    from django.db import connection

    from openecf.cases.models import Case, DocketEntry, Document

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Case, DocketEntry, Document):
                cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
            cursor.execute("CHECKPOINT")


def explain_lookup(court: Any, number: str) -> str:
    """PostgreSQL's plan for the lookup's case query, with what it read, for the log."""
    from django.db import connection

    from openecf.cases.selectors import cases_matching
    from openecf.reports.selectors import RESULTS_LIMIT

    found = cases_matching(court, number).select_related("referred_judge", "lead_case__judge")[:RESULTS_LIMIT]
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def case_lookups(client: Any, court: Any) -> dict[str, Any]:
    numbers = _lookups(court, count=LOOKUPS)
    figures: dict[str, Any] = {}
    figures["load_small"] = load_cases(court=court, count=CASES_SMALL)
    settle()
    figures["small"] = possible_case_numbers(client, court, numbers)
    figures["plan_small"] = explain_lookup(court, numbers[1])
    figures["load_large"] = load_cases(court=court, count=CASES_LARGE - CASES_SMALL)
    settle()
    figures["large"] = possible_case_numbers(client, court, numbers)
    figures["plan_large"] = explain_lookup(court, numbers[1])
    figures["ratio"] = figures["large"]["p50_ms"] / figures["small"]["p50_ms"]
    figures["p99_ratio"] = figures["large"]["p99_ms"] / figures["small"]["p99_ms"]
    figures["control_ratio"] = figures["large"]["control_p50_ms"] / figures["small"]["control_p50_ms"]
    # The ratio with the machine's own slowing taken out: each size's lookups against its interleaved controls.
    figures["ratio_vs_control"] = figures["ratio"] / figures["control_ratio"]
    return figures


def measure(*, seconds: float, server: Any = None) -> dict[str, Any]:
    """Both measures against ``server`` (a running bench.tools.Server on the database Django is set up on), or a
    server started here for the purpose."""
    del seconds  # each measure is a fixed number of requests
    if server is None:
        return _with_own_server()
    from openecf.courts.models import Court

    court = Court.objects.get(pk=COURT)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    with closing(_signed_in_client(server.url(""))) as client:
        return {"court": COURT, "docket_report": docket_reports(client, court), "lookups": case_lookups(client, court)}


def _with_own_server() -> dict[str, Any]:
    import os

    from bench import tools

    work = ROOT / "var" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    log = work / "reports.log"
    with tools.SmtpSink(log) as smtp, tools.Server(os.environ["DATABASE_URL"], log, smtp.env()) as server:
        return measure(seconds=0, server=server)


def line(figures: dict[str, Any]) -> str:
    report, lookups = figures["docket_report"], figures["lookups"]
    sizes = ", ".join(
        f"{report[str(size)]['entries_shown']:,}: {report[str(size)]['median_ms']:.0f} ms "
        f"({report[str(size)]['ms_per_entry']:.2f} ms/entry)"
        for size in SIZES
    )
    part = report["range_100_of_10000"]
    return (
        f"Docket Report {sizes}; entries {RANGE[0]}-{RANGE[1]} of 10,000: {part['median_ms']:.0f} ms "
        f"({report['range_ratio']:.2f}x the 100-entry case); possible_case_numbers.pl p50 "
        f"{lookups['small']['p50_ms']:.1f} ms at {CASES_SMALL:,} cases, {lookups['large']['p50_ms']:.1f} ms at "
        f"{CASES_LARGE:,} ({lookups['ratio']:.2f}x; {lookups['ratio_vs_control']:.2f}x against the control requests)"
    )


def main() -> int:
    from bench.tools import standalone_main

    return standalone_main(
        url_variable="BENCH_REPORTS_PG_URL",
        default_url="postgres://postgres@127.0.0.1:5432/openecf_bench_reports",
        measure=measure,
        line=line,
    )


if __name__ == "__main__":
    sys.exit(main())
