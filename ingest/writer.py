"""The one writer of the knowledge index: builds a generation, then switches to it.

Why generations: a build never edits live data. It writes a complete new
generation (a fresh chromadb collection, copying the rows of unchanged
documents, and a snapshot directory of the files readers use) and only then
switches the pointer, one atomic replace (``CURRENT``, or the manifest record
on a shared Chroma server). A crash or ``kill -9`` at any moment before the
switch leaves the previous generation answering; the next build sweeps the
leftovers.

One writer at a time: ``open_writer`` holds an exclusive lock on the index
directory for the whole build, and only the lock holder opens chromadb's
files (chromadb's ``PersistentClient`` is not process-safe). A second writer
waits for the first; readers never wait for either.
"""

from __future__ import annotations

import fcntl
import logging
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterator, Mapping, Sequence

import numpy as np

from core.errors import IndexLocked
from ingest.duplicates import document_texts, near_duplicates
from knowledge import snapshot as snap_files
from knowledge import store
from knowledge.embedding import Embedder
from knowledge.index import KnowledgeIndex
from knowledge.neighbours import Neighbours
from knowledge.snapshot import ChunkRecord, DocumentInfo, Manifest

log = logging.getLogger(__name__)

LOCK_FILE = ".write.lock"


@contextmanager
def open_writer(index: KnowledgeIndex, wait_s: float = 600.0,
                on_wait: Callable[[], None] | None = None) -> Iterator["GenerationWriter"]:
    """The exclusive writer of ``index``; changes become visible only at ``commit()``.

    Waits up to ``wait_s`` for a build already running (``on_wait`` is called
    once when it has to), then raises IndexLocked.
    """
    index.index_dir.mkdir(parents=True, exist_ok=True)
    with open(index.index_dir / LOCK_FILE, "w") as lock_file:
        _lock(lock_file, wait_s, on_wait, index.index_dir)
        try:
            client = store.open_client(index.index_dir / "chroma", index.chroma_url)
            writer = GenerationWriter(index, client, _base_manifest(index, client))
            writer.sweep_leftovers()
            yield writer
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _lock(lock_file, wait_s: float, on_wait, where: Path) -> None:
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexLocked(f"another build is still writing the index at {where}") from None
            if on_wait and not told:
                on_wait()
                told = True
            time.sleep(0.2)


def _base_manifest(index: KnowledgeIndex, client) -> Manifest:
    """The live generation's manifest, or an empty one for a first build."""
    if index.chroma_url:
        manifest = store.call(index.chroma_url, store.read_server_manifest, client, index.prefix)
    else:
        generation = snap_files.read_pointer(index.index_dir)
        directory = snap_files.snapshot_dir(index.index_dir, generation) if generation else None
        manifest = snap_files.read_manifest(directory) if directory and directory.is_dir() else None
    return manifest or Manifest(embedder=index.embedder_name)


# Readers search a generation's snapshot exactly (knowledge/index.py), never chromadb's HNSW graph,
# so the graph is built cheaply: adding 20k rows took 21.1 s with chromadb's defaults, 10.0 s
# with these (bench/README.md, 2026-12-04 evening). Queried anyway (a Chroma server's own
# tools), it still finds neighbours, with less recall.
_COLLECTION = {"hnsw:space": "cosine", "hnsw:construction_ef": 10, "hnsw:M": 8}


