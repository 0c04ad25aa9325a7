"""Staff accounts (admin only), the audit log, and `flask staff …`."""

from __future__ import annotations

import click
from flask import current_app, flash, redirect, render_template, request, url_for
from flask.cli import AppGroup
from sqlalchemy import select
from werkzeug.security import check_password_hash

from bot import messages
from bot.admin import bp
from bot.admin.auth import ROLES, close_session, current_staff, hash_password, open_session, require, staff_audit
from bot.db import get_db, session_scope
from bot.models import AuditEntry, Staff, utcnow
from bot.people import audit

MIN_PASSWORD = 10

staff_cli = AppGroup("staff", help="Staff accounts of the console.")


def validate_password(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return messages.PASSWORD_TOO_SHORT.format(min=MIN_PASSWORD)
    if password.isdigit() or password.isalpha():
        return messages.PASSWORD_NEEDS_LETTERS_AND_DIGITS
    return None


@staff_cli.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.password_option(prompt="Password", confirmation_prompt=True, help="asked for; never a default")
def create_cmd(name: str, role: str, password: str) -> None:
    """Create a staff account (the password is asked for)."""
    problem = validate_password(password)
    if problem:
        raise click.ClickException(f"password rejected: {problem}")
    with session_scope(current_app) as s:
        if s.scalar(select(Staff).where(Staff.name == name)) is not None:
            raise click.ClickException(f"staff account {name!r} already exists")
        s.add(Staff(name=name, password_hash=hash_password(password), role=role, active=True, failed_logins=0,
                    created_at=utcnow()))
        audit(s, "cli", "staff.create", name, role=role)
    click.echo(f"created {role} account {name}")


@staff_cli.command("list")
def list_cmd() -> None:
    """List staff accounts."""
    with session_scope(current_app) as s:
        for st in s.scalars(select(Staff).order_by(Staff.name)):
            click.echo(f"{st.name:20} {st.role:7} {'active' if st.active else 'disabled'}")


@staff_cli.command("password")
@click.argument("name")
@click.password_option(prompt="New password", confirmation_prompt=True)
def password_cmd(name: str, password: str) -> None:
    """Set a new password (and unlock the account)."""
    problem = validate_password(password)
    if problem:
        raise click.ClickException(f"password rejected: {problem}")
    with session_scope(current_app) as s:
        st = s.scalar(select(Staff).where(Staff.name == name))
        if st is None:
            raise click.ClickException(f"no staff account {name!r}")
        st.password_hash, st.failed_logins, st.locked_until = hash_password(password), 0, None
        audit(s, "cli", "staff.password", name)
    click.echo(f"password changed for {name}")


@bp.get("/staff")
@require("admin")
def staff_list():
    accounts = get_db().scalars(select(Staff).order_by(Staff.name)).all()
    return render_template("admin/staff.html", accounts=accounts, roles=ROLES)


@bp.post("/staff")
@require("admin")
def staff_create():
    db = get_db()
    name, role, password = request.form.get("name", "").strip(), request.form.get("role", ""), request.form.get(
        "password", "")
    problem = validate_password(password)
    if not name or role not in ROLES:
        flash(messages.STAFF_FORM_INCOMPLETE, "error")
    elif problem:
        flash(messages.STAFF_WEAK_PASSWORD.format(problem=problem), "error")
    elif db.scalar(select(Staff).where(Staff.name == name)) is not None:
        flash(messages.STAFF_EXISTS, "error")
    else:
        db.add(Staff(name=name, password_hash=hash_password(password), role=role, active=True, failed_logins=0,
                     created_at=utcnow()))
        staff_audit("staff.create", name, role=role)
        db.commit()
        flash(messages.STAFF_CREATED.format(name=name), "ok")
    return redirect(url_for("admin.staff_list"))


class _Refused(Exception):
    """An admin action on an account that cannot be done as asked; the message is shown (Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _on_other_account(staff_id: int, change):
    """The shape of every admin action on an account: find it — never one's own, so an admin
    cannot lock themselves out by a slip —, let ``change(st)`` apply it (returning the notice to
    show, or None, or raising _Refused), commit it with its audit entry, back to the list."""
    st = get_db().get(Staff, staff_id)
    if st is not None and st.id != current_staff().id:
        try:
            notice = change(st)
        except _Refused as refused:
            flash(refused.message, "error")
        else:
            get_db().commit()
            if notice:
                flash(notice, "ok")
    return redirect(url_for("admin.staff_list"))


@bp.post("/staff/<int:staff_id>/toggle")
@require("admin")
def staff_toggle(staff_id: int):
    def change(st: Staff) -> None:
        st.active = not st.active
        st.failed_logins, st.locked_until = 0, None
        staff_audit("staff.enable" if st.active else "staff.disable", st.name)

    return _on_other_account(staff_id, change)


@bp.post("/staff/<int:staff_id>/password")
@require("admin")
def staff_password(staff_id: int):
    """Reset a password: the account is unlocked and every session it had ends (bot.admin.auth)."""
    password = request.form.get("password", "")

    def change(st: Staff) -> str:
        problem = validate_password(password)
        if problem:
            raise _Refused(messages.STAFF_WEAK_PASSWORD.format(problem=problem))
        st.password_hash, st.failed_logins, st.locked_until = hash_password(password), 0, None
        staff_audit("staff.password", st.name)
        return messages.STAFF_PASSWORD_RESET.format(name=st.name)

    return _on_other_account(staff_id, change)


@bp.post("/staff/<int:staff_id>/role")
@require("admin")
def staff_role(staff_id: int):
    role = request.form.get("role", "")

    def change(st: Staff) -> str | None:
        if role not in ROLES or role == st.role:
            return None
        staff_audit("staff.role", st.name, old=st.role, new=role)
        st.role = role
        return messages.STAFF_ROLE_CHANGED.format(name=st.name)

    return _on_other_account(staff_id, change)


@bp.post("/staff/<int:staff_id>/unlock")
@require("admin")
def staff_unlock(staff_id: int):
    def change(st: Staff) -> str:
        st.failed_logins, st.locked_until = 0, None
        staff_audit("staff.unlock", st.name)
        return messages.STAFF_UNLOCKED.format(name=st.name)

    return _on_other_account(staff_id, change)


@bp.route("/account", methods=["GET", "POST"])
@require()
def own_account():
    """Any staff member changes their own password. Every other session of the account ends
    (their fingerprint of the old hash no longer matches, bot.admin.auth); this one goes on
    under a new session id."""
    if request.method == "GET":
        return render_template("admin/account.html")
    db = get_db()
    st = db.get(Staff, current_staff().id)
    new = request.form.get("new_password", "")
    problem = validate_password(new)
    if not check_password_hash(st.password_hash, request.form.get("password", "")):
        flash(messages.OWN_PASSWORD_WRONG, "error")
    elif problem:
        flash(messages.STAFF_WEAK_PASSWORD.format(problem=problem), "error")
    elif new != request.form.get("confirm", ""):
        flash(messages.OWN_PASSWORD_MISMATCH, "error")
    else:
        st.password_hash = hash_password(new)
        staff_audit("staff.password", st.name, by="self")
        db.commit()
        close_session()
        open_session(st)
        flash(messages.OWN_PASSWORD_CHANGED, "ok")
        return redirect(url_for("admin.dashboard"))
    return render_template("admin/account.html"), 400


@bp.get("/audit")
@require("admin")
def audit_log():
    entries = get_db().scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(300)).all()
    return render_template("admin/audit.html", entries=entries)
