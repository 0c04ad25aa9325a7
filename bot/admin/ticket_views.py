"""Ticket queue for agents: filter, search, read the conversation, assign, note, reply, close.

Every change goes through ``bot.tickets`` (the code `flask tickets` uses).
Replies and closing reach the user through ``bot.delivery`` — WeChat's
customer-service API, or the web-chat page's next poll; internal notes and
assignment never reach the user.
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from bot import messages, tickets as ticket_service
from bot.admin import bp
from bot.admin.auth import current_staff, require
from bot.db import get_db
from bot.models import Staff, Ticket, User, utcnow
from core.errors import TalentError

STATUSES = ticket_service.STATUS_LABELS
OWNERS = messages.TICKET_OWNER_FILTERS


def _names(db, ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    return {st.id: st.name for st in db.scalars(select(Staff).where(Staff.id.in_(ids)))} if ids else {}


@bp.get("/tickets")
@require("agent")
def tickets():
    q = request.args.get("q", "").strip()
    status = request.args.get("status") or ("all" if q else "open")  # a search looks through every ticket
    owner = request.args.get("owner", "")
    db = get_db()
    rows = ticket_service.find_tickets(db, status=status if status in STATUSES else None, text=q,
                                       assignee_id=current_staff().id if owner == "mine" else None,
                                       unassigned=owner == "unassigned")
    # Who to call back: the name and phone a user gave when booking (people.User), when known.
    users = {u.id: u for u in db.scalars(select(User).where(User.id.in_({t.user_id for t in rows})))}
    firsts, now = ticket_service.first_responses(db, [t.id for t in rows]), utcnow()
    times = {t.id: ticket_service.time_label(t, firsts.get(t.id), now) for t in rows}
    return render_template("admin/tickets.html", tickets=rows, users=users, status=status, statuses=STATUSES,
                           owner=owner, owners=OWNERS, q=q, times=times,
                           assignees=_names(db, (t.assignee_id for t in rows)))


@bp.get("/tickets/<number>")
@require("agent")
def ticket_detail(number: str):
    db = get_db()
    t = db.scalar(select(Ticket).where(Ticket.number == number)) or abort(404)
    thread = ticket_service.thread(db, t)
    canned = current_app.config["SETTINGS"].tickets.canned_replies
    picked = request.args.get("canned", type=int)  # the canned-reply picker without JavaScript
    draft = canned[picked].text if picked is not None and 0 <= picked < len(canned) else ""
    first = ticket_service.first_responses(db, [t.id]).get(t.id)
    return render_template("admin/ticket.html", t=t, thread=thread, user=db.get(User, t.user_id), statuses=STATUSES,
                           staff_choices=ticket_service.assignable_staff(db), canned=canned, picked=picked,
                           draft=draft, time_label=ticket_service.time_label(t, first, utcnow()),
                           assignee=db.get(Staff, t.assignee_id) if t.assignee_id else None)


def _act(action) -> None:
    """Run a ticket action; a refusal (closed, not found, invalid) is shown, not raised."""
    try:
        action()
    except TalentError as exc:
        flash(str(getattr(exc, "message", exc)), "error")


def _back(number: str):
    return redirect(url_for("admin.ticket_detail", number=number))


def _with_text(number: str, empty_notice: str, action):
    """A form that writes text into the ticket (a reply, a note): refused when empty."""
    text = request.form.get("text", "").strip()
    if not text:
        flash(empty_notice, "error")
    else:
        _act(lambda: action(text))
    return _back(number)


@bp.post("/tickets/<number>/reply")
@require("agent")
def ticket_reply(number: str):
    def reply(text: str) -> None:
        app = current_app._get_current_object()
        get_db().close()  # the service opens its own session
        how = ticket_service.reply_and_notify(app, number, current_staff().name, text)
        flash(messages.TICKET_REPLIED_PUSHED if how == "pushed" else messages.TICKET_REPLIED_QUEUED, "ok")

    return _with_text(number, messages.TICKET_REPLY_EMPTY, reply)


@bp.post("/tickets/<number>/note")
@require("agent")
def ticket_note(number: str):
    def note(text: str) -> None:
        ticket_service.add_note(get_db(), number, current_staff().name, text)
        flash(messages.TICKET_NOTE_ADDED, "ok")

    return _with_text(number, messages.TICKET_NOTE_EMPTY, note)


@bp.post("/tickets/<number>/assign")
@require("agent")
def ticket_assign(number: str):
    """``assignee``: a staff id ("分配给我" sends one's own), or empty for nobody."""
    raw = request.form.get("assignee", "").strip()
    staff_id = int(raw) if raw.isdigit() else None
    if raw and staff_id is None:
        abort(400)

    def act():
        db = get_db()
        ticket = ticket_service.assign(db, number, staff_id, f"staff:{current_staff().name}")
        name = _names(db, [ticket.assignee_id]).get(ticket.assignee_id)
        flash(messages.TICKET_ASSIGNED.format(name=name) if name else messages.TICKET_UNASSIGNED, "ok")

    _act(act)
    return _back(number)


@bp.post("/tickets/<number>/close")
@require("agent")
def ticket_close(number: str):
    app = current_app._get_current_object()
    get_db().close()

    def act():
        ticket_service.close_and_notify(app, number, f"staff:{current_staff().name}",
                                        request.form.get("reason", "").strip())
        flash(messages.TICKET_CLOSED_BY_STAFF, "ok")

    _act(act)
    return _back(number)
