"""The processes a benchmark run drives: `make serve`, an SMTP sink, and the load generators (wrk, hey, locust).

Each load generator is an existing tool; this module only starts it, hands it the run's parameters through the
environment and reads back the one line of figures it prints.
"""

from __future__ import annotations

import json
import os
import re
import resource
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "lua"
PY = sys.executable


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Measured:
    """What one load-generator run printed, plus the CPU the generator itself used (it shares the machine)."""

    figures: dict[str, Any]
    generator_cpu_s: float
    wall_s: float


def _timed(cmd: list[str], env: dict[str, str], log: Path) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run a load generator to the end: what it printed (also kept in the log), its CPU seconds, wall seconds."""
    cpu, wall = _children_cpu(), time.monotonic()
    done = subprocess.run(cmd, env={**os.environ, **env}, capture_output=True, text=True, check=False)
    cpu, wall = _children_cpu() - cpu, time.monotonic() - wall
    with log.open("a") as out:
        out.write(f"$ {' '.join(cmd)}\n{done.stdout}{done.stderr}\n")
    return done, cpu, wall


def _run(cmd: list[str], env: dict[str, str], marker: str, log: Path) -> Measured:
    done, cpu, wall = _timed(cmd, env, log)
    for line in done.stdout.splitlines():
        if line.startswith(marker):
            return Measured(json.loads(line[len(marker) :]), cpu, wall)
    raise RuntimeError(f"{cmd[0]} printed no figures (exit {done.returncode}); see {log}")


def wrk(
    script: str, port: int, *, seconds: float, connections: int, env: dict[str, str], log: Path, path: str = "/"
) -> Measured:
    """wrk with one connection per thread (the scripts keep per-connection state), figures from its done()."""
    cmd = ["wrk", f"-t{connections}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
    cmd += ["-s", str(LUA / script), f"http://127.0.0.1:{port}{path}"]
    run_env = {"BENCH_LUA_DIR": str(LUA), "BENCH_THREADS": str(connections), **env}
    return _run(cmd, run_env, "WRK-JSON ", log)


def hey_paced(url: str, *, rate: float, seconds: float, workers: int, cookie: str, log: Path) -> Measured:
    """hey at a fixed request rate (its -q is per worker): latency under a load the server can carry."""
    per_worker = max(1, round(rate / workers))
    cmd = ["hey", "-z", f"{max(1, round(seconds))}s", "-c", str(workers), "-q", str(per_worker)]
    cmd += ["-H", f"Cookie: {cookie}", url]
    done, cpu, wall = _timed(cmd, {}, log)
    text = done.stdout
    found = {m.group(1): float(m.group(2)) * 1000 for m in re.finditer(r"\s(\d+)%+ in ([\d.]+) secs", text)}
    codes = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"\[(\d+)\]\s+(\d+) responses", text)}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not found or rps is None:
        raise RuntimeError(f"hey printed no figures (exit {done.returncode}); see {log}")
    figures = {
        "target_per_s": per_worker * workers,
        "per_s": float(rps.group(1)),
        "p50_ms": found.get("50"),
        "p99_ms": found.get("99"),
        "ok": codes.get(200, 0),
        "failed": sum(n for code, n in codes.items() if code != 200) + len(re.findall(r"Error distribution", text)),
    }
    return Measured(figures, cpu, wall)


def locust_link(port: int, *, users: int, seconds: float, pairs: Path, password: str, log: Path) -> Measured:
    """The link flow (bench/locust_link.py) by `users` simulated filers for `seconds`."""
    cmd = [PY, "-m", "locust", "-f", str(ROOT / "bench" / "locust_link.py"), "--headless", "--only-summary"]
    cmd += ["-u", str(users), "-r", str(users), "-t", f"{max(1, round(seconds))}s", "--stop-timeout", "30"]
    cmd += ["--loglevel", "WARNING", "-H", f"http://127.0.0.1:{port}"]
    measured = _run(cmd, {"BENCH_PAIRS": str(pairs), "BENCH_PASSWORD": password}, "LINK-JSON ", log)
    flows = measured.figures["flows"]
    if not flows:
        raise RuntimeError(f"locust walked no link flow; see {log}")
    # Count flows that ended inside the run's steady window: after a short ramp, before the stop.
    first = min(started for started, _, _ in flows)
    window_start, window_end = first + min(3.0, seconds / 4), first + seconds
    inside = [(end - start, ok) for start, end, ok in flows if window_start <= end <= window_end]
    times = sorted(duration * 1000 for duration, ok in inside if ok)
    measured.figures = {
        "links": len(times),
        "failed": sum(1 for _, _, ok in flows if not ok),
        "per_s": len(times) / (window_end - window_start),
        "p50_ms": percentile(times, 50),
        "p99_ms": percentile(times, 99),
        "walked": len(flows),
    }
    return measured


def percentile(sorted_values: list[float], pct: float) -> float | None:
    if not sorted_values:
        return None
    rank = max(0, min(len(sorted_values) - 1, round(pct / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[rank]


@dataclass
class Server:
    """`make serve` (gunicorn, production settings, its e-mail worker) on a free port, stopped on exit."""

    database_url: str
    log: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.port = free_port()
        inherited = {name: value for name, value in os.environ.items() if name != "WEB_CONCURRENCY"}
        env = {
            **inherited,
            "DATABASE_URL": self.database_url,
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "OPENECF_SECRET_KEY": secrets.token_urlsafe(50),
            "OPENECF_ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on loopback: in production TLS ends in front of the app (docs/deployment.md).
            "OPENECF_SSL_REDIRECT": "0",
            "OPENECF_SECURE_COOKIES": "0",
            **self.extra_env,
        }
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"], cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as answer:
                    if answer.status == 200 and len(self.worker_pids()) >= self.workers_expected():
                        return self
            except OSError:
                pass
            time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"make serve did not answer within 3 minutes; see {self.log}")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def workers_expected(self) -> int:
        return int(self.extra_env.get("WEB_CONCURRENCY") or os.cpu_count() or 1)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_pids(self) -> list[int]:
        """gunicorn's workers: processes of this server's group whose parent is the gunicorn master."""
        assert self.process is not None
        group: dict[int, tuple[int, str]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == self.process.pid:  # process group id
                group[int(entry.name)] = (int(fields[1]), cmdline)
        gunicorns = {
            pid: parent
            for pid, (parent, cmd) in group.items()
            if Path(cmd.split(" ", 1)[0]).name.startswith("python") and " -m gunicorn " in f" {cmd} "
        }
        return sorted(pid for pid, parent in gunicorns.items() if parent in gunicorns)


def memory_mb(pid: int) -> dict[str, float]:
    """Resident (RSS) and proportional (PSS: shared pages split among the processes sharing them) memory."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    pss = int(re.search(r"Pss:\s+(\d+) kB", rollup).group(1))  # type: ignore[union-attr]
    return {"rss_mb": rss / 1024, "pss_mb": pss / 1024}


