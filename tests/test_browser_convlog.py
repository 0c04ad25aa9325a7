"""👎 in the web chat shows up in the console's conversation log, in a real browser
(Playwright + Debian chromium), at laptop (1366 px) and phone (375 px) widths."""

from __future__ import annotations

import pytest

from tests.admin_helpers import browser_login, create_staff

WIDTHS = {"desktop": 1366, "phone": 375}


@pytest.fixture()
def staffed(app):
    create_staff(app, "editor1", "editor")
    return app


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, "the page scrolls sideways"


def test_thumbs_down_in_the_chat_shows_in_the_log_filter(staffed, live_server, browser, artifacts):
    base = live_server.url
    for size, width in WIDTHS.items():
        visitor = browser.new_page(viewport={"width": width, "height": 800})
        visitor.goto(f"{base}/chat")
        question = "人才公寓有多少套" if size == "desktop" else "驿站能免费住吗"
        visitor.fill("#text", question)
        visitor.click("#send")
        answer = visitor.locator(".msg.bot .bubble").nth(1)
        answer.locator(".rate").wait_for(timeout=15000)
        down = answer.locator('.rate button[data-value="down"]')
        down.click()
        visitor.wait_for_selector('.rate button[data-value="down"][aria-pressed="true"]', timeout=5000)
        _fits(visitor, width)
        visitor.screenshot(path=str(artifacts / f"chat-feedback-{size}.png"), full_page=True)
        visitor.reload()  # the rating is still shown after a reload
        visitor.wait_for_selector('.rate button[data-value="down"][aria-pressed="true"]', timeout=5000)
        visitor.close()

    for size, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        browser_login(page, base, "editor1")
        assert page.locator("#feedback-down .stat").inner_text() == "2"
        page.click("text=对话记录")
        page.check('input[name="down"]')
        page.click("#log-filter button[type=submit]")
        page.wait_for_url("**/admin/log?*down=1*")
        rows = page.locator("#log tr[data-turn]")
        assert rows.count() == 2
        text = page.locator("#log").inner_text()
        assert "人才公寓有多少套" in text and "驿站能免费住吗" in text and "👎" in text
        _fits(page, width)
        page.screenshot(path=str(artifacts / f"log-down-{size}.png"), full_page=True)

        page.locator("#log tr[data-turn] >> text=查看对话").first.click()
        page.wait_for_selector("#conversation")
        assert page.locator("#conversation .turn.marked").count() == 2  # the question and its reply
        _fits(page, width)
        page.screenshot(path=str(artifacts / f"log-conversation-{size}.png"), full_page=True)
        page.close()
