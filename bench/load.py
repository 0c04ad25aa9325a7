"""Load with real conversations: many senders, WeChat retries, effects counted afterwards.

``python -m bench.load [--senders 200] [--workers 4] [--threads 32] [--replay 0.1]``
starts gunicorn on a temporary config (SQLite by default, ``--database-url``
for PostgreSQL), plays one conversation per sender through the encrypted
webhook — policy questions, tickets ("转人工 …"), full booking flows — and
re-sends ``--replay`` of the messages as WeChat retries (same MsgId). Then it
checks the database: every message handled exactly once, one ticket per
ticket conversation, one booking per confirmed booking, no 5xx.

The test suite runs the same function (tests/test_load.py); the long runs'
figures are kept in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import requests
import xmltodict
import yaml
from wechatpy.crypto import WeChatCrypto

from bot.dates import local_today

ROOT = Path(__file__).resolve().parent.parent
TOKEN, APPID, AES_KEY = "load-token", "wxload0000000000", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
QUESTIONS = ["人才公寓建了多少套", "驿站能免费住吗", "一站式服务中心能办哪些事", "有没有见习计划", "创业比赛有哪些",
             "泰州日是干嘛的", "离岸创新中心有哪些", "公积金怎么提取", "人才月有什么活动", "众创空间在哪"]


@dataclass
class Result:
    sent: int = 0
    replayed: int = 0
    latencies: list[float] = field(default_factory=list)
    status_5xx: int = 0
    errors: int = 0
    empty: int = 0
    replay_mismatch: int = 0
    tickets_expected: int = 0
    bookings_confirmed: int = 0
    seconds: float = 0.0


def _conversation(i: int, rng: random.Random) -> tuple[str, list[str]]:
    kind = ("policy", "policy", "ticket", "booking")[i % 4]
    if kind == "policy":
        return kind, rng.sample(QUESTIONS, 4)
    if kind == "ticket":
        return kind, [f"转人工 我想咨询第{i}号问题", "我的工单", rng.choice(QUESTIONS), rng.choice(QUESTIONS)]
    day = local_today("Asia/Shanghai") + timedelta(days=1 + i % 25)  # the config's booking time zone
    return kind, ["预约驿站", "1", f"{day.month}月{day.day}日", "1晚", "是", "是", "是",
                  "张" + "一二三四五六七八九十"[i % 10] + "同学", f"139{i:08d}", "确认"]


class Sender:
    def __init__(self, url: str):
        self.url = url
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
        self.session = requests.Session()

    def post(self, openid: str, text: str, msg_id: int) -> tuple[int, str, float]:
        import hashlib

        xml = (f"<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
               f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
               f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>")
        ts, nonce = str(int(time.time())), f"n{msg_id}"
        envelope = self.crypto.encrypt_message(xml, nonce, ts)
        msg_sig = xmltodict.parse(envelope)["xml"]["MsgSignature"]
        sig = hashlib.sha1("".join(sorted([TOKEN, ts, nonce])).encode()).hexdigest()
        started = time.perf_counter()
        res = self.session.post(f"{self.url}/wechat", data=envelope.encode(), timeout=30, params={
            "timestamp": ts, "nonce": nonce, "signature": sig, "encrypt_type": "aes", "msg_signature": msg_sig})
        elapsed = time.perf_counter() - started
        if res.status_code != 200 or res.text in ("", "success"):
            return res.status_code, "", elapsed
        outer = xmltodict.parse(res.text)["xml"]
        inner = self.crypto.decrypt_message(res.text, outer["MsgSignature"], outer["TimeStamp"], outer["Nonce"])
        return res.status_code, xmltodict.parse(inner)["xml"]["Content"], elapsed


def play(url: str, senders: int, threads: int, replay: float, seed: int = 7) -> Result:
    """Run one conversation per sender, ``threads`` senders at a time."""
    rng = random.Random(seed)
    result = Result()
    lock = threading.Lock()
    ids = iter(range(10**9, 2 * 10**9))

    def converse(i: int) -> None:
        sender = Sender(url)
        kind, script = _conversation(i, random.Random(seed + i))
        openid = f"o_load_{i:04d}"
        for text in script:
            with lock:
                msg_id = next(ids)
                again = rng.random() < replay
            try:
                code, content, elapsed = sender.post(openid, text, msg_id)
                replies = [(code, content, elapsed)]
                if again:  # WeChat re-sends the same message
                    replies.append(sender.post(openid, text, msg_id))
            except requests.RequestException:
                with lock:
                    result.errors += 1
                continue
            with lock:
                result.sent += 1
                result.replayed += len(replies) - 1
                for code, content, elapsed in replies:
                    result.latencies.append(elapsed)
                    result.status_5xx += code >= 500
                    result.empty += code == 200 and not content
                if len(replies) == 2 and replies[0][1] != replies[1][1]:
                    result.replay_mismatch += 1
                if kind == "ticket" and text.startswith("转人工"):
                    result.tickets_expected += 1
                if text == "确认" and "预约成功" in content:
                    result.bookings_confirmed += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(converse, range(senders)))
    result.seconds = time.perf_counter() - started
    return result


def write_config(tmp: Path, index_dir: str, database_url: str | None) -> Path:
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["knowledge"]["index_dir"] = index_dir
    cfg["server"]["instance_dir"] = str(tmp / "instance")
    cfg["database"]["url"] = database_url or f"sqlite:///{tmp / 'load.db'}"
    cfg["wechat"].update(token=TOKEN, appid=APPID, encoding_aes_key=AES_KEY, customer_service_api=False)
    cfg["dialogue"]["rate_limit_per_minute"] = 1000
    cfg["stations"] = [{"id": "main", "name": "姜堰青年人才驿站", "address": "人才服务中心", "beds": 100},
                       {"id": "lake", "name": "溱湖青年人才驿站", "address": "溱湖", "beds": 100}]
    path = tmp / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return path


def start_gunicorn(config: Path, workers: int) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, APP_CONFIG=str(config), SECRET_KEY="load", PYTHONPATH=str(ROOT))
    log = config.with_name("gunicorn.log")
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers),
                                 "--threads", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "60",
                                 "bot.wsgi:app"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # four workers loading models on two busy cores
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if requests.get(f"{url}/healthz", timeout=1).ok:
                return proc, url
        except requests.RequestException:
            time.sleep(0.2)
    proc.terminate()
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"gunicorn did not start (exit code {proc.poll()}); its log ends:\n{tail}")


def count_effects(database_url: str | None, tmp: Path) -> dict:
    """What the database holds afterwards."""
    queries = {"inbound": "select count(*) from message_log where direction='in'",
               "tickets": "select count(*) from tickets",
               "bookings": "select count(*) from bookings where status='active'",
               "seen": "select count(*) from seen_messages"}
    if not database_url:
        with sqlite3.connect(tmp / "load.db") as con:
            return {k: con.execute(q).fetchone()[0] for k, q in queries.items()}
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as con:
        out = {k: con.execute(text(q)).scalar() for k, q in queries.items()}
    engine.dispose()
    return out


def run(senders: int = 200, workers: int = 4, threads: int = 32, replay: float = 0.1,
        database_url: str | None = None, index_dir: str | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="talent-load-") as tmpdir:
        tmp = Path(tmpdir)
        if index_dir is None:
            index_dir = str(tmp / "index")
            subprocess.run([sys.executable, "-m", "ingest", "build", str(ROOT / "knowledge" / "docs"),
                            "--index", index_dir], cwd=ROOT, check=True, capture_output=True)
        proc, url = start_gunicorn(write_config(tmp, index_dir, database_url), workers)
        try:
            result = play(url, senders, threads, replay)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        effects = count_effects(database_url, tmp)
    lat = sorted(result.latencies)
    return {
        "senders": senders, "workers": workers, "threads": threads, "messages": result.sent,
        "replayed": result.replayed, "requests": len(lat), "seconds": round(result.seconds, 2),
        "rps": round(len(lat) / result.seconds, 1) if result.seconds else 0.0,
        "p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        "p99_ms": round(1000 * lat[int(0.99 * (len(lat) - 1))], 1) if lat else None,
        "status_5xx": result.status_5xx, "errors": result.errors, "empty_replies": result.empty,
        "replay_mismatch": result.replay_mismatch, "inbound_logged": effects["inbound"],
        "tickets_expected": result.tickets_expected, "tickets": effects["tickets"],
        "bookings_confirmed": result.bookings_confirmed, "bookings": effects["bookings"],
    }


def print_table(stats: dict) -> None:
    print(f"load: {stats['senders']} senders, {stats['messages']} messages + {stats['replayed']} WeChat retries, "
          f"gunicorn {stats['workers']} workers, {stats['threads']} concurrent senders")
    rows = [("requests/s", stats["rps"]), ("p50 latency ms", stats["p50_ms"]), ("p99 latency ms", stats["p99_ms"]),
            ("5xx responses", stats["status_5xx"]), ("connection errors", stats["errors"]),
            ("empty replies", stats["empty_replies"]), ("retry got a different reply", stats["replay_mismatch"]),
            ("messages logged once (want = messages)", f"{stats['inbound_logged']} / {stats['messages']}"),
            ("tickets (want = ticket conversations)", f"{stats['tickets']} / {stats['tickets_expected']}"),
            ("bookings (want = confirmed)", f"{stats['bookings']} / {stats['bookings_confirmed']}")]
    for name, value in rows:
        print(f"  {name:42} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--replay", type=float, default=0.1)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    stats = run(args.senders, args.workers, args.threads, args.replay, args.database_url)
    print_table(stats)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    name = "load-postgresql.json" if args.database_url else "load.json"
    (out / name).write_text(json.dumps(stats, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
