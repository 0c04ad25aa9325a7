"""Wire the knowledge components from configuration, once per process.

``KnowledgeBase`` is what the rest of the project holds: the Flask app keeps
one per worker (bot/), the CLIs make one per command. The embedder and the
index are opened lazily, on first use, so importing or constructing costs
nothing.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from functools import cached_property
from typing import Callable
from zoneinfo import ZoneInfo

import cachetools

from core.config import Settings
from knowledge.answer import Answer, Answerer, make_chat_model
from knowledge.embedding import Embedder, embedder_name, make_embedder
from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever, Retrieval


class KnowledgeBase:
    def __init__(self, settings: Settings, chat_model=None, embedder: Embedder | None = None,
                 for_build: bool = False, today: Callable[[], date] | None = None):
        """``chat_model`` and ``embedder`` replace the configured ones (tests share one loaded model);
        ``for_build``: this process builds the index (see ``make_embedder``); ``today``: the date
        documents' effective and expiry dates are checked against (default: today where the users
        are, ``booking.timezone``; tests pass their own)."""
        self.settings = settings
        self.today = today or self._local_today
        self._chat_model = chat_model
        self._embedder = embedder
        self._for_build = for_build
        self._lock = threading.Lock()
        # After a campaign post most people ask the same few questions: answers
        # are cached per index generation, so a rebuild invalidates them all.
        self._answers = cachetools.LRUCache(maxsize=settings.knowledge.answer.cache_size)
        self._answers_lock = threading.Lock()

    def _local_today(self) -> date:
        return datetime.now(ZoneInfo(self.settings.booking.timezone)).date()

    @cached_property
    def embedder(self) -> Embedder:
        if self._embedder is not None:
            return self._embedder
        with self._lock:
            return make_embedder(self.settings.knowledge.embedder, base=self.settings.path("."),
                                 for_build=self._for_build)

    @cached_property
    def index(self) -> KnowledgeIndex:
        k = self.settings.knowledge
        name = self._embedder.name if self._embedder else embedder_name(k.embedder, base=self.settings.path("."))
        return KnowledgeIndex(self.settings.path(k.index_dir), name,
                              chroma_url=k.chroma_url, prefix=k.collection_prefix,
                              reload_interval=k.reload_interval_s)

    @cached_property
    def retriever(self) -> HybridRetriever:
        k = self.settings.knowledge
        return HybridRetriever(self.index, self.embedder, k.retrieval, region=k.region, today=self.today)

    @cached_property
    def answerer(self) -> Answerer:
        k = self.settings.knowledge
        chat_model = self._chat_model
        if chat_model is None and k.llm.enabled:
            chat_model = make_chat_model(k.llm)
        return Answerer(self.retriever, k.answer, k.retrieval, k.llm, chat_model)

    def warm_up(self) -> None:
        """Load the model, the index and jieba's dictionary now.

        A server process calls this before it accepts requests: otherwise the
        first users of every new worker wait seconds for what is loaded here.
        """
        self.retriever.retrieve("人才公寓")

    def retrieve(self, query: str, k: int | None = None, filters: dict | None = None) -> Retrieval:
        return self.retriever.retrieve(query, k=k, filters=filters)

    def may_answer(self, chunk, retrieval: Retrieval) -> bool:
        """Whether an answer may be drawn from ``chunk`` of ``retrieval`` (``Answerer.may_answer``)."""
        return self.answerer.may_answer(chunk, retrieval)

    def answers_locally(self, question: str) -> bool:
        """Whether ``answer(question)`` needs nothing beyond this machine: its answer is
        cached, or no LLM would be asked (retrieval reads local snapshots only, even
        with a Chroma server).

        A channel with a deadline (WeChat) runs such an answer in the request thread;
        anything else may wait on the network and gets a thread with a deadline.
        """
        k = self.settings.knowledge
        if not (k.llm.enabled or self._chat_model is not None):
            return True
        try:
            key = self._cache_key(question, None, True)
        except Exception:  # the index cannot even be read: whatever happens next is not quick
            return False
        with self._answers_lock:
            return key in self._answers

    def _cache_key(self, question: str, filters: dict | None, use_llm: bool) -> tuple:
        generation = self.index.current().manifest.generation
        # the day is part of the key: a document that expires tonight stops answering tomorrow, cached or not
        return generation, self.today(), " ".join(question.split()), repr(sorted((filters or {}).items())), use_llm

    def answer(self, question: str, filters: dict | None = None, use_llm: bool = True) -> Answer:
        key = self._cache_key(question, filters, use_llm)
        with self._answers_lock:
            cached = self._answers.get(key)
            if cached is not None:
                return cached
        answer = self.answerer.answer(question, filters=filters, use_llm=use_llm)
        fell_back = use_llm and self.answerer.chat_model is not None and answer.mode == "extractive"
        if not fell_back and self._answers.maxsize:  # an extractive fallback after an LLM failure is not kept
            with self._answers_lock:
                self._answers[key] = answer
        return answer
