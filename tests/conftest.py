"""Shared fixtures (flaskr style): a real index of the shipped documents, built
once per session with the real embedder and a real chromadb, and an ``app`` /
``client`` pair per test on top of it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from core.config import PROJECT_ROOT, load_config  # noqa: E402

DOCS = PROJECT_ROOT / "knowledge" / "docs"
QA_FILE = PROJECT_ROOT / "knowledge" / "eval" / "qa.tsv"
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


def settings_for(index_dir: Path, **sections):
    """Settings with the index at ``index_dir`` and further nested overrides."""
    overrides = {"knowledge": {"index_dir": str(index_dir)}}
    for key, value in sections.items():
        overrides.setdefault(key, {}).update(value)
    return load_config(overrides=overrides)


@pytest.fixture(scope="session")
def shipped_index(tmp_path_factory) -> Path:
    """An index of knowledge/docs, built once through the ingest pipeline."""
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase

    index_dir = tmp_path_factory.mktemp("shipped-index")
    kb = KnowledgeBase(settings_for(index_dir))
    report = build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    assert report.added and not report.skipped, report.summary()
    return index_dir


@pytest.fixture(scope="session")
def shipped_kb(shipped_index):
    from knowledge.service import KnowledgeBase

    return KnowledgeBase(settings_for(shipped_index))


@pytest.fixture()
def index_copy(shipped_index, tmp_path) -> Path:
    """A private copy of the shipped index that a test may modify."""
    target = tmp_path / "index"
    shutil.copytree(shipped_index, target)
    return target


@pytest.fixture()
def app(shipped_index):
    from bot import create_app

    app = create_app({"knowledge": {"index_dir": str(shipped_index)}})
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture()
def fake_openai(monkeypatch):
    """A local OpenAI-compatible chat endpoint (never the real one), on a free port."""
    import json
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class State:
        reply = "好的"
        delay = 0.0
        requests: list = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            State.requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
            time.sleep(State.delay)
            payload = json.dumps({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model"),
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": State.reply}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    State.url = f"http://127.0.0.1:{server.server_port}/v1"
    State.requests = []
    monkeypatch.setenv("TEST_LLM_KEY", "sk-test-123")
    yield State
    server.shutdown()
