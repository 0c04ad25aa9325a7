"""Core statements compiled once and run on the DB-API cursor of a SQLAlchemy Connection.

Why: a message runs seven short statements in the store (bot/store/database.py).
``Connection.execute`` builds an execution context, computes the statement's cache
key and wraps the cursor's result on every call: ~70–90 µs a statement on the bench
machine, against ~15 µs for SQLite to run it, which took the webhook's campaign mix
to 12.6% of bare Flask; on the cursor 16–17% (bench/README.md, "2026-12-04 evening").

Nothing here is written by hand: the SQL is SQLAlchemy's compilation of the Core
statement for the connection's dialect, and parameters and returned values pass
through the type processors SQLAlchemy itself would apply (dates on SQLite, JSON),
so what the store writes reads back the same through the ORM. The transaction, the
pool and the SQLite write-lock wait stay SQLAlchemy's (the caller's Connection);
driver errors are raised as SQLAlchemy's (``DBAPIError.instance``), as from
``Connection.execute``.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError, InvalidRequestError
from sqlalchemy.sql import Select


class Prepared:
    """One statement: ``run`` it on a Connection with a dict of its bind parameters.

    Compiled on first use for the connection's dialect (then the dialect knows its
    server's version and features), once per dialect (tests run SQLite and PostgreSQL
    in one process)."""

    def __init__(self, statement):
        self.statement = statement
        self._compiled: weakref.WeakKeyDictionary[Dialect, _Compiled] = weakref.WeakKeyDictionary()

    def run(self, conn: Connection, params: dict[str, Any] | None = None) -> list[tuple]:
        """The statement's rows (those it returns or selects; none for the others)."""
        return self._for(conn).run(conn, params or {})

    def run_many(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """The statement once per dict of ``rows`` (the driver's ``executemany``)."""
        if rows:
            self._for(conn).run_many(conn, rows)

    def first(self, conn: Connection, params: dict[str, Any] | None = None) -> tuple | None:
        rows = self.run(conn, params)
        return rows[0] if rows else None

    def _for(self, conn: Connection) -> _Compiled:
        compiled = self._compiled.get(conn.dialect)
        if compiled is None:
            compiled = self._compiled[conn.dialect] = _Compiled(self.statement, conn.dialect)
        return compiled


class _Compiled:
    """A statement's SQL for one dialect, with the type processors of its parameters and columns."""

    def __init__(self, statement, dialect: Dialect):
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self._dbapi_error = dialect.loaded_dbapi.Error
        # Positional paramstyles (SQLite's "?") list one name per placeholder; named ones (psycopg) take a dict.
        positions = compiled.positiontup or list(compiled.binds)
        self._named = compiled.positiontup is None
        self._order = [(name, _bind_processor(compiled.binds[name].type, dialect)) for name in positions]
        # Values the statement carries itself (``value="1"``, optional columns' None).
        self._defaults = {name: bind.effective_value for name, bind in compiled.binds.items()
                          if not bind.required}
        columns = (statement.column_descriptions if isinstance(statement, Select)
                   else getattr(statement, "returning_column_descriptions", None) or [])
        self._results = [_result_processor(column["type"], dialect) for column in columns]

    def run(self, conn: Connection, params: dict[str, Any]) -> list[tuple]:
        return self._cursor(conn, lambda cur: cur.execute(self.sql, self._parameters(params)), params)

    def run_many(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        self._cursor(conn, lambda cur: cur.executemany(self.sql, [self._parameters(r) for r in rows]), rows)

    def _cursor(self, conn: Connection, execute, params) -> list[tuple]:
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            execute(cursor)
            rows = cursor.fetchall() if cursor.description else []
        except self._dbapi_error as exc:
            raise DBAPIError.instance(self.sql, params, exc, self._dbapi_error, dialect=conn.dialect) from exc
        finally:
            cursor.close()
        if not any(self._results):
            return rows
        return [tuple(p(v) if p else v for p, v in zip(self._results, row)) for row in rows]

    def _parameters(self, params: dict[str, Any]):
        values = {**self._defaults, **params} if self._defaults else params
        try:
            ordered = [(name, p(values[name]) if p else values[name]) for name, p in self._order]
        except KeyError as missing:
            raise InvalidRequestError(f"a value is required for bind parameter {missing} of: {self.sql}") from None
        return dict(ordered) if self._named else tuple(v for _, v in ordered)


def _bind_processor(type_, dialect: Dialect):
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _result_processor(type_, dialect: Dialect):
    return type_.dialect_impl(dialect).result_processor(dialect, None)
