"""Knowledge-base pages for editors: documents, chunks, hit testing, unanswered questions.

Uploads, replacements, deletions and re-indexing run the ``python -m ingest``
CLI in a child process (bot/admin/jobs.py): the index has one writer, and
every worker sees its result on its next request.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from bot import get_answers, get_knowledge, messages
from bot.admin import bp, versions
from bot.admin.auth import current_staff, require, staff_audit
from bot.admin.doc_list import document_rows, meta_changes
from bot.admin.jobs import IngestFailed, job_status, run_ingest, start_job
from bot.db import get_db
from bot.dialogue.handlers import reply_for_answer
from bot.models import UnansweredQuestion
from bot.people import audit
from core.errors import IndexMissing
from ingest.loaders import OLD_OFFICE, SUPPORTED_SUFFIXES
from knowledge.text import normalise_query

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]")


def upload_dir() -> Path:
    path = Path(current_app.instance_path) / "docs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def safe_filename(name: str) -> str:
    """Keep Chinese names (werkzeug's secure_filename would drop them), drop path tricks."""
    name = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip().lstrip(".")
    return name[:120]


def upload_limit() -> None:
    """Raise the body limit for document uploads only (everything else keeps server.max_body_kb).

    Registered on the app before CSRFProtect (see create_app): the CSRF check
    reads the form, so the limit must already be raised by then.
    """
    if request.endpoint in ("admin.docs_upload", "admin.docs_replace"):
        mb = current_app.config["SETTINGS"].ingest.max_file_mb
        request.max_content_length = int(mb * 1024 * 1024) + 64 * 1024


@bp.get("/docs")
@require("editor")
def docs():
    kb = get_knowledge()
    try:
        manifest = kb.index.current().manifest
    except IndexMissing:
        manifest = None
    rows, failed = document_rows(manifest, kb.today(), upload_dir())
    return render_template("admin/docs.html", documents=rows, failed=failed, job=request.args.get("job"),
                           **upload_limits())


def upload_limits() -> dict:
    """What a page with a file picker needs: the types it takes, the size limit and how it is told."""
    mb = current_app.config["SETTINGS"].ingest.max_file_mb
    return dict(accept=",".join(sorted(SUPPORTED_SUFFIXES)), formats=upload_formats(),
                max_bytes=int(mb * 1024 * 1024), too_large=messages.UPLOAD_TOO_LARGE.format(mb=f"{mb:g}"),
                batch_too_large=messages.UPLOAD_BATCH_TOO_LARGE.replace("{mb}", f"{mb:g}"))


def upload_formats() -> str:
    """The file types staff may upload, as the console lists them (".docx .html .md …")."""
    return " ".join(s for s in sorted(SUPPORTED_SUFFIXES) if s not in (".htm", ".markdown"))


def _save_upload(field: str = "file", name: str | None = None) -> tuple[Path, Path | None] | None:
    """The upload written in place, and where the file it replaces was kept (None: a new name).

    The previous file is kept as a version first (bot.admin.versions): if the new one does not
    ingest, ``_settle`` puts it back, so a broken replacement never costs the good version.
    """
    upload = request.files.get(field)
    if upload is None or not upload.filename:
        flash(messages.UPLOAD_CHOOSE_FILE, "error")
        return None
    return _save_one(upload, name)


def _chosen_files(field: str = "file") -> list:
    """Every file chosen in the picker (staff may select several at once), blank parts dropped."""
    return [f for f in request.files.getlist(field) if f is not None and f.filename]


def _save_one(upload, name: str | None = None) -> tuple[Path, Path | None] | None:
    """One uploaded file written in place (see ``_save_upload``); None, with a notice naming the
    file, when its type is one ingest cannot read."""
    filename = safe_filename(name or upload.filename)
    suffix = Path(filename).suffix.lower()
    shown = safe_filename(upload.filename)
    if suffix in OLD_OFFICE:
        flash(messages.UPLOAD_OLD_OFFICE.format(name=shown, suffix=suffix, target=OLD_OFFICE[suffix]), "error")
        return None
    if suffix not in SUPPORTED_SUFFIXES:
        flash(messages.UPLOAD_BAD_TYPE.format(name=shown, suffix=Path(upload.filename).suffix or messages.NO_SUFFIX,
                                              formats=upload_formats()), "error")
        return None
    target = upload_dir() / filename
    tmp = target.with_name(f".{target.name}.upload")
    upload.save(tmp)
    return put_in_place(tmp, target)


def put_in_place(new: Path, target: Path) -> tuple[Path, Path | None]:
    """Move ``new`` to ``target``, keeping the file it replaces (with who had uploaded it) as a version."""
    previous = None
    if target.exists():
        current = indexed(target.name)
        previous = versions.keep(target, current.uploaded_by if current else "",
                                 (current.uploaded_at or current.updated_at) if current else 0.0)
    new.replace(target)
    return target, previous


def indexed(doc_id: str):
    """The index's entry for ``doc_id`` (None when it has none)."""
    try:
        return get_knowledge().index.current().manifest.docs.get(doc_id)
    except IndexMissing:
        return None


def settle_files(target: Path, previous: Path | None, actor: str, action: str, replaces: str | None = None):
    """What to do with the files once the job ends (bot.admin.jobs.start_job's ``on_done``).

    ``replaces``: the document a file of another name replaces (``ingest build --replaces``). Once
    it is out of the index, its file and versions become the new document's (``versions.retire``):
    nothing of it is lost, and its name is free again, as the index says.
    """
    old = indexed(replaces) if replaces else None
    docs = upload_dir()

    def settle(report: dict | None) -> None:
        skipped = {Path(p).name: reason for p, reason in (report or {}).get("skipped", [])}
        ok = report is not None and target.name not in skipped
        if not ok:  # failed or refused: the good version stays; a rejected new file leaves nothing behind
            if previous is not None:
                versions.restore(previous, target)
            else:
                target.unlink(missing_ok=True)
        elif replaces and replaces != target.name and replaces in report.get("removed", []):
            versions.retire(docs / safe_filename(replaces), target.name, old.uploaded_by if old else "",
                            (old.uploaded_at or old.updated_at) if old else 0.0)
        with current_app.extensions["talent.db"]() as s:
            audit(s, actor, f"{action}.result", target.name, ok=ok,
                  reason=skipped.get(target.name) or ("" if report is not None else "build failed"))
            s.commit()

    return settle


@bp.post("/docs/upload")
@require("editor")
def docs_upload():
    """One or several files (the picker takes several): one ingest job for all of them, each file
    settled on its own (a broken one is refused and named, the others are indexed). What staff typed
    about the document (title, issuer, region, 文号, year, dates; blank ones are read from the text)
    applies to every file, except a title, which names one document only."""
    meta = meta_changes(request.form, None)  # every field filled in, checked as on the document's page
    if meta is None:
        return redirect(url_for("admin.docs"))
    uploads = _chosen_files()
    if not uploads:
        flash(messages.UPLOAD_CHOOSE_FILE, "error")
        return redirect(url_for("admin.docs"))
    if len(uploads) > 1 and (request.form.get("title") or "").strip():
        flash(messages.UPLOAD_TITLE_ONE_FILE.format(count=len(uploads)), "error")
        return redirect(url_for("admin.docs"))
    saved: dict[str, tuple[Path, Path | None]] = {}
    for upload in uploads:
        if safe_filename(upload.filename) in saved:  # the same name chosen twice: the first one counts
            continue
        one = _save_one(upload)
        if one is not None:
            saved[one[0].name] = one
    if not saved:
        return redirect(url_for("admin.docs"))
    for path, _previous in saved.values():
        staff_audit("doc.upload", path.name, size=path.stat().st_size)
    get_db().commit()
    actor = f"staff:{current_staff().name}"
    settles = [settle_files(path, previous, actor, "doc.upload") for path, previous in saved.values()]

    def settle(report: dict | None) -> None:
        for one in settles:
            one(report)

    paths = [str(path) for path, _previous in saved.values()]
    return redirect(url_for("admin.docs", job=start_job("upload", ["build", *paths, *meta, *by_args()],
                                                        on_done=settle)))


def by_args() -> list[str]:
    """Who brought in this version, for the document list and its versions."""
    return [f"--by={current_staff().name}"]


@bp.post("/docs/<path:doc_id>/replace")
@require("editor")
def docs_replace(doc_id: str):
    """The new file takes the document's place. What staff set on the document (title, region…)
    stays unless they changed it in the replace form's fields (``meta_changes``; ingest keeps a
    replaced document's own too); what they did not set is read from the new file."""
    back = url_for("admin.doc_edit", doc_id=doc_id) if "title" in request.form else url_for("admin.docs")
    meta = meta_changes(request.form, indexed(doc_id))
    if meta is None:
        return redirect(back)
    upload = request.files.get("file")
    new_suffix = Path(upload.filename).suffix.lower() if upload and upload.filename else ""
    same_type = new_suffix == Path(doc_id).suffix.lower()
    if upload and upload.filename and not same_type:
        # The file keeps its own name: never let it land on another document's file.
        # Only the index says a name is taken: a replaced document's file is no longer under its name.
        name = safe_filename(upload.filename)
        if name != doc_id and indexed(name) is not None:
            flash(messages.DOC_REPLACE_NAME_TAKEN.format(name=name, doc=doc_id), "error")
            return redirect(url_for("admin.docs"))
    saved = _save_upload(name=doc_id if same_type else None)
    if saved is None:
        return redirect(back)
    path, previous = saved
    staff_audit("doc.replace", doc_id, new=path.name, **({"changes": meta} if meta else {}))
    get_db().commit()
    replaces = doc_id if path.name != doc_id else None
    args = ["build", str(path), *meta, *by_args()] + (["--replaces", doc_id] if replaces else [])
    settle = settle_files(path, previous, f"staff:{current_staff().name}", "doc.replace", replaces)
    return redirect(url_for("admin.docs", job=start_job("replace", args, on_done=settle)))


@bp.post("/docs/<path:doc_id>/delete")
@require("editor")
def docs_delete(doc_id: str):
    """Synchronous, so the page that follows already lists what is left (on every worker)."""
    known = indexed(doc_id)
    try:
        report = run_ingest(current_app.config["SETTINGS"], ["remove", doc_id])
    except IngestFailed as exc:
        if exc.report is None or exc.report.get("removed"):
            flash(messages.DOC_DELETE_FAILED.format(reason=exc.reason), "error")
            return redirect(url_for("admin.docs"))
        report = exc.report
    if report["removed"]:
        uploaded = upload_dir() / safe_filename(doc_id)
        if uploaded.exists():
            uploaded.unlink()
        versions.discard_all(upload_dir(), safe_filename(doc_id))
        staff_audit("doc.delete", doc_id)
        get_db().commit()
        flash(messages.DOC_DELETED.format(title=known.title if known else Path(doc_id).stem, doc=doc_id), "ok")
    else:
        flash(messages.DOC_MISSING, "error")
    return redirect(url_for("admin.docs"))


@bp.post("/docs/reindex")
@require("editor")
def docs_reindex():
    sources = [d.source for d in get_knowledge().index.documents() if Path(d.source).exists()]
    staff_audit("doc.reindex", "", documents=len(sources))
    get_db().commit()
    if not sources:
        flash(messages.NOTHING_TO_REINDEX, "error")
        return redirect(url_for("admin.docs"))
    return redirect(url_for("admin.docs", job=start_job("reindex", ["build", "--rebuild", *sources])))


@bp.get("/docs/jobs/<job_id>")
@require("editor")
def docs_job(job_id: str):
    status = job_status(job_id)
    if status is None:
        return jsonify(error=messages.JOB_MISSING), 404
    return jsonify(status)


@bp.get("/docs/<path:doc_id>/chunks")
@require("editor")
def doc_chunks(doc_id: str):
    index = get_knowledge().index
    doc = next((d for d in index.documents() if d.doc_id == doc_id), None)
    if doc is None:
        flash(messages.DOC_MISSING, "error")
        return redirect(url_for("admin.docs"))
    return render_template("admin/chunks.html", doc=doc, chunks=index.chunks_of(doc_id))


@bp.route("/search", methods=["GET", "POST"])
@require("editor")
def search():
    question = (request.form.get("question") or request.args.get("q") or "").strip()
    result = reply = answer = None
    usable: list[bool] = []
    if question:
        kb = get_knowledge()
        try:
            result = kb.retrieve(question, k=10)
            usable = [kb.may_answer(c, result) for c in result.chunks]  # the answerer's own rule, per chunk
            answer = get_answers().answer(question)  # what a user would get: a standard answer wins
            reply = reply_for_answer(answer)
        except IndexMissing:
            flash(messages.INDEX_MISSING_CONSOLE, "error")
    retrieval_cfg = current_app.config["SETTINGS"].knowledge.retrieval
    return render_template("admin/search.html", question=question, result=result, answer=answer, reply=reply,
                           usable=usable, min_relevance=retrieval_cfg.min_relevance,
                           wider_min_agreement=retrieval_cfg.wider_min_agreement)


GROUP_SIMILARITY = 0.85  # cosine of the default embedder: paraphrases ("公积金怎么提取" / "如何提取公积金") ≥ 0.9


@dataclass
class QuestionGroup:
    """Unanswered questions that mean the same thing, shown as one line with their total."""

    rows: list = field(default_factory=list)

    @property
    def lead(self):
        return self.rows[0]

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rows)

    @property
    def ids(self) -> str:
        return ",".join(str(r.id) for r in self.rows)

    @property
    def last_asked(self):
        return max(r.last_asked for r in self.rows)


