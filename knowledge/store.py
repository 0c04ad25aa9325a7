"""Open the chromadb client the configuration asks for.

Embedded ``PersistentClient`` under ``instance/`` by default; a ``chroma_url``
switches to a Chroma server (``HttpClient``) so several machines share one
vector store. We always pass embeddings ourselves, so chromadb never loads or
downloads an embedding model.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from core.errors import ConfigError, StoreUnavailable


def open_client(persist_dir: Path, chroma_url: str | None):
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
    if not chroma_url:
        persist_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(persist_dir), settings=settings)
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigError(f"knowledge.chroma_url: expected http(s)://host:port, got {chroma_url!r}")
    try:
        return chromadb.HttpClient(
            host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https", settings=settings,
        )
    except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
        raise StoreUnavailable(f"Chroma server at {chroma_url} is unreachable: {exc}") from exc
