"""``flask …`` commands (app.cli): operations that need the app's configuration."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup


def register_commands(app: Flask) -> None:
    app.cli.add_command(wechat_group)


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
