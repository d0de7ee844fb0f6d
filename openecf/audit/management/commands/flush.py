"""``flush`` (empty every table) keeps the append-only guarantee: refused outside a test database.

Django's test cases flush the test database between transactional tests, which the audit triggers would refuse;
here the triggers are lifted and restored in the same transaction. On any other database the command refuses,
because emptying it would erase the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from openecf.audit import triggers


def _is_test_database(alias: str) -> bool:
    connection = connections[alias]
    if connection.vendor == "sqlite" and connection.is_in_memory_db():  # type: ignore[attr-defined]
        return True
    return Path(str(connection.settings_dict["NAME"])).name.startswith("test_")


class Command(flush.Command):
    help = flush.Command.help + " Refused outside a test database: it would erase the append-only audit log."

    def handle(self, **options: Any) -> None:
        alias = options.get("database") or DEFAULT_DB_ALIAS
        if not _is_test_database(alias):
            raise CommandError(
                "flush would erase the append-only audit log, so it only empties test databases. To start the demo "
                "afresh, delete its database file (make clean)."
            )
        with transaction.atomic(using=alias):
            triggers.drop(connections[alias])
            super().handle(**options)
            triggers.create(connections[alias])
