"""BM25 keyword indexes (bm25s), one of each per index generation.

Dense embeddings miss exact names and numbers ("111", "泰州日", "424套");
BM25 over jieba tokens catches them. A second one over character pairs
(knowledge.text.character_pairs) meets wording that jieba cuts otherwise in the
question than in the document. Both are derived data: ingest writes them beside
the vectors, and a machine that lacks them (a second server sharing a Chroma
server) rebuilds them from the chunks.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from knowledge.text import character_pairs, tokenize

PAIRS_DIR = "pairs"  # where a generation's character-pair index is saved, inside its directory


class KeywordIndex:
    def __init__(self, ids: list[str], retriever, tokenizer: Callable[[str], list[str]] = tokenize):
        self.ids = ids
        self._bm25 = retriever
        self._tokenize = tokenizer  # how a query is cut: as the rows were

    @classmethod
    def build(cls, ids: Sequence[str], token_lists: Sequence[list[str]],
              tokenizer: Callable[[str], list[str]] = tokenize) -> "KeywordIndex":
        import bm25s

        retriever = bm25s.BM25()
        # bm25s cannot index an empty corpus or an empty document; a
        # placeholder token keeps positions aligned with ``ids``.
        corpus = [toks or ["\u2400"] for toks in token_lists] or [["\u2400"]]
        retriever.index(corpus, show_progress=False)
        return cls(list(ids), retriever, tokenizer)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(directory), show_progress=False)
        tmp = directory / "ids.json.tmp"
        tmp.write_text(json.dumps(self.ids, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, directory / "ids.json")  # ids.json last: its presence marks a complete save

    @classmethod
    def load(cls, directory: Path, tokenizer: Callable[[str], list[str]] = tokenize) -> "KeywordIndex | None":
        import bm25s

        if not (directory / "ids.json").exists():
            return None
        ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(directory), show_progress=False, verbosity=0)
        return cls(ids, retriever, tokenizer)

    def row_tokens(self) -> list[list[str]]:
        """Each row's tokens, read back from the index (a generation copied from a Chroma server
        has no other record of them): the columns of its term matrix turned into rows."""
        scores = self._bm25.scores
        indptr, indices = np.asarray(scores["indptr"]), np.asarray(scores["indices"])
        names = {i: t for t, i in self._bm25.vocab_dict.items()}
        token_of = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
        order = np.argsort(indices, kind="stable")
        rows, tokens = indices[order], token_of[order]
        bounds = np.searchsorted(rows, np.arange(len(self.ids) + 1))
        return [[names[int(t)] for t in tokens[bounds[i]:bounds[i + 1]]] for i in range(len(self.ids))]

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, BM25 score) with score > 0; ``allowed`` is a 0/1 mask over ids."""
        tokens = [t for t in self._tokenize(query) if t in self._bm25.vocab_dict]
        if not tokens or not self.ids:
            return []
        scores = self._bm25.get_scores(tokens, weight_mask=None if allowed is None else allowed.astype(np.float32))
        # The top k among the rows that hold a query word, not among all rows: numpy's
        # argpartition(scores, -k), as bm25s.retrieve calls it, takes ~14 ms on 100k rows that
        # are mostly 0 (a common word held by a few thousand), against ~0.1 ms here
        # (bench/README.md, "BM25 top-k").
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        hits = hits[np.argsort(-scores[hits], kind="stable")]
        return [(self.ids[int(i)], float(scores[i])) for i in hits]


def pair_text(heading: str, text: str) -> str:
    """What a chunk's character pairs are taken from: its section and its body (not the title,
    which every chunk of a document repeats: measured, multi_dev hit@1 .816 → .809 with it)."""
    return f"{heading} {text}"


def build_pairs(ids: Sequence[str], texts: Sequence[str]) -> KeywordIndex:
    """The character-pair index of rows ``ids`` with ``texts`` (``pair_text`` of each chunk)."""
    return KeywordIndex.build(ids, [character_pairs(t) for t in texts], character_pairs)


def write_pairs(generation_dir: Path, ids: Sequence[str], texts: Sequence[str]) -> KeywordIndex:
    """``build_pairs``, saved in the generation's directory: under a temporary name, renamed into
    place, so a reader finds all of it or none; if another process put one there first, its copy
    is kept (the same data)."""
    index = build_pairs(ids, texts)
    target = Path(generation_dir) / PAIRS_DIR
    tmp = target.with_name(f"{PAIRS_DIR}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        index.save(tmp)
        os.rename(tmp, target)
    except OSError:  # there already, or a directory this process may not write: the index still serves
        shutil.rmtree(tmp, ignore_errors=True)
    return index


def pairs_of(generation_dir: Path, ids: Sequence[str], texts: Sequence[str]) -> KeywordIndex:
    """A generation's character-pair index. One written before there was such an index gets it once,
    written back by the first process to load it, not rebuilt by every worker on every load (about
    a minute at 100k chunks: bench/pairs_bench.py)."""
    loaded = KeywordIndex.load(Path(generation_dir) / PAIRS_DIR, character_pairs)
    return loaded if loaded is not None else write_pairs(generation_dir, ids, texts)
