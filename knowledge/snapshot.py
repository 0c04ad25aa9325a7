"""One index generation on disk: an immutable snapshot, and the pointer to the live one.

Why snapshots: chromadb's ``PersistentClient`` is not process-safe (a second
process never sees what another wrote; chroma-core/chroma#3792), so web
workers never open chromadb. The one writer (``ingest``) stores vectors in
chromadb and then publishes each generation as a directory of plain files::

    <index_dir>/generations/g7/manifest.json   documents, embedder, generation
                               chunks.jsonl    chunk records, in row order
                               vectors.npy     L2-normalised float32, one row per chunk
                               <bm25 files>    the keyword index (knowledge.keyword)
                               pairs/          the character-pair index (knowledge.keyword)
    <index_dir>/CURRENT                        "7": the live generation

A snapshot is written under a temporary name and renamed into place, and the
pointer is replaced with ``os.replace``: a reader sees the old generation or
the new one, never half of either. Readers notice a new pointer with one
``stat`` per request, and map ``vectors.npy`` read-only, so the workers of one
machine share one copy of the vectors in the page cache.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

import numpy as np

from knowledge.keyword import KeywordIndex, pair_text, write_pairs

POINTER = "CURRENT"
COVERAGE_WARNING = 0.99  # below this share of a document's text reaching the index, staff are told
_GENERATION_DIR = re.compile(r"^g(\d+)$")


# The heading of the one chunk that states what a document is (title, issuer, 文号, dates;
# ingest.pipeline.document_card): metadata, which answers only questions about the document itself.
CARD_HEADING = "文件信息"


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
    coverage: float = 1.0                                    # share of the text that reached a chunk
    dropped: list[str] = field(default_factory=list)         # lines that did not (first few)
    meta: dict[str, str] = field(default_factory=dict)       # 文号, issuer, date… read from the text
    # Lifecycle, set by staff and kept across rebuilds (ingest.pipeline.LIFECYCLE): never part of the
    # fingerprint, so changing it publishes a new generation without re-embedding anything.
    enabled: bool = True
    effective: str = ""      # YYYY-MM-DD: answers from this day on ("" = always)
    expires: str = ""        # YYYY-MM-DD: the last day it answers ("" = never)
    uploaded_by: str = ""    # the staff member (or CLI user) who brought in this version
    uploaded_at: float = 0.0

    def answers_on(self, today: date) -> bool:
        """Whether this document may answer on ``today``: enabled and within its dates.

        Checked per question against the date, so an expiry passes by itself, without a rebuild.
        """
        day = today.isoformat()
        return self.enabled and (not self.effective or self.effective <= day) and (
            not self.expires or day <= self.expires)

    def status(self, today: date) -> str:
        """What staff see first: disabled, expired, not yet effective, a coverage warning, or indexed."""
        day = today.isoformat()
        if not self.enabled:
            return "disabled"
        if self.expires and day > self.expires:
            return "expired"
        if self.effective and day < self.effective:
            return "pending"
        return "coverage" if self.coverage < COVERAGE_WARNING else "indexed"


@dataclass
class Manifest:
    generation: int = 0
    collection: str = ""     # the chromadb collection holding this generation's vectors
    embedder: str = ""
    docs: dict[str, DocumentInfo] = field(default_factory=dict)
    created_at: float = 0.0
    # Near-duplicate documents: [doc_a, doc_b, jaccard] (ingest.duplicates), for the console to flag.
    similar: list[list] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        data = json.loads(text)
        data["docs"] = {k: DocumentInfo(**v) for k, v in data.get("docs", {}).items()}
        return cls(**data)

    @property
    def chunk_count(self) -> int:
        return sum(d.chunks for d in self.docs.values())


def generations_dir(index_dir: Path) -> Path:
    return Path(index_dir) / "generations"


def snapshot_dir(index_dir: Path, generation: int) -> Path:
    return generations_dir(index_dir) / f"g{generation}"


def local_generations(index_dir: Path) -> list[int]:
    """Generations with a complete snapshot in ``index_dir``, oldest first."""
    root = generations_dir(index_dir)
    if not root.is_dir():
        return []
    found = (_GENERATION_DIR.match(p.name) for p in root.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def read_pointer(index_dir: Path) -> int | None:
    """The live generation named by ``CURRENT``; None when no index was ever published here."""
    try:
        return int((Path(index_dir) / POINTER).read_text(encoding="ascii").strip())
    except FileNotFoundError:
        return None


def pointer_stamp(index_dir: Path) -> tuple | None:
    """What changes whenever the pointer is replaced (one stat; ~1 µs)."""
    try:
        st = os.stat(Path(index_dir) / POINTER)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def write_pointer(index_dir: Path, generation: int) -> None:
    """The switch: readers in every process see the new generation from their next request."""
    path = Path(index_dir) / POINTER
    tmp = path.with_name(f"{POINTER}.tmp{os.getpid()}")
    tmp.write_text(f"{generation}\n", encoding="ascii")
    os.replace(tmp, path)


def write_snapshot(index_dir: Path, manifest: Manifest, records: Sequence[ChunkRecord],
                   tokens: Sequence[list[str]], vectors: np.ndarray) -> Path:
    """Write a generation's files under a temporary name, then rename them into place.

    Returns the snapshot directory. If another process published the same
    generation first (two workers materialising it from a Chroma server), its
    copy is kept and ours discarded: both hold the same data.
    """
    target = snapshot_dir(index_dir, manifest.generation)
    tmp = target.with_name(f"{target.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    np.save(tmp / "vectors.npy", normalise(vectors, len(records)))
    ids = [r.id for r in records]
    KeywordIndex.build(ids, tokens).save(tmp)
    write_pairs(tmp, ids, [pair_text(r.heading, r.text) for r in records])
    (tmp / "manifest.json").write_text(manifest.to_json(), encoding="utf-8")
    try:
        os.rename(tmp, target)
    except OSError:  # already there: published by another process
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def normalise(vectors, n: int) -> np.ndarray:
    """Rows scaled to unit length (cosine = dot product); an (n, d) float32 array."""
    matrix = np.asarray(vectors, dtype=np.float32).reshape(n, -1) if n else np.zeros((0, 1), np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def read_manifest(directory: Path) -> Manifest:
    return Manifest.from_json((directory / "manifest.json").read_text(encoding="utf-8"))


def read_chunks(directory: Path) -> list[ChunkRecord]:
    with (directory / "chunks.jsonl").open(encoding="utf-8") as fh:
        return [ChunkRecord(**json.loads(line)) for line in fh]


def read_vectors(directory: Path) -> np.ndarray:
    """Mapped read-only: pages are shared by every worker of the machine."""
    return np.load(directory / "vectors.npy", mmap_mode="r")


def remove_snapshots(index_dir: Path, keep: set[int], temporary: bool = False) -> None:
    """Delete complete snapshots not in ``keep`` (and, for the writer, leftover temporary ones).

    A reader still answering from a deleted snapshot is unaffected: its data
    is in memory or mapped, and a mapped file lives until it is unmapped.
    """
    root = generations_dir(index_dir)
    if not root.is_dir():
        return
    for path in root.iterdir():
        m = _GENERATION_DIR.match(path.name)
        if (m and int(m.group(1)) not in keep) or (temporary and not m):
            shutil.rmtree(path, ignore_errors=True)
