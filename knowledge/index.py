"""The knowledge index: chunk vectors in chromadb plus a BM25 keyword index.

Why generations: a build never edits the live data. It writes a complete new
generation (a fresh chromadb collection and a fresh keyword directory,
copying the vectors of unchanged documents) and only then switches the
manifest, one atomic upsert, to point at it. A crash or ``kill -9`` at any
moment before the switch leaves the previous generation untouched and
answering; leftovers are swept by the next build. Readers in other processes
notice the switch within ``reload_interval`` seconds.

The manifest lives in a small chromadb collection, so several machines that
share a Chroma server see the same one; a copy is kept in ``index_dir`` so the
keyword side still answers while the Chroma server is down. The manifest
record's one-dimensional vector holds its generation number, so the periodic
check reads one float and parses the manifest only after a switch.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping, Sequence

import numpy as np

from core.errors import IndexLocked, IndexMissing, StoreUnavailable
from knowledge.keyword import KeywordIndex
from knowledge.store import open_client

log = logging.getLogger(__name__)

MANIFEST_ID = "manifest"
_BATCH = 1000  # chromadb rejects very large add() batches


def _generation_vector(generation: int) -> list[float]:
    """The manifest record's vector: its generation, negated.

    Readers fetch only this vector to notice a switch (0.4 ms; the manifest
    JSON of 7,829 documents took 35-49 ms to fetch and parse). It is negative
    because writers before this scheme store the constant ``[1.0]``: an older
    writer's switch then reads as "generation unknown" and the reader falls
    back to the full manifest instead of missing the switch. Metadata would
    not do: an upsert without metadatas keeps the previous record's.
    """
    return [-float(generation)]


def _generation_from_vector(vector: Sequence[float]) -> int | None:
    """The generation stored by ``_generation_vector``; None for a manifest written by older code."""
    value = float(vector[0])
    return int(round(-value)) if value < 0 else None


@dataclass(frozen=True)
class ChunkRecord:
    id: str
    doc_id: str
    title: str
    heading: str
    position: int
    text: str


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str          # the file name; unique within the index
    title: str           # what answers cite
    source: str          # where it was ingested from
    doc_type: str
    sha256: str          # of the file's bytes, shown to staff
    fingerprint: str     # sha256 + chunking + embedder: unchanged means nothing to redo
    size: int
    chars: int
    chunks: int
    updated_at: float


@dataclass
class Manifest:
    generation: int = 0
    collection: str = ""
    embedder: str = ""
    docs: dict[str, DocumentInfo] = field(default_factory=dict)
    created_at: float = 0.0

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        data = json.loads(text)
        data["docs"] = {k: DocumentInfo(**v) for k, v in data.get("docs", {}).items()}
        return cls(**data)


def chunk_id(doc_id: str, position: int) -> str:
    return f"{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:12]}:{position}"


def _where(filters: dict | None) -> dict | None:
    """Translate ``{"doc_id": "a.txt", "doc_type": ["pdf", "docx"]}`` into a chroma where clause."""
    if not filters:
        return None
    clauses = [{k: {"$in": list(v)}} if isinstance(v, (list, tuple, set)) else {k: v} for k, v in filters.items()]
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(chunk: ChunkRecord, doc_type: str, filters: dict | None) -> bool:
    if not filters:
        return True
    values = {"doc_id": chunk.doc_id, "title": chunk.title, "doc_type": doc_type}
    for key, want in filters.items():
        have = values.get(key)
        if isinstance(want, (list, tuple, set)):
            if have not in want:
                return False
        elif have != want:
            return False
    return True


def _filter_mask(gen: "_Generation", filters: dict | None) -> np.ndarray | None:
    """Which chunks, in the generation's keyword order, ``filters`` allows (None: all)."""
    if not filters:
        return None
    return np.array([matches(gen.chunks[cid], dt, filters) for cid, dt in zip(gen.keyword.ids, gen.doc_type)],
                    dtype=bool)


class _Generation:
    """Everything a reader needs for one generation, loaded once."""

    def __init__(self, manifest: Manifest, keyword: KeywordIndex, chunks: dict[str, ChunkRecord]):
        self.manifest = manifest
        self.keyword = keyword
        self.chunks = chunks
        doc_types = {d.doc_id: d.doc_type for d in manifest.docs.values()}
        self.doc_type = [doc_types.get(chunks[i].doc_id, "") for i in keyword.ids]
        self.collection = None  # the chromadb collection handle, opened on first dense search
        self.vectors: _Vectors | None = None  # exact search: this generation's vectors, read on first use


