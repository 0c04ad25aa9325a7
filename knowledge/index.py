"""Read the knowledge index: the live generation's snapshot, in every process.

The index is written by one writer (``ingest.writer``) as immutable
generations (see knowledge.snapshot). ``KnowledgeIndex`` is the reader every
process holds: web workers, the CLIs, the console. It never opens chromadb's
files, so any number of processes may read while one writes.

- Embedded (the default): the live generation is named by ``CURRENT`` in
  ``index_dir``; every ``current()`` call stats it, so a switch made by any
  process is seen by every worker on its next request.
- Shared Chroma server (``knowledge.chroma_url``): the live generation is
  named on the server; a background thread per process asks once per
  ``reload_interval`` and, when it changed, loads the new snapshot (copying
  it from the server first if this machine has not got it). Answers never
  wait on the server.

While a new generation loads, other threads keep answering from the old one.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import re
import threading
import time
import weakref
from datetime import date
from pathlib import Path

import numpy as np
from cachetools import LRUCache

from core.errors import IndexMissing, StoreUnavailable
from knowledge import snapshot as snap_files
from knowledge import store
from knowledge.keyword import KeywordIndex, pair_text, pairs_of
from knowledge.places import Place, areas_named
from knowledge.snapshot import ChunkRecord, DocumentInfo, Manifest  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)


def chunk_id(doc_id: str, position: int) -> str:
    return f"{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:12]}:{position}"


def matches(chunk: ChunkRecord, doc_type: str, filters: dict | None) -> bool:
    """Does a chunk pass a metadata filter such as ``{"doc_id": "a.txt", "doc_type": ["pdf", "docx"]}``?"""
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


QUOTED_RUN = 6  # characters of a title a question quotes to name it ("人才市场管理")
_QUOTING_AMONG = 64  # titles holding the question's words, at most, among which one quoted is looked for
_QUOTED = re.compile(r"《[^》]*》")  # a title quoted inside another


class Snapshot:
    """One generation, loaded: chunk records, keyword index and vectors, rows in one order."""

    def __init__(self, manifest: Manifest, records: list[ChunkRecord], keyword: KeywordIndex, pairs: KeywordIndex,
                 vectors: np.ndarray, directory: Path | None = None):
        self.manifest = manifest
        self.ids = [r.id for r in records]
        self.row = {cid: i for i, cid in enumerate(self.ids)}  # a chunk's row in the vectors and word lists
        self.chunks = {r.id: r for r in records}
        self.keyword = keyword
        self.pairs = pairs
        self.vectors = vectors
        doc_types = {d.doc_id: d.doc_type for d in manifest.docs.values()}
        self.doc_type = [doc_types.get(r.doc_id, "") for r in records]
        # Each row's document as a number, so the rows of a set of documents are one numpy lookup.
        self._doc_number = {doc_id: n for n, doc_id in enumerate(dict.fromkeys(r.doc_id for r in records))}
        self._row_doc = np.fromiter((self._doc_number[r.doc_id] for r in records), dtype=np.int32, count=len(records))
        # Masks by (filters, documents): a question about a place reuses its place's mask. A Python
        # pass over every row per search was 36 of a 54 ms retrieve at 20k chunks (bench/README.md,
        # 2026-12-04 evening); at most 64 masks of one byte a row are kept (6.4 MB at 100k chunks).
        self._masks: LRUCache = LRUCache(maxsize=64)
        self._masks_lock = threading.Lock()  # readers share a snapshot across threads
        self._about: dict[tuple, tuple[frozenset[str] | None, frozenset[str]]] = {}
        self._answering: tuple[date, frozenset[str] | None] | None = None
        self._regions: list[Place] | None = None
        self._word_forms: dict[tuple[str, Place], bool] = {}  # see used_as_a_word
        self._labels: dict[str, str] | None = None  # each document's title, 文号 and year, for named_documents
        self._own_labels: dict[str, str] = {}  # the same without the titles they quote (《…》)
        self._holding: dict[str, frozenset[str]] = {}  # a word -> the documents whose label holds it
        self._areas: dict[str, Place] | None = None
        self.directory = directory  # where the generation's files are (its near words' too)

    @classmethod
    def load(cls, directory: Path) -> "Snapshot":
        keyword = KeywordIndex.load(directory)
        if keyword is None:
            raise FileNotFoundError(directory / "ids.json")
        records = snap_files.read_chunks(directory)
        pairs = pairs_of(directory, [r.id for r in records], [pair_text(r.heading, r.text) for r in records])
        return cls(snap_files.read_manifest(directory), records, keyword, pairs, snap_files.read_vectors(directory),
                   directory)

    @property
    def generation(self) -> int:
        return self.manifest.generation

    def mask(self, filters: dict | None, docs: frozenset[str] | None = None) -> np.ndarray | None:
        """Which rows ``filters`` and the document set ``docs`` allow (None: all)."""
        if not filters and docs is None:
            return None
        key = (repr(sorted(filters.items())) if filters else "", docs)
        with self._masks_lock:
            allowed = self._masks.get(key)
        if allowed is None:
            if docs is None:
                allowed = np.ones(len(self.ids), dtype=bool)
            else:
                wanted = np.zeros(len(self._doc_number), dtype=bool)
                wanted[[self._doc_number[d] for d in docs if d in self._doc_number]] = True
                allowed = wanted[self._row_doc]
            if filters:
                allowed &= np.array([matches(self.chunks[cid], dt, filters) for cid, dt in zip(self.ids, self.doc_type)],
                                    dtype=bool)
            allowed.flags.writeable = False  # shared by every search that asks the same
            with self._masks_lock:
                self._masks[key] = allowed
        return allowed

    def regions(self) -> list[Place]:
        """The places the documents of this generation are about."""
        if self._regions is None:
            paths = {d.meta.get("region", "") for d in self.manifest.docs.values()} - {""}
            self._regions = [Place(p.split()[-1], tuple(p.split())) for p in sorted(paths)]
        return self._regions

    def areas(self) -> dict[str, Place]:
        """The areas below a city that documents' titles name (临港 of "…支持临港地区…"), by the
        forms a question may use, each as a place within its document's region. Once per generation."""
        if self._areas is None:
            areas: dict[str, Place] = {}
            for doc in self.manifest.docs.values():
                region = doc.meta.get("region", "").split()
                if region:
                    for name, forms in areas_named(doc.title).items():
                        for form in forms:
                            areas.setdefault(form, Place(name, tuple(region) + (name,)))
            self._areas = areas
        return self._areas

    def used_as_a_word(self, form: str, place: Place) -> bool:
        """Whether a document not about ``place`` has ``form`` in its text, other than as the place's
        name: a county's short name that is also a name or word there ("三水" in the 姜堰 report's
        三水人才之家, while 三水区 is in 佛山; "新建" in a national text's 新建住房, while 新建区
        is in 南昌). Such a form in a question is not read as the place. Memoised per
        generation; one pass over the chunks (about 30 ms at 100k chunks) per form ever asked."""
        cached = self._word_forms.get((form, place))
        if cached is None:
            _, about = self.documents_about(place)  # those about it or a place inside it
            word = re.compile(rf"{re.escape(form)}(?![区县市旗])")  # 新建人才公寓, not 新建区
            cached = self._word_forms[(form, place)] = any(
                form in r.text and word.search(r.text) for r in self.chunks.values() if r.doc_id not in about)
        return cached

    def named_documents(self, terms: tuple[str, ...], question: str = "") -> dict[str, float]:
        """The document a question names, if any, and by how much (0..1): the share of its
        ``terms`` (specific words, 2014年…) found in the document's title, 文号 or year, each
        weighted by how rare it is among the titles ("人才市场" names one document, "条例" four),
        less the share of the next best document.

        A question that names a document ("北京人才市场条例说的人才是指哪些人", "2014年户籍改革
        意见…") asks what that document says; one that names none gets 0 everywhere.
        """
        if self._labels is None:  # once per generation
            labels = {}
            for doc in self.manifest.docs.values():
                year = doc.meta.get("year", "")
                labels[doc.doc_id] = f"{doc.title} {doc.meta.get('doc_number', '')} {year + '年' if year else ''}".lower()
            self._own_labels = {doc_id: _QUOTED.sub("", label) for doc_id, label in labels.items()}
            self._labels = labels
        labels = self._labels
        if not terms or not labels:
            return {}
        n = len(labels) + 1
        holding = {t: self._titles_holding(t) for t in terms}
        # a word no title has weighs most: the question is about something else
        weight = {t: float(np.log(n / max(len(docs), 0.5))) for t, docs in holding.items()}
        total = sum(weight.values())
        # Only documents whose label holds a term can be named: the others' share is 0.
        named = set().union(*holding.values())
        # (Only among a few: a word in hundreds of titles is no part of a name quoted.)
        quoted = self._quoting(question.lower(), named) if question and len(named) <= _QUOTING_AMONG else None
        if quoted:
            return {quoted: 1.0}
        # A title quoting another's name (北京市实施《居住证暂行条例》办法, …就《居住证暂行条例》答记者问)
        # names that one less than it names itself: "国家居住证条例" is the 条例.
        shares = sorted(((sum(w * (0.5 if self._quoted_only(t, doc_id) else 1.0) for t, w in weight.items()
                              if doc_id in holding[t]) / total, doc_id)
                         for doc_id in named), reverse=True) + [(0.0, "")] * 2
        # Only the document named more than any other is named: "居住证" is in three titles and names none.
        runner_up = shares[1][0]
        return {shares[0][1]: shares[0][0] - runner_up} if shares[0][0] > runner_up else {}

    def _quoting(self, question: str, docs: set[str]) -> str | None:
        """The one document of ``docs`` whose own title shares a run of ``QUOTED_RUN`` characters
        with ``question`` ("人才市场管理条例里说的人才…" quotes 北京市人才市场管理条例, though 市场 and
        管理条例 are each in other titles too); of several, the one sharing the longest run (包头市人力资源
        市场管理条例 shares 市场管理条例, six characters, and 北京's eight); None if none does, or several
        share the longest."""
        def sharing(size: int, among) -> list[str]:
            runs = {question[i:i + size] for i in range(len(question) - size + 1)}
            return [d for d in among if any(r in self._own_labels[d] for r in runs)]

        size, quoting = QUOTED_RUN, sharing(QUOTED_RUN, docs)
        while len(quoting) > 1 and size < len(question):
            size += 1
            longer = sharing(size, quoting)
            if not longer:
                break
            quoting = longer
        return quoting[0] if len(quoting) == 1 else None

    def _quoted_only(self, term: str, doc_id: str) -> bool:
        """Whether ``term`` is in the document's label only inside a title it quotes (《…》)."""
        return term not in self._own_labels[doc_id]

    def _titles_holding(self, term: str) -> frozenset[str]:
        """The documents whose label holds ``term``. Memoised per generation: a pass over every
        title per word cost 10.5 ms a question at 7,829 documents (bench/README.md, session 13)."""
        found = self._holding.get(term)
        if found is None:
            found = frozenset(doc_id for doc_id, label in self._labels.items() if term in label)
            if len(self._holding) < 50_000:
                self._holding[term] = found
        return found

    def answering(self, today: date) -> frozenset[str] | None:
        """The documents that may answer on ``today`` (None: all of them).

        Disabled ones, expired ones and those not yet in force are left out, in
        every process: the switch is in the manifest, the date is the reader's.
        Memoised for the day; a new day is one pass over the manifest.
        """
        cached = self._answering
        if cached is None or cached[0] != today:
            docs = self.manifest.docs.values()
            live = frozenset(d.doc_id for d in docs if d.answers_on(today))
            cached = self._answering = (today, None if len(live) == len(self.manifest.docs) else live)
        return cached[1]

    def documents_about(self, place: Place | None, today: date | None = None
                        ) -> tuple[frozenset[str] | None, frozenset[str]]:
        """The documents that may answer a question about ``place`` on ``today``, and those of
        them about it (empty: no document is).

        National documents and those naming no place answer for every place;
        a regional one only for places it contains or lies within. It is about the
        place when it applies to all of it (a city's rule, or its province's, for a
        question about the city); one about a district inside it is so only when no
        text applies to the whole place ("上海有没有青年见习": the city's regulation,
        not 黄浦区's list). Disabled documents and those out of their dates answer
        nowhere. Memoised per place and day: the generation never changes.
        """
        live = self.answering(today) if today is not None else None
        if place is None:
            return live, frozenset()
        cached = self._about.get((place, live))
        if cached is None:
            allowed, covering, within = set(), set(), set()
            for doc in self.manifest.docs.values():
                if live is not None and doc.doc_id not in live:
                    continue
                region = doc.meta.get("region", "")
                about = Place(region.split()[-1], tuple(region.split())) if region else None
                if about is None:
                    allowed.add(doc.doc_id)
                elif about.covers(place):
                    allowed.add(doc.doc_id)
                    covering.add(doc.doc_id)
                elif place.covers(about):
                    allowed.add(doc.doc_id)
                    within.add(doc.doc_id)
            local = covering or within
            cached = self._about[(place, live)] = (frozenset(allowed), frozenset(local))
        return cached

    def dense_search(self, vector: np.ndarray, k: int, filters: dict | None = None,
                     docs: frozenset[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, cosine similarity), exact: one matrix product over the mapped vectors.

        Measured in bench/README.md: well under chromadb's per-query cost up to
        100k chunks, and exact where HNSW is approximate.
        """
        if not self.ids:
            return []
        scores = self.vectors @ np.asarray(vector, dtype=np.float32)
        allowed = self.mask(filters, docs)
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        n = min(k, len(self.ids) if allowed is None else int(allowed.sum()))
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]

    def keyword_search(self, query: str, k: int, filters: dict | None = None,
                       docs: frozenset[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, BM25 score) over jieba's words."""
        return self._bm25_search(self.keyword, query, k, filters, docs)

    def pair_search(self, query: str, k: int, filters: dict | None = None,
                    docs: frozenset[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, BM25 score) over character pairs (knowledge.text.character_pairs)."""
        return self._bm25_search(self.pairs, query, k, filters, docs)

    def _bm25_search(self, index: KeywordIndex, query: str, k: int, filters: dict | None,
                     docs: frozenset[str] | None) -> list[tuple[str, float]]:
        mask = self.mask(filters, docs)
        if mask is not None and not mask.any():
            return []
        return index.search(query, k, mask)


def _freeze_generation() -> None:
    """Keep the garbage collector's full passes off the loaded generation: its ~190,000 objects
    at 100k chunks made every full pass take ~77 ms, inside whichever question triggered it
    (the bench's 149 ms maximum; 2.3 ms frozen). gc.freeze moves every object alive now to a
    generation the collector never scans; reference counting still frees them. What an earlier
    load froze is released first and collected, so a generation replaced since then is freed
    whole (its cycles included) here, at the next load, not at its own switch. Called once per
    load (one full pass, holding the interpreter lock as long: the price of a load, not of every
    question). Measured in bench/README.md (session 14)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class KnowledgeIndex:
    """The reader of one index location (a directory, plus a Chroma server if configured)."""

    def __init__(self, index_dir: Path, embedder_name: str, chroma_url: str | None = None,
                 prefix: str = "talent", reload_interval: float = 1.0):
        self.index_dir = Path(index_dir)
        self.embedder_name = embedder_name
        self.chroma_url = chroma_url
        self.prefix = prefix
        self.reload_interval = reload_interval
        self._snap: Snapshot | None = None
        self._stamp: tuple | None = None      # the pointer file's stat when it was read (embedded)
        self._lock = threading.Lock()         # one loader at a time; readers never wait on it
        self._client = None
        self._watcher_pid: int | None = None

    # ------------------------------------------------------------ the live generation
    def current(self) -> Snapshot:
        """The live generation; a switch made by any process is picked up here."""
        snap = self._snap
        if snap is None:
            with self._lock:
                if self._snap is None:
                    self._snap = self._load_live()
                snap = self._snap
            self._watch()
            return snap
        if self.chroma_url:
            self._watch()
            return snap
        if snap_files.pointer_stamp(self.index_dir) == self._stamp:
            return snap
        if not self._lock.acquire(blocking=False):
            return snap  # another thread is loading the new generation: answer from this one meanwhile
        try:
            self._snap = self._load_live()
            return self._snap
        finally:
            self._lock.release()

    def refresh(self) -> None:
        """Forget the loaded generation: the next ``current()`` loads the live one (after a
        build in this process, or in tests). Loading is left to the next reader: a CLI
        that only wrote never pays for it."""
        with self._lock:
            self._snap = None

    @property
    def generation(self) -> int:
        return self.current().generation

    def exists(self) -> bool:
        try:
            self.current()
            return True
        except IndexMissing:
            return False

    def _load_live(self) -> Snapshot:
        return self._load_from_server() if self.chroma_url else self._load_local()

    def _load_local(self) -> Snapshot:
        for _ in range(3):  # a generation swept between reading the pointer and opening it: read again
            stamp = snap_files.pointer_stamp(self.index_dir)
            generation = snap_files.read_pointer(self.index_dir)
            if generation is None:
                raise IndexMissing(f"no knowledge index at {self.index_dir} (run: python -m ingest build)")
            try:
                snap = self._open(generation)
            except FileNotFoundError:
                continue
            self._stamp = stamp
            return snap
        raise IndexMissing(f"the knowledge index at {self.index_dir} is incomplete; rebuild it: "
                           "python -m ingest build --rebuild")

    def _open(self, generation: int) -> Snapshot:
        snap = Snapshot.load(snap_files.snapshot_dir(self.index_dir, generation))
        if snap.manifest.embedder != self.embedder_name:
            raise IndexMissing(
                f"the index was built with embedder {snap.manifest.embedder!r} but the configuration uses "
                f"{self.embedder_name!r}; rebuild it: python -m ingest build --rebuild"
            )
        _freeze_generation()
        log.info("knowledge index generation %s loaded (%s chunks)", generation, len(snap.ids))
        return snap

    # ------------------------------------------------------------ shared Chroma server
    def client(self):
        if self._client is None:
            self._client = store.open_client(self.index_dir / "chroma", self.chroma_url)
        return self._client

    def _server(self, fn, *args):
        try:
            return store.call(self.chroma_url, fn, self.client(), *args)
        except StoreUnavailable:
            self._client = None
            raise

    def _load_from_server(self) -> Snapshot:
        """The first load: the server's live generation, or this machine's newest one if the server is down."""
        try:
            generation = self._server(store.read_server_generation, self.prefix)
        except StoreUnavailable:
            local = snap_files.local_generations(self.index_dir)
            if not local:
                raise
            log.warning("Chroma server %s unavailable; answering from local generation %s", self.chroma_url, local[-1])
            return self._open(local[-1])
        if generation is None:
            raise IndexMissing(f"no knowledge index on the Chroma server {self.chroma_url} "
                               "(run: python -m ingest build)")
        return self._open_shared(generation)

    def _open_shared(self, generation: int) -> Snapshot:
        """Open a generation named by the server, copying it from the server if this machine lacks it."""
        directory = snap_files.snapshot_dir(self.index_dir, generation)
        if not directory.is_dir():
            manifest = self._server(store.read_server_manifest, self.prefix)
            if manifest is None or manifest.generation != generation:  # switched again meanwhile
                return self._load_from_server()
            log.info("copying generation %s from the Chroma server", generation)
            records, tokens, vectors = self._server(store.fetch_generation, manifest)
            snap_files.write_snapshot(self.index_dir, manifest, records, tokens, vectors)
            snap_files.remove_snapshots(self.index_dir, keep={generation, generation - 1})
        return self._open(generation)

    def _poll_server(self) -> None:
        """One look at the server: load its live generation if it is not the one loaded."""
        generation = self._server(store.read_server_generation, self.prefix)
        with self._lock:
            if generation is not None and (self._snap is None or self._snap.generation != generation):
                self._snap = self._open_shared(generation)

    def _watch(self) -> None:
        """Start this process's server watcher (after a fork the parent's thread is gone)."""
        if not self.chroma_url or self._watcher_pid == os.getpid():
            return
        self._watcher_pid = os.getpid()
        threading.Thread(target=_watch_loop, args=(weakref.ref(self), os.getpid()),
                         name="knowledge-index-watch", daemon=True).start()

    # ------------------------------------------------------------ reading
    def documents(self) -> list[DocumentInfo]:
        return sorted(self.current().manifest.docs.values(), key=lambda d: d.doc_id)

    def chunks_of(self, doc_id: str) -> list[ChunkRecord]:
        snap = self.current()
        return sorted((c for c in snap.chunks.values() if c.doc_id == doc_id), key=lambda c: c.position)

    def chunk(self, cid: str) -> ChunkRecord:
        return self.current().chunks[cid]

    def dense_search(self, vector: np.ndarray, k: int, filters: dict | None = None) -> list[tuple[str, float]]:
        return self.current().dense_search(vector, k, filters)

    def keyword_search(self, query: str, k: int, filters: dict | None = None) -> list[tuple[str, float]]:
        return self.current().keyword_search(query, k, filters)


def _watch_loop(ref: "weakref.ref[KnowledgeIndex]", pid: int) -> None:
    """Poll the server every ``reload_interval`` for as long as the index is in use.

    Holds the index only weakly, so an index nobody uses any more (a test's,
    a finished command's) stops its watcher.
    """
    failing = False
    while True:
        index = ref()
        if index is None or index._watcher_pid != pid:
            return
        interval = max(index.reload_interval, 0.05)
        try:
            index._poll_server()
            failing = False
        except Exception as exc:  # keep answering from what is loaded; say so once
            if not failing:
                log.warning("knowledge index: cannot check the Chroma server: %s", exc)
            failing = True
        del index
        time.sleep(interval)
