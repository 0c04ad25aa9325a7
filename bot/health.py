"""Start-up check: is every configured server reachable?

Run by ``python -m bot check``, by ``./run serve`` before it starts, and by
gunicorn's ``on_starting`` hook (deploy/gunicorn.conf.py), so an operator
sees "PostgreSQL at db:5432 is unreachable" instead of a worker crash loop.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from core.config import Settings


def _redact(url: str) -> str:
    parts = urlparse(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{':' + str(parts.port) if parts.port else ''}{parts.path}"


def check_database(url: str) -> str | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 3} if url.startswith("postgresql") else {})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except Exception as exc:
        return f"database at {_redact(url)} is unreachable: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
    finally:
        engine.dispose()


def check_redis(url: str) -> str | None:
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=3, socket_connect_timeout=3).ping()
        return None
    except Exception as exc:
        return f"Redis at {_redact(url)} is unreachable: {type(exc).__name__}: {exc}"


def check_chroma(url: str) -> str | None:
    import requests

    try:
        res = requests.get(url.rstrip("/") + "/api/v2/heartbeat", timeout=3)
        res.raise_for_status()
        return None
    except Exception as exc:
        return f"Chroma server at {_redact(url)} is unreachable: {type(exc).__name__}"


def processes_with_open(directory: Path) -> set[int]:
    """PIDs of the processes that hold a file under ``directory`` open (Linux /proc; empty elsewhere)."""
    directory = directory.resolve()
    pids = set()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith(str(directory) + os.sep):
                    pids.add(int(proc.name))
                    break
        except OSError:  # gone, or not ours to look at
            continue
    return pids


def _write_lock_free(index_dir: Path) -> bool:
    """True when no build holds the index's write lock (ingest.writer.LOCK_FILE)."""
    import fcntl

    from ingest.writer import LOCK_FILE

    try:
        with open(index_dir / LOCK_FILE, "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fh, fcntl.LOCK_UN)
            return True
    except BlockingIOError:
        return False
    except OSError:
        return True


def topology_warnings(settings: Settings) -> list[str]:
    """Set-ups that run but lose knowledge-base changes: one message each.

    The index is safe when only its one writer (a running build) has the
    embedded chromadb directory open, and when machines that share a
    database also share a Chroma server.
    """
    k = settings.knowledge
    warnings = []
    chroma_dir = settings.path(k.index_dir) / "chroma"
    if not k.chroma_url and chroma_dir.is_dir():
        holders = processes_with_open(chroma_dir) - {os.getpid()}
        if len(holders) > 1 or (holders and _write_lock_free(settings.path(k.index_dir))):
            warnings.append(
                f"unsafe: {len(holders)} process(es) (pid {', '.join(map(str, sorted(holders)))}) have the embedded "
                f"chromadb directory {chroma_dir} open outside a build; chromadb is not process-safe and they will "
                "not see each other's changes. Only `python -m ingest` may open it; serve with this version's "
                "workers, or point knowledge.chroma_url at a Chroma server.")
    shared = (settings.database.url or "").startswith("postgresql") or bool(settings.redis.url)
    if shared and not k.chroma_url:
        warnings.append(
            "the database is shared but the knowledge index is local to this machine (knowledge.chroma_url is not "
            "set): if several machines serve, a document changed on one will not reach the others. Set "
            "knowledge.chroma_url to a Chroma server they all use.")
    return warnings


def check_servers(settings: Settings) -> list[str]:
    """One message per configured server that does not answer; empty when all do."""
    problems = []
    if settings.database.url:
        problems.append(check_database(settings.database.url))
    if settings.redis.url:
        problems.append(check_redis(settings.redis.url))
    if settings.knowledge.chroma_url:
        problems.append(check_chroma(settings.knowledge.chroma_url))
    return [p for p in problems if p]
