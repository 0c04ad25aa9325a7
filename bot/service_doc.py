"""The service's own rules as a document in the knowledge base ("驿站预约须知").

"驿站能住多久", "要什么条件", "驿站在哪里" are answered by the service itself:
station names, addresses, beds and rules live in the database, nights, the
booking window and eligibility in config. They are rendered into one
markdown document, indexed like any other (so answers cite it) and rebuilt
whenever staff edit a station. The index stays one-writer: the document goes
through the ingest CLI like an upload (bot/admin/jobs.py).
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import select

from bot import messages

TITLE = messages.SERVICE_DOC_TITLE


def render(app: Flask) -> str:
    """The document's markdown: its headings and sentences are messages.SERVICE_DOC_*."""
    from bot.models import Station

    settings = app.config["SETTINGS"]
    cfg = settings.booking
    with app.extensions["talent.db.read"]() as s:
        stations = list(s.scalars(select(Station).where(Station.active.is_(True)).order_by(Station.id)))
    lines = [f"# {TITLE}", "", f"## {messages.SERVICE_DOC_STATIONS}", ""]
    for st in stations:
        where = messages.SERVICE_DOC_ADDRESS.format(address=st.address) if st.address else ""
        lines.append(messages.SERVICE_DOC_STATION.format(name=st.name, where=where, beds=st.beds, rules=st.rules or ""))
    lines += ["", f"## {messages.SERVICE_DOC_ELIGIBILITY}", ""]
    lines += [q.reject for q in cfg.eligibility] or [messages.SERVICE_DOC_ANYONE]
    lines += ["", f"## {messages.SERVICE_DOC_STAY}", "",
              messages.SERVICE_DOC_NIGHTS.format(nights=cfg.max_free_nights, days=cfg.window_days), "",
              f"## {messages.SERVICE_DOC_HOW_TITLE}", "", messages.SERVICE_DOC_HOW, "", messages.BOOKING_ONE_PERSON]
    return "\n".join(lines) + "\n"


def path_for(app: Flask) -> Path:
    return Path(app.instance_path) / "service" / f"{TITLE}.md"


def write(app: Flask) -> Path:
    """Write the document if its text changed (the ingest build skips an unchanged file anyway)."""
    path = path_for(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render(app)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def publish(app: Flask) -> dict:
    """Write and index the document now (the ingest CLI in a child process); its report."""
    from bot.admin.jobs import run_ingest

    return run_ingest(app.config["SETTINGS"], _build_args(app))


def publish_in_background(app: Flask) -> str:
    """After a station edit: the same, as a console job."""
    from bot.admin.jobs import start_job

    return start_job("service-doc", _build_args(app))


def _build_args(app: Flask) -> list[str]:
    """The ingest command for the document. Its place is the deployment's own (knowledge.region):
    read from its text it would be the city its addresses name (泰州市), and a question about
    another district of that city (海陵) would be answered with these stations."""
    args = ["build", str(write(app)), "--title", TITLE]
    region = app.config["SETTINGS"].knowledge.region
    return args + ["--region", region] if region else args
