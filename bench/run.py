"""`make bench`: sign-on throughput against the hash ceiling, pages against a bare response, and scale.

One run, one machine, every figure beside the ceiling it is measured against in the same run:

1. hash ceiling: Argon2 verifications per second with the app's hasher, one process per core;
2. for SQLite and PostgreSQL (+ Redis for the throttle): a fresh database with 10,000 PACER and 10,000 CM/ECF
   accounts, `make serve`, then logins through the web form (wrk) and through cso-auth (wrk);
3. on PostgreSQL: the whole link flow (locust), an authenticated court page against /healthz (wrk) and the
   page's latency at 70 % of its throughput (hey), resident memory per worker;
4. scale: login and link latency at 10,000 accounts, then 1,000,000 + 1,000,000 loaded by
   `bench/load_accounts.py`, then the same latencies again;
5. on PostgreSQL: the purge's effect on the tables logins fill (bench/purge.py).
6. on PostgreSQL, before the server starts: audited writes per second with 32 concurrent writers, the old
   chain-head design against the real `audit.record` with its sealer (bench/audit_writes.py).
7. on PostgreSQL, before the server starts: filing (bench/filing.py): the PDF check of a 35 MB PDF, docket-number
   assignment under 50 concurrent filers (and its proof), filings per second with a 1 MB PDF and 4 filers.
8. on PostgreSQL, last, against the server: reports at scale (bench/reports.py): the Docket Report of 100, 1,000
   and 10,000 entries and of 100 entries of the 10,000; possible_case_numbers.pl at 10,000 and 1,000,000 cases.

Writes bench/results/latest.json and prints a table; docs/performance.md explains the method and the figures.
Environment: BENCH_SECONDS (default 20) per throughput run, BENCH_SCALE (default 1000000) accounts of each
kind for the scale step, BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/openecf_bench; the database
is dropped and recreated), BENCH_REDIS_URL (default redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import audit_writes, tools  # noqa: E402 - after the path is set
from bench import filing as bench_filing  # noqa: E402
from bench import purge as bench_purge  # noqa: E402
from bench import reports as bench_reports  # noqa: E402
from bench.report import headline, headline_table, table  # noqa: E402

WORK = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results" / "latest.json"
PASSWORD = "Bench-Password-2026!"  # noqa: S105 - the synthetic accounts' password, documented in performance.md
PREFIX = "bench"
BASE_ACCOUNTS = 10_000
CORES = os.cpu_count() or 1
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
SCALE = int(os.environ.get("BENCH_SCALE", "1000000"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/openecf_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
REDIS_PREFIX = "openecf:bench:throttle:"
LOG = WORK / "bench.log"

# Account ranges, so that no run meets an account an earlier run changed (a linked account must use MFA).
LOGIN_ACCOUNTS = (0, 5_000)  # login throughput and latency at 10,000
LINK_THROUGHPUT_PAIRS = 5_000  # pairs from 5,000 up: the link-flow throughput run
LINK_LATENCY_PAIRS_SMALL = 8_000  # pairs from 8,000 up: link latency at 10,000 accounts
LOGIN_ACCOUNTS_LARGE_FROM = 0.6  # at scale: logins from 60 % of the accounts up, links from 80 %
LINK_LATENCY_PAIRS_LARGE_FROM = 0.8


def say(text: str) -> None:
    print(text, flush=True)
    with LOG.open("a") as out:
        out.write(f"# {datetime.now(UTC):%H:%M:%S} {text}\n")


def manage(*args: str, database_url: str, stdin: str | None = None, show: bool = False) -> str:
    return python("manage.py", *args, database_url=database_url, stdin=stdin, show=show)


def python(*args: str, database_url: str, stdin: str | None = None, show: bool = False) -> str:
    """Run ``python ARGS`` (manage.py, or one of the benchmark's own modules) on this leg's database."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.demo"}
    done = subprocess.run(
        [tools.PY, *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=None if show else subprocess.PIPE,
        text=True,
        check=False,
    )
    with LOG.open("a") as out:
        out.write(f"$ python {' '.join(args)}\n{done.stdout}{done.stderr or ''}\n")
    if done.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}")
    return done.stdout


def fresh_sqlite() -> str:
    path = WORK / "bench.sqlite3"
    for leftover in WORK.glob("bench.sqlite3*"):
        leftover.unlink()
    return f"sqlite:///{path}"


def fresh_postgres() -> str:
    tools.recreate_postgres_database(PG_URL)
    return PG_URL


def clear_redis() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=REDIS_PREFIX + "*", count=1000):
        client.delete(key)


def load_accounts(database_url: str, count: int, *, show: bool = False) -> dict[str, Any]:
    args = ["-m", "bench.load_accounts", "--pacer", str(count), "--ecf", str(count), "--prefix", PREFIX]
    output = python(
        *args, *([] if show else ["--no-progress"]), database_url=database_url, stdin=PASSWORD + "\n", show=show
    )
    summary: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return summary


