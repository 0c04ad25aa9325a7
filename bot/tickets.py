"""Service tickets: when the bot cannot help, a person does.

Plain functions on SQLAlchemy sessions (no request needed), shared by the
chat flow, the `flask tickets` commands and the staff console. Each one
commits its own change together with its audit entry. The ``*_and_notify``
functions also tell the user, through ``bot.delivery``, after the session is
closed (SQLite allows one writer per thread, and delivery may queue a row).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import messages
from bot.delivery import deliver_to_user
from bot.models import Staff, Ticket, TicketMessage, User, utcnow
from bot.people import audit, get_or_create_user
from core.errors import TalentError

STATUS_LABELS = messages.TICKET_STATUS_LABELS
MAX_TEXT = 2000
ASSIGNABLE_ROLES = ("agent", "admin")  # the roles that may work on tickets (bot.admin.auth.can)
_NUMBER_ATTEMPTS = 20


class TicketError(TalentError):
    """A ticket operation that cannot be done; ``message`` is fit to show (Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TicketNotFound(TicketError):
    pass


class TicketClosed(TicketError):
    pass


class EmptyTicketText(TicketError):
    pass


def _new_number() -> str:
    return f"T{secrets.randbelow(10**6):06d}"


def _require_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise EmptyTicketText(messages.TICKET_EMPTY_TEXT)
    return text[:MAX_TEXT]


def open_ticket(s: Session, user_key: str, text: str, context: list[dict],
                category: str = messages.TICKET_CATEGORY) -> Ticket:
    """Open a ticket with the user's question as its first message.

    Numbers are random (not guessable from one's own), so one may already be
    taken, even by a parallel request: the unique index decides, and on a
    collision we draw again.
    """
    text = _require_text(text)
    user = get_or_create_user(s, user_key)
    repeated = _same_open_ticket(s, user.id, text)
    if repeated is not None:
        return repeated
    for _ in range(_NUMBER_ATTEMPTS):
        now = utcnow()
        try:
            with s.begin_nested():
                ticket = Ticket(number=_new_number(), user_id=user.id, category=category, text=text,
                                context=list(context or []), status="open", created_at=now, updated_at=now)
                s.add(ticket)
                s.flush()
        except IntegrityError:  # the number is taken: draw again
            continue
        s.add(TicketMessage(ticket_id=ticket.id, author="user", text=text, created_at=now))
        audit(s, f"user:{user_key}", "ticket.open", ticket.number, category=category)
        s.commit()
        return ticket
    raise TicketError(messages.TICKET_NO_NUMBER)


REPEAT_WINDOW = timedelta(minutes=10)


def _same_open_ticket(s: Session, user_id: int, text: str) -> Ticket | None:
    """The user's open ticket with exactly this text from the last few minutes: someone who
    sends the same request again (no reply yet, a double tap) means the one already filed.
    WeChat's own retries never get here (bot/dialogue/engine.py claims each MsgId once)."""
    return s.scalar(select(Ticket).where(Ticket.user_id == user_id, Ticket.text == text, Ticket.status == "open",
                                         Ticket.created_at >= utcnow() - REPEAT_WINDOW)
                    .order_by(Ticket.id.desc()).limit(1))


def get_by_number(s: Session, number: str) -> Ticket:
    ticket = s.scalar(select(Ticket).where(Ticket.number == (number or "").strip().upper()))
    if ticket is None:
        raise TicketNotFound(messages.TICKET_NOT_FOUND.format(number=number))
    return ticket


def list_for_user(s: Session, user_key: str) -> list[Ticket]:
    """The user's tickets, newest first."""
    return list(s.scalars(select(Ticket).join(User, User.id == Ticket.user_id).where(User.user_key == user_key)
                          .order_by(Ticket.id.desc())))


def thread(s: Session, ticket: Ticket) -> list[TicketMessage]:
    return list(s.scalars(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id)
                          .order_by(TicketMessage.id)))


def last_staff_reply(s: Session, ticket: Ticket) -> TicketMessage | None:
    """The latest answer the user was sent (internal notes are never one)."""
    return s.scalar(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id, TicketMessage.author != "user",
                                                TicketMessage.internal.is_(False)).order_by(TicketMessage.id.desc()))


def user_of(s: Session, ticket: Ticket) -> User:
    return s.get(User, ticket.user_id)


