"""The staff console in a real browser (Playwright + Debian chromium) at laptop (1366 px) and
phone (375 px) widths: sessions end on the server (logout, a password change, an admin's
reset) even for a cookie copied beforehand, and every console page loads and fits the screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from bot.models import Booking, FaqEntry, MessageLog, Ticket
from tests.admin_helpers import PASSWORD, browser_login, create_staff
from tests.conftest import users_today

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 375, "height": 812}}
NEW_PASSWORD = "n3w-passw0rd-x"


@pytest.fixture()
def staffed(app):
    create_staff(app, "boss", "admin")
    create_staff(app, "editor1", "editor")
    return app


def _login(context, base: str, name: str, password: str = PASSWORD):
    page = context.new_page()
    browser_login(page, base, name, password)
    return page


def _fits(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"{page.url} scrolls sideways: {scroll} px wide on a {width} px screen"


def _with_cookie(browser, viewport, cookies):
    """A fresh browser (no history, no storage) holding only a copy of someone's cookies."""
    context = browser.new_context(viewport=viewport)
    context.add_cookies(cookies)
    return context


def _sent_to_login(browser, viewport, cookies, base: str, path: str) -> bool:
    context = _with_cookie(browser, viewport, cookies)
    page = context.new_page()
    page.goto(f"{base}{path}")
    sent = "/admin/login" in page.url and page.locator("#login").is_visible()
    context.close()
    return sent


