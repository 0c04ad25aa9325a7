"""Near-duplicate documents: the same text uploaded twice, or a new version beside the old one.

Why shingles and not embeddings: two versions of one notice differ in a date
or an amount, and staff want to know they are *the same text*; an embedding
says "about the same topic", which every policy of one office is. Jaccard
similarity of character 5-gram sets measures shared wording, and MinHash
signatures keep the comparison of every pair cheap (exact Jaccard only for
the candidate pairs).
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Iterable, Mapping

import numpy as np

from knowledge.snapshot import CARD_HEADING

SHINGLE = 5           # characters: short enough for Chinese, long enough to mean wording
PERMUTATIONS = 64
BANDS, ROWS = 16, 4      # LSH: 16 bands of 4 signature rows (BANDS * ROWS == PERMUTATIONS)
_SPACE = re.compile(r"\s+")


def shingles(text: str) -> set[int]:
    """The document's character 5-grams (whitespace ignored), hashed.

    Python's string hash is salted per process: fine, every comparison happens
    within one call, and the pairs reported are verified on these exact sets.
    """
    flat = _SPACE.sub("", text)
    return {hash(flat[i:i + SHINGLE]) for i in range(max(len(flat) - SHINGLE + 1, 1))} if flat else set()


def _signature(hashes: set[int], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash: the least of each of the hash functions a*x + b (mod 2^64) over the shingles."""
    if not hashes:
        return np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    values = np.fromiter((h & 0xFFFFFFFFFFFFFFFF for h in hashes), dtype=np.uint64, count=len(hashes))
    with np.errstate(over="ignore"):
        return (a[:, None] * values[None, :] + b[:, None]).min(axis=1)


def near_duplicates(texts: Mapping[str, str], threshold: float) -> list[list]:
    """Pairs ``[doc_a, doc_b, jaccard]`` of documents whose texts share at least ``threshold`` of their wording."""
    ids = sorted(texts)
    sets = {d: shingles(texts[d]) for d in ids}
    rng = np.random.default_rng(20261204)
    a = rng.integers(1, np.iinfo(np.int64).max, PERMUTATIONS, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    b = rng.integers(0, np.iinfo(np.int64).max, PERMUTATIONS, dtype=np.int64).astype(np.uint64)
    sigs = {d: _signature(sets[d], a, b) for d in ids}
    found = []
    for x, y in sorted(_candidates(ids, sigs)):
        union = len(sets[x] | sets[y])
        jaccard = len(sets[x] & sets[y]) / union if union else 0.0
        if jaccard >= threshold:
            found.append([x, y, round(jaccard, 3)])
    return found


def _candidates(ids: list[str], sigs: Mapping[str, np.ndarray]) -> set[tuple[str, str]]:
    """Pairs whose signatures agree on all rows of at least one band (MinHash LSH): documents
    sharing 65% of their wording meet in a band with probability 0.96, 80% with 0.9998, and
    unrelated ones almost never, so the work grows with the number of documents, not of pairs
    (7,800 documents are 30 million pairs)."""
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[str]] = {}
        for d in ids:
            buckets.setdefault(sigs[d][band * ROWS:(band + 1) * ROWS].tobytes(), []).append(d)
        for members in buckets.values():
            pairs.update(combinations(members, 2))  # ``ids`` is sorted: each pair comes as (smaller, larger)
    return pairs


def document_texts(records: Iterable) -> dict[str, str]:
    """Each document's chunk texts joined (the card of what a document is left out: it is metadata)."""
    parts: dict[str, list[str]] = {}
    for r in records:
        if r.heading != CARD_HEADING:
            parts.setdefault(r.doc_id, []).append(r.text)
    return {d: "\n".join(p) for d, p in parts.items()}