def _open_ticket(s: Session, number: str) -> Ticket:
    ticket = get_by_number(s, number)
    if ticket.status == "closed":
        raise TicketClosed(messages.TICKET_IS_CLOSED.format(number=ticket.number))
    return ticket


def staff_reply(s: Session, number: str, staff_name: str, text: str) -> Ticket:
    """Record a staff answer; the ticket becomes "answered" (the caller delivers it)."""
    text = _require_text(text)
    ticket = _open_ticket(s, number)
    s.add(TicketMessage(ticket_id=ticket.id, author=f"staff:{staff_name}", text=text, created_at=utcnow()))
    ticket.status, ticket.updated_at = "answered", utcnow()
    audit(s, f"staff:{staff_name}", "ticket.reply", ticket.number)
    s.commit()
    return ticket


def add_note(s: Session, number: str, staff_name: str, text: str) -> Ticket:
    """An internal note in the ticket's thread: for colleagues only, never delivered to the user.

    Neither the status nor ``updated_at`` changes: a note is not an answer, and the user keeps waiting.
    """
    text = _require_text(text)
    ticket = get_by_number(s, number)
    s.add(TicketMessage(ticket_id=ticket.id, author=f"staff:{staff_name}", text=text, internal=True,
                        created_at=utcnow()))
    audit(s, f"staff:{staff_name}", "ticket.note", ticket.number, chars=len(text))
    s.commit()
    return ticket


def assignable_staff(s: Session) -> list[Staff]:
    """Active accounts that can work on tickets, by name."""
    return list(s.scalars(select(Staff).where(Staff.active.is_(True), Staff.role.in_(ASSIGNABLE_ROLES))
                          .order_by(Staff.name)))


def assign(s: Session, number: str, staff_id: int | None, actor: str) -> Ticket:
    """Give an open ticket to a staff member (or to nobody, with ``staff_id=None``)."""
    ticket = _open_ticket(s, number)
    assignee = s.get(Staff, staff_id) if staff_id is not None else None
    if staff_id is not None and (assignee is None or not assignee.active or assignee.role not in ASSIGNABLE_ROLES):
        raise TicketError(messages.TICKET_ASSIGNEE_INVALID)
    previous = s.get(Staff, ticket.assignee_id) if ticket.assignee_id else None
    ticket.assignee_id = assignee.id if assignee else None
    audit(s, actor, "ticket.assign", ticket.number, old=previous.name if previous else None,
          new=assignee.name if assignee else None)
    s.commit()
    return ticket


def first_responses(s: Session, ticket_ids) -> dict[int, datetime]:
    """When each ticket first got an answer the user saw (notes do not count), by ticket id."""
    ids = list(ticket_ids)
    if not ids:
        return {}
    rows = s.execute(select(TicketMessage.ticket_id, func.min(TicketMessage.created_at))
                     .where(TicketMessage.ticket_id.in_(ids), TicketMessage.author.like("staff:%"),
                            TicketMessage.internal.is_(False))
                     .group_by(TicketMessage.ticket_id))
    return dict(rows.all())


