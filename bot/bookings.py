"""Free stays at the youth talent stations: availability, booking, cancelling.

Capacity is enforced in the database, not in Python: each (station, night)
has a row in ``station_nights`` and a booking increments every night it
covers with ``UPDATE … SET booked = booked + 1 WHERE booked < beds``. The
condition is re-checked under the row lock, so however many workers book at
once, a night never holds more bookings than beds; if any night is full the
whole transaction rolls back. The same user's requests are serialised by
locking their ``users`` row, which is what makes "one active booking per
person for overlapping dates" hold under concurrency too.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import messages
from bot.dates import day_label, local_hour, local_today
from bot.db import dialect_insert
from bot.models import Booking, Station, StationNight, User, utcnow
from bot.people import audit, get_or_create_user
from core.config import Settings
from core.errors import TalentError

PHONE = re.compile(r"^1[3-9]\d{9}$")
NAME = re.compile(r"^[\u3400-\u9fffA-Za-z·•.\s]{2,20}$")


class BookingError(TalentError):
    """A booking that cannot be made or changed; ``message`` is for the user (Chinese)."""

    status = 400

    def __init__(self, message: str, alternatives: list[str] | None = None, free_stations: list[str] | None = None):
        """``alternatives``: what to suggest, as sentences; ``free_stations``: the names of the other
        stations free for the same stay (what a chat offers as quick replies)."""
        super().__init__(message)
        self.message = message
        self.alternatives = alternatives or []
        self.free_stations = free_stations or []


class BookingConflict(BookingError):
    """Full nights or an overlapping booking: the request was valid, the calendar says no."""

    status = 409


class BookingNotFound(BookingError):
    status = 404


@dataclass
class BookingRequest:
    station_id: str
    check_in: date
    nights: int
    name: str
    phone: str
    answers: dict = field(default_factory=dict)


def nights_of(check_in: date, nights: int) -> list[date]:
    return [check_in + timedelta(days=i) for i in range(nights)]


def active_stations(s: Session) -> list[Station]:
    return list(s.scalars(select(Station).where(Station.active.is_(True)).order_by(Station.id)))


def free_beds(s: Session, station: Station, start: date, days: int) -> dict[date, int]:
    """Free beds per night (0 on closed dates)."""
    rows = dict(s.execute(select(StationNight.night, StationNight.booked).where(
        StationNight.station_id == station.id, StationNight.night >= start,
        StationNight.night < start + timedelta(days=days))).all())
    closed = set(station.closed_dates or [])
    return {d: 0 if d.isoformat() in closed else max(station.beds - rows.get(d, 0), 0)
            for d in nights_of(start, days)}


def users_today(settings: Settings) -> date:
    """Today for the booking rules: where the users are (``booking.timezone``), not the server's clock."""
    return local_today(settings.booking.timezone)


def users_hour(settings: Settings) -> int:
    """The hour of the day where the users are, as ``users_today`` gives their day."""
    return local_hour(settings.booking.timezone)


def check_eligibility(settings: Settings, answers: dict) -> None:
    for q in settings.booking.eligibility:
        answer = answers.get(q.id)
        if answer not in ("yes", "no"):
            raise BookingError(messages.BOOKING_ANSWER_MISSING.format(question=q.question))
        if answer != q.accept:
            raise BookingError(q.reject + messages.BOOKING_INELIGIBLE_TAIL)


def validate(s: Session, settings: Settings, req: BookingRequest, today: date) -> Station:
    """Everything that can be checked without touching capacity."""
    station = s.get(Station, req.station_id)
    if station is None or not station.active:
        raise BookingError(messages.BOOKING_NO_STATION)
    if not NAME.match(req.name.strip()):
        raise BookingError(messages.BOOKING_BAD_NAME)
    if not PHONE.match(req.phone.strip()):
        raise BookingError(messages.BOOKING_BAD_PHONE)
    max_nights = settings.booking.max_free_nights
    if not 1 <= req.nights <= max_nights:
        raise BookingError(messages.BOOKING_BAD_NIGHTS.format(max=max_nights))
    last_day = today + timedelta(days=settings.booking.window_days)
    if req.check_in < today:
        raise BookingError(messages.BOOKING_PAST_DATE.format(day=day_label(req.check_in)))
    if req.check_in > last_day:
        raise BookingError(messages.BOOKING_TOO_FAR.format(days=settings.booking.window_days,
                                                           last=day_label(last_day)))
    _refuse_closed(s, settings, req, station.name, station.closed_dates, today)
    check_eligibility(settings, req.answers)
    return station


