"""The web chat page in a real browser (Playwright + Debian chromium), at phone width."""

from __future__ import annotations


def test_chat_page_in_a_phone_sized_browser(live_server, browser, artifacts):
    page = browser.new_page(viewport={"width": 390, "height": 780}, device_scale_factor=2)
    page.goto(f"{live_server.url}/chat")
    assert page.title() == "姜堰人才助手"
    assert "您好" in page.locator(".msg.bot .bubble").first.inner_text()

    page.fill("#text", "人才公寓今年新建了多少套？")
    page.click("#send")
    answer = page.locator(".msg.bot .bubble").nth(1)
    answer.locator(".source").wait_for(timeout=15000)
    assert "424套" in answer.inner_text()
    source = answer.locator(".source")
    assert "2023年姜堰区人才工作综述" in source.inner_text()
    source.click()
    assert answer.locator(".snippet").is_visible()
    assert page.locator(".msg.user .bubble").first.inner_text() == "人才公寓今年新建了多少套？"

    # A quick-reply chip sends its text.
    page.locator(".chip", has_text="转人工").first.click()
    page.locator(".msg.user .bubble").nth(1).wait_for()
    assert page.locator(".msg.user .bubble").nth(1).inner_text() == "转人工"
    page.wait_for_selector(".msg.bot .bubble >> text=描述您的问题", timeout=15000)

    # Fits a phone: nothing wider than the viewport.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "webchat-phone.png"), full_page=True)
    page.close()


def test_enter_key_sends_and_empty_input_does_nothing(live_server, browser):
    page = browser.new_page(viewport={"width": 1024, "height": 700})
    page.goto(f"{live_server.url}/chat")
    page.press("#text", "Enter")
    assert page.locator(".msg.user").count() == 0
    page.fill("#text", "驿站能免费住吗")
    page.press("#text", "Enter")
    page.locator(".msg.bot .bubble").nth(1).locator(".source").wait_for(timeout=15000)
    assert "免费住宿" in page.locator(".msg.bot .bubble").nth(1).inner_text()
    page.close()
