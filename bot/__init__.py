"""Flask application: channels (WeChat, web chat), dialogue, admin.

``create_app`` is the only way to get an app (flaskr's factory pattern):
nothing at import time opens a database or loads a model.
"""

from __future__ import annotations

import logging
import uuid

from flask import Flask, g, jsonify, request

from bot import messages
from core.config import PROJECT_ROOT, load_config
from knowledge.service import KnowledgeBase

log = logging.getLogger(__name__)


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app from config.yaml (or $APP_CONFIG) with ``overrides`` merged over it.

    Raises core.errors.ConfigError, naming the bad key, when the configuration is invalid.
    """
    settings = load_config(overrides=overrides)
    app = Flask(__name__, instance_path=str(PROJECT_ROOT / "instance"), instance_relative_config=True)
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.server.max_body_kb * 1024
    app.json.ensure_ascii = False
    app.extensions["talent.knowledge"] = KnowledgeBase(settings)

    from bot import api

    app.register_blueprint(api.bp)
    _register_error_handlers(app)

    @app.before_request
    def _request_id() -> None:
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex[:12]

    return app


def get_knowledge() -> KnowledgeBase:
    """The process's knowledge base (opened lazily on first use)."""
    from flask import current_app

    return current_app.extensions["talent.knowledge"]


def _register_error_handlers(app: Flask) -> None:
    """HTTP errors as short JSON; never a traceback or internal detail to the user."""

    @app.errorhandler(413)
    def too_large(_exc):
        return jsonify(error=messages.TOO_LARGE), 413

    @app.errorhandler(404)
    def not_found(_exc):
        return jsonify(error=messages.NOT_FOUND_PAGE), 404

    @app.errorhandler(Exception)
    def internal(exc):
        from werkzeug.exceptions import HTTPException

        if isinstance(exc, HTTPException):
            return jsonify(error=exc.description), exc.code
        rid = getattr(g, "request_id", "-")
        log.exception("unhandled error in request %s", rid)
        return jsonify(error=messages.INTERNAL_ERROR.format(request_id=rid)), 500
