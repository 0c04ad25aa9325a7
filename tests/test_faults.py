"""Faults: the database stops and comes back, Redis goes away, a worker is killed mid-request.

Each test says what was lost: nothing. Servers here are throwaway ones the
test starts itself, never the machine's shared PostgreSQL or Redis.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml
from sqlalchemy import func, select

from bot import create_app
from bot.models import MessageLog
from core.config import PROJECT_ROOT
from tests.conftest import WX_TOKEN, app_overrides, free_port
from tests.wx import WeChatSim, sign, text_xml


def _inbound(app) -> int:
    with app.extensions["talent.db"]() as s:
        return s.scalar(select(func.count()).select_from(MessageLog).where(MessageLog.direction == "in"))


def test_database_outage_answers_busy_then_recovers(shipped_index, tmp_path, pg_server):
    app = create_app(app_overrides(shipped_index, tmp_path, database={"url": pg_server.url}))
    client = app.test_client()
    wx = WeChatSim(client)
    assert "424套" in wx.say("o_db", "人才公寓建了多少套")

    pg_server.stop()
    res = wx.post(text_xml("o_db", "驿站能免费住吗"))
    assert res.status_code == 200 and "系统繁忙" in wx.reply(res)["Content"]
    res = client.post("/api/chat", json={"text": "驿站能免费住吗"})
    assert res.status_code == 503 and "系统繁忙" in res.json["error"]
    assert "Traceback" not in res.get_data(as_text=True)

    pg_server.start()
    assert "免费住宿" in wx.say("o_db", "驿站能免费住吗")
    assert _inbound(app) == 2  # the one before and the one after; nothing lost, nothing doubled


def test_worker_boots_while_the_database_is_down(shipped_index, tmp_path, pg_server):
    pg_server.stop()
    app = create_app(app_overrides(shipped_index, tmp_path, database={"url": pg_server.url}))
    client = app.test_client()
    assert client.post("/api/chat", json={"text": "你好"}).status_code == 503
    pg_server.start()
    assert "您好" in client.post("/api/chat", json={"text": "你好"}).json["reply"]


def test_start_up_check_names_the_unreachable_server(tmp_path):
    from click.testing import CliRunner

    from bot.__main__ import cli

    config = tmp_path / "config.yaml"
    cfg = yaml.safe_load((PROJECT_ROOT / "config.yaml").read_text(encoding="utf-8"))
    dead = free_port()
    cfg["database"]["url"] = f"postgresql+psycopg://postgres@127.0.0.1:{dead}/x"
    cfg["redis"]["url"] = f"redis://127.0.0.1:{dead}/0"
    cfg["knowledge"]["chroma_url"] = f"http://127.0.0.1:{dead}"
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    res = CliRunner().invoke(cli, ["check"], env={"APP_CONFIG": str(config)})
    assert res.exit_code == 1
    assert f"database at postgresql+psycopg://127.0.0.1:{dead}/x is unreachable" in res.output
    assert "Redis at" in res.output and "Chroma server at" in res.output
    assert "postgres@" not in res.output  # credentials are not echoed


def test_redis_shares_state_between_workers_and_outage_is_busy(shipped_index, tmp_path, redis_server):
    overrides = app_overrides(shipped_index, tmp_path, redis={"url": redis_server.url},
                              dialogue={"rate_limit_per_minute": 1, "rate_burst": 3})
    a, b = create_app(overrides), create_app(overrides)  # two workers
    wa, wb = WeChatSim(a.test_client()), WeChatSim(b.test_client())
    xml = text_xml("o_redis", "公积金怎么提取", msg_id=99000111)
    first = wa.reply(wa.post(xml))["Content"]
    assert wb.reply(wb.post(xml))["Content"] == first  # the retry on the other worker: same reply
    assert _inbound(a) == 1
    # Conversation state written by one worker is read by the other: "需要" accepts the ticket offer.
    assert "已为您登记工单" in wb.say("o_redis", "需要")
    # The rate limit (a burst of 3) counts across workers: the 3rd message passes, the 4th does not.
    assert "您好" in wa.say("o_redis", "你好")
    assert "太快" in wb.say("o_redis", "你好")

    redis_server.stop()
    assert "系统繁忙" in wa.say("o_other", "你好")


@pytest.fixture()
def slow_gunicorn(tmp_path, shipped_index, fake_openai):
    fake_openai.reply = "新建人才公寓424套。"
    fake_openai.delay = 3.0
    cfg = yaml.safe_load((PROJECT_ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["knowledge"]["index_dir"] = str(shipped_index)
    cfg["knowledge"]["llm"].update(enabled=True, base_url=fake_openai.url, api_key_env="TEST_LLM_KEY", timeout_s=8)
    cfg["database"]["url"] = f"sqlite:///{tmp_path / 'faults.db'}"
    cfg["wechat"].update(token=WX_TOKEN, customer_service_api=False)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    port = free_port()
    env = dict(os.environ, APP_CONFIG=str(path), SECRET_KEY="faults", PYTHONPATH=str(PROJECT_ROOT),
               TEST_LLM_KEY="sk-x")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "--workers", "2", "--bind",
                             f"127.0.0.1:{port}", "bot.wsgi:app"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            requests.get(f"{url}/healthz", timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.2)
    yield url, proc, tmp_path / "faults.db"
    proc.terminate()
    proc.wait(timeout=20)


def _workers(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _pid_with_local_port(pids: list[int], port: int) -> int | None:
    """Which of ``pids`` holds the TCP socket bound locally to ``port`` (read from /proc, no psutil)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    for pid in pids:
        fd_dir = Path(f"/proc/{pid}/fd")
        try:
            if any(os.readlink(fd) in inodes for fd in fd_dir.iterdir()):
                return pid
        except (FileNotFoundError, PermissionError):
            continue
    return None


