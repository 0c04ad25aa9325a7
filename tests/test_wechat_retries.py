"""Retries and busy workers at the webhook: claimed in time, handled once, the first reply kept.

Found in review: when the webhook's dialogue threads were all busy, a message
could be claimed only after its deadline — then lost (Redis) or handled twice
(database). The claim now happens in the request thread; these tests hold the
dialogue threads or the user's lock on purpose.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from bot import create_app, messages
from bot.dialogue import Incoming
from bot.models import MessageLog, PendingDelivery
from tests.conftest import app_overrides
from tests.wx import WeChatSim, text_xml


def _llm_app(shipped_index, tmp_path, fake_openai, deadline_s: float):
    # Answers may wait on an LLM, so they run in the deadline threads; no customer-service
    # API: a late answer is kept for the user's next message.
    fake_openai.reply = "姜堰区2023年新建人才公寓424套。"
    app = create_app(app_overrides(
        shipped_index, tmp_path,
        knowledge={"llm": {"enabled": True, "base_url": fake_openai.url, "api_key_env": "TEST_LLM_KEY"}},
        wechat={"customer_service_api": False, "reply_deadline_s": deadline_s}))
    # As a served worker is before it accepts requests (bot.wsgi): the models loaded, so the first
    # message's deadline is spent on its answer, not on loading it (on a loaded machine it was not enough).
    app.extensions["talent.dialogue"].warm_up()
    return app


@pytest.fixture()
def slow_app(shipped_index, tmp_path, fake_openai):
    return _llm_app(shipped_index, tmp_path, fake_openai, deadline_s=0.5)


class CountingExecutor(ThreadPoolExecutor):
    """The deadline threads, counting the turns handed to them."""

    def __init__(self):
        super().__init__(max_workers=2)
        self.submitted = 0

    def submit(self, *args, **kwargs):
        self.submitted += 1
        return super().submit(*args, **kwargs)


def _count(app, model, **where) -> int:
    with app.extensions["talent.db"]() as s:
        q = select(func.count()).select_from(model)
        for column, value in where.items():
            q = q.where(getattr(model, column) == value)
        return s.scalar(q)


def test_message_is_claimed_in_time_while_every_dialogue_thread_is_busy(slow_app, monkeypatch):
    import bot.wechat as wechat

    busy = ThreadPoolExecutor(max_workers=1)
    gate = threading.Event()
    busy.submit(gate.wait)  # the only dialogue thread is taken
    monkeypatch.setattr(wechat, "_executor", busy)
    wx = WeChatSim(slow_app.test_client())
    xml = text_xml("o_busy", "人才公寓建了多少套", msg_id=777001)

    first = wx.reply(wx.post(xml))["Content"]
    assert first == messages.ANSWER_COMING
    # Claimed and answered before the deadline, though nothing has run yet: a later
    # retry can neither take the claim over (a second run) nor find it missing.
    assert slow_app.extensions["talent.dialogue"].store.reply_for("wx:777001") == first
    assert wx.reply(wx.post(xml))["Content"] == first  # WeChat's retry: the same reply, nothing new runs

    gate.set()
    busy.submit(lambda: None).result()  # the queued attempts ran: the claimed one once, the retry not at all
    assert _count(slow_app, MessageLog, user_key="wx:o_busy", direction="in") == 1
    assert _count(slow_app, PendingDelivery, user_key="wx:o_busy") == 1  # the late answer, kept once
    assert "424套" in wx.say("o_busy", "谢谢")


def test_a_retry_never_replaces_the_reply_of_the_first_attempt(app, monkeypatch):
    wx = WeChatSim(app.test_client())
    xml = text_xml("o_keep", "驿站能免费住吗", msg_id=777002)
    first = wx.reply(wx.post(xml))["Content"]
    store = app.extensions["talent.dialogue"].store
    store.remember_reply("wx:777002", messages.BUSY)  # what a failing retry used to write
    assert store.reply_for("wx:777002") == first
    assert wx.reply(wx.post(xml))["Content"] == first


def test_store_outage_while_a_retry_waits_is_a_polite_reply(app, monkeypatch):
    dialogue = app.extensions["talent.dialogue"]
    # The first attempt has claimed the message and is still running.
    dialogue.begin(Incoming("wx:o_wait", "wechat", "text", text="你好", claim_key="wx:777003"))

    def down(key):
        raise OperationalError("select", {}, Exception("database is down"))

    monkeypatch.setattr(dialogue.store, "reply_for", down)
    wx = WeChatSim(app.test_client())
    res = wx.post(text_xml("o_wait", "你好", msg_id=777003))
    assert res.status_code == 200 and wx.reply(res)["Content"] == messages.BUSY


def test_a_message_that_cannot_get_the_users_lock_does_not_run(app, monkeypatch):
    dialogue = app.extensions["talent.dialogue"]
    monkeypatch.setattr(dialogue, "USER_LOCK_WAIT_S", 0.3)
    token = dialogue.store.acquire("user:wx:o_locked", 30, 1)  # another message of this user is running
    wx = WeChatSim(app.test_client())
    assert wx.say("o_locked", "转人工") == messages.PREVIOUS_STILL_RUNNING
    assert _count(app, MessageLog, user_key="wx:o_locked") == 0  # nothing ran
    dialogue.store.release("user:wx:o_locked", token)
    assert "424套" in wx.say("o_locked", "人才公寓建了多少套")


def test_the_users_lock_is_released_when_reading_the_state_fails(app, monkeypatch):
    dialogue = app.extensions["talent.dialogue"]
    store = dialogue.store
    token = store.acquire("user:web:v1", 30, 1)
    threading.Timer(0.2, store.release, ("user:web:v1", token)).start()  # the other message ends

    def down(user_key):
        raise OperationalError("select", {}, Exception("database is down"))

    monkeypatch.setattr(store, "get_state", down)
    with pytest.raises(OperationalError):
        dialogue.handle(Incoming("web:v1", "web", "text", text="你好"))
    assert store.acquire("user:web:v1", 30, 0.1)  # not held until its TTL


def test_a_burst_from_one_sender_is_limited_while_its_messages_wait(app, monkeypatch):
    dialogue = app.extensions["talent.dialogue"]
    burst = dialogue.settings.dialogue.rate_burst
    starts = [dialogue.begin(Incoming("web:burst", "web", "text", text=f"问题{i}")) for i in range(burst + 1)]
    assert [s.limited for s in starts] == [False] * burst + [True]  # none of them finished yet
    reply = dialogue.run(Incoming("web:burst", "web", "text", text="再问"), starts[-1])
    assert reply.intent == "rate_limited"
    store = dialogue.store
    store.release("user:web:burst", starts[0].token)


def test_turns_that_wait_on_nothing_slow_run_in_the_request_thread(app, monkeypatch):
    """Extractive answers, flows and greetings need no deadline thread (it cost more than the turn)."""
    import bot.wechat as wechat

    threads = CountingExecutor()
    monkeypatch.setattr(wechat, "_executor", threads)
    wx = WeChatSim(app.test_client())
    assert "424套" in wx.say("o_inline", "人才公寓建了多少套")
    assert wx.say("o_inline", "你好")
    assert "请选择驿站" in wx.say("o_inline", "预约驿站")  # a booking flow: database only
    assert threads.submitted == 0
    assert _count(app, MessageLog, user_key="wx:o_inline", direction="in") == 3


def test_a_turn_that_may_ask_the_llm_gets_a_deadline_thread_until_its_answer_is_cached(
        shipped_index, tmp_path, fake_openai, monkeypatch):
    import bot.wechat as wechat

    threads = CountingExecutor()
    monkeypatch.setattr(wechat, "_executor", threads)
    wx = WeChatSim(_llm_app(shipped_index, tmp_path, fake_openai, deadline_s=4.0).test_client())
    assert "424套" in wx.say("o_llm1", "人才公寓建了多少套")  # asked the LLM
    assert threads.submitted == 1
    assert "424套" in wx.say("o_llm2", "人才公寓建了多少套")  # cached now: in the request thread
    assert threads.submitted == 1
    wx.say("o_llm3", "驿站能免费住吗")  # not cached: it may wait on the LLM
    assert threads.submitted == 2


def test_a_message_waiting_for_the_users_lock_gets_a_deadline_thread(app):
    dialogue = app.extensions["talent.dialogue"]
    token = dialogue.store.acquire("user:wx:o_wait_lock", 30, 1)
    incoming = Incoming("wx:o_wait_lock", "wechat", "text", text="你好", claim_key="wx:777010")
    start = dialogue.begin(incoming)
    assert start.first and start.token is None
    assert not dialogue.is_quick(incoming, start)
    dialogue.store.release("user:wx:o_wait_lock", token)