def _refuse_closed(s: Session, settings: Settings, req: BookingRequest, name: str, closed_dates: list | None,
                   today: date) -> None:
    closed = sorted(d for d in nights_of(req.check_in, req.nights) if d.isoformat() in (closed_dates or []))
    if closed:
        raise _conflict(s, settings, req, today, messages.BOOKING_CLOSED.format(station=name, day=day_label(closed[0])))


def book(s: Session, settings: Settings, user_key: str, req: BookingRequest, today: date | None = None) -> Booking:
    """Make the booking in one transaction (commits on success, rolls back on refusal)."""
    today = today or users_today(settings)
    try:
        booking = _take(s, settings, user_key, req, today)
        s.commit()
        return booking
    except BookingError:
        s.rollback()
        raise


def _take(s: Session, settings: Settings, user_key: str, req: BookingRequest, today: date) -> Booking:
    """The booking made in the open transaction, not committed (``book``, ``change``)."""
    station = validate(s, settings, req, today)
    user = get_or_create_user(s, user_key)
    # PostgreSQL: one booking per station at a time, so beds, closed dates and
    # one-stay-per-person are read as they are now (staff may be editing them).
    # SQLite: every write transaction is already exclusive (BEGIN IMMEDIATE).
    _lock_user(s, user)
    beds, closed_dates = lock_station(s, station.id)
    _refuse_closed(s, settings, req, station.name, closed_dates, today)
    _refuse_overlap(s, user, req)
    for night in nights_of(req.check_in, req.nights):
        _ensure_night_row(s, station.id, night)
        taken = s.execute(update(StationNight).where(
            StationNight.station_id == station.id, StationNight.night == night,
            StationNight.booked < beds,
        ).values(booked=StationNight.booked + 1))
        if taken.rowcount != 1:
            s.rollback()
            raise _conflict(s, settings, req, today,
                            messages.BOOKING_FULL.format(station=station.name, day=day_label(night)))
    user.name, user.phone = req.name.strip(), req.phone.strip()
    user.consent_at = user.consent_at or utcnow()
    booking = Booking(number=_new_number(s), user_id=user.id, station_id=station.id, check_in=req.check_in,
                      nights=req.nights, status="active", name=req.name.strip(), phone=req.phone.strip(),
                      answers=dict(req.answers), created_at=utcnow(), updated_at=utcnow())
    s.add(booking)
    s.flush()
    audit(s, f"user:{user_key}", "booking.create", booking.number, station=station.id,
          check_in=req.check_in.isoformat(), nights=req.nights)
    return booking


def change(s: Session, settings: Settings, user_key: str, number: str, station_id: str, check_in: date,
           nights: int, today: date | None = None) -> tuple[Booking, Booking]:
    """Move the user's booking ``number`` to another stay in one transaction: its nights are given
    back, the new ones taken under the same capacity rules as ``book``, and it is cancelled for a new
    booking with the same guest. Any refusal (full, closed, too far) rolls all of it back, so the old
    booking stands as it was: no one is left without a bed by a change that fails. Returns (old, new)."""
    today = today or users_today(settings)
    try:
        user = s.scalar(select(User).where(User.user_key == user_key))
        if user is not None:
            _lock_user(s, user)  # first, as ``book`` does: the same order of locks
        old = None if user is None else s.scalar(select(Booking).where(
            Booking.number == number.strip().upper(), Booking.user_id == user.id).with_for_update())
        if old is None:
            raise BookingNotFound(messages.BOOKING_NOT_FOUND.format(number=number))
        if old.status != "active":
            raise BookingConflict(messages.BOOKING_ALREADY_CANCELLED.format(number=old.number))
        if old.check_in < today:
            raise BookingConflict(messages.BOOKING_STARTED.format(number=old.number))
        _release(s, old, "changed")
        s.flush()
        req = BookingRequest(station_id=station_id, check_in=check_in, nights=nights, name=old.name,
                             phone=old.phone, answers=dict(old.answers or {}))
        new = _take(s, settings, user_key, req, today)
        audit(s, f"user:{user_key}", "booking.change", old.number, to=new.number)
        s.commit()
        return old, new
    except BookingError:
        s.rollback()
        raise


