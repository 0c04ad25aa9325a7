"""``flask …`` commands (app.cli): operations that need the app's configuration."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext


def register_commands(app: Flask) -> None:
    app.cli.add_command(wechat_group)
    app.cli.add_command(tickets_group)
    app.cli.add_command(service_doc_cmd)
    app.cli.add_command(faq_group)
    app.cli.add_command(log_group)


@click.command("service-doc")
@with_appcontext
def service_doc_cmd() -> None:
    """Index the service's own rules (stations, nights, conditions) as the document 驿站预约须知."""
    from bot import service_doc
    from bot.admin.jobs import IngestFailed

    try:
        report = service_doc.publish(current_app._get_current_object())
    except IngestFailed as exc:
        raise click.ClickException(exc.reason) from None
    state = "updated" if report["generation"] else "unchanged"
    click.echo(f"{service_doc.TITLE}: {state}")


wechat_group = AppGroup("wechat", help="WeChat official-account operations.")


@wechat_group.command("menu")
def push_menu() -> None:
    """Push the custom menu defined in config (wechat.menu) to WeChat."""
    from bot.wechat_client import get_client

    cfg = current_app.config["SETTINGS"].wechat
    if not cfg.menu.get("button"):
        raise click.ClickException("wechat.menu has no buttons")
    if not (cfg.appid and cfg.secret):
        raise click.ClickException("set WECHAT_APPID and WECHAT_SECRET first")
    result = get_client(current_app).menu.create(cfg.menu)
    click.echo(f"menu pushed: {len(cfg.menu['button'])} buttons ({result.get('errmsg', 'ok')})")


tickets_group = AppGroup("tickets", help="Service tickets: list, read, reply, close.")


@tickets_group.command("list")
@click.option("--status", type=click.Choice(["open", "answered", "closed"]))
def tickets_list(status: str | None) -> None:
    """List tickets, newest first."""
    from sqlalchemy import select

    from bot.models import Ticket
    from bot.tickets import STATUS_LABELS

    with current_app.extensions["talent.db"]() as s:
        query = select(Ticket).order_by(Ticket.id.desc())
        if status:
            query = query.where(Ticket.status == status)
        rows = s.scalars(query).all()
        for t in rows:
            click.echo(f"{t.number}  {STATUS_LABELS[t.status]}  {t.created_at:%Y-%m-%d %H:%M}  {t.text[:40]}")
        click.echo(f"{len(rows)} tickets")


@tickets_group.command("show")
@click.argument("number")
def tickets_show(number: str) -> None:
    """Show a ticket: the conversation before it, then its messages."""
    from bot.tickets import STATUS_LABELS, TicketError, get_by_number, thread, user_of

    with current_app.extensions["talent.db"]() as s:
        try:
            t = get_by_number(s, number)
        except TicketError as exc:
            raise click.ClickException(exc.message) from None
        click.echo(f"{t.number} ({STATUS_LABELS[t.status]}) {t.category} from {user_of(s, t).user_key}, "
                   f"opened {t.created_at:%Y-%m-%d %H:%M} UTC")
        if t.context:
            click.echo("conversation before the ticket:")
        for m in t.context or []:
            click.echo(f"  [{m.get('direction', '?')}] {m.get('text', '')}")
        for m in thread(s, t):
            click.echo(f"{m.author}{' (internal note)' if m.internal else ''}: {m.text}")


@tickets_group.command("reply")
@click.argument("number")
@click.argument("text")
@click.option("--staff", "staff_name", default="staff", show_default=True, help="who is answering")
def tickets_reply(number: str, text: str, staff_name: str) -> None:
    """Reply to a ticket; the user gets it in their chat."""
    from bot.tickets import TicketError, reply_and_notify

    try:
        how = reply_and_notify(current_app._get_current_object(), number, staff_name, text)
    except TicketError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"replied to {number.strip().upper()} ({_delivered(how)})")


@tickets_group.command("close")
@click.argument("number")
@click.option("--reason", default="")
def tickets_close(number: str, reason: str) -> None:
    """Close a ticket and tell the user."""
    from bot.tickets import TicketError, close_and_notify

    try:
        how = close_and_notify(current_app._get_current_object(), number, "cli", reason)
    except TicketError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(f"closed {number.strip().upper()} ({_delivered(how)})")


def _delivered(how: str) -> str:
    return "sent through WeChat" if how == "pushed" else "queued for the chat"


faq_group = AppGroup("faq", help="Standard answers (标准问答), matched before the documents.")


def _faq_write(action, audit_action: str, **detail):
    """Run one change in a transaction with its audit entry; a FaqError is a clean CLI error."""
    from bot.faq import FaqError
    from bot.people import audit

    with current_app.extensions["talent.db"]() as s:
        try:
            result = action(s)
        except FaqError as exc:
            raise click.ClickException(exc.message) from None
        audit(s, "cli", audit_action, str(getattr(result, "id", "")), **detail)
        s.commit()
        return result


@faq_group.command("add")
@click.argument("question")
@click.argument("answer")
@click.option("--alias", "aliases", multiple=True, help="another phrasing of the question (repeatable)")
@click.option("--source", default="", help="title of the document the answer comes from")
def faq_add(question: str, answer: str, aliases: tuple[str, ...], source: str) -> None:
    """Add a standard answer; every worker uses it within faq.refresh_s seconds."""
    from bot import faq

    entry = _faq_write(lambda s: faq.add(s, question, answer, list(aliases), source, "cli"), "faq.add",
                       question=question)
    click.echo(f"{entry.id}  added: {entry.question}")


@faq_group.command("list")
@click.option("--search", default="", help="only entries whose question or answer contains this")
def faq_list(search: str) -> None:
    """One line per standard answer, its id first."""
    from bot import faq

    with current_app.extensions["talent.db"]() as s:
        rows = faq.entries(s, search)
        for e in rows:
            state = "" if e.enabled else "  [disabled]"
            aliases = f"  (+{len(e.aliases)} other wordings)" if e.aliases else ""
            click.echo(f"{e.id}  {e.question}{aliases}  → {e.answer[:40]}{state}")
        click.echo(f"{len(rows)} entries")


@faq_group.command("remove")
@click.argument("entry_id", type=int)
def faq_remove(entry_id: int) -> None:
    """Delete a standard answer."""
    from bot import faq

    entry = _faq_write(lambda s: faq.remove(s, entry_id), "faq.remove")
    click.echo(f"{entry_id}  removed: {entry.question}")


@faq_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def faq_import(path: str) -> None:
    """Add standard answers from a CSV: question,answer[,aliases separated by |[,source]]."""
    from pathlib import Path

    from bot import faq

    count = _faq_write(lambda s: faq.import_csv(s, Path(path), "cli"), "faq.import", file=Path(path).name)
    click.echo(f"{count} added")


log_group = AppGroup("log", help="The conversation log (对话记录).")


@log_group.command("prune")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="keep this many days (default: log.retention_days)")
def log_prune(days: int | None) -> None:
    """Delete messages older than the retention period (workers also do this hourly)."""
    from bot.convlog import prune
    from bot.people import audit

    days = days or current_app.config["SETTINGS"].log.retention_days
    with current_app.extensions["talent.db"]() as s:
        deleted = prune(s, days)
        audit(s, "cli", "log.prune", "", days=days, deleted=deleted)
        s.commit()
    click.echo(f"{deleted} messages older than {days} days deleted")
