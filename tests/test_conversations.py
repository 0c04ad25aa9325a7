"""Conversations as data (tests/conversations/*.yaml), each run through the web chat API and
through the encrypted WeChat webhook, one fresh user per conversation.

A conversation may fix the users' ``now`` instead (date and hour, "2026-12-08 00:30"), for words read
by the hour ("明天" typed after midnight). A turn says what the user types and what the reply must (``expect``, all; ``expect_any``,
one) or must not (``not``) contain. A conversation may fix the users' ``today`` (a date), for
words whose day depends on it ("这周五" said on a Sunday). A turn may instead be staff's
(``staff_reply: text`` or ``staff_close: reason``, on the conversation's latest ticket), which the
user then sees. The summary line says how many conversations hold.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from tests.wx import WeChatSim

HERE = Path(__file__).parent / "conversations"
CONVERSATIONS = [c for path in sorted(HERE.glob("*.yaml"))
                 for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
_users = itertools.count(1)


def _check(reply: str, turn: dict, where: str) -> None:
    missing = [w for w in turn.get("expect", []) if str(w) not in reply]
    assert not missing, f"{where}: reply lacks {missing}:\n{reply}"
    if turn.get("expect_any"):
        assert any(str(w) in reply for w in turn["expect_any"]), f"{where}: none of {turn['expect_any']}:\n{reply}"
    unwanted = [w for w in turn.get("not", []) if str(w) in reply]
    assert not unwanted, f"{where}: reply contains {unwanted}:\n{reply}"


@pytest.fixture(scope="module")
def served_index(shipped_index, tmp_path_factory):
    """The shipped index plus the service document, as ``bot serve`` publishes it: what a
    user of a running service talks to."""
    import shutil

    from bot import create_app
    from tests.conftest import app_overrides

    tmp = tmp_path_factory.mktemp("served")
    shutil.copytree(shipped_index, tmp / "index")
    app = create_app(app_overrides(tmp / "index", tmp))
    res = app.test_cli_runner().invoke(args=["service-doc"])
    assert res.exit_code == 0, res.output
    return tmp / "index"


@pytest.fixture(scope="module")
def module_app(served_index, shipped_kb, sqlite_template, tmp_path_factory):
    from bot import create_app
    from tests.conftest import app_overrides, fresh_sqlite

    tmp = tmp_path_factory.mktemp("conversations")
    fresh_sqlite(sqlite_template, tmp)
    app = create_app(app_overrides(served_index, tmp), embedder=shipped_kb.embedder)
    app.config["TESTING"] = True
    return app, tmp


@pytest.fixture()
def served_app(module_app, sqlite_template):
    """The module's app over an empty database again: each conversation starts as on a new service
    (its bookings, tickets, dialogue state and seen messages all live in the database). One app for
    all: making one per conversation cost ~50 ms each, 1,400 times."""
    from tests.conftest import fresh_sqlite

    app, tmp = module_app
    app.extensions["talent.db"].kw["bind"].dispose()  # no connection holds the old file's pages
    fresh_sqlite(sqlite_template, tmp)
    return app


_held: dict[str, set] = {"api": set(), "wechat": set()}


@pytest.mark.parametrize("channel", ["api", "wechat"])
@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(served_app, conversation, channel, monkeypatch):
    app = served_app
    if "today" in conversation:  # the booking rules' today (bot.bookings.users_today)
        fixed = date.fromisoformat(str(conversation["today"]))
        monkeypatch.setattr("bot.bookings.local_today", lambda timezone: fixed)
    if "now" in conversation:  # the users' day and hour (bot.bookings.users_today, users_hour)
        now = datetime.fromisoformat(str(conversation["now"]))
        monkeypatch.setattr("bot.bookings.local_today", lambda timezone: now.date())
        monkeypatch.setattr("bot.bookings.local_hour", lambda timezone: now.hour)
    if channel == "api":
        client = app.test_client()

        def say(text: str) -> str:
            res = client.post("/api/chat", json={"text": text})
            assert res.status_code == 200, res.json
            return res.json["reply"]
    else:
        wx, openid = WeChatSim(app.test_client()), f"o_conv_{next(_users)}"

        def say(text: str) -> str:
            return wx.say(openid, text)

    def staff(turn: dict) -> str:
        """Staff answer or close the conversation's latest ticket, and the user sees it: the web page
        polls for it, a WeChat user is sent it (the customer-service API, stood in for here)."""
        from sqlalchemy import select

        from bot import tickets
        from bot.models import Ticket

        with app.extensions["talent.db"]() as s:
            number = s.scalar(select(Ticket.number).order_by(Ticket.id.desc()).limit(1))
        if channel == "wechat":
            monkeypatch.setattr(tickets, "deliver_to_user", lambda app, user_key, text: "pushed")
        if "staff_reply" in turn:
            tickets.reply_and_notify(app, number, "小王", str(turn["staff_reply"]))
        else:
            tickets.close_and_notify(app, number, "staff:小王", str(turn["staff_close"]))
        return "\n".join(client.get("/api/chat/updates").json["messages"]) if channel == "api" else number

    for n, turn in enumerate(conversation["turns"], 1):
        if "say" not in turn:  # a staff step: "staff_reply: …" or "staff_close: reason"
            staff(turn)
            continue
        _check(say(str(turn["say"])), turn, f"{conversation['name']} / turn {n} ({turn['say']!r}) via {channel}")
    _held[channel].add(conversation["name"])


def test_there_are_conversations_to_run():
    assert len(CONVERSATIONS) >= 80 and all(c["turns"] for c in CONVERSATIONS)
    assert len({c["name"] for c in CONVERSATIONS}) == len(CONVERSATIONS), "conversation names must be unique"


def pytest_terminal_summary_lines() -> list[str]:
    """For conftest's summary: how many conversations held on each channel."""
    return [f"conversations: {len(_held[ch])}/{len(CONVERSATIONS)} held via {ch}" for ch in ("api", "wechat")]


