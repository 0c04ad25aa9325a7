"""gunicorn settings for production: ``gunicorn -c deploy/gunicorn.conf.py bot.wsgi:app``.

Run from the project root (systemd's WorkingDirectory, the image's WORKDIR).
Environment knobs (all optional):

  GUNICORN_BIND         address to listen on            (default 127.0.0.1:8000)
  GUNICORN_WORKERS      worker processes                (default 2 x CPU cores)
  GUNICORN_THREADS      threads per worker              (default 4)
  FORWARDED_ALLOW_IPS   proxies trusted for X-Forwarded-Proto (default 127.0.0.1,::1)
  GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket (default: none)

Every worker loads its own embedder (a few hundred MB): lower GUNICORN_WORKERS
on small machines rather than starving them of memory.
"""

import multiprocessing
import os


def _env(name: str, default):
    """The variable's value, or ``default`` when it is unset or empty (as in env.example)."""
    return os.environ.get(name) or default


bind = _env("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(_env("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))

# "sync" with threads > 1 is gunicorn's threaded worker (gthread): a slow
# answer does not block the other requests of the same process, and the
# process stays up between requests, so the WeChat webhook's background
# threads (answers that miss the 5-second window and are pushed later through
# the customer-service API) keep running after their request has returned.
worker_class = "sync"
threads = int(_env("GUNICORN_THREADS", 4))

# A request that takes longer than this kills its worker. Nothing legitimate
# does: WeChat replies within wechat.reply_deadline_s, the LLM within its timeout_s.
timeout = 30
# On restart/stop (SIGTERM, HUP, max_requests) a worker stops accepting, then
# the interpreter waits for the late-answer threads before it exits. Give them
# this long before the worker is killed; systemd's TimeoutStopSec must exceed it.
graceful_timeout = 30
# nginx keeps upstream connections open (see deploy/nginx/talent.conf).
keepalive = 15

# Recycle workers now and then (a slow leak cannot grow for ever); the jitter
# keeps them from all restarting at once.
max_requests = 2000
max_requests_jitter = 200

accesslog = "-"
errorlog = "-"
loglevel = _env("GUNICORN_LOGLEVEL", "info")
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(M)sms rid=%({x-request-id}i)s "%(a)s"'

# Trust X-Forwarded-Proto (https) only from nginx.
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

proc_name = "talent"

# gunicorn's control socket (for `gunicornc`) defaults to ~/.gunicorn/gunicorn.ctl,
# shared by every gunicorn of the same user and read-only under systemd's
# ProtectSystem=strict: off unless a path is given (e.g. /run/talent/gunicorn.ctl).
if _env("GUNICORN_CONTROL_SOCKET", None):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True


def on_starting(server):
    """Refuse to start when the configuration is invalid or a configured server is down.

    Same check as ``python -m bot check``: the operator reads "database at
    postgresql+psycopg://db:5432/talent is unreachable" once, instead of
    watching workers crash in a loop.
    """
    from bot.health import check_servers
    from core.config import load_config
    from core.errors import TalentError

    try:
        settings = load_config()
    except TalentError as exc:
        server.log.error("configuration: %s", exc)
        raise SystemExit(1) from None
    problems = check_servers(settings)
    for problem in problems:
        server.log.error("start-up check: %s", problem)
    if problems:
        raise SystemExit(1)
    server.log.info("start-up check: configuration valid, every configured server answers")
