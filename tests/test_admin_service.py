"""Console pages for agents over HTTP: stations, calendar, bookings, CSV, tickets, dashboard; and migrations."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from bot import create_app
from tests.admin_helpers import create_staff, csrf_token, login
from tests.conftest import app_overrides, users_today

ANSWERS = {"age": "yes", "graduate": "yes", "purpose": "yes"}
NIGHT = users_today() + timedelta(days=2)


@pytest.fixture()
def app(index_copy, shipped_kb, tmp_path):
    app = create_app(app_overrides(index_copy, tmp_path), embedder=shipped_kb.embedder)  # a private index: station edits re-index 驿站预约须知
    create_staff(app, "agent1", "agent")
    return app


@pytest.fixture()
def agent(app):
    client = app.test_client()
    login(client, "agent1")
    return client


def _book(client, name="张三", phone="13800000000", nights=2):
    res = client.post("/api/bookings", json={"station": "jiangyan-main", "check_in": NIGHT.isoformat(),
                                             "nights": nights, "name": name, "phone": phone, "answers": ANSWERS})
    assert res.status_code == 201, res.json
    return res.json["booking"]["number"]


def test_add_and_edit_station_with_closed_dates(app, agent):
    token = csrf_token(agent, "/admin/stations")
    res = agent.post("/admin/stations", data={"csrf_token": token, "id": "town-1", "name": "白米镇驿站",
                                              "address": "白米镇", "beds": "4"})
    assert res.status_code == 302
    res = agent.post("/admin/stations/town-1", data={"csrf_token": token, "name": "白米镇青年人才驿站", "address": "白米镇",
                                                     "beds": "3", "closed_dates": NIGHT.isoformat(), "rules": "",
                                                     "active": "on"}, follow_redirects=True)
    assert "已保存" in res.get_data(as_text=True)
    stations = {s["id"]: s for s in app.test_client().get("/api/stations", query_string={
        "from": NIGHT.isoformat(), "days": 2}).json["stations"]}
    assert stations["town-1"]["beds"] == 3
    assert stations["town-1"]["free"][NIGHT.isoformat()] == 0  # closed that night
    bad = agent.post("/admin/stations/town-1", data={"csrf_token": token, "name": "x", "beds": "3",
                                                     "closed_dates": "明天"}, follow_redirects=True)
    assert "YYYY-MM-DD" in bad.get_data(as_text=True)


def test_a_refused_station_form_keeps_what_staff_typed_and_names_the_bad_date(app, agent):
    """One bad date among several: the page says which, the form still holds the beds and dates
    typed (nothing saved), and the add form keeps its fields too."""
    from html import unescape

    token = csrf_token(agent, "/admin/stations")
    res = agent.post("/admin/stations/qinhu", data={"csrf_token": token, "name": "溱湖驿站（新）", "address": "溱湖",
                                                    "beds": "9", "closed_dates": f"{NIGHT.isoformat()}\n2027-13-01",
                                                    "rules": "带身份证", "active": "on"})
    page = unescape(res.get_data(as_text=True))
    assert res.status_code == 400
    assert "“2027-13-01”不是有效日期" in page
    assert 'value="9"' in page and 'value="溱湖驿站（新）"' in page and f"{NIGHT.isoformat()}\n2027-13-01</textarea>" in page
    assert ">带身份证</textarea>" in page
    stations = {s["id"]: s for s in app.test_client().get("/api/stations").json["stations"]}
    assert stations["qinhu"]["beds"] == 6  # nothing saved

    res = agent.post("/admin/stations", data={"csrf_token": token, "id": "Bad ID", "name": "白米镇驿站",
                                              "address": "白米镇", "beds": "4"})
    page = unescape(res.get_data(as_text=True))
    assert res.status_code == 400 and "编号只能用小写字母" in page
    assert 'value="白米镇驿站"' in page and 'value="白米镇"' in page and 'value="4"' in page


def test_beds_cannot_drop_below_existing_bookings(app, agent):
    visitors = [app.test_client() for _ in range(3)]
    for i, v in enumerate(visitors):
        _book(v, name="用户" + "甲乙丙"[i], phone=f"1380000000{i}")
    token = csrf_token(agent, "/admin/stations")
    res = agent.post("/admin/stations/jiangyan-main", data={"csrf_token": token, "name": "总站", "beds": "2",
                                                            "closed_dates": "", "active": "on"}, follow_redirects=True)
    assert "床位数不能少于3" in res.get_data(as_text=True)


def test_calendar_detail_cancel_with_reason_and_csv(app, agent):
    visitor = app.test_client()
    number = _book(visitor)
    cal = agent.get(f"/admin/stations/jiangyan-main/calendar?month={NIGHT:%Y-%m}").get_data(as_text=True)
    assert number in cal and "张三" in cal
    detail = agent.get(f"/admin/bookings/{number}").get_data(as_text=True)
    assert "13800000000" in detail and "年龄是否在35周岁及以下" in detail
    token = csrf_token(agent, f"/admin/bookings/{number}")
    no_reason = agent.post(f"/admin/bookings/{number}/cancel", data={"csrf_token": token}, follow_redirects=True)
    assert "请填写取消原因" in no_reason.get_data(as_text=True)
    res = agent.post(f"/admin/bookings/{number}/cancel", data={"csrf_token": token, "reason": "驿站临时维修"},
                     follow_redirects=True)
    assert "已取消预约" in res.get_data(as_text=True)
    assert visitor.get("/api/bookings").json["bookings"][0]["status"] == "cancelled"
    notice = visitor.get("/api/chat/updates").json["messages"]
    assert notice and "驿站临时维修" in notice[0] and number in notice[0]

    res = agent.get("/admin/bookings.csv")
    assert res.mimetype == "text/csv" and res.headers["Content-Type"] == "text/csv; charset=utf-8"  # charset once
    raw = res.get_data()
    assert raw.startswith("\ufeff".encode("utf-8"))  # Excel needs the BOM for Chinese
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["预约编号", "驿站", "入住日期"]
    assert rows[1][0] == number and rows[1][6] == "已取消" and rows[1][8] == "驿站临时维修"


def test_ticket_queue_reply_close(app, agent):
    visitor = app.test_client()
    visitor.post("/api/chat", json={"text": "转人工 我想问落户的事"})
    queue = agent.get("/admin/tickets").get_data(as_text=True)
    assert "我想问落户的事" in queue
    number = queue.split('/admin/tickets/')[1].split('"')[0]
    page = agent.get(f"/admin/tickets/{number}").get_data(as_text=True)
    assert "我想问落户的事" in page and "开单前的对话" in page
    token = csrf_token(agent, f"/admin/tickets/{number}")
    agent.post(f"/admin/tickets/{number}/reply", data={"csrf_token": token, "text": "请带身份证到人才中心。"})
    assert "请带身份证到人才中心" in visitor.get("/api/chat/updates").json["messages"][0]
    # taken by the page's poll, it stays in the conversation: a reload shows it (staff test, session 24)
    assert "请带身份证到人才中心" in visitor.get("/chat").get_data(as_text=True)
    assert visitor.get("/api/chat/updates").json["messages"] == []  # delivered once
    assert "我想问落户的事" in agent.get("/admin/tickets?status=answered").get_data(as_text=True)
    agent.post(f"/admin/tickets/{number}/close", data={"csrf_token": token})
    assert "处理完毕并关闭" in visitor.get("/api/chat/updates").json["messages"][0]
    assert "我想问落户的事" not in agent.get("/admin/tickets?status=open").get_data(as_text=True)


def test_dashboard_counts(app, agent):
    visitor = app.test_client()
    for q in ("人才公寓建了多少套", "驿站能免费住吗", "公积金怎么提取"):
        visitor.post("/api/chat", json={"text": q})
    visitor.post("/api/chat", json={"text": "转人工 我有个落户的问题想咨询"})
    html = agent.get("/admin/").get_data(as_text=True)
    assert "今日咨询</div><div class=\"stat\">3<" in html.replace("\n", "")
    assert "回答率 67%" in html
    assert "待处理工单</div><div class=\"stat\">1<" in html.replace("\n", "")


def test_upgrade_from_the_first_schema_keeps_data(tmp_path):
    """An install at revision 0001 with data upgrades to head without losing it."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from bot.db import MIGRATIONS, make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO unanswered_questions (normalized, question, count, first_asked, last_asked, "
                          "handled) VALUES ('公积金', '公积金？', 7, '2026-01-01', '2026-01-02', 0)"))
        conn.commit()
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count FROM unanswered_questions")).scalar() == 7
        head = ScriptDirectory.from_config(cfg).get_current_head()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        conn.execute(text("SELECT * FROM bookings")).all()


