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
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections, transaction
from django.db.models import Field, Model, QuerySet
from django.db.models.expressions import DatabaseDefault
from django.db.models.query import get_related_populators  # type: ignore[attr-defined]
from django.db.models.sql.compiler import SQLCompiler, SQLInsertCompiler
from django.db.models.sql.subqueries import InsertQuery

M = TypeVar("M", bound=Model)

# Values no caller passes: each placeholder is found in the compiled parameters by identity of value and type.
_PLACEHOLDERS: dict[type, list[Any]] = {
    int: [-7_300_000_001 - n for n in range(4)],
    str: [f"\x00openecf-placeholder-{n}\x00" for n in range(4)],
}


@dataclass(frozen=True)
class _Statement(Generic[M]):
    queryset: QuerySet[M]
    compiler: SQLCompiler  # the one that compiled the SQL: it knows the selected columns and their converters
    sql: str
    params: list[Any]
    positions: list[int]  # where each argument goes in params
    fields: list[str] | None  # the model's attribute names, column by column; None unless whole rows
    width: int  # how many leading columns are the model's own; the rest are select_related's
    populators: list[Any]  # Django's own RelatedPopulator for each select_related model (they hold no row state)
    converters: dict[int, Any]  # what Django applies to the database's values, by column


class Compiled(Generic[M]):
    """``build(*placeholders)`` returns the QuerySet; ``rows``, ``instances`` and ``first`` run its SQL."""

    def __init__(self, build: Callable[..., QuerySet[M]], *arg_types: type) -> None:
        self._build = build
        self._arg_types = arg_types
        self._statements: dict[str, _Statement[M]] = {}

    def _statement(self, using: str) -> _Statement[M]:
        found = self._statements.get(using)
        if found is None:
            kinds = self._arg_types
            placeholders = [_PLACEHOLDERS[kind][kinds[:i].count(kind)] for i, kind in enumerate(kinds)]
            queryset = self._build(*placeholders)
            compiler = queryset.query.get_compiler(using)
            sql, params = compiler.as_sql()
            positions = []
            for placeholder in placeholders:
                matches = [i for i, p in enumerate(params) if type(p) is type(placeholder) and p == placeholder]
                if len(matches) != 1:
                    raise ValueError(f"placeholder {placeholder!r} appears {len(matches)} times in {sql}")
                positions.append(matches[0])
            columns = [column for column, _sql, _alias in compiler.select]
            own = [f.attname for f in queryset.model._meta.concrete_fields]
            named = [getattr(getattr(column, "target", None), "attname", "") for column in columns]
            fields: list[str] | None = own
            populators: list[Any] = []
            if queryset.query.select_related and compiler.klass_info and not compiler.annotation_col_map:
                # As Django's ModelIterable does: the model's columns first, each related model's after them.
                populators = get_related_populators(compiler.klass_info, compiler.select, using)
            if named[: len(own)] != own or (len(named) > len(own) and not populators):
                fields = None
            converters = compiler.get_converters(columns)
            found = self._statements[using] = _Statement(
                queryset, compiler, sql, list(params), positions, fields, len(own), populators, converters
            )
        return found

    def _run(
        self, using: str, args: tuple[Any, ...], *, names: bool = False
    ) -> tuple[_Statement[M], list[str], list[Any]]:
        """Execute with these arguments: the statement, the result's column names (when asked for) and its rows.

        Reading ``cursor.description`` builds a psycopg Column for every column of every call: on a court page's
        token-with-account join that was a tenth of the page's CPU, and instances() never needs the names."""
        statement = self._statement(using)
        params = self._params(statement, args)
        with connections[using].cursor() as cursor:
            cursor.execute(statement.sql, params)
            rows = cursor.fetchall()
            return statement, [column[0] for column in cursor.description] if names else [], rows

    def _params(self, statement: _Statement[M], args: tuple[Any, ...]) -> list[Any]:
        if len(args) != len(self._arg_types) or not all(map(isinstance, args, self._arg_types)):
            raise TypeError(f"expected arguments of types {self._arg_types}, got {args!r}")
        params = list(statement.params)
        for position, value in zip(statement.positions, args, strict=True):
            params[position] = value
        return params

    def rows(self, *args: Any, using: str = "default") -> list[dict[str, Any]]:
        """The result rows as dicts by column alias (for ``.values(...)`` querysets)."""
        _statement, names, rows = self._run(using, args, names=True)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def instances(self, *args: Any, using: str = "default") -> list[M]:
        """Model instances, as the QuerySet would give them (whole rows, and the select_related ones with them)."""
        statement, _names, rows = self._run(using, args)
        return [_instance(statement, row, using) for row in _converted(statement, rows)]

    def first(self, *args: Any, using: str = "default") -> M | None:
        """The one instance a lookup by key finds, or None."""
        found = self.instances(*args, using=using)
        return found[0] if found else None


