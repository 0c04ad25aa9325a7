"""The shared store on the database: every worker's claims, buckets, locks and state
in the tables of bot/models.py, through SQLAlchemy Core.

A message costs two short write transactions, ``start_turn`` and ``finish_turn``
(on SQLite every write transaction takes the database-wide lock, so their number
sets the throughput: bench/README.md). The statements are built once as Core
statements and run with parameters on a Connection's cursor (bot/store/prepared.py:
~60 µs less per statement: the campaign mix 12.6% → 16–17% of bare Flask,
bench/README.md "2026-12-04 evening"); each write is one ``INSERT … ON CONFLICT … RETURNING``
(SQLite ≥ 3.35 and PostgreSQL share it), so a claim, a bucket or a lock is taken
atomically without a read first. This module is the only writer of ``kv_store``.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from sqlalchemy import Double, Integer, String, and_, bindparam, case, cast, delete, exists, literal, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import sessionmaker

from bot.db import dialect_insert
from bot.models import Conversation, KeyValue, MessageLog, PendingDelivery, SeenMessage, utcnow
from bot.store import STALE_CLAIM_S, Rate, TurnStart, bucket_key
from bot.store.prepared import Prepared

SEEN, KV, CONV = SeenMessage.__table__, KeyValue.__table__, Conversation.__table__
LOG, PENDING = MessageLog.__table__, PendingDelivery.__table__

# Deliveries waiting for user "u": looked at alone by the Redis backend (its message log and
# deliveries stay in the database), with the state by this one (``state_and_pending``).
_WAITING = and_(PENDING.c.user_key == bindparam("u"), PENDING.c.delivered_at.is_(None))
_PENDING = Prepared(select(literal(1)).select_from(PENDING).where(_WAITING).limit(1))
# The columns a turn logs (bot/conversation_records.py, log_rows); the rating ones stay empty until rated.
_LOG = Prepared(LOG.insert().values({name: bindparam(name, None, required=False) for name in (
    "user_key", "channel", "direction", "text", "intent", "found", "created_at", "turn_id", "sources", "faq_id")}))


class Statements:
    """The store's statements for one dialect, built and compiled once (bot/store/prepared.py)."""

    def __init__(self, dialect: str):
        def upsert(table, **values):
            return dialect_insert(dialect, table).values(**values)

        # A new message, or one whose worker died before replying (a stale claim): taken over.
        claim = upsert(SEEN, key=bindparam("k"), created_at=bindparam("now"))
        self.claim = claim.on_conflict_do_update(
            index_elements=[SEEN.c.key], set_={"created_at": claim.excluded.created_at},
            where=and_(SEEN.c.reply.is_(None), SEEN.c.created_at < bindparam("stale"))).returning(SEEN.c.key)
        # The first reply kept wins: the webhook may have answered "coming" already.
        self.first_reply = (update(SEEN).where(SEEN.c.key == bindparam("k"), SEEN.c.reply.is_(None))
                            .values(reply=bindparam("text")))
        # One counter per key and window, counted up atomically.
        count = upsert(KV, key=bindparam("k"), value="1", expires_at=bindparam("exp"))
        self.count_up = count.on_conflict_do_update(
            index_elements=[KV.c.key], set_={"value": cast(cast(KV.c.value, Integer) + 1, String)},
        ).returning(KV.c.value)
        # The token bucket (Rate.next_arrival) in one value, moved on in the database.
        now, t, cap = bindparam("now", type_=Double), bindparam("t", type_=Double), bindparam("cap", type_=Double)
        previous = cast(KV.c.value, Double)
        tat = case((previous > now, previous), else_=now) + t
        bucket = upsert(KV, key=bindparam("k"), value=bindparam("first"), expires_at=bindparam("exp"))
        self.take_token = bucket.on_conflict_do_update(
            index_elements=[KV.c.key],
            set_={"value": cast(case((tat > cap, cap), else_=tat), String), "expires_at": bucket.excluded.expires_at},
        ).returning(KV.c.value)
        # A lock is taken when free, or when its holder died and it expired.
        lock = upsert(KV, key=bindparam("k"), value=bindparam("token"), expires_at=bindparam("exp"))
        self.lock = lock.on_conflict_do_update(
            index_elements=[KV.c.key], set_={"value": lock.excluded.value, "expires_at": lock.excluded.expires_at},
            where=KV.c.expires_at < bindparam("now")).returning(KV.c.value)
        self.unlock = delete(KV).where(KV.c.key == bindparam("k"), KV.c.value == bindparam("token"))
        value = upsert(KV, key=bindparam("k"), value=bindparam("value"), expires_at=bindparam("exp"))
        self.set_value = value.on_conflict_do_update(
            index_elements=[KV.c.key], set_={"value": value.excluded.value, "expires_at": value.excluded.expires_at})
        self.get_value = select(KV.c.value, KV.c.expires_at).where(KV.c.key == bindparam("k"))
        self.delete_value = delete(KV).where(KV.c.key == bindparam("k"))
        self.state = select(CONV.c.state, CONV.c.expires_at).where(CONV.c.user_key == bindparam("u"))
        # The state and whether deliveries wait, in one statement (a message's start runs it every time).
        pending = exists().where(_WAITING)
        self.state_and_pending = select(
            select(CONV.c.state).where(CONV.c.user_key == bindparam("u")).scalar_subquery().label("state"),
            select(CONV.c.expires_at).where(CONV.c.user_key == bindparam("u")).scalar_subquery().label("expires_at"),
            pending.label("pending"))
        save = upsert(CONV, user_key=bindparam("u"), state=bindparam("st"), expires_at=bindparam("exp"),
                      updated_at=bindparam("now"))
        self.save_state = save.on_conflict_do_update(
            index_elements=[CONV.c.user_key],
            set_={"state": save.excluded.state, "expires_at": save.excluded.expires_at,
                  "updated_at": save.excluded.updated_at})
        self.reply = select(SEEN.c.reply).where(SEEN.c.key == bindparam("k"))
        self.forget_seen = delete(SEEN).where(SEEN.c.created_at < bindparam("before"))
        self.forget_kv = delete(KV).where(KV.c.expires_at < bindparam("before"))
        for name, statement in list(vars(self).items()):
            setattr(self, name, Prepared(statement))


