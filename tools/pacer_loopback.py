"""Point a real PACER client at a local OpenECF: an httpx transport for all://*.uscourts.gov.

Clients such as juriscraper hard-code https://pacer.login.uscourts.gov and https://ecf.<court>.uscourts.gov.
Mounted for "all://*.uscourts.gov", this transport sends each request to OpenECF on 127.0.0.1:<port> instead,
keeping the URL the client built and its Host header, so cookies scoped to ".uscourts.gov" work unchanged.
The server must run with OPENECF_COURT_DOMAIN=uscourts.gov.

Run as a script, it signs on with juriscraper, finds a case by number (possible_case_numbers.pl), downloads its
docket report and its first document (billed: the receipts are in Utilities -> Review Billing History), and prints
what juriscraper parsed. Try it against `make run` (see README, "Real PACER clients"):

    OPENECF_COURT_DOMAIN=uscourts.gov make run
    echo 'Central-SignOn-2026!' | .venv/bin/python tools/pacer_loopback.py --port 8000 asample22 --case 3:26-cv-00003
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import Any

import httpx


class LoopbackTransport(httpx.AsyncBaseTransport):
    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.port = port
        self.host = host
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # A new request for the wire; the client keeps its own, so redirects and cookies follow the real URL.
        wire = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host=self.host, port=self.port),
            headers=[(k, v) for k, v in request.headers.raw if k.lower() != b"host"] + [(b"Host", request.url.netloc)],
            stream=request.stream,
            extensions=request.extensions,
        )
        return await self.inner.handle_async_request(wire)

    async def aclose(self) -> None:
        await self.inner.aclose()


def mounts(port: int) -> dict[str, httpx.AsyncBaseTransport]:
    return {"all://*.uscourts.gov": LoopbackTransport(port)}


async def walk(port: int, username: str, password: str, court: str, case_number: str) -> dict[str, Any]:
    """Sign on, find the case by number, download its docket report and its first document, as a client would.

    Returns what juriscraper parsed (and the PDF's size), for a person to compare with the court's pages, or a test
    with what is stored."""
    from juriscraper.pacer import DocketReport, PacerSession, PossibleCaseNumberApi

    session = PacerSession(username=username, password=password, mounts=mounts(port))
    await session.login()
    try:
        lookup = PossibleCaseNumberApi(court, session)
        await lookup.query(case_number)
        found = lookup.data(case_name="", office_number=None, docket_number_letters=None)
        pacer_case_id = found["pacer_case_id"]
        report = DocketReport(court, session)
        await report.query(pacer_case_id, show_parties_and_counsel=True)
        docket = report.data
        pdf = b""
        first = next((e for e in docket["docket_entries"] if e.get("pacer_doc_id")), None)
        if first is not None:
            response, error = await report.download_pdf(pacer_case_id, first["pacer_doc_id"])
            if response is None:
                raise RuntimeError(f"download_pdf: {error}")
            pdf = response.content
        return {"case": found, "docket": docket, "document": first, "pdf": pdf}
    finally:
        await session.aclose()


def _print(walked: dict[str, Any]) -> None:
    case, docket = walked["case"], walked["docket"]
    print(f"possible_case_numbers.pl: {case['title']} (caseid {case['pacer_case_id']})")
    print(f"Docket report: {docket['case_name']}, filed {docket['date_filed']}, judge {docket['assigned_to_str']}")
    for party in docket["parties"]:
        attorneys = "; ".join(a["name"] for a in party["attorneys"])
        print(f"  {party['type']}: {party['name']}" + (f" (represented by {attorneys})" if attorneys else ""))
    for entry in docket["docket_entries"]:
        number = entry["document_number"] or "-"
        print(f"  {number:>3}  {entry['date_filed']}  {entry['description'][:90]}")
    if walked["document"] is not None:
        doc = walked["document"]
        print(f"Document {doc['document_number']} ({doc['pacer_doc_id']}): {len(walked['pdf']):,} bytes of PDF")


async def _demo(port: int, username: str, password: str, court: str, case_number: str) -> int:
    _print(await walk(port, username, password, court, case_number))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("username")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--court", default="wiwd")
    parser.add_argument("--case", default="3:26-cv-00003", help="a case number at the court (default: a demo case)")
    args = parser.parse_args()
    password = getpass.getpass("PACER password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    return asyncio.run(_demo(args.port, args.username, password, args.court, args.case))


if __name__ == "__main__":
    sys.exit(main())
