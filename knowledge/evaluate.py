"""Retrieval and answer quality on a QA set, through the same entry points users hit.

QA.tsv has the header ``question<TAB>expected``; ``expected`` is a substring
that a relevant chunk contains, or empty for a question the documents cannot
answer.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class QAItem:
    question: str
    expected: str  # "" = the documents cannot answer it


def read_qa(path: Path) -> list[QAItem]:
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip() for c in rows[0][:2]] != ["question", "expected"]:
        raise ConfigError(f"{path}: the first line must be the header 'question<TAB>expected'")
    items = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        if len(row) > 2:
            raise ConfigError(f"{path}:{lineno}: expected 2 tab-separated columns, got {len(row)}")
        items.append(QAItem(row[0].strip(), row[1].strip() if len(row) > 1 else ""))
    if not items:
        raise ConfigError(f"{path}: no questions")
    return items


def _norm(text: str) -> str:
    return _WS.sub("", text)


def evaluate(kb, items: list[QAItem], use_llm: bool = False, k: int = 10) -> dict:
    """Metrics as rates in 0..1, plus per-question details under "details"."""
    answerable = [i for i in items if i.expected]
    unanswerable = [i for i in items if not i.expected]
    hit1 = hit3 = rr = contains = no_answer_ok = 0.0
    details = []
    for item in items:
        retrieval = kb.retrieve(item.question, k=k)
        answer = kb.answer(item.question, use_llm=use_llm)
        rank = None
        if item.expected:
            want = _norm(item.expected)
            rank = next((i + 1 for i, c in enumerate(retrieval.chunks) if want in _norm(c.chunk.text)), None)
            hit1 += rank == 1
            hit3 += rank is not None and rank <= 3
            rr += 1.0 / rank if rank else 0.0
            ok = answer.found and want in _norm(answer.text)
            contains += ok
        else:
            ok = not answer.found
            no_answer_ok += ok
        details.append({"question": item.question, "expected": item.expected, "rank": rank, "ok": bool(ok),
                        "found": answer.found, "answer": answer.text,
                        "relevance": round(retrieval.chunks[0].relevance, 3) if retrieval.chunks else None})
    n_a = max(len(answerable), 1)
    return {
        "n": len(items),
        "hit@1": hit1 / n_a,
        "hit@3": hit3 / n_a,
        "mrr": rr / n_a,
        "answer_contains": contains / n_a,
        "no_answer_correct": no_answer_ok / max(len(unanswerable), 1) if unanswerable else 1.0,
        "details": details,
    }
