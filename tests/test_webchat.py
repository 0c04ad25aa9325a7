"""Web chat over HTTP: same dialogue as WeChat, visitor id in a signed cookie."""

from __future__ import annotations

from bot.webchat import COOKIE


def test_page_sets_a_signed_httponly_visitor_cookie(client):
    res = client.get("/chat")
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert "姜堰人才助手" in html and 'name="viewport"' in html
    cookie = res.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_chat_answers_with_sources_and_actions(client):
    res = client.post("/api/chat", json={"text": "人才公寓今年建了多少套"})
    assert res.status_code == 200
    body = res.json
    assert "424套" in body["reply"]
    assert body["sources"][0]["title"] == "2023年姜堰区人才工作综述"
    assert set(body["sources"][0]) == {"title", "section", "snippet"}
    assert "转人工" in body["actions"]


def test_same_answer_as_wechat(client):
    from tests.wx import WeChatSim

    web = client.post("/api/chat", json={"text": "驿站能免费住吗"}).json
    wechat = WeChatSim(client).say("o_same", "驿站能免费住吗")
    assert wechat.startswith(web["reply"])


def test_visitor_keeps_identity_and_state(client, app):
    from sqlalchemy import select

    from bot.models import MessageLog

    client.post("/api/chat", json={"text": "你好"})
    client.post("/api/chat", json={"text": "谢谢"})
    with app.extensions["talent.db"]() as s:
        users = set(s.scalars(select(MessageLog.user_key)).all())
    assert len(users) == 1 and next(iter(users)).startswith("web:")


def test_forged_cookie_gets_a_new_identity(client, app):
    client.set_cookie(COOKIE, "web-forged-value")
    res = client.post("/api/chat", json={"text": "你好"})
    assert res.status_code == 200
    assert f"{COOKIE}=" in res.headers.get("Set-Cookie", "")


def test_bad_requests(client):
    assert client.post("/api/chat", data="x", content_type="application/json").status_code == 400
    assert client.post("/api/chat", json={"text": ""}).status_code == 400
    assert client.post("/api/chat", json={"text": 5}).status_code == 400
    assert client.post("/api/chat", json={"text": "长" * 501}).status_code == 400


def test_exit_words_leave_a_flow(client):
    res = client.post("/api/chat", json={"text": "退出"})
    assert "还有什么可以帮您" in res.json["reply"]


def test_unanswered_offers_a_ticket(client):
    reply = client.post("/api/chat", json={"text": "公积金怎么提取"}).json
    assert "没有找到" in reply["reply"] and "转人工" in reply["reply"]
    assert reply["sources"] == []


def test_intents(client):
    assert "您好" in client.post("/api/chat", json={"text": "你好呀"}).json["reply"]
    assert "不客气" in client.post("/api/chat", json={"text": "谢谢！"}).json["reply"]
    assert "预约驿站" in client.post("/api/chat", json={"text": "你能做什么"}).json["reply"]
    # A greeting followed by a real question is a question.
    assert "424套" in client.post("/api/chat", json={"text": "你好，人才公寓建了多少套"}).json["reply"]


def test_updates_deliver_pending_messages_once(client, app):
    client.get("/chat")
    client.post("/api/chat", json={"text": "你好"})
    from sqlalchemy import select

    from bot.models import MessageLog

    with app.extensions["talent.db"]() as s:
        user = s.scalars(select(MessageLog.user_key)).first()
    app.extensions["talent.records"].queue_delivery(user, "工作人员回复：您好，已为您登记。")
    assert client.get("/api/chat/updates").json["messages"] == ["工作人员回复：您好，已为您登记。"]
    assert client.get("/api/chat/updates").json["messages"] == []


def test_a_turn_looks_for_pending_deliveries_once(client, app):
    """The store looks for waiting deliveries at the start of the turn; the engine takes them
    on that word, without looking again."""
    from sqlalchemy import event, select

    from bot.models import MessageLog

    statements: list[str] = []
    engine = app.extensions["talent.db"].kw["bind"]

    def seen(statement):
        if "pending_deliveries" in statement:
            statements.append(statement.split()[0].upper())

    def trace(dbapi_conn, _record):
        # SQLite's own trace: every statement the driver runs, through SQLAlchemy or on its cursor
        # (the store's prepared statements, bot/store/prepared.py).
        dbapi_conn.set_trace_callback(seen)

    client.get("/chat")
    client.post("/api/chat", json={"text": "你好"})
    with app.extensions["talent.db"]() as s:
        user = s.scalars(select(MessageLog.user_key)).first()
    engine.dispose()  # the connections opened from here on are traced
    event.listen(engine, "connect", trace)
    try:
        assert "424套" in client.post("/api/chat", json={"text": "人才公寓今年建了多少套"}).json["reply"]
        assert statements == ["SELECT"]  # nothing waits: one look
        statements.clear()
        app.extensions["talent.records"].queue_delivery(user, "工作人员回复：已为您登记。")
        statements.clear()
        reply = client.post("/api/chat", json={"text": "人才公寓今年建了多少套"}).json["reply"]
        assert reply.startswith("工作人员回复：已为您登记。\n\n") and "424套" in reply
        assert statements == ["SELECT", "SELECT", "UPDATE"]  # the look, then taking them (rows, delivered)
    finally:
        event.remove(engine, "connect", trace)
        engine.dispose()


def test_the_replies_name_the_deployments_place_assistant_and_topics(shipped_index, shipped_kb, sqlite_template,
                                                                        tmp_path):
    """The district, the assistant's name and the topics come from config (dialogue.district,
    assistant_name, topics), not from the code: another office's deployment says its own."""
    from bot import create_app, messages
    from tests.conftest import app_overrides, fresh_sqlite

    fresh_sqlite(sqlite_template, tmp_path)
    words = {"district": "海陵", "assistant_name": "海陵人才小助手", "topics": "人才安居、就业见习"}
    other = create_app(app_overrides(shipped_index, tmp_path, dialogue=words), embedder=shipped_kb.embedder)
    try:
        client = other.test_client()
        assert "我是海陵人才小助手" in client.post("/api/chat", json={"text": "你好"}).json["reply"]
        assert "祝您在海陵一切顺利" in client.post("/api/chat", json={"text": "谢谢"}).json["reply"]
        assert "人才安居、就业见习等" in client.post("/api/chat", json={"text": "明天天气怎么样"}).json["reply"]
        assert "姜堰" not in messages.WELCOME and "{district}" not in messages.WELCOME
    finally:
        (tmp_path / "again").mkdir()
        fresh_sqlite(sqlite_template, tmp_path / "again")
        create_app(app_overrides(shipped_index, tmp_path / "again"), embedder=shipped_kb.embedder)
    assert "姜堰人才助手" in messages.GREETING  # the shipped config's words again
