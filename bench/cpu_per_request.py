"""CPU milliseconds per request, measured in this process: `python -m bench.cpu_per_request`.

Wall-clock throughput on a shared machine moves with whatever else runs on it; the CPU one request costs the app
process does not. This calls the production WSGI application in a loop (production settings, PostgreSQL, the
throttle in Redis, as `make serve` runs it in the bench's PostgreSQL leg) and prints, per request:

- API login (POST /services/cso-auth), with the Argon2 verification measured alone and subtracted;
- web login: GET /login/ (form, CSRF cookie and token) and POST /login/ (minus the hash);
- a court page (Utilities, signed in by a nextGenCSO cookie) and /healthz (a bare Django response);

with the SQL statements each sends. PostgreSQL's own CPU is not in these figures (it is another process), nor is
gunicorn's HTTP parsing. Environment: BENCH_CPU_PG_URL (default postgres://postgres@127.0.0.1:5432/openecf_cpu,
dropped and recreated), BENCH_REDIS_URL, BENCH_CPU_N (requests of each kind, default 300), BENCH_CPU_PROFILE
(a directory: each kind is run once more under cProfile, on the process's CPU clock, its statistics written there
as <kind>.prof and its 25 costliest functions printed).
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_CPU_PG_URL", "postgres://postgres@127.0.0.1:5432/openecf_cpu")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
N = int(os.environ.get("BENCH_CPU_N", "300"))
PROFILE = os.environ.get("BENCH_CPU_PROFILE", "")
BATCHES = 5
# Every login a different account, as in the bench (and the profiled pass), and ten more for the warm-up.
ACCOUNTS = (4 if PROFILE else 2) * N + 10
PREFIX = "cpu"
PASSWORD = "Bench-Password-2026!"  # noqa: S105 - the synthetic accounts' published password
HOST = "127.0.0.1"
PAGE = "/ecf/wiwd/utilities/"
_FORM_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def _configure() -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DATABASE_URL": PG_URL,
            "OPENECF_SECRET_KEY": secrets.token_urlsafe(50),
            "OPENECF_ALLOWED_HOSTS": HOST,
            "OPENECF_SSL_REDIRECT": "0",
            "OPENECF_SECURE_COOKIES": "0",
            "REDIS_URL": REDIS_URL,
            "OPENECF_THROTTLE_REDIS_PREFIX": "openecf:cpu:throttle:",
            "OPENECF_STATIC_ROOT": str(ROOT / "var" / "cpu-static"),
        }
    )


def _fresh_database() -> None:
    from bench import tools

    tools.recreate_postgres_database(PG_URL)


class Browser:
    """One client of the WSGI application: its cookie jar, and the last response's status, headers and body."""

    def __init__(self, application: Callable[..., Any]) -> None:
        self.application = application
        self.cookies: dict[str, str] = {}
        self.status = 0
        self.body = b""

    def request(self, method: str, path: str, body: bytes = b"", content_type: str = "") -> int:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": HOST,
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": HOST,
            "REMOTE_ADDR": HOST,
            "HTTP_USER_AGENT": "bench.cpu_per_request",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
            "CONTENT_LENGTH": str(len(body)),
        }
        if content_type:
            environ["CONTENT_TYPE"] = content_type
        if self.cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers: list[tuple[str, str]] = []

        def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            self.status = int(status.split()[0])
            headers.extend(response_headers)

        result = self.application(environ, start_response)
        try:
            self.body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        for name, value in headers:
            if name.lower() == "set-cookie":
                for key, morsel in SimpleCookie(value).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
        return self.status


def _api_login(application: Callable[..., Any], i: int) -> str:
    client = Browser(application)
    body = json.dumps({"loginId": f"{PREFIX}p{i:07d}", "password": PASSWORD}).encode()
    client.request("POST", "/services/cso-auth", body, "application/json")
    answer = json.loads(client.body)
    if client.status != 200 or answer["loginResult"] != "0":
        raise RuntimeError(f"API login {i} failed: {answer}")
    return str(answer["nextGenCSO"])


def _web_form(client: Browser) -> bytes:
    client.request("GET", "/login/")
    found = _FORM_TOKEN.search(client.body)
    if client.status != 200 or found is None or "csrftoken" not in client.cookies:
        raise RuntimeError(f"GET /login/ answered {client.status} without a form token and cookie")
    return found.group(1)


def _web_post(client: Browser, token: bytes, i: int) -> None:
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.decode(),
            "username": f"{PREFIX}p{i:07d}",
            "password": PASSWORD,
            "client_code": "",
            "next": "/",
        }
    ).encode()
    client.request("POST", "/login/", form, "application/x-www-form-urlencoded")
    if client.status != 302:
        raise RuntimeError(f"POST /login/ {i} answered {client.status}")


def _get(client: Browser, path: str) -> None:
    if client.request("GET", path) != 200:
        raise RuntimeError(f"GET {path} answered {client.status}")


