"""Start-up check: is every configured server reachable?

Run by ``python -m bot check``, by ``./run serve`` before it starts, and by
gunicorn's ``on_starting`` hook (deploy/gunicorn.conf.py), so an operator
sees "PostgreSQL at db:5432 is unreachable" instead of a worker crash loop.
"""

from __future__ import annotations

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
