"""The conversation log in the console (对话记录) over HTTP: filters, one conversation, the CSV
export (BOM, masked phones, pseudonyms), the dashboard's 👎 number, and retention through
``flask --app bot log prune`` and a worker's own pruning."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot import create_app
from bot.dates import local_today
from bot.models import MessageLog, utcnow
from tests.admin_helpers import create_staff, login
from tests.conftest import app_overrides

PHONE = "13812345678"
REPORT = "2023年姜堰区人才工作综述"


@pytest.fixture()
def logged(app):
    return _seed(app)


def _seed(app):
    """Two web visitors' conversations through the real chat API, one 👎, one standard answer."""
    create_staff(app, "editor1", "editor")
    create_staff(app, "agent1", "agent")
    res = app.test_cli_runner().invoke(args=["faq", "add", "驿站可以带宠物吗", "驿站内不允许携带宠物，请谅解。"])
    assert res.exit_code == 0, res.output
    first = app.test_client()
    turns = {"found": first.post("/api/chat", json={"text": "人才公寓有多少套"}).json["id"],
             "faq": first.post("/api/chat", json={"text": "驿站能带宠物吗"}).json["id"],
             "missing": first.post("/api/chat", json={"text": "公积金怎么提取"}).json["id"]}
    assert first.post("/api/feedback", json={"id": turns["found"], "value": "down"}).status_code == 200
    second = app.test_client()
    turns["phone"] = second.post("/api/chat", json={"text": f"我的手机是{PHONE}，人才公寓有多少套"}).json["id"]
    app.turns = turns
    return app


def _staff(app, name: str = "editor1"):
    client = app.test_client()
    assert login(client, name).status_code == 302
    return client


def _shown(client, **args) -> list[str]:
    res = client.get("/admin/log", query_string=args)
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    return re.findall(r'<tr data-turn="([0-9a-f]*)"', html)


def test_the_log_needs_a_staff_login(logged):
    for path in ("/admin/log", "/admin/log.csv", f"/admin/log/{logged.turns['found']}"):
        res = logged.test_client().get(path)
        assert res.status_code == 302 and "/admin/login" in res.headers["Location"], path


def test_filters(logged):
    client, t = _staff(logged), logged.turns
    assert set(_shown(client)) == set(t.values())
    assert _shown(client, down=1) == [t["found"]]
    assert _shown(client, notfound=1) == [t["missing"]]
    assert _shown(client, faq=1) == [t["faq"]]
    assert set(_shown(client, doc=REPORT)) == {t["found"], t["phone"]}
    assert _shown(client, doc="标准问答") == [t["faq"]]
    assert _shown(client, doc="人才工作") == []  # a title, not a fragment of one
    assert set(_shown(client, channel="web")) == set(t.values()) and _shown(client, channel="wechat") == []
    today = local_today(logged.config["SETTINGS"].booking.timezone)
    assert set(_shown(client, **{"from": today.isoformat(), "to": today.isoformat()})) == set(t.values())
    assert _shown(client, **{"from": (today + timedelta(days=1)).isoformat()}) == []
    assert _shown(client, to=(today - timedelta(days=1)).isoformat()) == []
    assert _shown(client, down=1, notfound=1) == []  # filters combine


def test_rows_show_pseudonyms_masked_phones_and_write_a_standard_answer(logged):
    html = _staff(logged).get("/admin/log").get_data(as_text=True)
    with logged.extensions["talent.db"]() as s:
        user_keys = set(s.scalars(select(MessageLog.user_key)))
    assert len(user_keys) == 2 and not any(k in html for k in user_keys)
    assert len(set(re.findall(r'<td class="mono">(U[0-9a-f]{8})</td>', html))) == 2
    assert PHONE not in html and "138****5678" in html
    assert "/admin/faq?question=%E5%85%AC%E7%A7%AF%E9%87%91" in html  # 写标准答案 for 公积金怎么提取
    agent_html = _staff(logged, "agent1").get("/admin/log").get_data(as_text=True)
    assert "公积金怎么提取" in agent_html and "写标准答案" not in agent_html  # agents read; editors write answers


