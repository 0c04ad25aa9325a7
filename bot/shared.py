"""State every worker must agree on: seen messages, conversation state,
rate-limit counters and small expiring values (the WeChat access token).

Two backends with one interface: the database (always there, the default
and the fallback) and Redis (``redis.url``), which takes the per-message
writes off a database that many machines share (on one box SQLite is now the
cheaper of the two: bench/README.md).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot import turn_sql
from bot.models import KeyValue, SeenMessage, utcnow
from bot.turn_sql import TurnSQL

log = logging.getLogger(__name__)


# A claim with no reply after this long belongs to a worker that died mid-message
# (a live one always stores at least the in-time reply by the WeChat deadline):
# the next retry takes it over, so a killed worker loses no message.
STALE_CLAIM_S = 6.0


@dataclass
class TurnStart:
    """What one round trip to the store tells the engine at the start of a message."""

    first: bool = True        # False: a retry of a message already claimed (its reply is or will be stored)
    limited: bool = False     # over the user's rate limit: answered at once, not handled
    token: str | None = None  # the user lock; None when it was not taken (rate-limited, or held by another)
    state: dict = field(default_factory=dict)
    pending: bool = True      # deliveries may be waiting for this user (True when unknown)


@dataclass(frozen=True)
class Rate:
    """A token bucket: ``burst`` messages at once, then one every 60/``per_minute`` seconds.

    A person tapping chips every 1.5 s never meets it; a script sending ten a second does
    after ``burst`` messages. Every message counts when it arrives, even while it waits
    for the user's previous one, so a burst is limited at once.
    """

    per_minute: float
    burst: int

    @property
    def interval(self) -> float:
        return 60.0 / self.per_minute

    def admits(self, next_arrival: float, now: float) -> bool:
        return next_arrival - now <= self.burst * self.interval + 1e-6


class SharedStore(Protocol):
    def start_turn(self, user_key: str, claim_key: str | None, rate: Rate | None,
                   lock_ttl_s: float) -> TurnStart:
        """Claim the message, count it against the rate limit, take the user lock and read the state:
        all that the common case needs before a handler runs, in one transaction or round trip."""

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        """Save the state (None: unchanged) and the log rows (dicts of bot.turn_sql.LOG's parameters),
        release the user lock and remember the reply, together."""

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
        self.sql = TurnSQL(sessions.kw["bind"])

    def _session(self) -> Session:
        return self.sessions()

    def _reader(self) -> Session:
        return self.read_sessions()

    # One write transaction at the start of a message and one at the end: on SQLite every
    # write transaction takes the database-wide lock, so their number sets the throughput.
    # They run on the DB-API connection (bot/turn_sql.py), not through SQLAlchemy.
    def start_turn(self, user_key: str, claim_key: str | None, rate: Rate | None,
                   lock_ttl_s: float) -> TurnStart:
        self._sweep()
        sql, now = self.sql, utcnow()
        with sql.transaction() as cur:
            if claim_key is not None and cur.first(turn_sql.CLAIM, {
                    "k": claim_key, "now": sql.ts(now), "stale": sql.ts(now - timedelta(seconds=STALE_CLAIM_S))},
            ) is None:
                return TurnStart(first=False)  # a retry: the first attempt runs (or ran) it
            start = TurnStart()
            if rate is not None and not self._take_token(cur, f"rate:{user_key}", rate):
                start.limited = True
                return start
            start.token = self._try_lock(cur, f"user:{user_key}", lock_ttl_s)
            if start.token is not None:
                start.state = self._state(cur, user_key)
                start.pending = cur.first(turn_sql.PENDING, {"u": user_key}) is not None
            return start

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        sql, now = self.sql, utcnow()
        with sql.transaction() as cur:
            if state is not None:
                cur.run(turn_sql.SAVE_STATE, {"u": user_key, "st": sql.json(state), "now": sql.ts(now),
                                              "exp": sql.ts(now + timedelta(seconds=state_ttl_s))})
            if rows:
                cur.many(turn_sql.LOG, sql.log_params(rows))
            if token is not None:
                cur.run(turn_sql.UNLOCK, {"k": f"lock:user:{user_key}", "token": token})
            if claim_key is not None and reply is not None:
                # Only a claim still without reply: the webhook may have answered "coming" already.
                cur.run(turn_sql.FIRST_REPLY, {"k": claim_key, "text": reply})

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
        with self.sql.transaction() as cur:
            cur.run(turn_sql.FIRST_REPLY, {"k": key, "text": reply})

    def incr(self, key: str, window_s: int) -> int:
        with self.sql.transaction() as cur:
            return self._count_up(cur, key, window_s)

    def peek(self, key: str, window_s: int) -> int:
        return int(self.get_value(_bucket_key(key, window_s)) or 0)

    def _count_up(self, cur, key: str, window_s: int) -> int:
        """Add one to ``key``'s counter of the current window, atomically; the new count."""
        exp = utcnow() + timedelta(seconds=window_s * 2)
        return int(cur.first(turn_sql.COUNT_UP, {"k": _bucket_key(key, window_s), "exp": self.sql.ts(exp)})[0])

    def _take_token(self, cur, key: str, rate: Rate) -> bool:
        """One message's token from ``key``'s bucket (turn_sql.TAKE_TOKEN); False when it is empty."""
        now, t = time.time(), rate.interval
        cap = now + (rate.burst + 0.5) * t  # past the admit line (burst × t): a refused message, never deeper
        got = cur.first(turn_sql.TAKE_TOKEN, {"k": key, "first": repr(now + t), "now": now, "t": t, "cap": cap,
                                              "exp": self.sql.ts(utcnow() + timedelta(seconds=(rate.burst + 1) * t))})
        return rate.admits(float(got[0]), now)

    def _try_lock(self, cur, name: str, ttl_s: float) -> str | None:
        """The lock's new token; None while another holder's lock has not expired."""
        token, now = uuid.uuid4().hex, utcnow()
        got = cur.first(turn_sql.LOCK, {"k": f"lock:{name}", "token": token, "now": self.sql.ts(now),
                                        "exp": self.sql.ts(now + timedelta(seconds=ttl_s))})
        return token if got is not None else None

    def _state(self, cur, user_key: str) -> dict:
        row = cur.first(turn_sql.STATE, {"u": user_key})
        if row is None or self.sql.read_ts(row[1]) < utcnow():
            return {}
        return dict(self.sql.read_json(row[0]) or {})

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        deadline = time.monotonic() + wait_s
        while True:
            with self.sql.transaction() as cur:
                token = self._try_lock(cur, name, ttl_s)
            if token is not None:
                return token
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def release(self, name: str, token: str) -> None:
        with self.sql.transaction() as cur:
            cur.run(turn_sql.UNLOCK, {"k": f"lock:{name}", "token": token})

    def get_state(self, user_key: str) -> dict:
        with self.sql.transaction(read_only=True) as cur:
            return self._state(cur, user_key)

    def get_value(self, key: str) -> str | None:
        with self._reader() as s:
            row = s.get(KeyValue, key)
            if row is None or (row.expires_at is not None and row.expires_at < utcnow()):
                return None
            return row.value

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None:
        expires = utcnow() + timedelta(seconds=ttl_s) if ttl_s else None
        for attempt in range(3):  # bounded: a parallel insert of the same key makes the next try an update
            with self._session() as s:
                row = s.get(KeyValue, key)
                if row is None:
                    s.add(KeyValue(key=key, value=value, expires_at=expires))
                else:
                    row.value, row.expires_at = value, expires
                try:
                    s.commit()
                    return
                except IntegrityError:
                    s.rollback()
                    if attempt == 2:
                        raise

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
        self.sql = TurnSQL(sessions.kw["bind"])
        self.p = prefix
        self._start = client.register_script(self._START)
        self._finish = client.register_script(self._FINISH)
        self._first_reply = client.register_script(self._FIRST_REPLY)

    _PENDING = "\x00pending:"

    def _seen_key(self, claim_key: str | None) -> str:
        # The scripts take a key list of fixed shape; without a claim the seen key is unused.
        # (The keys of one call may fall in different slots: a single Redis, not a Cluster.)
        return f"{self.p}seen:{claim_key}" if claim_key is not None else f"{self.p}seen:-"

    # KEYS: seen, rate, lock, state. ARGV: claim?, pending marker, seen ttl, rate?, now, interval, burst,
    # token, lock ttl ms. Returns {claimed} or {1, limited, locked, state}. The rate is the
    # token bucket of turn_sql.TAKE_TOKEN (GCRA), in the same one value.
    _START = """
    if ARGV[1] == '1' and not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'EX', ARGV[3]) then return {0} end
    if ARGV[4] == '1' then
      local now, t, burst = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
      local tat = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now) + t
      tat = math.min(tat, now + (burst + 0.5) * t)
      redis.call('SET', KEYS[2], string.format('%.6f', tat), 'PX', math.ceil((burst + 1) * t * 1000))
      if tat - now > burst * t + 0.000001 then return {1, 1, 0} end
    end
    if not redis.call('SET', KEYS[3], ARGV[8], 'NX', 'PX', ARGV[9]) then return {1, 0, 0} end
    return {1, 0, 1, redis.call('GET', KEYS[4]) or ''}
    """

    # KEYS: state, lock, seen. ARGV: state ('' to keep it), state ttl, token, remember?, reply, seen ttl, pending marker.
    _FINISH = """
    if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
    if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
    if ARGV[4] == '1' then
      local cur = redis.call('GET', KEYS[3])
      if cur and string.sub(cur, 1, string.len(ARGV[7])) == ARGV[7] then
        redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
      end
    end
    return 1
    """

    def start_turn(self, user_key: str, claim_key: str | None, rate: Rate | None,
                   lock_ttl_s: float) -> TurnStart:
        def run(claim: bool) -> list:
            return self._start(
                keys=[self._seen_key(claim_key), f"{self.p}rate:{user_key}",
                      f"{self.p}lock:user:{user_key}", f"{self.p}state:{user_key}"],
                args=["1" if claim else "0", f"{self._PENDING}{time.time()}", self.seen_ttl_s,
                      "1" if rate else "0", repr(time.time()), rate.interval if rate else 1, rate.burst if rate else 1,
                      token, int(lock_ttl_s * 1000)])

        token = uuid.uuid4().hex
        got = run(claim_key is not None)
        if got[0] == 0:
            if not self._take_over(claim_key):  # a retry, unless the first attempt's worker died
                return TurnStart(first=False)
            got = run(False)
        start = TurnStart(limited=got[1] == 1)
        if got[2] == 1:
            start.token = token
            start.state = json.loads(got[3]) if got[3] else {}
            # Waiting deliveries live in the database: one indexed look (the engine's
            # own check goes through an ORM session and cost ~0.2 ms a message).
            with self.sql.transaction(read_only=True) as cur:
                start.pending = cur.first(turn_sql.PENDING, {"u": user_key}) is not None
        return start

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        if rows:
            with self.sql.transaction() as cur:
                cur.many(turn_sql.LOG, self.sql.log_params(rows))
        remember = claim_key is not None and reply is not None
        self._finish(keys=[f"{self.p}state:{user_key}", f"{self.p}lock:user:{user_key}",
                           self._seen_key(claim_key)],
                     args=["" if state is None else json.dumps(state, ensure_ascii=False), state_ttl_s, token or "",
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


def _bucket_key(key: str, window_s: int) -> str:
    return f"count:{key}:{int(time.time() // window_s)}"


def make_store(sessions: sessionmaker, redis_url: str | None, seen_ttl_s: int, prefix: str = "talent:",
               read_sessions: sessionmaker | None = None) -> Any:
    if not redis_url:
        return DatabaseStore(sessions, seen_ttl_s, read_sessions)
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
    return RedisStore(client, seen_ttl_s, sessions, prefix)
