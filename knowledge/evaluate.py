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
from knowledge.text import fold_width, fullwidth_punctuation

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class QAItem:
    question: str
    expected: str     # "" = the documents cannot answer it
    source: str = ""  # the document (file name) that should be cited; "" = any


def read_qa(path: Path) -> list[QAItem]:
    """A QA file: header ``question<TAB>expected`` with an optional third column ``source``."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [c.strip() for c in rows[0]] if rows else []
    if header[:2] != ["question", "expected"] or header[2:] not in ([], ["source"]):
        raise ConfigError(f"{path}: the first line must be the header 'question<TAB>expected[<TAB>source]'")
    columns = len(header)
    items = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        if len(row) > columns:
            raise ConfigError(f"{path}:{lineno}: expected {columns} tab-separated columns, got {len(row)}")
        cells = [c.strip() for c in row] + [""] * (3 - len(row))
        items.append(QAItem(cells[0], cells[1], cells[2]))
    if not items:
        raise ConfigError(f"{path}: no questions")
    return items


def _norm(text: str) -> str:
    """Compared as ingest stores text: no spaces, full-width digits as ASCII ("２０１６年" is "2016年"),
    ASCII punctuation beside Chinese as full-width ("出题,青年" is "出题，青年")."""
    return _WS.sub("", fullwidth_punctuation(fold_width(text)))


def evaluate(kb, items: list[QAItem], use_llm: bool = False, k: int = 10) -> dict:
    """Metrics as rates in 0..1, plus one row per question under "questions".

    A retrieved chunk is a hit when it contains ``expected`` and, if the item
    names a source, belongs to that document. ``source@1`` (only for files
    with a source column): the answer's first cited document is the expected one.
    """
    answerable = [i for i in items if i.expected]
    unanswerable = [i for i in items if not i.expected]
    with_source = [i for i in answerable if i.source]
    hit1 = hit3 = rr = contains = no_answer_ok = source1 = 0.0
    rows = []
    for item in items:
        retrieval = kb.retrieve(item.question, k=k)
        answer = kb.answer(item.question, use_llm=use_llm)
        cited = answer.sources[0]["doc_id"] if answer.found and answer.sources else ""
        rank = None
        if item.expected:
            want = _norm(item.expected)
            rank = next((i + 1 for i, c in enumerate(retrieval.chunks)
                         if want in _norm(c.chunk.text) and (not item.source or c.chunk.doc_id == item.source)), None)
            hit1 += rank == 1
            hit3 += rank is not None and rank <= 3
            rr += 1.0 / rank if rank else 0.0
            ok = answer.found and want in _norm(answer.text) and (not item.source or cited == item.source)
            contains += answer.found and want in _norm(answer.text)
            source1 += bool(item.source) and cited == item.source
        else:
            ok = not answer.found
            no_answer_ok += ok
        rows.append({"question": item.question, "expected": item.expected, "source": item.source, "rank": rank,
                     "answer": answer.text, "cited": cited, "found": answer.found, "ok": bool(ok),
                     "relevance": round(retrieval.chunks[0].relevance, 3) if retrieval.chunks else None})
    n_a = max(len(answerable), 1)
    metrics = {
        "n": len(items),
        "hit@1": hit1 / n_a,
        "hit@3": hit3 / n_a,
        "mrr": rr / n_a,
        "answer_contains": contains / n_a,
        "no_answer_correct": no_answer_ok / max(len(unanswerable), 1) if unanswerable else 1.0,
    }
    if with_source:
        metrics["source@1"] = source1 / len(with_source)
    return {**metrics, "questions": rows}
