"""The conversation log staff read: every question with the reply it got, its sources,
whether a standard answer gave it, and how the user rated it.

Rows are ``message_log`` (bot/models.MessageLog), written by the dialogue engine with
each turn; a message and its reply share a ``turn_id``, which is also the id users rate
an answer by (``rate``). Staff never see who a user is: a short keyed hash of the
identity (``pseudonym``) and phone numbers masked (bot.dialogue.extract.mask_phones).
Rows older than ``log.retention_days`` are deleted (``prune``).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from bot import messages
from bot.dates import day_start_utc
from bot.models import MessageLog, utcnow

RATINGS = ("up", "down")
CHANNELS = messages.CHANNEL_LABELS  # the channel names the log shows and filters by
ANSWER_INTENT = "policy"  # replies to questions: the ones users rate and staff correct


def pseudonym(user_key: str, secret: str) -> str:
    """A short stable name for a user ("U3f9a2c71"): the same person reads as the same name
    across the log, and the openid or visitor id behind it cannot be read back from it."""
    digest = hmac.new(secret.encode(), user_key.encode(), hashlib.sha256).hexdigest()
    return f"U{digest[:8]}"


# ---------------------------------------------------------------- ratings
def rate(s: Session, turn_id: str, user_key: str, value: str) -> bool:
    """Record the user's 👍/👎 on one of their own answers (a new rating replaces the old).
    False when there is no such answer of theirs: nobody rates another person's answer."""
    if value not in RATINGS:
        raise ValueError(value)
    done = s.execute(update(MessageLog).where(
        MessageLog.turn_id == turn_id, MessageLog.user_key == user_key, MessageLog.direction == "out",
        MessageLog.intent == ANSWER_INTENT,
    ).values(feedback=value, feedback_at=utcnow()))
    return done.rowcount > 0


def last_answer(s: Session, user_key: str, within: timedelta) -> MessageLog | None:
    """The user's latest reply, when it was an answer to a question given within ``within``:
    what "没用" right after it refers to."""
    row = s.scalars(select(MessageLog).where(MessageLog.user_key == user_key, MessageLog.direction == "out")
                    .order_by(MessageLog.id.desc()).limit(1)).first()
    if row is None or row.intent != ANSWER_INTENT or not row.turn_id or row.created_at < utcnow() - within:
        return None
    return row


def question_of(s: Session, turn_id: str) -> str:
    return s.scalar(select(MessageLog.text).where(MessageLog.turn_id == turn_id, MessageLog.direction == "in")) or ""


# ---------------------------------------------------------------- what staff filter by
@dataclass(frozen=True)
class LogFilter:
    """The console's filters; dates are days where the users are (``booking.timezone``)."""

    start: date | None = None
    end: date | None = None          # inclusive
    not_found: bool = False          # 未找到答案 only
    down: bool = False               # 👎 only
    document: str = ""               # a cited document title
    faq: bool = False                # answered by a standard answer
    channel: str = ""

    @classmethod
    def from_args(cls, args) -> "LogFilter":
        def day(name: str) -> date | None:
            try:
                return date.fromisoformat(args.get(name, "").strip())
            except ValueError:
                return None

        channel = args.get("channel", "")
        return cls(day("from"), day("to"), args.get("notfound") == "1", args.get("down") == "1",
                   args.get("doc", "").strip()[:200], args.get("faq") == "1", channel if channel in CHANNELS else "")

    def as_args(self) -> dict:
        """The filter as query parameters again (pagination and export links keep it)."""
        out = {"from": self.start.isoformat() if self.start else "", "to": self.end.isoformat() if self.end else "",
               "notfound": "1" if self.not_found else "", "down": "1" if self.down else "", "doc": self.document,
               "faq": "1" if self.faq else "", "channel": self.channel}
        return {k: v for k, v in out.items() if v}


Question = aliased(MessageLog)


def turns(f: LogFilter, zone: str) -> Select:
    """(reply row, the question's text) per turn, newest first, filtered by ``f``."""
    query = (select(MessageLog, Question.text)
             .outerjoin(Question, and_(Question.turn_id == MessageLog.turn_id, Question.direction == "in"))
             .where(MessageLog.direction == "out"))
    if f.start:
        query = query.where(MessageLog.created_at >= day_start_utc(f.start, zone))
    if f.end:
        query = query.where(MessageLog.created_at < day_start_utc(f.end + timedelta(days=1), zone))
    if f.not_found:
        query = query.where(MessageLog.found.is_(False))
    if f.down:
        query = query.where(MessageLog.feedback == "down")
    if f.faq:
        query = query.where(MessageLog.faq_id.is_not(None))
    if f.channel:
        query = query.where(MessageLog.channel == f.channel)
    if f.document:  # titles are stored one per line: match a whole line
        lines = "\n" + func.coalesce(MessageLog.sources, "") + "\n"
        query = query.where(lines.contains(f"\n{f.document}\n", autoescape=True))
    return query.order_by(MessageLog.created_at.desc(), MessageLog.id.desc())


def count(s: Session, query: Select) -> int:
    return s.scalar(select(func.count()).select_from(query.order_by(None).subquery()))


def cited_titles(s: Session) -> list[str]:
    """Every document title some logged reply cited, for the document filter."""
    titles: set[str] = set()
    for value in s.scalars(select(MessageLog.sources).where(MessageLog.sources.is_not(None)).distinct()):
        titles.update(t for t in value.split("\n") if t)
    return sorted(titles)


def conversation(s: Session, user_key: str) -> list[MessageLog]:
    """Every message and reply of one user, oldest first."""
    return list(s.scalars(select(MessageLog).where(MessageLog.user_key == user_key).order_by(MessageLog.id)))


def down_count(s: Session, since: datetime) -> int:
    """Answers rated 👎 given since ``since`` (the dashboard's number)."""
    return s.scalar(select(func.count()).select_from(MessageLog).where(
        MessageLog.direction == "out", MessageLog.feedback == "down", MessageLog.created_at >= since)) or 0


# ---------------------------------------------------------------- retention
def prune(s: Session, retention_days: int) -> int:
    """Delete messages older than ``retention_days``; how many went."""
    cutoff = utcnow() - timedelta(days=retention_days)
    return s.execute(delete(MessageLog).where(MessageLog.created_at < cutoff)).rowcount or 0


class Retention:
    """Prunes the log at most once an hour per process, from the first message after that:
    a worker that serves messages keeps the log within its retention without a timer."""

    INTERVAL_S = 3600.0

    def __init__(self, sessions, retention_days: int):
        self.sessions = sessions
        self.retention_days = retention_days
        self._last = float("-inf")

    def maybe_prune(self) -> None:
        if time.monotonic() - self._last < self.INTERVAL_S:
            return
        self._last = time.monotonic()
        with self.sessions() as s:
            prune(s, self.retention_days)
            s.commit()