def group_by_meaning(rows: list) -> list[QuestionGroup]:
    """Most asked first; each question joins the first group whose lead it paraphrases
    (embedding similarity ≥ GROUP_SIMILARITY), else starts one. The embedder caches, so a
    page of the usual few hundred questions costs little after its first view."""
    if not rows:
        return []
    vectors = get_knowledge().embedder.embed([normalise_query(r.question) for r in rows])
    groups: list[QuestionGroup] = []
    leads: list[int] = []
    for i, row in enumerate(rows):
        sims = [float(vectors[i] @ vectors[j]) for j in leads]
        best = max(range(len(sims)), key=sims.__getitem__, default=None)
        if best is not None and sims[best] >= GROUP_SIMILARITY:
            groups[best].rows.append(row)
        else:
            groups.append(QuestionGroup([row]))
            leads.append(i)
    return sorted(groups, key=lambda g: (-g.count, g.lead.id))


def _ids(values: list[str]) -> list[int]:
    return [int(i) for v in values for i in v.split(",") if i.strip().isdigit()]


@bp.get("/unanswered")
@require("editor")
def unanswered():
    show = request.args.get("show", "open")
    query = select(UnansweredQuestion).order_by(UnansweredQuestion.count.desc(), UnansweredQuestion.last_asked.desc())
    if show == "open":
        query = query.where(UnansweredQuestion.handled.is_(False))
    rows = get_db().scalars(query.limit(500)).all()
    return render_template("admin/unanswered.html", groups=group_by_meaning(rows), show=show, rerun={})


