"""``python -m ingest build|list|remove|enable|disable|set``: keep the knowledge index in step with documents."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from core.config import load_config
from core.errors import TalentError
from ingest.pipeline import YEAR_VALUE, IngestReport, build, remove, set_lifecycle
from knowledge.service import KnowledgeBase


def _kb(config: str | None, index: str | None) -> KnowledgeBase:
    overrides = {"knowledge": {"index_dir": str(Path(index).resolve())}} if index else None
    return KnowledgeBase(load_config(config, overrides), for_build=True)


def _print_report(report: IngestReport, as_json: bool = False) -> None:
    if as_json:
        click.echo(json.dumps({"report": asdict(report)}, ensure_ascii=False))
        return
    for path, reason in report.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    for w in report.warnings:
        click.echo(f"warning: {w['doc_id']}: only {100 * w['coverage']:.1f}% of its text reached the index; "
                   f"not indexed as body text:", err=True)
        for line in w["dropped"]:
            click.echo(f"    {line[:120]}", err=True)
    click.echo(report.summary())
    if report.generation is not None:
        click.echo(f"index generation {report.generation} is live")
    else:
        click.echo("index unchanged")


def _json_progress(stage: str, done: int, total: int) -> None:
    """Progress as JSON lines, for the console's build jobs (bot/admin/jobs.py)."""
    click.echo(json.dumps({"stage": stage, "done": done, "total": total}))


class _Bar:
    """tqdm progress on a terminal; nothing when output is piped (CI, logs)."""

    def __init__(self):
        from tqdm import tqdm

        self._tqdm = tqdm
        self._bars: dict[str, object] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "waiting":
            click.echo("another build is running; waiting for it to finish…", err=True)
            return
        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = self._tqdm(total=total, desc=stage, unit="doc" if stage == "read" else "chunk",
                                                 disable=None, leave=False)
        bar.update(done - bar.n)

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()