@pytest.mark.parametrize("size", SIZES)
def test_logout_ends_the_session_even_for_a_copied_cookie(staffed, live_server, browser, artifacts, size):
    base, viewport = live_server.url, SIZES[size]
    context = browser.new_context(viewport=viewport)
    page = _login(context, base, "boss")
    copied = context.cookies()
    assert not _sent_to_login(browser, viewport, copied, base, "/admin/staff")  # the copy works while it lives

    page.click("header.top >> text=退出")
    page.wait_for_url(f"{base}/admin/login")
    page.screenshot(path=str(artifacts / f"logout-{size}.png"), full_page=True)
    assert _sent_to_login(browser, viewport, copied, base, "/admin/staff")
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_password_change_ends_the_accounts_other_sessions(staffed, live_server, browser, artifacts, size):
    """By the staff member on their own account (this session goes on), and by an admin's reset."""
    base, viewport = live_server.url, SIZES[size]
    here = browser.new_context(viewport=viewport)
    page = _login(here, base, "boss")
    elsewhere = browser.new_context(viewport=viewport)
    _login(elsewhere, base, "boss").close()
    copied = elsewhere.cookies()
    elsewhere.close()

    page.click("#own-account")
    page.fill("#password", PASSWORD)
    page.fill("#new_password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    _fits(page, viewport["width"])
    page.screenshot(path=str(artifacts / f"own-password-{size}.png"), full_page=True)
    page.click("#change-password")
    page.wait_for_selector(".flash.ok >> text=其他地方的登录都已失效")
    assert _sent_to_login(browser, viewport, copied, base, "/admin/staff")
    page.goto(f"{base}/admin/staff")  # this session goes on
    assert "/admin/staff" in page.url and page.locator("#accounts").is_visible()

    # The admin resets editor1's password: editor1's session, copied, is sent to the login.
    editor = browser.new_context(viewport=viewport)
    _login(editor, base, "editor1").close()
    editor_cookies = editor.cookies()
    row = page.locator("#accounts tr", has_text="editor1")
    row.locator("summary").click()
    row.locator("input[name=password]").fill("r3set-passw0rd")
    row.get_by_role("button", name="重置密码").click()
    page.wait_for_selector(".flash.ok >> text=已重置 editor1 的密码")
    _fits(page, viewport["width"])
    page.screenshot(path=str(artifacts / f"staff-reset-{size}.png"), full_page=True)
    assert _sent_to_login(browser, viewport, editor_cookies, base, "/admin/faq")
    editor_page = editor.new_page()
    editor_page.goto(f"{base}/admin/faq")
    assert "/admin/login" in editor_page.url
    _login(editor, base, "editor1", "r3set-passw0rd")  # the new password works
    for c in (here, editor):
        c.close()


# Console routes that are not pages: downloads and a JSON status.
NOT_PAGES = {"admin.conversation_log_csv", "admin.bookings_csv", "admin.docs_job",
             "admin.doc_download", "admin.version_download"}  # files, not pages
KNOWN_TOO_WIDE: set[tuple[str, str]] = set()


def _seed(app, base: str) -> dict[str, str]:
    """Something on every page: a chat turn, a ticket, an unanswered question, a booking, a
    standard answer, all through the public endpoints and the CLI. Returns endpoint → URL."""
    visitor = requests.Session()
    for text in ("人才公寓有多少套", "转人工 我想咨询人才落户，电话13812345678"):
        assert visitor.post(f"{base}/api/chat", json={"text": text}, timeout=30).ok
    assert requests.post(f"{base}/api/ask", json={"question": "驿站可以带宠物吗"}, timeout=30).ok
    night = users_today() + timedelta(days=2)
    res = visitor.post(f"{base}/api/bookings", json={
        "station": "jiangyan-main", "check_in": night.isoformat(), "nights": 2, "name": "张三",
        "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}, timeout=30)
    assert res.status_code == 201, res.text
    added = app.test_cli_runner().invoke(args=["faq", "add", "驿站几点关门", "驿站晚上11点关门。"])
    assert added.exit_code == 0, added.output
    with app.extensions["talent.db"]() as s:
        turn = s.scalar(select(MessageLog.turn_id).where(MessageLog.turn_id.is_not(None)).limit(1))
        ticket, booking = s.scalar(select(Ticket.number)), s.scalar(select(Booking.number))
        faq_id = s.scalar(select(FaqEntry.id))
    doc_id = next(iter(app.extensions["talent.knowledge"].index.current().manifest.docs))
    return {
        "admin.login": "/admin/login", "admin.dashboard": "/admin/", "admin.own_account": "/admin/account",
        "admin.conversation_log": "/admin/log", "admin.conversation": f"/admin/log/{turn}",
        "admin.docs": "/admin/docs", "admin.doc_chunks": f"/admin/docs/{doc_id}/chunks",
        "admin.doc_versions": f"/admin/docs/{doc_id}/versions", "admin.doc_edit": f"/admin/docs/{doc_id}/edit",
        "admin.search": "/admin/search", "admin.unanswered": "/admin/unanswered",
        "admin.faq_list": "/admin/faq", "admin.faq_edit": f"/admin/faq/{faq_id}",
        "admin.tickets": "/admin/tickets", "admin.ticket_detail": f"/admin/tickets/{ticket}",
        "admin.stations": "/admin/stations", "admin.station_edit": "/admin/stations/jiangyan-main",
        "admin.station_calendar": f"/admin/stations/jiangyan-main/calendar?month={night:%Y-%m}",
        "admin.booking_detail": f"/admin/bookings/{booking}",
        "admin.staff_list": "/admin/staff", "admin.audit_log": "/admin/audit",
    }


def test_every_console_page_loads_and_fits_a_laptop_and_a_phone(staffed, live_server, browser, artifacts):
    base = live_server.url
    pages = _seed(staffed, base)
    routes = {r.endpoint for r in staffed.url_map.iter_rules()
              if r.endpoint.startswith("admin.") and "GET" in r.methods}
    assert routes - NOT_PAGES == set(pages), "a console page this test does not walk (or one that is gone)"

    overflowing = []
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        res = page.goto(f"{base}/admin/login")
        assert res.status == 200
        page.screenshot(path=str(artifacts / f"console-{size}-login.png"), full_page=True)
        page.fill("#name", "boss")
        page.fill("#password", PASSWORD)
        page.click("#login")
        page.wait_for_url(f"{base}/admin/")
        for endpoint, path in pages.items():
            if endpoint == "admin.login":
                continue
            res = page.goto(f"{base}{path}")
            assert res.status == 200, (path, res.status)
            assert "/admin/login" not in page.url, path
            text = page.locator("body").inner_text()
            assert "Internal Server Error" not in text and "Traceback" not in text, path
            assert page.locator("header.top nav").is_visible(), path
            name = endpoint.removeprefix("admin.")
            if endpoint == "admin.search":  # the page with a hit-testing result on it
                page.fill("#question", "人才公寓有多少套")
                page.click("#search")
                page.wait_for_selector("#bot-reply")
            page.screenshot(path=str(artifacts / f"console-{size}-{name}.png"), full_page=True)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > viewport["width"] + 1 and (size, path) not in KNOWN_TOO_WIDE:
                overflowing.append((size, path, scroll))
        context.close()
    assert not overflowing, f"pages that scroll sideways: {overflowing}"


def test_the_docs_page_fits_a_phone(staffed, live_server, browser):
    context = browser.new_context(viewport=SIZES["phone"])
    page = _login(context, live_server.url, "boss")
    page.goto(f"{live_server.url}/admin/docs")
    try:
        _fits(page, SIZES["phone"]["width"])
    finally:
        context.close()