class Meter:
    """CPU and SQL statements over a stretch of requests, and the CPU spent inside Argon2 verifications."""

    def __init__(self) -> None:
        import argon2
        from django.db import connection

        self.statements = 0
        self.hash_s = 0.0
        connection.execute_wrappers.append(self._count)  # stays installed: the requests run on this thread
        # The hash's CPU, timed where it runs (argon2-cffi, under Django's hasher): subtracting a mean measured
        # apart would subtract the noise of a shared machine as well.
        verify = argon2.PasswordHasher.verify

        def timed_verify(hasher: Any, hash: Any, password: Any) -> bool:
            started = time.process_time()
            try:
                return verify(hasher, hash, password)
            finally:
                self.hash_s += time.process_time() - started

        argon2.PasswordHasher.verify = timed_verify  # type: ignore[method-assign,assignment]

    def _count(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.statements += 1
        return execute(sql, params, many, context)

    def run(self, count: int, each: Callable[[int], None]) -> tuple[float, float, float]:
        """CPU ms (less the hashes'), statements, and hash CPU ms per call of ``each(i)``, i in range(count).

        The CPU figure is the median over five batches: on a shared machine a batch that met a busy neighbour
        (caches, the core's other hyperthread) costs more CPU, and the median leaves it out."""
        batches: list[float] = []
        statements, hash_s = 0, 0.0
        size = max(1, count // BATCHES)
        for first in range(0, size * BATCHES, size):
            self.statements, self.hash_s = 0, 0.0
            started = time.process_time()
            for i in range(first, first + size):
                each(i)
            batches.append((time.process_time() - started - self.hash_s) * 1000 / size)
            statements, hash_s = statements + self.statements, hash_s + self.hash_s
        done = size * BATCHES
        return statistics.median(batches), statements / done, hash_s * 1000 / done


def _profile(kinds: list[tuple[str, Callable[[int], None]]], *, offset: int) -> None:
    import cProfile
    import pstats

    folder = Path(PROFILE)
    folder.mkdir(parents=True, exist_ok=True)
    for name, each in kinds:
        # The process's CPU clock, not cProfile's default wall clock, which on a shared machine counts other jobs.
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for i in range(N):
            each(offset + i if name.startswith(("api", "login")) else i)
        profiler.disable()
        profiler.dump_stats(folder / f"{name}.prof")
        print(f"\n=== {name}: {N} requests under cProfile (CPU seconds), 25 costliest by own time")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> int:
    _configure()
    sys.path.insert(0, str(ROOT))
    _fresh_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    from bench import loaders
    from openecf.audit.context import Origin

    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    loaders.load_accounts(
        pacer=ACCOUNTS, ecf=ACCOUNTS, prefix=PREFIX, password=PASSWORD, origin=Origin(ip_address=None, user_agent="cpu")
    )
    import redis

    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(match="openecf:cpu:throttle:*", count=1000):
        store.delete(key)

    application = get_wsgi_application()
    meter = Meter()
    # Warm up: imports, compiled statements, template and menu caches, the connection.
    warm = Browser(application)
    _web_post(warm, _web_form(warm), ACCOUNTS - 1)
    tokens = [_api_login(application, ACCOUNTS - 2 - i) for i in range(8)]
    page_client = Browser(application)
    for token in tokens:
        page_client.cookies = {"NextGenCSO": token}
        _get(page_client, PAGE)
    _get(Browser(application), "/healthz")

    forms: list[tuple[Browser, bytes]] = []

    def api_login(i: int) -> None:
        _api_login(application, i)

    def get_form(i: int) -> None:
        client = Browser(application)
        forms.append((client, _web_form(client)))

    def post_form(i: int) -> None:
        client, token = forms[i % N]
        _web_post(client, token, N + i)

    def page(i: int) -> None:
        page_client.cookies = {"NextGenCSO": tokens[i % len(tokens)]}
        _get(page_client, PAGE)

    bare = Browser(application)

    def healthz(i: int) -> None:
        _get(bare, "/healthz")

    kinds: list[tuple[str, Callable[[int], None]]] = [
        ("api_login", api_login),
        ("login_get", get_form),
        ("login_post", post_form),
        ("page", page),
        ("healthz", healthz),
    ]
    measured = {name: meter.run(N, each) for name, each in kinds}
    api_ms, api_sql, hash_ms = measured["api_login"]
    form_ms, form_sql, _ = measured["login_get"]
    post_ms, post_sql, _ = measured["login_post"]
    page_ms, page_sql, _ = measured["page"]
    bare_ms, bare_sql, _ = measured["healthz"]
    if PROFILE:
        # A second pass on accounts the first never used (logins from 2N up), each kind under its own profiler.
        forms.clear()
        _profile(kinds, offset=2 * N)
    rows = [
        ("Argon2id verify (in the API logins)", hash_ms, 0.0),
        ("API login, less the hash", api_ms, api_sql),
        ("web login GET /login/", form_ms, form_sql),
        ("web login POST, less the hash", post_ms, post_sql),
        ("court page (Utilities, by token)", page_ms, page_sql),
        ("/healthz", bare_ms, bare_sql),
    ]
    print(f"CPU of this process per request, {N} requests each (production settings, PostgreSQL, Redis)")
    # Also as a share of the hash measured in the same run: a busier machine slows both alike, so this column
    # compares across runs where the milliseconds do not.
    for name, ms, sql in rows:
        print(f"  {name:<36} {ms:6.2f} ms  {sql:4.1f} SQL  {ms / hash_ms:5.3f} of the hash")
    print(f"  {'page / healthz CPU':<36} {page_ms / bare_ms:6.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
