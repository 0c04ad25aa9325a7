"""The index on a real chromadb: generations, crash safety, filters, store outage."""

from __future__ import annotations

import numpy as np
import pytest

import knowledge.index as index_module
from core.errors import IndexLocked, IndexMissing
from knowledge.index import ChunkRecord, DocumentInfo, GenerationWriter, KnowledgeIndex, Manifest, chunk_id
from knowledge.text import tokenize


def _doc(doc_id: str, texts: list[str], doc_type: str = "txt"):
    doc = DocumentInfo(doc_id=doc_id, title=doc_id, source=f"/src/{doc_id}", doc_type=doc_type, sha256="x" * 64,
                       fingerprint=f"fp-{doc_id}-{len(texts)}", size=1, chars=sum(map(len, texts)),
                       chunks=len(texts), updated_at=0.0)
    chunks = [ChunkRecord(chunk_id(doc_id, i), doc_id, doc_id, "", i, t) for i, t in enumerate(texts)]
    rng = np.random.default_rng(abs(hash(doc_id)) % 2**32)
    vectors = rng.normal(size=(len(texts), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return doc, chunks, vectors, [tokenize(t) for t in texts]


def _index(path) -> KnowledgeIndex:
    return KnowledgeIndex(path, "test-embedder", reload_interval=0)


def test_missing_index_raises(tmp_path):
    with pytest.raises(IndexMissing):
        _index(tmp_path).current()
    assert not _index(tmp_path).exists()


def test_commit_switches_generation_and_keeps_unchanged_vectors(tmp_path):
    idx = _index(tmp_path)
    a, b = _doc("a.txt", ["人才公寓新建424套", "驿站提供免费住宿"]), _doc("b.txt", ["见习计划"])
    with idx.writer() as w:
        w.put(*a)
        w.put(*b)
        assert w.commit().generation == 1
    vec_b = idx.client().get_collection(idx.current().manifest.collection).get(
        ids=[b[1][0].id], include=["embeddings"])["embeddings"][0]
    with idx.writer() as w:
        w.put(*_doc("a.txt", ["人才公寓新建500套"]))
        assert w.commit().generation == 2
    gen = idx.current()
    assert {c.text for c in gen.chunks.values()} == {"人才公寓新建500套", "见习计划"}
    copied = idx.client().get_collection(gen.manifest.collection).get(ids=[b[1][0].id], include=["embeddings"])
    assert np.allclose(copied["embeddings"][0], vec_b)  # copied, not re-embedded
    assert idx.keyword_search("人才公寓", 5)[0][0] == chunk_id("a.txt", 0)


def test_nothing_changed_means_no_new_generation(tmp_path):
    idx = _index(tmp_path)
    with idx.writer() as w:
        w.put(*_doc("a.txt", ["甲"]))
        w.commit()
    with idx.writer() as w:
        assert w.is_current("a.txt", "fp-a.txt-1")
        assert w.commit() is None
    assert idx.current().manifest.generation == 1


def test_uncommitted_generation_is_invisible_and_swept(tmp_path):
    """A build that dies before commit leaves the old generation answering."""
    idx = _index(tmp_path)
    with idx.writer() as w:
        w.put(*_doc("a.txt", ["人才公寓"]))
        w.commit()
    # Simulate a crash half way: a new collection exists but the manifest never switched.
    idx.client().create_collection("talent_g2").add(ids=["junk"], embeddings=[[0.0] * 8], documents=["半截"])
    reader = _index(tmp_path)
    assert reader.current().manifest.generation == 1
    assert [c.text for c in reader.current().chunks.values()] == ["人才公寓"]
    with idx.writer() as w:  # the next build sweeps the leftover and skips past its number
        names = {c.name for c in idx.client().list_collections()}
        assert "talent_g2" not in names
        w.put(*_doc("b.txt", ["见习"]))
        assert w.commit().generation >= 2


def test_other_process_sees_switch(tmp_path):
    writer_idx, reader_idx = _index(tmp_path), _index(tmp_path)
    with writer_idx.writer() as w:
        w.put(*_doc("a.txt", ["旧内容"]))
        w.commit()
    assert reader_idx.current().manifest.generation == 1
    with writer_idx.writer() as w:
        w.drop("a.txt")
        w.put(*_doc("b.txt", ["新内容"]))
        w.commit()
    assert [c.doc_id for c in reader_idx.current().chunks.values()] == ["b.txt"]


def test_filters_apply_to_both_rankers(tmp_path):
    idx = _index(tmp_path)
    a = _doc("a.txt", ["人才公寓政策"], "txt")
    b = _doc("b.pdf", ["人才公寓申请"], "pdf")
    with idx.writer() as w:
        w.put(*a)
        w.put(*b)
        w.commit()
    assert [c for c, _ in idx.keyword_search("人才公寓", 5, {"doc_type": "pdf"})] == [b[1][0].id]
    assert [c for c, _ in idx.dense_search(a[2][0], 5, {"doc_id": "b.pdf"})] == [b[1][0].id]
    assert [c for c, _ in idx.dense_search(a[2][0], 5, {"doc_id": ["a.txt"]})] == [a[1][0].id]
    assert idx.keyword_search("人才公寓", 5, {"doc_id": "none"}) == []


def test_keyword_index_is_rebuilt_from_the_store_when_missing(tmp_path):
    """A second machine sharing the store has no local keyword files."""
    import shutil

    idx = _index(tmp_path)
    with idx.writer() as w:
        w.put(*_doc("a.txt", ["青年人才驿站免费住宿", "人才公寓"]))
        w.commit()
    shutil.rmtree(tmp_path / "keyword")
    fresh = _index(tmp_path)
    assert fresh.keyword_search("免费住宿", 3)[0][0] == chunk_id("a.txt", 0)
    assert (tmp_path / "keyword" / "g1" / "ids.json").exists()


def test_second_writer_waits_then_gives_up(tmp_path):
    idx = _index(tmp_path)
    with idx.writer():
        with pytest.raises(IndexLocked):
            with _index(tmp_path).writer(wait_s=0.3):
                pass


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
    monkeypatch.setattr(index_module, "_BATCH", 50)
    idx = _index(tmp_path)
    docs = [_doc(f"d{i:02d}.txt", [f"第{i}号文件第{j}段" for j in range(3)]) for i in range(60)]
    with idx.writer() as w:
        for d in docs:
            w.put(*d)
        w.commit()
    assert add_calls == [50, 50, 50, 30]  # not one call per document
    gen = idx.current()
    assert len(gen.chunks) == 180 == idx.client().get_collection(gen.manifest.collection).count()
    assert idx.dense_search(docs[7][2][2], 1) == [(docs[7][1][2].id, pytest.approx(1.0, abs=1e-5))]

    add_calls.clear()
    with idx.writer() as w:  # one document changed: the others are copied, in full batches as well
        w.put(*_doc("d07.txt", ["改过的内容"]))
        w.commit()
    assert add_calls == [50, 50, 50, 28]
    assert len(idx.current().chunks) == 178
    assert idx.dense_search(docs[8][2][0], 1)[0][0] == docs[8][1][0].id  # copied vectors, not re-embedded


def test_a_commit_failing_half_way_leaves_the_previous_generation_whole(tmp_path, monkeypatch):
    from chromadb.api.models.Collection import Collection

    idx = _index(tmp_path)
    first = _doc("a.txt", ["人才公寓新建424套", "驿站免费住宿"])
    with idx.writer() as w:
        w.put(*first)
        w.commit()
    monkeypatch.setattr(index_module, "_BATCH", 4)
    real, calls = Collection.add, []

    def add_then_fail(self, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(self, **kwargs)

    monkeypatch.setattr(Collection, "add", add_then_fail)
    with pytest.raises(OSError):
        with idx.writer() as w:
            for i in range(4):
                w.put(*_doc(f"n{i}.txt", [f"新文件{i}甲", f"新文件{i}乙"]))
            w.commit()
    monkeypatch.setattr(Collection, "add", real)

    reader = _index(tmp_path)
    assert reader.current().manifest.generation == 1
    assert sorted(c.text for c in reader.current().chunks.values()) == sorted(c.text for c in first[1])
    assert reader.dense_search(first[2][1], 1)[0][0] == first[1][1].id
    with idx.writer() as w:  # the next build sweeps the half-written collection and succeeds
        w.put(*_doc("n0.txt", ["新文件"]))
        assert w.commit().generation >= 2
    assert {d.doc_id for d in reader.documents()} == {"a.txt", "n0.txt"}


@pytest.fixture()
def manifest_parses(monkeypatch):
    """Counts full manifest parses (``Manifest.from_json``)."""
    calls: list[int] = []
    real = Manifest.from_json.__func__

    def counting(cls, text):
        calls.append(len(text))
        return real(cls, text)

    monkeypatch.setattr(Manifest, "from_json", classmethod(counting))
    return calls


def test_the_periodic_check_does_not_parse_an_unchanged_manifest(tmp_path, manifest_parses):
    writer_idx, reader = _index(tmp_path), _index(tmp_path)
    with writer_idx.writer() as w:
        for i in range(20):
            w.put(*_doc(f"d{i}.txt", [f"内容{i}"]))
        w.commit()
    assert reader.current().manifest.generation == 1
    manifest_parses.clear()
    for _ in range(5):
        reader.refresh()
    assert manifest_parses == []  # only the generation number was read
    with writer_idx.writer() as w:
        w.drop("d0.txt")
        w.commit()
    manifest_parses.clear()
    assert reader.current().manifest.generation == 2 and len(reader.documents()) == 19
    assert len(manifest_parses) == 1  # a switch: the new manifest is read once
    reader.refresh()
    assert len(manifest_parses) == 1


def test_manifests_written_by_older_code_are_read(tmp_path, monkeypatch):
    """Before the generation lived in the manifest record's vector, writers stored ``[1.0]`` there.

    An index built that way loads, and a reader notices switches made by an
    older writer (several versions sharing one Chroma server during an upgrade).
    """
    writer_idx, reader = _index(tmp_path), _index(tmp_path)
    older = {"_generation_vector": lambda generation: [1.0]}  # what the older commit stored
    with monkeypatch.context() as m:
        for name, fn in older.items():
            m.setattr(index_module, name, fn)
        with writer_idx.writer() as w:
            w.put(*_doc("a.txt", ["人才公寓新建424套"]))
            w.commit()
    stored = writer_idx.client().get_collection("talent_meta").get(ids=["manifest"], include=["embeddings"])
    assert list(stored["embeddings"][0]) == [1.0]
    assert reader.current().manifest.generation == 1
    assert reader.keyword_search("人才公寓", 1)[0][0] == chunk_id("a.txt", 0)

    with writer_idx.writer() as w:  # this code, on top of the older index
        w.put(*_doc("b.txt", ["见习"]))
        assert w.commit().generation == 2
    assert {d.doc_id for d in reader.documents()} == {"a.txt", "b.txt"}

    with monkeypatch.context() as m:  # an older writer again, after this code
        for name, fn in older.items():
            m.setattr(index_module, name, fn)
        with writer_idx.writer() as w:
            w.drop("a.txt")
            assert w.commit().generation == 3
    assert [d.doc_id for d in reader.documents()] == ["b.txt"]


def test_is_current_does_not_copy_the_documents(tmp_path):
    """A build asks once per file; copying every DocumentInfo per call made a re-ingest O(n^2)."""
    import time

    docs = {f"d{i}.txt": DocumentInfo(f"d{i}.txt", "t", "/s", "txt", "x", f"fp{i}", 1, 1, 1, 0.0)
            for i in range(50000)}
    writer = GenerationWriter(_index(tmp_path), Manifest(generation=1, embedder="test-embedder", docs=docs))
    started = time.perf_counter()
    answers = [writer.is_current(d, f"fp{i}") for i, d in enumerate(docs)]
    assert all(answers) and not writer.is_current("d1.txt", "other")
    assert time.perf_counter() - started < 1.0  # ~10 ms; with a copy per call: 7.7 s
    with pytest.raises(TypeError):
        writer.documents["x.txt"] = docs["d1.txt"]  # read-only: the base manifest stays as it was
