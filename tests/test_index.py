"""The index: generations written by one writer on a real chromadb, read from snapshots
by any number of processes; crash safety, filters, the write lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from types import MappingProxyType

import numpy as np
import pytest

from core.config import PROJECT_ROOT
from core.errors import IndexLocked, IndexMissing
from ingest.writer import GenerationWriter, open_writer
from knowledge import snapshot, store
from knowledge.index import ChunkRecord, DocumentInfo, KnowledgeIndex, Manifest, chunk_id
from knowledge.text import tokenize


def _doc(doc_id: str, texts: list[str], doc_type: str = "txt"):
    doc = DocumentInfo(doc_id=doc_id, title=doc_id, source=f"/src/{doc_id}", doc_type=doc_type, sha256="x" * 64,
                       fingerprint=f"fp-{doc_id}-{len(texts)}", size=1, chars=sum(map(len, texts)),
                       chunks=len(texts), updated_at=0.0)
    chunks = [ChunkRecord(chunk_id(doc_id, i), doc_id, doc_id, "", i, t) for i, t in enumerate(texts)]
    rng = np.random.default_rng(sum(map(ord, doc_id)))
    vectors = rng.normal(size=(len(texts), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return doc, chunks, vectors, [tokenize(t) for t in texts]


def _index(path) -> KnowledgeIndex:
    return KnowledgeIndex(path, "test-embedder")


def _stored_collections(path) -> set[str]:
    """Collection names in the embedded store (the test process is the only one with it open)."""
    return {c.name for c in store.open_client(path / "chroma", None).list_collections()}


def test_missing_index_raises(tmp_path):
    with pytest.raises(IndexMissing):
        _index(tmp_path).current()
    assert not _index(tmp_path).exists()


def test_commit_switches_generation_and_copies_unchanged_vectors(tmp_path):
    idx = _index(tmp_path)
    a, b = _doc("a.txt", ["人才公寓新建424套", "驿站提供免费住宿"]), _doc("b.txt", ["见习计划"])
    with open_writer(idx) as w:
        w.put(*a)
        w.put(*b)
        assert w.commit().generation == 1
    with open_writer(idx) as w:
        w.put(*_doc("a.txt", ["人才公寓新建500套"]))
        assert w.commit().generation == 2
    snap = idx.current()
    assert snap.generation == 2 and snapshot.read_pointer(tmp_path) == 2
    assert {c.text for c in snap.chunks.values()} == {"人才公寓新建500套", "见习计划"}
    row = snap.ids.index(b[1][0].id)
    assert np.allclose(snap.vectors[row], b[2][0], atol=1e-6)  # copied from the store, not re-embedded
    assert idx.keyword_search("人才公寓", 5)[0][0] == chunk_id("a.txt", 0)
    assert idx.dense_search(b[2][0], 1) == [(b[1][0].id, pytest.approx(1.0, abs=1e-5))]


def test_nothing_changed_means_no_new_generation(tmp_path):
    idx = _index(tmp_path)
    with open_writer(idx) as w:
        w.put(*_doc("a.txt", ["甲"]))
        w.commit()
    with open_writer(idx) as w:
        assert w.is_current("a.txt", "fp-a.txt-1")
        assert w.commit() is None
    assert idx.current().generation == 1


def test_uncommitted_generation_is_invisible_and_swept(tmp_path):
    """A build that dies before the switch leaves the old generation answering."""
    idx = _index(tmp_path)
    with open_writer(idx) as w:
        w.put(*_doc("a.txt", ["人才公寓"]))
        w.commit()
    # A crash half way: the next generation's collection and a half-written snapshot exist, the pointer never moved.
    store.open_client(tmp_path / "chroma", None).create_collection("talent_g2").add(
        ids=["junk"], embeddings=[[0.0] * 8], documents=["半截"])
    (tmp_path / "generations" / "g2.tmp999").mkdir()
    reader = _index(tmp_path)
    assert reader.current().generation == 1
    assert [c.text for c in reader.current().chunks.values()] == ["人才公寓"]
    with open_writer(idx) as w:  # the next build sweeps the leftovers and skips past their number
        assert "talent_g2" not in _stored_collections(tmp_path)
        assert not (tmp_path / "generations" / "g2.tmp999").exists()
        w.put(*_doc("b.txt", ["见习"]))
        assert w.commit().generation >= 2


def test_a_reader_sees_every_switch_on_its_next_call(tmp_path):
    """No reload interval on one machine: the pointer is looked at on every call."""
    writer_idx, reader = _index(tmp_path), _index(tmp_path)
    with open_writer(writer_idx) as w:
        w.put(*_doc("a.txt", ["旧内容"]))
        w.commit()
    assert reader.current().generation == 1
    with open_writer(writer_idx) as w:
        w.drop("a.txt")
        w.put(*_doc("b.txt", ["新内容"]))
        w.commit()
    assert [c.doc_id for c in reader.current().chunks.values()] == ["b.txt"]


WRITE_IN_ANOTHER_PROCESS = textwrap.dedent("""
    import sys
    from ingest.writer import open_writer
    from knowledge.index import KnowledgeIndex
    from tests.test_index import _doc

    idx = KnowledgeIndex(sys.argv[1], "test-embedder")
    with open_writer(idx) as w:
        for name in sys.argv[2:]:
            w.drop(name[1:]) if name.startswith("-") else w.put(*_doc(name, [f"{name}的内容"]))
        print(w.commit().generation)
