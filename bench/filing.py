"""Filing's measures (issue 14, item 8), on PostgreSQL, in one process:

1. the PDF check of a 35 MB PDF (a scanned filing: 350 pages, each a 100 KB image, with its structure in
   compressed object streams), milliseconds for ``cases.pdfchecks.check_pdf``, the median of several runs;
2. docket-number assignment under 50 concurrent filers: 50 threads (a connection each) released at once file into
   one case through ``cases.docketing.file_entry``; filings per second over the burst, and the proof: the 50
   numbers are 1..50, no gap, no duplicate;
3. filings per second with a 1 MB PDF and 4 concurrent filers, each filing ``file_entry`` + ``noticing.nef.send_nef``
   in one transaction, the path the filing flow's last step takes; each filer in a case of its own (two attorneys
   of record: each NEF is queued to both), all at one court (so they meet on the court's document-serial row, as
   real filers do).

The filed PDFs go to a scratch directory under var/bench, emptied afterwards. The writers are threads of this
process; PostgreSQL runs on the same cores.

Alone: ``python -m bench.filing`` (BENCH_SECONDS, default 20, for step 3; BENCH_FILING_PG_URL, default
postgres://postgres@127.0.0.1:5432/openecf_bench_filing, **dropped and recreated**). `make bench` runs it on its
PostgreSQL leg's database, before the server starts.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "var" / "bench" / "filing-documents"
COURT = "wiwd"
CHECK_MB = 35
CHECK_RUNS = 5
RACE_FILERS = 50
FILERS = 4
FILING_PDF_MB = 1
MB = 1024 * 1024


def scanned_pdf(*, megabytes: float, page_kb: int = 100) -> bytes:
    """A scanned document of about ``megabytes`` MB: one image per page (bytes the check never decodes, so random
    ones do), a line of OCR text, object streams for the structure, as scanners' PDFs have."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    for number in range(max(1, int(megabytes * 1024 / page_kb))):
        image = pikepdf.Stream(pdf, b"\xff\xd8" + os.urandom(page_kb * 1024 - 4) + b"\xff\xd9")
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = 2550, 3300, 8
        image.ColorSpace, image.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.DCTDecode
        page = pdf.add_blank_page(page_size=(612, 792))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image), Font=pikepdf.Dictionary(F1=font))
        text = f"q 612 0 0 792 0 0 cm /Im0 Do Q BT 3 Tr /F1 12 Tf 72 700 Td (Page {number + 1}) Tj ET"
        page.obj.Contents = pdf.make_stream(text.encode())
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def check_time(*, megabytes: float = CHECK_MB, runs: int = CHECK_RUNS) -> dict[str, Any]:
    from openecf.cases.pdfchecks import check_pdf

    # Just under the limit: the court's default limit is 35 MB, and the bench measures an accepted document.
    data = scanned_pdf(megabytes=megabytes * 0.99)
    timings, pages = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        pages = check_pdf(data, max_bytes=int(megabytes * MB)).page_count
        timings.append(1000 * (time.perf_counter() - began))
    return {
        "megabytes": len(data) / MB,
        "pages": pages,
        "runs": runs,
        "median_ms": statistics.median(timings),
        "max_ms": max(timings),
    }


def _account(court: Any, login: str, name: str) -> Any:
    from openecf.cmecf.models import EcfAccount

    account, _ = EcfAccount.objects.get_or_create(
        court=court,
        login_key=login,
        defaults={"login": login, "name": name, "email": f"{login}@example.com", "password": "!"},
    )
    return account


def _setting_up(title: str) -> tuple[Any, Any]:
    """A civil case at the court (a new one each call), its plaintiff represented by the bench's filer and its
    defendant by another attorney, so each NEF goes to two attorneys of record; returns the case and the filer."""
    from openecf.audit.context import Origin
    from openecf.cases import services
    from openecf.cases.models import Judge, PartyRole
    from openecf.courts.models import Court

    origin = Origin(ip_address="198.51.100.7", user_agent="bench")
    court = Court.objects.get(pk=COURT)
    judge = Judge.objects.filter(court=court, initials="BFJ").first() or services.add_judge(
        court=court, name="Bench Filing Judge", initials="BFJ", origin=origin
    )
    case = services.open_case(court=court, case_type="cv", title=title, judge=judge, origin=origin)
    attorney = _account(court, "benchfiler", "Bench Filer")
    opposing = _account(court, "benchopposing", "Bench Opposing")
    for role, name, counsel in (
        (PartyRole.PLAINTIFF, "Plaintiff", attorney),
        (PartyRole.DEFENDANT, "Defendant", opposing),
    ):
        party = services.add_party(case=case, name=f"{name} {case.caseid}", role=role, origin=origin)
        services.add_attorney(party=party, ecf_account=counsel, origin=origin)
    return case, attorney


def docket_race(*, filers: int = RACE_FILERS) -> dict[str, Any]:
    """``filers`` threads file into one case at the same moment; the numbers they get, and how fast."""
    from django.db import connection, connections

    from openecf.audit.context import Origin
    from openecf.cases.docketing import Upload, file_entry
    from openecf.cases.models import DocketEntry
    from openecf.cases.pdfmake import make_pdf

    if connection.vendor != "postgresql":
        raise RuntimeError("the docket-number race measures PostgreSQL, where filers can run at once")
    case, attorney = _setting_up("Many v. One (bench)")
    pdf = make_pdf([["MOTION"]])
    origin = Origin(ip_address="198.51.100.7", user_agent="bench")
    start = threading.Barrier(filers + 1)
    errors: list[str] = []

    def file(n: int) -> None:
        try:
            start.wait()
            file_entry(
                case=case, text=f"MOTION {n}", documents=[Upload(pdf, f"m{n}.pdf")], origin=origin, filed_by=attorney
            )
        except Exception as error:  # counted and shown: the proof must see every failure
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=file, args=(n,)) for n in range(filers)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    numbers = sorted(n for n in DocketEntry.objects.filter(case=case).values_list("number", flat=True) if n)
    return {
        "filers": filers,
        "seconds": wall,
        "per_s": filers / wall,
        "errors": errors,
        "numbers_consecutive": numbers == list(range(1, filers + 1)),
        "first_number": numbers[0] if numbers else None,
        "last_number": numbers[-1] if numbers else None,
    }


