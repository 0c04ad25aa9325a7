"""The shared store on Redis (``redis.url``): the same contract as the database's, with
each message's start and finish in one Lua script call apiece.

It takes the per-message writes off a database that many machines share; the message
log and pending deliveries stay in the database, the durable record.
"""

from __future__ import annotations

import json
import time
import uuid

from sqlalchemy.orm import sessionmaker

from bot.store import STALE_CLAIM_S, Rate, TurnStart, bucket_key
from bot.store.database import has_pending, write_log


class RedisStore:
    """The same contract on Redis; keys are namespaced with ``prefix``.

    The message log stays in the database (``sessions``): it is the durable record.
    """

    def __init__(self, client, seen_ttl_s: int, sessions: sessionmaker, prefix: str = "talent:"):
        self.r = client
        self.seen_ttl_s = seen_ttl_s
        self.sessions = sessions
        self.engine = sessions.kw["bind"]
        self.reader = sessions.kw["bind"].execution_options(talent_readonly=True)
        self.stale_claim_s = STALE_CLAIM_S
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
    # token bucket of Rate.next_arrival (GCRA), in the same one value.
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
            with self.reader.connect() as conn:
                start.pending = has_pending(conn, user_key)
        return start

    def finish_turn(self, user_key: str, token: str | None, state: dict | None, state_ttl_s: int, rows: list,
                    claim_key: str | None = None, reply: str | None = None) -> None:
        if rows:
            with self.engine.begin() as conn:
                write_log(conn, rows)
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
            if time.time() - claimed_at > self.stale_claim_s:
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
        k = f"{self.p}{bucket_key(key, window_s)}"
        pipe = self.r.pipeline()
        pipe.incr(k)
        pipe.expire(k, window_s * 2)
        return int(pipe.execute()[0])

    def peek(self, key: str, window_s: int) -> int:
        return int(self.r.get(f"{self.p}{bucket_key(key, window_s)}") or 0)

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
