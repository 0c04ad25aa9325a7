"""The index on a real chromadb: generations, crash safety, filters, store outage."""

from __future__ import annotations

import numpy as np
import pytest

from core.errors import IndexLocked, IndexMissing
from knowledge.index import ChunkRecord, DocumentInfo, KnowledgeIndex, chunk_id
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
