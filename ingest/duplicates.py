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
    sets = [shingles(texts[d]) for d in ids]
    rng = np.random.default_rng(20261204)
    a = rng.integers(1, np.iinfo(np.int64).max, PERMUTATIONS, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    b = rng.integers(0, np.iinfo(np.int64).max, PERMUTATIONS, dtype=np.int64).astype(np.uint64)
    sigs = np.stack([_signature(s, a, b) for s in sets]) if ids else np.zeros((0, PERMUTATIONS), np.uint64)
    found = []
    for x, y in _likely(sigs, _candidates(sigs), threshold):
        union = len(sets[x] | sets[y])
        jaccard = len(sets[x] & sets[y]) / union if union else 0.0
        if jaccard >= threshold:
            found.append([ids[x], ids[y], round(jaccard, 3)])
    return found


def _candidates(sigs: np.ndarray) -> np.ndarray:
    """Pairs (i < j, sorted, each once) whose signatures agree on all rows of at least one band (MinHash LSH):
    documents sharing 65% of their wording meet in a band with probability 0.96, 80% with 0.9998,
    and unrelated ones almost never (7,800 documents are 30 million pairs).

    Documents written from the same phrases (a series of notices, the bench's synthetic corpus)
    share ~40% of their wording and meet in some band too: 19% of all pairs there, 6 million among
    7,800 documents. So the pairs are numpy arrays, not a set of tuples, and their signatures are
    compared before their shingle sets (``_likely``).
    """
    n = len(sigs)
    codes = []
    for band in range(BANDS):
        _, bucket = np.unique(sigs[:, band * ROWS:(band + 1) * ROWS], axis=0, return_inverse=True)
        bucket = bucket.ravel()
        order = np.argsort(bucket, kind="stable")
        starts = np.flatnonzero(np.r_[True, bucket[order][1:] != bucket[order][:-1], True])
        for lo, hi in zip(starts[:-1], starts[1:]):
            if hi - lo > 1:
                members = order[lo:hi]  # ascending: argsort is stable over ascending positions
                i, j = np.triu_indices(hi - lo, 1)
                codes.append(members[i].astype(np.int64) * n + members[j])
    if not codes:
        return np.zeros((0, 2), np.int64)
    unique = np.unique(np.concatenate(codes))
    return np.stack([unique // n, unique % n], axis=1)


# How far below the threshold a candidate's MinHash estimate may fall and still be checked exactly:
# 4 standard errors of a 64-row estimate at its widest (J = 0.5), so a pair at the threshold is
# dropped with probability ~3e-5.
_MARGIN = 4 * 0.5 / PERMUTATIONS ** 0.5


def _likely(sigs: np.ndarray, pairs: np.ndarray, threshold: float, step: int = 500_000) -> list[tuple[int, int]]:
    """The candidates whose signatures agree on nearly ``threshold`` of their rows (the MinHash estimate
    of their Jaccard similarity): only these have their shingle sets compared, which was 186 of a
    100k-chunk build's 295 s in the store stage when every candidate was (bench/README.md, 2026-12-05)."""
    keep = []
    for lo in range(0, len(pairs), step):
        part = pairs[lo:lo + step]
        agree = (sigs[part[:, 0]] == sigs[part[:, 1]]).mean(axis=1)
        keep.append(part[agree >= threshold - _MARGIN])
    return [(int(x), int(y)) for x, y in np.concatenate(keep)] if keep else []


def document_texts(records: Iterable) -> dict[str, str]:
    """Each document's chunk texts joined (the card of what a document is left out: it is metadata)."""
    parts: dict[str, list[str]] = {}
    for r in records:
        if r.heading != CARD_HEADING:
            parts.setdefault(r.doc_id, []).append(r.text)
    return {d: "\n".join(p) for d, p in parts.items()}
