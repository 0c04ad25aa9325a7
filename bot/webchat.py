"""Web chat: a WeChat-like page at /chat and its JSON API, on the same dialogue.

Visitors are anonymous: a random id in a signed, HttpOnly cookie is their
identity (``web:<id>``), so the dialogue keeps their state and staff replies
find their way back to the page.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, jsonify, make_response, render_template, request
from itsdangerous import BadSignature, URLSafeSerializer

from bot import convlog, get_dialogue, get_records, messages
from bot.dialogue import Incoming

bp = Blueprint("webchat", __name__)
COOKIE = "talent_vid"
MAX_TEXT = 500


def _serializer() -> URLSafeSerializer:
    from flask import current_app

    return URLSafeSerializer(current_app.secret_key, salt="webchat-visitor")


def visitor_id() -> tuple[str, bool]:
    """(visitor id, is it new)."""
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            return str(_serializer().loads(raw)), False
        except BadSignature:
            pass
    return secrets.token_hex(12), True


def _with_cookie(response, vid: str, new: bool):
    if new:
        from flask import current_app

        response.set_cookie(COOKIE, _serializer().dumps(vid), max_age=180 * 86400, httponly=True, samesite="Lax",
                            secure=current_app.config["SETTINGS"].web.secure_cookies)
    return response


HISTORY = 30  # messages shown again when the page is reloaded
START_ACTIONS = messages.START_ACTIONS


@bp.get("/chat")
def page():
    """The chat page, with the visitor's conversation so far: a reload mid-booking shows where
    they are and only the current prompt's chips, never a fresh welcome the server does not share."""
    vid, new = visitor_id()
    history, actions = [], START_ACTIONS
    if not new:
        history = get_records().recent_conversation(f"web:{vid}", limit=HISTORY)
        current = get_dialogue().current_actions(f"web:{vid}")
        if current is not None:
            actions = current
    return _with_cookie(make_response(render_template("chat.html", welcome=messages.GREETING, history=history,
                                                      actions=actions)), vid, new)


@bp.post("/api/chat")
def chat():
    vid, new = visitor_id()
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return _with_cookie(make_response(jsonify(error=messages.BAD_JSON), 400), vid, new)
    text = body["text"].strip()
    if not text or len(text) > MAX_TEXT:
        return _with_cookie(make_response(jsonify(error=messages.BAD_QUESTION), 400), vid, new)
    reply = get_dialogue().handle(Incoming(f"web:{vid}", "web", "text", text=text))
    payload = {"reply": reply.text, "sources": [{k: s[k] for k in ("title", "section", "snippet")} for s in reply.sources],
               "actions": reply.actions}
    if reply.rateable:
        payload["id"] = reply.turn_id  # what the page posts to /api/feedback
    return _with_cookie(make_response(jsonify(payload)), vid, new)


@bp.post("/api/feedback")
def feedback():
    """👍/👎 on one of the visitor's own answers: ``{"id": …, "value": "up" | "down"}``; rating again
    replaces the earlier rating. Another visitor's answer is as unknown as one that never was."""
    vid, new = visitor_id()
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("id"), str):
        return _with_cookie(make_response(jsonify(error=messages.BAD_JSON), 400), vid, new)
    if body.get("value") not in convlog.RATINGS:
        return _with_cookie(make_response(jsonify(error=messages.FEEDBACK_BAD_VALUE), 400), vid, new)
    if new:
        return _with_cookie(make_response(jsonify(error=messages.FEEDBACK_UNKNOWN_ANSWER), 404), vid, new)
    with get_dialogue().sessions() as s:
        rated = convlog.rate(s, body["id"][:32], f"web:{vid}", body["value"])
        s.commit()
    if not rated:
        return jsonify(error=messages.FEEDBACK_UNKNOWN_ANSWER), 404
    return jsonify(id=body["id"], value=body["value"])


@bp.get("/api/chat/updates")
def updates():
    """Messages waiting for this visitor (staff replies, late answers); the page polls this."""
    vid, new = visitor_id()
    if new:
        return _with_cookie(make_response(jsonify(messages=[])), vid, new)
    return jsonify(messages=get_records().take_pending(f"web:{vid}", channel="web"))
