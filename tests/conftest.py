"""Shared fixtures (flaskr style): a real index of the shipped documents, built
once per session with the real embedder and a real chromadb, and an ``app`` /
``client`` pair per test on top of it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import requests

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("SECRET_KEY", "test-secret-key")

from core.config import PROJECT_ROOT, load_config  # noqa: E402

DOCS = PROJECT_ROOT / "knowledge" / "docs"
QA_FILE = PROJECT_ROOT / "knowledge" / "eval" / "qa.tsv"


def settings_for(index_dir: Path, **sections):
    """Settings with the index at ``index_dir`` and further nested overrides."""
    overrides = {"knowledge": {"index_dir": str(index_dir)}}
    for key, value in sections.items():
        overrides.setdefault(key, {}).update(value)
    return load_config(overrides=overrides)


@pytest.fixture(autouse=True)
def _users_daytime(monkeypatch):
    """The users' hour is midday unless a test says otherwise: "明天" typed in the small hours asks which
    day is meant (bot.dates.SMALL_HOURS_END), which a suite run at night must not see."""
    monkeypatch.setattr("bot.bookings.local_hour", lambda timezone: 12)


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


WX_TOKEN = "test-token"
WX_APPID = "wx1234567890abcdef"
WX_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def app_overrides(shipped_index: Path, tmp_path: Path, **sections) -> dict:
    """create_app overrides for a test: its own SQLite file, the shared shipped index."""
    overrides = {
        "instance_path": str(tmp_path / "instance"),
        "knowledge": {"index_dir": str(shipped_index)},
        "database": {"url": f"sqlite:///{tmp_path / 'talent.db'}"},
        "wechat": {"token": WX_TOKEN, "appid": WX_APPID, "encoding_aes_key": WX_AES_KEY, "secret": "test-secret"},
    }
    from core.config import deep_merge

    return deep_merge(overrides, sections)


@pytest.fixture(scope="session")
def sqlite_template(shipped_index, shipped_kb, tmp_path_factory) -> Path:
    """A SQLite database as ``create_app`` leaves a new one (migrated to head, the configured
    stations seeded), made once: apps made per test start from a copy of it instead of
    migrating an empty file again (0.1-0.2 s each; the conversations alone make 660 apps).
    Migrations on an empty file and upgrades keep their own tests (test_admin_service, every
    test that makes its own app)."""
    from bot import create_app

    tmp = tmp_path_factory.mktemp("sqlite-template")
    app = create_app(app_overrides(shipped_index, tmp), embedder=shipped_kb.embedder)
    app.extensions["talent.db"].kw["bind"].dispose()
    return tmp / "talent.db"


def fresh_sqlite(template: Path, tmp_path: Path) -> None:
    """A copy of ``sqlite_template`` where ``app_overrides`` puts a test's database."""
    import sqlite3

    with sqlite3.connect(template) as src, sqlite3.connect(tmp_path / "talent.db") as dst:
        src.backup(dst)
    src.close()
    dst.close()


