"""Working on tickets in the console over HTTP: assignment, internal notes (never the user's),
canned replies from config, search, and how long each ticket has waited."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import create_app, messages
from bot.models import AuditEntry, PendingDelivery, Staff, Ticket, utcnow
from bot.tickets import duration_text
from core.config import load_config
from core.errors import ConfigError
from tests.admin_helpers import create_staff, csrf_token, login
from tests.conftest import app_overrides
from tests.wx import WeChatSim

CANNED = [{"title": "已收到", "text": "您好，问题已收到，我们正在核实。"},
          {"title": "请来窗口", "text": "请携带身份证到区人才服务中心窗口办理。"}]


@pytest.fixture()
def app(shipped_index, shipped_kb, tmp_path, fake_wechat_api):
    app = create_app(app_overrides(shipped_index, tmp_path, wechat={"api_base_url": fake_wechat_api.url},
                                   tickets={"canned_replies": CANNED}), embedder=shipped_kb.embedder)
    for name, role in (("agent1", "agent"), ("agent2", "agent"), ("editor1", "editor"), ("boss", "admin")):
        create_staff(app, name, role)
    return app


@pytest.fixture()
def agent(app):
    client = app.test_client()
    login(client, "agent1")
    return client


def _open(client, text: str) -> str:
    reply = client.post("/api/chat", json={"text": f"转人工 {text}"}).json["reply"]
    return re.search(r"T\d{6}", reply).group(0)


def _staff_id(app, name: str) -> int:
    with app.extensions["talent.db"]() as s:
        return s.scalar(select(Staff.id).where(Staff.name == name))


def _post(client, number: str, action: str, **data):
    data["csrf_token"] = csrf_token(client, f"/admin/tickets/{number}")
    return client.post(f"/admin/tickets/{number}/{action}", data=data, follow_redirects=True)


def _listed(client, **params) -> set[str]:
    html = client.get("/admin/tickets", query_string=params).get_data(as_text=True)
    return set(re.findall(r"/admin/tickets/(T\d{6})", html))


def test_assign_to_me_to_a_colleague_and_filter_mine_and_unassigned(app, agent):
    mine, theirs, nobodys = (_open(app.test_client(), t) for t in ("落户怎么办理", "人才公寓怎么申请", "补贴何时发放"))
    page = _post(agent, mine, "assign", assignee=str(_staff_id(app, "agent1"))).get_data(as_text=True)
    assert messages.TICKET_ASSIGNED.format(name="agent1") in page
    assert re.search(r'<p id="assignee">agent1</p>', page)
    _post(agent, theirs, "assign", assignee=str(_staff_id(app, "agent2")))

    assert _listed(agent, owner="mine") == {mine}
    assert _listed(agent, owner="unassigned") == {nobodys}
    assert _listed(agent) == {mine, theirs, nobodys}
    # The select offers active agents and admins, not editors.
    picker = agent.get(f"/admin/tickets/{nobodys}").get_data(as_text=True).split('id="assignee-select"')[1]
    options = re.findall(r'<option value="\d+"[^>]*>(\w+)</option>', picker.split("</select>")[0])
    assert options == ["agent1", "agent2", "boss"]

    # An editor cannot be given a ticket; unassigning works.
    page = _post(agent, theirs, "assign", assignee=str(_staff_id(app, "editor1"))).get_data(as_text=True)
    assert messages.TICKET_ASSIGNEE_INVALID in page
    assert _post(agent, mine, "assign", assignee="").status_code == 200
    assert _listed(agent, owner="mine") == set()
    assert _listed(agent, owner="unassigned") == {mine, nobodys}
    with app.extensions["talent.db"]() as s:
        audit = [(a.actor, a.target, a.detail) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "ticket.assign").order_by(AuditEntry.id))]
    assert audit == [("staff:agent1", mine, {"old": None, "new": "agent1"}),
                     ("staff:agent1", theirs, {"old": None, "new": "agent2"}),
                     ("staff:agent1", mine, {"old": "agent1", "new": None})]


def test_a_disabled_account_cannot_be_assigned(app, agent):
    number = _open(app.test_client(), "落户怎么办理")
    boss = app.test_client()
    login(boss, "boss")
    boss.post(f"/admin/staff/{_staff_id(app, 'agent2')}/toggle",
              data={"csrf_token": csrf_token(boss, "/admin/staff")})
    page = _post(agent, number, "assign", assignee=str(_staff_id(app, "agent2"))).get_data(as_text=True)
    assert messages.TICKET_ASSIGNEE_INVALID in page and "agent2</option>" not in page


def test_an_internal_note_never_reaches_the_user(app, agent, fake_wechat_api):
    web = app.test_client()
    web_number = _open(web, "落户需要哪些材料")
    wx = WeChatSim(app.test_client())
    wx_number = re.search(r"T\d{6}", wx.say("o_note_user", "转人工 人才公寓租金多少")).group(0)

    for number in (web_number, wx_number):
        page = _post(agent, number, "note", text="用户是去年的博士，先问人社局确认。").get_data(as_text=True)
        assert messages.TICKET_NOTE_ADDED in page
        thread = page.split('id="thread"')[1].split("</div>\n</div>")[0]
        assert '<div class="note"><b>内部备注 · agent1</b>' in thread and "先问人社局确认" in thread
        assert '<span class="tag open">待处理</span>' in page  # a note is not an answer

    # Nothing was sent or queued for either user, and their own view of the ticket has no note.
    assert fake_wechat_api.sent == []
    assert web.get("/api/chat/updates").json["messages"] == []
    with app.extensions["talent.db"]() as s:
        assert s.scalars(select(PendingDelivery)).all() == []
    assert "人社局" not in web.post("/api/chat", json={"text": "我的工单"}).json["reply"]
    assert "人社局" not in wx.say("o_note_user", "我的工单")

    # After a real reply, "我的工单" shows the reply, still never the note.
    _post(agent, web_number, "reply", text="请带身份证和毕业证。")
    status = web.post("/api/chat", json={"text": "我的工单"}).json["reply"]
    assert "请带身份证和毕业证" in status and "人社局" not in status
    assert [m for m in web.get("/api/chat/updates").json["messages"] if "人社局" in m] == []
    with app.extensions["talent.db"]() as s:
        notes = s.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.note")).all()
        assert sorted(a.target for a in notes) == sorted([web_number, wx_number])
    # The CLI shows it, marked as internal.
    shown = app.test_cli_runner().invoke(args=["tickets", "show", web_number]).output
    assert "staff:agent1 (internal note): 用户是去年的博士" in shown


def test_an_empty_note_is_refused(app, agent):
    number = _open(app.test_client(), "落户怎么办理")
    assert messages.TICKET_NOTE_EMPTY in _post(agent, number, "note", text="  ").get_data(as_text=True)


def test_canned_replies_fill_the_reply_box_and_reach_the_user(app, agent):
    web = app.test_client()
    number = _open(web, "落户需要哪些材料")
    page = agent.get(f"/admin/tickets/{number}").get_data(as_text=True)
    assert '<option value="1" data-text="请携带身份证到区人才服务中心窗口办理。" >请来窗口</option>' in page
    assert re.search(r'<textarea name="text" id="reply-text"[^>]*></textarea>', page)
    # Without JavaScript, 填入 reloads the page with the text in the box.
    page = agent.get(f"/admin/tickets/{number}?canned=1").get_data(as_text=True)
    assert re.search(r'id="reply-text"[^>]*>请携带身份证到区人才服务中心窗口办理。</textarea>', page)
    assert re.search(r'id="reply-text"[^>]*></textarea>', agent.get(f"/admin/tickets/{number}?canned=9")
                     .get_data(as_text=True))
    _post(agent, number, "reply", text=CANNED[1]["text"])
    assert web.get("/api/chat/updates").json["messages"] == [
        messages.TICKET_REPLY.format(number=number, text=CANNED[1]["text"])]


@pytest.mark.parametrize("canned, error", [
    ([{"title": "已收到"}], r"tickets\.canned_replies\.0\.text: Field required"),
    ([{"title": "已收到", "text": "好", "body": "x"}], r"tickets\.canned_replies\.0\.body: unknown key"),
    ([{"title": "", "text": "好"}], r"tickets\.canned_replies\.0\.title"),
    ([{"title": "已收到", "text": "长" * 2001}], r"tickets\.canned_replies\.0\.text"),
    ([{"title": "已收到", "text": "好"}, {"title": "已收到", "text": "好的"}], r"'已收到' is used twice"),
])
def test_canned_reply_config_is_validated(canned, error):
    with pytest.raises(ConfigError, match=error):
        load_config(overrides={"tickets": {"canned_replies": canned}})


def test_shipped_canned_replies_are_valid():
    assert len(load_config().tickets.canned_replies) >= 1


@pytest.fixture()
def pg_agent(shipped_index, shipped_kb, tmp_path, pg_url):
    app = create_app(app_overrides(shipped_index, tmp_path, database={"url": pg_url}), embedder=shipped_kb.embedder)
    create_staff(app, "agent1", "agent")
    client = app.test_client()
    login(client, "agent1")
    return app, client


def test_search_on_postgresql(pg_agent):
    test_search_by_number_text_name_and_phone(*pg_agent)


def test_search_by_number_text_name_and_phone(app, agent):
    booker = app.test_client()
    for text in ("我想明天去溱湖驿站住1晚", "是", "是", "是", "陈晨", "13912340000", "确认"):
        booker.post("/api/chat", json={"text": text})
    booked = _open(booker, "驿站入住需要带什么证件")
    other = _open(app.test_client(), "人才公寓租金怎么算")
    booker.post("/api/chat", json={"text": f"补充工单 {booked} 我大概晚上十点到"})
    _post(agent, other, "close")

    assert _listed(agent, q=booked.lower()) == {booked}
    assert _listed(agent, q="陈晨") == {booked}
    assert _listed(agent, q="1391234") == {booked}
    assert _listed(agent, q="晚上十点") == {booked}           # a follow-up message in the thread
    assert _listed(agent, q="租金") == {other}                # closed tickets are searched too
    assert _listed(agent, q="租金", status="open") == set()
    assert _listed(agent, q="100%") == set()                  # LIKE wildcards are plain text
    assert "没有找到匹配的工单" in agent.get("/admin/tickets?q=公积金").get_data(as_text=True)


def _age(app, number: str, hours: float) -> None:
    """Move a ticket's opening back in time, as if the user had asked ``hours`` ago."""
    with app.extensions["talent.db"]() as s:
        t = s.scalar(select(Ticket).where(Ticket.number == number))
        t.created_at = t.updated_at = utcnow() - timedelta(hours=hours)
        s.commit()


