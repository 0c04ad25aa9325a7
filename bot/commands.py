"""``flask …`` commands (app.cli): operations that need the app's configuration."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext


def register_commands(app: Flask) -> None:
    app.cli.add_command(wechat_group)
    app.cli.add_command(tickets_group)
    app.cli.add_command(service_doc_cmd)


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
            click.echo(f"{m.author}: {m.text}")


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
