"""JSON API: health and policy questions (``POST /api/ask``)."""

from __future__ import annotations

import os

from flask import Blueprint, jsonify, request

from bot import get_answers, get_knowledge, get_records, messages
from bot.dialogue import Incoming, Reply
from bot.dialogue.handlers import sorry
from core.errors import IndexMissing

bp = Blueprint("api", __name__)


@bp.after_request
def _served_by(response):
    """Which worker process answered, like /healthz's pid: an operator (and the cross-worker
    tests) can tell that every worker gives the same answer."""
    response.headers["X-Served-By"] = str(os.getpid())
    return response

MAX_QUESTION_CHARS = 500


@bp.get("/healthz")
def healthz():
    """Liveness plus the index this worker answers from: an operator compares workers by it."""
    try:
        manifest = get_knowledge().index.current().manifest
    except IndexMissing:
        return jsonify(status="starting", index=None, pid=os.getpid()), 503
    return jsonify(status="ok", pid=os.getpid(), index={
        "generation": manifest.generation, "documents": len(manifest.docs), "chunks": manifest.chunk_count})


@bp.post("/api/ask")
def ask():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(error=messages.BAD_JSON), 400
    question = body.get("question")
    if not isinstance(question, str) or not question.strip() or len(question) > MAX_QUESTION_CHARS:
        return jsonify(error=messages.BAD_QUESTION), 400
    try:
        answer = get_answers().answer(question)
    except IndexMissing:
        return jsonify(error=messages.INDEX_NOT_READY), 503
    payload = answer.to_json()
    records = get_records()
    if not answer.found:
        records.record_unanswered(question)  # staff see questions from every channel in 未答问题
        payload["answer"] = sorry(answer)
    # In the conversation log too, as one caller per client address (shown to staff only as a pseudonym).
    records.log_turn(Incoming(f"api:{request.remote_addr or '-'}", "api", text=question.strip()[:500]),
                    Reply(payload["answer"], sources=answer.sources if answer.found else [], intent="policy", found=answer.found))
    return jsonify(payload)