def change_contact(s: Session, user_key: str, numbers: list[str], today: date, name: str | None = None,
                   phone: str | None = None) -> list[Booking]:
    """Put right the guest's ``name`` or ``phone`` on the user's bookings ``numbers``, in one
    transaction: all of them or, on any refusal, none. The stay is the same (same numbers, nights
    and beds), so nothing is released or taken; the guest is the same person too, whose answers
    to the conditions stand (another guest books for themselves). A phone is checked as ``book``
    checks it: an 11-digit mobile, and not another person's for a stay that overlaps one of these.
    The user's last contact (offered on the next booking) becomes the new one."""
    if name is not None and not NAME.match(name.strip()):
        raise BookingError(messages.BOOKING_BAD_NAME)
    if phone is not None and not PHONE.match(phone.strip()):
        raise BookingError(messages.BOOKING_BAD_PHONE)
    try:
        user = s.scalar(select(User).where(User.user_key == user_key))
        if user is not None:
            _lock_user(s, user)
        changed = []
        for number in numbers:
            b = None if user is None else s.scalar(select(Booking).where(
                Booking.number == number.strip().upper(), Booking.user_id == user.id).with_for_update())
            if b is None:
                raise BookingNotFound(messages.BOOKING_NOT_FOUND.format(number=number))
            if b.status != "active":
                raise BookingConflict(messages.BOOKING_ALREADY_CANCELLED.format(number=b.number))
            if b.check_in + timedelta(days=b.nights) <= today:
                raise BookingConflict(messages.BOOKING_ENDED.format(number=b.number))
            if phone is not None:
                _refuse_phone_of_another(s, user, b, phone.strip())
            changed.append(b)
        for b in changed:
            if name is not None:
                b.name = name.strip()
            if phone is not None:
                b.phone = phone.strip()
            b.updated_at = utcnow()
            audit(s, f"user:{user_key}", "booking.contact", b.number,
                  fields=[f for f, v in (("name", name), ("phone", phone)) if v is not None])
        if changed:
            user.name, user.phone = changed[0].name, changed[0].phone
        s.commit()
        return changed
    except BookingError:
        s.rollback()
        raise


def _refuse_phone_of_another(s: Session, user: User, booking: Booking, phone: str) -> None:
    """``phone`` may not be moved onto ``booking`` when another person's active booking with that
    phone overlaps its stay (one stay at a time per phone, as ``_refuse_overlap``)."""
    end = booking.check_in + timedelta(days=booking.nights)
    for other in s.scalars(select(Booking).where(Booking.phone == phone, Booking.status == "active",
                                                 Booking.user_id != user.id, Booking.check_in < end)):
        if other.check_in + timedelta(days=other.nights) > booking.check_in:
            raise BookingConflict(messages.BOOKING_OVERLAP_PHONE)


def _release(s: Session, booking: Booking, reason: str) -> None:
    """``booking`` cancelled in the open transaction, its nights given back (``cancel``, ``change``)."""
    for night in nights_of(booking.check_in, booking.nights):
        s.execute(update(StationNight).where(
            StationNight.station_id == booking.station_id, StationNight.night == night, StationNight.booked > 0,
        ).values(booked=StationNight.booked - 1))
    booking.status, booking.cancelled_at, booking.updated_at = "cancelled", utcnow(), utcnow()
    booking.cancel_reason = reason or None


def cancel(s: Session, number: str, actor: str, user_key: str | None = None, reason: str = "",
           today: date | None = None) -> Booking:
    """Cancel; ``user_key`` set means only that user's own booking, and only before
    check-in (``today``, in the users' time zone, is then required)."""
    if user_key is not None and today is None:
        raise ValueError("a user's cancellation needs today's date")
    query = select(Booking).where(Booking.number == number.strip().upper())
    if user_key is not None:
        query = query.join(User, User.id == Booking.user_id).where(User.user_key == user_key)
    booking = s.scalar(query.with_for_update())
    if booking is None:
        s.rollback()
        raise BookingNotFound(messages.BOOKING_NOT_FOUND.format(number=number))
    if booking.status != "active":
        s.rollback()
        raise BookingConflict(messages.BOOKING_ALREADY_CANCELLED.format(number=booking.number))
    if user_key is not None and booking.check_in < today:
        s.rollback()
        raise BookingConflict(messages.BOOKING_STARTED.format(number=booking.number))
    _release(s, booking, reason)
    audit(s, actor, "booking.cancel", booking.number, reason=reason)
    s.commit()
    return booking


