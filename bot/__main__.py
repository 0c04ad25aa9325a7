"""``python -m bot serve``: the one-command start (index if missing, then gunicorn)."""

from __future__ import annotations

import os
import sys

import click

from core.config import load_config
from core.errors import TalentError


@click.group()
def cli() -> None:
    """Run the talent assistant."""


@cli.command()
@click.option("--workers", default=2, show_default=True, help="gunicorn worker processes")
@click.option("--port", type=int, help="override server.port")
def serve(workers: int, port: int | None) -> None:
    """Build the index from the shipped documents if it is missing, then serve."""
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase

    try:
        settings = load_config()
        kb = KnowledgeBase(settings)
        if not kb.index.exists():
            docs = settings.path(settings.knowledge.docs_dir)
            click.echo(f"==> no index yet: building it from {docs}")
            report = build(kb.index, kb.embedder, [docs], settings.ingest)
            for path, reason in report.skipped:
                click.echo(f"skipped {path}: {reason}", err=True)
            click.echo(report.summary())
    except TalentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    bind = f"{settings.server.host}:{port or settings.server.port}"
    click.echo(f"==> serving on http://{bind}  (web chat: /chat, health: /healthz)")
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(gunicorn, [gunicorn, "--workers", str(workers), "--bind", bind, "--access-logfile", "-",
                        "--timeout", "60", "bot.wsgi:app"])


if __name__ == "__main__":
    cli(prog_name="python -m bot")
