"""LangChain adapter: ``HybridRetriever`` as a ``BaseRetriever``.

Kept apart so the core retriever does not import LangChain on the hot path.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class LangChainRetriever(BaseRetriever):
    hybrid: Any
    k: int = 4
    filters: dict | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        result = self.hybrid.retrieve(query, k=self.k, filters=self.filters)
        return [
            Document(
                page_content=r.chunk.text,
                metadata={**r.citation(), "score": r.score, "dense": r.dense, "keyword": r.keyword,
                          "relevance": r.relevance, "position": r.chunk.position},
                id=r.chunk.id,
            )
            for r in result.chunks
        ]