def test_a_night_with_bookings_cannot_be_closed(app, agent):
    _book(app.test_client())
    token = csrf_token(agent, "/admin/stations")
    res = agent.post("/admin/stations/jiangyan-main", data={"csrf_token": token, "name": "总站", "beds": "10",
                                                            "closed_dates": NIGHT.isoformat(), "active": "on"},
                     follow_redirects=True)
    assert "请先在预约列表中取消这些预约" in res.get_data(as_text=True)
    station = app.test_client().get("/api/stations", query_string={"from": NIGHT.isoformat(), "days": 1}).json
    assert next(s for s in station["stations"] if s["id"] == "jiangyan-main")["free"][NIGHT.isoformat()] > 0


def test_tickets_show_who_to_call_back_when_the_user_has_booked(app, agent):
    """A ticket names the user's name and phone from their booking; an unknown user says so."""
    visitor = app.test_client()
    for text in ("我想明天去溱湖驿站住1晚", "是", "是", "是", "陈晨", "13912340000", "确认"):
        visitor.post("/api/chat", json={"text": text})
    number = visitor.post("/api/chat", json={"text": "转人工 驿站入住需要带什么证件"}).json["reply"].split("编号")[1][:7]
    stranger = app.test_client()
    other = stranger.post("/api/chat", json={"text": "转人工 人才公寓怎么申请呢"}).json["reply"].split("编号")[1][:7]

    page = agent.get(f"/admin/tickets/{number}").get_data(as_text=True)
    assert "联系人：陈晨" in page and "13912340000" in page
    assert "联系人未知" in agent.get(f"/admin/tickets/{other}").get_data(as_text=True)
    listing = agent.get("/admin/tickets").get_data(as_text=True)
    assert "陈晨 13912340000" in listing