@click.group()
@click.option("--config", envvar="APP_CONFIG", help="config.yaml to use (default: the project's)")
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def cli(ctx: click.Context, config: str | None, verbose: bool) -> None:
    """Build and inspect the knowledge index."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    for handler in logging.getLogger().handlers:  # bm25s turns its own logger to DEBUG on every build
        handler.setLevel(logging.INFO if verbose else logging.WARNING)
    ctx.obj = {"config": config}


def _fail(exc: TalentError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def _day(ctx, param, value: str | None) -> str | None:
    """A YYYY-MM-DD date as stored in the manifest; "" (or "none") clears it."""
    if value is None:
        return None
    if value.strip().lower() in ("", "none"):
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2027-01-31") from None


def _year(ctx, param, value: str | None) -> str | None:
    """A year (2025) or a span of years (2014-2016) as document_meta stores it; "" clears it."""
    if value is None or not value.strip():
        return value
    if not YEAR_VALUE.fullmatch(value.strip()):
        raise click.BadParameter(f"{value!r} is not a year like 2025 or 2014-2016")
    return value.strip()


_effective = click.option("--effective", callback=_day, metavar="YYYY-MM-DD",
                          help="the first day the document answers ('' clears)")
_expires = click.option("--expires", callback=_day, metavar="YYYY-MM-DD",
                        help="the last day the document answers ('' clears)")


def _dates(effective: str | None, expires: str | None) -> dict:
    return {k: v for k, v in (("effective", effective), ("expires", expires)) if v is not None}


@cli.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--index", "index_dir", type=click.Path(file_okay=False), help="index directory (default: knowledge.index_dir)")
@click.option("--rebuild", is_flag=True, help="re-embed every document, changed or not")
@click.option("--replaces", metavar="NAME", help="remove this document in the same switch (a replacement)")
@click.option("--json-progress", is_flag=True, help="progress and report as JSON lines on stdout")
@click.option("--title", help="the title answers cite (default: from the file name or the text)")
@click.option("--region", help="the place the documents are about, e.g. 广州市, or 全国 (default: read from the text)")
@click.option("--issuer", help="the issuing body (default: read from the text)")
@click.option("--doc-number", help="the document's 文号, e.g. 穗天住建〔2025〕8号 (default: read from the text)")
@click.option("--year", callback=_year, help="the year it speaks of, 2025 or 2014-2016 (default: read from the text)")
@_effective
@_expires
@click.option("--by", "uploaded_by", metavar="NAME", help="who brought in this version (the console: the staff member)")
@click.pass_obj
def build_cmd(obj, paths: tuple[Path, ...], index_dir: str | None, rebuild: bool, replaces: str | None,
              json_progress: bool, title: str | None, region: str | None, issuer: str | None,
              doc_number: str | None, year: str | None, effective: str | None, expires: str | None,
              uploaded_by: str | None) -> None:
    """Ingest documents (files or folders); unchanged ones cost nothing.

    --title, --region, --issuer, --doc-number and --year correct what the text says the document
    is; they are kept across later builds (and by a replacement) until changed, '' clears one."""
    overrides = {k: v.strip() for k, v in (("title", title), ("region", region), ("issuer", issuer),
                                           ("doc_number", doc_number), ("year", year)) if v is not None}
    lifecycle = _dates(effective, expires) | ({"uploaded_by": uploaded_by} if uploaded_by else {})
    try:
        kb = _kb(obj["config"], index_dir)
        bar = _json_progress if json_progress else _Bar()
        try:
            report = build(kb.index, kb.embedder, list(paths), kb.settings.ingest, rebuild=rebuild, progress=bar,
                           replaces=replaces, overrides=overrides, lifecycle=lifecycle)
        finally:
            if not json_progress:
                bar.close()
    except TalentError as exc:
        _fail(exc)
    _print_report(report, json_progress)


@cli.command("list")
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def list_cmd(obj, index_dir: str | None, as_json: bool) -> None:
    """List the indexed documents."""
    try:
        kb = _kb(obj["config"], index_dir)
        docs = kb.index.documents()
    except TalentError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([d.__dict__ for d in docs], ensure_ascii=False, indent=2))
        return
    today = kb.today()
    click.echo(f"{'document':40} {'type':5} {'chunks':>6} {'chars':>7} {'covered':>7}  {'sha256':12}  "
               f"{'status':8}  {'effective':10}  {'expires':10}  region")
    for d in docs:
        click.echo(f"{d.doc_id:40} {d.doc_type:5} {d.chunks:>6} {d.chars:>7} {100 * d.coverage:>6.1f}%  "
                   f"{d.sha256[:12]}  {d.status(today):8}  {d.effective or '-':10}  {d.expires or '-':10}  "
                   f"{d.meta.get('region') or '全国/未注明'}")
    click.echo(f"{len(docs)} documents, {sum(d.chunks for d in docs)} chunks")


@cli.command("remove")
@click.argument("docs", nargs=-1, required=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.option("--json-progress", is_flag=True, help="progress and report as JSON lines on stdout")
@click.pass_obj
def remove_cmd(obj, docs: tuple[str, ...], index_dir: str | None, json_progress: bool) -> None:
    """Remove documents (by file name, as `list` shows them)."""
    try:
        kb = _kb(obj["config"], index_dir)
        report = remove(kb.index, list(docs), progress=_json_progress if json_progress else _Bar())
    except TalentError as exc:
        _fail(exc)
    _print_report(report, json_progress)
    if report.skipped and not report.removed:
        sys.exit(1)


def _lifecycle_cmd(obj, docs: tuple[str, ...], index_dir: str | None, json_progress: bool, changes: dict) -> None:
    try:
        kb = _kb(obj["config"], index_dir)
        report = set_lifecycle(kb.index, list(docs), changes, progress=_json_progress if json_progress else None)
    except TalentError as exc:
        _fail(exc)
    _print_report(report, json_progress)
    if report.skipped:
        sys.exit(1)


@cli.command("disable")
@click.argument("docs", nargs=-1, required=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.option("--json-progress", is_flag=True, help="progress and report as JSON lines on stdout")
@click.pass_obj
def disable_cmd(obj, docs: tuple[str, ...], index_dir: str | None, json_progress: bool) -> None:
    """Stop documents answering (by file name) without deleting them; `enable` brings them back."""
    _lifecycle_cmd(obj, docs, index_dir, json_progress, {"enabled": False})


@cli.command("enable")
@click.argument("docs", nargs=-1, required=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.option("--json-progress", is_flag=True, help="progress and report as JSON lines on stdout")
@click.pass_obj
def enable_cmd(obj, docs: tuple[str, ...], index_dir: str | None, json_progress: bool) -> None:
    """Let disabled documents answer again."""
    _lifecycle_cmd(obj, docs, index_dir, json_progress, {"enabled": True})


@cli.command("set")
@click.argument("docs", nargs=-1, required=True)
@_effective
@_expires
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.option("--json-progress", is_flag=True, help="progress and report as JSON lines on stdout")
@click.pass_obj
def set_cmd(obj, docs: tuple[str, ...], effective: str | None, expires: str | None, index_dir: str | None,
            json_progress: bool) -> None:
    """Set when documents answer: from --effective to --expires (inclusive; checked every day)."""
    changes = _dates(effective, expires)
    if not changes:
        raise click.UsageError("say --effective and/or --expires")
    _lifecycle_cmd(obj, docs, index_dir, json_progress, changes)