def _book_via_chat(client, phone: str) -> str:
    for text in ("我想明天去溱湖驿站住1晚", "是", "是", "是", "孙悦", phone):
        client.post("/api/chat", json={"text": text})
    return client.post("/api/chat", json={"text": "确认"}).json["reply"]


def test_a_refusal_never_shows_another_persons_booking(app):
    import re

    first = _book_via_chat(app.test_client(), "13800009999")
    number = re.search(r"YZ\d{6}", first).group(0)
    refused = _book_via_chat(app.test_client(), "13800009999")  # a new visitor with the same phone
    assert "已有预约" in refused and number not in refused and "孙悦" not in refused


@pytest.mark.parametrize("event,key", [("subscribe", "qrscene_station"), ("SCAN", "station")])
def test_a_parameter_qr_code_welcomes_and_starts_its_flow(app, event, key):
    from tests.wx import event_xml

    wx = WeChatSim(app.test_client())
    reply = wx.reply(wx.post(event_xml(f"o_qr_{event}", event, key)))["Content"]
    assert reply.startswith("欢迎关注") and "请选择驿站" in reply
    assert reply.count("1. ") == 1, reply  # the stations are the one list answered by its number
    plain = wx.reply(wx.post(event_xml("o_qr_plain", "subscribe", "qrscene_unknown")))["Content"]
    assert plain.startswith("欢迎关注") and "请选择驿站" not in plain


def test_the_bot_answers_about_its_own_service_and_cites_it(index_copy, tmp_path):
    """Stations, addresses, nights and conditions come from the service's own data (bot/service_doc.py)."""
    from bot import create_app, service_doc
    from tests.conftest import app_overrides

    app = create_app(app_overrides(index_copy, tmp_path))  # a private index: this test changes it

    res = app.test_cli_runner().invoke(args=["service-doc"])  # what an operator runs
    assert res.exit_code == 0 and f"{service_doc.TITLE}: updated" in res.output, res.output
    client = app.test_client()
    stay = client.post("/api/chat", json={"text": "驿站最多能住多久"}).json
    assert "7晚" in stay["reply"] and stay["sources"][0]["title"] == service_doc.TITLE
    where = client.post("/api/chat", json={"text": "溱湖驿站在哪里"}).json
    assert "溱湖风景区" in where["reply"]
    # No station named: the addresses, not the sentence about who may stay (asked by hand on ./run serve).
    anywhere = client.post("/api/chat", json={"text": "驿站在什么地方"}).json
    assert "地址" in anywhere["reply"], anywhere
    who = client.post("/api/chat", json={"text": "驿站入住要什么条件"}).json
    assert "35周岁" in who["reply"] or "毕业5年" in who["reply"], who
    # 押金 and 几点 are not in the service's rules: not answered with who may stay or how to cancel.
    for question in ("驿站要收押金吗", "驿站几点可以入住"):
        reply = client.post("/api/chat", json={"text": question}).json
        assert "35周岁" not in reply["reply"] and "取消预约" not in reply["reply"], reply
    assert f"{service_doc.TITLE}: unchanged" in app.test_cli_runner().invoke(args=["service-doc"]).output
    assert service_doc.publish(app)["generation"] is None  # nothing changed: no new generation
