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

    from bot.health import check_servers

    try:
        settings = load_config()
        problems = check_servers(settings)
        if problems:
            for problem in problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(1)
        kb = KnowledgeBase(settings)
        if not kb.index.exists():
            docs = settings.path(settings.knowledge.docs_dir)
            click.echo(f"==> no index yet: building it from {docs}")
            report = build(kb.index, kb.embedder, [docs], settings.ingest)
            for path, reason in report.skipped:
                click.echo(f"skipped {path}: {reason}", err=True)
            click.echo(report.summary())
        _publish_service_doc()
    except TalentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    bind = f"{settings.server.host}:{port or settings.server.port}"
    click.echo(f"==> serving on http://{bind}  (web chat: /chat, health: /healthz)")
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(gunicorn, [gunicorn, "--workers", str(workers), "--bind", bind, "--access-logfile", "-",
                        "--timeout", "60", "bot.wsgi:app"])


def _publish_service_doc() -> None:
    """Keep 驿站预约须知 (bot/service_doc.py) in step with the stations and booking rules."""
    from bot import create_app, service_doc
    from bot.admin.jobs import IngestFailed

    app = create_app()
    try:
        report = service_doc.publish(app)
    except IngestFailed as exc:  # the chat still works; the bot just cannot cite its own rules yet
        click.echo(f"warning: {service_doc.TITLE} not indexed: {exc.reason}", err=True)
        return
    if report["generation"]:
        click.echo(f"==> {service_doc.TITLE} indexed")


@cli.command()
def check() -> None:
    """Check the configuration, that every configured server answers, and that the topology is safe."""
    from bot.health import check_servers, topology_warnings

    try:
        settings = load_config()
    except TalentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    problems = check_servers(settings)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        sys.exit(1)
    for warning in topology_warnings(settings):
        click.echo(f"warning: {warning}", err=True)
    configured = ["database" if settings.database.url else "database (SQLite, embedded)",
                  "Redis" if settings.redis.url else None, "Chroma server" if settings.knowledge.chroma_url else None]
    click.echo("ok: configuration valid; reachable: " + ", ".join(c for c in configured if c))


if __name__ == "__main__":
    cli(prog_name="python -m bot")
