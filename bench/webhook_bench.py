"""Webhook throughput: the real /wechat webhook under gunicorn against a bare Flask endpoint.

Why compare with a bare endpoint: on the same machine, with the same gunicorn
(2 sync workers) and the same wrk client, the bare endpoint is the ceiling
that HTTP, WSGI and Flask alone allow; the ratio says how much of it the
webhook's own work (signature, XML, AES, dialogue, database, retrieval,
answer) leaves.

Everything runs on fresh temporary state: an index of knowledge/docs built
through ``ingest.pipeline.build``, a temporary SQLite database and a config
file of our own (``APP_CONFIG``), like tests/test_booking_concurrency.py.
Requests are pre-generated, signed (and in AES mode encrypted with wechatpy's
``WeChatCrypto``) and replayed by wrk through bench/wrk/webhook.lua; every
request has its own MsgId and its own sender, so no request is a WeChat retry
and no sender hits the rate limit.

Mixes against the real webhook:
- ``distinct``: every question text differs (the answer cache is keyed by the
  text, so nothing is cached): the cost of a full answer;
- ``campaign``: 90% one of five popular questions (the day after a campaign
  post), 10% distinct.

Afterwards a few requests are sent with ``requests`` and their replies
decrypted and checked for a source line (a real answer), and 200 webhook
requests per mix are profiled in-process through ``app.test_client()`` under
pyinstrument (requirements-dev.txt): the call tree's self time is attributed
to stages by the rules of bench/stages.py (sampled figures; no function of the
project or its libraries is wrapped or replaced), plus the top functions by
cumulative and by self time.

    .venv/bin/python -m bench.webhook_bench [--duration 20] [--connections 16] [--no-aes]
    .venv/bin/python -m bench.webhook_bench --profile-only [--profile-requests 100]   # no gunicorn, no wrk
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import Future
from pathlib import Path
from xml.etree import ElementTree as ET

import click
from flask import Flask, Response

from bench.stages import attribute, short_path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "knowledge" / "docs"
LUA = Path(__file__).resolve().parent / "wrk" / "webhook.lua"
RESULTS = Path(__file__).resolve().parent / "results"
VENV_BIN = Path(sys.executable).parent

TOKEN = "bench-token"
APPID = "wxbench0123456789"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
WRK_THREADS = 2
# The aims of issues 13 and 15 ("keep the speed": ≥ 5% distinct, ≥ 15% campaign of bare Flask, p99 < 100 ms).
TARGETS = {"distinct_ratio": 0.05, "campaign_ratio": 0.15, "p99_ms": 100.0}

# ---------------------------------------------------------------- the baseline

bare_app = Flask("bare_webhook")
BARE_REPLY = (
    "<xml><ToUserName><![CDATA[oBenchUser]]></ToUserName><FromUserName><![CDATA[gh_talent]]></FromUserName>"
    "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
    "高质量运营“三水人才之家”、“扬歌”人才社区，积极推进人才公寓建设，完善生活功能配套，全年新建人才公寓424套。\n"
    "（来源：《2023年姜堰区人才工作综述》·坚持“力量统筹” 做实“优堰”生态保障）]]></Content></xml>"
)


@bare_app.post("/wechat")
def bare_webhook():
    """One POST route with a fixed text reply: what HTTP + gunicorn + Flask cost by themselves."""
    from flask import request

    request.get_data(cache=False)
    return Response(BARE_REPLY, mimetype="application/xml")


# ---------------------------------------------------------------- questions

# Realistic questions about the shipped report (人才公寓, 驿站, 见习, 创业, 补贴, 活动…);
# a few have no answer in it, as in real traffic. None contains an intent keyword
# (预约, 转人工, 取消…) so all of them reach the knowledge base.
QUESTIONS = (
    "人才公寓去年新建了多少套", "人才房建了几套", "姜堰有人才公寓吗", "人才公寓的生活配套怎么样",
    "三水人才之家是什么", "扬歌人才社区在做什么", "青年人才驿站是干嘛的", "驿站能免费住吗",
    "刚毕业来姜堰找工作有没有免费住的地方", "驿站除了住宿还提供啥服务", "1+2+N是什么", "青年人才驿站服务矩阵是什么",
    "有没有见习的机会", "想实习，有什么计划吗", "青才见习计划是什么", "见习岗位有多少个",
    "有什么创业比赛可以参加吗", "双创大赛在哪报名选拔", "创业创新大赛是第几届", "创新导师团有几个专家",
    "参赛项目拿了几个一等奖", "专利金奖有几项", "今年办了多少件人才实事", "高层次人才停车要钱吗",
    "一站式服务中心能办哪些事", "孩子上学的事能在哪办", "人才认定去哪里办", "人才月有什么活动",
    "111人才服务日是啥", "人才月办了多少场活动", "泰州日是干嘛的", "去了哪些高校招人",
    "吸引了多少青年人才来姜堰", "有没有青年人才来姜的巴士", "周末有什么活动好玩的", "青才读书会是啥",
    "多少外地学生来姜堰研学", "研学打卡点在哪些地方", "离岸创新中心有哪些", "离岸项目入驻了几个",
    "企业离岸研发中心有多少", "新培育了几家省级企业技术中心", "镇镇通高校是什么意思", "科技镇长团是做什么的",
    "有没有众创空间", "智谷软件园有什么", "新入选省市级人才数量排第几", "书记项目有多少个",
    "人才工作谁牵头负责", "招商分局布局在哪些城市", "五必访制度是什么", "人才金融赋能行是什么",
    "产业集群是哪几个", "高层次人才有什么服务保障", "大学生来姜堰就业有什么支持", "人才补贴有哪些",
    "研究生生活补贴每月发多少", "博士安家补贴具体给多少钱", "人才公寓租金一个月多少钱", "驿站电话是多少",
)
POPULAR = ("人才公寓去年新建了多少套", "驿站能免费住吗", "有没有见习的机会", "有什么创业比赛可以参加吗",
           "吸引了多少青年人才来姜堰")
PREFIXES = ("", "", "请问", "请问一下，", "你好，请问", "您好，想问一下", "麻烦问下，", "打扰一下，", "咨询一下：",
            "想了解下，", "刚看到推送，", "朋友让我问问，", "老师好，", "请教一下，", "有个问题：", "小助手，",
            "我是外地来的，", "我在找工作，", "我是{year}届毕业生，", "我今年{age}岁，", "我在{town}上班，",
            "我是{degree}，", "我是{year}届{degree}，", "我{age}岁，在{town}，", "去年{month}月来的姜堰，")
SUFFIXES = ("", "", "？", "?", "呢", "啊", "呀？", "，谢谢", "，谢谢！", "，急", "，在线等", "。", "～", "？？")
TOWNS = ("三水街道", "罗塘街道", "天目山街道", "梁徐街道", "溱潼镇", "张甸镇", "娄庄镇", "白米镇", "沈高镇",
         "大伦镇", "兴泰镇", "蒋垛镇", "顾高镇", "淤溪镇", "华港镇", "桥头镇", "俞垛镇", "开发区", "高新区")
DEGREES = ("本科生", "硕士", "博士", "研究生", "大专生", "技校生")


def question_variants(n: int, rng: random.Random) -> list[str]:
    """``n`` different question texts: realistic questions with varied prefixes, numbers and suffixes."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        prefix = rng.choice(PREFIXES).format(year=rng.randint(2012, 2025), age=rng.randint(19, 40),
                                             town=rng.choice(TOWNS), degree=rng.choice(DEGREES),
                                             month=rng.randint(1, 12))
        text = prefix + rng.choice(QUESTIONS) + rng.choice(SUFFIXES)
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


