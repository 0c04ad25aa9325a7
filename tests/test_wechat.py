"""The WeChat webhook through its real entry point: signed, encrypted XML."""

from __future__ import annotations

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto

from tests.conftest import WX_AES_KEY, WX_APPID, WX_TOKEN
from tests.wx import WeChatSim, event_xml, media_xml, sign, text_xml

# A fixed vector made once with wechatpy's WeChatCrypto: if the crypto path
# or its parameters change, this stops decrypting.
VECTOR_ENCRYPT = (
    "Nr86JTocyQQGfUTs/kU8D6qfwXm7JAMecEXqFVWXcslNN/2PVKlKPTu9n+c7XLICMGVvyKTBbwjk2Oxo5Fk2rq1ZbrCa0ajLyLOEa7j//qlW"
    "d/BCkdzEMFDofljwlIU4f7OIGCfYu0JTh5SKuqFTnno/xFXo6QxUbfXdRy5uQ7m5RIQ6MxM4e7P0Ttsv4oOJLnrWnNHlFlH0FJLcECJ8a1rs"
    "VqvhMpgkTW0UNwEf701cYwdHMZf886hMyLxNVD72kzNBiv8zS8/MWQNCAdfh1b0QTb3dXzvsPfsBRVOhdCTJ+Ghy6jxf8js4v2Z/SXO312UN"
    "XXDumnrvsNXIr/wAhTAz6tvTNEfYl4LeaGTP7SYLiIbTFMmlbHpHv2yYZ/+IwhdJJgmp1MVYsHuP03XQlpAiHX9PBFKC/NqTIAy5H94="
)
VECTOR_SIGNATURE = "f0135e5d46a01154f6ed2a8637356214461d55b7"


@pytest.fixture()
def wx(client):
    return WeChatSim(client)


def test_known_answer_vector_decrypts():
    crypto = WeChatCrypto(WX_TOKEN, WX_AES_KEY, WX_APPID)
    envelope = f"<xml><Encrypt><![CDATA[{VECTOR_ENCRYPT}]]></Encrypt></xml>"
    xml = crypto.decrypt_message(envelope, VECTOR_SIGNATURE, "1700000000", "nonce123")
    assert "<Content><![CDATA[人才公寓有多少套]]></Content>" in xml
    assert "<MsgId>1234567890123456</MsgId>" in xml


def test_known_vector_through_the_webhook(client):
    envelope = f"<xml><ToUserName>gh_talent</ToUserName><Encrypt><![CDATA[{VECTOR_ENCRYPT}]]></Encrypt></xml>"
    params = {"timestamp": "1700000000", "nonce": "nonce123", "signature": sign(WX_TOKEN, "1700000000", "nonce123"),
              "encrypt_type": "aes", "msg_signature": VECTOR_SIGNATURE}
    res = client.post("/wechat", query_string=params, data=envelope, content_type="text/xml")
    reply = WeChatSim(client).reply(res)
    assert "424套" in reply["Content"]
    assert reply["ToUserName"] == "o_vector_user"


def test_server_verification(client):
    params = {"timestamp": "1", "nonce": "2", "echostr": "hello123", "signature": sign(WX_TOKEN, "1", "2")}
    res = client.get("/wechat", query_string=params)
    assert res.status_code == 200 and res.get_data(as_text=True) == "hello123"
    params["signature"] = "bad"
    assert client.get("/wechat", query_string=params).status_code == 403


def test_encrypted_text_gets_encrypted_answer_with_source(wx):
    res = wx.post(text_xml("o_user1", "人才公寓今年新建了多少套"))
    assert "<Encrypt>" in res.get_data(as_text=True)
    reply = wx.reply(res)
    assert reply["MsgType"] == "text"
    assert reply["ToUserName"] == "o_user1" and reply["FromUserName"] == "gh_talent"
    assert "424套" in reply["Content"]
    assert "来源：《2023年姜堰区人才工作综述》" in reply["Content"]