def test_one_conversation_opened_in_full(logged):
    client, t = _staff(logged), logged.turns
    html = client.get(f"/admin/log/{t['missing']}").get_data(as_text=True)
    for text in ("人才公寓有多少套", "驿站能带宠物吗", "驿站内不允许携带宠物", "公积金怎么提取", "👎"):
        assert text in html, text
    assert PHONE[:3] + "****" not in html  # the other visitor's turns are not here
    assert html.count('class="turn user') == 3 and html.count('class="turn bot') == 3
    other = client.get(f"/admin/log/{t['phone']}").get_data(as_text=True)
    assert "138****5678" in other and PHONE not in other and "公积金" not in other
    assert client.get("/admin/log/0000000000000000").status_code == 404


def test_csv_export_of_the_filtered_rows(logged):
    client = _staff(logged)
    res = client.get("/admin/log.csv")
    assert res.status_code == 200 and res.mimetype == "text/csv"
    assert res.data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese as UTF-8
    rows = list(csv.reader(io.StringIO(res.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["时间", "渠道", "用户", "问题", "回复"] and len(rows) == 5
    assert PHONE not in res.data.decode("utf-8-sig")
    assert any(r[3] == "我的手机是138****5678，人才公寓有多少套" for r in rows[1:])
    down = list(csv.reader(io.StringIO(client.get("/admin/log.csv?down=1").data.decode("utf-8-sig"))))
    assert len(down) == 2 and down[1][3] == "人才公寓有多少套" and down[1][5] == REPORT and down[1][8] == "👎 差评"
    faq_rows = list(csv.reader(io.StringIO(client.get("/admin/log.csv?faq=1").data.decode("utf-8-sig"))))
    assert len(faq_rows) == 2 and faq_rows[1][7].isdigit()


def test_dashboard_counts_the_answers_rated_down(logged):
    html = _staff(logged).get("/admin/").get_data(as_text=True)
    card = re.search(r'id="feedback-down".*?<div class="stat">(\d+)</div>', html, re.S)
    assert card and card.group(1) == "1"
    assert "/admin/log?down=1" in html


def _age(app, turn_ids: list[str], days: int) -> None:
    with app.extensions["talent.db"]() as s:
        s.execute(update(MessageLog).where(MessageLog.turn_id.in_(turn_ids))
                  .values(created_at=utcnow() - timedelta(days=days)))
        s.commit()


def _turns_left(app) -> set[str]:
    with app.extensions["talent.db"]() as s:
        return set(s.scalars(select(MessageLog.turn_id)))


def test_prune_through_the_cli_deletes_what_is_older_than_the_retention(logged):
    t = logged.turns
    _age(logged, [t["found"], t["faq"]], 200)
    _age(logged, [t["missing"]], 170)
    res = logged.test_cli_runner().invoke(args=["log", "prune"])
    assert res.exit_code == 0 and res.output.strip() == "4 messages older than 180 days deleted", res.output
    assert _turns_left(logged) == {t["missing"], t["phone"]}
    res = logged.test_cli_runner().invoke(args=["log", "prune", "--days", "30"])
    assert res.exit_code == 0 and res.output.startswith("2 messages"), res.output
    assert _turns_left(logged) == {t["phone"]}


def test_a_worker_prunes_with_its_first_message(logged, shipped_index, shipped_kb, tmp_path):
    """Workers keep the log within log.retention_days by themselves: at their first message, then hourly."""
    t = logged.turns
    _age(logged, [t["found"]], 31)
    worker = create_app(app_overrides(shipped_index, tmp_path, log={"retention_days": 30}), embedder=shipped_kb.embedder)
    turn = worker.test_client().post("/api/chat", json={"text": "你好"})
    assert turn.status_code == 200
    left = _turns_left(logged)
    assert t["found"] not in left and t["faq"] in left


def test_filters_export_and_prune_on_postgresql(pg_url, shipped_index, shipped_kb, tmp_path):
    """The same log on PostgreSQL: its migration, the filters' SQL, ratings and pruning."""
    app = _seed(create_app(app_overrides(shipped_index, tmp_path, database={"url": pg_url}),
                           embedder=shipped_kb.embedder))
    client, t = _staff(app), app.turns
    assert _shown(client, down=1) == [t["found"]] and _shown(client, faq=1) == [t["faq"]]
    assert set(_shown(client, doc=REPORT)) == {t["found"], t["phone"]} and _shown(client, notfound=1) == [t["missing"]]
    assert PHONE not in client.get("/admin/log.csv").data.decode("utf-8-sig")
    _age(app, [t["found"]], 200)
    res = app.test_cli_runner().invoke(args=["log", "prune"])
    assert res.exit_code == 0 and res.output.startswith("2 messages"), res.output
    app.extensions["talent.db"].kw["bind"].dispose()  # let the fixture drop the database
