"""Booking a free stay in chat: slots filled from whatever the user says, then one confirm.

The slots live in the conversation state (``state["booking"]``) so any
worker can continue the flow. Every message runs every extractor
(bot/dialogue/extract.py): "我想明天去溱湖驿站住3晚" fills station, date and
nights at once, "换总站" or "不对，住两晚" changes one later, and the flow asks
only for what is still missing. A message with no plausible value is not
forced into the slot: a question is answered from the knowledge base and a
greeting returned, each followed by the pending prompt. "改日期" / "修改手机号"
re-asks one slot. Nothing is written to the database before "确认".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot import messages
from bot.bookings import (BookingError, BookingRequest, active_stations, book, bookings_of, cancel,
                          users_today)
from bot.dates import impossible_date
from bot.dialogue.engine import Reply, Turn, handles
from bot.dialogue.extract import date_in, has_fraction, name_in, nights_in, phone_in, station_in
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
_QUESTION = re.compile(r"[?？]|吗|什么|怎么|多少|多久|多长|多大|何时|哪|几|能不能|可不可以|是否|有没有|如何|为什么|啥|呢$")
_NAME_STATED = re.compile(r"^(我叫|我是|姓名|名字)")


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

    def absorb(self, text: str, step: str | None) -> tuple[bool, str | None]:
        """Fill every slot the message has a plausible value for; (anything filled, why a value found was refused).

        Station, date, nights and phone are read anywhere in the message; a name only
        when it is asked for or stated ("我叫陈晨"): any short phrase could look like one.
        """
        cfg = self.settings.booking
        filled, error = False, None
        station = station_in(text, self.stations)
        if station and (step == "station" or "station" not in self.slots or self.correction(text) or
                        self.slots.get("station") != station and _CHANGE.search(text)):
            self.slots["station"], filled = station, True
        now = users_today(self.settings)  # once: a message straddling midnight sees one day
        day = date_in(text, now)
        if day is not None:
            if day < now:
                error = messages.BOOKING_PAST_DATE
            elif (day - now).days > cfg.window_days:
                last = now + timedelta(days=cfg.window_days)
                error = messages.BOOKING_TOO_FAR.format(days=cfg.window_days, last=f"{last.month}月{last.day}日")
            else:
                self.slots["check_in"], filled = day.isoformat(), True
        elif impossible_date(text):
            error = messages.BOOKING_IMPOSSIBLE_DATE
        nights = nights_in(text) if step == "nights" or not compact(text).isdigit() else None
        if has_fraction(text):
            error = messages.BOOKING_BAD_NIGHTS.format(max=cfg.max_free_nights)
        elif nights is not None and (day is None or step == "nights" or "晚" in text or "住" in text):
            if 1 <= nights <= cfg.max_free_nights:
                self.slots["nights"], filled = nights, True
            else:
                error = messages.BOOKING_BAD_NIGHTS.format(max=cfg.max_free_nights)
        phone = phone_in(text)
        if phone:
            self.slots["phone"], filled = phone, True
        elif step == "phone" and re.search(r"\d{5,}", text):
            error = messages.BOOKING_BAD_PHONE
        # A message that names a station or a day is about them ("换总站", "后天"), never a name.
        if (step == "name" or _NAME_STATED.match(text.strip())) and not station and day is None:
            name = name_in(text)
            if name:
                self.slots["name"], filled = name, True
        if step and step.startswith("q:"):
            answer = _yes_no(text)
            if answer is not None:
                self.slots.setdefault("answers", {})[step[2:]] = answer
                filled = True
        return filled, error

    def not_understood(self, step: str) -> str:
        cfg = self.settings.booking
        return {"station": messages.BAD_STATION, "check_in": messages.BAD_DATE, "name": messages.BOOKING_BAD_NAME,
                "phone": messages.BOOKING_BAD_PHONE,
                "nights": messages.BOOKING_BAD_NIGHTS.format(max=cfg.max_free_nights)}.get(
            step, messages.ANSWER_YES_NO if step.startswith("q:") else messages.CONFIRM_HINT.strip())

    def digression(self, text: str) -> str | None:
        """The answer to a message that is not for the flow: a greeting, thanks, or a question."""
        intent = getattr(self.turn, "classified", "policy")
        if intent == "greeting":
            return messages.GREETING
        if intent == "thanks":
            return messages.THANKS
        if intent in ("policy", "help") and _QUESTION.search(text):
            from bot.dialogue.handlers import reply_for_answer

            return reply_for_answer(self.engine.answer_question(text, self.turn.incoming.user_key)).render()
        return None

    # ------------------------------------------------------------ the turn
    def step(self) -> Reply:
        text = self.turn.text
        current = self.slots.get("step")
        slot = self.correction(text) if current else None
        if slot and not self._has_value_for(slot, text):
            self.slots.pop(slot, None)
            if slot == "station" and len(self.stations) == 1:
                return self.prompt(self.missing(), messages.ONLY_ONE_STATION)
            return self.prompt(slot)
        if current == "confirm" and _CONFIRM.match(compact(text)):
            return self.confirm()
        filled, error = self.absorb(text, current)
        if error:
            return self.prompt(current or self.missing(), error + "\n")
        if not filled and current:
            aside = self.digression(text)
            if aside:
                return self.prompt(current, aside + "\n\n")
            return self.prompt(current, self.not_understood(current) + "\n")
        if current and current.startswith("q:") and current[2:] in self.slots.get("answers", {}):
            q = next(q for q in self.settings.booking.eligibility if q.id == current[2:])
            if self.slots["answers"][q.id] != q.accept:
                self.turn.state.clear()
                return Reply(q.reject + messages.BOOKING_INELIGIBLE_TAIL, actions=["转人工"], intent="booking")
        return self.prompt(self.missing(), messages.UPDATED if current == "confirm" else "")

    def _has_value_for(self, slot: str, text: str) -> bool:
        """"改成周六" carries the new value; "改日期" does not (then the slot is asked again)."""
        probe = _Flow.__new__(_Flow)
        probe.turn, probe.engine, probe.settings, probe.stations = self.turn, self.engine, self.settings, self.stations
        probe.slots = {}
        probe.absorb(text, slot)
        return slot in probe.slots

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
        _, error = flow.absorb(turn.text, None)  # "我想明天去溱湖驿站住3晚": fill what the request says
        start = messages.BOOKING_START.format(max=turn.engine.settings.booking.max_free_nights)
        return flow.prompt(flow.missing(), start + (error + "\n" if error else ""))
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
    hint = messages.MY_BOOKINGS_CANCEL_HINT if any(b.status == "active" for b in rows[:10]) else ""
    return Reply(messages.MY_BOOKINGS.format(lines="\n".join(lines)) + hint, intent="my_bookings")


CANCEL_FLOW = "cancel_booking"
_SURE = re.compile(r"^(确认取消|确认|确定|是|是的|对|取消吧|确定取消|好的取消)$")


@handles("cancel_booking")
def cancel_booking(turn: Turn) -> Reply:
    """"取消预约 YZ123456" asks once ("确定取消…吗？"); only "确认" cancels: one tap on a chip
    must not throw a stay away."""
    if turn.state.get("flow") == CANCEL_FLOW and not _NUMBER.search(turn.text.upper()):  # a number: asked anew
        number = turn.state.get("cancel", "")
        turn.state.clear()
        if not _SURE.match(compact(turn.text)):
            return Reply(messages.CANCEL_KEPT.format(number=number), intent="cancel_booking")
        try:
            with turn.engine.sessions() as s:
                b = cancel(s, number, actor=f"user:{turn.incoming.user_key}", user_key=turn.incoming.user_key,
                           today=users_today(turn.engine.settings))
        except BookingError as exc:
            return Reply(exc.message, intent="cancel_booking")
        return Reply(messages.CANCELLED.format(number=b.number), intent="cancel_booking")
    m = _NUMBER.search(turn.text.upper())
    with turn.engine.read_sessions() as s:
        active = [b for b in bookings_of(s, turn.incoming.user_key) if b.status == "active"]
        names = {st.id: st.name for st in active_stations(s)}
    if not m and len(active) != 1:  # one active booking is the one meant; with several, ask which
        if not active:
            return Reply(messages.NO_BOOKINGS, intent="cancel_booking")
        return Reply(messages.CANCEL_WHICH.format(numbers="、".join(b.number for b in active)),
                     actions=[f"取消预约 {b.number}" for b in active[:3]], intent="cancel_booking")
    number = m.group(0) if m else active[0].number
    booking = next((b for b in active if b.number == number), None)
    if booking is None:  # not theirs, already cancelled, or no such number: the domain function says which
        try:
            with turn.engine.sessions() as s:
                cancel(s, number, actor=f"user:{turn.incoming.user_key}", user_key=turn.incoming.user_key,
                       today=users_today(turn.engine.settings))
        except BookingError as exc:
            return Reply(exc.message, intent="cancel_booking")
    turn.state.clear()
    turn.state.update(flow=CANCEL_FLOW, cancel=number)
    return Reply(messages.CANCEL_CONFIRM.format(
        number=number, station=names.get(booking.station_id, booking.station_id) if booking else "",
        check_in=_fmt(booking.check_in) if booking else ""), actions=["确认", "保留预约"], intent="cancel_booking")


_STAY_WORD = re.compile(r"住|床位|订|预约")
_CHECK_IN = re.compile(r"入住|住进|去住|过去住")


def mentions_a_stay(turn: Turn) -> bool:
    """"后天去总站住2晚": a station named with a day or a number of nights is a booking
    request, whatever the words around it (the stations come from the database, so
    each deployment's own names and aliases count)."""
    text = turn.text
    if compact(text).isdigit() or _QUESTION.search(text):  # "驿站明天能住吗" asks; it does not book
        return False
    dated = _STAY_WORD.search(text) and date_in(text, users_today(turn.engine.settings))
    if dated and _CHECK_IN.search(text):  # "我想明天入住": a day to move in is a booking
        return True
    if not (nights_in(text) is not None or dated):  # "姜堰今天有招聘会吗" names a place and a day, but no stay
        return False
    with turn.engine.read_sessions() as s:
        stations = [(st.id, st.name, st.address) for st in active_stations(s)]
    return station_in(text, stations) is not None