def test_time_open_and_first_response_time(app, agent):
    waiting, answered, dropped = (_open(app.test_client(), t) for t in ("落户怎么办理", "人才公寓怎么申请", "补贴何时发放"))
    _age(app, waiting, 3.5)
    _age(app, answered, 5.2)
    _age(app, dropped, 50)
    _post(agent, answered, "reply", text="请到窗口申请。")
    _post(agent, dropped, "close")

    def row(number: str) -> str:
        html = agent.get("/admin/tickets?status=all").get_data(as_text=True)
        return html.split(f"/admin/tickets/{number}")[1].split("</tr>")[0]

    assert '<td class="waited warn" data-label="时长">已等待3小时</td>' in row(waiting)
    assert '<td class="waited" data-label="时长">首次回复用时5小时</td>' in row(answered)
    assert '<td class="waited" data-label="时长">未回复即关闭</td>' in row(dropped)
    assert '<span id="time-open">首次回复用时5小时</span>' in agent.get(f"/admin/tickets/{answered}").get_data(
        as_text=True)
    # A note is not a response: the waiting ticket still waits, and its time is unchanged.
    _post(agent, waiting, "note", text="明天回电")
    assert '<td class="waited warn" data-label="时长">已等待3小时</td>' in row(waiting)


@pytest.mark.parametrize("seconds, text", [(0, "1分钟"), (59 * 60, "59分钟"), (3600, "1小时"),
                                           (47 * 3600 + 3599, "47小时"), (48 * 3600, "2天"), (10 * 86400, "10天")])
def test_duration_text(seconds, text):
    assert duration_text(seconds) == text
