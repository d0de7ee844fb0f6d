"""``python -m bench.load_accounts --pacer N --ecf M [--prefix bench] [--batch 20000] [--no-progress]``.

Synthetic PACER-scale accounts for the scale benchmark (bench/loaders.py says who they are). SYNTHETIC DATA
ONLY: every PACER account of a run stores the same password hash, and every CM/ECF account another one, each
computed once with the app's own hasher, because hashing millions of passwords with Argon2id would take hours.

The database is the one DATABASE_URL names, with the demo settings unless DJANGO_SETTINGS_MODULE says otherwise.
The password is the first line of standard input when that is not a terminal (nothing at all there: the
default), else the default ``Bench-Password-2026!``. Running again with larger numbers adds only the missing
accounts. Prints one line of JSON: counts, seconds and rows per second. Exit status 2 when the request is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TextIO


def _password(stdin: TextIO, default: str) -> str:
    if stdin.isatty():
        return default
    line = stdin.readline()
    if not line:  # nothing piped in (e.g. </dev/null): the default, as on a terminal
        return default
    return str(line).rstrip("\r\n")


def _parser(loaders: Any) -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(
        prog="python -m bench.load_accounts",
        description=(
            "Load synthetic PACER and CM/ECF accounts for the scale benchmark (additive: only missing ones are "
            "created). Synthetic data only: all PACER accounts share one password hash and all CM/ECF accounts "
            "another, hashed once per run. Password: first line of standard input when it is not a terminal, else "
            f"{loaders.DEFAULT_PASSWORD}."
        ),
    )
    parse.add_argument("--pacer", type=int, required=True, help="PACER accounts {prefix}p0000000 ... wanted.")
    parse.add_argument(
        "--ecf", type=int, required=True, help="CM/ECF accounts {prefix}e0000000 ... wanted, dealt over all courts."
    )
    parse.add_argument(
        "--prefix", default=loaders.DEFAULT_PREFIX, help="1 to 8 lower-case letters or digits (default: bench)."
    )
    parse.add_argument(
        "--batch", type=int, default=loaders.DEFAULT_BATCH, help="Rows per transaction (default: 20000)."
    )
    parse.add_argument("--no-progress", action="store_true", help="No progress bar on standard error.")
    return parse


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run as the command line does; returns the exit status (argparse exits 2 itself on a malformed option)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.demo")
    import django

    django.setup()
    # After the set-up: the loader reads the app's models.
    from tqdm import tqdm

    from bench import loaders
    from openecf.audit.context import Origin

    options = _parser(loaders).parse_args(argv)

    def progress(desc: str, total: int) -> tqdm[Any]:
        return tqdm(total=total, desc=desc, unit=" rows", unit_scale=True, file=sys.stderr, disable=options.no_progress)

    try:
        report = loaders.load_accounts(
            pacer=options.pacer,
            ecf=options.ecf,
            prefix=options.prefix,
            password=_password(stdin or sys.stdin, loaders.DEFAULT_PASSWORD),
            batch=options.batch,
            origin=Origin(ip_address=None, user_agent="bench.load_accounts"),
            progress=progress,
        )
    except loaders.LoadError as error:
        print(f"python -m bench.load_accounts: {error}", file=sys.stderr)
        return 2
    (stdout or sys.stdout).write(json.dumps(report.summary()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
