"""WSGI entry point for gunicorn: ``gunicorn bot.wsgi:app``.

Each worker loads its models and the index while it boots, so it accepts
requests only once it can answer them quickly.
"""

import logging

from bot import create_app

app = create_app()
try:
    app.extensions["talent.dialogue"].warm_up()
except Exception:  # no index yet, Chroma server down: answer anyway, load on first use
    logging.getLogger(__name__).warning("warm-up failed; models load on the first question", exc_info=True)