def test_plain_mode(wx):
    res = wx.post(text_xml("o_plain", "驿站能免费住吗"), mode="plain")
    assert "<Encrypt>" not in res.get_data(as_text=True)
    assert "免费住宿" in wx.reply(res)["Content"]


def test_compatible_mode_body_with_plain_fields_and_encrypt(wx, client):
    """Compatible mode: the envelope carries plaintext fields beside Encrypt."""
    xml = text_xml("o_compat", "驿站能免费住吗")
    timestamp, nonce = "1700000001", "compat1"
    envelope = xmltodict.parse(wx.crypto.encrypt_message(xml, nonce, timestamp))["xml"]
    body = (f"<xml><ToUserName><![CDATA[gh_talent]]></ToUserName><FromUserName><![CDATA[o_compat]]></FromUserName>"
            f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[驿站能免费住吗]]></Content>"
            f"<Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>")
    params = {"timestamp": timestamp, "nonce": nonce, "signature": sign(WX_TOKEN, timestamp, nonce),
              "encrypt_type": "aes", "msg_signature": envelope["MsgSignature"]}
    res = client.post("/wechat", query_string=params, data=body, content_type="text/xml")
    assert "免费住宿" in wx.reply(res)["Content"]


def test_bad_signature_is_403(wx):
    assert wx.post(text_xml("o_x", "你好"), bad_signature=True).status_code == 403
    assert wx.post(text_xml("o_x", "你好"), mode="plain", bad_signature=True).status_code == 403


def test_wrong_appid_in_envelope_is_403(wx):
    other = WeChatCrypto(WX_TOKEN, WX_AES_KEY, "wx_some_other_app")
    assert wx.post(text_xml("o_x", "你好"), crypto=other).status_code == 403


@pytest.mark.parametrize("body", [
    b"<xml><ToUserName>gh</ToUserName>",                                   # truncated
    b"not xml at all",
    b"",
    "<xml><Content>\udcff</Content></xml>".encode("utf-8", "surrogatepass"),  # not UTF-8
])
def test_malformed_bodies_are_400(wx, body):
    assert wx.post(body, mode="plain").status_code == 400


@pytest.mark.parametrize("envelope", [
    "<xml><ToUserName>gh_talent</ToUserName></xml>",                     # no Encrypt
    "<xml><Encrypt></Encrypt></xml>",                                    # empty
    "<xml><Encrypt><![CDATA[bm90IGFlcw==]]></Encrypt></xml>",            # not a whole AES block
])
def test_malformed_encrypted_envelopes_are_refused(client, envelope):
    from wechatpy.crypto import _get_signature

    encrypt = envelope.split("[CDATA[")[1].split("]]")[0] if "CDATA" in envelope else ""
    params = {"timestamp": "1700000000", "nonce": "n1", "signature": sign(WX_TOKEN, "1700000000", "n1"),
              "encrypt_type": "aes", "msg_signature": _get_signature(WX_TOKEN, "1700000000", "n1", encrypt)}
    res = client.post("/wechat", query_string=params, data=envelope, content_type="text/xml")
    assert res.status_code == 400


def test_xml_bomb_and_external_entity_are_refused(wx):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><xml><Content>&lol3;</Content></xml>')
    assert wx.post(bomb, mode="plain").status_code == 400
    xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content></xml>')
    assert wx.post(xxe, mode="plain").status_code == 400
    # The same inside a correctly encrypted envelope.
    assert wx.post(bomb).status_code == 400


def test_oversized_body_is_413(wx):
    assert wx.post("<xml>" + "x" * (1024 * 1024) + "</xml>", mode="plain").status_code == 413


def test_subscribe_welcomes_and_unsubscribe_is_silent(wx):
    welcome = wx.reply(wx.post(event_xml("o_new", "subscribe")))["Content"]
    assert "欢迎" in welcome and "预约" in welcome and "转人工" in welcome
    res = wx.post(event_xml("o_new", "unsubscribe"))
    assert res.get_data(as_text=True) == "success"


def test_menu_click_maps_to_intent(wx):
    reply = wx.reply(wx.post(event_xml("o_menu", "CLICK", key="MENU_HELP")))
    assert "人才公寓" in reply["Content"] and "转人工" in reply["Content"]


