"""``python manage.py bulk_load_accounts --pacer N --ecf M [--prefix bench] [--batch 20000] [--no-progress]``.

Synthetic PACER-scale accounts for the scale benchmark (openecf/demo/bulk.py says who they are). SYNTHETIC DATA
ONLY: every PACER account of a run stores the same password hash, and every CM/ECF account another one, each
computed once with the app's own hasher, because hashing millions of passwords with Argon2id would take hours.

The password is the first line of standard input when that is not a terminal (nothing at all there: the
default), else the default ``Bench-Password-2026!``. Running again with larger numbers adds only the missing
accounts. Prints one line of JSON: counts, seconds and rows per second.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from openecf.audit.context import COMMAND_LINE
from openecf.demo import bulk


def _password(options: dict[str, Any]) -> str:
    stream = options.get("stdin") or sys.stdin
    if stream.isatty():
        return bulk.DEFAULT_PASSWORD
    line = stream.readline()
    if not line:  # nothing piped in (e.g. </dev/null): the default, as on a terminal
        return bulk.DEFAULT_PASSWORD
    return str(line).rstrip("\r\n")


class Command(BaseCommand):
    help = (
        "Load synthetic PACER and CM/ECF accounts for the scale benchmark (additive: only missing ones are "
        "created). Synthetic data only: all PACER accounts share one password hash and all CM/ECF accounts "
        "another, hashed once per run. Password: first line of standard input when it is not a terminal, else "
        f"{bulk.DEFAULT_PASSWORD}."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pacer", type=int, required=True, help="PACER accounts {prefix}p0000000 ... wanted.")
        parser.add_argument(
            "--ecf", type=int, required=True, help="CM/ECF accounts {prefix}e0000000 ... wanted, dealt over all courts."
        )
        parser.add_argument(
            "--prefix", default=bulk.DEFAULT_PREFIX, help="1 to 8 lower-case letters or digits (default: bench)."
        )
        parser.add_argument(
            "--batch", type=int, default=bulk.DEFAULT_BATCH, help="Rows per transaction (default: 20000)."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on standard error.")

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = options["no_progress"] or options["verbosity"] == 0

        def progress(desc: str, total: int) -> tqdm[Any]:
            return tqdm(total=total, desc=desc, unit=" rows", unit_scale=True, file=sys.stderr, disable=quiet)

        try:
            report = bulk.load_accounts(
                pacer=options["pacer"],
                ecf=options["ecf"],
                prefix=options["prefix"],
                password=_password(options),
                batch=options["batch"],
                origin=COMMAND_LINE,
                progress=progress,
            )
        except bulk.LoadError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(json.dumps(report.summary()))
