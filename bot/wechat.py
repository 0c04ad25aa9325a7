"""WeChat official-account webhook: verify, decrypt, parse, dialogue, reply.

Parse, then reply (wechatpy): the XML becomes a typed message, the dialogue
answers an ``Incoming``, and the answer goes back as a wechatpy ``TextReply``,
encrypted again in safe mode.

WeChat waits 5 seconds and then retries the same message (three times). So:
- every message is *claimed* once in the shared store; a retry never runs
  the dialogue again and gets the first attempt's reply;
- the reply is produced within ``reply_deadline_s``: a turn that may wait on
  the network (an LLM, a remote Chroma server) or on the user's previous
  message runs in a thread with that deadline; an answer that takes longer
  is replaced by a short "coming" note and delivered afterwards through the
  customer-service API, or, for accounts without it, with the user's next
  message. Every other turn runs in the request thread.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from flask import Blueprint, Response, abort, current_app, request
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from bot import messages
from bot.dialogue import Incoming, Reply

log = logging.getLogger(__name__)

bp = Blueprint("wechat", __name__)
WECHAT_TEXT_LIMIT = 2048  # bytes, WeChat's limit for a text reply


def fit_text(reply: Reply, limit: int = WECHAT_TEXT_LIMIT) -> str:
    """The reply as WeChat text within ``limit`` UTF-8 bytes: cut at a sentence, source line kept."""
    full = "" if reply.silent else reply.render()
    if len(full.encode("utf-8")) <= limit:
        return full
    tail = f"…\n{reply.source_line}" if reply.source_line else "…"
    budget = limit - len(tail.encode("utf-8"))
    body = reply.text
    while len(body.encode("utf-8")) > budget:
        body = body[: len(body) * 9 // 10]
    cut = max(body.rfind(m) for m in "。！？；\n")
    if cut >= len(body) // 2:
        body = body[: cut + 1]
    return body + tail
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="wechat")


def _settings():
    return current_app.config["SETTINGS"].wechat


def _safe_xml(body: bytes):
    """The parsed body, or None for DTDs, entity expansion, external entities or bad XML:
    checked before any other parser sees it."""
    try:
        return SafeET.fromstring(body, forbid_dtd=True)
    except (DefusedXmlException, SafeET.ParseError, ValueError):
        return None


def _signed_request():
    """The account's settings, once the request is known to come from WeChat: 503 until the
    token is configured, 403 when the query's signature does not match it."""
    cfg = _settings()
    if not cfg.token:
        abort(503)
    args = request.args
    try:
        check_signature(cfg.token, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
    except InvalidSignatureException:
        abort(403)
    return cfg


@bp.get("")
def verify():
    _signed_request()
    return Response(request.args.get("echostr", ""), mimetype="text/plain")


@bp.post("")
def receive():
    cfg = _signed_request()
    args = request.args
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    body = request.get_data(cache=False)
    root = _safe_xml(body) if body else None
    if root is None:
        abort(400)
    encrypted = args.get("encrypt_type", "raw").lower() == "aes"
    crypto = None
    if encrypted:
        if not (cfg.encoding_aes_key and cfg.appid):
            abort(503)
        crypto = WeChatCrypto(cfg.token, cfg.encoding_aes_key, cfg.appid)
        encrypt = root.findtext("Encrypt")
        if not encrypt:
            abort(400)
        try:
            # The envelope as wechatpy's dict: it is parsed once already, above.
            body = crypto.decrypt_message({"Encrypt": encrypt}, args.get("msg_signature", ""), timestamp, nonce)
        except (InvalidSignatureException, InvalidAppIdException):
            abort(403)
        except Exception:  # malformed envelope: bad base64, bad padding
            abort(400)
        if isinstance(body, str):
            body = body.encode("utf-8")
        if _safe_xml(body) is None:
            abort(400)
    try:
        msg = parse_message(body)
    except Exception:
        abort(400)
    if not getattr(msg, "source", None):
        abort(400)

    text = reply_text_for(msg)
    if text is None:
        return Response("success", mimetype="text/plain")
    xml = create_reply(text, msg).render()
    if crypto is not None:
        xml = crypto.encrypt_message(xml, nonce, timestamp)
    return Response(xml, mimetype="application/xml")


def _incoming(msg) -> Incoming:
    user = f"wx:{msg.source}"
    once = {"claim_key": _dedup_key(msg), "render": fit_text}
    if msg.type == "text":
        return Incoming(user, "wechat", "text", text=msg.content or "", **once)
    if msg.type == "voice":
        return Incoming(user, "wechat", "voice", text=getattr(msg, "recognition", None) or "", **once)
    if msg.type == "event":
        return Incoming(user, "wechat", "event", event=(msg.event or "").lower(),
                        event_key=str(getattr(msg, "key", None) or getattr(msg, "scene_id", None) or ""), **once)
    return Incoming(user, "wechat", msg.type or "unsupported", **once)


def _dedup_key(msg) -> str:
    if getattr(msg, "id", None):
        return f"wx:{msg.id}"
    return f"wx:{msg.source}:{msg.create_time.timestamp() if hasattr(msg.create_time, 'timestamp') else msg.create_time}:{getattr(msg, 'event', '')}"


def reply_text_for(msg) -> str | None:
    """The reply text for one WeChat message, in time and at most once per message.

    The message is claimed here, in the request thread, before anything runs;
    a retry waits for the first attempt's reply and never stores one of its own.
    """
    from bot import get_dialogue

    app = current_app._get_current_object()
    dialogue = get_dialogue()
    incoming = _incoming(msg)
    key = incoming.claim_key
    deadline = time.monotonic() + _settings().reply_deadline_s
    try:
        start = dialogue.begin(incoming)
        if not start.first:
            return _first_attempts_reply(app, dialogue, incoming, deadline)
    except Exception:
        # The shared store (database or Redis) is down: without it a retry
        # could repeat an effect, so run nothing (and store nothing) and ask
        # the user to resend.
        log.exception("cannot record message %s; answering 'busy'", key)
        return messages.BUSY
    return _run_in_time(app, dialogue, incoming, start, deadline)


def _run_in_time(app, dialogue, incoming: Incoming, start, deadline: float) -> str | None:
    """Run a claimed message; past the deadline, say the answer is coming and deliver it later.

    A turn that can wait on nothing slower than this machine and the shared store
    (``Dialogue.is_quick``: extractive or cached answers, flows, greetings) runs
    right here: handing it to a deadline thread cost more than the turn itself
    (0.3–1.3 ms of a ~1 ms campaign message, measured in bench/webhook_bench.py).
    """
    key = incoming.claim_key
    try:
        if dialogue.is_quick(incoming, start):
            reply = dialogue.run(incoming, start)
        else:
            future = _executor.submit(dialogue.run, incoming, start)
            try:
                reply = future.result(timeout=max(deadline - time.monotonic(), 0.05))
            except FutureTimeout:
                future.add_done_callback(lambda f: _deliver_late(app, incoming, f))
                return _remembered(dialogue, key, messages.ANSWER_COMING)
    except Exception as exc:  # never a traceback to the user
        log.exception("dialogue failed for %s", key)
        text = messages.BUSY if is_outage(exc) else messages.INTERNAL_ERROR.format(request_id=key[-12:])
        return _remembered(dialogue, key, text)
    return fit_text(reply) or None  # the dialogue has remembered it


TAKE_OVER_CHECK_S = 1.0  # how often a waiting retry asks whether the first attempt's claim went stale


def _first_attempts_reply(app, dialogue, incoming: Incoming, deadline: float) -> str | None:
    """A retry: the first attempt is running or done. Never run it twice — unless
    its worker died before replying; then its claim goes stale and is taken over."""
    key = incoming.claim_key
    next_check = time.monotonic() + TAKE_OVER_CHECK_S
    while True:
        stored = dialogue.store.reply_for(key)
        if stored is not None:
            return stored or None
        if time.monotonic() >= deadline:
            return None  # WeChat will try again
        time.sleep(0.05)
        if time.monotonic() >= next_check:
            next_check = time.monotonic() + TAKE_OVER_CHECK_S
            start = dialogue.begin(incoming)
            if start.first:  # taken over: this attempt handles the message
                return _run_in_time(app, dialogue, incoming, start, deadline)


def _remembered(dialogue, key: str, text: str) -> str:
    """Keep ``text`` as the message's reply for its retries, unless one is kept already."""
    try:
        dialogue.store.remember_reply(key, text)
    except Exception:
        log.exception("cannot store the reply of %s", key)
    return text


def is_outage(exc: BaseException) -> bool:
    """A database or Redis outage (as opposed to a bug): the user should simply try again."""
    from redis.exceptions import RedisError
    from sqlalchemy.exc import DBAPIError, OperationalError

    return isinstance(exc, (OperationalError, DBAPIError, RedisError, ConnectionError, TimeoutError))


def _deliver_late(app, incoming: Incoming, future) -> None:
    """The answer missed the 5-second window: push it, or keep it for the next message."""
    try:
        reply = future.result()
    except Exception:
        log.exception("late dialogue failed for %s", incoming.user_key)
        return
    if reply.silent:  # nothing to say, or a retry's placeholder
        return
    from bot.delivery import deliver_to_user

    text = fit_text(reply)
    cfg = app.config["SETTINGS"].wechat
    if not (cfg.customer_service_api and cfg.secret):
        # Delivered with the next reply: say which question it answers.
        text = messages.LATE_ANSWER_PREFIX.format(question=incoming.text[:30]) + text
    with app.app_context():
        deliver_to_user(app, incoming.user_key, text)
