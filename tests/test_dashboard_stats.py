"""The dashboard's numbers (bot.stats) on real rows, in SQLite and PostgreSQL, and the page
that shows them as charts with the same numbers in tables."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest

from bot import create_app, stats
from bot.models import MessageLog, Ticket, TicketMessage, User
from tests.admin_helpers import create_staff, login
from tests.conftest import app_overrides

ZONE = "Asia/Shanghai"
NOW = datetime(2026, 12, 4, 10, 0)  # UTC: 18:00 in Shanghai, on 12-04
SOURCE = "（来源：《{}》·一、总体要求）"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, shipped_index, shipped_kb, tmp_path):
    sections = {"database": {"url": request.getfixturevalue("pg_url")}} if request.param == "postgresql" else {}
    app = create_app(app_overrides(shipped_index, tmp_path, **sections), embedder=shipped_kb.embedder)
    with app.extensions["talent.db"]() as s:
        yield s


def _log(s, when: datetime, direction: str, text: str, intent: str = "policy", found: bool | None = None,
         sources: str | None = None):
    s.add(MessageLog(user_key="web:u1", channel="web", direction=direction, text=text, intent=intent, found=found,
                     created_at=when, sources=sources))


def _qa(s, when: datetime, question: str, answer: str, found: bool):
    """A question and its answer as the engine logs them: the cited title in ``sources`` too."""
    cited = re.search(r"《(.+?)》", answer)
    _log(s, when, "in", question)
    _log(s, when + timedelta(microseconds=1), "out", answer, found=found, sources=cited.group(1) if cited else None)


def test_questions_and_answer_rate_per_local_day(db):
    _qa(db, NOW - timedelta(hours=1), "人才公寓有多少套", "424套。" + SOURCE.format("人才综述"), True)
    _qa(db, NOW - timedelta(hours=2), "驿站能住几天", "7天。" + SOURCE.format("驿站须知"), True)
    _qa(db, NOW - timedelta(hours=3), "公积金怎么提取", "抱歉，没有找到。", False)
    _qa(db, datetime(2026, 12, 3, 17, 0), "驿站能住几天", "7天。", True)   # 01:00 on 12-04 in Shanghai
    _qa(db, datetime(2026, 12, 3, 15, 0), "驿站能住几天", "没有找到。", False)  # 23:00 on 12-03 in Shanghai
    _qa(db, NOW - timedelta(days=31), "很久以前", "答。", True)              # outside the 30 days
    _log(db, NOW, "out", "您好！", intent="greeting")                     # not a question
    db.commit()

    days = stats.questions_per_day(db, 30, ZONE, NOW)
    assert len(days) == 30 and days[0]["day"] == "2026-11-05" and days[-1]["day"] == "2026-12-04"
    assert days[-1] == {"day": "2026-12-04", "questions": 4, "answered": 3, "rate": 0.75}
    assert days[-2] == {"day": "2026-12-03", "questions": 1, "answered": 0, "rate": 0.0}
    assert days[-3] == {"day": "2026-12-02", "questions": 0, "answered": 0, "rate": None}
    assert sum(d["questions"] for d in days) == 5


def test_top_questions_and_cited_documents(db):
    for _ in range(3):
        _qa(db, NOW - timedelta(hours=1), "驿站能住几天", "7天。" + SOURCE.format("驿站须知"), True)
    for _ in range(2):
        _qa(db, NOW - timedelta(hours=2), "人才公寓有多少套", "424套。" + SOURCE.format("2023年姜堰区人才工作综述"), True)
    _qa(db, NOW - timedelta(hours=3), "公积金怎么提取", "没有找到。", False)
    _qa(db, NOW - timedelta(days=40), "去年的问题", "答。" + SOURCE.format("旧文件"), True)
    db.commit()

    assert stats.top_questions(db, 30, ZONE, now=NOW) == [
        {"question": "驿站能住几天", "count": 3}, {"question": "人才公寓有多少套", "count": 2},
        {"question": "公积金怎么提取", "count": 1}]
    assert stats.top_questions(db, 30, ZONE, limit=1, now=NOW) == [{"question": "驿站能住几天", "count": 3}]
    assert stats.top_documents(db, 30, ZONE, now=NOW) == [
        {"title": "驿站须知", "count": 3}, {"title": "2023年姜堰区人才工作综述", "count": 2}]


def test_ticket_first_response_median_per_day(db):
    user = User(user_key="web:u1", channel="web", created_at=NOW)
    db.add(user)
    db.flush()

    def ticket(number: str, opened: datetime, replies: list[tuple[int, bool]]):
        t = Ticket(number=number, user_id=user.id, text="问题", context=[], status="open", created_at=opened,
                   updated_at=opened)
        db.add(t)
        db.flush()
        db.add(TicketMessage(ticket_id=t.id, author="user", text="问题", created_at=opened))
        for minutes, internal in replies:
            db.add(TicketMessage(ticket_id=t.id, author="staff:a", text="答", internal=internal,
                                 created_at=opened + timedelta(minutes=minutes)))

    opened = NOW - timedelta(hours=6)
    ticket("T000001", opened, [(30, False), (200, False)])
    ticket("T000002", opened, [(5, True), (90, False)])    # the note at 5 minutes is not a response
    ticket("T000003", opened, [(120, False)])
    ticket("T000004", opened, [(1, True)])                 # only a note: not answered
    ticket("T000005", NOW - timedelta(days=2), [])
    db.commit()

    days = stats.ticket_response_per_day(db, 30, ZONE, NOW)
    assert days[-1] == {"day": "2026-12-04", "tickets": 4, "answered": 3, "median_minutes": 90.0}
    assert days[-3] == {"day": "2026-12-02", "tickets": 1, "answered": 0, "median_minutes": None}
    assert stats.dashboard_data(db, ZONE, now=NOW)["tickets"] == days


def test_the_dashboard_page_carries_the_numbers_as_json_and_tables(shipped_index, shipped_kb, tmp_path):
    app = create_app(app_overrides(shipped_index, tmp_path), embedder=shipped_kb.embedder)
    create_staff(app, "boss", "admin")
    visitor, rated = app.test_client(), None
    for q in ("人才公寓建了多少套", "人才公寓建了多少套", "公积金怎么提取"):
        rated = visitor.post("/api/chat", json={"text": q}).json.get("id") or rated
    assert visitor.post("/api/feedback", json={"id": rated, "value": "down"}).status_code == 200
    staff = app.test_client()
    login(staff, "boss")
    html = staff.get("/admin/").get_data(as_text=True)

    data = json.loads(re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>', html,
                                re.DOTALL).group(1))
    today = data["questions"][-1]
    assert (today["questions"], today["answered"]) == (3, 2)
    assert data["top_questions"][0] == {"question": "人才公寓建了多少套", "count": 2}
    assert data["top_documents"] == [{"title": "2023年姜堰区人才工作综述", "count": 2}]
    assert data["feedback"][-1] == {"day": today["day"], "up": 0, "down": 1}
    feedback = html.split('id="table-feedback"')[1].split("</table>")[0].replace("\n", "")
    assert f'<td>{today["day"]}</td><td class="num">0</td><td class="num">1</td>' in feedback
    # Without JavaScript: the same numbers in tables, and the vendored chart library, no CDN.
    table = html.split('id="table-questions"')[1].split("</table>")[0]
    assert f'<td>{today["day"]}</td><td class="num">3</td><td class="num">2</td>' in table.replace("\n", "")
    assert "<td>人才公寓建了多少套</td><td class=\"num\">2</td>" in html
    assert '/static/vendor/chartjs/chart.umd.min.js' in html and "cdn" not in html.lower()
    assert staff.get("/static/vendor/chartjs/chart.umd.min.js").status_code == 200


def test_today_on_the_dashboard_is_the_users_day(shipped_index, tmp_path):
    """A question at 23:59:59 in Shanghai is yesterday's, one at 00:00 today's, whatever the server's UTC date."""
    from datetime import UTC, time
    from zoneinfo import ZoneInfo

    from bot.dates import local_today

    app = create_app(app_overrides(shipped_index, tmp_path))
    create_staff(app, "boss", "admin")
    midnight = datetime.combine(local_today(ZONE), time(), tzinfo=ZoneInfo(ZONE)).astimezone(UTC).replace(tzinfo=None)
    with app.extensions["talent.db"]() as s:
        _qa(s, midnight - timedelta(seconds=1), "昨晚的问题", "答。", True)
        _qa(s, midnight, "今天的问题", "答。", True)
        s.commit()
    staff = app.test_client()
    login(staff, "boss")
    html = staff.get("/admin/").get_data(as_text=True).replace("\n", "")
    assert '今日咨询</div><div class="stat">1<' in html
