"""Server mode: ``knowledge.chroma_url`` against a real `chroma run` server started here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import requests

from core.errors import StoreUnavailable
from ingest.pipeline import build
from knowledge.service import KnowledgeBase
from tests.conftest import DOCS, ChildServer, free_port, settings_for



class ChromaServer(ChildServer):
    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.url = f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        chroma = Path(sys.executable).with_name("chroma")
        return [str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)]

    def ready(self) -> bool:
        return requests.get(f"{self.url}/api/v2/heartbeat", timeout=1).ok


@pytest.fixture()
def chroma_server(tmp_path):
    server = ChromaServer(tmp_path / "chroma-data")
    server.start()
    yield server
    server.stop()


def test_build_and_answer_through_a_chroma_server(tmp_path, chroma_server, shipped_kb):
    settings = settings_for(tmp_path / "local", knowledge={"index_dir": str(tmp_path / "local"),
                                                           "chroma_url": chroma_server.url})
    kb = KnowledgeBase(settings)
    kb.__dict__["embedder"] = shipped_kb.embedder
    report = build(kb.index, kb.embedder, [DOCS], settings.ingest)
    assert report.generation == 1
    assert not (tmp_path / "local" / "chroma").exists()  # vectors live on the server
    answer = kb.answer("人才公寓建了多少套")
    assert answer.found and "424套" in answer.text

    # A second machine: same server, no local files at all. It reads the manifest
    # from the server and rebuilds its keyword index from the stored chunks.
    other = KnowledgeBase(settings_for(tmp_path / "machine2", knowledge={
        "index_dir": str(tmp_path / "machine2"), "chroma_url": chroma_server.url}))
    other.__dict__["embedder"] = shipped_kb.embedder
    assert [d.doc_id for d in other.index.documents()] == [d.doc_id for d in kb.index.documents()]
    assert other.answer("驿站能免费住吗").found


def test_server_down_falls_back_to_keywords(tmp_path, chroma_server, shipped_kb):
    settings = settings_for(tmp_path / "local", knowledge={"index_dir": str(tmp_path / "local"),
                                                           "chroma_url": chroma_server.url})
    kb = KnowledgeBase(settings)
    kb.__dict__["embedder"] = shipped_kb.embedder
    build(kb.index, kb.embedder, [DOCS], settings.ingest)
    chroma_server.stop()
    kb.index.reload_interval = 0  # look at the (now dead) server on every call
    answer = kb.answer("人才公寓建了多少套")
    assert answer.degraded and answer.found and "424套" in answer.text
    with pytest.raises(StoreUnavailable):
        kb.index.dense_search(kb.embedder.embed(["人才公寓"])[0], 3)


def test_unreachable_server_at_start_is_a_clear_error(tmp_path):
    kb = KnowledgeBase(settings_for(tmp_path, knowledge={"index_dir": str(tmp_path),
                                                        "chroma_url": f"http://127.0.0.1:{free_port()}"}))
    with pytest.raises(StoreUnavailable, match="127.0.0.1"):
        kb.index.documents()


def test_chat_keeps_answering_from_keywords_while_the_chroma_server_is_down(tmp_path, chroma_server):
    from bot import create_app
    from tests.conftest import app_overrides
    from tests.wx import WeChatSim

    index = tmp_path / "local"
    # Every dense search through the server (exact search in memory would not notice it is down).
    app = create_app(app_overrides(index, tmp_path, knowledge={"chroma_url": chroma_server.url,
                                                              "retrieval": {"exact_search_max_chunks": 0}}))
    kb = app.extensions["talent.knowledge"]
    build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    wx = WeChatSim(app.test_client())
    assert "424套" in wx.say("o_chroma", "人才公寓建了多少套")
    chroma_server.stop()
    kb.index.reload_interval = 0
    assert "免费住宿" in wx.say("o_chroma", "驿站能免费住吗")      # keyword side only
    assert "424套" in app.test_client().post("/api/ask", json={"question": "新建人才公寓多少套"}).json["answer"]


def test_readers_on_other_machines_notice_a_switch_cheaply(tmp_path, chroma_server, monkeypatch):
    """Through a server, the once-a-second check reads the generation number, not the manifest."""
    from knowledge.index import KnowledgeIndex, Manifest
    from tests.test_index import _doc

    def machine(name: str) -> KnowledgeIndex:
        return KnowledgeIndex(tmp_path / name, "test-embedder", chroma_url=chroma_server.url, reload_interval=0)

    writer, reader = machine("m1"), machine("m2")
    with writer.writer() as w:
        for i in range(10):
            w.put(*_doc(f"d{i}.txt", [f"人才政策第{i}条"]))
        w.commit()
    assert reader.current().manifest.generation == 1 and len(reader.documents()) == 10

    parses = []
    real = Manifest.from_json.__func__
    monkeypatch.setattr(Manifest, "from_json", classmethod(lambda cls, text: parses.append(1) or real(cls, text)))
    for _ in range(3):
        reader.refresh()
    assert parses == []
    with writer.writer() as w:
        w.drop("d0.txt")
        w.commit()
    parses.clear()
    assert reader.current().manifest.generation == 2 and len(reader.documents()) == 9
    assert len(parses) == 1


def test_vectors_read_once_keep_dense_search_going_while_the_server_is_down(tmp_path, chroma_server, shipped_kb):
    """Exact search (a small index): the vectors are read from the server once per generation."""
    kb = KnowledgeBase(settings_for(tmp_path, knowledge={"index_dir": str(tmp_path), "chroma_url": chroma_server.url}))
    kb.__dict__["embedder"] = shipped_kb.embedder
    build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    assert kb.answer("人才公寓建了多少套").found  # reads the vectors from the server
    chroma_server.stop()
    kb.index.reload_interval = 0
    answer = kb.answer("青年人才驿站提供什么服务")
    assert answer.found and not answer.degraded  # dense side still there
