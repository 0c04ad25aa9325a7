"""Helpers for console tests: create staff through the real CLI, log in with the CSRF token."""

from __future__ import annotations

import re

PASSWORD = "s3cret-passw0rd"


def create_staff(app, name: str, role: str, password: str = PASSWORD) -> None:
    result = app.test_cli_runner().invoke(args=["staff", "create", name, "--role", role],
                                          input=f"{password}\n{password}\n")
    assert result.exit_code == 0, result.output


def csrf_token(client, path: str = "/admin/login") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def login(client, name: str, password: str = PASSWORD):
    token = csrf_token(client)
    return client.post("/admin/login", data={"name": name, "password": password, "csrf_token": token})


def browser_login(page, base: str, name: str, password: str = PASSWORD) -> None:
    """Log in through the console's login form in a real browser page, landing on the dashboard."""
    page.goto(f"{base}/admin/login")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("#login")
    page.wait_for_url(f"{base}/admin/")
