"""A WeChat server simulator for tests: builds messages, signs and encrypts
them with wechatpy's own WeChatCrypto, posts them to the webhook through the
Flask test client, and decrypts the replies."""

from __future__ import annotations

import hashlib
import itertools
import time

import xmltodict
from wechatpy.crypto import WeChatCrypto

from tests.conftest import WX_AES_KEY, WX_APPID, WX_TOKEN

_ids = itertools.count(int(time.time() * 1000))


def sign(token: str, *parts: str) -> str:
    return hashlib.sha1("".join(sorted([token, *parts])).encode()).hexdigest()


def text_xml(openid: str, content: str, msg_id: int | None = None, create_time: int | None = None) -> str:
    return (f"<xml><ToUserName><![CDATA[gh_talent]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id or next(_ids)}</MsgId></xml>")


def event_xml(openid: str, event: str, key: str = "", create_time: int | None = None) -> str:
    return (f"<xml><ToUserName><![CDATA[gh_talent]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            f"<Event><![CDATA[{event}]]></Event><EventKey><![CDATA[{key}]]></EventKey></xml>")


def media_xml(openid: str, msg_type: str, extra: str = "", msg_id: int | None = None) -> str:
    return (f"<xml><ToUserName><![CDATA[gh_talent]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{msg_type}]]></MsgType>{extra}"
            f"<MsgId>{msg_id or next(_ids)}</MsgId></xml>")


class WeChatSim:
    def __init__(self, client, path: str = "/wechat", token: str = WX_TOKEN, appid: str = WX_APPID,
                 aes_key: str = WX_AES_KEY):
        self.client = client
        self.path = path
        self.token = token
        self.crypto = WeChatCrypto(token, aes_key, appid)

    def post(self, xml: str | bytes, mode: str = "aes", bad_signature: bool = False, crypto: WeChatCrypto | None = None):
        timestamp, nonce = str(int(time.time())), f"n{next(_ids)}"
        params = {"timestamp": timestamp, "nonce": nonce, "signature": sign(self.token, timestamp, nonce)}
        body = xml.encode("utf-8") if isinstance(xml, str) else xml
        if mode == "aes":
            envelope = (crypto or self.crypto).encrypt_message(xml, nonce, timestamp)
            parsed = xmltodict.parse(envelope)["xml"]
            params.update(encrypt_type="aes", msg_signature=parsed["MsgSignature"])
            body = envelope.encode("utf-8")
        if bad_signature:
            params["signature"] = "0" * 40
            params["msg_signature"] = "0" * 40
        return self.client.post(self.path, query_string=params, data=body, content_type="text/xml")

    def reply(self, response) -> dict | None:
        """The decrypted reply as a dict (None for an empty 'success' reply)."""
        assert response.status_code == 200, response.data
        data = response.get_data(as_text=True)
        if data in ("", "success"):
            return None
        parsed = xmltodict.parse(data)["xml"]
        if "Encrypt" in parsed:
            inner = self.crypto.decrypt_message(data, parsed["MsgSignature"], parsed["TimeStamp"], parsed["Nonce"])
            parsed = xmltodict.parse(inner)["xml"]
        return parsed

    def say(self, openid: str, content: str, mode: str = "aes", msg_id: int | None = None) -> str:
        """Send a text message; return the reply's Content."""
        reply = self.reply(self.post(text_xml(openid, content, msg_id), mode))
        return reply["Content"] if reply else ""
