"""Service pages for agents: dashboard, tickets, stations and bookings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import render_template
from sqlalchemy import func, select

from bot.admin import bp
from bot.admin.auth import require
from bot.bookings import active_stations, free_beds
from bot.db import get_db
from bot.models import MessageLog, Ticket, utcnow


@bp.get("/")
@require()
def dashboard():
    db = get_db()
    now = utcnow()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    week_start = day_start - timedelta(days=day_start.weekday())

    def questions(since: datetime) -> tuple[int, int]:
        base = select(func.count()).select_from(MessageLog).where(
            MessageLog.direction == "out", MessageLog.intent == "policy", MessageLog.created_at >= since)
        return db.scalar(base), db.scalar(base.where(MessageLog.found.is_(True)))

    today_n, today_found = questions(day_start)
    week_n, week_found = questions(week_start)
    open_tickets = db.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "open"))
    occupancy = []
    for st in active_stations(db):
        free = free_beds(db, st, date.today(), 7)
        beds = st.beds * len(free)
        used = sum(st.beds - f for f in free.values())
        occupancy.append({"station": st, "today_free": free[date.today()], "week_rate": used / beds if beds else 0})
    return render_template("admin/dashboard.html", today_n=today_n, today_found=today_found, week_n=week_n,
                           week_found=week_found, open_tickets=open_tickets, occupancy=occupancy)


@bp.get("/tickets")
@require("agent")
def tickets():
    rows = get_db().scalars(select(Ticket).order_by(Ticket.updated_at.desc()).limit(200)).all()
    return render_template("admin/tickets.html", tickets=rows)


@bp.get("/stations")
@require("agent")
def stations():
    return render_template("admin/stations.html", stations=active_stations(get_db()))
