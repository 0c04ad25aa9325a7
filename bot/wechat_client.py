"""The WeChat API client (customer-service messages, menu), one per process.

The access token is cached in the shared store, so all workers (and
machines) use one token instead of each fetching its own and invalidating
the others' — WeChat keeps only the newest token valid.
"""

from __future__ import annotations

from flask import Flask
from wechatpy import WeChatClient
from wechatpy.session import SessionStorage


class SharedSessionStorage(SessionStorage):
    """wechatpy's session interface on top of bot.store (database or Redis)."""

    def __init__(self, store):
        self.store = store

    def get(self, key, default=None):
        value = self.store.get_value(f"wechatpy:{key}")
        return default if value is None else value

    def set(self, key, value, ttl=None):
        self.store.set_value(f"wechatpy:{key}", str(value), int(ttl) if ttl else None)

    def delete(self, key):
        self.store.delete_value(f"wechatpy:{key}")


class ConfiguredWeChatClient(WeChatClient):
    """WeChatClient whose token endpoint follows ``api_base_url`` too (for a local fake API)."""

    def __init__(self, appid, secret, api_base_url: str, session=None, timeout=3):
        super().__init__(appid, secret, session=session, timeout=timeout)
        self.API_BASE_URL = api_base_url

    def fetch_access_token(self):
        return self._fetch_access_token(
            url=f"{self.API_BASE_URL}token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


def get_client(app: Flask) -> ConfiguredWeChatClient:
    client = app.extensions.get("talent.wechat_client")
    if client is None:
        cfg = app.config["SETTINGS"].wechat
        store = app.extensions["talent.dialogue"].store
        client = ConfiguredWeChatClient(cfg.appid, cfg.secret, cfg.api_base_url, session=SharedSessionStorage(store))
        app.extensions["talent.wechat_client"] = client
    return client
