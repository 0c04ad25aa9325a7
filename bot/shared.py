"""State every worker must agree on: seen messages, conversation state,
rate-limit counters and small expiring values (the WeChat access token).

Two backends with one interface: the database (always there, the default
and the fallback) and Redis (``redis.url``), which is faster and takes load
off the database when many workers share it.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import Integer, String, bindparam, cast, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db import dialect_insert
from bot.models import Conversation, KeyValue, PendingDelivery, SeenMessage, utcnow

log = logging.getLogger(__name__)


# A claim with no reply after this long belongs to a worker that died mid-message
# (a live one always stores at least the in-time reply by the WeChat deadline):
# the next retry takes it over, so a killed worker loses no message.
STALE_CLAIM_S = 6.0


@dataclass
class TurnStart:
    """What one round trip to the store tells the engine at the start of a message."""

    first: bool = True        # False: a retry of a message already claimed (its reply is or will be stored)
    recent: int = 0           # messages from the user in the rate window, this one included (0: not counted)
    token: str | None = None  # the user lock; None when it was not taken (rate-limited, or held by another)
    state: dict = field(default_factory=dict)
    pending: bool = True      # deliveries may be waiting for this user (True when unknown)


class SharedStore(Protocol):
    def start_turn(self, user_key: str, claim_key: str | None, rate_window_s: int | None, rate_limit: int,
                   lock_ttl_s: float) -> TurnStart:
        """Claim the message, count it against the rate limit, take the user lock and read the state:
        all that the common case needs before a handler runs, in one transaction or round trip."""

    def finish_turn(self, user_key: str, token: str | None, state: dict, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        """Save the state and the log rows, release the user lock and remember the reply, together."""

    def reply_for(self, key: str) -> str | None: ...

    def remember_reply(self, key: str, reply: str) -> None:
        """Keep the reply of a claimed message for its retries; the first reply kept wins."""

    def incr(self, key: str, window_s: int) -> int:
        """Count an event under ``key`` in the current window; return the window's count."""

    def peek(self, key: str, window_s: int) -> int: ...

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        """A lock shared by all workers: a token, or None if not had within ``wait_s``."""

    def release(self, name: str, token: str) -> None: ...

    def get_state(self, user_key: str) -> dict: ...

    def get_value(self, key: str) -> str | None: ...

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None: ...

    def delete_value(self, key: str) -> None: ...