""")


def _write_elsewhere(path, *changes: str) -> int:
    out = subprocess.run([sys.executable, "-c", WRITE_IN_ANOTHER_PROCESS, str(path), *changes], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return int(out.stdout.strip())


def test_changes_written_by_other_processes_are_seen_at_once(tmp_path):
    """The bug this design fixes: a second process never saw vectors another process wrote
    to an embedded chromadb (chroma-core/chroma#3792). Readers here never open chromadb."""
    reader = _index(tmp_path)
    assert _write_elsewhere(tmp_path, "a.txt", "b.txt") == 1
    assert {d.doc_id for d in reader.documents()} == {"a.txt", "b.txt"}
    first = reader.current()
    assert _write_elsewhere(tmp_path, "-a.txt", "c.txt") == 2
    assert {d.doc_id for d in reader.documents()} == {"b.txt", "c.txt"}
    assert reader.keyword_search("c.txt的内容", 1)[0][0] == chunk_id("c.txt", 0)
    assert [c.doc_id for c in first.chunks.values()] == ["a.txt", "b.txt"]  # a loaded generation never changes
    # ... and this process writes on top of what the others wrote.
    with open_writer(reader) as w:
        w.put(*_doc("d.txt", ["第四份"]))
        assert w.commit().generation == 3
    assert {d.doc_id for d in _index(tmp_path).documents()} == {"b.txt", "c.txt", "d.txt"}


def test_filters_apply_to_both_rankers(tmp_path):
    idx = _index(tmp_path)
    a = _doc("a.txt", ["人才公寓政策"], "txt")
    b = _doc("b.pdf", ["人才公寓申请"], "pdf")
    with open_writer(idx) as w:
        w.put(*a)
        w.put(*b)
        w.commit()
    assert [c for c, _ in idx.keyword_search("人才公寓", 5, {"doc_type": "pdf"})] == [b[1][0].id]
    assert [c for c, _ in idx.dense_search(a[2][0], 5, {"doc_id": "b.pdf"})] == [b[1][0].id]
    assert [c for c, _ in idx.dense_search(a[2][0], 5, {"doc_id": ["a.txt"]})] == [a[1][0].id]
    assert idx.keyword_search("人才公寓", 5, {"doc_id": "none"}) == []
    assert idx.dense_search(a[2][0], 5, {"doc_id": "none"}) == []


def test_the_rows_a_search_may_use_are_those_of_the_documents_and_filters_asked(tmp_path):
    """The mask of allowed rows (a set of documents from place scoping and lifecycle, staff's
    filters) is the rows that pass both, whichever order they are asked in and when asked again."""
    idx = _index(tmp_path)
    docs = [_doc(f"d{i}.{'pdf' if i % 2 else 'txt'}", [f"文件{i}第{j}段" for j in range(3)], "pdf" if i % 2 else "txt")
            for i in range(6)]
    with open_writer(idx) as w:
        for d in docs:
            w.put(*d)
        w.commit()
    snap = idx.current()
    cases = [(None, frozenset({"d1.pdf", "d4.txt"})), ({"doc_type": "pdf"}, None),
             ({"doc_type": ["pdf"]}, frozenset({"d1.pdf", "d2.txt", "gone.txt"})), (None, frozenset()),
             (None, frozenset({"d1.pdf", "d4.txt"}))]  # the first again: the kept mask
    for filters, wanted in cases:
        expected = [(wanted is None or snap.chunks[cid].doc_id in wanted) and (not filters or (
            snap.chunks[cid].doc_id.endswith(".pdf"))) for cid in snap.ids]
        assert snap.mask(filters, wanted).tolist() == expected, (filters, wanted)
    assert snap.mask(None, None) is None


def test_dense_search_ranks_as_chromadb_does(tmp_path):
    """Exact search over the snapshot's vectors gives chromadb's own cosine ranking."""
    idx = _index(tmp_path)
    docs = [_doc(f"d{i}.txt", [f"文件{i}第{j}段" for j in range(5)]) for i in range(20)]
    with open_writer(idx) as w:
        for d in docs:
            w.put(*d)
        w.commit()
    collection = store.open_client(tmp_path / "chroma", None).get_collection(idx.current().manifest.collection)
    rng = np.random.default_rng(7)
    for _ in range(10):
        q = rng.normal(size=8).astype(np.float32)
        q /= np.linalg.norm(q)
        ours = idx.dense_search(q, 10)
        theirs = collection.query(query_embeddings=[q.tolist()], n_results=10, include=["distances"])
        assert [cid for cid, _ in ours] == theirs["ids"][0]
        assert [s for _, s in ours] == pytest.approx([1 - d for d in theirs["distances"][0]], abs=1e-4)


def test_second_writer_waits_then_gives_up(tmp_path):
    idx = _index(tmp_path)
    waited = []
    with open_writer(idx):
        with pytest.raises(IndexLocked, match="another build"):
            with open_writer(_index(tmp_path), wait_s=0.3, on_wait=lambda: waited.append(1)):
                pass
    assert waited == [1]
    with open_writer(_index(tmp_path), wait_s=0.3) as w:  # free again once the first is done
        w.put(*_doc("a.txt", ["甲"]))
        assert w.commit().generation == 1


@pytest.fixture()
def add_calls(monkeypatch):
    """Rows per chromadb ``Collection.add`` call: a spy around the real method, chromadb still does the work."""
    from chromadb.api.models.Collection import Collection

    calls: list[int] = []
    real = Collection.add

    def spy(self, **kwargs):
        calls.append(len(kwargs["ids"]))
        return real(self, **kwargs)

    monkeypatch.setattr(Collection, "add", spy)
    return calls


def test_a_build_of_many_documents_adds_rows_in_few_batches(tmp_path, monkeypatch, add_calls):
    """Every add costs ~0.2 s whatever its size: rows of many documents share one call."""
    monkeypatch.setattr(store, "BATCH", 50)
    idx = _index(tmp_path)
    docs = [_doc(f"d{i:02d}.txt", [f"第{i}号文件第{j}段" for j in range(3)]) for i in range(60)]
    with open_writer(idx) as w:
        for d in docs:
            w.put(*d)
        w.commit()
    assert add_calls == [50, 50, 50, 30]  # not one call per document
    snap = idx.current()
    assert len(snap.chunks) == 180 == snap.vectors.shape[0]
    assert idx.dense_search(docs[7][2][2], 1) == [(docs[7][1][2].id, pytest.approx(1.0, abs=1e-5))]

    add_calls.clear()
    with open_writer(idx) as w:  # one document changed: the others are copied, in full batches as well
        w.put(*_doc("d07.txt", ["改过的内容"]))
        w.commit()
    assert add_calls == [50, 50, 50, 28]
    assert len(idx.current().chunks) == 178
    assert idx.dense_search(docs[8][2][0], 1)[0][0] == docs[8][1][0].id  # copied vectors, not re-embedded


def test_a_commit_failing_half_way_leaves_the_previous_generation_whole(tmp_path, monkeypatch):
    from chromadb.api.models.Collection import Collection

    idx = _index(tmp_path)
    first = _doc("a.txt", ["人才公寓新建424套", "驿站免费住宿"])
    with open_writer(idx) as w:
        w.put(*first)
        w.commit()
    monkeypatch.setattr(store, "BATCH", 4)
    real, calls = Collection.add, []

    def add_then_fail(self, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(self, **kwargs)

    monkeypatch.setattr(Collection, "add", add_then_fail)
    with pytest.raises(OSError):
        with open_writer(idx) as w:
            for i in range(4):
                w.put(*_doc(f"n{i}.txt", [f"新文件{i}甲", f"新文件{i}乙"]))
            w.commit()
    monkeypatch.setattr(Collection, "add", real)

    reader = _index(tmp_path)
    assert reader.current().generation == 1
    assert sorted(c.text for c in reader.current().chunks.values()) == sorted(c.text for c in first[1])
    assert reader.dense_search(first[2][1], 1)[0][0] == first[1][1].id
    with open_writer(idx) as w:  # the next build sweeps the half-written collection and succeeds
        w.put(*_doc("n0.txt", ["新文件"]))
        assert w.commit().generation >= 2
    assert {d.doc_id for d in reader.documents()} == {"a.txt", "n0.txt"}


def test_old_generations_are_swept_but_the_previous_one_stays(tmp_path):
    """A reader in another process may still be loading the previous generation."""
    idx = _index(tmp_path)
    for i in range(4):
        with open_writer(idx) as w:
            w.put(*_doc(f"d{i}.txt", [f"内容{i}"]))
            w.commit()
    with open_writer(idx):  # sweeping happens when a writer opens
        pass
    assert snapshot.local_generations(tmp_path) == [3, 4]
    assert _stored_collections(tmp_path) >= {"talent_g3", "talent_g4"}
    assert not _stored_collections(tmp_path) & {"talent_g1", "talent_g2"}


def test_a_different_embedder_is_refused_with_the_command_to_run(tmp_path):
    with open_writer(_index(tmp_path)) as w:
        w.put(*_doc("a.txt", ["甲"]))
        w.commit()
    with pytest.raises(IndexMissing, match="--rebuild"):
        KnowledgeIndex(tmp_path, "another-embedder").current()


def test_the_writer_reads_documents_without_copying_them(tmp_path):
    """A build asks ``is_current`` once per file; copying every DocumentInfo per call made a re-ingest O(n^2)."""
    docs = {f"d{i}.txt": DocumentInfo(f"d{i}.txt", "t", "/s", "txt", "x", f"fp{i}", 1, 1, 1, 0.0) for i in range(100)}
    base = Manifest(generation=1, embedder="test-embedder", docs=docs)
    writer = GenerationWriter(_index(tmp_path), None, base)
    assert all(writer.is_current(d, f"fp{i}") for i, d in enumerate(docs))
    assert not writer.is_current("d1.txt", "other")
    assert isinstance(writer.documents, MappingProxyType) and writer.documents == base.docs
    with pytest.raises(TypeError):
        writer.documents["x.txt"] = docs["d1.txt"]  # read-only: the base manifest stays as it was



def test_character_pairs_meet_wording_that_jieba_cuts_otherwise(tmp_path):
    """"租后能买下来吗" shares no jieba word with "实行先租后售" (先租 / 后售), but the pair 租后: the
    character-pair index finds the rule the word index cannot."""
    from knowledge.text import character_pairs

    assert character_pairs("先租后售 App2024") == ["先租", "租后", "后售", "app2024"]
    assert character_pairs("租，售") == ["租", "售"]
    idx = _index(tmp_path)
    a = _doc("a.txt", ["公共租赁住房实行先租后售"])
    b = _doc("b.txt", ["物业服务费应当由业主交纳"])
    with open_writer(idx) as w:
        w.put(*a)
        w.put(*b)
        w.commit()
    snap = idx.current()
    assert a[1][0].id not in [c for c, _ in snap.keyword_search("租后能买下来吗", 5)]
    assert [c for c, _ in snap.pair_search("租后能买下来吗", 5)] == [a[1][0].id]
    assert snap.pair_search("租后能买下来吗", 5, {"doc_id": "b.txt"}) == []


def test_a_generation_written_without_a_pair_index_makes_one_from_its_chunks(tmp_path):
    """The pair index is derived data: a generation from before it existed (no pairs/ directory)
    loads, answers the same as one written with it, and has it written back for the next load."""
    import shutil

    from knowledge.index import Snapshot
    from knowledge.keyword import PAIRS_DIR

    idx = _index(tmp_path)
    with open_writer(idx) as w:
        w.put(*_doc("a.txt", ["公共租赁住房实行先租后售", "驿站提供免费住宿"]))
        w.commit()
    directory = snapshot.snapshot_dir(tmp_path, 1)
    assert (directory / PAIRS_DIR).is_dir()
    written = Snapshot.load(directory).pair_search("租后能买吗", 5)
    shutil.rmtree(directory / PAIRS_DIR)
    assert Snapshot.load(directory).pair_search("租后能买吗", 5) == written != []
    assert (directory / PAIRS_DIR / "ids.json").is_file() and not list(directory.glob(f"{PAIRS_DIR}.tmp*"))