@bp.post("/unanswered/handled")
@require("editor")
def unanswered_handled():
    db = get_db()
    ids = _ids(request.form.getlist("ids"))
    if not ids:
        flash(messages.UNANSWERED_NONE_PICKED, "error")
        return redirect(url_for("admin.unanswered"))
    for row in db.scalars(select(UnansweredQuestion).where(UnansweredQuestion.id.in_(ids))):
        row.handled = True
    staff_audit("unanswered.handled", "", ids=ids)
    db.commit()
    flash(messages.UNANSWERED_HANDLED.format(count=len(ids)), "ok")
    return redirect(url_for("admin.unanswered"))


@bp.post("/unanswered/rerun")
@require("editor")
def unanswered_rerun():
    """Ask the open questions again against the current index."""
    answers = get_answers()
    rows = get_db().scalars(select(UnansweredQuestion).where(UnansweredQuestion.handled.is_(False)).limit(200)).all()
    results = {}
    for row in rows:
        answer = answers.answer(row.question)
        results[str(row.id)] = {"found": answer.found, "answer": answer.text[:120]}
    found = sum(1 for r in results.values() if r["found"])
    flash(messages.UNANSWERED_RERUN.format(count=len(results), found=found), "ok")
    return render_template("admin/unanswered.html", groups=group_by_meaning(rows), show="open", rerun=results)
