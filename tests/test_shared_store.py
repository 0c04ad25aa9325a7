"""The shared store's contract, the same on every backend: SQLite, PostgreSQL, Redis.

A message is claimed once; a retry is told so; the rate count, the user lock and
the conversation state come back from ``start_turn``; ``finish_turn`` saves the
state and the log, frees the lock and keeps the reply for retries, without
overwriting a reply the webhook already gave ("the answer is coming").
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.db import make_engine, upgrade
from bot.models import MessageLog, PendingDelivery, utcnow
from bot.store import STALE_CLAIM_S, Rate, make_store


@pytest.fixture(params=["sqlite", "postgresql", "redis"])
def store(request, tmp_path):
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(url)
    upgrade(engine)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    redis_url = request.getfixturevalue("redis_server").url if request.param == "redis" else None
    yield make_store(sessions, redis_url, seen_ttl_s=3600, prefix=f"t{uuid.uuid4().hex[:6]}:")
    engine.dispose()


def _log(user: str, text: str) -> list[dict]:
    return [{"user_key": user, "channel": "wechat", "direction": "in", "text": text, "intent": None,
             "found": None, "created_at": utcnow()}]


def test_claim_lock_state_and_reply_round_trip(store):
    start = store.start_turn("wx:a", "wx:1", Rate(60, 5), 10)
    assert start.first and not start.limited and start.token and start.state == {}

    retry = store.start_turn("wx:a", "wx:1", Rate(60, 5), 10)
    assert not retry.first and retry.token is None  # a retry runs nothing
    assert store.reply_for("wx:1") is None           # the first attempt has not replied yet

    other = store.start_turn("wx:a", "wx:2", Rate(60, 5), 10)
    assert other.first and other.token is None        # the user's lock is held by message 1

    store.finish_turn("wx:a", start.token, {"flow": "booking"}, 600, _log("wx:a", "一"), "wx:1", "回复一")
    assert store.reply_for("wx:1") == "回复一"
    assert store.get_state("wx:a") == {"flow": "booking"}

    token = store.acquire("user:wx:a", 10, 1)         # released by finish_turn
    assert token
    store.release("user:wx:a", token)
    nxt = store.start_turn("wx:a", "wx:3", Rate(60, 5), 10)
    assert nxt.first and nxt.token and nxt.state == {"flow": "booking"}
    store.finish_turn("wx:a", nxt.token, {}, 600, _log("wx:a", "三"), "wx:3", "回复三")


def test_finish_turn_keeps_a_reply_already_given(store):
    start = store.start_turn("wx:b", "wx:10", None, 10)
    store.remember_reply("wx:10", "答案马上就来")       # the webhook's in-time reply after its deadline
    store.finish_turn("wx:b", start.token, {}, 600, _log("wx:b", "慢问题"), "wx:10", "完整答案")
    assert store.reply_for("wx:10") == "答案马上就来"   # a retry gets what the user was sent


def test_a_burst_passes_then_the_bucket_is_empty_and_no_lock_is_taken(store):
    user = "wx:flood"
    for i in range(3):
        start = store.start_turn(user, f"wx:f{i}", Rate(1, 3), 10)
        assert start.first and not start.limited and start.token
        store.finish_turn(user, start.token, {}, 600, _log(user, f"消息{i}"), f"wx:f{i}", "好")
    over = store.start_turn(user, "wx:f3", Rate(1, 3), 10)
    assert over.first and over.limited and over.token is None  # limited: no lock taken
    assert store.acquire(f"user:{user}", 10, 0.1)


def test_the_bucket_refills_at_the_rate_and_a_flood_digs_no_deeper(store):
    """600 a minute = one token every 0.1 s. After a flood the sender waits about one interval,
    not one per message sent into the empty bucket."""
    import time

    rate = Rate(600, 2)
    first = [store.start_turn("web:refill", None, rate, 10) for _ in range(8)]
    assert [s.limited for s in first] == [False, False] + [True] * 6
    for s in first:
        if s.token:
            store.finish_turn("web:refill", s.token, None, 600, [])
    time.sleep(rate.interval * 2)  # the bucket was left half a token below empty: 1.5 intervals to one token
    again = store.start_turn("web:refill", None, rate, 10)
    assert not again.limited
    store.finish_turn("web:refill", again.token, None, 600, [])


def test_web_turns_have_no_claim_and_see_pending_deliveries(store):
    start = store.start_turn("web:v", None, Rate(60, 5), 10)
    assert start.first and start.token
    store.finish_turn("web:v", start.token, {}, 600, _log("web:v", "你好"))
    sessions = getattr(store, "sessions")
    with sessions() as s:
        s.add(PendingDelivery(user_key="web:v", text="工作人员回复", created_at=utcnow()))
        s.commit()
        assert s.scalar(select(func.count()).select_from(MessageLog).where(MessageLog.user_key == "web:v")) == 1
    start = store.start_turn("web:v", None, Rate(60, 5), 10)
    assert start.pending  # the engine will pick the delivery up in this turn
    store.finish_turn("web:v", start.token, {}, 600, [])


def test_the_first_reply_kept_wins(store):
    start = store.start_turn("wx:c", "wx:20", None, 10)
    store.finish_turn("wx:c", start.token, {}, 600, _log("wx:c", "问"), "wx:20", "真正的回复")
    store.remember_reply("wx:20", "系统繁忙")  # a retry's failure must not replace it
    assert store.reply_for("wx:20") == "真正的回复"


def test_messages_still_waiting_count_against_the_rate_limit(store):
    limited = [store.start_turn("web:burst", None, Rate(1, 3), 10).limited for _ in range(5)]
    assert limited == [False, False, False, True, True]  # none finished: each is counted when it arrives


def test_counters_count_every_increment_under_concurrency(store):
    """Failed-login throttling counts across workers: no increment lost to a race."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: store.incr("login:10.0.0.1", 900), range(40)))
    assert store.peek("login:10.0.0.1", 900) == 40


