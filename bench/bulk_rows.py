"""Rows of one model written in batches for the benchmark's loaders: COPY on PostgreSQL, bulk_create elsewhere.

Every database constraint still applies; what is skipped is Model.save() (the loaders compute what it would set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from django.db import connection, models, transaction


class Progress(Protocol):
    def update(self, n: int) -> Any: ...

    def close(self) -> Any: ...


ProgressFactory = Callable[[str, int], Progress]


class BatchTable:
    """Rows of one model that differ only in a few fields, written in one transaction per batch."""

    def __init__(self, model: type[models.Model], common: dict[str, Any], varying: Sequence[str]) -> None:
        self.model = model
        self.common = common
        self.varying = list(varying)
        # Every column but the generated primary key, with the Python-side defaults (timestamps, blanks) of one
        # template row, as the database will be sent them.
        self.fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        template = model(**common)
        self.base = [field.get_db_prep_save(getattr(template, field.attname), connection) for field in self.fields]
        slot = {field.attname: position for position, field in enumerate(self.fields)}
        self.slots = [slot[name] for name in self.varying]

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        """``rows``: the values of the varying fields, in their order."""
        with transaction.atomic():
            if connection.vendor == "postgresql":
                self._copy(rows)
            else:
                self.model._default_manager.bulk_create(
                    [self.model(**self.common, **dict(zip(self.varying, row, strict=True))) for row in rows]
                )

    def _copy(self, rows: Sequence[Sequence[Any]]) -> None:
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.model._meta.db_table),
            sql.SQL(", ").join(sql.Identifier(field.column) for field in self.fields),
        )
        base, slots = self.base, self.slots
        with connection.cursor() as cursor, cursor.copy(statement) as copy:
            for values in rows:
                row = base.copy()
                for position, value in zip(slots, values, strict=True):
                    row[position] = value
                copy.write_row(row)

    def analyze(self) -> None:
        # VACUUM as well as ANALYZE, as after any bulk import: it sets the rows' hint bits and visibility map now,
        # instead of the first logins at the new size writing them and autovacuum scanning the table meanwhile.
        # VACUUM cannot run inside a transaction (a caller's, or a test's): there, ANALYZE alone.
        if connection.vendor == "postgresql":
            from psycopg import sql

            command = "ANALYZE {}" if connection.in_atomic_block else "VACUUM (ANALYZE) {}"
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL(command).format(sql.Identifier(self.model._meta.db_table)))


def write_batches(
    table: BatchTable,
    batches: Iterable[list[int]],
    row: Callable[[int], tuple[Any, ...]],
    *,
    bar: Progress | None,
) -> None:
    """Write the rows of each batch of indexes (``row(i)``: the varying values of row ``i``), one transaction a
    batch, then bring the table's statistics up to date."""
    try:
        for indexes in batches:
            table.write([row(i) for i in indexes])
            if bar:
                bar.update(len(indexes))
    finally:
        if bar:
            bar.close()
    table.analyze()
