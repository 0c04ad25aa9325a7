"""Service tickets: when the bot cannot help, a person does.

Plain functions on SQLAlchemy sessions (no request needed), shared by the
chat flow, the `flask tickets` commands and the staff console. Each one
commits its own change together with its audit entry. The ``*_and_notify``
functions also tell the user, through ``bot.delivery``, after the session is
closed (SQLite allows one writer per thread, and delivery may queue a row).
"""

from __future__ import annotations

import secrets

from flask import Flask
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import messages
from bot.delivery import deliver_to_user
from bot.models import Ticket, TicketMessage, User, utcnow
from bot.people import audit, get_or_create_user
from core.errors import TalentError

STATUS_LABELS = {"open": "待处理", "answered": "已回复", "closed": "已关闭"}
MAX_TEXT = 2000
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


def open_ticket(s: Session, user_key: str, text: str, context: list[dict], category: str = "咨询") -> Ticket:
    """Open a ticket with the user's question as its first message.

    Numbers are random (not guessable from one's own), so one may already be
    taken, even by a parallel request: the unique index decides, and on a
    collision we draw again.
    """
    text = _require_text(text)
    user = get_or_create_user(s, user_key)
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
    return s.scalar(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id,
                                                TicketMessage.author != "user").order_by(TicketMessage.id.desc()))


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


def user_followup(s: Session, number: str, user_key: str, text: str) -> Ticket:
    """The user adds to their own open or answered ticket: it goes back to the staff queue.

    Someone else's ticket is TicketNotFound, exactly like a ticket that does not exist.
    """
    text = _require_text(text)
    ticket = _open_ticket(s, number)
    if user_of(s, ticket).user_key != user_key:
        raise TicketNotFound(messages.TICKET_NOT_FOUND.format(number=number))
    s.add(TicketMessage(ticket_id=ticket.id, author="user", text=text, created_at=utcnow()))
    ticket.status, ticket.updated_at = "open", utcnow()
    audit(s, f"user:{user_of(s, ticket).user_key}", "ticket.followup", ticket.number)
    s.commit()
    return ticket


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
