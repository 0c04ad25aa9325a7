"""Service tickets end to end: opened in chat (web and encrypted WeChat), answered by staff, closed."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import create_app
from bot.models import Ticket, TicketMessage
from tests.conftest import app_overrides
from tests.wx import WeChatSim, text_xml


def _chat(client, *texts) -> list[str]:
    return [client.post("/api/chat", json={"text": t}).json["reply"] for t in texts]


def _tickets(app) -> list[Ticket]:
    with app.extensions["talent.db"]() as s:
        return s.scalars(select(Ticket).order_by(Ticket.id)).all()


def test_accepting_the_offer_after_an_unanswered_question(app, client):
    replies = _chat(client, "公积金怎么提取", "好的")
    assert "转人工" in replies[0]
    assert "已为您登记工单" in replies[1]
    [ticket] = _tickets(app)
    assert ticket.text == "公积金怎么提取" and ticket.status == "open"
    assert ticket.number in replies[1]
    assert [m["direction"] for m in ticket.context][:2] == ["in", "out"]  # the conversation is attached
    assert "公积金怎么提取" in ticket.context[0]["text"]


def test_keyword_with_text_and_keyword_then_description(app, client):
    assert "已为您登记工单" in _chat(client, "转人工 想问问人才落户的材料")[0]
    replies = _chat(client, "我要咨询", "博士安家补贴什么时候发")
    assert "描述您的问题" in replies[0] and "已为您登记工单" in replies[1]
    assert [t.text for t in _tickets(app)] == ["想问问人才落户的材料", "博士安家补贴什么时候发"]


def test_cancel_out_of_the_description_prompt(app, client):
    replies = _chat(client, "转人工", "取消", "人才公寓建了多少套")
    assert "已退出" in replies[1] and "424套" in replies[2]
    assert _tickets(app) == []


def test_status_reply_and_close_reach_a_web_user(app, client):
    _chat(client, "转人工 人才公寓怎么申请")
    number = _tickets(app)[0].number
    assert "待处理" in _chat(client, "我的工单")[0]
    runner = app.test_cli_runner()
    res = runner.invoke(args=["tickets", "reply", number, "请到区人才服务中心提交申请。", "--staff", "小王"])
    assert res.exit_code == 0 and "queued for the chat" in res.output
    assert client.get("/api/chat/updates").json["messages"] == [f"【工单{number}回复】请到区人才服务中心提交申请。"]
    status = _chat(client, "工单进度")[0]
    assert "已回复" in status and "请到区人才服务中心提交申请" in status
    res = runner.invoke(args=["tickets", "close", number, "--reason", "已答复"])
    assert res.exit_code == 0
    assert "已处理完毕并关闭" in client.get("/api/chat/updates").json["messages"][0]
    show = runner.invoke(args=["tickets", "show", number])
    assert "staff:小王: 请到区人才服务中心提交申请。" in show.output


def test_cli_errors(app):
    runner = app.test_cli_runner()
    res = runner.invoke(args=["tickets", "reply", "T000000", "x"])
    assert res.exit_code == 1 and "没有找到工单T000000" in res.output
    res = runner.invoke(args=["tickets", "close", "T000000"])
    assert res.exit_code == 1
    client = app.test_client()
    _chat(client, "转人工 问题")
    number = _tickets(app)[0].number
    runner.invoke(args=["tickets", "close", number])
    res = runner.invoke(args=["tickets", "reply", number, "晚了"])
    assert res.exit_code == 1 and "已关闭" in res.output
    assert "1 tickets" in runner.invoke(args=["tickets", "list", "--status", "closed"]).output


def test_wechat_ticket_and_staff_reply_through_customer_service_api(shipped_index, tmp_path, fake_wechat_api):
    app = create_app(app_overrides(shipped_index, tmp_path, wechat={"api_base_url": fake_wechat_api.url}))
    wx = WeChatSim(app.test_client())
    assert "已为您登记工单" in wx.say("o_ticket", "转人工 我想了解落户政策")
    number = _tickets(app)[0].number
    res = app.test_cli_runner().invoke(args=["tickets", "reply", number, "落户政策请见区政府网站。"])
    assert "sent through WeChat" in res.output
    assert fake_wechat_api.sent == [{"token": "TOKEN-1", "touser": "o_ticket", "msgtype": "text",
                                     "text": {"content": f"【工单{number}回复】落户政策请见区政府网站。"}}]


def test_retried_wechat_message_opens_one_ticket(app, client):
    wx = WeChatSim(client)
    xml = text_xml("o_retry_ticket", "转人工 驿站能住几天", msg_id=424242)
    first = wx.reply(wx.post(xml))["Content"]
    second = wx.reply(wx.post(xml))["Content"]
    third = wx.reply(wx.post(xml))["Content"]
    assert first == second == third and "已为您登记工单" in first
    with app.extensions["talent.db"]() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
        assert s.scalar(select(func.count()).select_from(TicketMessage)) == 1
