"""The two transactions of every message, on the DB-API connection.

Why not SQLAlchemy here: profiling the webhook (bench/webhook_bench.py) showed
SQLAlchemy's execution machinery at ~90 µs per statement against ~12 µs for
SQLite to run it, and a session commit at ~200 µs against ~85; a message runs
two short transactions, so the store was most of what a cached answer cost.
Only ``start_turn``/``finish_turn`` and the message log go this way; all else
uses SQLAlchemy. The statements write the columns in the formats SQLAlchemy
uses (DateTime as ``YYYY-MM-DD HH:MM:SS.ffffff`` text and JSON as text on
SQLite), so the ORM reads what they write and the other way round.

SQL is written once, with ``:name`` parameters and the ``INSERT … ON CONFLICT``
and ``RETURNING`` that SQLite (≥ 3.35) and PostgreSQL share.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

CLAIM = (  # a new message, or one whose worker died before replying (a stale claim): taken over
    'INSERT INTO seen_messages ("key", created_at) VALUES (:k, :now) '
    'ON CONFLICT ("key") DO UPDATE SET created_at = excluded.created_at '
    "WHERE seen_messages.reply IS NULL AND seen_messages.created_at < :stale "
    'RETURNING "key"')
COUNT_UP = (  # one counter per key and window, counted up atomically
    'INSERT INTO kv_store ("key", "value", expires_at) VALUES (:k, \'1\', :exp) '
    'ON CONFLICT ("key") DO UPDATE SET "value" = CAST(CAST(kv_store."value" AS INTEGER) + 1 AS VARCHAR) '
    'RETURNING "value"')
# A token bucket in one value (GCRA): the "theoretical arrival time" of the user's next
# message. Each message moves it one interval :t later (from now, if it lies in the past),
# never beyond :cap, half an interval past the admit line (a flood cannot dig a deeper hole);
# the caller lets the message through when the new value is at most ``burst`` intervals ahead.
_TAT = 'CASE WHEN CAST(kv_store."value" AS DOUBLE PRECISION) > :now THEN CAST(kv_store."value" AS DOUBLE PRECISION) ELSE :now END'
TAKE_TOKEN = (
    'INSERT INTO kv_store ("key", "value", expires_at) VALUES (:k, CAST(:first AS VARCHAR), :exp) '
    f'ON CONFLICT ("key") DO UPDATE SET "value" = CAST(CASE WHEN {_TAT} + :t > :cap THEN :cap ELSE {_TAT} + :t END '
    'AS VARCHAR), expires_at = excluded.expires_at RETURNING "value"')
LOCK = (  # taken when free, or when its holder died and it expired
    'INSERT INTO kv_store ("key", "value", expires_at) VALUES (:k, :token, :exp) '
    'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", expires_at = excluded.expires_at '
    'WHERE kv_store.expires_at < :now RETURNING "value"')
UNLOCK = 'DELETE FROM kv_store WHERE "key" = :k AND "value" = :token'
STATE = "SELECT state, expires_at FROM conversations WHERE user_key = :u"
SAVE_STATE = (
    "INSERT INTO conversations (user_key, state, expires_at, updated_at) VALUES (:u, :st, :exp, :now) "
    "ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at, "
    "updated_at = excluded.updated_at")
PENDING = "SELECT 1 FROM pending_deliveries WHERE user_key = :u AND delivered_at IS NULL LIMIT 1"
FIRST_REPLY = 'UPDATE seen_messages SET reply = :text WHERE "key" = :k AND reply IS NULL'
LOG = ('INSERT INTO message_log (user_key, channel, direction, "text", intent, found, created_at, turn_id, sources, '
       "faq_id) VALUES (:user_key, :channel, :direction, :text, :intent, :found, :created_at, :turn_id, :sources, "
       ":faq_id)")
LOG_DEFAULTS = {"turn_id": None, "sources": None, "faq_id": None}  # columns a row may leave out


class TurnSQL:
    """Runs the statements above in one transaction: on a SQLite file, on this
    thread's own connection; otherwise on a DB-API connection from the engine's pool.

    DB-API errors come out as SQLAlchemy's (``OperationalError`` …), as from
    any other database call, so callers tell an outage from a bug in one way.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect
        self.sqlite = engine.dialect.name == "sqlite"
        if engine.dialect.name not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database: {engine.dialect.name}")
        self._sql: dict[str, str] = {}
        database = engine.url.database if self.sqlite else None
        self._sqlite_file = database if database and database != ":memory:" and "mode=memory" not in database else None
        self._local = threading.local()
        if not self.sqlite:
            from psycopg.types.json import Json

            self._json_param = Json

    def sql(self, statement: str) -> str:
        """``statement`` in the driver's parameter style (sqlite3 takes ``:name``, psycopg ``%(name)s``)."""
        if self.sqlite:
            return statement
        if statement not in self._sql:
            self._sql[statement] = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", statement)
        return self._sql[statement]

    # -------------------------------------------------------------- values
    def ts(self, value: datetime | None):
        """A timestamp as the column stores it (SQLAlchemy's SQLite DateTime format, or as is)."""
        if value is None or not self.sqlite:
            return value
        return value.isoformat(" ", "microseconds")

    def read_ts(self, value) -> datetime | None:
        if value is None or isinstance(value, datetime):
            return value
        return datetime.fromisoformat(value)

    def json(self, value):
        return json.dumps(value) if self.sqlite else self._json_param(value)

    def read_json(self, value):
        if value is None:
            return None
        return json.loads(value) if isinstance(value, (str, bytes)) else value

    # -------------------------------------------------------------- running
    @contextmanager
    def transaction(self, read_only: bool = False) -> Iterator[Cursor]:
        """One transaction; on SQLite a writing one takes the database's write lock up front
        (as bot/db.py does for sessions), so two workers never deadlock upgrading a read lock."""
        if self._sqlite_file:
            yield from self._sqlite_transaction(read_only)
            return
        raw = self._connect()
        cur = Cursor(self, raw.cursor())
        try:
            if self.sqlite:  # the engine runs pysqlite in autocommit mode
                cur.run("BEGIN" if read_only else "BEGIN IMMEDIATE")
            yield cur
            if self.sqlite:
                cur.run("COMMIT")
            else:
                cur.guard("COMMIT", None, raw.commit)
        except BaseException:
            try:
                raw.rollback()  # pysqlite too: it rolls back the transaction BEGIN opened
            except Exception:
                cur.invalid = True
            if cur.invalid:
                raw.invalidate()
            raise
        finally:
            cur.close()
            raw.close()

    def _connect(self):
        """A pooled connection; a refused connection is SQLAlchemy's OperationalError as elsewhere."""
        dbapi = self.dialect.loaded_dbapi
        try:
            return self.engine.raw_connection()
        except dbapi.Error as exc:
            raise DBAPIError.instance(None, None, exc, dbapi.Error, connection_invalidated=True,
                                      dialect=self.dialect) from exc

    # -------------------------------------------------------------- SQLite
    # A SQLite file gets one connection per thread of its own, and its write lock is
    # waited for here. SQLite's own busy handler sleeps 1 ms, then 2, 5, 10 … while
    # the other worker holds the lock for a fraction of a millisecond: under load
    # the workers slept through 15% of the machine (bench/webhook_bench.py). The
    # pool's checkout and reset cost another ~0.1 ms a message.
    BUSY_WAIT_S = 30.0  # as long as bot/db.py lets SQLAlchemy's sessions wait

    def _sqlite_transaction(self, read_only: bool) -> Iterator[Cursor]:
        conn = self._sqlite_connection()
        cur = Cursor(self, conn.cursor())
        try:
            if read_only:
                cur.run("BEGIN")
            else:
                cur.guard("BEGIN IMMEDIATE", None, self._take_write_lock, cur.cursor)
            yield cur
            cur.run("COMMIT")
        except BaseException:
            try:
                conn.rollback()
            except Exception:
                self._local.conn = None  # broken: the next transaction opens a new one
            raise
        finally:
            cur.close()

    def _take_write_lock(self, cursor) -> None:
        """BEGIN IMMEDIATE, retried at 50 µs … 2 ms instead of SQLite's coarse sleeps."""
        cursor.execute("PRAGMA busy_timeout=0")
        try:
            deadline, pause = time.monotonic() + self.BUSY_WAIT_S, 0.00005
            while True:
                try:
                    cursor.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_BUSY) != sqlite3.SQLITE_BUSY \
                            or time.monotonic() >= deadline:
                        raise
                time.sleep(pause)
                pause = min(pause * 2, 0.002)
        finally:
            cursor.execute(f"PRAGMA busy_timeout={int(self.BUSY_WAIT_S * 1000)}")

    def _sqlite_connection(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "conn", None) is None or local.pid != os.getpid():  # a forked worker opens its own
            try:
                conn = sqlite3.connect(self._sqlite_file, timeout=self.BUSY_WAIT_S, isolation_level=None)
                for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
                    conn.execute(f"PRAGMA {pragma}")  # as bot/db.py's connections
            except sqlite3.Error as exc:
                raise DBAPIError.instance(None, None, exc, sqlite3.Error, dialect=self.dialect) from exc
            local.conn, local.pid = conn, os.getpid()
        return local.conn

    def log_params(self, rows: list[dict]) -> list[dict]:
        return [{**LOG_DEFAULTS, **row, "created_at": self.ts(row["created_at"])} for row in rows]


class Cursor:
    """A DB-API cursor that takes ``:name`` SQL and raises SQLAlchemy's errors."""

    def __init__(self, owner: TurnSQL, cursor):
        self.owner = owner
        self.cursor = cursor
        self.invalid = False

    def guard(self, statement: str, params, fn, *args):
        dbapi = self.owner.dialect.loaded_dbapi
        try:
            return fn(*args)
        except dbapi.Error as exc:
            self.invalid = self.owner.dialect.is_disconnect(exc, None, self.cursor)
            raise DBAPIError.instance(statement, params, exc, dbapi.Error, connection_invalidated=self.invalid,
                                      dialect=self.owner.dialect) from exc

    def run(self, statement: str, params: dict | None = None):
        sql = self.owner.sql(statement)
        self.guard(statement, params, self.cursor.execute, sql, params or {})
        return self.cursor

    def first(self, statement: str, params: dict):
        return self.run(statement, params).fetchone()

    def many(self, statement: str, rows: list[dict]) -> None:
        self.guard(statement, None, self.cursor.executemany, self.owner.sql(statement), rows)

    def close(self) -> None:
        try:
            self.cursor.close()
        except Exception:
            pass

