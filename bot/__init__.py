"""Flask application: channels (WeChat, web chat), dialogue, admin.

``create_app`` is the only way to get an app (flaskr's factory pattern):
nothing at import time opens a database or loads a model.
"""

from __future__ import annotations

import logging
import uuid

from flask import Flask, g, jsonify, request

from bot import messages
from core.config import load_config
from knowledge.service import KnowledgeBase

log = logging.getLogger(__name__)


def create_app(overrides: dict | None = None, embedder=None) -> Flask:
    """Build the app from config.yaml (or $APP_CONFIG) with ``overrides`` merged over it.

    ``overrides["instance_path"]`` (or ``server.instance_dir``) moves the instance
    folder (SQLite, uploads, the cookie key) away from the project's ``instance/``;
    tests use their own.
    ``embedder``: an already loaded one for the configured model (tests share one between apps).
    Raises core.errors.ConfigError, naming the bad key, when the configuration is invalid.
    """
    overrides = dict(overrides or {})
    instance_path = overrides.pop("instance_path", None)
    settings = load_config(overrides=overrides)
    instance_path = instance_path or settings.path(settings.server.instance_dir)
    app = Flask(__name__, instance_path=str(instance_path), instance_relative_config=True)
    app.config["SETTINGS"] = settings
    dialogue_cfg = settings.dialogue
    messages.use_deployment_words(dialogue_cfg.district, dialogue_cfg.assistant_name, dialogue_cfg.topics)
    app.config["MAX_CONTENT_LENGTH"] = settings.server.max_body_kb * 1024
    app.json.ensure_ascii = False
    app.secret_key = _secret_key(app)
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=settings.web.secure_cookies)
    knowledge = KnowledgeBase(settings, embedder=embedder)
    app.extensions["talent.knowledge"] = knowledge

    from bot import api, booking_api, db, webchat, wechat
    from bot.dialogue import Dialogue
    from bot.store import make_store

    db.init_app(app)
    sessions = app.extensions["talent.db"]
    read_sessions = app.extensions["talent.db.read"]
    store = make_store(sessions, settings.redis.url, settings.dialogue.seen_ttl_hours * 3600,
                       read_sessions=read_sessions)
    from bot.faq import StandardAnswers

    answers = StandardAnswers(settings, knowledge, read_sessions)
    app.extensions["talent.answers"] = answers
    from bot.conversation_records import ConversationRecords

    records = ConversationRecords(sessions, read_sessions, settings.log.retention_days)
    app.extensions["talent.records"] = records
    app.extensions["talent.dialogue"] = Dialogue(settings, knowledge, store, records, sessions, read_sessions,
                                                 answers)

    from flask_wtf.csrf import CSRFProtect

    from bot import admin
    from bot.admin.knowledge_views import upload_limit
    from bot.admin.staff_views import staff_cli

    app.before_request(upload_limit)  # before CSRFProtect's own hook, which reads the form
    csrf = CSRFProtect(app)
    if settings.server.trusted_proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Behind nginx: the client address (login throttling, logs) comes from X-Forwarded-For.
        n = settings.server.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    # Machine and visitor endpoints: WeChat signs its requests; the chat and
    # booking APIs take JSON from anonymous visitors with SameSite cookies.
    for public in (api.bp, webchat.bp, booking_api.bp, wechat.bp):
        csrf.exempt(public)
        app.register_blueprint(public, **({"url_prefix": settings.wechat.path} if public is wechat.bp else {}))
    app.register_blueprint(admin.bp)
    app.cli.add_command(staff_cli)
    app.jinja_env.filters["datetime"] = _format_datetime
    app.jinja_env.filters["audit_action"] = lambda code: messages.AUDIT_ACTIONS.get(code, code)
    app.jinja_env.filters["audit_actor"] = _audit_actor
    app.jinja_env.filters["audit_detail"] = _audit_detail
    _register_error_handlers(app)

    from bot.commands import register_commands

    register_commands(app)

    @app.before_request
    def _request_id() -> None:
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex[:12]

    return app