class SmtpSink:
    """A real SMTP server that accepts and drops every message, for the e-mail worker of `make serve`."""

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> SmtpSink:
        out = self.log.open("ab")
        cmd = [PY, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}", "-c", "aiosmtpd.handlers.Sink"]
        self.process = subprocess.Popen(cmd, stdout=out, stderr=out)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the SMTP sink did not start")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def env(self) -> dict[str, str]:
        return {"OPENECF_EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port)}


def recreate_postgres_database(url: str) -> None:
    """Drop the database ``url`` names (closing its connections) and create it empty."""
    import urllib.parse

    import psycopg

    parsed = urllib.parse.urlsplit(url)
    name = parsed.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def standalone_main(*, url_variable: str, default_url: str, measure: Any, line: Any) -> int:
    """`python -m bench.<module>` on its own: a fresh PostgreSQL database (``url_variable`` or ``default_url``),
    migrated, Django set up on it, then ``measure(seconds=BENCH_SECONDS)`` printed as JSON and as its line."""
    url = os.environ.get(url_variable, default_url)
    recreate_postgres_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.demo"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings.demo")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    figures = measure(seconds=float(os.environ.get("BENCH_SECONDS", "20")))
    print(json.dumps(figures, indent=2))
    print(line(figures))
    return 0