class DatabaseStore:
    def __init__(self, sessions: sessionmaker, seen_ttl_s: int, read_sessions: sessionmaker | None = None):
        self.sessions = sessions
        self.read_sessions = read_sessions or sessions
        self.seen_ttl_s = seen_ttl_s
        self._last_sweep = 0.0

    def _session(self) -> Session:
        return self.sessions()

    def _reader(self) -> Session:
        return self.read_sessions()

    # One write transaction at the start of a message and one at the end: on SQLite every
    # write transaction takes the database-wide lock, so their number sets the throughput.
    # They run prebuilt Core statements (see _Hot below), not the ORM.
    def start_turn(self, user_key: str, claim_key: str | None, rate_window_s: int | None, rate_limit: int,
                   lock_ttl_s: float) -> TurnStart:
        self._sweep()
        with self._session() as s:
            conn, now = s.connection(), utcnow()
            if claim_key is not None and not (_insert_new(s, SeenMessage, key=claim_key, created_at=now)
                                              or self._take_over(s, claim_key)):
                s.commit()
                return TurnStart(first=False)
            start = TurnStart()
            if rate_window_s:
                # A counter per user and window, counted up here: messages still waiting
                # for the user's lock count too, so a burst is limited at once.
                start.recent = self._count_up(s, f"rate:{user_key}", rate_window_s)
                if start.recent > rate_limit:
                    s.commit()
                    return start
            start.token = self._try_lock(s, f"user:{user_key}", lock_ttl_s)
            if start.token is not None:
                start.state = self._state(s, user_key)
                start.pending = conn.execute(_Hot.pending, {"u": user_key}).first() is not None
            s.commit()
            return start

    def finish_turn(self, user_key: str, token: str | None, state: dict, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        with self._session() as s:
            conn = s.connection()
            self._save_state(s, user_key, state, state_ttl_s)
            _insert_rows(s, rows)
            if token is not None:
                conn.execute(_Hot.unlock, {"k": f"lock:user:{user_key}", "token": token})
            if claim_key is not None and reply is not None:
                # Only a claim still without reply: the webhook may have answered "coming" already.
                conn.execute(_Hot.first_reply, {"k": claim_key, "text": reply})
            s.commit()

    @staticmethod
    def _count_up(s: Session, key: str, window_s: int) -> int:
        """Add one to ``key``'s counter of the current window, atomically; the new count."""
        conn = s.connection()
        return int(conn.execute(_Hot.count_up(conn.dialect.name), {
            "key": _bucket_key(key, window_s), "value": "1",
            "expires_at": utcnow() + timedelta(seconds=window_s * 2)}).scalar_one())

    @staticmethod
    def _take_over(s: Session, key: str) -> bool:
        """Take a claim over whose worker died before replying (see STALE_CLAIM_S)."""
        now = utcnow()
        return s.connection().execute(_Hot.take_over, {
            "k": key, "stale": now - timedelta(seconds=STALE_CLAIM_S), "now_": now}).rowcount == 1

    @staticmethod
    def _try_lock(s: Session, name: str, ttl_s: float) -> str | None:
        token, key, now = uuid.uuid4().hex, f"lock:{name}", utcnow()
        expires = now + timedelta(seconds=ttl_s)
        if _insert_new(s, KeyValue, key=key, value=token, expires_at=expires):
            return token
        stolen = s.connection().execute(_Hot.steal_lock, {"k": key, "now_": now, "token": token, "exp": expires})
        return token if stolen.rowcount == 1 else None  # the holder died and its lock expired

    @staticmethod
    def _state(s: Session, user_key: str) -> dict:
        row = s.connection().execute(_Hot.state, {"u": user_key}).first()
        if row is None or row.expires_at < utcnow():
            return {}
        return dict(row.state or {})

    @staticmethod
    def _save_state(s: Session, user_key: str, state: dict, ttl_s: int) -> None:
        now = utcnow()
        values = {"u": user_key, "st": state, "exp": now + timedelta(seconds=ttl_s), "now_": now}
        conn = s.connection()
        if conn.execute(_Hot.save_state, values).rowcount == 1:
            return
        if not _insert_new(s, Conversation, user_key=user_key, state=state, expires_at=values["exp"], updated_at=now):
            conn.execute(_Hot.save_state, values)  # another worker created it a moment ago: last write wins

    def _sweep(self) -> None:
        """Every ten minutes, forget old messages and expired counters and locks."""
        if time.monotonic() - self._last_sweep < 600:
            return
        self._last_sweep = time.monotonic()
        with self._session() as s:
            s.execute(delete(SeenMessage).where(
                SeenMessage.created_at < utcnow() - timedelta(seconds=self.seen_ttl_s)))
            s.execute(delete(KeyValue).where(KeyValue.expires_at < utcnow() - timedelta(minutes=10)))
            s.commit()

    def reply_for(self, key: str) -> str | None:
        with self._reader() as s:
            return s.scalar(select(SeenMessage.reply).where(SeenMessage.key == key))

    def remember_reply(self, key: str, reply: str) -> None:
        with self._session() as s:
            s.connection().execute(_Hot.first_reply, {"k": key, "text": reply})
            s.commit()

    def incr(self, key: str, window_s: int) -> int:
        with self._session() as s:
            count = self._count_up(s, key, window_s)
            s.commit()
            return count

    def peek(self, key: str, window_s: int) -> int:
        return int(self.get_value(_bucket_key(key, window_s)) or 0)

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        deadline = time.monotonic() + wait_s
        while True:
            with self._session() as s:
                token = self._try_lock(s, name, ttl_s)
                s.commit()
            if token is not None:
                return token
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def release(self, name: str, token: str) -> None:
        with self._session() as s:
            s.execute(delete(KeyValue).where(KeyValue.key == f"lock:{name}", KeyValue.value == token))
            s.commit()

    def get_state(self, user_key: str) -> dict:
        with self._reader() as s:
            return self._state(s, user_key)

    def get_value(self, key: str) -> str | None:
        with self._reader() as s:
            row = s.get(KeyValue, key)
            if row is None or (row.expires_at is not None and row.expires_at < utcnow()):
                return None
            return row.value

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None:
        with self._session() as s:
            expires = utcnow() + timedelta(seconds=ttl_s) if ttl_s else None
            row = s.get(KeyValue, key)
            if row is None:
                s.add(KeyValue(key=key, value=value, expires_at=expires))
            else:
                row.value, row.expires_at = value, expires
            try:
                s.commit()
            except IntegrityError:
                s.rollback()
                self.set_value(key, value, ttl_s)

    def delete_value(self, key: str) -> None:
        with self._session() as s:
            s.execute(delete(KeyValue).where(KeyValue.key == key))
            s.commit()


class RedisStore:
    """The same contract on Redis; keys are namespaced with ``prefix``.

    The message log stays in the database (``sessions``): it is the durable record.
    """

    def __init__(self, client, seen_ttl_s: int, sessions: sessionmaker, prefix: str = "talent:"):
        self.r = client
        self.seen_ttl_s = seen_ttl_s
        self.sessions = sessions
        self.p = prefix
        self._start = client.register_script(self._START)
        self._finish = client.register_script(self._FINISH)
        self._first_reply = client.register_script(self._FIRST_REPLY)

    _PENDING = "\x00pending:"

    def _seen_key(self, claim_key: str | None) -> str:
        # The scripts take a key list of fixed shape; without a claim the seen key is unused.
        # (The keys of one call may fall in different slots: a single Redis, not a Cluster.)
        return f"{self.p}seen:{claim_key}" if claim_key is not None else f"{self.p}seen:-"

    # KEYS: seen, rate, lock, state. ARGV: claim?, pending marker, seen ttl, count?, rate ttl, limit,
    # token, lock ttl ms. Returns {claimed} or {1, count, locked, state}.
    _START = """
    if ARGV[1] == '1' and not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'EX', ARGV[3]) then return {0} end
    local n = 0
    if ARGV[4] == '1' then
      n = redis.call('INCR', KEYS[2])
      redis.call('EXPIRE', KEYS[2], ARGV[5])
      if n > tonumber(ARGV[6]) then return {1, n, 0} end
    end
    if not redis.call('SET', KEYS[3], ARGV[7], 'NX', 'PX', ARGV[8]) then return {1, n, 0} end
    return {1, n, 1, redis.call('GET', KEYS[4]) or ''}
    """

    # KEYS: state, lock, seen. ARGV: state, state ttl, token, remember?, reply, seen ttl, pending marker.
    _FINISH = """
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
    if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
    if ARGV[4] == '1' then
      local cur = redis.call('GET', KEYS[3])
      if cur and string.sub(cur, 1, string.len(ARGV[7])) == ARGV[7] then
        redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
      end
    end
    return 1
    """

    def start_turn(self, user_key: str, claim_key: str | None, rate_window_s: int | None, rate_limit: int,
                   lock_ttl_s: float) -> TurnStart:
        def run(claim: bool) -> list:
            return self._start(
                keys=[self._seen_key(claim_key), f"{self.p}{_bucket_key(f'rate:{user_key}', rate_window_s or 60)}",
                      f"{self.p}lock:user:{user_key}", f"{self.p}state:{user_key}"],
                args=["1" if claim else "0", f"{self._PENDING}{time.time()}", self.seen_ttl_s,
                      "1" if rate_window_s else "0", (rate_window_s or 1) * 2, rate_limit,
                      token, int(lock_ttl_s * 1000)])

        token = uuid.uuid4().hex
        got = run(claim_key is not None)
        if got[0] == 0:
            if not self._take_over(claim_key):  # a retry, unless the first attempt's worker died
                return TurnStart(first=False)
            got = run(False)
        # Waiting deliveries live in the database: the engine looks there (pending=True).
        start = TurnStart(recent=int(got[1]), pending=True)
        if got[2] == 1:
            start.token = token
            start.state = json.loads(got[3]) if got[3] else {}
        return start

    def finish_turn(self, user_key: str, token: str | None, state: dict, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        if rows:
            with self.sessions() as s:
                _insert_rows(s, rows)
                s.commit()
        remember = claim_key is not None and reply is not None
        self._finish(keys=[f"{self.p}state:{user_key}", f"{self.p}lock:user:{user_key}",
                           self._seen_key(claim_key)],
                     args=[json.dumps(state, ensure_ascii=False), state_ttl_s, token or "",
                           "1" if remember else "0", reply or "", self.seen_ttl_s, self._PENDING])

    def _take_over(self, key: str) -> bool:
        """Claim ``key`` if it is new, or if its claim went stale (its worker died: STALE_CLAIM_S)."""
        k = f"{self.p}seen:{key}"
        if self.r.set(k, f"{self._PENDING}{time.time()}", nx=True, ex=self.seen_ttl_s):
            return True
        current = self.r.get(k)
        if current and current.decode().startswith(self._PENDING):
            claimed_at = float(current.decode()[len(self._PENDING):])
            if time.time() - claimed_at > STALE_CLAIM_S:
                # Take over only if nobody else did in between (compare-and-set).
                with self.r.pipeline() as pipe:
                    try:
                        pipe.watch(k)
                        if pipe.get(k) != current:
                            return False
                        pipe.multi()
                        pipe.set(k, f"{self._PENDING}{time.time()}", ex=self.seen_ttl_s)
                        pipe.execute()
                        return True
                    except Exception:  # WatchError: someone else took it over
                        return False
        return False

    def reply_for(self, key: str) -> str | None:
        value = self.r.get(f"{self.p}seen:{key}")
        if value is None:
            return None
        text = value.decode()
        return None if text.startswith(self._PENDING) else text

    _FIRST_REPLY = """
    local cur = redis.call('GET', KEYS[1])
    if cur and string.sub(cur, 1, string.len(ARGV[3])) == ARGV[3] then
      redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
    end
    return 1
    """

    def remember_reply(self, key: str, reply: str) -> None:
        self._first_reply(keys=[f"{self.p}seen:{key}"], args=[reply, self.seen_ttl_s, self._PENDING])

    def incr(self, key: str, window_s: int) -> int:
        k = f"{self.p}{_bucket_key(key, window_s)}"
        pipe = self.r.pipeline()
        pipe.incr(k)
        pipe.expire(k, window_s * 2)
        return int(pipe.execute()[0])

    def peek(self, key: str, window_s: int) -> int:
        return int(self.r.get(f"{self.p}{_bucket_key(key, window_s)}") or 0)

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        token = uuid.uuid4().hex
        deadline = time.monotonic() + wait_s
        while not self.r.set(f"{self.p}lock:{name}", token, nx=True, px=int(ttl_s * 1000)):
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)
        return token

    _RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

    def release(self, name: str, token: str) -> None:
        self.r.eval(self._RELEASE, 1, f"{self.p}lock:{name}", token)

    def get_state(self, user_key: str) -> dict:
        value = self.r.get(f"{self.p}state:{user_key}")
        return json.loads(value) if value else {}

    def get_value(self, key: str) -> str | None:
        value = self.r.get(f"{self.p}kv:{key}")
        return value.decode() if value else None

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None:
        self.r.set(f"{self.p}kv:{key}", value, ex=ttl_s or None)

    def delete_value(self, key: str) -> None:
        self.r.delete(f"{self.p}kv:{key}")


class _Hot:
    """The statements of every message, built once with bind parameters.

    Building a SQLAlchemy statement costs more than SQLite running it (about
    80 µs against 20 here), and each message runs about ten of them.
    """

    _seen, _kv, _conv = SeenMessage.__table__, KeyValue.__table__, Conversation.__table__
    _pending = PendingDelivery.__table__

    pending = select(_pending.c.id).where(
        _pending.c.user_key == bindparam("u"), _pending.c.delivered_at.is_(None)).limit(1)
    take_over = update(_seen).where(
        _seen.c.key == bindparam("k"), _seen.c.reply.is_(None), _seen.c.created_at < bindparam("stale"),
    ).values(created_at=bindparam("now_"))
    first_reply = update(_seen).where(_seen.c.key == bindparam("k"), _seen.c.reply.is_(None)).values(
        reply=bindparam("text"))
    steal_lock = update(_kv).where(_kv.c.key == bindparam("k"), _kv.c.expires_at < bindparam("now_")).values(
        value=bindparam("token"), expires_at=bindparam("exp"))
    unlock = delete(_kv).where(_kv.c.key == bindparam("k"), _kv.c.value == bindparam("token"))
    state = select(_conv.c.state, _conv.c.expires_at).where(_conv.c.user_key == bindparam("u"))
    save_state = update(_conv).where(_conv.c.user_key == bindparam("u")).values(
        state=bindparam("st"), expires_at=bindparam("exp"), updated_at=bindparam("now_"))

    _inserts: dict = {}

    @classmethod
    def insert(cls, table):
        if table not in cls._inserts:
            cls._inserts[table] = insert(table)
        return cls._inserts[table]

    _by_dialect: dict = {}

    @classmethod
    def insert_new(cls, dialect: str, table):
        """INSERT … ON CONFLICT DO NOTHING RETURNING its key, for SQLite or PostgreSQL."""
        if (dialect, table) not in cls._by_dialect:
            key = table.primary_key.columns.values()[0]
            cls._by_dialect[dialect, table] = dialect_insert(dialect, table).on_conflict_do_nothing().returning(key)
        return cls._by_dialect[dialect, table]

    @classmethod
    def count_up(cls, dialect: str):
        """A counter in the key-value table: insert it at 1 or add 1; RETURNING the new value."""
        if (dialect, "count_up") not in cls._by_dialect:
            kv = cls._kv
            cls._by_dialect[dialect, "count_up"] = dialect_insert(dialect, kv).on_conflict_do_update(
                index_elements=[kv.c.key], set_={"value": cast(cast(kv.c.value, Integer) + 1, String)},
            ).returning(kv.c.value)
        return cls._by_dialect[dialect, "count_up"]


def _insert_new(s: Session, model, **values) -> bool:
    """INSERT unless the primary key exists: no exception, no savepoint, the transaction
    stays usable. True when the row was inserted (RETURNING: psycopg's rowcount is -1 here)."""
    conn = s.connection()
    return conn.execute(_Hot.insert_new(conn.dialect.name, model.__table__), values).first() is not None


def _insert_rows(s: Session, rows: list) -> None:
    """Insert ORM objects as plain rows, one executemany per table (no ORM flush);
    unset columns get their defaults."""
    groups: dict = {}
    for row in rows:
        table = type(row).__table__
        values = {c.key: v for c in table.columns if (v := getattr(row, c.key)) is not None}
        groups.setdefault((table, tuple(values)), []).append(values)
    conn = s.connection()
    for (table, _), values in groups.items():
        conn.execute(_Hot.insert(table), values)


def _bucket_key(key: str, window_s: int) -> str:
    return f"count:{key}:{int(time.time() // window_s)}"


def make_store(sessions: sessionmaker, redis_url: str | None, seen_ttl_s: int, prefix: str = "talent:",
               read_sessions: sessionmaker | None = None) -> Any:
    if not redis_url:
        return DatabaseStore(sessions, seen_ttl_s, read_sessions)
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
    return RedisStore(client, seen_ttl_s, sessions, prefix)
