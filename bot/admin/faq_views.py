"""Standard answers (标准问答) in the console: add, edit, disable, delete, search.

"写标准答案" on 未答问题 and 检索测试 opens the form here with the question filled in;
saved from an unanswered question, that question is marked handled. Workers pick
a save up within ``faq.refresh_s`` (bot/faq.py).
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from bot import faq, get_knowledge, messages
from bot.admin import bp
from bot.admin.auth import current_staff, require, staff_audit
from bot.admin.forms import id_list
from bot.db import get_db
from bot.models import FaqEntry, UnansweredQuestion


def _form() -> tuple[str, str, list[str], str]:
    f = request.form
    aliases = [line.strip() for line in (f.get("aliases") or "").splitlines() if line.strip()]
    return f.get("question", ""), f.get("answer", ""), aliases, f.get("source", "")


def _same_question(db, phrasings: list[str]) -> FaqEntry | None:
    """An enabled entry a new question (or one of its phrasings) would be matched as: two such
    entries answer the same question, and users only ever get one of them."""
    from flask import current_app

    matcher = faq.matcher_of(db, current_app.config["SETTINGS"].faq, get_knowledge().embedder)
    if matcher is None:
        return None
    for phrasing in phrasings:
        hit = matcher.match(phrasing)
        if hit is not None:
            return db.get(FaqEntry, hit.item.id)
    return None


@bp.get("/faq")
@require("editor")
def faq_list():
    search = (request.args.get("q") or "").strip()
    return render_template("admin/faq.html", rows=faq.entries(get_db(), search), search=search,
                           draft={"question": request.args.get("question", ""),
                                  "unanswered": request.args.get("unanswered", "")})


@bp.post("/faq")
@require("editor")
def faq_add():
    db = get_db()
    question, answer, aliases, source = _form()
    same = _same_question(db, [question, *aliases]) if question.strip() else None
    try:
        entry = faq.add(db, question, answer, aliases, source, actor=f"staff:{current_staff().name}")
    except faq.FaqError as exc:
        flash(exc.message, "error")
        return redirect(url_for("admin.faq_list", question=question))
    ids = id_list(request.form.getlist("unanswered"))
    for row in db.scalars(select(UnansweredQuestion).where(UnansweredQuestion.id.in_(ids))):
        row.handled = True  # the whole group of questions it answers
    staff_audit("faq.add", str(entry.id), question=entry.question)
    db.commit()
    flash(messages.FAQ_SAVED.format(question=entry.question), "ok")
    if same is not None:
        flash(messages.FAQ_SAME_AS.format(other=same.question, id=same.id), "error")
    return redirect(url_for("admin.faq_list"))


@bp.route("/faq/<int:entry_id>", methods=["GET", "POST"])
@require("editor")
def faq_edit(entry_id: int):
    db = get_db()
    entry = db.get(FaqEntry, entry_id)
    if entry is None:
        flash(messages.FAQ_MISSING, "error")
        return redirect(url_for("admin.faq_list"))
    if request.method == "POST":
        question, answer, aliases, source = _form()
        try:
            faq.update(db, entry_id, question, answer, aliases, source, enabled="enabled" in request.form)
        except faq.FaqError as exc:
            flash(exc.message, "error")
            return render_template("admin/faq_edit.html", entry=entry)
        staff_audit("faq.edit", str(entry_id), question=question)
        db.commit()
        flash(messages.FAQ_SAVED.format(question=question), "ok")
        return redirect(url_for("admin.faq_list"))
    return render_template("admin/faq_edit.html", entry=entry)


@bp.post("/faq/<int:entry_id>/toggle")
@require("editor")
def faq_toggle(entry_id: int):
    db = get_db()
    try:
        entry = faq.set_enabled(db, entry_id, not db.scalar(select(FaqEntry.enabled).where(FaqEntry.id == entry_id)))
    except faq.FaqError as exc:
        flash(exc.message, "error")
        return redirect(url_for("admin.faq_list"))
    staff_audit("faq.enable" if entry.enabled else "faq.disable", str(entry_id))
    db.commit()
    flash((messages.FAQ_ENABLED if entry.enabled else messages.FAQ_DISABLED).format(question=entry.question), "ok")
    return redirect(url_for("admin.faq_list"))


@bp.post("/faq/<int:entry_id>/delete")
@require("editor")
def faq_delete(entry_id: int):
    db = get_db()
    try:
        entry = faq.remove(db, entry_id)
    except faq.FaqError as exc:
        flash(exc.message, "error")
        return redirect(url_for("admin.faq_list"))
    staff_audit("faq.remove", str(entry_id), question=entry.question)
    db.commit()
    flash(messages.FAQ_DELETED.format(question=entry.question), "ok")
    return redirect(url_for("admin.faq_list"))
