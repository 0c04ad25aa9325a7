"""Matching a question to staff's standard answers (标准问答) by paraphrase.

A standard answer wins over the documents only on two kinds of evidence at once:
the question is close to one of its phrasings in embedding space (dense), and it
contains most of that phrasing's specific terms (keyword), so "驿站可以带宠物吗"
matches "驿站能带宠物吗" but "驿站可以带孩子吗" does not. Entries come from the caller
(bot/faq.py reads them from the database); this module only embeds and compares.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from knowledge.embedding import Embedder
from knowledge.relevance import sentence_terms
from knowledge.text import normalise_query, to_simplified


@dataclass(frozen=True)
class FaqItem:
    id: int
    question: str
    aliases: tuple[str, ...]
    answer: str
    source: str = ""

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.question, *self.aliases)


@dataclass(frozen=True)
class FaqHit:
    item: FaqItem
    phrasing: str       # the phrasing that matched
    similarity: float   # cosine similarity to it
    terms: float        # share of its terms found in the question (0..1)


class FaqMatcher:
    def __init__(self, items: list[FaqItem], embedder: Embedder, min_similarity: float, min_terms: float):
        self.items = items
        self.embedder = embedder
        self.min_similarity, self.min_terms = min_similarity, min_terms
        self._owners = [item for item in items for _ in item.phrasings]
        self._phrasings = [p for item in items for p in item.phrasings]
        self._vectors = (embedder.embed([normalise_query(p) for p in self._phrasings])
                         if self._phrasings else np.zeros((0, 1), dtype=np.float32))

    def match(self, question: str) -> FaqHit | None:
        """The best standard answer for ``question`` if both kinds of evidence agree, else None."""
        if not self._phrasings or not question.strip():
            return None
        query = normalise_query(question)
        scores = self._vectors @ self.embedder.embed([query])[0]
        best: FaqHit | None = None
        for i in np.argsort(-scores)[:5]:
            similarity = float(scores[i])
            if similarity < self.min_similarity:
                break
            # Specific terms both ways: what staff wrote must be what was asked, and nothing
            # the question adds ("带孩子" against "带宠物") may be missing from the phrasing.
            phrasing, asked = to_simplified(self._phrasings[i]).lower(), to_simplified(question).lower()
            terms = min(sentence_terms(phrasing, asked)[1], sentence_terms(asked, phrasing)[1])
            if terms >= self.min_terms and (best is None or similarity > best.similarity):
                best = FaqHit(self._owners[i], self._phrasings[i], similarity, terms)
        return best