class GenerationWriter:
    """Collects the changes of one build and writes them as a new generation."""

    def __init__(self, index: KnowledgeIndex, client, base: Manifest):
        self.index = index
        self.client = client
        self.base = base
        # A different embedder makes every stored vector useless: start empty.
        self.reembed_all = bool(base.docs) and base.embedder != index.embedder_name
        self._known: Mapping[str, DocumentInfo] = MappingProxyType({} if self.reembed_all else base.docs)
        self._puts: dict[str, tuple[DocumentInfo, list[ChunkRecord], np.ndarray, list[list[str]]]] = {}
        self._drops: set[str] = set()
        self._infos: dict[str, DocumentInfo] = {}  # kept documents whose manifest entry changed (lifecycle)
        # Set by a build (ingest.near_duplicate): recompute the near-duplicate pairs over every document.
        # None (a removal, a lifecycle change): keep the base's pairs among the documents that remain.
        self.duplicate_threshold: float | None = None
        # Set by a build: the new generation's word vectors (knowledge.neighbours) are made before
        # the switch, so no reader pays for them. Without it (a removal, a lifecycle change: no new
        # words) the first reader writes them from the previous generation's, embedding nothing.
        self.embedder: Embedder | None = None

    def _call(self, fn, *args, **kwargs):
        return store.call(self.index.chroma_url, fn, *args, **kwargs)

    @property
    def documents(self) -> Mapping[str, DocumentInfo]:
        """The documents of the base generation that still count, read-only.

        A view, not a copy: a build asks ``is_current`` once per file, and a
        copy per call made re-ingesting n files O(n^2).
        """
        return self._known

    def is_current(self, doc_id: str, fingerprint: str) -> bool:
        doc = self._known.get(doc_id)
        return doc is not None and doc.fingerprint == fingerprint

    def put(self, doc: DocumentInfo, chunks: list[ChunkRecord], vectors: np.ndarray, tokens: list[list[str]]) -> None:
        self._puts[doc.doc_id] = (doc, chunks, vectors, tokens)
        self._drops.discard(doc.doc_id)

    def drop(self, doc_id: str) -> None:
        self._puts.pop(doc_id, None)
        self._infos.pop(doc_id, None)
        self._drops.add(doc_id)

    def update_info(self, doc_id: str, **changes) -> bool:
        """Change a kept document's manifest entry (enabled, dates, uploader) without touching its rows.

        Returns whether anything changed. The new entry travels in the next generation like any
        other change, so every process sees it on its next request.
        """
        current = self._infos.get(doc_id) or self._known.get(doc_id)
        if current is None:
            raise KeyError(doc_id)
        updated = replace(current, **changes)
        if updated == current:
            return False
        self._infos[doc_id] = updated
        return True

    @property
    def changed(self) -> bool:
        return bool(self._puts) or bool(self._infos) or any(d in self.documents for d in self._drops) or (
            self.reembed_all and not self._puts and bool(self.base.docs))

    def sweep_leftovers(self) -> None:
        """Delete the collections and snapshots of generations nobody can be reading.

        The live and the previous generation stay: a reader in another process
        may be loading the previous one's successor just now.
        """
        keep = {self.base.generation, self.base.generation - 1}
        for col in self._call(self.client.list_collections):
            name = col if isinstance(col, str) else col.name
            gen = store.generation_of(name, self.index.prefix)
            if gen is not None and gen not in keep:
                self._call(self.client.delete_collection, name)
        snap_files.remove_snapshots(self.index.index_dir, keep, temporary=True)

    def commit(self) -> Manifest | None:
        """Write the new generation and switch to it; None when nothing changed."""
        if not self.changed:
            return None
        idx = self.index
        gen_no = max(self.base.generation, self._highest_generation()) + 1
        name = store.collection_name(idx.prefix, gen_no)
        col = self._call(self.client.create_collection, name, metadata=_COLLECTION)
        rows = _Rows(self, col)
        keep = [d for d in self._known if d not in self._drops and d not in self._puts]
        if keep:
            self._copy_unchanged(keep, rows)
        docs = {d: self._infos.get(d, self._known[d]) for d in keep}
        for doc, chunks, vectors, toks in self._puts.values():
            docs[doc.doc_id] = doc
            rows.add(chunks, vectors, toks, doc.doc_type)
        rows.flush()
        manifest = Manifest(generation=gen_no, collection=name, embedder=idx.embedder_name,
                            docs=docs, created_at=time.time())
        records, tokens, vectors = rows.in_order()
        manifest.similar = self._similar(records, docs)
        directory = snap_files.write_snapshot(idx.index_dir, manifest, records, tokens, vectors)
        if self.embedder is not None:
            Neighbours.make(directory, tokens, self.embedder)
        # The switch: one atomic replace. Everything before it is invisible to readers.
        if idx.chroma_url:
            self._call(store.publish_server_manifest, self.client, idx.prefix, manifest)
        else:
            snap_files.write_pointer(idx.index_dir, gen_no)
        idx.refresh()
        return manifest

    def _similar(self, records: Sequence[ChunkRecord], docs: Mapping[str, DocumentInfo]) -> list[list]:
        if self.duplicate_threshold is None:
            return [p for p in self.base.similar if p[0] in docs and p[1] in docs]
        return near_duplicates(document_texts(records), self.duplicate_threshold)

    def _copy_unchanged(self, keep: list[str], rows: "_Rows") -> None:
        """Copy the stored rows of unchanged documents from the base generation: no re-embedding."""
        old = self._call(self.client.get_collection, self.base.collection)
        for i in range(0, len(keep), 50):
            offset = 0
            where = {"doc_id": {"$in": keep[i:i + 50]}}
            while True:
                got = self._call(old.get, where=where, include=["embeddings", "documents", "metadatas"],
                                 limit=store.BATCH, offset=offset)
                if not got["ids"]:
                    break
                rows.add_stored(got["ids"], got["embeddings"], got["documents"], got["metadatas"])
                offset += len(got["ids"])

    def _highest_generation(self) -> int:
        names = self._call(self.client.list_collections)
        gens = [store.generation_of(n if isinstance(n, str) else n.name, self.index.prefix) for n in names]
        local = snap_files.local_generations(self.index.index_dir)
        return max([g for g in gens if g is not None] + local, default=0)