# ---------------------------------------------------------------- WeChat requests

def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def text_xml(openid: str, content: str, msg_id: int, create_time: int) -> str:
    return (f"<xml><ToUserName><![CDATA[gh_talent]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>")


class RequestMaker:
    """Signed (and optionally encrypted) webhook requests, each with a new MsgId and a new sender."""

    def __init__(self, path: str = "/wechat"):
        from wechatpy.crypto import WeChatCrypto

        self.path = path
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
        self.tag = f"{random.getrandbits(24):06x}"
        self._msg_ids = iter(range(int(time.time() * 1e6), 1 << 62))
        self._senders = iter(range(1, 1 << 62))
        self._rng = random.Random()

    def make(self, text: str, mode: str) -> tuple[str, dict, bytes]:
        """(path, query params, body) for one text message from a new sender."""
        openid = f"oBench{self.tag}{next(self._senders):016d}"
        now = int(time.time())
        timestamp, nonce = str(now), f"{self._rng.getrandbits(40):010x}"
        xml = text_xml(openid, text, next(self._msg_ids), now)
        params = {"signature": sign(TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}
        if mode == "aes":
            envelope = self.crypto.encrypt_message(xml, nonce, timestamp)
            root = ET.fromstring(envelope)
            params.update(encrypt_type="aes", msg_signature=root.findtext("MsgSignature"))
            # Newlines between elements carry no meaning; one request per line in the file.
            return self.path, params, envelope.replace("\n", "").encode("utf-8")
        return self.path, params, xml.encode("utf-8")

    def line(self, text: str, mode: str) -> str:
        from urllib.parse import urlencode

        path, params, body = self.make(text, mode)
        return f"{path}?{urlencode(params)}\t{body.decode('utf-8')}"

    def reply_content(self, http_body: str) -> str:
        """The text of a (plain or encrypted) reply; '' for 'success'."""
        if http_body in ("", "success"):
            return ""
        root = ET.fromstring(http_body)
        if root.find("Encrypt") is not None:
            inner = self.crypto.decrypt_message(http_body, root.findtext("MsgSignature"), root.findtext("TimeStamp"),
                                                root.findtext("Nonce"))
            root = ET.fromstring(inner)
        return root.findtext("Content") or ""


def mix_texts(mix: str, n: int, pool: list[str], rng: random.Random) -> list[str]:
    """The question text of each request of a mix; distinct texts are taken (popped) from ``pool``."""
    if mix == "distinct":
        return [pool.pop() for _ in range(n)]
    return [rng.choice(POPULAR) if rng.random() < 0.9 else pool.pop() for _ in range(n)]


def write_requests(path: Path, maker: RequestMaker, texts: list[str], mode: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(maker.line(text, mode) + "\n")


# ---------------------------------------------------------------- setup

def build_index(index_dir: Path) -> dict:
    """Index knowledge/docs into ``index_dir`` with the project's own pipeline."""
    from core.config import load_config
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase

    started = time.monotonic()
    kb = KnowledgeBase(load_config(overrides={"knowledge": {"index_dir": str(index_dir)}}))
    report = build(kb.index, kb.embedder, [DOCS], kb.settings.ingest)
    if report.skipped or not report.added:
        raise click.ClickException(f"index build failed: {report.summary()}")
    return {"seconds": round(time.monotonic() - started, 1), "documents": len(report.added)}


def write_config(tmp: Path, index_dir: Path, database_url: str, redis_url: str | None) -> Path:
    import yaml

    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["knowledge"]["index_dir"] = str(index_dir)
    cfg["knowledge"]["docs_dir"] = str(DOCS)
    cfg["server"]["instance_dir"] = str(tmp / "instance")
    cfg["database"]["url"] = database_url
    cfg["redis"]["url"] = redis_url
    cfg["dialogue"]["rate_limit_per_minute"] = 1_000_000
    cfg["wechat"].update(token=TOKEN, appid=APPID, encoding_aes_key=AES_KEY)
    path = tmp / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bench_env(config: Path) -> dict:
    env = dict(os.environ, APP_CONFIG=str(config), SECRET_KEY="webhook-bench", PYTHONPATH=str(ROOT),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               WECHAT_TOKEN=TOKEN, WECHAT_APPID=APPID, WECHAT_ENCODING_AES_KEY=AES_KEY)
    for var in ("WECHAT_SECRET", "DATABASE_URL", "REDIS_URL"):  # the config file decides
        env.pop(var, None)
    return env


CODE = ("bot/wechat.py", "bot/store/__init__.py", "bot/store/database.py", "bot/db.py", "bot/dialogue/engine.py", "bot/dialogue/intents.py",
        "bot/dialogue/handlers.py", "knowledge/service.py", "knowledge/answer.py", "knowledge/evidence.py", "knowledge/retriever.py",
        "knowledge/index.py", "knowledge/embedding.py", "knowledge/keyword.py", "knowledge/relevance.py",
        "knowledge/text.py")


def code_fingerprint() -> dict[str, str]:
    """Short hashes of the files on the measured path: which code the figures are for."""
    out = {}
    for rel in CODE:
        try:
            out[rel] = hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()[:12]
        except OSError:
            out[rel] = "missing"
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """One gunicorn (sync workers) on a free loopback port, stopped by its own pid."""

    def __init__(self, app: str, env: dict, log: Path, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._log_fh = log.open("wb")
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "60", app], cwd=ROOT, env=env, stdout=self._log_fh, stderr=subprocess.STDOUT)

    def wait_ready(self, probe, timeout: float = 120) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise click.ClickException(f"gunicorn exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                if probe(requests, self.url):
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise click.ClickException("gunicorn did not come up")

    def workers(self) -> list[int]:
        try:
            return [int(p) for p in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()]
        except OSError:
            return []

    def cpu_seconds(self) -> float:
        """User + system CPU of the worker processes (all their threads) so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log_fh.close()

    def tracebacks(self) -> int:
        return self.log.read_text(errors="replace").count("Traceback")


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


# ---------------------------------------------------------------- load

def run_wrk(server: Gunicorn, requests_file: Path, duration: int, connections: int) -> dict:
    """One wrk run; figures from the Lua script's done() plus CPU use during the run."""
    cmd = ["wrk", "-t", str(WRK_THREADS), "-c", str(connections), "-d", f"{duration}s", "--timeout", "5s",
           "--latency", "-s", str(LUA), f"{server.url}/wechat", "--", str(requests_file), str(WRK_THREADS)]
    cpu0, busy0, child0 = server.cpu_seconds(), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120)
    cpu1, busy1, child1 = server.cpu_seconds(), machine_busy(), resource.getrusage(resource.RUSAGE_CHILDREN)
    match = re.search(r"^WRK_JSON (.*)$", out.stdout, re.M)
    if out.returncode != 0 or not match:
        raise click.ClickException(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    r = json.loads(match.group(1))
    seconds = r["duration_us"] / 1e6
    tick = os.sysconf("SC_CLK_TCK")
    n = max(r["requests"], 1)
    errors = r["errors"]
    return {
        "requests": r["requests"],
        "rps": round(r["requests"] / seconds, 1),
        "p50_ms": round(r["latency_us"]["p50"] / 1000, 2),
        "p90_ms": round(r["latency_us"]["p90"] / 1000, 2),
        "p99_ms": round(r["latency_us"]["p99"] / 1000, 2),
        "max_ms": round(r["latency_us"]["max"] / 1000, 2),
        "non_2xx": errors["status"],
        "socket_errors": errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        "errors": errors,
        "server_cpu_ms_per_req": round((cpu1 - cpu0) * 1000 / n, 2),
        "wrk_cpu_s": round((child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime), 2),
        "machine_busy_pct": round(100 * (busy1[0] - busy0[0]) / max(busy1[1] - busy0[1], 1), 1),
        "server_cpu_s": round(cpu1 - cpu0, 2),
        "replies": r["replies"], "with_source": r["sourced"], "answer_coming": r["coming"],
        "rate_limited": r["rate_limited"], "success_only": r["success_only"], "encrypted": r["encrypted"],
        "wraps": r["wraps"],
        # CPU taken by everything else on the machine (other users' jobs) during the run
        "other_cpu_cores": round((busy1[0] - busy0[0]) / tick / seconds - (cpu1 - cpu0) / seconds
                                 - ((child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime))
                                 / seconds, 2),
    }


def verify(server: Gunicorn, maker: RequestMaker, texts: list[str], mode: str) -> dict:
    """Send ``texts`` with requests.post; count replies that are real answers (carry a source line)."""
    import requests

    samples = []
    for text in texts:
        path, params, body = maker.make(text, mode)
        r = requests.post(server.url + path, params=params, data=body, headers={"Content-Type": "text/xml"},
                          timeout=10)
        content = maker.reply_content(r.text) if r.status_code == 200 else ""
        samples.append({"question": text, "status": r.status_code, "answered": "来源" in content,
                        "reply": content[:120]})
    return {"mode": mode, "n": len(samples), "answered": sum(s["answered"] for s in samples),
            "ok": sum(s["status"] == 200 for s in samples), "samples": samples}


# ---------------------------------------------------------------- profile

class InlineExecutor:
    """Runs the dialogue in the request's own thread, so a profiler sees it (profile pass only)."""

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller like a real executor would
            future.set_exception(exc)
        return future


def post_all(client, requests: list[tuple[str, dict, bytes]]) -> list[str]:
    """POST pre-built requests through the test client; the raw reply bodies."""
    out = []
    for path, params, body in requests:
        r = client.post(path, query_string=params, data=body, content_type="text/xml")
        if r.status_code != 200:
            raise click.ClickException(f"webhook answered {r.status_code}: {r.get_data(as_text=True)[:300]}")
        out.append(r.get_data(as_text=True))
    return out


# pyinstrument's sampling interval. Shorter is not better here: at 0.1 ms the profiler's
# own cost per sample tripled a request's time and skewed the shares (bench/stages.py).
PROFILE_INTERVAL_S = 0.0005
PROFILE_BLOCK = 10  # requests run without and with the profiler in turn, so other jobs weigh on both alike


def profile(config: Path, maker: RequestMaker, pool: list[str], n: int, mode: str,
            interval: float = PROFILE_INTERVAL_S) -> dict:
    """Where the time of a request goes, per mix, in-process: sampled by pyinstrument.

    Each mix runs twice on fresh question texts, in alternating blocks: without the
    profiler, for the wall time per request, and under pyinstrument, whose call tree
    ``bench.stages.attribute`` splits into stages (see its rule table); a stage's
    share of the profiled time, times the unprofiled wall time, is its figure. Both
    runs hand the dialogue to ``InlineExecutor``, so every turn runs in the profiled
    thread; nothing else of the project or its libraries is replaced.
    """
    from pyinstrument import Profiler

    env = bench_env(config)
    for var in set(os.environ) - set(env):
        del os.environ[var]
    os.environ.update(env)
    import bot.wechat as wx
    from bot import create_app

    app = create_app()
    client = app.test_client()
    rng = random.Random(7)
    # Load the embedder, index and caches first. Requests are built (signed, encrypted)
    # before the timed loops and replies decrypted after them: only the server side is measured.
    post_all(client, [maker.make(t, mode) for t in mix_texts("distinct", 20, pool, rng) + list(POPULAR)])

    mixes: dict[str, dict] = {}
    top: dict = {}
    saved = wx._executor
    wx._executor = InlineExecutor()
    try:
        for mix in ("distinct", "campaign"):
            bare = [maker.make(t, mode) for t in mix_texts(mix, n, pool, rng)]
            built = [maker.make(t, mode) for t in mix_texts(mix, n, pool, rng)]
            wall = profiled = 0.0
            replies: list[str] = []
            profiler = Profiler(interval=interval)  # its sessions add up over start/stop
            for i in range(0, n, PROFILE_BLOCK):
                t0 = time.perf_counter()
                post_all(client, bare[i:i + PROFILE_BLOCK])
                wall += time.perf_counter() - t0
                profiler.start()
                t0 = time.perf_counter()
                replies += post_all(client, built[i:i + PROFILE_BLOCK])
                profiled += time.perf_counter() - t0
                profiler.stop()
            session = profiler.last_session
            root = session.root_frame()
            mixes[mix] = _mix_profile(root, n, wall, profiled, session.sample_count,
                                      sum("来源" in maker.reply_content(r) for r in replies))
            if mix == "distinct":
                top = _pyinstrument_top(root, n)
    finally:
        wx._executor = saved
    return {"mode": mode, "interval_s": interval, "mixes": mixes, "pyinstrument_distinct": top}


def _mix_profile(root, n: int, wall: float, profiled: float, samples: int, answered: int) -> dict:
    """One mix's figures in ms per request: each stage's (group's, frame's) share of the
    sampled time, times the wall time without the profiler; the raw sampled figures beside."""
    found = attribute(root)
    sampled = sum(found.seconds.values())
    scale = wall / sampled if sampled else 0.0

    def per_request(seconds: dict[str, float], factor: float = scale) -> dict[str, float]:
        return {k: round(v * factor * 1000 / n, 3) for k, v in sorted(seconds.items(), key=lambda p: -p[1])}

    return {"requests": n, "ms_per_request": round(wall * 1000 / n, 2),
            "profiled_ms_per_request": round(profiled * 1000 / n, 2),
            "sampled_ms_per_request": round(sampled * 1000 / n, 2),
            "samples": samples, "answered": answered,
            "stages_ms": per_request(found.seconds), "groups_ms": per_request(found.groups()),
            "stages_sampled_ms": per_request(found.seconds, 1.0),
            "stage_frames_ms": {stage: dict(list(per_request(frames).items())[:5])
                                for stage, frames in found.frames.items()}}


def _pyinstrument_top(root, n: int) -> dict:
    """The functions with the most cumulative and the most self time in a profiled run."""
    cumulative: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)

    def walk(frame, ancestors: frozenset) -> None:
        if frame.is_synthetic:
            return
        key = f"{frame.function} ({short_path(frame.file_path)}:{frame.line_no})"
        if key not in ancestors:  # recursion counts once
            cumulative[key] += frame.time
        own[key] += frame.total_self_time
        for child in frame.children:
            walk(child, ancestors | {key})

    walk(root, frozenset())
    top_cum = sorted(cumulative.items(), key=lambda p: -p[1])[:40]
    top_own = sorted(own.items(), key=lambda p: -p[1])[:25]
    return {"requests": n, "total_ms_per_request": round(root.time * 1000 / n, 2),
            "top_cumulative_ms_per_request": [[k, round(v * 1000 / n, 3)] for k, v in top_cum],
            "top_self_ms_per_request": [[k, round(v * 1000 / n, 3)] for k, v in top_own]}


# ---------------------------------------------------------------- report

def table(rows: list[dict], bare_rps: float) -> str:
    lines = ["| run | req/s | × bare | p50 ms | p99 ms | non-2xx | socket err | server CPU ms/req | with 来源 "
             "| other jobs' CPU (cores) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = r["rps"] / bare_rps if bare_rps else 0
        sourced = "—" if r["name"] == "bare" or r["mode"] == "aes" else f"{r['with_source'] / max(r['replies'], 1):.0%}"
        lines.append(f"| {r['name']} | {r['rps']:.0f} | {ratio:.3f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                     f"{r['non_2xx']} | {r['socket_errors']} | {r['server_cpu_ms_per_req']:.2f} | {sourced} | "
                     f"{r['other_cpu_cores']:.2f} |")
    return "\n".join(lines)


def judge(rows: list[dict], bare_rps: float) -> list[dict]:
    out = []
    for r in rows:
        if r["name"] == "bare" or r.get("extra"):
            continue
        need = TARGETS["distinct_ratio"] if r["mix"] == "distinct" else TARGETS["campaign_ratio"]
        ratio = r["rps"] / bare_rps
        out.append({"run": r["name"], "target": f"rps ≥ {need:.0%} of bare", "value": f"{ratio:.1%}",
                    "pass": ratio >= need})
        out.append({"run": r["name"], "target": f"p99 < {TARGETS['p99_ms']:.0f} ms", "value": f"{r['p99_ms']:.1f} ms",
                    "pass": r["p99_ms"] < TARGETS["p99_ms"]})
        errs = r["non_2xx"] + r["socket_errors"]
        out.append({"run": r["name"], "target": "zero errors", "value": str(errs), "pass": errs == 0})
    return out


def profile_table(prof: dict) -> str:
    """Groups and stages per mix: sampled shares of the wall time per request without the profiler."""
    mixes = prof["mixes"]
    names = list(mixes)
    groups: list[str] = []
    for m in names:
        groups += [g for g in mixes[m]["groups_ms"] if g not in groups]
    lines = [f"| group ({prof['mode']}, ms per request) | " + " | ".join(names) + " |",
             "|---|" + "---:|" * len(names)]
    for g in groups:
        lines.append(f"| {g} | " + " | ".join(f"{mixes[m]['groups_ms'].get(g, 0):.2f}" for m in names) + " |")
    lines.append("| **total (in-process, one request at a time)** | "
                 + " | ".join(f"**{mixes[m]['ms_per_request']:.2f}**" for m in names) + " |")
    lines.append("| (the same requests under the profiler; samples) | "
                 + " | ".join(f"{mixes[m]['profiled_ms_per_request']:.2f}; {mixes[m]['samples']}" for m in names)
                 + " |")
    lines += ["", f"| stage ({prof['mode']}, ms per request) | " + " | ".join(names) + " |",
              "|---|" + "---:|" * len(names)]
    stages: list[str] = []
    for m in names:
        stages += [s for s in mixes[m]["stages_ms"] if s not in stages]
    for s in stages:
        lines.append(f"| {s} | " + " | ".join(f"{mixes[m]['stages_ms'].get(s, 0):.2f}" for m in names) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------- main

@click.command()
@click.option("--duration", default=20, show_default=True, help="seconds per wrk run")
@click.option("--connections", default=16, show_default=True, help="wrk connections")
@click.option("--requests", "n_requests", default=20000, show_default=True,
              help="pre-generated requests per mix (each used once; more would repeat MsgIds)")
@click.option("--aes/--no-aes", default=True, show_default=True, help="also run the encrypted (safe) mode")
@click.option("--low-connections", default=2, show_default=True,
              help="extra distinct (plain) run with this many connections (= workers: no queueing); 0 to skip")
@click.option("--profile-requests", default=200, show_default=True, help="profiled requests per mix")
@click.option("--profile-interval", default=PROFILE_INTERVAL_S, show_default=True,
              help="pyinstrument's sampling interval, seconds")
@click.option("--profile-only", is_flag=True,
              help="only the in-process profile (no gunicorn, no wrk); figures to webhook-profile.json")
@click.option("--redis-url", default=None, help="shared store in Redis instead of the database")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="raw figures  [default: bench/results/webhook.json, or webhook-profile.json with --profile-only]")
@click.option("--keep-tmp", is_flag=True, help="keep the temporary directory (logs, config, request files)")
def main(duration: int, connections: int, n_requests: int, aes: bool, low_connections: int, profile_requests: int,
         profile_interval: float, profile_only: bool, redis_url: str | None, output: Path | None,
         keep_tmp: bool) -> None:
    if profile_only:
        profile_main(profile_requests, profile_interval, "aes" if aes else "plain", redis_url,
                     output or RESULTS / "webhook-profile.json", keep_tmp)
        return
    output = output or RESULTS / "webhook.json"
    if not shutil.which("wrk"):
        raise click.ClickException("wrk is not installed")
    tmp = Path(tempfile.mkdtemp(prefix="webhook-bench-"))
    started = dt.datetime.now()
    code_before = code_fingerprint()
    servers: list[Gunicorn] = []
    try:
        click.echo(f"temp dir {tmp}; building the index of {DOCS.relative_to(ROOT)} …")
        index_info = build_index(tmp / "index")
        database_url = f"sqlite:///{tmp / 'talent.db'}"
        config = write_config(tmp, tmp / "index", database_url, redis_url)
        modes = ["plain", "aes"] if aes else ["plain"]

        rng = random.Random(2024)
        n_low = n_requests // 2 if low_connections else 0
        n_distinct = (n_requests * len(modes) + int(n_requests * 0.12) * len(modes) + n_low + 700 + 40
                      + 3 * profile_requests)
        pool = question_variants(n_distinct, rng)
        maker = RequestMaker()
        files: dict[tuple[str, str], Path] = {}
        t0 = time.monotonic()
        warm = tmp / "warmup.txt"
        write_requests(warm, maker, mix_texts("distinct", 600, pool, rng) + list(POPULAR) * 20, "plain")
        for mode in modes:
            for mix in ("distinct", "campaign"):
                files[mode, mix] = tmp / f"{mix}-{mode}.txt"
                write_requests(files[mode, mix], maker, mix_texts(mix, n_requests, pool, rng), mode)
        if low_connections:
            files["plain", "low"] = tmp / "distinct-plain-low.txt"
            write_requests(files["plain", "low"], maker, mix_texts("distinct", n_low, pool, rng), "plain")
        click.echo(f"generated {len(files)} request files of {n_requests} in {time.monotonic() - t0:.1f}s")

        env = bench_env(config)
        real = Gunicorn("bot.wsgi:app", env, tmp / "gunicorn-webhook.log")
        servers.append(real)
        bare = Gunicorn("bench.webhook_bench:bare_app", env, tmp / "gunicorn-bare.log")
        servers.append(bare)
        real.wait_ready(lambda rq, url: rq.get(f"{url}/healthz", timeout=2).ok)
        bare.wait_ready(lambda rq, url: rq.post(f"{url}/wechat", data=b"<xml/>", timeout=2).ok)
        click.echo(f"webhook on {real.url}, bare on {bare.url}; warming up (both workers load the model) …")
        run_wrk(real, warm, 8, 4)
        run_wrk(bare, warm, 3, 4)

        rows: list[dict] = []
        plan = [("bare", "plain", "bare", bare, files["plain", "distinct"], connections, False)]
        for mode in modes:
            for mix in ("distinct", "campaign"):
                plan.append((f"{mix} ({mode})", mode, mix, real, files[mode, mix], connections, False))
        if low_connections:  # as many connections as workers: the service time, without queueing
            plan.append((f"distinct (plain), {low_connections} conn", "plain", "distinct", real,
                         files["plain", "low"], low_connections, True))
        for name, mode, mix, server, path, conns, extra in plan:
            click.echo(f"wrk {duration}s × {conns} connections: {name} …")
            r = run_wrk(server, path, duration, conns)
            r.update(name=name, mode=mode, mix=mix, connections=conns, extra=extra)
            rows.append(r)
            click.echo(f"  {r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")
            time.sleep(2)  # let any late answer finish before the next run

        click.echo("verifying replies with requests.post …")
        sample_rng = random.Random(99)
        checks = []
        for mode in modes:
            checks.append(verify(real, maker, mix_texts("distinct", 10, pool, sample_rng) + list(POPULAR), mode))
        tracebacks = real.tracebacks() + bare.tracebacks()
        for s in servers:
            s.stop()

        click.echo(f"profiling {profile_requests} requests per mix in-process (app.test_client) …")
        prof = profile(config, maker, pool, profile_requests, modes[-1], profile_interval)
    finally:
        for s in servers:
            s.stop()
        if not keep_tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    bare_rps = rows[0]["rps"]
    verdicts = judge(rows, bare_rps)
    code_after = code_fingerprint()
    changed = sorted(f for f in CODE if code_before[f] != code_after[f])
    result = {
        "date": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "setup": {"duration_s": duration, "connections": connections, "wrk_threads": WRK_THREADS,
                  "gunicorn": "2 sync workers each", "database": "SQLite (temp file)" if not redis_url else
                  "SQLite + Redis shared store", "requests_per_file": n_requests, "index": index_info},
        "code": code_before, "code_changed_during_run": changed,
        "runs": rows, "targets": verdicts, "verification": checks, "server_tracebacks": tracebacks,
        "profile": prof,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

    click.echo(f"\n## Webhook throughput — {started:%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, wrk {WRK_THREADS} threads "
               f"× {connections} connections × {duration}s on loopback, gunicorn 2 sync workers, "
               f"{result['setup']['database']}\n")
    click.echo(table(rows, bare_rps))
    click.echo("\n| target | run | value | |\n|---|---|---:|---|")
    for v in verdicts:
        click.echo(f"| {v['target']} | {v['run']} | {v['value']} | {'PASS' if v['pass'] else 'FAIL'} |")
    click.echo("")
    for c in checks:
        popular = sum(s["answered"] for s in c["samples"] if s["question"] in POPULAR)
        click.echo(f"replies checked with requests.post ({c['mode']}): {c['ok']}/{c['n']} HTTP 200, "
                   f"{c['answered']}/{c['n']} real answers with 来源 ({popular}/{len(POPULAR)} of the popular "
                   "questions; the rest include questions the report does not answer)")
    click.echo(f"tracebacks in the gunicorn logs: {tracebacks}")
    if changed:
        click.echo(f"WARNING: project files changed during the run (figures mix versions): {', '.join(changed)}")
    busy = max(r["other_cpu_cores"] for r in rows)
    if busy > 0.2:
        click.echo(f"NOTE: other jobs on this machine used up to {busy:.2f} cores during the runs")
    wrapped = [r["name"] for r in rows if r["wraps"] and r["name"] != "bare"]
    if wrapped:
        click.echo(f"WARNING: request files ran out in {wrapped}: MsgIds repeated; use --requests larger")
    print_profile(prof, profile_requests)
    click.echo(f"\nraw figures: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")


def print_profile(prof: dict, n: int) -> None:
    click.echo(f"\n### Where the time goes ({n} requests per mix, in-process, pyinstrument sampling every "
               f"{prof['interval_s'] * 1000:g} ms)\n")
    click.echo(profile_table(prof))
    top = prof["pyinstrument_distinct"]
    click.echo(f"\npyinstrument, distinct mix, {top['total_ms_per_request']:.2f} ms per request; "
               "top functions by cumulative time (ms per request):\n")
    shown = [(n, ms) for n, ms in top["top_cumulative_ms_per_request"] if ms < 0.9 * top["total_ms_per_request"]]
    for name, ms in shown[:25]:
        click.echo(f"  {ms:8.2f}  {name}")
    click.echo("\ntop functions by self time (ms per request):\n")
    for name, ms in top["top_self_ms_per_request"][:10]:
        click.echo(f"  {ms:8.2f}  {name}")


def profile_main(n: int, interval: float, mode: str, redis_url: str | None, output: Path, keep_tmp: bool) -> None:
    """``--profile-only``: the same index, config and profile as a full run, without gunicorn and wrk."""
    tmp = Path(tempfile.mkdtemp(prefix="webhook-profile-"))
    started = dt.datetime.now()
    try:
        click.echo(f"temp dir {tmp}; building the index of {DOCS.relative_to(ROOT)} …")
        index_info = build_index(tmp / "index")
        config = write_config(tmp, tmp / "index", f"sqlite:///{tmp / 'talent.db'}", redis_url)
        pool = question_variants(3 * n + 40, random.Random(2024))
        click.echo(f"profiling {n} requests per mix in-process (app.test_client, {mode}) …")
        prof = profile(config, RequestMaker(), pool, n, mode, interval)
    finally:
        if not keep_tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    result = {"date": started.isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform()},
              "setup": {"database": "SQLite (temp file)" if not redis_url else "SQLite + Redis shared store",
                        "index": index_info},
              "code": code_fingerprint(), "profile": prof}
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print_profile(prof, n)
    click.echo(f"\nraw figures: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")


if __name__ == "__main__":
    main()
