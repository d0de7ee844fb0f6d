"""The whole link flow as a filer's browser walks it, for locust (bench/run.py starts it headless).

Sign in at the PACER Login form for the court, open Utilities > Link a CM/ECF account, submit the court's CM/ECF
login and password, confirm. Each simulated filer takes the next unlinked pair from BENCH_PAIRS (a file of
"pacer_username court_id ecf_login" lines) and starts with an empty cookie jar, like a new browser.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from locust import FastHttpUser, events, task

PASSWORD = os.environ["BENCH_PASSWORD"]
ECF_PASSWORD = os.environ.get("BENCH_ECF_PASSWORD", PASSWORD)
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
_NONCE = re.compile(r'name="nonce" value="([^"]+)"')


def _pairs() -> Iterator[tuple[str, str, str]]:
    for line in Path(os.environ["BENCH_PAIRS"]).read_text().splitlines():
        pacer, court, ecf = line.split()
        yield pacer, court, ecf


PAIRS = _pairs()
FLOWS: list[tuple[float, float, bool]] = []  # (started, ended, linked), monotonic seconds


class Filer(FastHttpUser):
    @task
    def link(self) -> None:
        try:
            pacer, court, ecf = next(PAIRS)
        except StopIteration:
            self.environment.runner.quit()
            return
        self.client.cookiejar.clear()
        started = time.monotonic()
        linked = self._walk(pacer, court, ecf)
        FLOWS.append((started, time.monotonic(), linked))

    def _token(self, html: str) -> str:
        found = _TOKEN.search(html)
        return found.group(1) if found else ""

    def _walk(self, pacer: str, court: str, ecf: str) -> bool:
        link_url = f"/ecf/{court}/utilities/link/"
        form = self.client.get(f"/login/?court={court}&next={link_url}", name="1 GET /login/")
        sign_in = self.client.post(
            "/login/",
            data={
                "csrfmiddlewaretoken": self._token(form.text or ""),
                "username": pacer,
                "password": PASSWORD,
                "client_code": "",
                "court": court,
                "next": link_url,
            },
            name="2 POST /login/ (then the link form)",
        )
        if sign_in.status_code != 200 or 'name="login"' not in (sign_in.text or ""):
            return False
        proposal = self.client.post(
            link_url,
            data={"csrfmiddlewaretoken": self._token(sign_in.text or ""), "login": ecf, "password": ECF_PASSWORD},
            name="3 POST link form",
        )
        nonce = _NONCE.search(proposal.text or "")
        if proposal.status_code != 200 or nonce is None:
            return False
        done = self.client.post(
            f"/ecf/{court}/utilities/link/confirm/",
            data={"csrfmiddlewaretoken": self._token(proposal.text or ""), "nonce": nonce.group(1)},
            name="4 POST confirm (then the done page)",
        )
        return done.status_code == 200 and f"/ecf/{court}/utilities/link/done/" in (done.url or "")


@events.quitting.add_listener
def _report(environment, **_kwargs):  # type: ignore[no-untyped-def]
    print("LINK-JSON " + json.dumps({"flows": FLOWS}), flush=True)
