"""What the operator commands share: reading a password safely and turning problems into exit code 2. (The court
a command names: openecf/courts/commands.py.)"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


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
