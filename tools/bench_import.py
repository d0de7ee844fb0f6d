"""Time ``import_ecf_accounts`` on a large generated file (not part of the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/openecf_bench .venv/bin/python tools/bench_import.py 100000

Writes a CSV of N rows with ``password_hash`` (bcrypt, as exported from an old system; hashing plain-text
passwords costs ~25 ms a row with Argon2id and is measured separately with --plain N), imports it into court
``ilnd`` (after deleting that court's earlier benchmark rows), runs it a second time to show the re-run is
idempotent, and prints the timings.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")

import django

django.setup()

import bcrypt  # noqa: E402
from django.core.management import call_command  # noqa: E402

from openecf.audit.models import AuditEvent  # noqa: E402
from openecf.cmecf.models import EcfAccount  # noqa: E402


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    plain = "--plain" in sys.argv
    call_command("migrate", verbosity=0)
    exported = bcrypt.hashpw(b"Bench-Legacy-Pw-1", bcrypt.gensalt(rounds=10)).decode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.csv"
        with path.open("w", encoding="utf-8") as out:
            out.write("login,name,email,role,password\n" if plain else "login,name,email,role,password_hash\n")
            for n in range(rows):
                secret = f"Bench-Pw-{n}" if plain else exported
                out.write(f"bench{n:06d},Bench Filer {n},bench{n}@example.com,attorney,{secret}\n")
        if EcfAccount.objects.filter(court_id="ilnd", login__startswith="bench").exists():
            sys.exit("court ilnd already holds bench rows: use a fresh database (audit events cannot be deleted)")
        for attempt in ("first run", "re-run"):
            started = time.perf_counter()
            try:
                call_command("import_ecf_accounts", "ilnd", str(path), verbosity=0)
            except SystemExit as exit_:
                print("exit", exit_.code)
            took = time.perf_counter() - started
            created = EcfAccount.objects.filter(court_id="ilnd", login__startswith="bench").count()
            print(f"{attempt}: {rows} rows in {took:.1f} s ({rows / took:.0f} rows/s); {created} accounts at ilnd")
    print("audit events:", AuditEvent.objects.filter(event="ecf_account.created", detail__source="bench.csv").count())


if __name__ == "__main__":
    main()
