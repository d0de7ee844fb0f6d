"""Point a real PACER client at a local OpenECF: an httpx transport for all://*.uscourts.gov.

Clients such as juriscraper hard-code https://pacer.login.uscourts.gov and https://ecf.<court>.uscourts.gov.
Mounted for "all://*.uscourts.gov", this transport sends each request to OpenECF on 127.0.0.1:<port> instead,
keeping the URL the client built and its Host header, so cookies scoped to ".uscourts.gov" work unchanged.
The server must run with OPENECF_COURT_DOMAIN=uscourts.gov.

Try it against `make run` (see README, "Real PACER clients"):

    OPENECF_COURT_DOMAIN=uscourts.gov make run
    .venv/bin/python tools/pacer_loopback.py --port 8000 jattorney
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

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


async def _demo(port: int, username: str, password: str, court: str) -> int:
    from juriscraper.pacer import PacerSession, PossibleCaseNumberApi

    session = PacerSession(username=username, password=password, mounts=mounts(port))
    await session.login()
    print(f"Logged in: nextGenCSO token of {len(session.cookies.get('NextGenCSO') or '')} characters")
    page = await session.get(f"https://ecf.{court}.uscourts.gov/")
    print(f"{court} home page: HTTP {page.status_code}, logged in: {b'/cgi-bin/login.pl?logout' in page.content}")
    lookup = PossibleCaseNumberApi(court, session)
    await lookup.query("1:26-cv-00001")
    print(f"possible_case_numbers.pl: {lookup.response.text}")
    await session.aclose()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("username")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--court", default="wiwd")
    args = parser.parse_args()
    password = getpass.getpass("PACER password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    return asyncio.run(_demo(args.port, args.username, password, args.court))


if __name__ == "__main__":
    sys.exit(main())
