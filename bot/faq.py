"""Standard answers (标准问答): staff's own answers, tried before the documents.

Staff write them where the documents answer badly or not at all (from 未答问题,
hit testing, the console page or ``flask --app bot faq``). They live in the
database, so every worker sees a save: each worker looks for changes at most every
``faq.refresh_s`` seconds (one indexed query) and re-embeds the phrasings when
there are some. Matching itself is knowledge.faq (dense and keyword evidence).
"""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot import messages
from bot.models import FaqEntry, utcnow
from core.config import Settings
from knowledge.answer import Answer
from knowledge.faq import FaqHit, FaqItem, FaqMatcher

TITLE = messages.FAQ_SOURCE_TITLE
MAX_QUESTION, MAX_ANSWER = 200, 2000
_HEADER_WORDS = ("question", "问题")  # the first cell of an imported sheet's header row, in either language


class FaqError(ValueError):
    """A standard answer that cannot be saved; ``message`` is for staff (Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _clean(question: str, answer: str, aliases: list[str] | None) -> tuple[str, str, list[str]]:
    question, answer = (question or "").strip(), (answer or "").strip()
    if not question or len(question) > MAX_QUESTION:
        raise FaqError(messages.FAQ_BAD_QUESTION.format(max=MAX_QUESTION))
    if not answer or len(answer) > MAX_ANSWER:
        raise FaqError(messages.FAQ_BAD_ANSWER.format(max=MAX_ANSWER))
    seen, out = {question}, []
    for alias in aliases or []:
        alias = alias.strip()
        if alias and alias not in seen and len(alias) <= MAX_QUESTION:
            seen.add(alias)
            out.append(alias)
    return question, answer, out


def add(s: Session, question: str, answer: str, aliases: list[str] | None = None, source: str = "",
        actor: str = "cli") -> FaqEntry:
    question, answer, aliases = _clean(question, answer, aliases)
    now = utcnow()
    entry = FaqEntry(question=question, aliases=aliases, answer=answer, source=(source or "").strip()[:200],
                     enabled=True, created_by=actor[:64], created_at=now, updated_at=now)
    s.add(entry)
    s.flush()
    return entry


def update(s: Session, entry_id: int, question: str, answer: str, aliases: list[str] | None, source: str = "",
           enabled: bool = True) -> FaqEntry:
    entry = _get(s, entry_id)
    entry.question, entry.answer, entry.aliases = _clean(question, answer, aliases)
    entry.source, entry.enabled, entry.updated_at = (source or "").strip()[:200], enabled, utcnow()
    return entry


def set_enabled(s: Session, entry_id: int, enabled: bool) -> FaqEntry:
    entry = _get(s, entry_id)
    entry.enabled, entry.updated_at = enabled, utcnow()
    return entry


def remove(s: Session, entry_id: int) -> FaqEntry:
    entry = _get(s, entry_id)
    s.delete(entry)
    return entry


def _get(s: Session, entry_id: int) -> FaqEntry:
    entry = s.get(FaqEntry, entry_id)
    if entry is None:
        raise FaqError(messages.FAQ_NO_SUCH_ENTRY.format(id=entry_id))
    return entry


def entries(s: Session, search: str = "") -> list[FaqEntry]:
    query = select(FaqEntry).order_by(FaqEntry.id)
    if search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(FaqEntry.question.like(like), FaqEntry.answer.like(like)))
    return list(s.scalars(query))


def import_csv(s: Session, path: Path, actor: str = "cli") -> int:
    """Rows ``question,answer[,aliases[,source]]`` (aliases separated by "|"), a header row allowed.
    All or nothing: a bad row names its line and nothing is saved."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    added = 0
    for lineno, row in enumerate(rows, 1):
        if not row or not any(c.strip() for c in row) or (lineno == 1 and row[0].strip().lower() in _HEADER_WORDS):
            continue
        if len(row) < 2:
            raise FaqError(messages.FAQ_IMPORT_TOO_FEW_COLUMNS.format(line=lineno))
        try:
            add(s, row[0], row[1], row[2].split("|") if len(row) > 2 else [], row[3] if len(row) > 3 else "", actor)
        except FaqError as exc:
            raise FaqError(messages.FAQ_IMPORT_BAD_LINE.format(line=lineno, problem=exc.message)) from None
        added += 1
    return added


class StandardAnswers:
    """The answer entry point of bot/: a standard answer when one matches, else the documents'.

    One per worker. The matcher is rebuilt when the table changed (count and latest
    update, checked at most every ``faq.refresh_s``), so a save reaches every worker
    within about that long.
    """

    def __init__(self, settings: Settings, knowledge, read_sessions: sessionmaker):
        self.cfg = settings.faq
        self.knowledge = knowledge
        self.read_sessions = read_sessions
        self._lock = threading.Lock()
        self._checked = 0.0
        self._stamp: tuple | None = None
        self._matcher: FaqMatcher | None = None

    def matcher(self) -> FaqMatcher | None:
        if time.monotonic() - self._checked < self.cfg.refresh_s:
            return self._matcher
        with self._lock:
            if time.monotonic() - self._checked >= self.cfg.refresh_s:
                with self.read_sessions() as s:
                    stamp = tuple(s.execute(select(func.count(FaqEntry.id), func.max(FaqEntry.updated_at))).one())
                    if stamp != self._stamp:
                        self._matcher = matcher_of(s, self.cfg, self.knowledge.embedder)
                        self._stamp = stamp
                self._checked = time.monotonic()
        return self._matcher

    def match(self, question: str) -> FaqHit | None:
        matcher = self.matcher()
        return matcher.match(question) if matcher is not None else None

    def answer(self, question: str) -> Answer:
        hit = self.match(question)
        if hit is None:
            return self.knowledge.answer(question)
        return as_answer(question, hit)


def matcher_of(s: Session, cfg, embedder) -> FaqMatcher | None:
    """The matcher of the enabled entries (None when there are none): what users' questions are
    matched against, and what a new entry is checked against in the console."""
    items = [FaqItem(e.id, e.question, tuple(e.aliases or ()), e.answer, e.source)
             for e in s.scalars(select(FaqEntry).where(FaqEntry.enabled.is_(True)))]
    return FaqMatcher(items, embedder, cfg.min_similarity, cfg.min_terms) if items else None


def as_answer(question: str, hit: FaqHit) -> Answer:
    """A standard answer as the knowledge base's Answer, citing 标准问答 (and the document staff named)."""
    item = hit.item
    source = {"title": item.source or TITLE, "section": TITLE if item.source else "",
              "snippet": item.answer[:80], "doc_id": f"faq:{item.id}", "chunk_id": ""}
    return Answer(question, item.answer, True, [source], [], "faq")
