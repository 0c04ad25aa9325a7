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
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.models import Conversation, KeyValue, MessageLog, SeenMessage, utcnow

log = logging.getLogger(__name__)


# A claim with no reply after this long belongs to a worker that died mid-message
# (a live one always stores at least the in-time reply by the WeChat deadline):
# the next retry takes it over, so a killed worker loses no message.
STALE_CLAIM_S = 6.0


class SharedStore(Protocol):
    def claim(self, key: str) -> bool:
        """True for the first caller with ``key`` (or one taking over a dead claim); False for retries."""

    def reply_for(self, key: str) -> str | None: ...

    def remember_reply(self, key: str, reply: str) -> None: ...

    def count_recent(self, user_key: str, window_s: int) -> int:
        """Count a message from ``user_key`` and return how many it sent within the window."""

    def incr(self, key: str, window_s: int) -> int:
        """Count an event under ``key`` in the current window; return the window's count."""

    def peek(self, key: str, window_s: int) -> int: ...

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        """A lock shared by all workers: a token, or None if not had within ``wait_s``."""

    def release(self, name: str, token: str) -> None: ...

    def get_state(self, user_key: str) -> dict: ...

    def set_state(self, user_key: str, state: dict, ttl_s: int) -> None: ...

    def get_value(self, key: str) -> str | None: ...

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None: ...

    def delete_value(self, key: str) -> None: ...


class DatabaseStore:
    takes_rows = True  # set_state(..., rows) commits ORM rows with the state
    def __init__(self, sessions: sessionmaker, seen_ttl_s: int, read_sessions: sessionmaker | None = None):
        self.sessions = sessions
        self.read_sessions = read_sessions or sessions
        self.seen_ttl_s = seen_ttl_s
        self._last_sweep = 0.0

    def _session(self) -> Session:
        return self.sessions()

    def _reader(self) -> Session:
        return self.read_sessions()

    def claim(self, key: str) -> bool:
        with self._session() as s:
            self._sweep(s)
            s.add(SeenMessage(key=key, created_at=utcnow()))
            try:
                s.commit()
                return True
            except IntegrityError:
                s.rollback()
            took_over = s.execute(update(SeenMessage).where(
                SeenMessage.key == key, SeenMessage.reply.is_(None),
                SeenMessage.created_at < utcnow() - timedelta(seconds=STALE_CLAIM_S),
            ).values(created_at=utcnow()))
            s.commit()
            return took_over.rowcount == 1

    def _sweep(self, s: Session) -> None:
        if time.monotonic() - self._last_sweep < 600:
            return
        self._last_sweep = time.monotonic()
        s.execute(delete(SeenMessage).where(SeenMessage.created_at < utcnow() - timedelta(seconds=self.seen_ttl_s)))
        s.commit()

    def reply_for(self, key: str) -> str | None:
        with self._reader() as s:
            return s.scalar(select(SeenMessage.reply).where(SeenMessage.key == key))

    def remember_reply(self, key: str, reply: str) -> None:
        with self._session() as s:
            row = s.get(SeenMessage, key)
            if row is not None:
                row.reply = reply
                s.commit()

    def count_recent(self, user_key: str, window_s: int) -> int:
        # The message log already has every incoming message: count it there.
        since = utcnow() - timedelta(seconds=window_s)
        with self._reader() as s:
            return s.scalar(select(func.count()).select_from(MessageLog).where(
                MessageLog.user_key == user_key, MessageLog.direction == "in", MessageLog.created_at >= since)) + 1

    def incr(self, key: str, window_s: int) -> int:
        k = _bucket_key(key, window_s)
        count = int(self.get_value(k) or 0) + 1
        self.set_value(k, str(count), window_s * 2)
        return count

    def peek(self, key: str, window_s: int) -> int:
        return int(self.get_value(_bucket_key(key, window_s)) or 0)

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        token = uuid.uuid4().hex
        key = f"lock:{name}"
        deadline = time.monotonic() + wait_s
        while True:
            with self._session() as s:
                now = utcnow()
                s.add(KeyValue(key=key, value=token, expires_at=now + timedelta(seconds=ttl_s)))
                try:
                    s.commit()
                    return token
                except IntegrityError:
                    s.rollback()
                stolen = s.execute(update(KeyValue).where(KeyValue.key == key, KeyValue.expires_at < now)
                                   .values(value=token, expires_at=now + timedelta(seconds=ttl_s)))
                s.commit()
                if stolen.rowcount == 1:  # the holder died and its lock expired
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
            row = s.get(Conversation, user_key)
            if row is None or row.expires_at < utcnow():
                return {}
            return dict(row.state or {})

    def set_state(self, user_key: str, state: dict, ttl_s: int, rows: list | None = None) -> None:
        """Save the state; ``rows`` (e.g. message-log entries) go in the same transaction."""
        with self._session() as s:
            row = s.get(Conversation, user_key)
            expires = utcnow() + timedelta(seconds=ttl_s)
            if row is None:
                s.add(Conversation(user_key=user_key, state=state, expires_at=expires, updated_at=utcnow()))
            else:
                row.state, row.expires_at, row.updated_at = state, expires, utcnow()
            s.add_all(rows or [])
            try:
                s.commit()
            except IntegrityError:  # another worker created it a moment ago: last write wins
                s.rollback()
                self.set_state(user_key, state, ttl_s, [_copy_row(r) for r in rows or []])

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
    """The same contract on Redis; keys are namespaced with ``prefix``."""

    takes_rows = False

    def __init__(self, client, seen_ttl_s: int, prefix: str = "talent:"):
        self.r = client
        self.seen_ttl_s = seen_ttl_s
        self.p = prefix

    _PENDING = "\x00pending:"

    def claim(self, key: str) -> bool:
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

    def remember_reply(self, key: str, reply: str) -> None:
        self.r.set(f"{self.p}seen:{key}", reply, ex=self.seen_ttl_s)

    def count_recent(self, user_key: str, window_s: int) -> int:
        bucket = int(time.time() // window_s)
        k = f"{self.p}rate:{user_key}:{bucket}"
        pipe = self.r.pipeline()
        pipe.incr(k)
        pipe.expire(k, window_s * 2)
        return int(pipe.execute()[0])

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

    def set_state(self, user_key: str, state: dict, ttl_s: int) -> None:
        self.r.set(f"{self.p}state:{user_key}", json.dumps(state, ensure_ascii=False), ex=ttl_s)

    def get_value(self, key: str) -> str | None:
        value = self.r.get(f"{self.p}kv:{key}")
        return value.decode() if value else None

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None:
        self.r.set(f"{self.p}kv:{key}", value, ex=ttl_s or None)

    def delete_value(self, key: str) -> None:
        self.r.delete(f"{self.p}kv:{key}")


def _copy_row(row):
    """A fresh ORM object with the same column values (the old one belonged to a rolled-back session)."""
    cls = type(row)
    return cls(**{c.key: getattr(row, c.key) for c in cls.__table__.columns if c.key != "id"})


def _bucket_key(key: str, window_s: int) -> str:
    return f"count:{key}:{int(time.time() // window_s)}"


def make_store(sessions: sessionmaker, redis_url: str | None, seen_ttl_s: int, prefix: str = "talent:",
               read_sessions: sessionmaker | None = None) -> Any:
    if not redis_url:
        return DatabaseStore(sessions, seen_ttl_s, read_sessions)
    import redis

    return RedisStore(redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2), seen_ttl_s, prefix)