class _Vectors:
    """A small generation's vectors in memory, for exact search.

    Why: a chromadb query costs about 1 ms (more through a server) whatever the
    collection's size, most of it fixed per call, while one matrix product over
    a few thousand 512-d vectors costs tens of microseconds and ranks exactly
    (HNSW is approximate). chromadb stays the store the vectors are read from,
    and answers every query of a larger generation (``exact_max``).

    Rows follow the generation's keyword order (``keyword.ids``), so one filter
    mask serves both searches; a chunk chromadb has no vector for is never ranked.
    """

    def __init__(self, ids: Sequence[str], matrix: np.ndarray, present: np.ndarray):
        self.ids = ids
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)  # cosine, as the collection
        self.present = present

    def search(self, vector: np.ndarray, k: int, mask: np.ndarray | None) -> list[tuple[str, float]]:
        allowed = self.present if mask is None else self.present & mask
        scores = np.where(allowed, self.matrix @ np.asarray(vector, dtype=np.float32), -np.inf)
        n = min(k, int(allowed.sum()))
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]


class KnowledgeIndex:
    """Read and write access to one index location (a directory, plus a Chroma server if configured)."""

    def __init__(self, index_dir: Path, embedder_name: str, chroma_url: str | None = None,
                 prefix: str = "talent", reload_interval: float = 1.0, exact_max: int = 0):
        """``exact_max``: generations of at most this many chunks are searched exactly,
        in memory (see ``_Vectors``); 0 sends every dense search to chromadb."""
        self.exact_max = exact_max
        self.index_dir = Path(index_dir)
        self.chroma_url = chroma_url
        self.prefix = prefix
        self.embedder_name = embedder_name
        self.reload_interval = reload_interval
        self._client = None
        self._gen: _Generation | None = None
        self._checked_at = 0.0
        self._lock = threading.RLock()

    # ------------------------------------------------------------ plumbing
    def client(self):
        if self._client is None:
            self._client = open_client(self.index_dir / "chroma", self.chroma_url)
        return self._client

    def _meta(self):
        return self.client().get_or_create_collection(f"{self.prefix}_meta")

    def _store_call(self, fn, *args, **kwargs):
        """Run a chromadb call, turning connection failures into StoreUnavailable."""
        try:
            return fn(*args, **kwargs)
        except (StoreUnavailable, IndexMissing):
            raise
        except Exception as exc:
            if self.chroma_url and _looks_like_connection_error(exc):
                self._client = None
                if self._gen is not None:
                    self._gen.collection = None
                raise StoreUnavailable(f"Chroma server {self.chroma_url} unavailable: {exc}") from exc
            raise

    def _keyword_dir(self, generation: int) -> Path:
        return self.index_dir / "keyword" / f"g{generation}"

    def _read_manifest(self) -> Manifest:
        def fetch():
            got = self._meta().get(ids=[MANIFEST_ID], include=["documents"])
            return got["documents"][0] if got["ids"] else None

        try:
            text = self._store_call(fetch)
        except StoreUnavailable:
            local = self.index_dir / "manifest.json"
            if not local.exists():
                raise
            log.warning("vector store unavailable; using the local manifest copy")
            text = local.read_text(encoding="utf-8")
        if not text:
            raise IndexMissing(f"no knowledge index at {self.index_dir} (run: python -m ingest build)")
        return Manifest.from_json(text)

    def _read_generation(self) -> int | None:
        """The live generation number without reading the manifest; None when unknown (older writer, no index)."""
        def fetch():
            got = self._meta().get(ids=[MANIFEST_ID], include=["embeddings"])
            return got["embeddings"][0] if got["ids"] else None

        vector = self._store_call(fetch)
        return None if vector is None else _generation_from_vector(vector)

    # ------------------------------------------------------------ reading
    def exists(self) -> bool:
        try:
            self._read_manifest()
            return True
        except IndexMissing:
            return False

    def current(self) -> _Generation:
        """The loaded generation, reloaded when another process switched the manifest."""
        with self._lock:
            now = time.monotonic()
            if self._gen is not None and now - self._checked_at < self.reload_interval:
                return self._gen
            if self._gen is None:
                self._gen = self._load_generation(self._read_manifest())
                self._checked_at = now
                return self._gen
            try:
                manifest = self._switched_manifest()
            except StoreUnavailable:
                manifest = None  # keep answering from what is loaded
            self._checked_at = now
            if manifest is not None:
                self._gen = self._load_generation(manifest)
            return self._gen

    def _switched_manifest(self) -> Manifest | None:
        """The live manifest if it is not the loaded generation, else None.

        Runs once per ``reload_interval`` in every reader, so the usual case,
        nothing switched, reads only the generation number.
        """
        loaded = self._gen.manifest.generation
        if self._read_generation() == loaded:
            return None
        manifest = self._read_manifest()
        return None if manifest.generation == loaded else manifest

    def refresh(self) -> None:
        with self._lock:
            self._checked_at = 0.0
        self.current()

    def _load_generation(self, manifest: Manifest) -> _Generation:
        if manifest.embedder != self.embedder_name:
            raise IndexMissing(
                f"the index was built with embedder {manifest.embedder!r} but the configuration uses "
                f"{self.embedder_name!r}; rebuild it: python -m ingest build --rebuild"
            )
        directory = self._keyword_dir(manifest.generation)
        keyword = KeywordIndex.load(directory)
        chunks_file = directory / "chunks.jsonl"
        if keyword is None or not chunks_file.exists():
            log.info("keyword index for generation %s missing here; rebuilding it from the store", manifest.generation)
            return self._rebuild_local(manifest)
        chunks = {}
        with chunks_file.open(encoding="utf-8") as fh:
            for line in fh:
                rec = ChunkRecord(**json.loads(line))
                chunks[rec.id] = rec
        return _Generation(manifest, keyword, chunks)

    def _rebuild_local(self, manifest: Manifest) -> _Generation:
        col = self._store_call(self.client().get_collection, manifest.collection)
        pairs: list[tuple[ChunkRecord, list[str]]] = []
        offset = 0
        while True:
            got = self._store_call(col.get, include=["documents", "metadatas"], limit=_BATCH, offset=offset)
            if not got["ids"]:
                break
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                pairs.append((_record(cid, text, meta), meta.get("tokens", "").split()))
            offset += len(got["ids"])
        pairs.sort(key=lambda p: (p[0].doc_id, p[0].position))
        records = [r for r, _ in pairs]
        tokens = [t for _, t in pairs]
        keyword = KeywordIndex.build([r.id for r in records], tokens)
        _write_keyword_dir(self._keyword_dir(manifest.generation), keyword, records)
        return _Generation(manifest, keyword, {r.id: r for r in records})

    def documents(self) -> list[DocumentInfo]:
        return sorted(self.current().manifest.docs.values(), key=lambda d: d.doc_id)

    def chunks_of(self, doc_id: str) -> list[ChunkRecord]:
        gen = self.current()
        return sorted((c for c in gen.chunks.values() if c.doc_id == doc_id), key=lambda c: c.position)

    def chunk(self, cid: str) -> ChunkRecord:
        return self.current().chunks[cid]

    def dense_search(self, vector: np.ndarray, k: int, filters: dict | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, cosine similarity). Raises StoreUnavailable if the store is down."""
        gen = self.current()
        if not gen.chunks:
            return []
        if len(gen.chunks) <= self.exact_max:
            return (gen.vectors or self._load_vectors(gen)).search(vector, k, _filter_mask(gen, filters))
        col = self._collection(gen)
        res = self._store_call(
            col.query, query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
            n_results=min(k, len(gen.chunks)), where=_where(filters), include=["distances"],
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0]) if cid in gen.chunks]

    def _collection(self, gen: _Generation):
        col = gen.collection
        if col is None:  # one handle per generation: fetching it cost ~1 ms a query
            col = gen.collection = self._store_call(self.client().get_collection, gen.manifest.collection)
        return col

    def _load_vectors(self, gen: _Generation) -> _Vectors:
        """Read the generation's vectors from chromadb once (StoreUnavailable if it is down)."""
        col = self._collection(gen)
        stored: dict[str, np.ndarray] = {}
        offset = 0
        while True:
            got = self._store_call(col.get, include=["embeddings"], limit=_BATCH, offset=offset)
            if not len(got["ids"]):
                break
            stored.update(zip(got["ids"], (np.asarray(v, dtype=np.float32) for v in got["embeddings"])))
            offset += len(got["ids"])
        ids = gen.keyword.ids
        dim = len(next(iter(stored.values()))) if stored else 1
        zero = np.zeros(dim, dtype=np.float32)
        matrix = np.vstack([stored.get(cid, zero) for cid in ids]) if len(ids) else np.zeros((0, dim), np.float32)
        gen.vectors = _Vectors(ids, matrix, np.array([cid in stored for cid in ids], dtype=bool))
        return gen.vectors

    def keyword_search(self, query: str, k: int, filters: dict | None = None) -> list[tuple[str, float]]:
        gen = self.current()
        mask = _filter_mask(gen, filters)
        if mask is not None and not mask.any():
            return []
        return gen.keyword.search(query, k, mask)

    # ------------------------------------------------------------ writing
    @contextmanager
    def writer(self, wait_s: float = 30.0) -> Iterator["GenerationWriter"]:
        """Exclusive writer; changes become visible only at ``commit()``."""
        self.index_dir.mkdir(parents=True, exist_ok=True)
        with open(self.index_dir / ".write.lock", "w") as lock_file:
            deadline = time.monotonic() + wait_s
            while True:
                try:
                    fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexLocked(f"another process is writing the index at {self.index_dir}") from None
                    time.sleep(0.2)
            try:
                try:
                    manifest = self._read_manifest()
                except IndexMissing:
                    manifest = Manifest(embedder=self.embedder_name)
                writer = GenerationWriter(self, manifest)
                writer.sweep_leftovers()
                yield writer
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)


