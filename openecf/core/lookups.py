"""Comparisons the database can answer from an index."""

from __future__ import annotations

from django.db.models import Value
from django.db.models.functions import Lower
from django.db.models.lookups import Exact


def equals_ignoring_case(field: str, value: str) -> Exact:
    """``field`` equals ``value`` without regard to case, compiled as LOWER(field) = LOWER(value).

    That is the expression the case-insensitive indexes are built on (``Lower("username")``, ``Lower("email")``),
    so the database probes the index. ``field__iexact`` compiles to UPPER() = UPPER() on PostgreSQL and to LIKE on
    SQLite, which those indexes cannot serve: every lookup would read the whole table. Both sides are lowered by
    the database, so the comparison folds case exactly as the unique constraint on usernames does.
    """
    return Exact(Lower(field), Lower(Value(value)))