def test_a_turn_without_state_changes_keeps_the_saved_state(store):
    start = store.start_turn("wx:d", "wx:30", None, 10)
    store.finish_turn("wx:d", start.token, {"flow": "ticket", "step": 2}, 600, [], "wx:30", "好")
    start = store.start_turn("wx:d", "wx:31", None, 10)
    store.finish_turn("wx:d", start.token, None, 600, [], "wx:31", "好")  # None: nothing to save
    assert store.start_turn("wx:d", "wx:32", None, 10).state == {"flow": "ticket", "step": 2}


def test_a_stale_claim_is_taken_over_once(store):
    """The first attempt's worker died before replying: the next retry runs the message."""
    import time

    assert store.start_turn("wx:e", "wx:40", None, 0.05).first      # its worker dies now
    assert not store.start_turn("wx:e", "wx:40", None, 10).first     # still fresh: a retry
    store.stale_claim_s = 0.0                                           # as if 6 s had passed
    time.sleep(0.1)                                                     # the dead worker's lock expired
    taken = store.start_turn("wx:e", "wx:40", None, 10)
    assert taken.first and taken.token
    store.finish_turn("wx:e", taken.token, {}, 600, [], "wx:40", "接手后的回复")
    assert store.reply_for("wx:40") == "接手后的回复"
    assert not store.start_turn("wx:e", "wx:40", None, 10).first     # answered: never again
    assert STALE_CLAIM_S > 5  # longer than WeChat waits for one attempt


def test_what_a_turn_writes_reads_back_through_the_orm(store):
    """The turn's Core statements (bot/store/database.py) and the ORM read each other's rows."""
    from bot.models import Conversation, SeenMessage

    start = store.start_turn("wx:f", "wx:50", Rate(60, 5), 10)
    store.finish_turn("wx:f", start.token, {"flow": "booking", "name": "张三"}, 600,
                      _log("wx:f", "我想预约"), "wx:50", "好的")
    with store.sessions() as s:
        row = s.scalars(select(MessageLog).where(MessageLog.user_key == "wx:f")).one()
        assert row.text == "我想预约" and row.created_at.year >= 2026
        if not hasattr(store, "r"):  # the database keeps state and claims too (Redis keeps them itself)
            conv = s.get(Conversation, "wx:f")
            assert conv.state == {"flow": "booking", "name": "张三"} and conv.expires_at > utcnow()
            seen = s.get(SeenMessage, "wx:50")
            assert seen.reply == "好的" and seen.created_at <= utcnow()


def test_sqlite_turns_wait_for_the_write_lock_and_say_so_when_it_never_comes(tmp_path):
    """Another worker holding SQLite's write lock is waited for (up to the engine's busy
    timeout); a lock held too long is an OperationalError, as from any other database call."""
    import sqlite3
    import threading

    from sqlalchemy.exc import OperationalError

    path = tmp_path / "lock.db"
    engines = [make_engine(f"sqlite:///{path}", busy_timeout_s=s) for s in (5.0, 0.2)]
    upgrade(engines[0])
    patient, hasty = (make_store(sessionmaker(bind=e, expire_on_commit=False), None, seen_ttl_s=3600) for e in engines)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another worker is writing
    committed = threading.Event()

    def commit() -> None:
        other.execute("COMMIT")
        committed.set()

    threading.Timer(0.3, commit).start()
    assert patient.start_turn("wx:lock", "wx:90", None, 10).first
    assert committed.is_set()  # it waited for the other writer instead of failing or skipping

    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(OperationalError, match="locked"):
        hasty.start_turn("wx:lock", "wx:91", None, 10)
    other.execute("COMMIT")
    assert hasty.start_turn("wx:lock2", "wx:91", None, 10).first  # nothing half-done: the claim is new
    for e in engines:
        e.dispose()


def test_someone_tapping_chips_at_the_sustained_rate_is_never_limited(store):
    """The default shape (40 a minute, a burst of 15) on a 40× faster clock: a message every
    interval, 60 times over, all pass; 40 at once, only the burst does."""
    import time

    rate = Rate(40 * 40, 15)
    for i in range(60):
        start = store.start_turn("web:tapper", None, rate, 10)
        assert not start.limited, f"message {i} limited"
        store.finish_turn("web:tapper", start.token, None, 600, [])
        time.sleep(rate.interval)
    started = time.monotonic()
    flood = [store.start_turn("web:flooder", None, rate, 10) for _ in range(40)]
    refilled = (time.monotonic() - started) / rate.interval  # tokens that came back while it ran
    assert 15 <= sum(not s.limited for s in flood) <= 15 + refilled + 1
