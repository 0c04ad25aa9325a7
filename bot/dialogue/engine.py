"""The dialogue engine: one message in, one reply out, whatever the channel.

WeChat and the web chat both build an ``Incoming`` and call
``Dialogue.handle``; the engine knows nothing of XML or JSON. Intents are
dispatched through a registry filled by ``@handles`` (wechatpy's
register-with-a-default pattern); an unknown message type falls to a polite
default, an unknown intent to the policy-question handler.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Callable

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot import messages
from bot.dialogue.intents import IntentClassifier, compact
from bot.models import MessageLog, PendingDelivery, UnansweredQuestion, utcnow
from core.config import Settings
from core.errors import IndexMissing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Incoming:
    user_key: str                 # "wx:<openid>" or "web:<visitor id>"
    channel: str                  # "wechat" | "web"
    kind: str = "text"            # text | voice | event | image | location | link | video | …
    text: str = ""
    event: str = ""               # subscribe | unsubscribe | click | …
    event_key: str = ""


@dataclass
class Reply:
    text: str                                       # the body, without the source line
    sources: list[dict] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # quick replies the web page shows as buttons
    intent: str = ""
    found: bool | None = None
    silent: bool = False                            # nothing to send (e.g. unsubscribe)

    @property
    def source_line(self) -> str:
        if not self.sources:
            return ""
        s = self.sources[0]
        return messages.SOURCE_LINE.format(title=s["title"], section=f"·{s['section']}" if s.get("section") else "")

    def render(self) -> str:
        """Plain text for channels without rich display (WeChat)."""
        return f"{self.text}\n{self.source_line}" if self.source_line else self.text


@dataclass
class Turn:
    """What a handler gets: the message, the user's state, and the engine's services."""

    engine: "Dialogue"
    incoming: Incoming
    state: dict

    @property
    def text(self) -> str:
        return self.incoming.text.strip()


Handler = Callable[[Turn], Reply]
HANDLERS: dict[str, Handler] = {}
KIND_HANDLERS: dict[str, Handler] = {}


def handles(*intents: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for intent in intents:
            HANDLERS[intent] = fn
        return fn
    return register


def handles_kind(*kinds: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for kind in kinds:
            KIND_HANDLERS[kind] = fn
        return fn
    return register


class Dialogue:
    def __init__(self, settings: Settings, knowledge, store, sessions: sessionmaker,
                 read_sessions: sessionmaker | None = None):
        self.settings = settings
        self.knowledge = knowledge
        self.store = store
        self.sessions = sessions
        self.read_sessions = read_sessions or sessions  # for lookups that never write
        embed = None
        if any(i.examples for i in settings.dialogue.intents.values()):
            embed = lambda texts: knowledge.embedder.embed(texts)  # noqa: E731
        self.classifier = IntentClassifier(settings.dialogue, embed)

    # ------------------------------------------------------------ entry point
    # One message per user at a time, across all workers: a user who types
    # fast (or a slow answer still running) must not see their state raced.
    # The lock expires on its own if its worker dies mid-message.
    USER_LOCK_WAIT_S = 20.0

    @property
    def user_lock_ttl_s(self) -> float:
        llm = self.settings.knowledge.llm
        return 10.0 + (llm.timeout_s if llm.enabled else 0.0)

    def handle(self, incoming: Incoming) -> Reply:
        """Produce the reply to one message and record both in the message log."""
        cfg = self.settings.dialogue
        if incoming.kind in ("text", "voice") and incoming.text.strip():
            if self.store.count_recent(incoming.user_key, 60) > cfg.rate_limit_per_minute:
                return Reply(messages.RATE_LIMITED, intent="rate_limited")
        token = self.store.acquire(f"user:{incoming.user_key}", self.user_lock_ttl_s, self.USER_LOCK_WAIT_S)
        try:
            return self._handle_locked(incoming)
        finally:
            if token:
                self.store.release(f"user:{incoming.user_key}", token)

    def _handle_locked(self, incoming: Incoming) -> Reply:
        cfg = self.settings.dialogue
        state = self.store.get_state(incoming.user_key)
        turn = Turn(self, incoming, state)
        handler = KIND_HANDLERS.get(incoming.kind, KIND_HANDLERS["unsupported"])
        reply = handler(turn)
        reply = self._with_pending(incoming.user_key, reply)
        rows = self._log_rows(incoming, reply)
        if self.store.takes_rows:  # the database store saves state and log in one transaction
            self.store.set_state(incoming.user_key, turn.state, cfg.state_ttl_minutes * 60, rows)
        else:
            self.store.set_state(incoming.user_key, turn.state, cfg.state_ttl_minutes * 60)
            with self.sessions() as s:
                s.add_all(rows)
                s.commit()
        return reply

    def dispatch_text(self, turn: Turn) -> Reply:
        if not turn.text:
            return Reply(messages.EMPTY_TEXT, intent="empty")
        intent = self.classifier.classify(turn.text)
        flow = turn.state.get("flow")
        if flow and intent != "exit" and intent in ("policy", "greeting", "thanks") and flow in HANDLERS:
            intent = flow  # inside a multi-turn flow, free text belongs to the flow
        return HANDLERS.get(intent, HANDLERS["policy"])(turn)

    # ------------------------------------------------------------ helpers
    def answer_question(self, question: str, user_key: str):
        return self.knowledge.answer(question)

    def record_unanswered(self, question: str) -> None:
        key = compact(question)[:500]
        if not key:
            return
        with self.sessions() as s:
            updated = s.execute(update(UnansweredQuestion).where(UnansweredQuestion.normalized == key).values(
                count=UnansweredQuestion.count + 1, last_asked=utcnow(), question=question, handled=False))
            if updated.rowcount == 0:
                s.add(UnansweredQuestion(normalized=key, question=question, count=1, first_asked=utcnow(),
                                         last_asked=utcnow(), handled=False))
            try:
                s.commit()
            except IntegrityError:  # another worker inserted it first
                s.rollback()
                self.record_unanswered(question)

    def queue_delivery(self, user_key: str, text: str) -> None:
        """Keep a message for the user's next turn (no push channel available)."""
        with self.sessions() as s:
            s.add(PendingDelivery(user_key=user_key, text=text, created_at=utcnow()))
            s.commit()

    def take_pending(self, user_key: str) -> list[str]:
        with self.read_sessions() as s:  # nearly always nothing is waiting: look before locking
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
            s.commit()
            return [r.text for r in rows]

    def _with_pending(self, user_key: str, reply: Reply) -> Reply:
        if reply.silent:
            return reply
        pending = self.take_pending(user_key)
        if pending:
            reply.text = "\n\n".join(pending + [reply.text])
        return reply

    def recent_conversation(self, user_key: str, limit: int = 10) -> list[dict]:
        with self.read_sessions() as s:
            rows = s.scalars(select(MessageLog).where(MessageLog.user_key == user_key)
                             .order_by(MessageLog.id.desc()).limit(limit)).all()
        return [{"direction": r.direction, "text": r.text, "at": r.created_at.isoformat()} for r in reversed(rows)]

    def _log_rows(self, incoming: Incoming, reply: Reply) -> list[MessageLog]:
        now = utcnow()
        text_in = incoming.text or f"[{incoming.kind}{':' + incoming.event if incoming.event else ''}]"
        rows = [MessageLog(user_key=incoming.user_key, channel=incoming.channel, direction="in",
                           text=text_in[:4000], intent=reply.intent, created_at=now)]
        if not reply.silent:
            rows.append(MessageLog(user_key=incoming.user_key, channel=incoming.channel, direction="out",
                                   text=reply.render()[:4000], intent=reply.intent, found=reply.found,
                                   created_at=now + timedelta(microseconds=1)))
        return rows


_AFFIRMATIVE = re.compile(r"^(好|好的|好啊|可以|行|要|需要|是|是的|嗯|嗯嗯|ok|okay|麻烦了|麻烦你了)$", re.I)


def is_affirmative(text: str) -> bool:
    return bool(_AFFIRMATIVE.match(compact(text)))
