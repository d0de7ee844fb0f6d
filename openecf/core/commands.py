"""What the operator commands share: reading a password safely, turning problems into exit code 2, and running a
job once or in a loop. (The court a command names: openecf/courts/commands.py.)"""

from __future__ import annotations

import getpass
import sys
import time
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, OutputWrapper


def password_from(options: dict[str, Any]) -> str:
    """--password if given, else standard input (a prompt on a terminal, the first line of a pipe)."""
    if options.get("password") is not None:
        return str(options["password"])
    stream = options.get("stdin") or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password (again): ") != first:
            raise CommandError("The two passwords differ; nothing was created.", returncode=2)
        return first
    line = stream.readline()
    if not line:
        raise CommandError("No password: give --password or send it on standard input.", returncode=2)
    return line.rstrip("\r\n")


def refuse(error: ValidationError) -> CommandError:
    return CommandError("; ".join(error.messages) + " Nothing was created.", returncode=2)


def run_rounds(job: Callable[[], int], *, loop: bool, interval: float, out: OutputWrapper, says: str) -> None:
    """Run ``job`` once, or with ``loop`` every ``interval`` seconds until stopped. Each round that did something
    (and the one round without ``loop``) is reported at once as ``says`` with the count, e.g. "{} message(s) sent.".
    """
    while True:
        done = job()
        if done or not loop:
            out.write(says.format(done))
            out.flush()
        if not loop:
            return
        time.sleep(interval)
