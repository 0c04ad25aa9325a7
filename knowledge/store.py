"""chromadb: the store the writer keeps vectors in, and what a Chroma server shares.

Embedded ``PersistentClient`` under ``instance/`` by default, opened only by
the one writer (``ingest``) while it holds the index's write lock; with
``knowledge.chroma_url`` a Chroma server (``HttpClient``) that several
machines share. Web workers never query chromadb for answers: they read
snapshots (knowledge.snapshot). On a shared server the live generation is
named by one record of the ``<prefix>_meta`` collection, and a machine that
lacks a generation's snapshot copies it from the server.

We always pass embeddings ourselves, so chromadb never loads or downloads an
embedding model.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import urlparse

import numpy as np

from core.errors import ConfigError, StoreUnavailable
from knowledge.snapshot import ChunkRecord, Manifest

log = logging.getLogger(__name__)

MANIFEST_ID = "manifest"
BATCH = 1000  # rows per chromadb call: it rejects very large batches
T = TypeVar("T")


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


def call(chroma_url: str | None, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run a chromadb call, turning a lost connection to the server into StoreUnavailable."""
    try:
        return fn(*args, **kwargs)
    except StoreUnavailable:
        raise
    except Exception as exc:
        text = f"{type(exc).__name__} {exc}".lower()
        if chroma_url and any(s in text for s in ("connect", "timeout", "timed out", "refused", "unreachable",
                                                    "503", "502")):
            raise StoreUnavailable(f"Chroma server {chroma_url} unavailable: {exc}") from exc
        raise


def meta_collection(client, prefix: str):
    return client.get_or_create_collection(f"{prefix}_meta")


def read_server_generation(client, prefix: str) -> int | None:
    """The live generation on a shared server (one small read), None when none was published."""
    got = meta_collection(client, prefix).get(ids=[MANIFEST_ID], include=["metadatas"])
    if not got["ids"]:
        return None
    return int((got["metadatas"][0] or {}).get("generation", 0)) or None


def read_server_manifest(client, prefix: str) -> Manifest | None:
    got = meta_collection(client, prefix).get(ids=[MANIFEST_ID], include=["documents"])
    return Manifest.from_json(got["documents"][0]) if got["ids"] and got["documents"][0] else None


def publish_server_manifest(client, prefix: str, manifest: Manifest) -> None:
    """The switch on a shared server: one upsert of one record.

    chromadb stores a vector with every record; the meta record's is a
    constant placeholder. Readers look only at its metadata.
    """
    meta_collection(client, prefix).upsert(ids=[MANIFEST_ID], documents=[manifest.to_json()],
                                           metadatas=[{"generation": manifest.generation}], embeddings=[[0.0]])


def fetch_generation(client, manifest: Manifest) -> tuple[list[ChunkRecord], list[list[str]], np.ndarray]:
    """Every chunk of a generation from the store: records, keyword tokens and vectors, in row order."""
    col = client.get_collection(manifest.collection)
    rows: list[tuple[ChunkRecord, list[str], np.ndarray]] = []
    offset = 0
    while True:
        got = col.get(include=["documents", "metadatas", "embeddings"], limit=BATCH, offset=offset)
        if not len(got["ids"]):
            break
        for cid, text, meta, vec in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"]):
            rows.append((record_from(cid, text, meta), meta.get("tokens", "").split(), np.asarray(vec, np.float32)))
        offset += len(got["ids"])
    rows.sort(key=lambda r: (r[0].doc_id, r[0].position))
    dim = len(rows[0][2]) if rows else 1
    vectors = np.vstack([r[2] for r in rows]) if rows else np.zeros((0, dim), np.float32)
    return [r[0] for r in rows], [r[1] for r in rows], vectors


def row_metadata(c: ChunkRecord, doc_type: str, tokens: list[str]) -> dict:
    return {"doc_id": c.doc_id, "title": c.title, "heading": c.heading, "position": c.position,
            "doc_type": doc_type, "tokens": " ".join(tokens)}


def record_from(cid: str, text: str, meta: dict) -> ChunkRecord:
    return ChunkRecord(id=cid, doc_id=meta["doc_id"], title=meta["title"], heading=meta.get("heading", ""),
                       position=int(meta["position"]), text=text)


def collection_name(prefix: str, generation: int) -> str:
    return f"{prefix}_g{generation}"


def generation_of(name: str, prefix: str) -> int | None:
    stem = f"{prefix}_g"
    if name.startswith(stem) and name[len(stem):].isdigit():
        return int(name[len(stem):])
    return None