def _drop_queued(*, after: int) -> int:
    """Count the NEFs the run queued, then delete them. Their delivery is not what this step measures. Left
    queued on the leg's database, the server started next would send them while its login legs are measured:
    2,000 e-mails went out during the web-login leg of a run and took 0.1 off its ratio (docs/performance.md)."""
    from openecf.notices.models import OutboxMessage

    queued = OutboxMessage.objects.filter(pk__gt=after)
    count = queued.count()
    queued.delete()
    return count


def filing_throughput(*, seconds: float, filers: int = FILERS, megabytes: float = FILING_PDF_MB) -> dict[str, Any]:
    """``filers`` threads each file for ``seconds`` into a case of their own: file_entry + send_nef, one transaction
    each, a ``megabytes`` MB PDF each time."""
    from django.db import connections, transaction
    from django.db.models import Max

    from openecf.audit.context import Origin
    from openecf.cases.docketing import Upload, file_entry
    from openecf.notices.models import OutboxMessage
    from openecf.noticing.nef import send_nef

    pdf = scanned_pdf(megabytes=megabytes)
    digest = hashlib.sha256(pdf).hexdigest()
    origin = Origin(ip_address="198.51.100.7", user_agent="bench")
    cases = [_setting_up(f"Filer {n} v. Bench") for n in range(filers)]
    start = threading.Barrier(filers)
    deadline = [0.0]

    def filer(n: int) -> tuple[int, list[float], list[str]]:
        case, attorney = cases[n]
        done, latencies, errors = 0, [], []
        try:
            start.wait()
            if n == 0:
                deadline[0] = time.monotonic() + seconds
            while not deadline[0]:
                time.sleep(0.001)
            while (began := time.monotonic()) < deadline[0]:
                try:
                    with transaction.atomic():
                        entry = file_entry(
                            case=case,
                            text="MOTION for Summary Judgment",
                            documents=[Upload(pdf, "motion.pdf")],
                            filed_by=attorney,
                            origin=origin,
                        )
                        send_nef(entry=entry, origin=origin, short_description="Motion for Summary Judgment")
                except Exception as error:  # reported with the figures
                    errors.append(repr(error))
                    continue
                latencies.append(time.monotonic() - began)
                done += 1
        finally:
            connections.close_all()
        return done, latencies, errors

    queued_before = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
    began = time.monotonic()
    with ThreadPoolExecutor(filers) as pool:
        results = list(pool.map(filer, range(filers)))
    wall = time.monotonic() - began
    filed = sum(done for done, _, _ in results)
    latencies = sorted(latency for _, each, _ in results for latency in each)
    errors = [error for _, _, each in results for error in each]
    return {
        "filers": filers,
        "pdf_megabytes": len(pdf) / MB,
        "pdf_sha256": digest,
        "seconds": wall,
        "filings": filed,
        "per_s": filed / wall,
        "nef_messages_queued": _drop_queued(after=queued_before),
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else None,
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)] if latencies else None,
        "errors": errors[:5],
        "error_count": len(errors),
    }


def measure(*, seconds: float) -> dict[str, Any]:
    """All three, on the database Django is set up on (PostgreSQL), with the PDFs in a scratch directory."""
    from django.conf import settings

    previous = settings.OPENECF_DOCUMENT_ROOT, settings.OPENECF_DOCUMENT_STORAGE
    shutil.rmtree(SCRATCH, ignore_errors=True)
    settings.OPENECF_DOCUMENT_ROOT, settings.OPENECF_DOCUMENT_STORAGE = SCRATCH, ""
    try:
        return {
            "pdf_check": check_time(),
            "docket_race": docket_race(),
            "throughput": filing_throughput(seconds=seconds),
        }
    finally:
        settings.OPENECF_DOCUMENT_ROOT, settings.OPENECF_DOCUMENT_STORAGE = previous
        shutil.rmtree(SCRATCH, ignore_errors=True)


def line(figures: dict[str, Any]) -> str:
    check, race, put = figures["pdf_check"], figures["docket_race"], figures["throughput"]
    return (
        f"PDF check of a {check['megabytes']:.1f} MB PDF ({check['pages']} pages): {check['median_ms']:.0f} ms "
        f"(median of {check['runs']}); {race['filers']} filers at once into one case: {race['per_s']:.0f} filings/s, "
        f"numbers 1..{race['filers']} consecutive: {race['numbers_consecutive']} ({len(race['errors'])} errors); "
        f"{put['filers']} filers with a {put['pdf_megabytes']:.1f} MB PDF, entry + NEF: {put['per_s']:.1f} filings/s "
        f"p50 {put['p50_ms'] or 0:.0f} ms p99 {put['p99_ms'] or 0:.0f} ms ({put['error_count']} errors)"
    )


def main() -> int:
    from bench.tools import standalone_main

    return standalone_main(
        url_variable="BENCH_FILING_PG_URL",
        default_url="postgres://postgres@127.0.0.1:5432/openecf_bench_filing",
        measure=measure,
        line=line,
    )


if __name__ == "__main__":
    sys.exit(main())