def has_pending(conn: Connection, user_key: str) -> bool:
    """Whether deliveries wait for the user (one indexed look)."""
    return _PENDING.first(conn, {"u": user_key}) is not None


def write_log(conn: Connection, rows: list[dict]) -> None:
    _LOG.run_many(conn, rows)


def _live_state(state: dict | None, expires_at) -> dict:
    """The conversation state, or nothing once it expired."""
    if expires_at is None or expires_at < utcnow():
        return {}
    return dict(state or {})


class DatabaseStore:
    def __init__(self, sessions: sessionmaker, seen_ttl_s: int, read_sessions: sessionmaker | None = None):
        self.sessions = sessions
        self.engine: Engine = sessions.kw["bind"]
        self.reader: Engine = (read_sessions or sessions).kw["bind"]  # begins without SQLite's write lock
        self.seen_ttl_s = seen_ttl_s
        self.stale_claim_s = STALE_CLAIM_S
        self.sql = Statements(self.engine.dialect.name)
        self._last_sweep = 0.0

    # ------------------------------------------------------------ the two transactions of a message
    def start_turn(self, user_key: str, claim_key: str | None, rate: Rate | None,
                   lock_ttl_s: float) -> TurnStart:
        self._sweep()
        now = utcnow()
        with self.engine.begin() as conn:
            if claim_key is not None and self.sql.claim.first(conn, {
                    "k": claim_key, "now": now, "stale": now - timedelta(seconds=self.stale_claim_s)}) is None:
                return TurnStart(first=False)  # a retry: the first attempt runs (or ran) it
            start = TurnStart()
            if rate is not None and not self._take_token(conn, f"rate:{user_key}", rate):
                start.limited = True
                return start
            start.token = self._try_lock(conn, f"user:{user_key}", lock_ttl_s)
            if start.token is not None:
                state, expires_at, pending = self.sql.state_and_pending.first(conn, {"u": user_key})
                start.state = _live_state(state, expires_at)
                start.pending = bool(pending)
            return start

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            if state is not None:
                self.sql.save_state.run(conn, {"u": user_key, "st": state, "now": now,
                                               "exp": now + timedelta(seconds=state_ttl_s)})
            write_log(conn, rows)
            if token is not None:
                self.sql.unlock.run(conn, {"k": f"lock:user:{user_key}", "token": token})
            if claim_key is not None and reply is not None:
                self.sql.first_reply.run(conn, {"k": claim_key, "text": reply})

    def _sweep(self) -> None:
        """Every ten minutes, forget old messages and expired counters and locks."""
        if time.monotonic() - self._last_sweep < 600:
            return
        self._last_sweep = time.monotonic()
        with self.engine.begin() as conn:
            self.sql.forget_seen.run(conn, {"before": utcnow() - timedelta(seconds=self.seen_ttl_s)})
            self.sql.forget_kv.run(conn, {"before": utcnow() - timedelta(minutes=10)})

    def _take_token(self, conn: Connection, key: str, rate: Rate) -> bool:
        """One message's token from ``key``'s bucket; False when it is empty."""
        now, t = time.time(), rate.interval
        got = self.sql.take_token.first(conn, {
            "k": key, "first": repr(rate.next_arrival(None, now)), "now": now, "t": t,
            "cap": now + (rate.burst + 0.5) * t, "exp": utcnow() + timedelta(seconds=(rate.burst + 1) * t)})
        return rate.admits(float(got[0]), now)

    def _try_lock(self, conn: Connection, name: str, ttl_s: float) -> str | None:
        """The lock's new token; None while another holder's lock has not expired."""
        token, now = uuid.uuid4().hex, utcnow()
        got = self.sql.lock.first(conn, {"k": f"lock:{name}", "token": token, "now": now,
                                         "exp": now + timedelta(seconds=ttl_s)})
        return token if got is not None else None

    def _state(self, conn: Connection, user_key: str) -> dict:
        return _live_state(*(self.sql.state.first(conn, {"u": user_key}) or (None, None)))

    # ------------------------------------------------------------ the rest of the contract
    def reply_for(self, key: str) -> str | None:
        with self.reader.connect() as conn:
            row = self.sql.reply.first(conn, {"k": key})
        return row[0] if row else None

    def remember_reply(self, key: str, reply: str) -> None:
        with self.engine.begin() as conn:
            self.sql.first_reply.run(conn, {"k": key, "text": reply})

    def incr(self, key: str, window_s: int) -> int:
        exp = utcnow() + timedelta(seconds=window_s * 2)
        with self.engine.begin() as conn:
            return int(self.sql.count_up.first(conn, {"k": bucket_key(key, window_s), "exp": exp})[0])

    def peek(self, key: str, window_s: int) -> int:
        return int(self.get_value(bucket_key(key, window_s)) or 0)

    def acquire(self, name: str, ttl_s: float, wait_s: float) -> str | None:
        deadline = time.monotonic() + wait_s
        while True:
            with self.engine.begin() as conn:
                token = self._try_lock(conn, name, ttl_s)
            if token is not None:
                return token
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)

    def release(self, name: str, token: str) -> None:
        with self.engine.begin() as conn:
            self.sql.unlock.run(conn, {"k": f"lock:{name}", "token": token})

    def get_state(self, user_key: str) -> dict:
        with self.reader.connect() as conn:
            return self._state(conn, user_key)

    def get_value(self, key: str) -> str | None:
        with self.reader.connect() as conn:
            row = self.sql.get_value.first(conn, {"k": key})
        if row is None or (row[1] is not None and row[1] < utcnow()):
            return None
        return row[0]

    def set_value(self, key: str, value: str, ttl_s: int | None) -> None:
        expires = utcnow() + timedelta(seconds=ttl_s) if ttl_s else None
        with self.engine.begin() as conn:  # one upsert: two workers setting one key never collide
            self.sql.set_value.run(conn, {"k": key, "value": value, "exp": expires})

    def delete_value(self, key: str) -> None:
        with self.engine.begin() as conn:
            self.sql.delete_value.run(conn, {"k": key})
