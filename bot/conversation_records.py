"""What the dialogue writes down and reads back in the database, apart from the
per-message state the shared store keeps: the message log of each turn, the
questions nobody could answer, and messages waiting for a user's next turn.

The dialogue engine (bot/dialogue/engine.py) turns one message into one reply;
it calls these helpers, and so do the channels that show a conversation again
(the web chat's history and polling) or answer outside a turn (``/api/ask``).
Staff read the same log through bot/convlog.py.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from bot.convlog import Retention
from bot.db import dialect_insert
from bot.dialogue.intents import compact
from bot.models import MessageLog, PendingDelivery, UnansweredQuestion, utcnow

if TYPE_CHECKING:
    from bot.dialogue.engine import Incoming, Reply

log = logging.getLogger(__name__)


def new_turn_id() -> str:
    """A turn's id: random, so one user's answer ids say nothing about anyone else's."""
    return secrets.token_hex(8)


def log_rows(incoming: Incoming, reply: Reply) -> list[dict]:
    """The message and its reply as rows of ``message_log``: one ``turn_id`` for both; the
    reply row names the documents it cited and its standard answer."""
    now = utcnow()
    text_in = incoming.text or f"[{incoming.kind}{':' + incoming.event if incoming.event else ''}]"
    base = {"user_key": incoming.user_key, "channel": incoming.channel, "intent": reply.intent,
            "turn_id": reply.turn_id or None}
    rows = [{**base, "direction": "in", "text": text_in[:4000], "found": None, "created_at": now,
             "sources": None, "faq_id": None}]
    if not reply.silent:
        titles = list(dict.fromkeys(s["title"] for s in reply.sources if s.get("title")))
        faq_ids = [s["doc_id"].removeprefix("faq:") for s in reply.sources
                   if str(s.get("doc_id", "")).startswith("faq:")]
        rows.append({**base, "direction": "out", "text": reply.render()[:4000], "found": reply.found,
                     "created_at": now + timedelta(microseconds=1), "sources": "\n".join(titles) or None,
                     "faq_id": int(faq_ids[0]) if faq_ids and faq_ids[0].isdigit() else None})
    return rows


class ConversationRecords:
    """The dialogue's tables, through the app's sessions (``read_sessions`` for lookups that
    never write: on SQLite they begin without the write lock)."""

    def __init__(self, sessions: sessionmaker, read_sessions: sessionmaker, retention_days: int):
        self.sessions = sessions
        self.read_sessions = read_sessions
        self.retention = Retention(sessions, retention_days)

    # ------------------------------------------------------------ the message log
    def log_turn(self, incoming: Incoming, reply: Reply) -> Reply:
        """Log a message answered outside the engine's turn (``/api/ask``), so staff see it in the log."""
        reply.turn_id = new_turn_id()
        with self.sessions() as s:
            s.execute(MessageLog.__table__.insert(), log_rows(incoming, reply))
            s.commit()
        return reply

    def recent_conversation(self, user_key: str, limit: int = 10) -> list[dict]:
        """The user's last messages and replies, oldest first; an answer they may rate carries its
        ``id`` and their ``feedback`` (the web chat shows 👍/👎 again after a reload)."""
        with self.read_sessions() as s:
            rows = s.scalars(select(MessageLog).where(MessageLog.user_key == user_key)
                             .order_by(MessageLog.id.desc()).limit(limit)).all()
        return [{"direction": r.direction, "text": r.text, "at": r.created_at.isoformat(),
                 **({"id": r.turn_id, "feedback": r.feedback}
                    if r.direction == "out" and r.intent == "policy" and r.turn_id else {})}
                for r in reversed(rows)]

    def prune_quietly(self) -> None:
        """Keep the log within its retention; a failure here never costs the user their reply."""
        try:
            self.retention.maybe_prune()
        except Exception:
            log.warning("could not prune the message log", exc_info=True)

    # ------------------------------------------------------------ unanswered questions
    def record_unanswered(self, question: str) -> None:
        """Count the question for staff, grouped by its compact form (one upsert: workers race here)."""
        key = compact(question)[:500]
        if not key:
            return
        table, now = UnansweredQuestion.__table__, utcnow()
        with self.sessions() as s:
            conn = s.connection()
            conn.execute(dialect_insert(conn.dialect.name, table).values(
                normalized=key, question=question, count=1, first_asked=now, last_asked=now, handled=False,
            ).on_conflict_do_update(index_elements=[table.c.normalized], set_={
                "count": table.c.count + 1, "last_asked": now, "question": question, "handled": False}))
            s.commit()

    # ------------------------------------------------------------ pending deliveries
    def queue_delivery(self, user_key: str, text: str) -> None:
        """Keep a message for the user's next turn (no push channel available)."""
        with self.sessions() as s:
            s.add(PendingDelivery(user_key=user_key, text=text, created_at=utcnow()))
            s.commit()

    def take_pending(self, user_key: str, known_waiting: bool = False, channel: str = "") -> list[str]:
        """The messages waiting for the user, oldest first, marked delivered.

        Nearly always nothing waits: unless the caller already knows something does
        (the store looked at the start of the turn: ``known_waiting``), one read looks
        first, so the common case never takes the write lock.

        ``channel``: they are shown on their own there (the web chat's poll), so they are logged
        as messages out in the same transaction: a reload shows the staff's reply in the
        conversation, as one delivered with a turn's reply is (its text is logged with it).
        """
        if not known_waiting:
            with self.read_sessions() as s:
                waiting = s.scalar(select(PendingDelivery.id).where(
                    PendingDelivery.user_key == user_key, PendingDelivery.delivered_at.is_(None)).limit(1))
            if waiting is None:
                return []
        with self.sessions() as s:
            rows = s.scalars(select(PendingDelivery).where(
                PendingDelivery.user_key == user_key, PendingDelivery.delivered_at.is_(None)
            ).order_by(PendingDelivery.id)).all()
            for row in rows:
                row.delivered_at = utcnow()
                if channel:
                    s.add(MessageLog(user_key=user_key, channel=channel, direction="out", text=row.text,
                                     intent="delivery", created_at=row.delivered_at))
            s.commit()
            return [r.text for r in rows]
