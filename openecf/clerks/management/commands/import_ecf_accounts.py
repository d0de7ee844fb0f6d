"""``python manage.py import_ecf_accounts COURT FILE [--dry-run]``: a court's legacy CM/ECF accounts from CSV.

Header row; columns login, name, email, role, and password (hashed on import) or password_hash (see
``openecf.clerks.importer.normalise_hash`` for the formats). Exit status 0 when every row was good, 1 when some
rows were skipped (listed by line), 2 when the file could not be read at all.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from openecf.audit.context import COMMAND_LINE
from openecf.clerks import importer
from openecf.courts.commands import court_argument


class Command(BaseCommand):
    help = "Import a court's legacy CM/ECF accounts from a CSV file (idempotent: existing logins are left alone)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("court", help="PACER court id, e.g. wiwd")
        parser.add_argument("file", help="CSV file (UTF-8) with a header row")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        court = court_argument(options["court"])
        path = Path(options["file"])
        try:
            with path.open(encoding="utf-8-sig", newline="") as counting:
                total = max(0, sum(1 for _ in counting) - 1)
            with (
                path.open(encoding="utf-8-sig", newline="") as lines,
                tqdm(
                    total=total,
                    unit=" rows",
                    file=sys.stderr,
                    disable=None if options["verbosity"] > 0 else True,
                    desc=f"{court.pk} {'check' if options['dry_run'] else 'import'}",
                ) as bar,
            ):
                report = importer.import_accounts(
                    court=court,
                    lines=lines,
                    origin=COMMAND_LINE,
                    source=path.name,
                    dry_run=options["dry_run"],
                    progress=bar.update,
                )
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.", returncode=2) from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text. Save it as CSV (UTF-8).", returncode=2) from None
        except importer.ImportFileError as error:
            raise CommandError(str(error), returncode=2) from None
        for problem in report.errors:
            self.stdout.write(
                f"line {problem.line}" + (f" ({problem.login})" if problem.login else "") + f": {problem.message}"
            )
        prefix = "Dry run, nothing written. " if options["dry_run"] else ""
        self.stdout.write(f"{court.pk}: {prefix}{report.summary}")
        if report.errors:
            sys.exit(1)
