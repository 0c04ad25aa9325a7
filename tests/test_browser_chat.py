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


def test_a_reload_mid_booking_restores_the_conversation_and_its_chips(live_server, browser, artifacts):
    """After a reload the page shows the conversation and the prompt the server is waiting on,
    with only that prompt's chips; tapping one goes on with the booking."""
    page = browser.new_page(viewport={"width": 390, "height": 780})
    page.goto(f"{live_server.url}/chat")
    page.fill("#text", "预约驿站")
    page.click("#send")
    page.wait_for_selector(".msg.bot .bubble >> text=请选择驿站", timeout=15000)
    page.locator(".chip", has_text="溱湖").first.click()
    page.wait_for_selector(".msg.bot .bubble >> text=哪天入住", timeout=15000)
    chips_before = page.locator(".chip").all_inner_texts()

    page.reload()
    bubbles = page.locator(".msg .bubble").all_inner_texts()
    assert any("预约驿站" == b for b in bubbles) and "哪天入住" in bubbles[-1]
    assert page.locator(".chip").all_inner_texts() == chips_before
    assert "人才公寓有多少套" not in page.locator(".chip").all_inner_texts()  # the start chips are gone
    page.screenshot(path=str(artifacts / "webchat-reloaded.png"), full_page=True)

    page.locator(".chip").first.click()  # a chip of the restored prompt continues the flow
    page.wait_for_selector(".msg.bot .bubble >> text=住几晚", timeout=15000)
    assert "没看懂" not in page.locator(".msg.bot .bubble").last.inner_text()
    page.close()


def test_a_reply_without_quick_replies_clears_the_old_chips(live_server, browser):
    page = browser.new_page(viewport={"width": 1024, "height": 700})
    page.goto(f"{live_server.url}/chat")
    assert page.locator(".chip").count() == 4
    page.fill("#text", "我的工单")
    page.press("#text", "Enter")
    page.wait_for_selector(".msg.bot .bubble >> text=工单", timeout=15000)
    assert page.locator(".chip").all_inner_texts() == ["转人工"]  # that reply's only chip, none left over
    page.fill("#text", "谢谢")
    page.press("#text", "Enter")
    page.wait_for_selector(".msg.bot .bubble >> text=不客气", timeout=15000)
    assert page.locator(".chip").count() == 0
    page.close()
