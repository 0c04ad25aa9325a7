"""Service tickets: when the bot cannot help, a person does.

Plain functions on SQLAlchemy sessions (no request needed), shared by the
chat flow, the `flask tickets` commands and the staff console. The
``*_and_notify`` functions also tell the user, through ``bot.delivery``.
"""

from __future__ import annotations

import secrets

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import messages
from bot.delivery import deliver_to_user
from bot.models import Ticket, TicketMessage, User, utcnow
from bot.people import audit, get_or_create_user
from core.errors import TalentError

STATUS_LABELS = {"open": "待处理", "answered": "已回复", "closed": "已关闭"}


class TicketError(TalentError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TicketNotFound(TicketError):
    pass


class TicketClosed(TicketError):
    pass


def _new_number(s: Session) -> str:
    while True:
        number = f"T{secrets.randbelow(10**6):06d}"
        if s.scalar(select(Ticket.id).where(Ticket.number == number)) is None:
            return number


def open_ticket(s: Session, user_key: str, text: str, context: list[dict], category: str = "咨询") -> Ticket:
    user = get_or_create_user(s, user_key)
    now = utcnow()
    ticket = Ticket(number=_new_number(s), user_id=user.id, category=category, text=text[:2000],
                    context=context, status="open", created_at=now, updated_at=now)
    s.add(ticket)
    s.flush()
    s.add(TicketMessage(ticket_id=ticket.id, author="user", text=text[:2000], created_at=now))
    audit(s, f"user:{user_key}", "ticket.open", ticket.number, category=category)
    s.commit()
    return ticket


def get_by_number(s: Session, number: str) -> Ticket:
    ticket = s.scalar(select(Ticket).where(Ticket.number == number.strip().upper()))
    if ticket is None:
        raise TicketNotFound(messages.TICKET_NOT_FOUND.format(number=number))
    return ticket


def list_for_user(s: Session, user_key: str) -> list[Ticket]:
    return list(s.scalars(select(Ticket).join(User, User.id == Ticket.user_id).where(User.user_key == user_key)
                          .order_by(Ticket.id.desc())))


def last_staff_reply(s: Session, ticket: Ticket) -> TicketMessage | None:
    return s.scalar(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id,
                                                TicketMessage.author != "user").order_by(TicketMessage.id.desc()))


def user_of(s: Session, ticket: Ticket) -> User:
    return s.get(User, ticket.user_id)


def staff_reply(s: Session, number: str, staff_name: str, text: str) -> Ticket:
    ticket = get_by_number(s, number)
    if ticket.status == "closed":
        raise TicketClosed(messages.TICKET_IS_CLOSED.format(number=ticket.number))
    s.add(TicketMessage(ticket_id=ticket.id, author=f"staff:{staff_name}", text=text, created_at=utcnow()))
    ticket.status, ticket.updated_at = "answered", utcnow()
    audit(s, f"staff:{staff_name}", "ticket.reply", ticket.number)
    s.commit()
    return ticket


def close(s: Session, number: str, actor: str, reason: str = "") -> Ticket:
    ticket = get_by_number(s, number)
    if ticket.status == "closed":
        raise TicketClosed(messages.TICKET_IS_CLOSED.format(number=ticket.number))
    ticket.status, ticket.updated_at = "closed", utcnow()
    audit(s, actor, "ticket.close", ticket.number, reason=reason)
    s.commit()
    return ticket


def user_followup(s: Session, ticket: Ticket, text: str) -> None:
    s.add(TicketMessage(ticket_id=ticket.id, author="user", text=text[:2000], created_at=utcnow()))
    ticket.status, ticket.updated_at = "open", utcnow()
    s.commit()


def reply_and_notify(app: Flask, number: str, staff_name: str, text: str) -> str:
    """Record a staff reply and deliver it; returns "pushed" or "queued"."""
    with app.extensions["talent.db"]() as s:
        ticket = staff_reply(s, number, staff_name, text)
        user_key, number = user_of(s, ticket).user_key, ticket.number
    return deliver_to_user(app, user_key, messages.TICKET_REPLY.format(number=number, text=text))


def close_and_notify(app: Flask, number: str, actor: str, reason: str = "") -> str:
    with app.extensions["talent.db"]() as s:
        ticket = close(s, number, actor, reason)
        user_key, number = user_of(s, ticket).user_key, ticket.number
    note = messages.TICKET_CLOSED_NOTE.format(number=number) + (f"说明：{reason}" if reason else "")
    return deliver_to_user(app, user_key, note)
