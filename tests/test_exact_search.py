"""Exact dense search in memory for small indexes, against chromadb's own query.

The vectors are read from chromadb once per generation; the ranking must be the
one chromadb gives (cosine), filters must mean the same, and a larger index
than ``exact_search_max_chunks`` must still be searched by chromadb.
"""

from __future__ import annotations

import numpy as np

from knowledge.evaluate import read_qa
from knowledge.index import KnowledgeIndex
from tests.test_index import _doc


def _pair(path) -> tuple[KnowledgeIndex, KnowledgeIndex]:
    """The same index opened twice: searched exactly, and through chromadb."""
    return (KnowledgeIndex(path, "usem3-512", reload_interval=0, exact_max=100_000),
            KnowledgeIndex(path, "usem3-512", reload_interval=0, exact_max=0))


def test_exact_search_ranks_as_chromadb_does_on_the_shipped_index(shipped_index, shipped_kb):
    exact, store = _pair(shipped_index)
    from core.config import PROJECT_ROOT

    questions = [q.question for q in read_qa(PROJECT_ROOT / "knowledge" / "eval" / "qa.tsv")]
    vectors = shipped_kb.embedder.embed(questions)
    same_top = 0
    for vector in vectors:
        mine, theirs = exact.dense_search(vector, 10), store.dense_search(vector, 10)
        assert [c for c, _ in mine] == sorted((c for c, _ in mine), key=lambda c: -dict(mine)[c])
        common = {c for c, _ in mine} & {c for c, _ in theirs}
        assert len(common) >= 9  # HNSW is approximate; on ~100 chunks it (nearly) never misses
        for cid in common:
            assert abs(dict(mine)[cid] - dict(theirs)[cid]) < 1e-4  # the same cosine similarity
        same_top += mine[0][0] == theirs[0][0]
    assert same_top == len(questions)
    assert exact.current().vectors is not None and store.current().vectors is None


def test_filters_mean_the_same_in_memory(tmp_path):
    path = tmp_path / "idx"
    writer_index = KnowledgeIndex(path, "test-embedder", reload_interval=0)
    docs = [_doc("a.txt", ["人才公寓", "驿站", "见习"]), _doc("b.pdf", ["补贴", "创业"], doc_type="pdf")]
    with writer_index.writer() as w:
        for d in docs:
            w.put(*d)
        w.commit()
    exact = KnowledgeIndex(path, "test-embedder", reload_interval=0, exact_max=1000)
    store = KnowledgeIndex(path, "test-embedder", reload_interval=0, exact_max=0)
    query = np.ones(8, dtype=np.float32) / np.sqrt(8)
    for filters in (None, {"doc_id": "a.txt"}, {"doc_type": ["pdf"]}, {"doc_id": "none.txt"}):
        mine = exact.dense_search(query, 10, filters)
        theirs = store.dense_search(query, 10, filters)
        assert [c for c, _ in mine] == [c for c, _ in theirs], filters
    assert {c for c, _ in exact.dense_search(query, 10, {"doc_type": ["pdf"]})} == {c.id for c in docs[1][1]}


def test_a_larger_index_than_the_limit_is_searched_by_chromadb(shipped_index, shipped_kb):
    idx = KnowledgeIndex(shipped_index, "usem3-512", reload_interval=0, exact_max=5)
    assert len(idx.current().chunks) > 5
    assert len(idx.dense_search(shipped_kb.embedder.embed(["人才公寓"])[0], 3)) == 3
    assert idx.current().vectors is None


def test_a_new_generation_is_searched_with_its_own_vectors(tmp_path):
    path = tmp_path / "idx"
    idx = KnowledgeIndex(path, "test-embedder", reload_interval=0, exact_max=1000)
    first = _doc("a.txt", ["人才公寓", "驿站"])
    with idx.writer() as w:
        w.put(*first)
        w.commit()
    assert idx.dense_search(first[2][1], 1)[0][0] == first[1][1].id
    second = _doc("c.txt", ["见习计划"])
    with idx.writer() as w:
        w.put(*second)
        w.drop("a.txt")
        w.commit()
    assert [c for c, _ in idx.dense_search(first[2][1], 5)] == [second[1][0].id]



def test_a_chunk_without_a_stored_vector_is_never_ranked(tmp_path):
    path = tmp_path / "idx"
    idx = KnowledgeIndex(path, "test-embedder", reload_interval=0)
    doc = _doc("a.txt", ["人才公寓", "驿站", "见习"])
    with idx.writer() as w:
        w.put(*doc)
        w.commit()
    gone = doc[1][1].id
    idx.client().get_collection(idx.current().manifest.collection).delete(ids=[gone])
    exact = KnowledgeIndex(path, "test-embedder", reload_interval=0, exact_max=1000)
    found = [c for c, _ in exact.dense_search(doc[2][1], 10)]
    assert gone not in found and len(found) == 2
    assert [c for c, _ in exact.dense_search(doc[2][1], 10, {"doc_id": "a.txt"})] == found
