"""Recognise what a message wants, from the keywords and examples in config.

Keywords decide first (cheap, predictable, easy for staff to extend); the
examples catch paraphrases through the embedder the knowledge base already
has loaded. Anything unrecognised is a policy question: that is what most
messages are.
"""

from __future__ import annotations

import re

import numpy as np

from core.config import DialogueConfig

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
# Intents checked before the others when several keywords match ("取消预约" is not "取消").
_PRIORITY = ["cancel_booking", "my_bookings", "ticket_status", "booking", "ticket", "help", "exit", "greeting", "thanks"]
_WHOLE_MESSAGE_SLACK = 3  # characters beyond the keyword ("你好呀", "谢谢啦")


def compact(text: str) -> str:
    return _PUNCT.sub("", text.lower())


class IntentClassifier:
    def __init__(self, cfg: DialogueConfig, embed=None):
        self.cfg = cfg
        self._embed = embed  # callable(list[str]) -> normalised vectors, or None
        self._examples: list[tuple[str, np.ndarray]] | None = None

    def classify(self, text: str) -> str:
        plain = compact(text)
        if not plain:
            return "policy"
        for name in sorted(self.cfg.intents, key=lambda n: _PRIORITY.index(n) if n in _PRIORITY else 99):
            intent = self.cfg.intents[name]
            for kw in intent.keywords:
                k = compact(kw)
                if k and k in plain and (not intent.whole_message or len(plain) - len(k) <= _WHOLE_MESSAGE_SLACK):
                    return name
        return self._by_example(text) or "policy"

    def _by_example(self, text: str) -> str | None:
        if self._embed is None:
            return None
        if self._examples is None:
            pairs = [(name, ex) for name, it in self.cfg.intents.items() for ex in it.examples]
            vectors = self._embed([ex for _, ex in pairs]) if pairs else []
            self._examples = [(name, v) for (name, _), v in zip(pairs, vectors)]
        if not self._examples:
            return None
        # The same text the retriever embeds next, so the embedding cache serves both.
        from knowledge.text import normalise_query

        q = self._embed([normalise_query(text)])[0]
        name, best = max(((n, float(v @ q)) for n, v in self._examples), key=lambda p: p[1])
        return name if best >= self.cfg.example_similarity else None