class GenerationWriter:
    """Collects the changes of one build and writes them as a new generation."""

    def __init__(self, index: KnowledgeIndex, base: Manifest):
        self.index = index
        self.base = base
        # A different embedder makes every stored vector useless: start empty.
        self.reembed_all = bool(base.docs) and base.embedder != index.embedder_name
        self._known: Mapping[str, DocumentInfo] = MappingProxyType({} if self.reembed_all else base.docs)
        self._puts: dict[str, tuple[DocumentInfo, list[ChunkRecord], np.ndarray, list[list[str]]]] = {}
        self._drops: set[str] = set()

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
        self._drops.add(doc_id)

    @property
    def changed(self) -> bool:
        return bool(self._puts) or any(d in self.documents for d in self._drops) or (
            self.reembed_all and not self._puts and bool(self.base.docs))

    def sweep_leftovers(self) -> None:
        """Delete collections and keyword dirs of generations nobody can be reading.

        The current and the previous generation stay: a reader in another
        process may still be answering from the previous one for a second.
        """
        keep = {self.base.generation, self.base.generation - 1}
        client = self.index.client()
        for col in self.index._store_call(client.list_collections):
            name = col if isinstance(col, str) else col.name
            gen = _generation_of(name, self.index.prefix)
            if gen is not None and gen not in keep:
                self.index._store_call(client.delete_collection, name)
        root = self.index.index_dir / "keyword"
        if root.exists():
            for path in root.iterdir():
                gen = _generation_of(path.name, "")
                if gen is None or gen not in keep:
                    shutil.rmtree(path, ignore_errors=True)

    def commit(self) -> Manifest | None:
        """Write the new generation and switch to it; None when nothing changed."""
        if not self.changed:
            return None
        idx = self.index
        client = idx.client()
        gen_no = max(self.base.generation, self._highest_generation()) + 1
        name = f"{idx.prefix}_g{gen_no}"
        col = idx._store_call(client.create_collection, name, metadata={"hnsw:space": "cosine"})
        rows = _Rows(idx, col)
        keep = [d for d in self._known if d not in self._drops and d not in self._puts]
        records: list[ChunkRecord] = []
        tokens: list[list[str]] = []
        if keep:
            self._copy_unchanged(keep, rows, records, tokens)
        docs = {d: self._known[d] for d in keep}
        for doc, chunks, vectors, toks in self._puts.values():
            docs[doc.doc_id] = doc
            rows.add([c.id for c in chunks], vectors, [c.text for c in chunks],
                     [_metadata(c, doc, t) for c, t in zip(chunks, toks)])
            records.extend(chunks)
            tokens.extend(toks)
        rows.flush()
        keyword = KeywordIndex.build([r.id for r in records], tokens)
        _write_keyword_dir(idx._keyword_dir(gen_no), keyword, records)
        manifest = Manifest(generation=gen_no, collection=name, embedder=idx.embedder_name,
                            docs=docs, created_at=time.time())
        text = manifest.to_json()
        # The switch: one upsert of one record. Everything before it is invisible to readers.
        idx._store_call(idx._meta().upsert, ids=[MANIFEST_ID], documents=[text],
                        embeddings=[_generation_vector(gen_no)])
        _atomic_write(idx.index_dir / "manifest.json", text)
        idx.refresh()
        return manifest

    def _copy_unchanged(self, keep: list[str], rows: "_Rows", records: list[ChunkRecord],
                        tokens: list[list[str]]) -> None:
        """Copy the stored chunks of unchanged documents from the base generation: no re-embedding."""
        idx = self.index
        old = idx._store_call(idx.client().get_collection, self.base.collection)
        for i in range(0, len(keep), 50):
            offset = 0
            where = _where({"doc_id": keep[i:i + 50]})
            while True:
                got = idx._store_call(old.get, where=where, include=["embeddings", "documents", "metadatas"],
                                      limit=_BATCH, offset=offset)
                if not got["ids"]:
                    break
                rows.add(got["ids"], got["embeddings"], got["documents"], got["metadatas"])
                for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                    records.append(_record(cid, text, meta))
                    tokens.append(meta.get("tokens", "").split())
                offset += len(got["ids"])

    def _highest_generation(self) -> int:
        names = self.index._store_call(self.index.client().list_collections)
        gens = [_generation_of(n if isinstance(n, str) else n.name, self.index.prefix) for n in names]
        return max([g for g in gens if g is not None], default=0)


