"""Database models (SQLAlchemy 2.0). The schema itself is owned by the Alembic
migrations in bot/migrations; these classes must match them."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot import messages


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Conversation(Base):
    """Per-user dialogue state, so any worker can continue a conversation."""

    __tablename__ = "conversations"
    user_key: Mapped[str] = mapped_column(String(128), primary_key=True)  # "wx:<openid>" or "web:<id>"
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SeenMessage(Base):
    """Messages already handled: WeChat retries get the same reply, never a second effect."""

    __tablename__ = "seen_messages"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class MessageLog(Base):
    """Every message in and out: the conversation context for tickets and the staff's
    conversation log (bot/convlog.py). A message and its reply share ``turn_id``; the
    reply row carries what staff judge it by: cited titles, standard answer, rating."""

    __tablename__ = "message_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_key: Mapped[str] = mapped_column(String(128))
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(3))  # "in" | "out"
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(32), nullable=True)
    found: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    turn_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)  # random, public: rated by it
    sources: Mapped[str | None] = mapped_column(Text, nullable=True)  # cited document titles, one per line
    faq_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the standard answer that replied
    feedback: Mapped[str | None] = mapped_column(String(8), nullable=True)  # "up" | "down", the user's rating
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (Index("ix_message_log_user_time", "user_key", "created_at"),)


class PendingDelivery(Base):
    """A message for a user that could not be sent right away (late answers, staff replies)."""

    __tablename__ = "pending_deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_key: Mapped[str] = mapped_column(String(128), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class UnansweredQuestion(Base):
    """Questions the knowledge base could not answer, grouped for staff."""

    __tablename__ = "unanswered_questions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    normalized: Mapped[str] = mapped_column(String(500), unique=True)
    question: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer, default=1)
    first_asked: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_asked: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    handled: Mapped[bool] = mapped_column(Boolean, default=False)


class KeyValue(Base):
    """Small shared values with expiry (the WeChat access token when Redis is absent)."""

    __tablename__ = "kv_store"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# ---------------------------------------------------------------- people, stations, bookings, tickets
from datetime import date  # noqa: E402

from sqlalchemy import Date, ForeignKey, false  # noqa: E402


class User(Base):
    """A young talent, as known by channel identity; name and phone once they book."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_key: Mapped[str] = mapped_column(String(128), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Station(Base):
    __tablename__ = "stations"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    beds: Mapped[int] = mapped_column(Integer)
    rules: Mapped[str] = mapped_column(Text, default="")
    closed_dates: Mapped[list] = mapped_column(JSON, default=list)  # ["YYYY-MM-DD", …]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class StationNight(Base):
    """Beds taken per station and night: the row a booking updates under a condition,
    which is what keeps concurrent workers from overbooking."""

    __tablename__ = "station_nights"
    station_id: Mapped[str] = mapped_column(String(64), ForeignKey("stations.id"), primary_key=True)
    night: Mapped[date] = mapped_column(Date, primary_key=True)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class Booking(Base):
    __tablename__ = "bookings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"), index=True)
    station_id: Mapped[str] = mapped_column(String(64), ForeignKey("stations.id"), index=True)
    check_in: Mapped[date] = mapped_column(Date)
    nights: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | cancelled
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"), index=True)
    category: Mapped[str] = mapped_column(String(32), default=messages.TICKET_CATEGORY)
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[list] = mapped_column(JSON, default=list)  # recent conversation when opened
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | answered | closed
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    assignee_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("staff.id"), nullable=True, index=True)


class TicketMessage(Base):
    __tablename__ = "ticket_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(Integer, ForeignKey("tickets.id"), index=True)
    author: Mapped[str] = mapped_column(String(64))  # "user" or "staff:<name>"
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A staff note: shown to staff in the thread, never delivered or shown to the user.
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(128))   # "user:wx:…", "staff:alice", "cli"
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class Staff(Base):
    """A staff account for the console; created only by `flask staff create`."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))  # editor | agent | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_login: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FaqEntry(Base):
    """A standard answer (标准问答): staff's own answer to a question and its phrasings,
    matched before the documents are searched (bot/faq.py)."""

    __tablename__ = "faq_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list] = mapped_column(JSON, default=list)   # other phrasings of the question
    answer: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200), default="")  # a document title to cite, or ""
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
