"""对话记录: what users asked and what they got, for every staff member.

A filtered, paginated list of turns (question, reply, cited documents, found or not,
standard answer, the user's rating), one user's whole conversation, and a CSV export
of the filtered turns. Users appear only as pseudonyms and every phone number is
masked (bot/convlog.py), on the page and in the export alike.
"""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from sqlalchemy import select

from bot import convlog, messages
from bot.admin import bp
from bot.admin.auth import require, staff_audit
from bot.admin.csv_export import csv_response
from bot.dates import local_time
from bot.db import get_db
from bot.dialogue.extract import mask_phones
from bot.models import MessageLog

PAGE_SIZE = 50
MAX_EXPORT = 50_000
RATING_LABELS = messages.RATING_LABELS


def _zone() -> str:
    return current_app.config["SETTINGS"].booking.timezone


def _entry(reply: MessageLog, question: str | None) -> dict:
    """One turn as staff see it: no identity, no phone number."""
    return {"turn_id": reply.turn_id, "at": reply.created_at, "channel": convlog.CHANNELS.get(reply.channel, reply.channel),
            "user": convlog.pseudonym(reply.user_key, current_app.secret_key),
            "question": mask_phones(question or ""), "reply": mask_phones(reply.text),
            "sources": [t for t in (reply.sources or "").split("\n") if t], "found": reply.found,
            "answer": reply.intent == convlog.ANSWER_INTENT, "faq_id": reply.faq_id,
            "feedback": reply.feedback}


@bp.get("/log")
@require()
def conversation_log():
    f = convlog.LogFilter.from_args(request.args)
    try:
        page = max(int(request.args.get("page", "1")), 1)
    except ValueError:
        page = 1
    db = get_db()
    query = convlog.turns(f, _zone())
    total = convlog.count(db, query)
    rows = db.execute(query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    return render_template("admin/log.html", entries=[_entry(r, q) for r, q in rows], f=f, args=f.as_args(),
                           page=page, pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1), total=total,
                           titles=convlog.cited_titles(db), channels=convlog.CHANNELS)


@bp.get("/log/<turn_id>")
@require()
def conversation(turn_id: str):
    """The whole conversation of the user who had this turn, the turn marked."""
    db = get_db()
    user_key = db.scalar(select(MessageLog.user_key).where(MessageLog.turn_id == turn_id).limit(1)) or abort(404)
    turn_rows = [{"at": m.created_at, "direction": m.direction, "text": mask_phones(m.text), "turn_id": m.turn_id,
                  "sources": [t for t in (m.sources or "").split("\n") if t], "found": m.found,
                  "faq_id": m.faq_id, "feedback": m.feedback, "answer": m.intent == convlog.ANSWER_INTENT}
                for m in convlog.conversation(db, user_key)]
    return render_template("admin/log_conversation.html", messages=turn_rows, turn_id=turn_id,
                           user=convlog.pseudonym(user_key, current_app.secret_key))


@bp.get("/log.csv")
@require()
def conversation_log_csv():
    f = convlog.LogFilter.from_args(request.args)
    db = get_db()
    zone = _zone()
    rows = []
    for reply, question in db.execute(convlog.turns(f, zone).limit(MAX_EXPORT)):
        e = _entry(reply, question)
        found = "" if e["found"] is None else (messages.YES if e["found"] else messages.NO)
        rows.append((local_time(e["at"], zone), e["channel"], e["user"], e["question"], e["reply"],
                     "；".join(e["sources"]), found, e["faq_id"] or "", RATING_LABELS.get(e["feedback"], "")))
    staff_audit("log.export", "", **f.as_args())
    db.commit()
    return csv_response("conversation-log.csv", messages.CSV_LOG_HEADER, rows)
