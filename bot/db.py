"""Database handles, flaskr style: one engine per process, one session per request.

``init_app`` creates the engine from ``database.url`` (SQLite under
``instance/`` by default), brings the schema up to date with Alembic (under a
lock, since several workers start at once) and registers the teardown that
closes the request's session.
"""

from __future__ import annotations

import fcntl
import logging
import sqlite3
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(app: Flask) -> str:
    url = app.config["SETTINGS"].database.url
    if url:
        return url
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(app.instance_path) / 'talent.db'}"


def make_engine(url: str, echo: bool = False, busy_timeout_s: float = 30.0) -> Engine:
    """``busy_timeout_s``: how long a SQLite writer waits for another's write lock."""
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"timeout": busy_timeout_s, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # WAL lets readers run beside one writer; several workers share the file.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: no fsync per commit, still never corrupt (a power cut
            # may drop the last commits); the default FULL made every chat
            # message wait for several disk syncs.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # pysqlite's own transaction handling is off (below); take the write
            # lock up front so two workers never deadlock upgrading a read lock.
            # The price: never open a second session while one is open in the
            # same thread (it would wait for the first one's lock). Sessions
            # from ``read_sessions`` only read, so they begin without the lock.
            if conn.get_execution_options().get("talent_readonly"):
                conn.exec_driver_sql("BEGIN")
            else:
                _take_write_lock(conn, busy_timeout_s)

        @event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn, _record):
            dbapi_conn.isolation_level = None

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _take_write_lock(conn, wait_s: float) -> None:
    """BEGIN IMMEDIATE, retried every 50 µs … 2 ms for up to ``wait_s``, then SQLAlchemy's
    OperationalError ("database is locked") as from any other database call.

    SQLite's own busy handler sleeps 1, 2, 5, 10 … ms while the other worker holds the
    lock for a fraction of a millisecond: under the webhook bench's campaign load the
    workers slept through much of the machine (campaign 15.4% → 23.5% of bare Flask
    with this wait, bench/README.md).
    """
    cur = conn.connection.dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout=0")
    try:
        deadline, pause = time.monotonic() + wait_s, 0.00005
        while time.monotonic() < deadline:
            try:
                cur.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_BUSY) != sqlite3.SQLITE_BUSY:
                    break  # not the lock: let SQLAlchemy raise it below
            time.sleep(pause)
            pause = min(pause * 2, 0.002)
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the last try, raising as SQLAlchemy raises
    finally:
        cur.execute(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
        cur.close()


def upgrade(engine: Engine) -> None:
    """Run Alembic migrations to head, one process at a time; nothing when the database is at head
    already (every worker start and every app a test makes: reading the migration scripts and
    running Alembic's machinery costs ~30 ms, reading one row does not)."""
    from alembic import command
    from alembic.config import Config

    if _at_head(engine):
        return
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with _migration_lock(engine):
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()


@lru_cache(maxsize=1)
def _head_revision() -> str:
    """The newest migration's revision (the scripts do not change while the process runs)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def _at_head(engine: Engine) -> bool:
    """Whether the database's schema is the newest migration's (False when it has none yet)."""
    try:
        with engine.connect() as conn:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except (OperationalError, ProgrammingError):
        return False  # no version table yet: a new database
    return current == [_head_revision()]


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(727211)"))
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(727211)"))
        return
    path = Path(engine.url.database or "db") if engine.dialect.name == "sqlite" else Path("/tmp/talent")
    lock_path = path.with_name(path.name + ".migrate.lock")
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def dialect_insert(dialect: str, table):
    """``INSERT`` with ``on_conflict_do_nothing``/``on_conflict_do_update`` for SQLite or
    PostgreSQL (the two databases the project runs on)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def init_app(app: Flask) -> None:
    settings = app.config["SETTINGS"]
    engine = make_engine(database_url(app), echo=settings.database.echo)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    app.extensions["talent.db"] = sessions
    app.extensions["talent.db.read"] = sessionmaker(
        bind=engine.execution_options(talent_readonly=True), expire_on_commit=False)
    try:
        prepare_schema(engine, sessions, settings)
    except OperationalError as exc:
        # A worker restarting while the database is briefly down must still
        # boot (gunicorn stops everything when a worker fails to boot); the
        # requests answer "busy" until it is back, and the schema is brought
        # up to date on the first request after that.
        log.error("database unreachable at start, will retry: %s", str(exc).splitlines()[0][:200])
        app.extensions["talent.db.pending"] = True

    @app.before_request
    def _schema_when_back() -> None:
        if app.extensions.get("talent.db.pending"):
            prepare_schema(engine, sessions, settings)  # raises (→ 503 busy) while still down
            app.extensions["talent.db.pending"] = False
    app.teardown_appcontext(close_db)


def prepare_schema(engine: Engine, sessions: sessionmaker, settings) -> None:
    """Migrate to head, then seed the configured stations (never overwriting staff edits)."""
    from bot.people import seed_stations

    upgrade(engine)
    # Under the migration lock too: workers booting together would otherwise race to
    # insert the same station, and a worker that fails to boot stops gunicorn.
    with _migration_lock(engine), sessions() as s:
        seed_stations(s, settings.stations)
        s.commit()


def get_db() -> Session:
    """The request's (or app context's) session, opened on first use."""
    if "db" not in g:
        g.db = current_app.extensions["talent.db"]()
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


@contextmanager
def session_scope(app: Flask | None = None) -> Iterator[Session]:
    """A session outside a request (background delivery threads, CLI commands)."""
    factory = (app or current_app).extensions["talent.db"]
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