def duration_text(seconds: float) -> str:
    """A span as staff read it at a glance: minutes under an hour, hours under two days, then days."""
    minutes = max(1, int(seconds // 60))
    if minutes < 60:
        return messages.DURATION_MINUTES.format(n=minutes)
    if minutes < 48 * 60:
        return messages.DURATION_HOURS.format(n=minutes // 60)
    return messages.DURATION_DAYS.format(n=minutes // (24 * 60))


def time_label(ticket: Ticket, first_response: datetime | None, now: datetime) -> str:
    """"已等待3小时" for a ticket waiting for staff; how soon it was first answered otherwise.

    An open ticket's ``updated_at`` is when it last became open (opened, or the user followed
    up): the time the user has been waiting since.
    """
    if ticket.status == "open":
        return messages.TICKET_WAITING.format(duration=duration_text((now - ticket.updated_at).total_seconds()))
    if first_response is None:
        return messages.TICKET_NO_RESPONSE
    return messages.TICKET_FIRST_RESPONSE.format(
        duration=duration_text((first_response - ticket.created_at).total_seconds()))


def find_tickets(s: Session, *, status: str | None = None, assignee_id: int | None = None,
                 unassigned: bool = False, text: str = "", limit: int = 300) -> list[Ticket]:
    """The queue, most recently changed first: by status, assignee, and a search that matches
    the ticket number, the words of the ticket or any message in it, or the user's name or phone."""
    query = select(Ticket).order_by(Ticket.updated_at.desc(), Ticket.id.desc()).limit(limit)
    if status:
        query = query.where(Ticket.status == status)
    if assignee_id is not None:
        query = query.where(Ticket.assignee_id == assignee_id)
    if unassigned:
        query = query.where(Ticket.assignee_id.is_(None))
    text = (text or "").strip()
    if text:
        needle = text.lower()
        in_thread = select(TicketMessage.ticket_id).where(
            func.lower(TicketMessage.text).contains(needle, autoescape=True))
        of_user = select(User.id).where(or_(func.lower(User.name).contains(needle, autoescape=True),
                                            User.phone.contains(text, autoescape=True)))
        query = query.where(or_(Ticket.number == text.upper(), func.lower(Ticket.text).contains(needle, autoescape=True),
                                Ticket.id.in_(in_thread), Ticket.user_id.in_(of_user)))
    return list(s.scalars(query))


def user_followup(s: Session, number: str, user_key: str, text: str, reopen: bool = False) -> Ticket:
    """The user adds to their own open or answered ticket: it goes back to the staff queue.
    ``reopen``: a ticket staff closed is opened again with it ("还是没解决" right after the closing
    note); one the user withdrew stays closed.

    Someone else's ticket is TicketNotFound, exactly like a ticket that does not exist.
    """
    text = _require_text(text)
    ticket = get_by_number(s, number) if reopen else _open_ticket(s, number)
    if user_of(s, ticket).user_key != user_key:
        raise TicketNotFound(messages.TICKET_NOT_FOUND.format(number=number))
    reopened = ticket.status == "closed"
    if reopened and withdrawn(s, ticket):
        raise TicketClosed(messages.TICKET_IS_CLOSED.format(number=ticket.number))
    s.add(TicketMessage(ticket_id=ticket.id, author="user", text=text, created_at=utcnow()))
    ticket.status, ticket.updated_at = "open", utcnow()
    audit(s, f"user:{user_key}", "ticket.reopen" if reopened else "ticket.followup", ticket.number)
    s.commit()
    return ticket


def withdrawn(s: Session, ticket: Ticket) -> bool:
    """Whether a closed ticket was taken back by its user (``withdraw``), not closed by staff."""
    if ticket.status != "closed":
        return False
    last = s.scalar(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id, TicketMessage.internal.is_(False))
                    .order_by(TicketMessage.id.desc()).limit(1))
    return last is not None and last.author == "user" and last.text == messages.TICKET_WITHDRAWN_NOTE


def withdraw(s: Session, number: str, user_key: str) -> Ticket:
    """The user takes back their own ticket that staff have not closed: it leaves the queue."""
    ticket = _open_ticket(s, number)
    if user_of(s, ticket).user_key != user_key:
        raise TicketNotFound(messages.TICKET_NOT_FOUND.format(number=number))
    ticket.status, ticket.updated_at = "closed", utcnow()
    s.add(TicketMessage(ticket_id=ticket.id, author="user", text=messages.TICKET_WITHDRAWN_NOTE, created_at=utcnow()))
    audit(s, f"user:{user_key}", "ticket.withdraw", ticket.number)
    s.commit()
    return ticket


def close(s: Session, number: str, actor: str, reason: str = "") -> Ticket:
    ticket = _open_ticket(s, number)
    ticket.status, ticket.updated_at = "closed", utcnow()
    audit(s, actor, "ticket.close", ticket.number, reason=reason)
    s.commit()
    return ticket


def reply_and_notify(app: Flask, number: str, staff_name: str, text: str) -> str:
    """Record a staff reply and deliver it; returns "pushed" or "queued"."""
    with app.extensions["talent.db"]() as s:
        ticket = staff_reply(s, number, staff_name, text)
        user_key, number = user_of(s, ticket).user_key, ticket.number
    return deliver_to_user(app, user_key, messages.TICKET_REPLY.format(number=number, text=text.strip()))


def close_and_notify(app: Flask, number: str, actor: str, reason: str = "") -> str:
    """Close a ticket and tell its user; returns "pushed" or "queued"."""
    reason = (reason or "").strip()
    with app.extensions["talent.db"]() as s:
        ticket = close(s, number, actor, reason)
        user_key, number = user_of(s, ticket).user_key, ticket.number
    note = (messages.TICKET_CLOSED_WITH_REASON.format(number=number, reason=reason) if reason
            else messages.TICKET_CLOSED_NOTE.format(number=number))
    return deliver_to_user(app, user_key, note)
