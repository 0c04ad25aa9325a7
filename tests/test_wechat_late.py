"""Replies in time even when the answer is slow; the full answer follows."""

from __future__ import annotations

import time


from bot import create_app
from tests.conftest import app_overrides
from tests.wx import WeChatSim, text_xml


def _slow_llm_app(shipped_index, tmp_path, fake_openai, fake_wechat_api, cs_api: bool):
    fake_openai.reply = "姜堰区2023年新建人才公寓424套，欢迎申请。"
    fake_openai.delay = 6.0  # longer than WeChat's 5 s
    return create_app(app_overrides(
        shipped_index, tmp_path,
        knowledge={"llm": {"enabled": True, "base_url": fake_openai.url, "api_key_env": "TEST_LLM_KEY",
                           "timeout_s": 9}},
        wechat={"api_base_url": fake_wechat_api.url, "customer_service_api": cs_api, "reply_deadline_s": 4.0},
    ))


def test_slow_llm_replies_in_time_then_pushes_the_answer(shipped_index, tmp_path, fake_openai, fake_wechat_api):
    app = _slow_llm_app(shipped_index, tmp_path, fake_openai, fake_wechat_api, cs_api=True)
    wx = WeChatSim(app.test_client())
    xml = text_xml("o_slow", "人才公寓建了多少套", msg_id=55501)
    first = wx.reply(wx.post(xml))["Content"]
    assert "稍后" in first and "424" not in first  # the deadline answered, not the 6-s LLM

    # WeChat retries (it did get our reply here, but a retry must never re-run anything).
    assert wx.reply(wx.post(xml))["Content"] == first

    deadline = time.monotonic() + 10
    while not fake_wechat_api.sent and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(fake_wechat_api.sent) == 1
    sent = fake_wechat_api.sent[0]
    assert sent["touser"] == "o_slow" and sent["msgtype"] == "text"
    assert sent["text"]["content"].startswith("姜堰区2023年新建人才公寓424套")
    assert "来源：《2023年姜堰区人才工作综述》" in sent["text"]["content"]
    assert sent["token"] == "TOKEN-1"
    assert len(fake_openai.requests) == 1  # the retry did not ask the LLM again


def test_without_customer_service_api_the_answer_comes_with_the_next_message(
        shipped_index, tmp_path, fake_openai, fake_wechat_api):
    app = _slow_llm_app(shipped_index, tmp_path, fake_openai, fake_wechat_api, cs_api=False)
    wx = WeChatSim(app.test_client())
    first = wx.say("o_sub", "人才公寓建了多少套")
    assert "稍后" in first
    time.sleep(6.5)  # the LLM finishes in the background
    fake_openai.delay = 0
    fake_openai.reply = "不客气"
    nxt = wx.say("o_sub", "谢谢")
    assert "您刚才的问题：人才公寓建了多少套" in nxt
    assert "424套" in nxt
    assert nxt.rstrip().endswith("不客气，祝您在姜堰一切顺利！还有问题随时问我。")
    assert fake_wechat_api.sent == []


def test_access_token_is_shared_between_workers(shipped_index, tmp_path, fake_wechat_api):
    """Two app instances (two workers) on one database fetch the token once."""
    from bot.wechat_client import get_client

    overrides = app_overrides(shipped_index, tmp_path, wechat={"api_base_url": fake_wechat_api.url})
    a, b = create_app(overrides), create_app(overrides)
    get_client(a).message.send_text("o1", "hi")
    get_client(b).message.send_text("o2", "hi")
    assert fake_wechat_api.token_requests == 1
    assert [m["token"] for m in fake_wechat_api.sent] == ["TOKEN-1", "TOKEN-1"]


def test_menu_command_pushes_config_menu(app, fake_wechat_api, shipped_index, tmp_path):
    app = create_app(app_overrides(shipped_index, tmp_path, wechat={"api_base_url": fake_wechat_api.url}))
    result = app.test_cli_runner().invoke(args=["wechat", "menu"])
    assert result.exit_code == 0, result.output
    assert "3 buttons" in result.output
    assert [b["name"] for b in fake_wechat_api.menus[0]["button"]] == ["政策咨询", "驿站预约", "人工服务"]
