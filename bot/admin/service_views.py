"""Service pages for agents: dashboard, stations, bookings (tickets: ticket_views)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import func, select

from bot import convlog, messages, service_doc, stats
from bot.admin import bp
from bot.admin.auth import current_staff, require, staff_audit
from bot.admin.csv_export import csv_response
from bot.bookings import BookingError, active_stations, cancel, free_beds, lock_station, users_today
from bot.dates import day_start_utc, local_time
from bot.db import get_db
from bot.delivery import deliver_to_user
from bot.models import Booking, Station, StationNight, Ticket, User, utcnow

STATION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")


def _today():
    return users_today(current_app.config["SETTINGS"])


@bp.get("/")
@require()
def dashboard():
    """Today's and this week's numbers are the users' days (booking.timezone), like the charts' days."""
    db = get_db()
    zone = current_app.config["SETTINGS"].booking.timezone
    charts = stats.dashboard_data(db, zone)
    days = charts["questions"]
    local_today = date.fromisoformat(days[-1]["day"])
    monday = local_today - timedelta(days=local_today.weekday())
    week = [d for d in days if date.fromisoformat(d["day"]) >= monday]
    today_n, today_found = days[-1]["questions"], days[-1]["answered"]
    week_n, week_found = sum(d["questions"] for d in week), sum(d["answered"] for d in week)
    open_tickets = db.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "open"))
    week_down = convlog.down_count(db, day_start_utc(monday, zone))  # answers users rated 👎 this week
    occupancy, today = [], _today()
    for st in active_stations(db):
        free = free_beds(db, st, today, 7)
        beds = st.beds * len(free)
        used = sum(st.beds - f for f in free.values())
        occupancy.append({"station": st, "today_free": free[today], "week_rate": used / beds if beds else 0})
    return render_template("admin/dashboard.html", today_n=today_n, today_found=today_found, week_n=week_n,
                           week_found=week_found, open_tickets=open_tickets, occupancy=occupancy, charts=charts,
                           week_down=week_down)


# ---------------------------------------------------------------- stations
@bp.get("/stations")
@require("agent")
def stations():
    rows = get_db().scalars(select(Station).order_by(Station.id)).all()
    return render_template("admin/stations.html", stations=rows, form={})


class _BadDate(ValueError):
    """A closed date that is no date ("2027-13-01", "明天"), named to staff."""

    def __init__(self, token: str):
        super().__init__(token)
        self.token = token


def _closed_dates(text: str) -> list[str]:
    out = []
    for token in re.split(r"[\s,，;；]+", text.strip()):
        if token:
            try:
                out.append(date.fromisoformat(token).isoformat())
            except ValueError:
                raise _BadDate(token) from None
    return sorted(set(out))


def _station_form(st: Station | None) -> tuple[dict, str | None]:
    f = request.form
    data = {"name": f.get("name", "").strip(), "address": f.get("address", "").strip(),
            "rules": f.get("rules", "").strip(), "active": f.get("active") == "on" if st else True}
    try:
        data["beds"] = int(f.get("beds", ""))
        if not 0 <= data["beds"] <= 10000:
            raise ValueError
    except ValueError:
        return data, messages.STATION_BAD_BEDS
    try:
        data["closed_dates"] = _closed_dates(f.get("closed_dates", ""))
    except _BadDate as bad:
        return data, messages.STATION_BAD_CLOSED_DATES.format(date=bad.token[:20])
    if not data["name"]:
        return data, messages.STATION_NAME_MISSING
    return data, None


@bp.post("/stations")
@require("agent")
def station_add():
    db = get_db()
    sid = request.form.get("id", "").strip().lower()
    data, error = _station_form(None)
    if not STATION_ID.match(sid):
        error = messages.STATION_BAD_ID
    elif db.get(Station, sid) is not None:
        error = messages.STATION_ID_TAKEN
    if error:  # the form again as typed, so nothing staff wrote is lost
        flash(error, "error")
        rows = db.scalars(select(Station).order_by(Station.id)).all()
        return render_template("admin/stations.html", stations=rows, form=request.form), 400
    db.add(Station(id=sid, updated_at=utcnow(), **data))
    staff_audit("station.create", sid, beds=data["beds"])
    db.commit()
    service_doc.publish_in_background(current_app._get_current_object())  # the bot answers about it too
    flash(messages.STATION_ADDED.format(name=data["name"]), "ok")
    return redirect(url_for("admin.station_edit", station_id=sid))


@bp.route("/stations/<station_id>", methods=["GET", "POST"])
@require("agent")
def station_edit(station_id: str):
    db = get_db()
    st = db.get(Station, station_id) or abort(404)
    if request.method == "POST":
        lock_station(db, st.id)  # no booking slips in between the checks below and the save
        data, error = _station_form(st)
        if error is None:
            over = db.scalars(select(StationNight).where(
                StationNight.station_id == st.id, StationNight.night >= _today(),
                StationNight.booked > data["beds"]).order_by(StationNight.night)).all()
            if over:
                error = messages.STATION_BEDS_BELOW_BOOKED.format(
                    month=over[0].night.month, day=over[0].night.day, booked=over[0].booked,
                    needed=max(n.booked for n in over))
        if error is None:
            newly_closed = [date.fromisoformat(d) for d in data["closed_dates"] if d not in (st.closed_dates or [])]
            booked = db.scalars(select(StationNight).where(
                StationNight.station_id == st.id, StationNight.night.in_(newly_closed),
                StationNight.booked > 0).order_by(StationNight.night)).all() if newly_closed else []
            if booked:
                error = messages.STATION_CLOSING_BOOKED_DAY.format(
                    month=booked[0].night.month, day=booked[0].night.day, booked=booked[0].booked)
        if error:  # the form again as typed, so nothing staff wrote is lost
            flash(error, "error")
            return render_template("admin/station_edit.html", station=st, form=request.form), 400
        else:
            changes = {k: v for k, v in data.items() if getattr(st, k) != v}
            for key, value in data.items():
                setattr(st, key, value)
            st.updated_at = utcnow()
            staff_audit("station.update", st.id, **{k: str(v) for k, v in changes.items()})
            db.commit()
            service_doc.publish_in_background(current_app._get_current_object())
            flash(messages.SAVED, "ok")
        return redirect(url_for("admin.station_edit", station_id=st.id))
    return render_template("admin/station_edit.html", station=st, form={})


@bp.get("/stations/<station_id>/calendar")
@require("agent")
def station_calendar(station_id: str):
    db = get_db()
    st = db.get(Station, station_id) or abort(404)
    try:
        month = datetime.strptime(request.args.get("month", ""), "%Y-%m").date()
    except ValueError:
        month = _today().replace(day=1)
    days = calendar.monthrange(month.year, month.month)[1]
    free = free_beds(db, st, month, days)
    end = month + timedelta(days=days)
    bookings = db.scalars(select(Booking).where(
        Booking.station_id == st.id, Booking.check_in < end,
        Booking.check_in >= month - timedelta(days=60)).order_by(Booking.check_in, Booking.id)).all()
    bookings = [b for b in bookings if b.check_in + timedelta(days=b.nights) > month]
    nights = {}
    for b in bookings:
        if b.status == "active":
            for i in range(b.nights):
                nights.setdefault(b.check_in + timedelta(days=i), []).append(b)
    cells = [None] * month.weekday() + [month + timedelta(days=i) for i in range(days)]
    prev_month = (month - timedelta(days=1)).replace(day=1)
    return render_template("admin/calendar.html", station=st, month=month, cells=cells, free=free, nights=nights,
                           bookings=bookings, prev_month=prev_month, next_month=end,
                           closed=set(st.closed_dates or []))


# ---------------------------------------------------------------- bookings
@bp.get("/bookings/<number>")
@require("agent")
def booking_detail(number: str):
    db = get_db()
    b = db.scalar(select(Booking).where(Booking.number == number)) or abort(404)

    questions = {q.id: q.question.split("？")[0] for q in current_app.config["SETTINGS"].booking.eligibility}
    return render_template("admin/booking.html", b=b, station=db.get(Station, b.station_id),
                           user=db.get(User, b.user_id), questions=questions)


@bp.post("/bookings/<number>/cancel")
@require("agent")
def booking_cancel(number: str):
    reason = request.form.get("reason", "").strip()
    if not reason:
        flash(messages.CANCEL_REASON_NEEDED, "error")
        return redirect(url_for("admin.booking_detail", number=number))
    db = get_db()
    try:
        b = cancel(db, number, actor=f"staff:{current_staff().name}", reason=reason)
    except BookingError as exc:
        flash(exc.message, "error")
        return redirect(url_for("admin.booking_detail", number=number))
    user = db.get(User, b.user_id)
    db.close()  # the delivery below opens sessions of its own
    deliver_to_user(current_app._get_current_object(), user.user_key,
                    messages.BOOKING_CANCELLED_BY_STAFF.format(number=b.number, reason=reason))
    flash(messages.STAFF_CANCELLED_BOOKING.format(number=b.number), "ok")
    return redirect(url_for("admin.booking_detail", number=number))


@bp.get("/bookings.csv")
@require("agent")
def bookings_csv():
    db = get_db()
    query = select(Booking).order_by(Booking.check_in, Booking.id)
    if request.args.get("station"):
        query = query.where(Booking.station_id == request.args["station"])
    names = {s.id: s.name for s in db.scalars(select(Station))}
    zone = current_app.config["SETTINGS"].booking.timezone
    rows = [(b.number, names.get(b.station_id, b.station_id), b.check_in.isoformat(), b.nights, b.name, b.phone,
             messages.BOOKING_STATUS_LABELS.get(b.status, b.status), local_time(b.created_at, zone),
             b.cancel_reason or "") for b in db.scalars(query)]
    staff_audit("bookings.export", request.args.get("station", "all"))
    db.commit()
    return csv_response("bookings.csv", messages.CSV_BOOKINGS_HEADER, rows)
