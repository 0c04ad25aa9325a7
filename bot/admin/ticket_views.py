"""Ticket queue for agents: filter, read the conversation, reply, close.

Replies and closing go through ``bot.tickets`` (the code `flask tickets`
uses) and reach the user through ``bot.delivery`` — WeChat's
customer-service API, or the web-chat page's next poll.
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from bot import messages, tickets as ticket_service
from bot.admin import bp
from bot.admin.auth import current_staff, require
from bot.db import get_db
from bot.models import Ticket, TicketMessage, User
from core.errors import TalentError

STATUSES = {"open": "待处理", "answered": "已回复", "closed": "已关闭"}


@bp.get("/tickets")
@require("agent")
def tickets():
    status = request.args.get("status", "open")
    query = select(Ticket).order_by(Ticket.updated_at.desc()).limit(300)
    if status in STATUSES:
        query = query.where(Ticket.status == status)
    db = get_db()
    rows = db.scalars(query).all()
    # Who to call back: the name and phone a user gave when booking (people.User), when known.
    users = {u.id: u for u in db.scalars(select(User).where(User.id.in_({t.user_id for t in rows})))}
    return render_template("admin/tickets.html", tickets=rows, users=users, status=status, statuses=STATUSES)


@bp.get("/tickets/<number>")
@require("agent")
def ticket_detail(number: str):
    db = get_db()
    t = db.scalar(select(Ticket).where(Ticket.number == number)) or abort(404)
    thread = db.scalars(select(TicketMessage).where(TicketMessage.ticket_id == t.id).order_by(TicketMessage.id)).all()
    return render_template("admin/ticket.html", t=t, thread=thread, user=db.get(User, t.user_id), statuses=STATUSES)


def _act(number: str, action) -> None:
    try:
        action()
    except TalentError as exc:
        flash(str(getattr(exc, "message", exc)), "error")


@bp.post("/tickets/<number>/reply")
@require("agent")
def ticket_reply(number: str):
    text = request.form.get("text", "").strip()
    if not text:
        flash(messages.TICKET_REPLY_EMPTY, "error")
        return redirect(url_for("admin.ticket_detail", number=number))
    app = current_app._get_current_object()
    get_db().close()  # the service opens its own session

    def act():
        how = ticket_service.reply_and_notify(app, number, current_staff().name, text)
        flash(messages.TICKET_REPLIED_PUSHED if how == "pushed" else messages.TICKET_REPLIED_QUEUED, "ok")

    _act(number, act)
    return redirect(url_for("admin.ticket_detail", number=number))


@bp.post("/tickets/<number>/close")
@require("agent")
def ticket_close(number: str):
    app = current_app._get_current_object()
    get_db().close()

    def act():
        ticket_service.close_and_notify(app, number, f"staff:{current_staff().name}",
                                        request.form.get("reason", "").strip())
        flash(messages.TICKET_CLOSED_BY_STAFF, "ok")

    _act(number, act)
    return redirect(url_for("admin.ticket_detail", number=number))
