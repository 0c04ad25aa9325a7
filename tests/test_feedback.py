"""Feedback on answers: 👍/👎 from the web chat (only on one's own answers, a new rating
replaces the old) and "没用" typed in WeChat right after an answer, through the encrypted
webhook: 👎 recorded, a person offered, no ticket until the user says yes."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.models import MessageLog, Ticket
from tests.wx import WeChatSim


def _answer_row(app, turn_id: str) -> MessageLog:
    with app.extensions["talent.db"]() as s:
        return s.scalars(select(MessageLog).where(MessageLog.turn_id == turn_id,
                                                  MessageLog.direction == "out")).one()


def _tickets(app) -> int:
    with app.extensions["talent.db"]() as s:
        return s.scalar(select(func.count()).select_from(Ticket))


def test_an_answer_carries_an_id_its_sources_and_the_question(app, client):
    body = client.post("/api/chat", json={"text": "人才公寓今年建了多少套"}).json
    row = _answer_row(app, body["id"])
    assert row.found is True and row.sources == "2023年姜堰区人才工作综述" and row.faq_id is None
    assert row.channel == "web" and row.feedback is None
    with app.extensions["talent.db"]() as s:
        asked = s.scalar(select(MessageLog.text).where(MessageLog.turn_id == body["id"], MessageLog.direction == "in"))
    assert asked == "人才公寓今年建了多少套"
    assert "id" not in client.post("/api/chat", json={"text": "你好"}).json  # a greeting is not an answer to rate


def test_feedback_on_ones_own_answer_and_rating_again_replaces_it(app, client):
    answer_id = client.post("/api/chat", json={"text": "驿站能免费住吗"}).json["id"]
    res = client.post("/api/feedback", json={"id": answer_id, "value": "up"})
    assert res.status_code == 200 and res.json == {"id": answer_id, "value": "up"}
    assert _answer_row(app, answer_id).feedback == "up"
    assert client.post("/api/feedback", json={"id": answer_id, "value": "down"}).status_code == 200
    assert _answer_row(app, answer_id).feedback == "down"
    # Shown again after a reload: the page's history carries the id and the rating.
    html = client.get("/chat").get_data(as_text=True)
    assert f'data-id="{answer_id}"' in html and 'data-feedback="down"' in html


def test_nobody_rates_another_visitors_answer(app, client):
    answer_id = client.post("/api/chat", json={"text": "驿站能免费住吗"}).json["id"]
    stranger = app.test_client()
    stranger.post("/api/chat", json={"text": "你好"})  # a visitor with a cookie of their own
    assert stranger.post("/api/feedback", json={"id": answer_id, "value": "down"}).status_code == 404
    assert app.test_client().post("/api/feedback", json={"id": answer_id, "value": "down"}).status_code == 404
    assert _answer_row(app, answer_id).feedback is None


def test_bad_feedback_requests(client):
    answer_id = client.post("/api/chat", json={"text": "驿站能免费住吗"}).json["id"]
    assert client.post("/api/feedback", json={"id": answer_id, "value": "meh"}).status_code == 400
    assert client.post("/api/feedback", json={"value": "up"}).status_code == 400
    assert client.post("/api/feedback", data="x", content_type="application/json").status_code == 400
    assert client.post("/api/feedback", json={"id": "0" * 16, "value": "up"}).status_code == 404


def test_wechat_no_use_records_down_and_offers_a_person_without_a_ticket(app, client):
    wx = WeChatSim(client)
    answer = wx.say("o_unhappy", "人才公寓有多少套")
    assert "424套" in answer
    reply = wx.say("o_unhappy", "没用")
    assert "转给工作人员" in reply and "工单" not in reply
    assert _tickets(app) == 0  # offered, never opened by itself
    assert "已为您登记工单" not in wx.say("o_unhappy", "收到")  # an acknowledgement is not a yes
    assert _tickets(app) == 0
    wx.say("o_unhappy", "人才公寓有多少套")
    assert "转给工作人员" in wx.say("o_unhappy", "不对")
    with app.extensions["talent.db"]() as s:
        rated = s.scalars(select(MessageLog).where(MessageLog.user_key == "wx:o_unhappy",
                                                   MessageLog.feedback.is_not(None))).all()
    assert [(r.intent, r.feedback, r.channel) for r in rated] == [("policy", "down", "wechat")] * 2
    assert "已为您登记工单" in wx.say("o_unhappy", "是")  # the yes to the offer opens it, with the question
    with app.extensions["talent.db"]() as s:
        ticket = s.scalars(select(Ticket)).one()
    assert ticket.text == "人才公寓有多少套"


def test_wechat_no_use_with_no_answer_before_it_rates_nothing(app, client):
    wx = WeChatSim(client)
    wx.say("o_first", "你好")
    reply = wx.say("o_first", "答错了")
    assert "换个说法" in reply
    with app.extensions["talent.db"]() as s:
        assert s.scalar(select(func.count()).select_from(MessageLog).where(MessageLog.feedback.is_not(None))) == 0
    assert "工单" not in wx.say("o_first", "是")  # nothing was offered: a "是" opens nothing
    assert _tickets(app) == 0


def test_an_answer_from_the_ask_api_is_logged_on_its_channel(app, client):
    client.post("/api/ask", json={"question": "人才公寓有多少套"})
    with app.extensions["talent.db"]() as s:
        row = s.scalars(select(MessageLog).where(MessageLog.channel == "api", MessageLog.direction == "out")).one()
    assert row.found and row.sources == "2023年姜堰区人才工作综述" and row.turn_id