def test_worker_killed_mid_request_loses_no_message(slow_gunicorn, fake_openai):
    import sqlite3
    import threading

    url, master, db = slow_gunicorn
    xml = text_xml("o_killed", "人才公寓建了多少套", msg_id=31337)
    params = {"timestamp": "1", "nonce": "2", "signature": sign(WX_TOKEN, "1", "2")}
    outcome = {}

    def first_attempt():
        try:
            outcome["first"] = requests.post(f"{url}/wechat", params=params, data=xml.encode(), timeout=10)
        except requests.RequestException as exc:
            outcome["first"] = exc

    t = threading.Thread(target=first_attempt)
    t.start()
    deadline = time.monotonic() + 10
    while not fake_openai.requests and time.monotonic() < deadline:  # the worker is inside the request
        time.sleep(0.05)
    assert fake_openai.requests, "the request never reached the LLM"
    # The worker inside the request is the one holding the LLM connection: kill it first, then the rest.
    workers = _workers(master.pid)
    busy = _pid_with_local_port(workers, fake_openai.requests[0]["peer_port"])
    assert busy is not None, f"no worker of {workers} holds the LLM connection"
    for pid in [busy] + [p for p in workers if p != busy]:
        os.kill(pid, signal.SIGKILL)
    t.join()
    first = outcome["first"]
    assert isinstance(first, requests.RequestException), (  # the connection died with the worker
        f"the killed worker {busy} still answered: {getattr(first, 'status_code', '')} {getattr(first, 'text', '')!r}")

    # WeChat retries the same message (at ~5 s); a new worker takes the dead claim over.
    # WeChat tries a message three times in all: a worker still booting in the killed ones' place
    # (a loaded machine takes longer than one attempt's wait) gets the next attempt.
    time.sleep(2)
    retry = None
    for _ in range(2):
        try:
            retry = requests.post(f"{url}/wechat", params=params, data=xml.encode(), timeout=10)
            break
        except requests.RequestException:
            continue
    assert retry is not None and retry.status_code == 200
    seen = retry.text
    # The answer reaches the user: in the retry's reply or, if it had to wait for
    # the dead worker's lock to expire, with one of their next messages.
    deadline = time.monotonic() + 40
    n = 0
    while "424套" not in seen and time.monotonic() < deadline:
        time.sleep(2)
        n += 1
        seen += requests.post(f"{url}/wechat", params=params, timeout=10,
                              data=text_xml("o_killed", f"在吗{n}").encode()).text
    assert "424套" in seen
    with sqlite3.connect(db) as con:
        handled = con.execute("select count(*) from message_log where user_key='wx:o_killed' and direction='in' "
                              "and text like '人才公寓%'").fetchone()[0]
    assert handled == 1  # handled exactly once after the kill: nothing lost, nothing doubled


def test_workers_booting_together_on_a_fresh_database(shipped_index, tmp_path, pg_url):
    """Migrations and station seeding run once, whichever worker gets there first (none fails to boot)."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.models import Station

    overrides = app_overrides(shipped_index, tmp_path, database={"url": pg_url})
    with ThreadPoolExecutor(max_workers=4) as pool:
        apps = list(pool.map(lambda _: create_app(overrides), range(4)))
    with apps[0].extensions["talent.db"]() as s:
        stations = s.scalar(select(func.count()).select_from(Station))
    assert stations == len(apps[0].config["SETTINGS"].stations)
