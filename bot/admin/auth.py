"""Staff login, roles and the guard every console view sits behind.

Failed logins slow down, then lock: from the 3rd failure in a row the account
must wait (5 s, 10 s, 20 s …) before the next try, and from the 6th it is
locked for ``LOCK_MINUTES``. A per-address counter stops one client from
trying many accounts. Passwords are hashed with werkzeug (scrypt).
"""

from __future__ import annotations

import functools
import math
import hashlib
import json
import secrets
import time
from datetime import timedelta

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from bot import messages
from bot.admin import bp
from bot.db import get_db
from bot.models import Staff, utcnow
from bot.people import audit

ROLES = ("editor", "agent", "admin")
LOCK_AFTER = 6
LOCK_MINUTES = 15
SLOW_AFTER = 3
MAX_FAILURES_PER_ADDRESS = 30  # per 15 minutes, over all accounts


def hash_password(password: str) -> str:
    return generate_password_hash(password)


# Console sessions live on the server (the shared store, key "staff-session:<id>"); the signed
# cookie holds only the id. So logout ends the session even for a copied cookie, a session
# idle for web.staff_idle_minutes expires, and a password change ends every session of the
# account (each session remembers a fingerprint of the password hash it was opened with).
_SESSION_KEY = "staff-session:{}"
_REFRESH_S = 60  # the idle clock is pushed back at most once a minute (a write)


def _fingerprint(staff: Staff) -> str:
    return hashlib.sha256(staff.password_hash.encode()).hexdigest()[:16]


def _idle_s() -> int:
    return current_app.config["SETTINGS"].web.staff_idle_minutes * 60


def open_session(staff: Staff) -> None:
    sid = secrets.token_urlsafe(24)
    record = {"staff": staff.id, "pw": _fingerprint(staff), "seen": time.time()}
    _store().set_value(_SESSION_KEY.format(sid), json.dumps(record), _idle_s())
    session.clear()
    session["sid"] = sid
    session.permanent = False


def close_session() -> None:
    sid = session.get("sid")
    if sid:
        _store().delete_value(_SESSION_KEY.format(sid))
    session.clear()


def _store():
    return current_app.extensions["talent.dialogue"].store


def current_staff() -> Staff | None:
    """The logged-in staff member, loaded in a short session of its own.

    Not through ``get_db()``: on SQLite every transaction holds the write
    lock (bot.db), and the view may still call the shared store afterwards.
    """
    if "staff" not in g:
        g.staff = None
        sid = session.get("sid")
        raw = _store().get_value(_SESSION_KEY.format(sid)) if sid else None
        if raw:
            record = json.loads(raw)
            with current_app.extensions["talent.db"]() as s:
                staff = s.get(Staff, record["staff"])
                if staff is not None:
                    s.expunge(staff)
            if staff is not None and staff.active and record.get("pw") == _fingerprint(staff):
                g.staff = staff
                if time.time() - record.get("seen", 0) > _REFRESH_S:
                    record["seen"] = time.time()
                    _store().set_value(_SESSION_KEY.format(sid), json.dumps(record), _idle_s())
    return g.staff


def can(role: str) -> bool:
    """editor: knowledge base; agent: tickets and bookings; admin: everything."""
    staff = current_staff()
    return staff is not None and (staff.role == "admin" or staff.role == role)


def _here() -> str:
    """This request's path and query, to come back to after logging in (werkzeug's full_path
    ends in a bare "?" when there is no query: /admin/docs?)."""
    query = request.query_string.decode("utf-8", "replace")
    return f"{request.path}?{query}" if query else request.path


def require(role: str | None = None):
    """Guard a view: log in first (redirect), then the role (403)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if current_staff() is None:
                return redirect(url_for("admin.login", next=_here()))
            if role is not None and not can(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def staff_audit(action: str, target: str = "", **detail) -> None:
    """Audit an action of the logged-in staff member (committed with the view's session)."""
    staff = current_staff()
    audit(get_db(), f"staff:{staff.name if staff else '?'}", action, target, **detail)


def _address_key() -> str:
    return f"login-failures:{request.remote_addr}"


def _address_blocked() -> bool:
    store = current_app.extensions["talent.dialogue"].store
    return store.peek(_address_key(), 900) >= MAX_FAILURES_PER_ADDRESS


def _note_address_failure() -> None:
    current_app.extensions["talent.dialogue"].store.incr(_address_key(), 900)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("admin/login.html")
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    if _address_blocked():  # before get_db(): the store opens its own session
        flash(messages.LOGIN_TOO_MANY, "error")
        return render_template("admin/login.html", name=name), 429
    db = get_db()
    staff = db.scalar(select(Staff).where(Staff.name == name))
    now = utcnow()
    if staff is not None and staff.locked_until and staff.locked_until > now:
        wait = max(1, math.ceil((staff.locked_until - now).total_seconds()))
        flash(messages.LOGIN_WAIT.format(seconds=wait) if wait < 120 else messages.LOGIN_LOCKED.format(
            minutes=-(-wait // 60)), "error")  # whole minutes, rounded up: a 15-minute lock says 15
        return render_template("admin/login.html", name=name), 429
    if staff is None or not staff.active or not check_password_hash(staff.password_hash, password):
        if staff is not None:
            staff.failed_logins += 1
            if staff.failed_logins >= LOCK_AFTER:
                staff.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                audit(db, f"staff:{staff.name}", "login.locked", staff.name, failures=staff.failed_logins)
            elif staff.failed_logins >= SLOW_AFTER:
                staff.locked_until = now + timedelta(seconds=5 * 2 ** (staff.failed_logins - SLOW_AFTER))
            audit(db, f"staff:{staff.name}", "login.failed", staff.name, address=request.remote_addr)
        db.commit()
        _note_address_failure()
        flash(messages.LOGIN_FAILED, "error")
        return render_template("admin/login.html", name=name), 401
    staff.failed_logins, staff.locked_until, staff.last_login = 0, None, now
    audit(db, f"staff:{staff.name}", "login", staff.name, address=request.remote_addr)
    db.commit()
    open_session(staff)
    target = request.args.get("next", "")
    if not target.startswith("/admin") or target.startswith("//"):
        target = url_for("admin.dashboard")
    return redirect(target)


@bp.post("/logout")
def logout():
    staff = current_staff()
    if staff is not None:
        audit(get_db(), f"staff:{staff.name}", "logout", staff.name)
        get_db().commit()
    close_session()
    return redirect(url_for("admin.login"))


@bp.app_context_processor
def _inject():
    return {"staff": current_staff() if request.path.startswith("/admin") else None, "can": can}
