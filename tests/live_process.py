"""Real processes for tests: a database of their own, the production server (gunicorn) and the outbox worker.

Tests that kill processes or race them need a database that several processes share, which the test database
(in memory on SQLite, inside a rolled-back transaction) is not. ``live_db`` makes one of the same vendor as the
test run — a file for SQLite, a database for PostgreSQL — migrates it, and drops it afterwards.
"""

from __future__ import annotations

import contextlib
import functools
import grp
import http.client
import json
import os
import pwd
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from typing import IO, Any

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class LiveDatabase:
    def __init__(self, url: str, workdir: Path) -> None:
        self.url = url
        self.workdir = workdir
        self.secret_key = secrets.token_urlsafe(64)  # the same across restarts, so sessions survive a crash

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "config.settings.demo",
            "OPENECF_LOG_LEVEL": "WARNING",
            # Filed PDFs (the demo's too) stay with this database, out of the checkout's var/.
            "OPENECF_DOCUMENT_ROOT": str(self.workdir / "documents"),
            "PYTHONUNBUFFERED": "1",
            **extra,
        }

    def manage(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    def python(self, code: str) -> Any:
        """Run Django code against this database in a fresh process; it prints one JSON value, returned here."""
        result = self.manage("shell", "-c", code)
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    def spawn(self, *args: str, log: IO[str], **env: str) -> subprocess.Popen[str]:
        """Start a process in a session of its own, so it and all its children can be killed at once."""
        return subprocess.Popen(
            [PYTHON, *args],
            cwd=ROOT,
            env=self.env(**env),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )


def kill(process: subprocess.Popen[str], sig: int = signal.SIGKILL) -> None:
    """Signal the process and everything it started (gunicorn's workers too), then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def _free_port() -> int:
    from conftest import free_port

    return free_port()


class ProductionServer:
    """gunicorn with the production settings and several worker processes, as `make serve` runs it (over HTTP)."""

    def __init__(self, db: LiveDatabase, *, workers: int = 4, **extra_env: str) -> None:
        self.db = db
        self.workers = workers
        self.extra_env = extra_env
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.static_root = db.workdir / "static"
        self.log_path = db.workdir / f"server-{self.port}.log"
        self.process: subprocess.Popen[str] | None = None

    def env(self) -> dict[str, str]:
        return {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "OPENECF_SECRET_KEY": self.db.secret_key,
            "OPENECF_ALLOWED_HOSTS": "127.0.0.1",
            "OPENECF_SSL_REDIRECT": "0",  # plain HTTP on loopback; TLS is a proxy's job
            "OPENECF_SECURE_COOKIES": "0",
            "OPENECF_STATIC_ROOT": str(self.static_root),
            "WEB_CONCURRENCY": str(self.workers),
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            **self.extra_env,
        }

    def start(self) -> ProductionServer:
        if not self.static_root.exists():
            result = self.db.manage("collectstatic", "--noinput", "-v", "0", **self.env())
            assert result.returncode == 0, result.stderr
        log = self.log_path.open("a")
        self.process = self.db.spawn("-m", "gunicorn", "-c", "config/gunicorn.py", log=log, **self.env())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                with urllib.request.urlopen(f"{self.url}/static/openecf/site.css", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the server did not start:\n" + self.log())

    def kill(self) -> None:
        if self.process is not None:
            kill(self.process)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            kill(self.process, signal.SIGTERM)
            self.process = None

    def log(self) -> str:
        return self.log_path.read_text()[-5000:] if self.log_path.exists() else ""


NGINX = Path("/usr/sbin/nginx")


class Nginx:
    """Debian's nginx in front of an app server, configured as a court's proxy would be: it passes the Host header
    and appends the address it sees to X-Forwarded-For. Runs in the foreground (``daemon off``) on a free loopback
    port, with its configuration, pid, logs and temporary files in a directory of its own."""

    def __init__(self, upstream: str, workdir: Path) -> None:
        self.upstream = upstream
        self.dir = workdir / "nginx"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[str] | None = None

    def config(self) -> str:
        # As root, nginx would hand its workers to "nobody", who cannot enter the test's private temp directory.
        user = ""
        if os.geteuid() == 0:
            user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
        temp = "\n".join(
            f"    {kind}_temp_path {self.dir / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        return f"""daemon off;
{user}
worker_processes 1;
pid {self.dir / "nginx.pid"};
error_log {self.dir / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log {self.dir / "access.log"};
{temp}
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            proxy_pass http://{self.upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""

    def start(self) -> Nginx:
        assert NGINX.exists(), f"{NGINX} is missing: run scripts/ensure-nginx.sh"
        self.dir.mkdir(parents=True, exist_ok=True)
        conf = self.dir / "nginx.conf"
        conf.write_text(self.config())
        log = (self.dir / "stdout.log").open("a")
        # -e: the error log from the very start, before the configuration is read (not /var/log/nginx).
        command = [str(NGINX), "-p", f"{self.dir}/", "-e", str(self.dir / "error.log"), "-c", str(conf)]
        self.process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("nginx did not start:\n" + self.log())

    def stop(self) -> None:
        if self.process is not None:
            kill(self.process, signal.SIGTERM)
            self.process = None

    def log(self) -> str:
        logs = [self.dir / "stdout.log", self.dir / "error.log"]
        return "".join(path.read_text()[-3000:] for path in logs if path.exists())


class _FromAddress(urllib.request.HTTPHandler):
    """Plain HTTP connections made from a chosen local address."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(http.client.HTTPConnection, source_address=(self.source, 0))
        return self.do_open(connection, req)


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body, as a browser sends a form with a file input, and its Content-Type."""
    boundary = f"----OpenECFTest{secrets.token_hex(12)}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Browser:
    """Just enough of a browser: follows redirects, keeps cookies, submits forms with their CSRF token."""

    def __init__(
        self,
        base: str,
        *,
        source: str | None = None,
        headers: dict[str, str] | None = None,
        cut_off_as: int | None = None,
    ) -> None:
        """``source``: the loopback address to connect from (Linux accepts any 127/8 address), so a server or a
        proxy on loopback sees distinct clients; ``headers`` go with every request; ``cut_off_as``: the status an
        answer cut off part-way counts as (None: the break is raised)."""
        self.cut_off_as = cut_off_as
        self.base = base
        self.jar = CookieJar()
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPCookieProcessor(self.jar)]
        if source is not None:
            handlers.append(_FromAddress(source))
        self.opener = urllib.request.build_opener(*handlers)
        self.headers = dict(headers or {})
        self.url = base
        self.page = ""
        self.status = 0
        self.node = ""  # X-OpenECF-Node of the last response: which app node answered

    def open(
        self,
        path: str,
        data: dict[str, str] | None = None,
        timeout: float = 30,
        *,
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> str:
        """GET ``path``, or POST ``data`` (and ``files``: field -> (file name, PDF bytes), sent multipart) to it."""
        url = urllib.parse.urljoin(self.url, path)
        body = None
        headers = {"Referer": self.url, **self.headers}
        if data is not None or files:
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.page)
            assert token, f"the form at {self.url} has no CSRF token"
            fields = {"csrfmiddlewaretoken": token.group(1), **(data or {})}
            if files:
                body, headers["Content-Type"] = _multipart(fields, files)
            else:
                body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                self.url, self.page, self.status = response.geturl(), response.read().decode(), response.status
                self.node = response.headers.get("X-OpenECF-Node", "")
        except urllib.error.HTTPError as error:
            self.url, self.page, self.status = error.geturl(), error.read().decode(), error.code
            self.node = error.headers.get("X-OpenECF-Node", "")
        except (http.client.IncompleteRead, http.client.RemoteDisconnected, ConnectionResetError):
            # The server died part-way through its answer. Behind nginx (``cut_off_as=502``) that is, to a person,
            # a broken page like the 502 nginx gives when the node dies before answering, and is counted as that;
            # talking to the server itself, the caller sees the break.
            if self.cut_off_as is None:
                raise
            self.url, self.page, self.status, self.node = url, "", self.cut_off_as, ""
        return self.page

    def href(self, label: str) -> str:
        for href, text in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', self.page, re.S):
            if " ".join(re.sub(r"<[^>]+>", "", text).split()) == label:
                return href.replace("&amp;", "&")
        raise AssertionError(f"no link {label!r} on {self.url}")

    def text(self) -> str:
        import html

        body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", self.page)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _postgres_admin(dsn: Any) -> Any:
    import psycopg

    return psycopg.connect(
        host=dsn.get("HOST") or "127.0.0.1",
        port=dsn.get("PORT") or 5432,
        user=dsn.get("USER") or "postgres",
        password=dsn.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


@contextmanager
def live_database(workdir: Path) -> Iterator[LiveDatabase]:
    """A migrated database of the test run's vendor that separate processes can share; dropped afterwards."""
    dsn = settings.DATABASES["default"]
    if dsn["ENGINE"] == "django.db.backends.sqlite3":
        yield _migrated(LiveDatabase(f"sqlite:///{workdir / 'live.sqlite3'}", workdir))
        return
    name = f"test_{str(dsn['NAME']).removeprefix('test_')}_live_{workdir.name[-12:]}".replace("-", "_").lower()
    with _postgres_admin(dsn) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = dsn.get("USER") or "postgres"
    password = f":{dsn['PASSWORD']}" if dsn.get("PASSWORD") else ""
    url = f"postgres://{user}{password}@{dsn.get('HOST') or '127.0.0.1'}:{dsn.get('PORT') or 5432}/{name}"
    try:
        yield _migrated(LiveDatabase(url, workdir))
    finally:
        with _postgres_admin(dsn) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def live_db(tmp_path: Path) -> Iterator[LiveDatabase]:
    with live_database(tmp_path) as db:
        yield db


def _migrated(db: LiveDatabase) -> LiveDatabase:
    result = db.manage("migrate", "--noinput", "-v", "0")
    assert result.returncode == 0, result.stderr
    return db


def _free_ports(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports (the cluster's nodes listen on consecutive ports)."""
    import socket

    for _ in range(50):
        first = _free_port()
        try:
            with contextlib.ExitStack() as stack:
                for port in range(first, first + count):
                    sock = stack.enter_context(socket.socket())
                    sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise AssertionError(f"no {count} consecutive free ports")


BASH = "/bin/bash"


def _group_alive(group: int) -> bool:
    """Whether any process of the process group is still running (a zombie awaiting its reaper is not)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
            state, _, pgrp = stat.read_text().rpartition(")")[2].split()[:3]
            if int(pgrp) == group and state != "Z":
                return True
    return False


def _postgres_server() -> dict[str, Any]:
    """The test run's PostgreSQL server, or on the SQLite leg the one `make test` always starts (127.0.0.1:5432)."""
    dsn = settings.DATABASES["default"]
    if dsn["ENGINE"] != "django.db.backends.sqlite3":
        return dict(dsn)
    return {"HOST": "127.0.0.1", "PORT": 5432, "USER": "postgres", "PASSWORD": ""}


class Cluster:
    """`make cluster` itself (scripts/cluster.sh): nginx before app nodes with their workers, on free loopback ports,
    a PostgreSQL database of its own (on either test leg: a cluster needs a database several hosts share), Redis
    under a prefix of its own, and the e-mail going to the test's SMTP server. ``db`` runs Django code against the
    cluster's database; ``stop`` ends every process (scripts/cluster-stop.sh) and drops the database."""

    def __init__(self, workdir: Path, *, nodes: int, mail_port: int, **node_env: str) -> None:
        self.dir = workdir / "cluster"
        self.nodes = nodes
        self.port = _free_port()
        self.node_port = _free_ports(nodes)
        self.url = f"http://127.0.0.1:{self.port}"
        server = _postgres_server()
        self.database = f"test_cluster_{secrets.token_hex(6)}"
        password = f":{server['PASSWORD']}" if server.get("PASSWORD") else ""
        host, port, user = server.get("HOST") or "127.0.0.1", server.get("PORT") or 5432, server.get("USER")
        self.admin = {**server, "NAME": "postgres"}
        self.db = LiveDatabase(f"postgres://{user or 'postgres'}{password}@{host}:{port}/{self.database}", workdir)
        self.redis_prefix = f"openecf:test-cluster:{self.database}:"
        node_env = {"OPENECF_THROTTLE_REDIS_PREFIX": self.redis_prefix, "OPENECF_LOG_LEVEL": "WARNING", **node_env}
        self.env = {
            **os.environ,
            "CLUSTER_DIR": str(self.dir),
            "CLUSTER_NODES": str(nodes),
            "CLUSTER_PORT": str(self.port),
            "CLUSTER_NODE_PORT": str(self.node_port),
            "CLUSTER_MAIL_PORT": str(mail_port),
            "CLUSTER_MAIL_SINK": "0",
            "CLUSTER_DATABASE_URL": self.db.url,
            "CLUSTER_REDIS_URL": "redis://127.0.0.1:6379/0",
            "CLUSTER_LOAD_DEMO": "0",
            "CLUSTER_NODE_ENV": " ".join(f"{name}={value}" for name, value in node_env.items()),
        }

    def node_url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.node_port + n - 1}"

    def _script(self, *args: str) -> None:
        result = subprocess.run(
            [BASH, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=180, check=False
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    def start(self) -> Cluster:
        self._script("scripts/cluster.sh")
        return self

    def start_node(self, n: int) -> None:
        """Start what of node ``n`` is not running (after a kill: its gunicorn), as an operator would."""
        self._script("scripts/cluster-node.sh", str(n))

    def kill_node(self, n: int) -> None:
        """SIGKILL node ``n``'s gunicorn, master and workers at once: a host losing power, seen from the network."""
        pid = int((self.dir / f"node{n}.pid").read_text())
        os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + 15
        while _group_alive(pid):
            assert time.monotonic() < deadline, f"node{n} outlived SIGKILL"
            time.sleep(0.05)

    def stop(self) -> None:
        try:
            self._script("scripts/cluster-stop.sh")
        finally:
            with _postgres_admin(self.admin) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            import redis

            client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
            for key in client.scan_iter(match=self.redis_prefix + "*", count=1000):
                client.delete(key)

    def log(self) -> str:
        names = ["node1.log", "node2.log", "worker1.log", "worker2.log", "nginx-error.log"]
        return "".join(
            f"--- {name}\n{(self.dir / name).read_text()[-2000:]}" for name in names if (self.dir / name).exists()
        )
