"""Index changes from the console run the ingest CLI in a child process.

Why a child process: only the index's one writer may open chromadb's files
(``ingest.writer``), and a web worker that opened them would keep stale
caches for its whole life (chromadb's ``PersistentClient`` is not
process-safe). So an upload runs exactly what ``python -m ingest build`` runs,
in a short-lived process that holds the write lock; a second build waits for
the first. Its JSON progress lines go to the shared store, so any worker can
report the job; when it ends, every worker answers from the new generation on
its next request.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import yaml
from flask import current_app

from bot import messages
from core.config import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)
JOB_TTL_S = 24 * 3600


def _store():
    return current_app.extensions["talent.dialogue"].store


def job_status(job_id: str) -> dict | None:
    raw = _store().get_value(f"ingest-job:{job_id}")
    return json.loads(raw) if raw else None


def ingest_config(settings: Settings) -> dict:
    """The app's knowledge and ingest settings, paths made absolute, for the child's --config."""
    data = settings.model_dump(mode="json", include={"knowledge", "ingest"})
    k = data["knowledge"]
    k["index_dir"] = str(settings.path(k["index_dir"]))
    k["docs_dir"] = str(settings.path(k["docs_dir"]))
    if k["embedder"].get("model_path"):
        k["embedder"]["model_path"] = str(settings.path(k["embedder"]["model_path"]))
    return data


def run_ingest(settings: Settings, args: list[str], progress=None) -> dict:
    """Run ``python -m ingest ARGS --json-progress`` and return its report.

    ``progress(stage, done, total)`` is called for every progress line.
    Raises IngestFailed with the CLI's own error line when it fails.
    """
    fd, config_path = tempfile.mkstemp(prefix="ingest-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        yaml.safe_dump(ingest_config(settings), fh, allow_unicode=True)
    try:
        command = [sys.executable, "-m", "ingest", "--config", config_path, *args, "--json-progress"]
        proc = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, encoding="utf-8")
        report = None
        for line in proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if "report" in event:
                report = event["report"]
            elif progress:
                progress(event["stage"], event["done"], event["total"])
        stderr = proc.stderr.read()
        if proc.wait() != 0 or report is None:
            errors = [ln[len("error: "):] for ln in stderr.splitlines() if ln.startswith("error: ")]
            log.warning("ingest %s failed (exit %s): %s", args[0], proc.returncode, stderr[-2000:])
            raise IngestFailed(errors[-1] if errors else f"exit status {proc.returncode}", report)
        return report
    finally:
        os.unlink(config_path)


class IngestFailed(Exception):
    def __init__(self, reason: str, report: dict | None = None):
        super().__init__(reason)
        self.reason = reason
        self.report = report


def doc_reason(reason: str) -> str:
    """Why ingest refused a file, in Chinese for the console (the CLI says it in English)."""
    for prefix, chinese in messages.DOC_REASONS:
        if reason.startswith(prefix):
            return chinese.format(detail=reason[len(prefix):].split(":")[0].strip(" ()"))
    return reason


def summary(report: dict) -> str:
    """A job's outcome in Chinese, for the console."""
    parts = [label.format(n=len(report[key])) for key, label in messages.JOB_COUNTS.items() if report.get(key)]
    if not parts:
        return messages.JOB_UNCHANGED
    tail = messages.JOB_LIVE.format(generation=report["generation"]) if report.get("generation") else ""
    return "，".join(parts) + "。" + tail


def start_job(kind: str, args: list[str], on_done=None) -> str:
    """Run the ingest CLI with ``args`` in the background; progress and outcome go to the shared store.

    ``on_done(report)`` runs when it ends, in an app context: the CLI's report, or None
    when the build failed (an upload uses it to keep or restore files on disk).
    """
    app = current_app._get_current_object()
    settings = app.config["SETTINGS"]
    store = _store()
    job_id = uuid.uuid4().hex[:12]

    def save(**fields) -> None:
        store.set_value(f"ingest-job:{job_id}", json.dumps(fields, ensure_ascii=False), JOB_TTL_S)

    def progress(stage: str, done: int, total: int) -> None:
        save(kind=kind, status="running", stage=stage, done=done, total=total)

    def run() -> None:
        with app.app_context():
            _run()

    def _run() -> None:
        report, outcome = None, {}
        try:
            report = run_ingest(settings, args, progress)
            outcome = dict(status="done", summary=summary(report),
                           skipped=[{"path": Path(p).name, "reason": doc_reason(r)} for p, r in report["skipped"]],
                           added=report["added"], updated=report["updated"], removed=report["removed"],
                           generation=report["generation"],
                           warnings=[messages.COVERAGE_WARNING.format(
                               doc=w["doc_id"], pct=f"{100 * w['coverage']:.1f}",
                               lines="；".join(line[:60] for line in w["dropped"][:5]))
                               for w in report.get("warnings", [])])
        except IngestFailed as exc:
            outcome = dict(status="failed", summary=messages.JOB_FAILED.format(reason=doc_reason(exc.reason)))
        except Exception as exc:  # never leave a job "running" forever
            log.exception("ingest job %s failed", job_id)
            outcome = dict(status="failed", summary=messages.JOB_FAILED.format(reason=type(exc).__name__))
        finally:
            if on_done is not None:  # before the status says "done": files are settled by then
                try:
                    on_done(report)
                except Exception:
                    log.exception("after ingest job %s", job_id)
            save(kind=kind, **(outcome or dict(status="failed", summary=messages.JOB_INTERRUPTED)))

    save(kind=kind, status="running", stage="queued", done=0, total=0)
    threading.Thread(target=run, name=f"ingest-{job_id}", daemon=True).start()
    return job_id
