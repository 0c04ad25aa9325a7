"""Server mode: ``knowledge.chroma_url`` against a real `chroma run` server started here."""

from __future__ import annotations

import time

import numpy as np
import pytest

from core.errors import StoreUnavailable
from ingest.pipeline import build
from knowledge.service import KnowledgeBase
from tests.conftest import DOCS, free_port, settings_for


def _machine(tmp_path, name: str, url: str, embedder=None) -> KnowledgeBase:
    """One machine of several sharing a Chroma server: its own index directory."""
    directory = tmp_path / name
    return KnowledgeBase(settings_for(directory, knowledge={"chroma_url": url, "reload_interval_s": 0.2}),
                         embedder=embedder)


def test_build_and_answer_through_a_chroma_server(tmp_path, chroma_server, shipped_kb):
    kb = _machine(tmp_path, "m1", chroma_server.url, shipped_kb.embedder)
    report = build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    assert report.generation == 1
    assert not (tmp_path / "m1" / "chroma").exists()  # vectors live on the server
    answer = kb.answer("人才公寓建了多少套")
    assert answer.found and "424套" in answer.text

    # A second machine: same server, no local files at all. It copies the
    # generation from the server into a snapshot of its own.
    other = _machine(tmp_path, "m2", chroma_server.url, shipped_kb.embedder)
    assert [d.doc_id for d in other.index.documents()] == [d.doc_id for d in kb.index.documents()]
    assert other.answer("驿站能免费住吗").found
    mine, theirs = kb.index.current(), other.index.current()
    assert mine.ids == theirs.ids and np.allclose(mine.vectors, theirs.vectors, atol=1e-6)
    assert (tmp_path / "m2" / "generations" / "g1" / "vectors.npy").exists()


def test_machines_see_each_others_changes_within_two_seconds(tmp_path, chroma_server, shipped_kb):
    one = _machine(tmp_path, "m1", chroma_server.url, shipped_kb.embedder)
    two = _machine(tmp_path, "m2", chroma_server.url, shipped_kb.embedder)
    build(one.index, one.embedder, [DOCS], one.settings.ingest)
    assert two.index.current().generation == 1

    docs = tmp_path / "new"
    docs.mkdir()
    (docs / "见习办法.md").write_text("# 见习\n\n见习补贴每人每月2600元。\n", encoding="utf-8")
    build(two.index, two.embedder, [docs], two.settings.ingest)  # written through the other machine
    assert _within(2.0, lambda: "2600元" in one.answer("见习补贴每月多少钱").text)
    build_remove(one, "见习办法.md")
    assert _within(2.0, lambda: [d.doc_id for d in two.index.documents()] == ["2023年姜堰区人才工作综述.txt"])


def build_remove(kb, doc_id: str) -> None:
    from ingest.pipeline import remove

    assert remove(kb.index, [doc_id]).removed == [doc_id]


def _within(seconds: float, check) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def test_answers_go_on_while_the_server_is_down(tmp_path, chroma_server, shipped_kb):
    """Answers read the local snapshot: a dead server stops only changes, not answers (dense side included)."""
    kb = _machine(tmp_path, "m1", chroma_server.url, shipped_kb.embedder)
    build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    chroma_server.stop()
    time.sleep(0.5)  # the watcher has looked at the dead server by now
    answer = kb.answer("青年人才驿站提供什么服务")
    assert answer.found and any(c.dense is not None for c in answer.chunks)
    # A process starting while the server is down answers from the snapshot this machine has.
    restarted = _machine(tmp_path, "m1", chroma_server.url, shipped_kb.embedder)
    assert "424套" in restarted.answer("人才公寓建了多少套").text


def test_unreachable_server_at_start_is_a_clear_error(tmp_path):
    kb = KnowledgeBase(settings_for(tmp_path, knowledge={"chroma_url": f"http://127.0.0.1:{free_port()}"}))
    with pytest.raises(StoreUnavailable, match="127.0.0.1"):
        kb.index.documents()


def test_chat_keeps_answering_while_the_chroma_server_is_down(tmp_path, chroma_server):
    from bot import create_app
    from tests.conftest import app_overrides
    from tests.wx import WeChatSim

    app = create_app(app_overrides(tmp_path / "local", tmp_path, knowledge={"chroma_url": chroma_server.url}))
    kb = app.extensions["talent.knowledge"]
    build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    wx = WeChatSim(app.test_client())
    assert "424套" in wx.say("o_chroma", "人才公寓建了多少套")
    chroma_server.stop()
    assert "免费住宿" in wx.say("o_chroma", "驿站能免费住吗")
    assert "424套" in app.test_client().post("/api/ask", json={"question": "新建人才公寓多少套"}).json["answer"]
