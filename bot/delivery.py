"""Send a message to a user outside a request/reply exchange.

WeChat users get it through the customer-service message API when the
account has one; otherwise (and for web chat visitors) it waits in
``pending_deliveries`` and goes out with their next reply or the page's
next poll. One function, so late answers and staff replies travel alike.
"""

from __future__ import annotations

import logging

from flask import Flask

log = logging.getLogger(__name__)


def deliver_to_user(app: Flask, user_key: str, text: str) -> str:
    """Deliver ``text``; returns "pushed" or "queued"."""
    cfg = app.config["SETTINGS"].wechat
    if user_key.startswith("wx:") and cfg.customer_service_api and cfg.appid and cfg.secret:
        try:
            from bot.wechat_client import get_client

            get_client(app).message.send_text(user_key.removeprefix("wx:"), text)
            return "pushed"
        except Exception:
            log.exception("customer-service delivery failed for %s; keeping it for the next message", user_key)
    app.extensions["talent.records"].queue_delivery(user_key, text)
    return "queued"