def _converted(statement: _Statement[M], rows: list[Any]) -> list[Any]:
    if statement.fields is None:
        raise ValueError("instances need a QuerySet of whole rows (no values(), no annotations)")
    if statement.converters:
        return [tuple(row) for row in statement.compiler.apply_converters(rows, statement.converters)]
    return rows


def _instance(statement: _Statement[M], row: Any, using: str) -> M:
    assert statement.fields is not None  # _converted refused the statement otherwise
    instance = statement.queryset.model.from_db(using, statement.fields, row[: statement.width])
    for populator in statement.populators:
        populator.populate(row, instance)
    return instance


N = TypeVar("N", bound=Model)


class SideBySide(Generic[M, N]):
    """Two compiled lookups of at most one row each, of rows no relation joins, read in one statement:
    ``SELECT * FROM (left) LEFT JOIN (right) ON 1 = 1``. A court page needs its court and the visitor's token:
    two round trips, each with its own per-statement cost in Django, psycopg and the database, become one."""

    def __init__(self, left: Compiled[M], right: Compiled[N]) -> None:
        self._left = left
        self._right = right
        self._sql: dict[str, tuple[str, int]] = {}

    def first(
        self, left_args: tuple[Any, ...], right_args: tuple[Any, ...], using: str = "default"
    ) -> tuple[M, N | None] | None:
        """The left row's instance and the right's (None when the right finds nothing); None when the left finds
        nothing."""
        left, right = self._left._statement(using), self._right._statement(using)
        found = self._sql.get(using)
        if found is None:
            # Both parts are SQL Django compiled from QuerySets; every value is a bound parameter.
            sql = f"SELECT * FROM ({left.sql}) openecf_left LEFT JOIN ({right.sql}) openecf_right ON 1 = 1"  # noqa: S608
            found = self._sql[using] = (sql, len(left.compiler.select))
        sql, width = found
        params = self._left._params(left, left_args) + self._right._params(right, right_args)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not rows:
            return None
        if len(rows) > 1:
            raise ValueError("SideBySide reads lookups of at most one row each")
        row = rows[0]
        (left_row,) = _converted(left, [row[:width]])
        right_part = row[width:]
        if right_part[0] is None:  # the right lookup found nothing: its columns, its key first, are NULL
            return _instance(left, left_row, using), None
        (right_row,) = _converted(right, [right_part])
        return _instance(left, left_row, using), _instance(right, right_row, using)


@dataclass(frozen=True)
class _Insert:
    compiler: SQLInsertCompiler  # shared by threads: only its stateless per-value methods are called per row
    sql: str
    fields: list[Field[Any, Any]]
    by_database: list[bool]  # for each field, whether the database fills it (db_default): no parameter
    returning: list[Field[Any, Any]]
    returning_params: tuple[Any, ...]
    converters: dict[int, Any]