def test_voice_with_and_without_recognition(wx):
    recognised = media_xml("o_voice", "voice", "<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format>"
                                               "<Recognition><![CDATA[人才公寓有多少套]]></Recognition>")
    assert "424套" in wx.reply(wx.post(recognised))["Content"]
    silent = media_xml("o_voice", "voice", "<MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format>")
    assert "语音" in wx.reply(wx.post(silent))["Content"]


@pytest.mark.parametrize("msg_type, extra", [
    ("image", "<PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId>"),
    ("location", "<Location_X>32.5</Location_X><Location_Y>120.1</Location_Y><Scale>15</Scale><Label>x</Label>"),
    ("link", "<Title>t</Title><Description>d</Description><Url>http://x</Url>"),
    ("video", "<MediaId>m</MediaId><ThumbMediaId>t</ThumbMediaId>"),
])
def test_unsupported_types_get_a_polite_reply(wx, msg_type, extra):
    content = wx.reply(wx.post(media_xml("o_media", msg_type, extra)))["Content"]
    assert "暂不支持" in content and "帮助" in content


def test_empty_and_emoji_only_text(wx):
    assert "文字" in wx.say("o_emoji", "")
    reply = wx.say("o_emoji", "😀😀😀")
    from bot import messages

    assert reply == messages.NO_WORDS, reply  # polite, neither an error nor "not found" (user test T06)


def test_retried_message_gets_the_same_reply_and_one_log_entry(wx, app):
    from sqlalchemy import func, select

    from bot.models import MessageLog

    xml = text_xml("o_retry", "公积金怎么提取", msg_id=987654321)
    first = wx.reply(wx.post(xml))["Content"]
    second = wx.reply(wx.post(xml))["Content"]
    assert first == second and "没有找到" in first
    with app.extensions["talent.db"]() as s:
        n = s.scalar(select(func.count()).select_from(MessageLog).where(
            MessageLog.user_key == "wx:o_retry", MessageLog.direction == "in"))
    assert n == 1


def test_unanswered_question_is_recorded_with_count(wx, app):
    from sqlalchemy import select

    from bot.models import UnansweredQuestion

    wx.say("o_u1", "公积金怎么提取？")
    wx.say("o_u2", "公积金 怎么提取")
    with app.extensions["talent.db"]() as s:
        rows = s.scalars(select(UnansweredQuestion)).all()
    assert len(rows) == 1 and rows[0].count == 2


def test_long_answer_is_cut_to_2048_bytes_at_a_sentence(app):
    from bot.dialogue import Reply
    from bot.wechat import fit_text

    reply = Reply("这是一句很长的回答内容。" * 400, sources=[{"title": "某文件", "section": "第一节", "snippet": ""}])
    text = fit_text(reply)
    assert len(text.encode("utf-8")) <= 2048
    assert text.endswith("（来源：《某文件》·第一节）")
    assert "。…" in text


def test_rate_limit_per_sender(shipped_index, tmp_path):
    from bot import create_app
    from tests.conftest import app_overrides

    app = create_app(app_overrides(shipped_index, tmp_path, dialogue={"rate_limit_per_minute": 1, "rate_burst": 3}))
    wx = WeChatSim(app.test_client())
    replies = [wx.say("o_flood", "你好") for _ in range(5)]
    assert all("您好" in r for r in replies[:3])
    assert all("太快" in r for r in replies[3:])
    assert "您好" in wx.say("o_calm", "你好")  # others unaffected


def test_webhook_disabled_without_token(shipped_index, tmp_path, monkeypatch):
    from bot import create_app
    from tests.conftest import app_overrides

    for var in ("WECHAT_TOKEN", "WECHAT_APPID", "WECHAT_ENCODING_AES_KEY"):
        monkeypatch.delenv(var, raising=False)
    overrides = app_overrides(shipped_index, tmp_path)
    overrides["wechat"] = {}
    client = create_app(overrides).test_client()
    assert client.post("/wechat", data=b"<xml/>").status_code == 503
