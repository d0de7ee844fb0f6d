"""The background worker beside each app node: e-mail out, audit events sealed, void records purged.

Every ``--interval`` seconds it sends the outbox's due messages and seals the audit events committed since its last
turn; every ``--purge-every`` seconds it also purges (openecf/operations/purge.py) and cleans up after filings
(openecf/filing/cleanup.py). Any number of workers may run
at once, on any number of hosts: the outbox hands each message to one worker (a claim with a lease), the sealer
and the purge work in short transactions that another worker's do not disturb.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from openecf.audit.context import Origin
from openecf.audit.sealing import seal_pending
from openecf.filing.cleanup import cleanup_filings
from openecf.notices.services import deliver_pending
from openecf.operations.purge import purge_expired

log = logging.getLogger(__name__)

# One purge turn deletes at most this many rounds (of --purge-batch rows of each kind), so a large backlog after a
# long outage does not hold up the e-mail for minutes; the rest goes at the next turns.
PURGE_ROUNDS_PER_TURN = 20
UNITS = {"outbox": "e-mail message(s) sent", "sealing": "audit event(s) sealed"}


def _clean_filings() -> dict[str, int]:
    """cleanup_filings, with each purge: timed-out filing transactions and files no filing needs."""
    cleaned = cleanup_filings(origin=Origin(ip_address=None, user_agent="run_worker"))
    return {
        "timed_out_filings": cleaned.transactions,
        "pending_files": cleaned.pending_files,
        "orphaned_document_files": cleaned.orphan_files,
    }


class Command(BaseCommand):
    help = "Run the background work (outbox, audit sealing, purge) in a loop, or once with --once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Do each job once, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between turns (default 1).")
        parser.add_argument("--purge-every", type=float, default=300.0, help="Seconds between purges (default 300).")
        parser.add_argument(
            "--lease",
            type=float,
            default=settings.OPENECF_OUTBOX_LEASE_SECONDS,
            help="Seconds a claimed e-mail is this worker's; a killed worker's messages are retried after it.",
        )
        parser.add_argument("--seal-batch", type=int, default=1000, help="Audit events sealed per batch.")
        parser.add_argument("--purge-batch", type=int, default=1000, help="Rows of each kind purged per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] <= 0 or options["lease"] <= 0 or options["purge_every"] <= 0:
            raise CommandError("--interval, --lease and --purge-every must be more than 0 seconds", returncode=2)
        if options["seal_batch"] < 1 or options["purge_batch"] < 1:
            raise CommandError("--seal-batch and --purge-batch must be at least 1", returncode=2)
        lease = timedelta(seconds=options["lease"])
        jobs: dict[str, Callable[[], Any]] = {
            "outbox": lambda: deliver_pending(lease=lease),
            "sealing": lambda: seal_pending(batch_size=options["seal_batch"]),
        }
        purge: Callable[[], Any] = lambda: purge_expired(  # noqa: E731 - named for the log line
            batch_size=options["purge_batch"], max_rounds=None if options["once"] else PURGE_ROUNDS_PER_TURN
        )
        filings: Callable[[], Any] = _clean_filings
        if options["once"]:
            for name, job in [*jobs.items(), ("purge", purge), ("filings", filings)]:
                self._report(name, job())
            return

        stopping = threading.Event()

        def stop(signum: int, frame: FrameType | None) -> None:
            stopping.set()  # finish the turn in hand (a message being sent is recorded), then leave

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        next_purge = time.monotonic()
        while not stopping.is_set():
            turn = dict(jobs)
            if time.monotonic() >= next_purge:
                turn["purge"] = purge
                turn["filings"] = filings
                next_purge = time.monotonic() + options["purge_every"]
            for name, job in turn.items():
                if stopping.is_set():
                    break
                self._run(name, job)
            stopping.wait(options["interval"])

    def _run(self, name: str, job: Callable[[], Any]) -> None:
        """A failing job (the database restarting, the mail relay down) is logged and tried again next turn: the
        worker outlives what it waits for instead of leaving the node without one."""
        try:
            result = job()
        except Exception:
            log.exception("run_worker: %s failed; trying again next turn", name)
            connection.close()  # a broken connection is not reused; the next query opens a fresh one
            return
        self._report(name, result, quiet=True)

    def _report(self, name: str, result: Any, *, quiet: bool = False) -> None:
        if isinstance(result, dict):
            if quiet and not any(result.values()):
                return
            text = "deleted " + ", ".join(f"{count} {kind}" for kind, count in result.items())
        else:
            if quiet and not result:
                return
            text = f"{result} {UNITS[name]}"
        self.stdout.write(f"{name}: {text}")
        self.stdout.flush()
