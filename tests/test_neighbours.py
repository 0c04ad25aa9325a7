"""Near words (knowledge.neighbours): paraphrases the documents' wording is met by, made once
per generation with the real embedder and stored beside it."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.neighbours import FILE, Neighbours, calibrate, reference_words, using
from knowledge.relevance import coverage


class Counting:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, embedder):
        self.inner = embedder
        self.name = embedder.name
        self.texts: list[str] = []

    def embed(self, texts):
        self.texts.extend(texts)
        return self.inner.embed(texts)


@pytest.fixture()
def embedder(shipped_kb):
    return Counting(shipped_kb.embedder)


def _generation(tmp_path, n: int):
    directory = tmp_path / "generations" / f"g{n}"
    directory.mkdir(parents=True)
    return directory


def test_a_paraphrase_counts_as_half_a_word_only_where_the_near_words_are_used(tmp_path, embedder):
    rows = [["院士", "亲属", "走访", "慰问"], ["驿站", "停车"], ["产业", "论坛"]]
    neighbours = Neighbours.make(_generation(tmp_path, 1), rows, embedder)
    near = neighbours.near(["家属", "行业"], [0, 1, 2])
    assert "亲属" in near["家属"] and "产业" in near["行业"]
    assert "停车" not in near["家属"]
    assert "家属" not in neighbours.near(["家属"], [1, 2])  # only the words of the rows asked about

    text = "常态化走访慰问院士在姜亲属"
    with using(near):
        half = coverage("院士家属", text)
    assert coverage("院士家属", text) < half < coverage("院士亲属", text) == 1.0


def test_a_word_holding_the_term_is_matched_as_itself_not_as_a_paraphrase(tmp_path, embedder):
    neighbours = Neighbours.make(_generation(tmp_path, 1), [["人才公寓", "公寓", "人才"]], embedder)
    assert not neighbours.near(["公寓"], [0]).get("公寓", frozenset()) & {"人才公寓", "公寓"}


def test_the_threshold_is_measured_on_everyday_words_and_made_once(tmp_path, embedder):
    """1 in 2,000 random pairs of jieba's most frequent words reach it; the vectors and the
    threshold are written beside the generation, read by every later reader, and a new
    generation embeds only the words the earlier ones lacked."""
    first = Neighbours.make(_generation(tmp_path, 1), [["人才公寓"], ["驿站"]], embedder)
    words = reference_words()
    assert len(words) == 5000 and all(len(w) >= 2 for w in words)
    assert first.threshold == pytest.approx(calibrate(embedder.inner.embed(words)))
    assert 0.5 < first.threshold < 0.95
    assert (tmp_path / "generations" / "g1" / FILE).exists()

    embedder.texts.clear()
    again = Neighbours.load(tmp_path / "generations" / "g1", embedder, rows=2)
    assert embedder.texts == [] and again.threshold == first.threshold and again.words == first.words
    np.testing.assert_array_equal(again.vectors, first.vectors)
    assert Neighbours.load(tmp_path / "generations" / "g1", embedder, rows=3) is None  # not this generation's

    second = Neighbours.make(_generation(tmp_path, 2), [["人才公寓", "驿站"], ["见习补贴"]], embedder)
    assert embedder.texts == ["见习补贴"]  # the threshold and the two known words came from g1
    assert second.threshold == first.threshold

    embedder.texts.clear()  # another index, nothing beside it: the process measured this embedder already
    elsewhere = Neighbours.make(_generation(tmp_path / "other", 1), [["驿站"]], embedder)
    assert embedder.texts == ["驿站"] and elsewhere.threshold == first.threshold


def test_vectors_of_another_embedder_are_not_used(tmp_path, embedder):
    directory = _generation(tmp_path, 1)
    Neighbours.make(directory, [["驿站"]], embedder)
    other = Counting(embedder.inner)
    other.name = "another-model"
    assert Neighbours.load(directory, other, rows=1) is None
    Neighbours.make(directory, [["驿站"]], other)
    assert "驿站" in other.texts


def test_each_rows_words_are_read_back_from_the_keyword_index(shipped_kb):
    """A generation copied from a Chroma server has only its keyword index: the rows' tokens
    read back from it are the ones the build indexed."""
    from knowledge.text import tokenize_many

    snap = shipped_kb.index.current()
    rows = snap.keyword.row_tokens()
    assert len(rows) == len(snap.ids)
    first = snap.chunks[snap.ids[0]]
    assert set(rows[0]) >= {t for t in tokenize_many([first.text])[0] if len(t) >= 2}


def test_a_question_in_other_words_is_answered_from_the_sentence_it_paraphrases(shipped_kb):
    """"行业论坛" is what the report calls 产业论坛: without near words the question was not
    answered at all (no sentence held enough of its words)."""
    answer = shipped_kb.answer("人才月有没有行业论坛")
    assert answer.found and "产业论坛" in answer.text


def test_a_build_writes_the_near_words_before_the_switch(index_copy, shipped_kb):
    from knowledge.snapshot import read_pointer, snapshot_dir

    directory = snapshot_dir(index_copy, read_pointer(index_copy))
    assert (directory / FILE).exists()


def test_a_removal_needs_no_embedding_for_its_near_words(tmp_path, shipped_kb, embedder, monkeypatch):
    """A removal's writer has no embedder: its first reader makes the words file from the
    previous generation's vectors and threshold, embedding nothing."""
    import shutil

    from ingest.pipeline import build, remove
    from knowledge.service import KnowledgeBase
    from knowledge.snapshot import read_pointer, snapshot_dir
    from tests.conftest import DOCS, settings_for

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(next(DOCS.glob("*.txt")), docs)
    (docs / "见习指南.md").write_text("# 青才见习计划\n\n见习期间每月发放见习补贴2000元。\n", encoding="utf-8")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=embedder)
    build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    remove(kb.index, ["见习指南.md"])
    directory = snapshot_dir(tmp_path / "index", read_pointer(tmp_path / "index"))
    assert not (directory / FILE).exists()
    import knowledge.neighbours

    words: list[str] = []
    real = knowledge.neighbours._embed
    monkeypatch.setattr(knowledge.neighbours, "_embed", lambda e, w, batch=512: words.extend(w) or real(e, w, batch))
    answer = kb.answer("人才公寓建了多少套")
    assert answer.found and (directory / FILE).exists()
    assert words == []  # neither the vocabulary nor the everyday words measuring the threshold
    assert "见习补贴" not in Neighbours.load(directory, embedder, len(kb.index.current().ids)).words
