"""Why web workers read snapshots instead of asking a Chroma server: the figures.

For each index size (random 512-d unit vectors, the default embedder's shape,
with real chunk texts' keyword tokens):

- dense top-20 through a local Chroma server (``chroma run`` from the chromadb
  wheel, ``HttpClient``): design (a) of the index-sync issue, every worker a client;
- dense top-20 over the snapshot's mapped vectors (``Snapshot.dense_search``):
  what the workers do now (design (b));
- the check every read pays to notice a new generation (``KnowledgeIndex.current``);
- loading a new generation into a reader (what the first request after a switch pays);
- publish-to-visible: a writer in another process commits; how long until a
  reader in this process answers from the new generation.

    .venv/bin/python -m bench.index_bench [--sizes 1000,10000,100000] [--queries 200]

Results: bench/results/index.json and the table in bench/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import click
import numpy as np
import requests

from bench.knowledge_bench import _pct, _timed  # the same percentiles and timing as the knowledge bench
from core.config import PROJECT_ROOT
from ingest.writer import open_writer
from knowledge.index import ChunkRecord, DocumentInfo, KnowledgeIndex, chunk_id
from knowledge.store import open_client

RESULTS = PROJECT_ROOT / "bench" / "results"
DIM = 512
DOC_CHUNKS = 100


def _write(index: KnowledgeIndex, n: int, rng: np.random.Generator, tag: str = "") -> None:
    with open_writer(index) as w:
        for d in range(0, n, DOC_CHUNKS):
            doc_id = f"doc{d // DOC_CHUNKS:05d}{tag}.txt"
            texts = [f"第{d + i}段 人才政策 补贴 驿站 {tag}" for i in range(min(DOC_CHUNKS, n - d))]
            vectors = rng.normal(size=(len(texts), DIM)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            doc = DocumentInfo(doc_id, doc_id, f"/bench/{doc_id}", "txt", "x", f"fp{doc_id}", 1, 1, len(texts), 0.0)
            chunks = [ChunkRecord(chunk_id(doc_id, i), doc_id, doc_id, "", i, t) for i, t in enumerate(texts)]
            w.put(doc, chunks, vectors, [t.split() for t in texts])
        w.commit()


class _Chroma:
    def __init__(self, path: Path):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        chroma = Path(sys.executable).with_name("chroma")
        self.proc = subprocess.Popen([str(chroma), "run", "--path", str(path), "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/api/v2/heartbeat", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("chroma run did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


PUBLISH = textwrap.dedent("""
    import sys
    import numpy as np
    from bench.index_bench import _write
    from knowledge.index import KnowledgeIndex
    _write(KnowledgeIndex(sys.argv[1], "bench"), int(sys.argv[2]), np.random.default_rng(1), tag=sys.argv[3])
    print("done", flush=True)
""")


def publish_to_visible(directory: Path, n: int, tag: str) -> tuple[float, float]:
    """(seconds the writer took, seconds from its exit until a reader here serves the new generation)."""
    reader = KnowledgeIndex(directory, "bench")
    before = reader.current().generation
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", PUBLISH, str(directory), str(n), tag], cwd=PROJECT_ROOT, check=True,
                   capture_output=True)
    written = time.monotonic()
    while reader.current().generation == before:
        time.sleep(0.001)
    return written - started, time.monotonic() - written


@click.command()
@click.option("--sizes", default="1000,10000,100000", show_default=True)
@click.option("--queries", default=200, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=RESULTS / "index.json", show_default=True)
def main(sizes: str, queries: int, out: Path) -> None:
    rng = np.random.default_rng(7)
    qs = rng.normal(size=(queries, DIM)).astype(np.float32)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    rows = []
    for n in (int(s) for s in sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="index-bench-") as tmp:
            tmp = Path(tmp)
            local = KnowledgeIndex(tmp / "local", "bench")
            _write(local, n, np.random.default_rng(n))
            snap = local.current()
            snapshot_ms = _pct(_timed(lambda q: snap.dense_search(q, 20), qs))
            check_ms = _pct(_timed(lambda q: local.current(), qs))
            load_ms = _pct(_timed(lambda _: (local.refresh(), local.current()), range(5)))

            server = _Chroma(tmp / "chroma-data")
            try:
                remote = KnowledgeIndex(tmp / "remote", "bench", chroma_url=server.url)
                _write(remote, n, np.random.default_rng(n))
                col = open_client(tmp, server.url).get_collection(remote.current().manifest.collection)
                col.query(query_embeddings=[qs[0].tolist()], n_results=20)
                server_ms = _pct(_timed(lambda q: col.query(query_embeddings=[q.tolist()], n_results=20,
                                                            include=["distances"]), qs))
            finally:
                server.stop()
            write_s, visible_s = publish_to_visible(tmp / "local", min(n, 1000), "new")
        row = {"chunks": n, "dense_server_ms": server_ms, "dense_snapshot_ms": snapshot_ms,
               "pointer_check_ms": check_ms, "load_generation_ms": load_ms,
               "publish_write_s": write_s, "publish_to_visible_ms": visible_s * 1000}
        rows.append(row)
        click.echo(json.dumps(row), err=True)

    click.echo("\nchunks   dense via Chroma server p50/p99   dense over snapshot p50/p99   pointer check p50   "
               "load generation p50   switch visible after")
    for r in rows:
        click.echo(f"{r['chunks']:>7,}   {r['dense_server_ms']['p50']:>10.2f} / {r['dense_server_ms']['p99']:<10.2f}"
                   f"      {r['dense_snapshot_ms']['p50']:>8.3f} / {r['dense_snapshot_ms']['p99']:<8.3f}"
                   f"      {r['pointer_check_ms']['p50'] * 1000:>8.1f} µs      {r['load_generation_ms']['p50']:>10.1f} ms"
                   f"        {r['publish_to_visible_ms']:>6.1f} ms")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "rows": rows}, indent=1), encoding="utf-8")
    click.echo(f"results written to {out.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
