"""JSON API for stations and bookings (the web page and staff tools).

The caller is the web-chat visitor (signed cookie), the same identity the
chat uses, so a booking made here shows up under "我的预约" in the chat.
Errors: 400 for a bad request, 409 when the calendar says no (full nights,
an overlapping booking), 404 for someone else's or an unknown booking;
always with a Chinese ``error``.
"""

from __future__ import annotations

import re
from datetime import date

from flask import Blueprint, current_app, jsonify, make_response, request

from bot import messages
from bot.bookings import (BookingError, BookingRequest, active_stations, book, bookings_of, cancel, free_beds,
                          users_today)
from bot.dialogue.extract import mask_phone
from bot.webchat import _with_cookie, visitor_id

bp = Blueprint("booking_api", __name__, url_prefix="/api")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _sessions():
    return current_app.extensions["talent.db"]


def _error(exc: BookingError, vid: str, new: bool):
    body = {"error": exc.message}
    if exc.alternatives:
        body["alternatives"] = exc.alternatives
    return _with_cookie(make_response(jsonify(body), exc.status), vid, new)


def booking_json(b, station_name: str = "") -> dict:
    return {"number": b.number, "station": b.station_id, "station_name": station_name,
            "check_in": b.check_in.isoformat(), "nights": b.nights, "status": b.status, "name": b.name,
            "phone": mask_phone(b.phone), "created_at": b.created_at.isoformat()}


@bp.get("/stations")
def stations():
    try:
        start = date.fromisoformat(request.args["from"]) if "from" in request.args else users_today(
            current_app.config["SETTINGS"])
        days = min(max(int(request.args.get("days", 14)), 1), 62)
    except ValueError:
        return jsonify(error=messages.API_BAD_DATE), 400
    with _sessions()() as s:
        out = [{"id": st.id, "name": st.name, "address": st.address, "beds": st.beds, "rules": st.rules,
                "free": {d.isoformat(): n for d, n in free_beds(s, st, start, days).items()}}
               for st in active_stations(s)]
    return jsonify(stations=out)


@bp.post("/bookings")
def create():
    vid, new = visitor_id()
    body = request.get_json(silent=True)
    try:
        if not isinstance(body, dict):
            raise BookingError(messages.BAD_JSON)
        try:
            req = BookingRequest(station_id=str(body["station"]), check_in=_iso_date(body["check_in"]),
                                 nights=_whole_number(body["nights"]), name=str(body["name"]),
                                 phone=str(body["phone"]),
                                 answers={str(k): _answer(v) for k, v in dict(body.get("answers") or {}).items()})
        except (KeyError, TypeError, ValueError):
            raise BookingError(messages.API_BOOKING_FIELDS) from None
        with _sessions()() as s:
            booking = book(s, current_app.config["SETTINGS"], f"web:{vid}", req)
            name = next((st.name for st in active_stations(s) if st.id == booking.station_id), "")
    except BookingError as exc:
        return _error(exc, vid, new)
    return _with_cookie(make_response(jsonify(booking=booking_json(booking, name)), 201), vid, new)


def _iso_date(value) -> date:
    """Exactly YYYY-MM-DD (``date.fromisoformat`` also takes 20261209)."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(value)
    return date.fromisoformat(value)


def _whole_number(value) -> int:
    """2 or "2"; not 1.9 (which int() would quietly make 1), not true."""
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise ValueError(value)
    return int(value)


def _answer(value) -> str:
    """An eligibility answer: "yes"/"no", or a JSON true/false."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@bp.get("/bookings")
def mine():
    vid, new = visitor_id()
    with _sessions()() as s:
        names = {st.id: st.name for st in active_stations(s)}
        rows = [booking_json(b, names.get(b.station_id, "")) for b in bookings_of(s, f"web:{vid}")]
    return _with_cookie(make_response(jsonify(bookings=rows)), vid, new)


@bp.delete("/bookings/<number>")
def remove(number: str):
    vid, new = visitor_id()
    try:
        with _sessions()() as s:
            b = cancel(s, number, actor=f"user:web:{vid}", user_key=f"web:{vid}",
                       today=users_today(current_app.config["SETTINGS"]))
    except BookingError as exc:
        return _error(exc, vid, new)
    return _with_cookie(make_response(jsonify(booking=booking_json(b))), vid, new)