def _secret_key(app: Flask) -> str:
    """$SECRET_KEY, or a random key kept in instance/ so all local workers share it."""
    import os
    import secrets
    from pathlib import Path

    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = Path(app.instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # first worker wins
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def get_dialogue():
    from flask import current_app

    return current_app.extensions["talent.dialogue"]


def get_records():
    """The message log, unanswered questions and pending deliveries (bot/conversation_records.py)."""
    from flask import current_app

    return current_app.extensions["talent.records"]


def get_answers():
    """The process's answer entry point: standard answers first, then the documents (bot/faq.py)."""
    from flask import current_app

    return current_app.extensions["talent.answers"]


def get_knowledge() -> KnowledgeBase:
    """The process's knowledge base (opened lazily on first use)."""
    from flask import current_app

    return current_app.extensions["talent.knowledge"]


def _audit_actor(actor: str) -> str:
    """"staff:alice" → alice, "user:web:…" → 用户 web:…, "cli" → 命令行 (the audit log page)."""
    kind, _, who = (actor or "").partition(":")
    if kind == "staff" and who:
        return who
    if kind == "user" and who:
        return messages.AUDIT_ACTORS["user"].format(who=who)
    return messages.AUDIT_ACTORS.get(actor, actor)


def _audit_detail(detail) -> str:
    """An audit entry's detail as "原因：…；成功：否" rather than JSON with English keys."""
    from bot.admin.jobs import doc_reason

    def value(key, v):
        if isinstance(v, (list, tuple)):
            return "、".join(str(x) for x in v)
        if key == "reason" and isinstance(v, str) and v:
            return doc_reason(v)
        if isinstance(v, bool) or v is None or v in ("self", "True", "False"):
            return messages.AUDIT_VALUES[{"True": True, "False": False}.get(v, v)]
        return str(v)

    if not isinstance(detail, dict):
        return "" if detail is None else str(detail)
    return "；".join(f"{messages.AUDIT_KEYS.get(k, k)}：{value(k, v)}" for k, v in detail.items())


def _format_datetime(value) -> str:
    """Stored UTC times shown in the users' time zone (booking.timezone), to the minute."""
    from flask import current_app

    from bot.dates import local_time

    return local_time(value, current_app.config["SETTINGS"].booking.timezone)


def _register_error_handlers(app: Flask) -> None:
    """HTTP errors as short JSON (HTML in the console); never a traceback or internal detail."""
    from flask_wtf.csrf import CSRFError

    def wants_html() -> bool:
        return request.path.startswith("/admin")

    @app.errorhandler(CSRFError)
    def csrf_failed(_exc):
        if wants_html():
            from flask import render_template

            return render_template("admin/error.html", message=messages.CSRF_FAILED), 400
        return jsonify(error=messages.CSRF_FAILED), 400

    @app.errorhandler(403)
    def forbidden(_exc):
        if wants_html():
            from flask import render_template

            return render_template("admin/error.html", message=messages.FORBIDDEN), 403
        return jsonify(error=messages.FORBIDDEN), 403

    @app.errorhandler(413)
    def too_large(_exc):
        from flask import flash, redirect, request, url_for

        if request.path.startswith("/admin/docs"):  # a console upload: say so on the page, naming the limit
            mb = app.config["SETTINGS"].ingest.max_file_mb
            flash(messages.UPLOAD_TOO_LARGE.format(mb=f"{mb:g}"), "error")
            return redirect(url_for("admin.docs"), 303)
        return jsonify(error=messages.TOO_LARGE), 413

    def console_page(message: str, code: int):
        from flask import render_template

        return render_template("admin/error.html", message=message), code

    @app.errorhandler(404)
    def not_found(_exc):
        if wants_html():
            return console_page(messages.NOT_FOUND_CONSOLE, 404)
        return jsonify(error=messages.NOT_FOUND_PAGE), 404

    @app.errorhandler(Exception)
    def internal(exc):
        from werkzeug.exceptions import HTTPException

        from bot.wechat import is_outage

        if isinstance(exc, HTTPException):
            # Werkzeug's descriptions are English ("The method is not allowed…"): say it in Chinese.
            message = {405: messages.METHOD_NOT_ALLOWED}.get(
                exc.code, messages.BUSY if (exc.code or 500) >= 500 else messages.BAD_REQUEST)
            if wants_html():
                return console_page(message, exc.code)
            return jsonify(error=message), exc.code
        rid = getattr(g, "request_id", "-")
        if is_outage(exc):
            log.error("request %s: database/Redis unavailable: %s", rid, str(exc).splitlines()[0][:200])
            return jsonify(error=messages.BUSY), 503
        log.exception("unhandled error in request %s", rid)
        return jsonify(error=messages.INTERNAL_ERROR.format(request_id=rid)), 500
