"""State every worker must agree on: seen messages, conversation state,
rate-limit buckets, locks and small expiring values (the WeChat access token).

One contract (``SharedStore``), one module per backend: the database
(bot/store/database.py: always there, the default and the fallback) and Redis
(bot/store/redis_store.py, ``redis.url``), which takes the per-message writes
off a database that many machines share.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import sessionmaker

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
    for the user's previous one, so a burst is limited at once. Both backends keep the
    bucket as one value (GCRA): the "theoretical arrival time" of the user's next message.
    """

    per_minute: float
    burst: int

    @property
    def interval(self) -> float:
        return 60.0 / self.per_minute

    def next_arrival(self, previous: float | None, now: float) -> float:
        """The bucket after one more message: one interval later (from now, if it lies in the past),
        never beyond half an interval past the admit line (a flood cannot dig a deeper hole)."""
        return min(max(previous or 0.0, now) + self.interval, now + (self.burst + 0.5) * self.interval)

    def admits(self, next_arrival: float, now: float) -> bool:
        return next_arrival - now <= self.burst * self.interval + 1e-6


class SharedStore(Protocol):
    stale_claim_s: float

    def start_turn(self, user_key: str, claim_key: str | None, rate: Rate | None,
                   lock_ttl_s: float) -> TurnStart:
        """Claim the message, count it against the rate limit, take the user lock and read the state:
        all that the common case needs before a handler runs, in one transaction or round trip."""

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        """Save the state (None: unchanged) and the log rows (dicts of ``message_log`` columns),
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


def bucket_key(key: str, window_s: int) -> str:
    """The counter of ``key`` in the current window of ``window_s`` seconds."""
    return f"count:{key}:{int(time.time() // window_s)}"


def make_store(sessions: sessionmaker, redis_url: str | None, seen_ttl_s: int, prefix: str = "talent:",
               read_sessions: sessionmaker | None = None) -> SharedStore:
    if not redis_url:
        from bot.store.database import DatabaseStore

        return DatabaseStore(sessions, seen_ttl_s, read_sessions)
    import redis

    from bot.store.redis_store import RedisStore

    client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
    return RedisStore(client, seen_ttl_s, sessions, prefix)