class _Rows:
    """Rows on their way into a new generation: sent to chromadb ``store.BATCH`` at a time,
    and kept for the snapshot.

    A chromadb ``add`` costs ~0.2 s however few rows it carries, so the rows
    of many documents share a call: one call per document made storing, not
    embedding, the bulk of a first build. Only the switch makes these rows
    visible, so sending them in any grouping is equally safe.
    """

    def __init__(self, writer: GenerationWriter, collection):
        self.writer = writer
        self.collection = collection
        self.pending: list[tuple[str, np.ndarray, str, dict]] = []
        self.records: list[ChunkRecord] = []
        self.tokens: list[list[str]] = []
        self.vectors: list[np.ndarray] = []

    def add(self, chunks: Sequence[ChunkRecord], vectors, tokens: Sequence[list[str]], doc_type: str) -> None:
        metas = [store.row_metadata(c, doc_type, t) for c, t in zip(chunks, tokens)]
        self.add_stored([c.id for c in chunks], vectors, [c.text for c in chunks], metas)

    def add_stored(self, ids: Sequence[str], embeddings, documents: Sequence[str], metadatas: Sequence[dict]) -> None:
        if not len(ids):
            return
        matrix = np.asarray(embeddings, dtype=np.float32).reshape(len(ids), -1)
        for cid, vec, text, meta in zip(ids, matrix, documents, metadatas):
            self.pending.append((cid, vec, text, meta))
            self.records.append(store.record_from(cid, text, meta))
            self.tokens.append(meta.get("tokens", "").split())
            self.vectors.append(vec)
        while len(self.pending) >= store.BATCH:
            self._send(store.BATCH)

    def flush(self) -> None:
        while self.pending:
            self._send(store.BATCH)

    def _send(self, n: int) -> None:
        batch, self.pending = self.pending[:n], self.pending[n:]
        self.writer._call(self.collection.add, ids=[r[0] for r in batch], embeddings=np.stack([r[1] for r in batch]),
                          documents=[r[2] for r in batch], metadatas=[r[3] for r in batch])

    def in_order(self) -> tuple[list[ChunkRecord], list[list[str]], np.ndarray]:
        """Records, tokens and vectors sorted by document and position: the snapshot's row order."""
        order = sorted(range(len(self.records)), key=lambda i: (self.records[i].doc_id, self.records[i].position))
        dim = self.vectors[0].shape[0] if self.vectors else 1
        vectors = np.stack([self.vectors[i] for i in order]) if order else np.zeros((0, dim), np.float32)
        return [self.records[i] for i in order], [self.tokens[i] for i in order], vectors
