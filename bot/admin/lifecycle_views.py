"""A document's life in the console: enable/disable, dates, what it is (title, region…), the original
file, versions and rollback.

Changes to the index (the switch, the dates, a rollback) run the ``python -m ingest`` CLI in a
child process like every other index change (bot/admin/jobs.py), so they reach every worker
through the next index generation. Files (the original, kept versions) are this machine's.
"""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for

from bot import messages
from bot.admin import bp, versions
from bot.admin.auth import current_staff, require, staff_audit
from bot.admin.doc_list import date_args, meta_changes, meta_values
from bot.admin.jobs import IngestFailed, doc_reason, run_ingest, start_job
from bot.admin.knowledge_views import (by_args, indexed, put_in_place, safe_filename, settle_files, upload_dir,
                                       upload_limits)
from bot.db import get_db


def _change_index(args: list[str], action: str, doc_id: str, done: str, **detail) -> None:
    """Run one lifecycle command synchronously, so the page that follows already shows it (on every worker)."""
    try:
        run_ingest(current_app.config["SETTINGS"], args)
    except IngestFailed as exc:
        flash(messages.DOC_CHANGE_FAILED.format(reason=doc_reason(exc.reason)), "error")
        return
    staff_audit(action, doc_id, **detail)
    get_db().commit()
    flash(done, "ok")


def _indexed_or_told(doc_id: str):
    """The indexed document ``doc_id``, or None once staff are told it is gone (removed meanwhile)."""
    doc = indexed(doc_id)
    if doc is None:
        flash(messages.DOC_MISSING, "error")
    return doc


@bp.post("/docs/<path:doc_id>/enabled")
@require("editor")
def doc_enabled(doc_id: str):
    doc = _indexed_or_told(doc_id)
    if doc is not None:
        if request.form.get("enabled") == "1":
            _change_index(["enable", doc_id], "doc.enable", doc_id, messages.DOC_ENABLED.format(doc=doc.title))
        else:
            _change_index(["disable", doc_id], "doc.disable", doc_id, messages.DOC_DISABLED.format(doc=doc.title))
    return redirect(url_for("admin.docs"))


@bp.post("/docs/<path:doc_id>/dates")
@require("editor")
def doc_dates(doc_id: str):
    doc = _indexed_or_told(doc_id)
    dates = date_args(request.form, blank_clears=True)
    if doc is not None and dates is not None:
        _change_index(["set", doc_id, *dates], "doc.dates", doc_id, messages.DOC_DATES_SAVED.format(doc=doc.title),
                      effective=request.form.get("effective", ""), expires=request.form.get("expires", ""))
    return redirect(url_for("admin.docs"))


@bp.get("/docs/<path:doc_id>/edit")
@require("editor")
def doc_edit(doc_id: str):
    """The document's page: what it is (editable without a new file) and a replacement with the same fields."""
    doc = _indexed_or_told(doc_id)
    if doc is None:
        return redirect(url_for("admin.docs"))
    return render_template("admin/doc_edit.html", doc=doc, values=meta_values(doc), **upload_limits())


@bp.post("/docs/<path:doc_id>/meta")
@require("editor")
def doc_meta(doc_id: str):
    """Staff's changes go through ``ingest build FILE --title=…`` like an upload's fields: the document
    is read and indexed again with them (its chunks carry the title), as a job with progress."""
    doc = _indexed_or_told(doc_id)
    if doc is None:
        return redirect(url_for("admin.docs"))
    back = redirect(url_for("admin.doc_edit", doc_id=doc_id))
    changes = meta_changes(request.form, doc)
    if changes is None:
        return back
    if not changes:
        flash(messages.DOC_META_UNCHANGED, "ok")
        return back
    source = Path(doc.source)
    if not source.is_file():
        flash(messages.DOC_META_NO_ORIGINAL, "error")
        return back
    staff_audit("doc.meta", doc_id, changes=changes)
    get_db().commit()
    return redirect(url_for("admin.docs", job=start_job("meta", ["build", str(source), *changes])))


@bp.get("/docs/<path:doc_id>/download")
@require("editor")
def doc_download(doc_id: str):
    """The original file as it was ingested (staff only: a document may not be meant for the public)."""
    doc = indexed(doc_id)
    if doc is None:
        abort(404)
    source = Path(doc.source)
    if not source.is_file():
        flash(messages.DOC_NO_ORIGINAL, "error")
        return redirect(url_for("admin.docs"))
    return send_file(source, as_attachment=True, download_name=doc.doc_id)


@bp.get("/docs/<path:doc_id>/versions")
@require("editor")
def doc_versions(doc_id: str):
    doc = _indexed_or_told(doc_id)
    if doc is None:
        return redirect(url_for("admin.docs"))
    return render_template("admin/versions.html", doc=doc, versions=versions.versions_of(upload_dir(), doc_id))


@bp.get("/docs/<path:doc_id>/versions/<stored>")
@require("editor")
def version_download(doc_id: str, stored: str):
    version = versions.version_of(upload_dir(), doc_id, stored)
    if version is None:
        abort(404)
    return send_file(upload_dir() / versions.VERSIONS / version.stored, as_attachment=True,
                     download_name=version.name)


@bp.post("/docs/<path:doc_id>/versions/<stored>/rollback")
@require("editor")
def version_rollback(doc_id: str, stored: str):
    """Put a kept version back through the normal ingest job: the index switches only once it ingests,
    and the version it replaces is kept in turn (a rollback can itself be rolled back). A version
    under another file name (the document was replaced by a file of another name) comes back under
    its own name, replacing the current one like 替换 does."""
    version = versions.version_of(upload_dir(), doc_id, stored)
    if version is None or indexed(doc_id) is None:
        flash(messages.VERSION_MISSING, "error")
        return redirect(url_for("admin.docs"))
    if version.name != doc_id and indexed(version.name) is not None:
        flash(messages.VERSION_NAME_TAKEN.format(name=version.name), "error")
        return redirect(url_for("admin.doc_versions", doc_id=doc_id))
    target = upload_dir() / safe_filename(version.name)
    tmp = target.with_name(f".{target.name}.upload")
    tmp.write_bytes((upload_dir() / versions.VERSIONS / version.stored).read_bytes())
    path, previous = put_in_place(tmp, target)
    staff_audit("doc.rollback", doc_id, version=stored)
    get_db().commit()
    replaces = doc_id if path.name != doc_id else None
    args = ["build", str(path), *by_args()] + (["--replaces", doc_id] if replaces else [])
    settle = settle_files(path, previous, f"staff:{current_staff().name}", "doc.rollback", replaces)
    return redirect(url_for("admin.docs", job=start_job("rollback", args, on_done=settle)))
