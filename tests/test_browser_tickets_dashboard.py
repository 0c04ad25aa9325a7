"""The dashboard's charts and a ticket's work (assign, note, canned reply) in a real browser
(Playwright + Debian chromium), at laptop (1366px) and phone (375px) width, with screenshots."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import create_app
from bot.models import Ticket, utcnow
from tests.admin_helpers import browser_login, create_staff
from tests.conftest import app_overrides

CHART_IDS = ("chart-questions", "chart-answer-rate", "chart-top-questions", "chart-top-documents",
             "chart-feedback", "chart-ticket-response")

# True once every chart canvas shows pixels of its last dataset's own colour (bars or line drawn,
# not just axes); Chart.js animates, so this is waited for.
CHARTS_DRAWN = """(ids) => ids.every((id) => {
  const canvas = document.getElementById(id);
  const chart = canvas && Chart.getChart(canvas);
  if (!chart || canvas.width === 0) return false;
  const hex = chart.data.datasets.at(-1).backgroundColor;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let hits = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i] === r && px[i + 1] === g && px[i + 2] === b && px[i + 3] === 255) hits++;
  }
  return hits >= 10;
})"""


@pytest.fixture()
def app(shipped_index, shipped_kb, tmp_path):
    app = create_app(app_overrides(shipped_index, tmp_path), embedder=shipped_kb.embedder)
    create_staff(app, "agent1", "agent")
    create_staff(app, "agent2", "agent")
    return app


def _number(reply: str) -> str:
    return re.search(r"T\d{6}", reply).group(0)


def _no_horizontal_overflow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


@pytest.mark.parametrize("width", [1366, 375])
def test_dashboard_charts_and_working_a_ticket(app, live_server, browser, artifacts, width):
    base = live_server.url
    # Real traffic: questions answered (citing a document) and not, one ticket answered already.
    visitor = app.test_client()
    for q in ("人才公寓建了多少套", "驿站能免费住吗", "人才公寓建了多少套", "公积金怎么提取"):
        visitor.post("/api/chat", json={"text": q})
    rated = visitor.post("/api/chat", json={"text": "驿站能免费住吗"}).json["id"]
    assert visitor.post("/api/feedback", json={"id": rated, "value": "down"}).status_code == 200
    answered = _number(app.test_client().post("/api/chat", json={"text": "转人工 补贴什么时候发"}).json["reply"])
    with app.extensions["talent.db"]() as s:  # opened two hours ago, so its first response took that long
        ticket = s.scalar(select(Ticket).where(Ticket.number == answered))
        ticket.created_at = ticket.updated_at = utcnow() - timedelta(hours=2)
        s.commit()
    assert app.test_cli_runner().invoke(args=["tickets", "reply", answered, "下月发放。"]).exit_code == 0
    number = _number(visitor.post("/api/chat", json={"text": "转人工 我想咨询人才落户"}).json["reply"])
    visitor.get("/api/chat/updates")  # nothing pending for the visitor before staff act

    page = browser.new_page(viewport={"width": width, "height": 900})
    browser_login(page, base, "agent1")

    page.wait_for_function(CHARTS_DRAWN, arg=list(CHART_IDS), timeout=15000)
    assert page.locator("#charts canvas").count() == len(CHART_IDS)
    _no_horizontal_overflow(page)
    page.screenshot(path=str(artifacts / f"dashboard-charts-{width}.png"), full_page=True)
    page.click("#table-questions >> xpath=ancestor::details/summary")  # the numbers, without a chart
    assert page.locator("#table-questions").is_visible()

    page.goto(f"{base}/admin/tickets/{number}")
    page.click("#assign-me")
    page.wait_for_selector("text=已分配给 agent1")
    assert page.locator("#assignee").inner_text() == "agent1"
    page.fill("#note-text", "用户是应届硕士，先核对落户名额。")
    page.click("#add-note")
    note = page.locator("#thread .note")
    note.wait_for()
    assert "内部备注" in note.inner_text() and "核对落户名额" in note.inner_text()

    canned = app.config["SETTINGS"].tickets.canned_replies[1]
    page.select_option("#canned", label=canned.title)
    assert page.input_value("#reply-text") == canned.text  # filled at once, no reload
    assert page.locator("#use-canned").is_hidden()
    _no_horizontal_overflow(page)
    page.screenshot(path=str(artifacts / f"ticket-work-{width}.png"), full_page=True)
    page.click("#send-reply")
    page.wait_for_selector("text=已回复")
    assert visitor.get("/api/chat/updates").json["messages"] == [
        f"【工单{number}回复】{canned.text}\n（还有疑问直接回复我就行，我会转给工作人员。）"]

    page.goto(f"{base}/admin/tickets?owner=mine&status=all")
    assert page.locator("#tickets a").all_inner_texts() == [number]
    _no_horizontal_overflow(page)
    page.screenshot(path=str(artifacts / f"tickets-mine-{width}.png"), full_page=True)
    page.close()
