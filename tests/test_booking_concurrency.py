"""20 people race for the last 3 beds through gunicorn (4 worker processes).

Runs against SQLite and against PostgreSQL: exactly 3 bookings succeed, the
other 17 get a clear refusal, and the night never holds more than its beds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
import yaml

from core.config import PROJECT_ROOT
from tests.conftest import free_port, users_today

ANSWERS = {"age": "yes", "graduate": "yes", "purpose": "yes"}



@pytest.fixture()
def gunicorn_app(tmp_path, shipped_index):
    """Start gunicorn on a config file of our own; yield a function taking the database URL."""
    procs = []

    def start(database_url: str, workers: int = 4) -> str:
        cfg = yaml.safe_load((PROJECT_ROOT / "config.yaml").read_text(encoding="utf-8"))
        cfg["knowledge"]["index_dir"] = str(shipped_index)
        cfg["database"]["url"] = database_url
        cfg["stations"] = [{"id": "main", "name": "姜堰青年人才驿站", "address": "人才服务中心", "beds": 5}]
        cfg["dialogue"]["rate_limit_per_minute"] = 1000
        path = tmp_path / "config.yaml"
        path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
        port = free_port()
        env = dict(os.environ, APP_CONFIG=str(path), SECRET_KEY="concurrency-test", PYTHONPATH=str(PROJECT_ROOT))
        gunicorn = Path(sys.executable).with_name("gunicorn")
        proc = subprocess.Popen([str(gunicorn), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                                 "--timeout", "60", "bot.wsgi:app"], cwd=PROJECT_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/api/stations", timeout=2).ok:
                    return url
            except requests.RequestException:
                pass
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()[-3000:])
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not come up")

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=20)


def _race(url: str) -> None:
    night = (users_today() + timedelta(days=3)).isoformat()

    def body(i: int) -> dict:
        return {"station": "main", "check_in": night, "nights": 1, "name": f"用户{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'子丑'[i // 10]}",
                "phone": f"139{i:08d}", "answers": ANSWERS}

    # Two beds taken already: three left.
    for i in (100, 101):
        r = requests.post(f"{url}/api/bookings", json=body(i % 20) | {"phone": f"137{i:08d}"}, timeout=10)
        assert r.status_code == 201, r.text

    barrier = threading.Barrier(20)
    results: list[tuple[int, dict]] = [None] * 20  # type: ignore[list-item]

    def attempt(i: int) -> None:
        session = requests.Session()  # its own visitor cookie: 20 different people
        barrier.wait()
        r = session.post(f"{url}/api/bookings", json=body(i), timeout=30)
        results[i] = (r.status_code, r.json())

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    codes = sorted(code for code, _ in results)
    assert codes.count(201) == 3, results
    assert codes.count(409) == 17, results
    refusals = [b["error"] for code, b in results if code == 409]
    assert all("约满" in e for e in refusals)
    free = requests.get(f"{url}/api/stations", params={"from": night, "days": 1}, timeout=10).json()
    assert free["stations"][0]["free"][night] == 0


def test_last_three_beds_sqlite(gunicorn_app, tmp_path):
    _race(gunicorn_app(f"sqlite:///{tmp_path / 'race.db'}"))


def test_last_three_beds_postgresql(gunicorn_app, pg_url):
    _race(gunicorn_app(pg_url))