class CompiledInsert(Generic[M]):
    """``insert(instance)`` does what ``instance.save(force_insert=True)`` does for a model with no save() of its
    own and no signals, with the INSERT's SQL compiled once per process: each call only prepares the values
    (``pre_save`` for auto_now and the like, then ``get_db_prep_save``, exactly as Django's insert does) and sends
    them. Django builds the whole InsertQuery and its SQL again on every save: about 0.6 ms of CPU, of which this
    saves about half (docs/performance.md).
    """

    def __init__(self, model: type[M]) -> None:
        self._model = model
        self._statements: dict[str, _Insert] = {}

    def _statement(self, using: str, instance: M) -> _Insert:
        found = self._statements.get(using)
        if found is None:
            meta = self._model._meta
            fields = [f for f in meta.local_concrete_fields if not f.generated and f is not meta.auto_field]
            query = InsertQuery(self._model)
            query.insert_values(fields, [instance])
            compiler = query.get_compiler(using)
            returning = list(meta.db_returning_fields)
            compiler.returning_fields = returning
            ((sql, params),) = compiler.as_sql()
            query.objs = []  # the compiled statement keeps no caller's row (a session's data, say) alive
            # A field left to its db_default is written as DEFAULT (or the expression) in the SQL itself, so it
            # takes no parameter; every later instance must leave the same fields to the database.
            by_database = [isinstance(compiler.pre_save_val(f, instance), DatabaseDefault) for f in fields]
            if len(params) != by_database.count(False) or sql.count("%s") != len(params):
                raise ValueError(f"{self._model.__name__}: its INSERT does not take one plain value per field")
            columns = [field.get_col(meta.db_table) for field in returning]
            found = self._statements[using] = _Insert(
                compiler,
                sql,
                fields,
                by_database,
                returning,
                tuple(getattr(compiler, "returning_params", ())),
                compiler.get_converters(columns),
            )
        return found

    def insert(self, instance: M, *, using: str = "default") -> M:
        if type(instance) is not self._model or not instance._state.adding:
            raise ValueError(f"insert() takes a new {self._model.__name__}")
        instance._prepare_related_fields_for_save(operation_name="insert")  # type: ignore[attr-defined]
        statement = self._statement(using, instance)
        compiler = statement.compiler
        params = []
        for field, by_database in zip(statement.fields, statement.by_database, strict=True):
            value = compiler.pre_save_val(field, instance)
            if isinstance(value, DatabaseDefault) and by_database:
                continue
            if by_database or hasattr(value, "resolve_expression"):  # either would change the SQL
                raise ValueError(f"{self._model.__name__}.{field.name}: not the compiled INSERT's shape; save() it")
            params.append(compiler.prepare_value(field, value))
        connection = connections[using]
        rows: list[tuple[Any, ...]] = []
        with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
            cursor.execute(statement.sql, params)
            if statement.returning and not connection.features.can_return_columns_from_insert:
                rows = [
                    (connection.ops.last_insert_id(cursor, self._model._meta.db_table, self._model._meta.pk.column),)
                ]
                statement = _Insert(compiler, statement.sql, [], [], [self._model._meta.pk], (), {})
            elif statement.returning:
                rows = [connection.ops.fetch_returned_insert_columns(cursor, statement.returning_params)]
            if statement.returning:
                if statement.converters:
                    rows = [tuple(row) for row in compiler.apply_converters(rows, statement.converters)]
                for field, value in zip(statement.returning, rows[0], strict=True):
                    setattr(instance, field.attname, value)
        instance._state.adding = False
        instance._state.db = using
        return instance


class CompiledUpdate(Generic[M]):
    """``update(instance)`` writes these fields of one saved row by its primary key, as
    ``instance.save(update_fields=fields)`` does for a model with no save() of its own and no signals on it, with
    the UPDATE's SQL built once per process. Each value is prepared by its field (``pre_save``, then
    ``get_db_prep_save``) as Django's update prepares it. ``save(update_fields=...)`` builds an UpdateQuery and
    its SQL on every call: about 0.5 ms of CPU for Django's last_login write at every login.
    """

    def __init__(self, model: type[M], fields: list[str]) -> None:
        meta = model._meta
        self._model = model
        found = [meta.get_field(name) for name in fields]
        self._fields: list[Field[Any, Any]] = [f for f in found if isinstance(f, Field)]
        if (
            not fields
            or len(self._fields) != len(found)
            or any(not f.concrete or f.primary_key or f.generated or not f.column for f in self._fields)
        ):
            raise ValueError(f"{model.__name__}: only concrete, stored, non-key fields: {fields}")
        self._sql: dict[str, str] = {}

    def _statement(self, using: str) -> str:
        found = self._sql.get(using)
        if found is None:
            quote = connections[using].ops.quote_name
            meta = self._model._meta
            columns = ", ".join(f"{quote(str(f.column))} = %s" for f in self._fields)
            # Only names from the model's own meta, quoted by the backend; every value is a parameter.
            table, key = quote(meta.db_table), quote(meta.pk.column)
            found = self._sql[using] = f"UPDATE {table} SET {columns} WHERE {key} = %s"  # noqa: S608
        return found

    def update(self, instance: M, *, using: str = "default") -> int:
        """Rows written: 1, or 0 when the row is gone (``save(update_fields=...)`` raises then; callers decide)."""
        if type(instance) is not self._model or instance._state.adding or instance.pk is None:
            raise ValueError(f"update() takes a saved {self._model.__name__}")
        connection = connections[using]
        params = [f.get_db_prep_save(f.pre_save(instance, False), connection) for f in self._fields]
        params.append(self._model._meta.pk.get_db_prep_value(instance.pk, connection))
        with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
            cursor.execute(self._statement(using), params)
            return int(cursor.rowcount)
