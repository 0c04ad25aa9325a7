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

TITLE = "驿站预约须知"


def render(app: Flask) -> str:
    from bot.models import Station

    settings = app.config["SETTINGS"]
    cfg = settings.booking
    with app.extensions["talent.db.read"]() as s:
        stations = list(s.scalars(select(Station).where(Station.active.is_(True)).order_by(Station.id)))
    lines = [f"# {TITLE}", "", "## 驿站地址和床位", ""]
    for st in stations:
        where = f"地址在{st.address}，" if st.address else ""
        rules = f"{st.rules}" if st.rules else ""
        lines.append(f"{st.name}{where}共有{st.beds}张床位，为青年人才提供免费住宿。{rules}")
    lines += ["", "## 入住条件", ""]
    lines += [q.reject for q in cfg.eligibility] or ["青年人才驿站为来求职、创业的青年人才提供免费住宿。"]
    lines += ["", "## 免费住宿能住多久", "",
              f"青年人才驿站免费住宿每次最多{cfg.max_free_nights}晚（{cfg.max_free_nights}天），"
              f"可以预约{cfg.window_days}天内的入住日期。", "",
              "## 怎么预约和取消", "", messages.SERVICE_DOC_HOW]
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

    return run_ingest(app.config["SETTINGS"], ["build", str(write(app)), "--title", TITLE])


def publish_in_background(app: Flask) -> str:
    """After a station edit: the same, as a console job."""
    from bot.admin.jobs import start_job

    return start_job("service-doc", ["build", str(write(app)), "--title", TITLE])
