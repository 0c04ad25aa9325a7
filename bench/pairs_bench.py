"""What the character-pair ranking costs at scale: build time and search time of the pair index
(knowledge.keyword.build_pairs) beside the jieba word index it sits next to, on the knowledge
bench's synthetic corpus (bench.knowledge_bench.policy_document, the real chunker), with the
bench's synthetic questions. No embedding: only the two BM25 indexes are built and searched,
so the figures and their ratio are the pair index's own share of a build and of a retrieve.

    .venv/bin/python -m bench.pairs_bench                 # 100k chunks, 200 queries
    .venv/bin/python -m bench.pairs_bench --chunks 20000
"""

from __future__ import annotations

import random
import statistics
import time

import click

from bench.knowledge_bench import policy_document, synthetic_queries
from core.config import load_config
from ingest.chunking import chunk_text
from ingest.cleaning import clean_text
from knowledge.keyword import KeywordIndex, build_pairs, pair_text
from knowledge.text import tokenize_many


def corpus(target: int, seed: int = 20240601) -> tuple[list[str], list[str]]:
    """``target`` chunks of the knowledge bench's documents (same seed, same chunker): what the word
    index reads of each (title, heading, body) and what the pair index reads (heading, body)."""
    cfg = load_config().ingest
    rng, words, pairs, number = random.Random(seed), [], [], 0
    while len(words) < target:
        _, text = policy_document(rng, number)
        title = text.splitlines()[0].lstrip("# ")
        for chunk in chunk_text(clean_text(text), cfg.chunk_size, cfg.chunk_overlap):
            words.append(chunk.index_text(title))
            pairs.append(pair_text(chunk.heading, chunk.text))
        number += 1
    return words[:target], pairs[:target]


def _ms(search, queries) -> list[float]:
    out = []
    for q in queries:
        started = time.perf_counter()
        search(q, 40)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _pct(values: list[float]) -> str:
    ordered = sorted(values)
    return f"p50 {statistics.median(ordered):.2f} / p99 {ordered[int(0.99 * (len(ordered) - 1))]:.2f} ms"


@click.command()
@click.option("--chunks", default=100_000, show_default=True, help="chunks in the corpus")
@click.option("--queries", default=200, show_default=True, help="timed queries")
def main(chunks: int, queries: int) -> None:
    word_texts, pair_texts = corpus(chunks)
    ids = [f"c{i}" for i in range(len(word_texts))]
    started = time.perf_counter()
    words = KeywordIndex.build(ids, tokenize_many(word_texts))
    word_s = time.perf_counter() - started
    started = time.perf_counter()
    pairs = build_pairs(ids, pair_texts)
    pair_s = time.perf_counter() - started
    asked = synthetic_queries(queries, seed=7)
    for q in asked[:20]:  # warm-up: jieba's dictionary, numpy's first calls
        words.search(q, 40)
        pairs.search(q, 40)
    word_ms, pair_ms = _ms(words.search, asked), _ms(pairs.search, asked)
    click.echo(f"{len(ids):,} chunks, {sum(map(len, pair_texts)):,} chars of heading and body")
    click.echo(f"build: words {word_s:.1f} s (tokenize + index), pairs {pair_s:.1f} s  "
               f"(pairs / words {pair_s / word_s:.2f})")
    click.echo(f"search top-40: words {_pct(word_ms)}, pairs {_pct(pair_ms)}  "
               f"(median pairs / words {statistics.median(pair_ms) / statistics.median(word_ms):.2f})")


if __name__ == "__main__":
    main()