@pytest.fixture()
def app(shipped_index, shipped_kb, sqlite_template, tmp_path):
    from bot import create_app

    fresh_sqlite(sqlite_template, tmp_path)
    app = create_app(app_overrides(shipped_index, tmp_path), embedder=shipped_kb.embedder)  # one model load
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where browser tests put their screenshots: $TEST_ARTIFACTS, else a temporary folder
    (named in the output), so a test run leaves the working tree as it found it."""
    path = Path(os.environ["TEST_ARTIFACTS"]) if os.environ.get("TEST_ARTIFACTS") else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {path}")
    return path


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
            State.requests.append({"path": self.path, "headers": dict(self.headers), "json": body,
                                   "peer_port": self.client_address[1]})
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


@pytest.fixture()
def fake_wechat_api():
    """A local fake of the WeChat server API (token, customer-service messages, menu)."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlparse

    class State:
        token_requests = 0
        sent: list = []
        menus: list = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _json(self, payload):
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path.endswith("/token"):
                State.token_requests += 1
                q = parse_qs(url.query)
                assert q["grant_type"] == ["client_credential"]
                return self._json({"access_token": f"TOKEN-{State.token_requests}", "expires_in": 7200})
            self._json({"errcode": 404, "errmsg": "not found"})

        def do_POST(self):
            url = urlparse(self.path)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            token = parse_qs(url.query).get("access_token", [""])[0]
            if url.path.endswith("/message/custom/send"):
                State.sent.append({"token": token, **body})
            elif url.path.endswith("/menu/create"):
                State.menus.append(body)
            self._json({"errcode": 0, "errmsg": "ok"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    State.url = f"http://127.0.0.1:{server.server_port}/cgi-bin/"
    State.sent = []
    State.menus = []
    yield State
    server.shutdown()


@pytest.fixture()
def live_server(app):
    """The app on a real HTTP port (werkzeug, threaded), for the browser tests."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright, headless; never a downloaded browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./run test installs it (apt-get install chromium fonts-wqy-microhei)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


PG_ADMIN_URL = os.environ.get("TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture()
def pg_url():
    """A fresh PostgreSQL database on the local server, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"talent_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the suite needs it: .ci/run starts PostgreSQL
        pytest.fail(f"PostgreSQL at {PG_ADMIN_URL} is not available: {exc}")
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as conn:
        conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def users_today():
    """Today where the users are (the configured booking time zone), as the booking rules see it."""
    from bot.dates import local_today
    from core.config import BookingConfig

    return local_today(BookingConfig().timezone)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL server of our own (never the machine's shared one), for fault tests."""

    BIN = Path("/usr/lib/postgresql/15/bin")

    def __init__(self):
        import tempfile

        self.dir = Path(tempfile.mkdtemp(prefix="talent-pg-"))
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg(self, *args: str) -> None:
        import subprocess

        subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        import shutil as _sh

        _sh.chown(self.dir, "postgres", "postgres")
        self._pg(str(self.BIN / "initdb"), "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres")

    def start(self) -> None:
        self._pg(str(self.BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-w", "-l", str(self.dir / "log"),
                 "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start")

    def stop(self) -> None:
        self._pg(str(self.BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-w", "-m", "fast", "stop")


@pytest.fixture()
def pg_server():
    import shutil as _sh

    if not ThrowawayPostgres.BIN.exists():
        pytest.fail("PostgreSQL 15 binaries are needed for the fault tests (apt-get install postgresql-15)")
    server = ThrowawayPostgres()
    server.init()
    server.start()
    yield server
    try:
        server.stop()
    except Exception:
        pass
    _sh.rmtree(server.dir, ignore_errors=True)


class ChildServer:
    """A server process a test starts itself on a free port, ready once ``ready()`` says so."""

    def __init__(self):
        self.port = free_port()
        self.proc = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def ready(self) -> bool:
        raise NotImplementedError

    def start(self, timeout_s: float = 30) -> None:
        import subprocess
        import time as _t

        self.proc = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = _t.monotonic() + timeout_s
        while _t.monotonic() < deadline:
            try:
                if self.ready():
                    return
            except Exception:  # not listening yet
                pass
            _t.sleep(0.05)
        raise RuntimeError(f"{type(self).__name__} did not start")

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


class ThrowawayRedis(ChildServer):
    def __init__(self):
        super().__init__()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        return ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]

    def ready(self) -> bool:
        import redis

        return bool(redis.Redis(port=self.port).ping())


@pytest.fixture()
def redis_server():
    server = ThrowawayRedis()
    server.start()
    yield server
    server.stop()


class ChromaServer(ChildServer):
    """``chroma run`` on a data directory of the test's own."""

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
    """A real Chroma server (``chroma run`` from the chromadb wheel) on a free port."""
    server = ChromaServer(tmp_path / "chroma-data")
    server.start()
    yield server
    server.stop()


def _tree_state() -> set[str] | None:
    """Untracked and ignored paths of the working tree (None outside a git checkout)."""
    import subprocess

    try:
        out = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return {line[3:] for line in out.stdout.splitlines()
            if line[:2] in ("??", "!!") and "__pycache__" not in line
            and not line[3:].startswith((".venv/", ".pytest_cache/"))}


def pytest_sessionstart(session) -> None:
    session.config._tree_before = _tree_state()


def pytest_sessionfinish(session, exitstatus) -> None:
    """The suite must leave the working tree as it found it: everything goes to temporary dirs."""
    before, after = getattr(session.config, "_tree_before", None), _tree_state()
    if before is None or after is None or session.config.option.collectonly:
        return
    left = sorted(after - before)
    if left:
        print(f"\nthe test run left files in the working tree: {left[:10]}", file=sys.stderr)
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter) -> None:
    """Print how many of the conversations in tests/conversations/*.yaml held, per channel."""
    module = next((m for name, m in list(sys.modules.items()) if name.endswith("test_conversations")), None)
    if module is not None and any(module._held.values()):
        for line in module.pytest_terminal_summary_lines():
            terminalreporter.write_line(line)
