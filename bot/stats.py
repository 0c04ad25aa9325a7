"""The dashboard's numbers, from the message log and the tickets.

Plain functions on a SQLAlchemy session (no request), each returning JSON-ready
rows: the console renders them as charts and as tables, and tests call them on
real rows. Days are the users' days (``booking.timezone``), not the server's UTC.
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.dates import day_start_utc, local_date
from bot.models import MessageLog, Ticket, utcnow
from bot.tickets import first_responses

QUESTION_INTENT = "policy"  # a reply from the knowledge base (or a standard answer): one question asked


def _window(days: int, zone: str, now: datetime) -> tuple[list[date], datetime]:
    """The last ``days`` local days, oldest first, and the UTC moment the first one began."""
    today = local_date(now, zone)
    day_list = [today - timedelta(days=i) for i in range(days - 1, -1, -1)]
    return day_list, day_start_utc(day_list[0], zone)


def _answers_since(since: datetime) -> tuple:
    """The log rows that are the bot's answer to a question, from ``since`` on."""
    return (MessageLog.direction == "out", MessageLog.intent == QUESTION_INTENT, MessageLog.created_at >= since)


def questions_per_day(s: Session, days: int, zone: str, now: datetime | None = None) -> list[dict]:
    """Questions asked and answered per day; ``rate`` is the answered share (None on a day without questions)."""
    day_list, since = _window(days, zone, now or utcnow())
    asked, answered = Counter(), Counter()
    for created_at, found in s.execute(select(MessageLog.created_at, MessageLog.found).where(*_answers_since(since))):
        day = local_date(created_at, zone)
        asked[day] += 1
        answered[day] += bool(found)
    return [{"day": d.isoformat(), "questions": asked[d], "answered": answered[d],
             "rate": round(answered[d] / asked[d], 3) if asked[d] else None} for d in day_list]


def feedback_per_day(s: Session, days: int, zone: str, now: datetime | None = None) -> list[dict]:
    """Answers rated 👍 and 👎 per day of the answer (bot/convlog.py records the ratings)."""
    day_list, since = _window(days, zone, now or utcnow())
    counts = {"up": Counter(), "down": Counter()}
    for created_at, rating in s.execute(select(MessageLog.created_at, MessageLog.feedback).where(
            *_answers_since(since), MessageLog.feedback.is_not(None))):
        if rating in counts:
            counts[rating][local_date(created_at, zone)] += 1
    return [{"day": d.isoformat(), "up": counts["up"][d], "down": counts["down"][d]} for d in day_list]


def top_questions(s: Session, days: int, zone: str, limit: int = 10, now: datetime | None = None) -> list[dict]:
    """The questions asked most often (the same text), with how many of those times found an answer."""
    _, since = _window(days, zone, now or utcnow())
    count = func.count().label("n")
    rows = s.execute(select(MessageLog.text, count).where(
        MessageLog.direction == "in", MessageLog.intent == QUESTION_INTENT, MessageLog.created_at >= since)
        .group_by(MessageLog.text).order_by(count.desc(), MessageLog.text).limit(limit))
    return [{"question": text, "count": n} for text, n in rows]


def top_documents(s: Session, days: int, zone: str, limit: int = 10, now: datetime | None = None) -> list[dict]:
    """The documents answers cited most often: the first of each answer's sources, the one
    its citation line names (the message log keeps them, bot/convlog.py)."""
    _, since = _window(days, zone, now or utcnow())
    titles = Counter()
    for sources in s.scalars(select(MessageLog.sources).where(*_answers_since(since), MessageLog.found.is_(True),
                                                              MessageLog.sources.is_not(None))):
        titles[sources.split("\n")[0]] += 1
    return [{"title": t, "count": n} for t, n in sorted(titles.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def ticket_response_per_day(s: Session, days: int, zone: str, now: datetime | None = None) -> list[dict]:
    """Tickets opened per day, how many got an answer, and the median time to the first one (minutes)."""
    day_list, since = _window(days, zone, now or utcnow())
    tickets = s.execute(select(Ticket.id, Ticket.created_at).where(Ticket.created_at >= since)).all()
    firsts = first_responses(s, [t.id for t in tickets])
    opened, waits = Counter(), {}
    for ticket_id, created_at in tickets:
        day = local_date(created_at, zone)
        opened[day] += 1
        if ticket_id in firsts:
            waits.setdefault(day, []).append((firsts[ticket_id] - created_at).total_seconds() / 60)
    return [{"day": d.isoformat(), "tickets": opened[d], "answered": len(waits.get(d, [])),
             "median_minutes": round(statistics.median(waits[d]), 1) if d in waits else None} for d in day_list]


def dashboard_data(s: Session, zone: str, days: int = 30, now: datetime | None = None) -> dict:
    """Everything the dashboard charts show, as one JSON-ready dict."""
    now = now or utcnow()
    return {"days": days,
            "questions": questions_per_day(s, days, zone, now),
            "feedback": feedback_per_day(s, days, zone, now),
            "top_questions": top_questions(s, days, zone, now=now),
            "top_documents": top_documents(s, days, zone, now=now),
            "tickets": ticket_response_per_day(s, days, zone, now)}
