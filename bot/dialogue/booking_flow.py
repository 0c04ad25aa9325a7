"""Booking a free stay in chat: multi-turn slot filling, then one confirm.

The slots live in the conversation state (``state["booking"]``) so any
worker can continue the flow. Each turn fills the slot being asked for; at
any point before confirming, "改日期" / "修改手机号" … re-asks one slot, and at
the summary a new date, night count or phone number typed directly replaces
the old one. Nothing is written to the database before "确认".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot import messages
from bot.bookings import (NAME, PHONE, BookingError, BookingRequest, active_stations, book, bookings_of, cancel,
                          users_today)
from bot.dates import parse_date, parse_nights
from bot.dialogue.engine import Reply, Turn, handles
from bot.dialogue.intents import compact

FLOW = "booking"
_YES = re.compile(r"^(是|是的|对|对的|嗯|有|符合|yes|y|确认|好|好的)$", re.I)
_NO = re.compile(r"^(否|不是|不|没有|不符合|no|n)$", re.I)
_CONFIRM = re.compile(r"^(确认|确定|确认预约|提交|是|是的|好|好的|对|没问题|ok)$", re.I)
_NUMBER = re.compile(r"YZ\d{6}", re.I)
# Words that ask to change one slot ("改日期", "修改手机号", "名字写错了").
_CORRECTIONS = [
    ("station", ("驿站", "站点")),
    ("check_in", ("日期", "入住时间", "哪天", "时间")),
    ("nights", ("晚数", "几晚", "天数", "住几天", "晚上数")),
    ("name", ("姓名", "名字")),
    ("phone", ("手机", "电话", "号码")),
]
_CHANGE = re.compile(r"(改|修改|更改|换|重新|写错|不对)")


def _yes_no(text: str) -> str | None:
    plain = compact(text)
    if _YES.match(plain):
        return "yes"
    if _NO.match(plain):
        return "no"
    return None


def _fmt(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class _Flow:
    def __init__(self, turn: Turn):
        self.turn = turn
        self.engine = turn.engine
        self.settings = turn.engine.settings
        self.slots: dict = turn.state.setdefault("booking", {})
        with self.engine.read_sessions() as s:
            self.stations = [(st.id, st.name, st.address) for st in active_stations(s)]

    # ------------------------------------------------------------ what to ask next
    def missing(self) -> str | None:
        if "station" not in self.slots:
            if len(self.stations) == 1:
                self.slots["station"] = self.stations[0][0]
            else:
                return "station"
        for key in ("check_in", "nights", "name", "phone"):
            if key not in self.slots:
                return key
        for q in self.settings.booking.eligibility:
            if q.id not in self.slots.setdefault("answers", {}):
                return f"q:{q.id}"
        return "confirm"

    def prompt(self, step: str, prefix: str = "") -> Reply:
        self.turn.state["flow"] = FLOW
        self.slots["step"] = step
        cfg = self.settings.booking
        if step == "station":
            lines = [f"{i}. {name}（{addr}）" for i, (_, name, addr) in enumerate(self.stations, 1)]
            text, actions = messages.ASK_STATION.format(stations="\n".join(lines)), [n for _, n, _ in self.stations]
        elif step == "check_in":
            text, actions = messages.ASK_CHECK_IN.format(days=cfg.window_days), ["明天", "后天", "下周一"]
        elif step == "nights":
            text, actions = messages.ASK_NIGHTS.format(max=cfg.max_free_nights), ["1晚", "2晚", "3晚"]
        elif step == "name":
            text, actions = messages.ASK_NAME, []
        elif step == "phone":
            text, actions = messages.ASK_PHONE, []
        elif step.startswith("q:"):
            q = next(q for q in cfg.eligibility if q.id == step[2:])
            text, actions = q.question, ["是", "否"]
        else:
            text, actions = self.summary(), ["确认", "改日期", "取消"]
        return Reply(prefix + text, actions=actions, intent="booking")

    def summary(self) -> str:
        station = next((n for i, n, _ in self.stations if i == self.slots["station"]), self.slots["station"])
        return messages.BOOKING_SUMMARY.format(
            station=station, check_in=_fmt(date.fromisoformat(self.slots["check_in"])), nights=self.slots["nights"],
            name=self.slots["name"], phone=self.slots["phone"])

    # ------------------------------------------------------------ filling slots
    def correction(self, text: str) -> str | None:
        if not _CHANGE.search(text):
            return None
        for slot, words in _CORRECTIONS:
            if any(w in text for w in words):
                return slot
        return None

    def fill(self, step: str, text: str) -> str | None:
        """Store the answer for ``step``; return an error message if it does not fit."""
        cfg = self.settings.booking
        plain = text.strip()
        if step == "station":
            chosen = None
            if compact(plain).isdigit() and 1 <= int(compact(plain)) <= len(self.stations):
                chosen = self.stations[int(compact(plain)) - 1][0]
            else:
                chosen = next((i for i, n, _ in self.stations if plain and (plain in n or n in plain)), None)
            if chosen is None:
                return messages.BAD_STATION
            self.slots["station"] = chosen
        elif step == "check_in":
            now = users_today(self.settings)  # once: a message straddling midnight sees one day
            d = parse_date(plain, now)
            if d is None:
                return messages.BAD_DATE
            if d < now:
                return messages.BOOKING_PAST_DATE
            if (d - now).days > cfg.window_days:
                last = now + timedelta(days=cfg.window_days)
                return messages.BOOKING_TOO_FAR.format(days=cfg.window_days, last=f"{last.month}月{last.day}日")
            self.slots["check_in"] = d.isoformat()
        elif step == "nights":
            n = parse_nights(plain)
            if n is None or not 1 <= n <= cfg.max_free_nights:
                return messages.BOOKING_BAD_NIGHTS.format(max=cfg.max_free_nights)
            self.slots["nights"] = n
        elif step == "name":
            if not NAME.match(plain):
                return messages.BOOKING_BAD_NAME
            self.slots["name"] = plain
        elif step == "phone":
            digits = re.sub(r"[\s-]", "", plain)
            if not PHONE.match(digits):
                return messages.BOOKING_BAD_PHONE
            self.slots["phone"] = digits
        elif step.startswith("q:"):
            answer = _yes_no(plain)
            if answer is None:
                return messages.ANSWER_YES_NO
            self.slots.setdefault("answers", {})[step[2:]] = answer
        return None

    def direct_edit(self, text: str) -> bool:
        """At the summary, a new value typed directly replaces the old one."""
        digits = re.sub(r"[\s-]", "", text)
        if PHONE.match(digits):
            self.slots["phone"] = digits
            return True
        d = parse_date(text, users_today(self.settings))
        if d is not None and self.fill("check_in", text) is None:
            return True
        if parse_nights(text) is not None and not compact(text).isdigit() and self.fill("nights", text) is None:
            return True
        return False

    # ------------------------------------------------------------ the turn
    def step(self) -> Reply:
        text = self.turn.text
        current = self.slots.get("step")
        slot = self.correction(text) if current else None
        if slot:
            self.slots.pop(slot, None)
            if slot == "station" and len(self.stations) == 1:
                return self.prompt(self.missing(), messages.ONLY_ONE_STATION)
            return self.prompt(slot)
        if current == "confirm":
            if _CONFIRM.match(compact(text)):
                return self.confirm()
            if self.direct_edit(text):
                return self.prompt(self.missing(), messages.UPDATED)
            return self.prompt("confirm", messages.CONFIRM_HINT)
        if current:
            error = self.fill(current, text)
            if error:
                return self.prompt(current, error + "\n")
            if current.startswith("q:"):
                q = next(q for q in self.settings.booking.eligibility if q.id == current[2:])
                if self.slots["answers"][q.id] != q.accept:
                    self.turn.state.clear()
                    return Reply(q.reject + messages.BOOKING_INELIGIBLE_TAIL, actions=["转人工"], intent="booking")
        return self.prompt(self.missing())

    def confirm(self) -> Reply:
        req = BookingRequest(station_id=self.slots["station"], check_in=date.fromisoformat(self.slots["check_in"]),
                             nights=int(self.slots["nights"]), name=self.slots["name"], phone=self.slots["phone"],
                             answers=dict(self.slots.get("answers", {})))
        try:
            with self.engine.sessions() as s:
                booking = book(s, self.settings, self.turn.incoming.user_key, req, users_today(self.settings))
        except BookingError as exc:
            text = exc.message
            if exc.alternatives:
                text += "\n" + messages.BOOKING_ALTERNATIVES.format(items="；".join(exc.alternatives))
            self.slots.pop("check_in", None)
            return self.prompt("check_in", text + "\n")
        self.turn.state.clear()
        station = next((n for i, n, _ in self.stations if i == booking.station_id), booking.station_id)
        return Reply(messages.BOOKING_DONE.format(number=booking.number, station=station,
                                                  check_in=_fmt(booking.check_in), nights=booking.nights),
                     actions=["我的预约"], intent="booking")


@handles("booking")
def booking(turn: Turn) -> Reply:
    flow = _Flow(turn)
    if turn.state.get("flow") != FLOW:
        turn.state["booking"] = {}
        flow.slots = turn.state["booking"]
        if not flow.stations:
            turn.state.clear()
            return Reply(messages.NO_STATIONS, intent="booking")
        return flow.prompt(flow.missing(), messages.BOOKING_START.format(max=turn.engine.settings.booking.max_free_nights))
    return flow.step()


@handles("my_bookings")
def my_bookings(turn: Turn) -> Reply:
    with turn.engine.read_sessions() as s:
        rows = bookings_of(s, turn.incoming.user_key)
        names = {st.id: st.name for st in active_stations(s)}
    if not rows:
        return Reply(messages.NO_BOOKINGS, actions=["预约驿站"], intent="my_bookings")
    lines = [messages.BOOKING_LINE.format(number=b.number, station=names.get(b.station_id, b.station_id),
                                          check_in=f"{b.check_in.month}月{b.check_in.day}日", nights=b.nights,
                                          status="已预约" if b.status == "active" else "已取消")
             for b in rows[:10]]
    return Reply(messages.MY_BOOKINGS.format(lines="\n".join(lines)), intent="my_bookings")


@handles("cancel_booking")
def cancel_booking(turn: Turn) -> Reply:
    m = _NUMBER.search(turn.text.upper())
    if not m:
        with turn.engine.read_sessions() as s:
            active = [b for b in bookings_of(s, turn.incoming.user_key) if b.status == "active"]
        if not active:
            return Reply(messages.NO_BOOKINGS, intent="cancel_booking")
        return Reply(messages.CANCEL_WHICH.format(numbers="、".join(b.number for b in active)),
                     actions=[f"取消预约 {b.number}" for b in active[:3]], intent="cancel_booking")
    try:
        with turn.engine.sessions() as s:
            b = cancel(s, m.group(0), actor=f"user:{turn.incoming.user_key}", user_key=turn.incoming.user_key,
                       today=users_today(turn.engine.settings))
    except BookingError as exc:
        return Reply(exc.message, intent="cancel_booking")
    return Reply(messages.CANCELLED.format(number=b.number), intent="cancel_booking")