def linkable_pairs(start: int, count: int) -> Path:
    """Pairs (PACER account i, its CM/ECF account i) at courts already on NextGen, from i = start up, read from
    the PostgreSQL leg's database (Django is set up on it in main())."""
    from bench.loaders import bench_pair, court_ids
    from openecf.courts.models import Court

    courts = court_ids()
    live = {court.pk for court in Court.objects.all() if court.is_live()}
    lines: list[str] = []
    i = start
    while len(lines) < count:
        pacer, court_id, ecf = bench_pair(i, PREFIX, courts)
        if court_id in live:
            lines.append(f"{pacer} {court_id} {ecf}")
        i += 1
    path = WORK / f"pairs-{start}.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def api_tokens(server: tools.Server, accounts: range) -> list[str]:
    found = []
    for i in accounts:
        body = json.dumps({"loginId": f"{PREFIX}p{i:07d}", "password": PASSWORD, "redactFlag": "1"}).encode()
        request = urllib.request.Request(
            server.url("/services/cso-auth"), data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            found.append(json.loads(answer.read())["nextGenCSO"])
    return found


def login_env(first: int, span: int) -> dict[str, str]:
    return {"BENCH_PASSWORD": PASSWORD, "BENCH_PREFIX": PREFIX, "BENCH_FIRST": str(first), "BENCH_SPAN": str(span)}


def login_figures(measured: tools.Measured, ceiling: float) -> dict[str, Any]:
    figures = measured.figures
    duration = figures["duration_s"]
    return {
        "per_s": figures["logins"] / duration,
        "ratio": figures["logins"] / duration / ceiling,
        "p50_ms": figures["p50_ms"],
        "p99_ms": figures["p99_ms"],
        "logins": figures["logins"],
        "errors": figures["failed"] + figures["http_errors"] + figures["socket_errors"],
        "generator_cpu_share": measured.generator_cpu_s / (measured.wall_s * CORES),
    }


def throughput(script: str, server: tools.Server, env: dict[str, str], connections: int, path: str = "/") -> Any:
    tools.wrk(script, server.port, seconds=3, connections=connections, env=env, log=LOG, path=path)  # warm-up
    return tools.wrk(script, server.port, seconds=SECONDS, connections=connections, env=env, log=LOG, path=path)


def login_legs(leg: str, server: tools.Server, ceiling: float) -> dict[str, Any]:
    first, span = LOGIN_ACCOUNTS
    env = login_env(first, span)
    say(f"[{leg}] logins through the web form (GET + POST /login/), {2 * CORES} connections, {SECONDS:.0f} s")
    web = login_figures(throughput("login_web.lua", server, env, 2 * CORES), ceiling)
    say(f"[{leg}] logins through POST /services/cso-auth, {2 * CORES} connections, {SECONDS:.0f} s")
    api = login_figures(throughput("login_api.lua", server, env, 2 * CORES), ceiling)
    return {"web": web, "api": api}


def serial_latency(server: tools.Server, pairs: Path, first_login: int) -> dict[str, Any]:
    """One client at a time: what a single filer waits for a login and for the whole link flow."""
    seconds = max(5.0, SECONDS / 2)
    login = tools.wrk(
        "login_api.lua", server.port, seconds=seconds, connections=1, env=login_env(first_login, 5_000), log=LOG
    ).figures
    link = tools.locust_link(server.port, users=1, seconds=seconds, pairs=pairs, password=PASSWORD, log=LOG).figures
    return {
        "login_p50_ms": login["p50_ms"],
        "login_p99_ms": login["p99_ms"],
        "login_errors": login["failed"],
        "link_p50_ms": link["p50_ms"],
        "link_p99_ms": link["p99_ms"],
        "link_errors": link["failed"],
    }


def postgres_extras(server: tools.Server, ceiling: float) -> dict[str, Any]:
    say(f"[postgres] the link flow (login, link form, confirmation), {2 * CORES} filers, {SECONDS:.0f} s")
    pairs = linkable_pairs(LINK_THROUGHPUT_PAIRS, 3_000)
    link = tools.locust_link(server.port, users=2 * CORES, seconds=SECONDS, pairs=pairs, password=PASSWORD, log=LOG)
    link_ceiling = ceiling / 2  # two Argon2 verifications a flow: the PACER password and the CM/ECF password
    links = {
        **link.figures,
        "ceiling_per_s": link_ceiling,
        "ratio": link.figures["per_s"] / link_ceiling,
        "generator_cpu_share": link.generator_cpu_s / (link.wall_s * CORES),
    }

    say(f"[postgres] Utilities (signed in by nextGenCSO cookie) against /healthz, {4 * CORES} connections")
    tokens = api_tokens(server, range(LOGIN_ACCOUNTS[0], LOGIN_ACCOUNTS[0] + 4 * CORES))
    page_path = "/ecf/wiwd/utilities/"
    page = throughput("get.lua", server, {"BENCH_PATH": page_path, "BENCH_TOKENS": ",".join(tokens)}, 4 * CORES)
    bare = throughput("get.lua", server, {"BENCH_PATH": "/healthz"}, 4 * CORES)
    page_per_s = page.figures["pages"] / page.figures["duration_s"]
    bare_per_s = bare.figures["pages"] / bare.figures["duration_s"]
    say(f"[postgres] Utilities at 70 % of {page_per_s:.0f}/s (hey, fixed rate)")
    # hey's workers wait for each answer, so enough of them that each sends well under one request per latency.
    paced = tools.hey_paced(
        server.url(page_path),
        rate=0.7 * page_per_s,
        seconds=SECONDS,
        workers=32,
        cookie=f"NextGenCSO={tokens[0]}",
        log=LOG,
    ).figures
    memory = [tools.memory_mb(pid) for pid in server.worker_pids()]
    return {
        "link_flow": links,
        "page": {
            "path": page_path,
            "per_s": page_per_s,
            "p50_ms": page.figures["p50_ms"],
            "p99_ms": page.figures["p99_ms"],
            "errors": page.figures["failed"] + page.figures["http_errors"] + page.figures["socket_errors"],
            "bare_per_s": bare_per_s,
            "bare_p99_ms": bare.figures["p99_ms"],
            "ratio": page_per_s / bare_per_s,
            "at_70_percent": paced,
            "generator_cpu_share": page.generator_cpu_s / (page.wall_s * CORES),
        },
        "workers": [{"pid": pid, **figures} for pid, figures in zip(server.worker_pids(), memory, strict=False)],
    }


def check_tools() -> None:
    missing = [tool for tool in ("wrk", "hey") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"missing load generators: {', '.join(missing)} (make bench installs them)")


def main() -> int:
    check_tools()
    WORK.mkdir(parents=True, exist_ok=True)
    LOG.write_text("")
    started = time.monotonic()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")
    os.environ["DATABASE_URL"] = PG_URL
    import django

    django.setup()
    from bench import ceiling as hash_ceiling

    say(f"hash ceiling: Argon2id {hash_ceiling.parameters()} on {CORES} cores, {SECONDS:.0f} s")
    ceiling = hash_ceiling.measure(seconds=SECONDS, processes=CORES)
    legs: dict[str, Any] = {}
    audit: dict[str, Any] = {}
    filing: dict[str, Any] = {}
    reports: dict[str, Any] = {}
    scale: dict[str, Any] = {"accounts": SCALE}
    for leg, database_url in (("sqlite", fresh_sqlite()), ("postgres", fresh_postgres())):
        say(f"[{leg}] migrate and load {BASE_ACCOUNTS:,} PACER + {BASE_ACCOUNTS:,} CM/ECF accounts")
        manage("migrate", "--noinput", database_url=database_url)
        load_accounts(database_url, BASE_ACCOUNTS)
        if leg == "postgres":
            say(f"[postgres] audited writes, {audit_writes.WRITERS} writers: chain-head lock, then insert + sealer")
            audit = audit_writes.measure(seconds=SECONDS)
            say("[postgres] " + audit_writes.line(audit))
            say("[postgres] filing: PDF check of 35 MB, 50 filers into one case, 4 filers with a 1 MB PDF")
            filing = bench_filing.measure(seconds=SECONDS)
            say("[postgres] " + bench_filing.line(filing))
        extra = {"REDIS_URL": REDIS_URL, "OPENECF_THROTTLE_REDIS_PREFIX": REDIS_PREFIX} if leg == "postgres" else {}
        if extra:
            clear_redis()
        with (
            tools.SmtpSink(LOG) as smtp,
            tools.Server(database_url, WORK / f"serve-{leg}.log", {**smtp.env(), **extra}) as server,
        ):
            legs[leg] = login_legs(leg, server, ceiling.per_s)
            if leg != "postgres":
                continue
            legs[leg].update(postgres_extras(server, ceiling.per_s))
            say(f"[postgres] purge: void sessions, tokens and throttle counters, {bench_purge.PERIODS} periods")
            purge_figures = bench_purge.measure()
            say(f"[postgres] latency, one client at a time, at {BASE_ACCOUNTS:,} accounts")
            scale["small"] = serial_latency(server, linkable_pairs(LINK_LATENCY_PAIRS_SMALL, 1_000), LOGIN_ACCOUNTS[0])
            say(f"[postgres] bulk load to {SCALE:,} PACER + {SCALE:,} CM/ECF accounts")
            load_started = time.monotonic()
            scale["load"] = load_accounts(database_url, SCALE, show=True)
            scale["load_seconds"] = time.monotonic() - load_started
            say(f"[postgres] latency, one client at a time, at {SCALE:,} accounts")
            scale["large"] = serial_latency(
                server,
                linkable_pairs(int(SCALE * LINK_LATENCY_PAIRS_LARGE_FROM), 1_000),
                int(SCALE * LOGIN_ACCOUNTS_LARGE_FROM),
            )
            say(
                "[postgres] reports: Docket Report of 100, 1,000, 10,000 entries; possible_case_numbers.pl at "
                f"{bench_reports.CASES_SMALL:,} and {bench_reports.CASES_LARGE:,} cases"
            )
            reports = bench_reports.measure(seconds=SECONDS, server=server)
            with LOG.open("a") as out:  # the lookup's query plans at both sizes, for whoever reads the figures
                for size in ("small", "large"):
                    out.write(f"possible_case_numbers plan ({size}):\n{reports['lookups'].pop('plan_' + size)}\n")
            say("[postgres] " + bench_reports.line(reports))
    pg = legs["postgres"]
    logins = [legs[leg][kind] for leg in legs for kind in ("web", "api")]
    workers = pg["workers"]
    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": CORES,
            "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(),
        },
        "seconds_per_run": SECONDS,
        "hash_parameters": ceiling.parameters,
        "hash_single_verify_ms": ceiling.single_verify_ms,
        "hash_ceiling_per_s": ceiling.per_s,
        "login_web_per_s": pg["web"]["per_s"],
        "login_api_per_s": pg["api"]["per_s"],
        "login_ratio": min(figures["ratio"] for figures in logins),
        "logins_per_core_per_s": min(figures["per_s"] for figures in logins) / CORES,
        "keycloak_logins_per_vcpu": hash_ceiling.KEYCLOAK_LOGINS_PER_VCPU,
        "keycloak_multiple": min(figures["per_s"] for figures in logins)
        / CORES
        / hash_ceiling.KEYCLOAK_LOGINS_PER_VCPU,
        "link_flow_per_s": pg["link_flow"]["per_s"],
        "link_flow_ratio": pg["link_flow"]["ratio"],
        "page_per_s": pg["page"]["per_s"],
        "bare_per_s": pg["page"]["bare_per_s"],
        "page_ratio": pg["page"]["ratio"],
        "page_p99_ms": pg["page"]["at_70_percent"]["p99_ms"],
        "audit_writes_per_s_before": audit["before"]["per_s"],
        "audit_writes_per_s_after": audit["after"]["per_s"],
        "audit_write_ratio": audit["ratio"],
        "pdf_check_35mb_ms": filing["pdf_check"]["median_ms"],
        "docket_race_per_s": filing["docket_race"]["per_s"],
        "filings_per_s": filing["throughput"]["per_s"],
        "scale_latency_ratio": max(
            scale["large"]["login_p50_ms"] / scale["small"]["login_p50_ms"],
            scale["large"]["link_p50_ms"] / scale["small"]["link_p50_ms"],
        ),
        "bulk_load_seconds": scale["load_seconds"],
        "docket_report_ms": {
            key: reports["docket_report"][key]["median_ms"] for key in ("100", "1000", "10000", "range_100_of_10000")
        },
        "docket_report_ms_per_entry": {
            key: reports["docket_report"][key]["ms_per_entry"] for key in ("100", "1000", "10000", "range_100_of_10000")
        },
        "docket_report_range_ratio": reports["docket_report"]["range_ratio"],
        "possible_case_numbers_p50_ms": {
            "10k": reports["lookups"]["small"]["p50_ms"],
            "1M": reports["lookups"]["large"]["p50_ms"],
        },
        "possible_case_numbers_ratio": reports["lookups"]["ratio"],
        "possible_case_numbers_ratio_vs_control": reports["lookups"]["ratio_vs_control"],
        "rss_mb_per_worker": sum(w["rss_mb"] for w in workers) / len(workers),
        "pss_mb_per_worker": sum(w["pss_mb"] for w in workers) / len(workers),
        "errors": sum(figures["errors"] for figures in logins) + pg["page"]["errors"] + pg["link_flow"]["failed"],
        "purge": purge_figures,
        "legs": legs,
        "scale": scale,
        "audit_writes": audit,
        "filing": filing,
        "reports": reports,
        "wall_seconds": 0.0,
    }
    results["headline"] = [{k: v for k, v in row.items() if k != "text"} for row in headline(results)]
    results["wall_seconds"] = time.monotonic() - started
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    say("\n" + headline_table(results) + "\n\n" + table(results))
    say(
        f"\nwrote {RESULTS.relative_to(ROOT)} in {results['wall_seconds'] / 60:.1f} min; "
        f"details in {LOG.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
