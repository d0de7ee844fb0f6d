"""Hot-path queries compiled to SQL once per process instead of on every call.

Django turns a QuerySet into SQL each time it runs it. On the 2-core reference machine that costs 0.8 to 3 ms of
CPU per query, several times the database's own work, and after the Argon2 hash it was the largest cost of a
login and of a court page (docs/performance.md). For the few queries every login or page runs, the QuerySet stays
the one definition: it is built once with placeholder arguments and compiled, and each call puts the real
arguments in the placeholders' places in the parameter list. Only whole-value parameters can be placeholders
(an id, a username); the query's shape never depends on them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)

# Values no caller passes: each placeholder is found in the compiled parameters by identity of value and type.
_PLACEHOLDERS: dict[type, list[Any]] = {
    int: [-7_300_000_001 - n for n in range(4)],
    str: [f"\x00openecf-placeholder-{n}\x00" for n in range(4)],
}


class Compiled(Generic[M]):
    """``build(*placeholders)`` returns the QuerySet; ``rows(*args)`` / ``instances(*args)`` run its SQL."""

    def __init__(self, build: Callable[..., QuerySet[M]], *arg_types: type) -> None:
        self._build = build
        self._arg_types = arg_types
        self._cache: dict[str, tuple[QuerySet[M], str, list[Any], list[int]]] = {}
        self._loaders: dict[str, tuple[list[str], Any, Any]] = {}

    def _compiled(self, using: str) -> tuple[QuerySet[M], str, list[Any], list[int]]:
        found = self._cache.get(using)
        if found is None:
            counters: dict[type, int] = {}
            placeholders = []
            for kind in self._arg_types:
                placeholders.append(_PLACEHOLDERS[kind][counters.get(kind, 0)])
                counters[kind] = counters.get(kind, 0) + 1
            queryset = self._build(*placeholders)
            sql, params = queryset.query.get_compiler(using).as_sql()
            positions = []
            for placeholder in placeholders:
                matches = [i for i, p in enumerate(params) if type(p) is type(placeholder) and p == placeholder]
                if len(matches) != 1:
                    raise ValueError(f"placeholder {placeholder!r} appears {len(matches)} times in {sql}")
                positions.append(matches[0])
            found = self._cache[using] = (queryset, sql, list(params), positions)
        return found

    def _params(self, using: str, args: tuple[Any, ...]) -> tuple[QuerySet[M], str, list[Any]]:
        if len(args) != len(self._arg_types) or not all(map(isinstance, args, self._arg_types)):
            raise TypeError(f"expected arguments of types {self._arg_types}, got {args!r}")
        queryset, sql, params, positions = self._compiled(using)
        params = list(params)
        for position, value in zip(positions, args, strict=True):
            params[position] = value
        return queryset, sql, params

    def rows(self, *args: Any, using: str = "default") -> list[dict[str, Any]]:
        """The result rows as dicts by column alias (for ``.values(...)`` querysets)."""
        _queryset, sql, params = self._params(using, args)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _loader(self, using: str, queryset: QuerySet[M]) -> tuple[list[str], Any, Any]:
        """The selected fields' attribute names, and the converters Django applies to their database values."""
        found = self._loaders.get(using)
        if found is None:
            compiler = queryset.query.get_compiler(using)
            compiler.setup_query()
            fields = [column.target.attname for column, _sql, _alias in compiler.select]
            model_fields = [f.attname for f in queryset.model._meta.concrete_fields]
            if fields != model_fields or compiler.query.select_related:
                raise ValueError("instances() needs a plain QuerySet of whole rows (no values(), no select_related)")
            found = self._loaders[using] = (
                fields,
                compiler,
                compiler.get_converters([column for column, _s, _a in compiler.select]),
            )
        return found

    def instances(self, *args: Any, using: str = "default") -> list[M]:
        """Model instances, as the QuerySet would give them (whole rows, no select_related)."""
        queryset, sql, params = self._params(using, args)
        fields, compiler, converters = self._loader(using, queryset)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = [tuple(row) for row in compiler.apply_converters(rows, converters)]
        return [queryset.model.from_db(using, fields, row) for row in rows]