def last_contact(s: Session, user_key: str) -> tuple[str, str] | None:
    """(name, phone) of the user's latest booking, kept on the user when they book; None before any."""
    user = s.scalar(select(User).where(User.user_key == user_key))
    if user is None or not user.name or not user.phone:
        return None
    return user.name, user.phone


def bookings_of(s: Session, user_key: str) -> list[Booking]:
    return list(s.scalars(select(Booking).join(User, User.id == Booking.user_id)
                          .where(User.user_key == user_key).order_by(Booking.check_in.desc(), Booking.id.desc())))


ALTERNATIVE_DAYS = 3


def _conflict(s: Session, settings: Settings, req: BookingRequest, today: date, message: str) -> BookingConflict:
    others = free_stations(s, req)
    return BookingConflict(message, alternatives(s, settings, req, today, others), [st.name for st in others])


def free_stations(s: Session, req: BookingRequest) -> list[Station]:
    """The other open stations with a bed every night of the stay asked for."""
    return [other for other in active_stations(s) if other.id != req.station_id
            and all(v > 0 for v in free_beds(s, other, req.check_in, req.nights).values())]


def alternatives(s: Session, settings: Settings, req: BookingRequest, today: date,
                 others: list[Station] | None = None) -> list[str]:
    """The nearest other start dates at the same station (before or after, the closest first,
    listed by date), and other stations on the same dates."""
    out: list[str] = []
    station = s.get(Station, req.station_id)
    last_start = today + timedelta(days=settings.booking.window_days)
    if station is not None:
        horizon = (last_start - today).days + req.nights + 1
        free = free_beds(s, station, today, horizon)
        starts = sorted((req.check_in + timedelta(days=offset) for offset in range(-horizon, horizon + 1) if offset),
                        key=lambda d: (abs((d - req.check_in).days), d))
        days = [d for d in starts if today <= d <= last_start
                and all(free.get(n, 0) > 0 for n in nights_of(d, req.nights))][:ALTERNATIVE_DAYS]
        out += [messages.BOOKING_ALT_DATE.format(station=station.name, day=day_label(d)) for d in sorted(days)]
    for other in free_stations(s, req) if others is None else others:
        out.append(messages.BOOKING_ALT_STATION.format(station=other.name, day=day_label(req.check_in)))
    return out


def _lock_user(s: Session, user: User) -> None:
    """One booking per person at a time (PostgreSQL; SQLite transactions are exclusive already)."""
    if s.bind.dialect.name == "postgresql":
        s.execute(select(User.id).where(User.id == user.id).with_for_update())


def lock_station(s: Session, station_id: str) -> tuple[int, list]:
    """Hold the station row until commit (PostgreSQL; SQLite transactions are exclusive
    already) and return its beds per night and closed dates as they are now."""
    query = select(Station.beds, Station.closed_dates).where(Station.id == station_id)
    if s.bind.dialect.name == "postgresql":
        query = query.with_for_update()
    beds, closed = s.execute(query).one()
    return beds, list(closed or [])


def _refuse_overlap(s: Session, user: User, req: BookingRequest) -> None:
    """One stay at a time per person: the same chat identity, or the same phone number
    (one person on WeChat and on the web, or with a new browser cookie)."""
    end = req.check_in + timedelta(days=req.nights)
    same_person = (Booking.user_id == user.id) | (Booking.phone == req.phone.strip())
    for b in s.scalars(select(Booking).where(
            and_(same_person, Booking.status == "active", Booking.check_in < end))):
        if b.check_in + timedelta(days=b.nights) > req.check_in:
            if b.user_id != user.id:  # found by phone: never show someone else's booking
                raise BookingConflict(messages.BOOKING_OVERLAP_PHONE)
            raise BookingConflict(messages.BOOKING_OVERLAP.format(number=b.number, day=day_label(b.check_in)))


def _ensure_night_row(s: Session, station_id: str, night: date) -> None:
    s.execute(dialect_insert(s.bind.dialect.name, StationNight.__table__).values(
        station_id=station_id, night=night, booked=0).on_conflict_do_nothing())


def _new_number(s: Session) -> str:
    for _ in range(20):
        number = f"YZ{secrets.randbelow(10**6):06d}"
        if s.scalar(select(Booking.id).where(Booking.number == number)) is None:
            return number
    raise IntegrityError("could not find a free booking number", None, None)
