"""Does a retrieved chunk speak to the question at all?

Ranking always returns *something*; saying "not found" honestly needs an
absolute signal. We combine two: how much of the question's content the
chunk covers (jieba terms, colloquial synonyms mapped to document wording,
generic words such as 人才 or 姜堰 down-weighted because every chunk has
them), and the dense cosine similarity. Both are cheap and need no model
beyond the embedder already loaded.
"""

from __future__ import annotations

from knowledge.index import ChunkRecord
from knowledge.text import content_terms, synonyms

# Words that occur all over a talent-policy corpus: matching them proves little.
GENERIC = frozenset("人才 青年 青年人 姜堰 姜堰区 政策 服务 工作 问题 办理 申请 需要 要求 可以 提供 多少 时候 哪些 一下 相关 支持 活动".split())
_GENERIC_WEIGHT = 0.25
# Cosine similarities of the default embedder: below LOW unrelated, above HIGH on topic.
_DENSE_LOW, _DENSE_HIGH = 0.15, 0.55


def _variants(term: str) -> set[str]:
    out = {term}
    for variant, canonical in synonyms():
        if variant == term or variant in term:
            out.add(canonical)
    return out


def coverage(query: str, text: str) -> float:
    """Weighted share of the query's content terms present in ``text`` (0..1)."""
    terms = content_terms(query)
    if not terms:
        return 0.0
    total = got = 0.0
    for term in terms:
        weight = _GENERIC_WEIGHT if term in GENERIC else min(len(term), 4) / 2
        total += weight
        if any(v in text for v in _variants(term)):
            got += weight
        elif len(term) >= 3 and sum(ch in text for ch in term) / len(term) >= 0.67:
            got += weight * 0.5  # a typo or a reordered word still mostly matches
    return got / total


def relevance(query: str, chunk: ChunkRecord, dense: float | None) -> float:
    text = f"{chunk.title} {chunk.heading} {chunk.text}".lower()
    cov = coverage(query.lower(), text)
    if dense is None:
        return cov
    d = min(max((dense - _DENSE_LOW) / (_DENSE_HIGH - _DENSE_LOW), 0.0), 1.0)
    return 0.65 * cov + 0.35 * d