class _Rows:
    """Rows on their way into a new generation's collection, sent ``_BATCH`` at a time.

    A chromadb ``add`` costs ~0.2 s however few rows it carries, so the rows
    of many documents share a call: one call per document made storing, not
    embedding, the bulk of a first build. Only the manifest switch makes
    these rows visible, so sending them in any grouping is equally safe.
    """

    def __init__(self, index: KnowledgeIndex, collection):
        self.index = index
        self.collection = collection
        self.ids: list[str] = []
        self.embeddings: list[np.ndarray] = []
        self.documents: list[str] = []
        self.metadatas: list[dict] = []

    def add(self, ids: Sequence[str], embeddings, documents: Sequence[str], metadatas: Sequence[dict]) -> None:
        if not len(ids):
            return
        self.ids.extend(ids)
        self.embeddings.extend(np.asarray(embeddings, dtype=np.float32).reshape(len(ids), -1))
        self.documents.extend(documents)
        self.metadatas.extend(metadatas)
        while len(self.ids) >= _BATCH:
            self._send(_BATCH)

    def flush(self) -> None:
        while self.ids:
            self._send(_BATCH)

    def _send(self, n: int) -> None:
        self.index._store_call(self.collection.add, ids=self.ids[:n], embeddings=np.stack(self.embeddings[:n]),
                               documents=self.documents[:n], metadatas=self.metadatas[:n])
        for rows in (self.ids, self.embeddings, self.documents, self.metadatas):
            del rows[:n]


def _generation_of(name: str, prefix: str) -> int | None:
    stem = f"{prefix}_g" if prefix else "g"
    if name.startswith(stem) and name[len(stem):].isdigit():
        return int(name[len(stem):])
    return None


def _metadata(c: ChunkRecord, doc: DocumentInfo, tokens: list[str]) -> dict:
    return {"doc_id": c.doc_id, "title": c.title, "heading": c.heading, "position": c.position,
            "doc_type": doc.doc_type, "tokens": " ".join(tokens)}


def _record(cid: str, text: str, meta: dict) -> ChunkRecord:
    return ChunkRecord(id=cid, doc_id=meta["doc_id"], title=meta["title"], heading=meta.get("heading", ""),
                       position=int(meta["position"]), text=text)


def _write_keyword_dir(directory: Path, keyword: KeywordIndex, records: Sequence[ChunkRecord]) -> None:
    """Write to a temp dir and rename, so a half-written directory is never read."""
    tmp = directory.with_name(directory.name + f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    keyword.save(tmp)
    shutil.rmtree(directory, ignore_errors=True)
    os.replace(tmp, directory)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _looks_like_connection_error(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(s in text for s in ("connect", "timeout", "timed out", "refused", "unreachable", "503", "502"))
