"""Booking a free stay in chat: the booking form, "我的预约" and cancelling.

The form (bot/dialogue/forms.py runs it) declares station, check-in day,
nights, the eligibility questions from config, name and phone. Every
extractor reads every message: "我想明天去溱湖驿站住3晚" fills three slots at
once, "换总站" or "不对，住两晚" changes one later, and only what is missing is
asked. Nothing is written to the database before "确认".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot import messages
from bot.bookings import (BookingError, BookingRequest, active_stations, book, bookings_of, cancel, change,
                          change_contact, free_beds, last_contact, users_hour, users_today, validate)
from bot.dates import (WEEKDAY_NUMBERS, around_holiday, before_occasion, both_days, day_label, day_label_with_year, day_taken_back,
                       either_day, impossible_date, moving_holiday, names_month_and_day, next_day_of_month,
                       nights_range, passed_this_week, said_again, stay_dates, tomorrow_in_small_hours, vague_period, weekday_label,
                       weekday_within,
                       weekend_said_on_sunday, without_days_and_nights)
from bot.dialogue.engine import HANDLERS, JUST_REFUSED, Reply, Turn, handles, numbered, offer_person
from bot.dialogue.extract import (age_in, date_in, english_days, english_facts, has_fraction, id_number_in, is_list_choice, list_picks,
                                  LANDLINE, landline_in, mask_phone, name_in, nights_in, normalise, over_limit, partial_name, parts_of_speech, phone_in, stated_name,
                                  sound_alike, spoken_digits, station_aliases, station_in, without_given_up_stations,
                                  years_since_graduation)
from bot.dialogue.forms import (ACKNOWLEDGED, ANY_WILL_DO, ASKS_DAY, CHANGE, CHOSEN_BESIDE, OPEN, QUESTION, REFUSED_TEXT, Form, FormTurn, Refused,
                                Slot, answer_in_passing, end_flow_keeping_paused, pause_form, register, say_paused,
                                times_asked, yes_no_slot)
from bot.dialogue.intents import YES_SIGNS, compact, yes_no
from knowledge.places import gazetteer
from knowledge.text import cn_number, typed_as_pinyin

_NUMBER = re.compile(r"YZ\d{6}", re.I)
_NAME_STATED = re.compile(r"^(我叫|我是|姓名|名字)")
# With a day named, a number is nights only beside these, or counting the two days said as one word
# ("明后两天": tomorrow and the day after, two nights: user test 17).
_NIGHTS_MEANT = re.compile("晚|住|宿|(?:今明|明后)(?:两|俩|二)")
# Asking the first or last day that can be booked: "最早能订哪天", "最晚可以约到几号", "能提前多久预约".
_ASKS_WINDOW = re.compile(r"(?:最早|最晚|最迟|最远)(?:能|可以|可)?(?:订|定|约|预约|预订|预定|住|入住)?(?:到)?"
                          r"(?:哪天|哪一天|哪日|几号|什么时候|啥时候|几月几号)|"
                          r"(?:提前|最多提前)(?:多久|几天|多少天)(?:能|可以)?(?:订|约|预约|预订|预定)?")
# The most there is, as the answer to how many nights: "那就最多的", "住满吧", "顶格" (not "最多能住几晚").
# The most nights said with the stay, at any step: "住满", "住满7天吧", "就住最长的" (user test 21: "住满" at the
# station's question was "没有找到这个驿站").
STAYS_THE_MOST = re.compile(r"(?<![都已])住满(?!了)|住最多|住最长|顶格住|住到最长|能住多久住多久|能住几天住几天")
_THE_MOST = re.compile(r"(?:最多|最长|顶格|住满)(?:的|那个|那种|吧|就行|就好|了)*$")
# A bare number, in digits or Chinese numerals ("4", "四", "二十四"): it answers the question asked,
# whatever it is (user test 25: "四" at the age question changed the nights).
BARE_NUMBER = re.compile(r"\d+|[零〇一二两三四五六七八九十百]+")
_COUNT = re.compile(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})个(?:吧|啊|呀|就行|就好)?")  # "四个" where nights are asked
# A bare number asked as a proposal where nights are asked ("3 可以吗", "五个晚上行不行"): that many nights,
# asked whether it will do (user test 16 was told who may stay).
_NUMBER_PROPOSED = re.compile(r"(?:住)?(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?:晚上|晚|天|夜)?(?:的话)?(?:可以吗|可以不|可以么|"
                              r"可不可以|行吗|行不行|行不|行么|好吗|能吗|成吗|够吗|够不够|ok吗|没问题吧|呢)$", re.I)


def station_choices(engine) -> list[tuple[str, str, str]]:
    """(id, name, address) of the stations open for booking, in the order they are listed."""
    with engine.read_sessions() as s:
        return [(st.id, st.name, st.address) for st in active_stations(s)]


# ---------------------------------------------------------------- what one message says
def _stations(ft: FormTurn) -> list[tuple[str, str, str]]:
    if "stations" not in ft.cache:
        ft.cache["stations"] = station_choices(ft.engine)
    return ft.cache["stations"]


def _today(ft: FormTurn) -> date:
    if "today" not in ft.cache:  # once: a message straddling midnight sees one day
        ft.cache["today"] = users_today(ft.settings)
    return ft.cache["today"]


def _hour(ft: FormTurn) -> int:
    if "hour" not in ft.cache:
        ft.cache["hour"] = users_hour(ft.settings)
    return ft.cache["hour"]


def _stay(ft: FormTurn, text: str) -> tuple[date | None, date | None]:
    """(check-in, check-out) when the message says when the stay ends ("明天到，住到后天")."""
    if "stay" not in ft.cache:
        given = ft.values.get("check_in")
        ft.cache["stay"] = stay_dates(english_days(normalise(text)), _today(ft),
                                      date.fromisoformat(given) if given else None)
    return ft.cache["stay"]


def _day_named(ft: FormTurn, text: str) -> date | None:
    """The day the message names, usable or not ("12月3日" yesterday is still a day, not a name).
    A bare weekday changing the check-in given ("周六" then "不对，是周日") is in that day's week;
    a bare number answering the day asked ("15") is that day of the month."""
    if "day" not in ft.cache:
        start, end = _stay(ft, text)
        given = ft.values.get("check_in")
        if end is not None:
            ft.cache["day"] = start
        elif ft.step == "check_in" and (bare := _BARE_DAY.fullmatch(compact(text))):
            ft.cache["day"] = next_day_of_month(int(bare.group(1)), _today(ft))
        else:
            week_of = date.fromisoformat(given) if given else None
            period = ft.values.get(_PERIOD_ASKED) if not given else None
            day = weekday_within(english_days(normalise(text)), *map(date.fromisoformat, period)) if period else None
            day = day or date_in(text, _today(ft), week_of)
            if day is None and (heard := sound_alike(text, _DAY_WORDS)) != text:  # "明填" from pinyin input
                day = date_in(heard, _today(ft), week_of)
            if day is None and (typed := typed_as_pinyin(text, _DAY_WORDS)) != text:  # "mingtian": no character
                day = date_in(typed, _today(ft), week_of)                            # picked (user test 24)
            ft.cache["day"] = day
    return ft.cache["day"]


# Days said by a word pinyin input may give with the wrong character ("明填", "后填"), or as its letters
# ("mingtian", "xiazhouyi"): read as these.
_DAY_WORDS = ["明天", "后天", "今天", "大后天", "明晚", "今晚",
              *(f"{week}{day}" for week in ("周", "下周", "这周", "星期", "下星期") for day in "一二三四五六日末")]


# The days of a period asked which day of ("下周是12月14日到12月20日，具体哪天入住呢？"), ISO: a bare
# weekday answering it is in it.
_PERIOD_ASKED = "_period_asked"


# A bare day of the month answering "请问哪天入住？" ("15", "15吧"), read as "15号".
_BARE_DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:吧|啊|呀|的)?")


def _previous(ft: FormTurn) -> tuple[str, str] | None:
    """(name, phone) the user booked with before, offered again (``_SAME_PERSON``)."""
    if "previous" not in ft.cache:
        with ft.engine.read_sessions() as s:
            ft.cache["previous"] = last_contact(s, ft.turn.incoming.user_key)
    return ft.cache["previous"]


# The step that offers the name and phone of the user's last booking instead of asking both again.
SAME_PERSON = "same_person"
_WHO_IS_ASKED = ("name", SAME_PERSON)  # the steps a bare name answers


# Not minding which station, said where it is asked: "都行", "随便", "哪个都可以", "你帮我选一个" (user test 21
# was asked again and again). Not a question ("哪个都能住吗") nor help asked ("哪个好", "有什么区别").
_NOT_MINDING = re.compile(r"^(?:嗯|那|那就|就|我|都|啊)*(?:随便|随意|无所谓|都行|都可以|都好|都ok|都一样|哪个都(?:行|可以|好|成|ok|一样)|"
                          r"哪都(?:行|可以)|(?:你|你们)(?:就)?(?:帮我|给我|替我)?(?:随便)?(?:选|挑|定|安排)(?:一个|一下|个)?|"
                          r"看着(?:安排|办|选|定)|有空(?:床|位)?的?就行)(?:哪个|哪一个|哪家|一个)?(?:就行|都行|吧|啊|呀|的|了|哈)*$")
# Where a clause ends in a run of speech, voice input writing no stops: "…到然后大概住个三天吧然后…".
# Not at a space: "3 可以吗", "我20 号能住吗" are one clause each.
_CLAUSES = re.compile(r"[，,。；;！!？?、]+|然后|还有就是|另外|对了|顺便问一下|顺便问下|顺便|(?<=吧)")
# "哪个都可以", "随便哪个" ask nothing (user test 26: "随便哪个" was told the stations are alike, and asked again)
_ANY_OF_THEM = re.compile(r"哪个都|哪都|(?:随便|随意)哪(?:一个|个|家)")
_PICKED_FOR_YOU = "_picked_station"  # the station picked for a user who did not mind which


def _free_every_night(ft: FormTurn) -> dict[str, int]:
    """Each active station's beds free every night of the stay (once its day and nights are known), else
    its beds."""
    v, free = ft.values, {}
    with ft.engine.read_sessions() as s:
        for st in active_stations(s):
            if "check_in" in v and "nights" in v:
                free[st.id] = min(free_beds(s, st, date.fromisoformat(v["check_in"]), int(v["nights"])).values(),
                                  default=0)
            else:
                free[st.id] = st.beds
    return free


def _roomiest_station(ft: FormTurn) -> str | None:
    """The station with the most beds free every night of the stay (or the most beds); None when none has one."""
    free = _free_every_night(ft)
    best = max(free, key=lambda i: free[i], default=None)
    return best if best is not None and free[best] > 0 else None


def _station_not_minded(text: str, ft: FormTurn) -> str | None:
    """The station picked for "随便" / "都行" at the station's question, said so (how to change it too)."""
    if (ft.step != "station" or len(_stations(ft)) < 2 or QUESTION.search(_ANY_OF_THEM.sub("", text))
            or not _NOT_MINDING.match(compact(text))):
        return None
    picked = _roomiest_station(ft)
    if picked is not None:
        ft.values[_PICKED_FOR_YOU] = picked
        ft.cache["remark"] = _picked_text(picked, ft)
    return picked


def _picked_text(station_id: str, ft: FormTurn) -> str:
    other = next(name for i, name, _ in _stations(ft) if i != station_id)
    said = messages.STATION_PICKED if "check_in" in ft.values and "nights" in ft.values else messages.STATION_PICKED_EARLY
    return said.format(station=_show_station(station_id, ft),
                                          other=(station_aliases(other) or [other])[-1]) + "\n"


# Where a second stay begins in a message saying two, each with its own day: "帮我订两个 一个明天溱湖1晚
# 一个12.20总站2晚", "明天溱湖住1晚，另外12月20号总站住2晚" (not "住一个晚上", "一个星期").
_ANOTHER_STAY = re.compile(r"[，,。；;\s]*(?:另外一个|另一个|还有一个|第二个|再一个|另外|一个(?![晚星礼人床月周半多]))")


def _first_stay(text: str, ft: FormTurn) -> str:
    """The words of the first of two stays ``text`` says, each with its day and its station or nights (user
    test 22 was booked a mix of both), the other said to be booked next; ``text`` itself otherwise."""
    key = ("first_stay", text)
    if key not in ft.cache:
        ft.cache[key] = text
        today = _today(ft)
        stays = [(piece, day) for piece in _ANOTHER_STAY.split(text) if piece.strip()
                 if (day := date_in(piece, today)) is not None
                 and (nights_in(piece) is not None or station_in(piece, _stations(ft), by_number=False) is not None)]
        if len(stays) >= 2 and stays[0][1] != stays[1][1]:
            (first, day), other = stays[0], stays[1][1]
            ft.cache[key] = first
            ft.cache["remark"] = messages.BOOKING_TWO_DAYS.format(
                day=messages.DAY_AND_WEEKDAY.format(day=day_label(day), weekday=weekday_label(day)),
                other=messages.DAY_AND_WEEKDAY.format(day=day_label(other), weekday=weekday_label(other)))
    return ft.cache[key]


def _station(text: str, ft: FormTurn):
    """By name anywhere; by its number in the list only when the station is asked ("2" is a day
    or a number of nights at the other steps). Never one the message gives up ("溱湖那个不要了")."""
    text = _first_stay(text, ft)
    not_minded = _station_not_minded(text, ft)
    if not_minded is not None:
        return not_minded
    return station_in(without_given_up_stations(text, _stations(ft)), _stations(ft),
                      by_number=ft.step in (None, "station"), by_sound=ft.step not in _WHO_IS_ASKED)


# A day the bot offered ("这周三已经过去了，是想订下周三吗？"), which a yes takes.
_OFFERED_DAY = "_offered_day"
_DAYS_ASKED = "_days_asked"  # the days the user was asked to choose between ("周三还是周四"), ISO


_BARE_WEEKDAY = re.compile(r"(?:那|就|那就)?(?:周|星期|礼拜)([一二三四五六日天1-7])(?:吧|的|那天|呀|啊)*")


def _one_of_the_days(text: str, days: list[date], today: date) -> date | None:
    """The one of ``days`` the reply picks: by its weekday alone ("周四吧"), its place ("第二个", "后面那个")
    or its date; None when it names none of them (a day of its own is read as usual)."""
    plain = compact(text)
    named = date_in(text, today)
    if named in days:
        return named
    weekday = _BARE_WEEKDAY.fullmatch(plain)
    if weekday:
        matches = [d for d in days if d.weekday() == WEEKDAY_NUMBERS[weekday.group(1)]]
        return matches[0] if len(matches) == 1 else None
    picks = list_picks(text, len(days))
    return days[picks[0] - 1] if picks and len(picks) == 1 else None


def _picks_from_list(text: str, ft: FormTurn) -> bool:
    """"2号驿站", "第一个" where the station is asked: a place in the list shown, not a day or nights.
    A number past the list ("12号" with two stations) is not one (user test 9: "没有找到这个驿站")."""
    return ft.step == "station" and is_list_choice(text) and _station(text, ft) is not None


# Words that make a period said later in the form about the check-in ("其实是下周", "改到月底入住").
_ABOUT_CHECK_IN = re.compile(r"住|改|换|其实|不是|不对|日期|哪天")


def _check_in(text: str, ft: FormTurn):
    text = _first_stay(text, ft)
    if _picks_from_list(text, ft):  # "2号驿站" picks from the list shown
        return None
    now, window = _today(ft), ft.settings.booking.window_days
    offered = ft.values.get(_OFFERED_DAY)
    if offered and "check_in" not in ft.values and ft.step in ("station", "check_in", "nights"):
        answer = yes_no(text)
        if answer == "yes":  # "嗯对的" to the day offered (user test 6: "没看懂这个日期")
            return offered
        if answer == "no":  # "不是": a later "好的" takes no day
            ft.values.pop(_OFFERED_DAY, None)
    asked_which = ft.values.get(_DAYS_ASKED)
    if asked_which and ft.step in ("station", "check_in", "nights"):
        picked = _one_of_the_days(text, [date.fromisoformat(d) for d in asked_which], now)
        if picked is not None:  # "周四吧" to "12月16日（周三）还是12月17日（周四）": that one (user test 15)
            return picked.isoformat()
    taken_back = day_taken_back(normalise(text), now)
    if taken_back is not None:  # "不是明天", "后天不行": not that day, and no other said (user tests 5, 6)
        if ft.values.get("check_in") == taken_back.isoformat():
            ft.values.pop("check_in")
        return Refused(messages.BOOKING_DAY_TAKEN_BACK.format(day=day_label(taken_back)))
    either = either_day(normalise(text), now)
    if either is not None:  # "明天或者后天都行": taken and said back; "周三还是周四" asked
        days, any_will_do = either
        labels = [messages.DAY_AND_WEEKDAY.format(day=day_label(d), weekday=weekday_label(d)) for d in sorted(days)]
        usable = [d for d in days if now <= d <= now + timedelta(days=window)]
        if not any_will_do or not usable:
            ft.values[_DAYS_ASKED] = [d.isoformat() for d in sorted(days)]
            return Refused(messages.BOOKING_WHICH_OF_DAYS.format(days=messages.DAYS_WHICH_JOIN.join(labels)))
        other = next(d for d in days if d != usable[0])
        ft.cache["remark"] = messages.BOOKING_EITHER_DAY.format(
            days=messages.DAYS_EITHER_JOIN.join(labels), day=day_label(usable[0]), other=day_label(other))
        return usable[0].isoformat()
    several = both_days(normalise(text), now)
    usable = [d for d in several or [] if now <= d <= now + timedelta(days=window)]
    if usable and _stay(ft, text)[1] is None:  # "明天和下周三两次": this booking is the first, said so
        first, other = usable[0], next(d for d in several if d != usable[0])
        ft.cache["remark"] = messages.BOOKING_TWO_DAYS.format(
            day=messages.DAY_AND_WEEKDAY.format(day=day_label(first), weekday=weekday_label(first)),
            other=messages.DAY_AND_WEEKDAY.format(day=day_label(other), weekday=weekday_label(other)))
        return first.isoformat()
    day = _day_named(ft, text)
    if day is None:
        if impossible_date(text):
            return Refused(messages.BOOKING_IMPOSSIBLE_DATE)
        holiday = moving_holiday(text)
        if holiday and not QUESTION.search(text):  # "春节期间驿站开门吗" is a question, answered as one
            return Refused(messages.BOOKING_MOVING_HOLIDAY.format(holiday=holiday, example=_example_day(ft)))
        period = vague_period(english_days(normalise(text)), now)  # "next week" too
        # "月底", "下个月初": which day of it is asked, not guessed; in a question only where the day is
        # asked or in the request ("我想月底去驿站住几天"), not in passing ("月底驿站开门吗"). With the day
        # given, a period said at another step without a word of the stay or a change is about
        # something else ("来入职的 下周报到": user test 12 was asked which day of next week to check in).
        if period and "check_in" in ft.values and ft.step not in (None, "check_in") and not _ABOUT_CHECK_IN.search(text):
            period = None
        if period and (ft.step in (None, "check_in") or not QUESTION.search(text) or _only_about_the_stay(text)):
            said, first, last = period
            if _UNTIL_PERIOD.search(normalise(text).split(said)[0]):
                # "住到月底": the stay's end, not its start (user test 21 was asked which day of 月底 to check in)
                return Refused(messages.BOOKING_UNTIL_PERIOD.format(said=said, max=ft.settings.booking.max_free_nights))
            if (first - now).days > window:  # "明年3月": not yet bookable, said so before asking the day
                return Refused(messages.BOOKING_TOO_FAR.format(days=window, last=day_label(now + timedelta(days=window))))
            ft.values[_PERIOD_ASKED] = [first.isoformat(), last.isoformat()]
            return Refused(messages.BOOKING_WHICH_DAY_OF.format(said=said, first=day_label(first),
                                                               last=day_label(last)))
        after = around_holiday(text, now)
        if after is not None and (after[1] - now).days > window:  # "国庆后" in November: next year's
            return Refused(messages.BOOKING_TOO_FAR.format(days=window, last=day_label(now + timedelta(days=window))))
        if after is not None:  # "国庆后", "圣诞节前": which day
            return Refused(messages.BOOKING_AFTER_HOLIDAY.format(said=after[0], example=day_label(after[1])))
        return None
    saturday = weekend_said_on_sunday(normalise(text), now) if day == now else None
    if saturday is not None:  # "周末" on a Sunday: today, or the next one? Asked, not guessed
        return Refused(messages.BOOKING_WEEKEND_WHICH.format(day=day_label(saturday)))
    if (day == now + timedelta(days=1) and ft.values.get("check_in") != day.isoformat()
            and tomorrow_in_small_hours(english_days(normalise(text)), _hour(ft))):
        # "明天" typed at 00:30: the day just begun, or the next? Asked, not guessed (user test 23)
        ft.values[_DAYS_ASKED] = [now.isoformat(), day.isoformat()]
        return Refused(messages.BOOKING_SMALL_HOURS.format(
            today=messages.DAY_AND_WEEKDAY.format(day=day_label(now), weekday=weekday_label(now)),
            tomorrow=messages.DAY_AND_WEEKDAY.format(day=day_label(day), weekday=weekday_label(day))))
    if day < now:
        passed = passed_this_week(normalise(text), now)
        if passed:  # "这周五" on a Sunday: say which day that was, and offer next week's
            said, next_said, next_day = passed
            if (next_day - now).days <= window:
                ft.values[_OFFERED_DAY] = next_day.isoformat()
            return Refused(messages.BOOKING_WEEKDAY_PASSED.format(
                said=said, day=day_label(day), next=next_said, next_day=day_label(next_day)))
        return Refused(messages.BOOKING_PAST_DATE.format(day=day_label(day)))
    if (day - now).days > window:
        last = now + timedelta(days=window)
        return Refused(messages.BOOKING_TOO_FAR.format(days=window, last=day_label(last)))
    made = _booked_on(ft, day)
    if made is not None:  # the same stay asked for again: said now, not after every question (user test 15)
        return Refused(messages.BOOKING_OVERLAP_AHEAD.format(
            day=day_label(day), station=_show_station(made.station_id, ft), number=made.number,
            check_in=day_label(made.check_in), nights=made.nights))
    return day.isoformat()


def _booked_on(ft: FormTurn, day: date):
    """The user's own active booking whose stay holds the night of ``day``, or None (looked up once a
    message). Only this account's: a booking found by phone is never shown (bookings._refuse_overlap)."""
    if "own_active" not in ft.cache:
        with ft.engine.read_sessions() as s:
            ft.cache["own_active"] = [(b.number, b.station_id, b.check_in, b.nights)
                                      for b in bookings_of(s, ft.turn.incoming.user_key) if b.status == "active"]
    for number, station_id, check_in, nights in ft.cache["own_active"]:
        if check_in <= day < check_in + timedelta(days=nights):
            return _Made(number, station_id, check_in, nights)
    return None


@dataclass(frozen=True)
class _Made:
    number: str
    station_id: str
    check_in: date
    nights: int


# Nights changed by how many more or fewer ("多住一晚", "少住两天", "再加一晚"): from the nights given.
# (Not "差不多3天", "最多住5天", "参加两天招聘会", "至少住两晚": a number of nights, not a change.)
_MORE_NIGHTS = re.compile(r"(?<![差不最参])(多|再多|加|再加|延长|延)(?:住)?(\d|[一两二三四五六])(?:个)?(?:晚|天|夜)")
_FEWER_NIGHTS = re.compile(r"(?<![至最])(少|减|缩短)(?:住)?(\d|[一两二三四五六])(?:个)?(?:晚|天|夜)")


_NIGHTS_CHANGED = re.compile(f"{_MORE_NIGHTS.pattern}|{_FEWER_NIGHTS.pattern}|续住")  # of a stay made


def _nights_changed(text: str, ft: FormTurn) -> int | None:
    """The nights a message asks for by changing those given (user test 9: "多住一晚" at the summary
    was read as one night); None when it says no change of them."""
    given = ft.values.get("nights")
    if given is None:
        return None
    plain = compact(text)
    more, fewer = _MORE_NIGHTS.search(plain), _FEWER_NIGHTS.search(plain)
    if more:
        return int(given) + cn_number(more.group(2))
    if fewer:
        return int(given) - cn_number(fewer.group(2))
    return None


_CHECK_OUT = "_check_out"  # the day the stay ends, said before the check-in was


def _nights(text: str, ft: FormTurn):
    text = _first_stay(text, ft)
    most = ft.settings.booking.max_free_nights
    if has_fraction(text):
        return Refused(messages.BOOKING_BAD_NIGHTS.format(max=most))
    changed = _nights_changed(text, ft)
    if changed is not None:
        return changed if 1 <= changed <= most else Refused(messages.BOOKING_BAD_NIGHTS.format(max=most))
    if (BARE_NUMBER.fullmatch(compact(text)) and ft.step != "nights") or _picks_from_list(text, ft):
        return None  # a bare number answers the question asked
    said_range = nights_range(normalise(text))
    if said_range is not None:  # "住个两三天": which one is asked, not guessed
        low, high = said_range
        return Refused(messages.BOOKING_NIGHTS_WHICH.format(low=low, high=high) if high <= most
                       else messages.BOOKING_BAD_NIGHTS.format(max=most))
    start, end = _stay(ft, text)
    if end is not None:  # "住到后天": the nights run from the check-in to that day
        start = start or (date.fromisoformat(ft.values["check_in"]) if "check_in" in ft.values else None)
        if start is None:  # "住到12号" before the check-in: kept until that is given (user test 9: "没看懂")
            ft.values[_CHECK_OUT] = end.isoformat()
            ft.cache["remark"] = messages.BOOKING_UNTIL_NOTED.format(day=day_label(end), weekday=weekday_label(end))
            return None
        ft.values.pop(_CHECK_OUT, None)
        nights = (end - start).days
        return nights if 1 <= nights <= most else Refused(messages.BOOKING_BAD_NIGHTS.format(max=most))
    nights = nights_in(text)
    if nights is None and "nights" not in ft.values and _CHECK_OUT in ft.values and "check_in" in ft.values:
        # the check-in given after the day the stay ends ("住到12号", then "明天"): the nights between
        nights = (date.fromisoformat(ft.values.pop(_CHECK_OUT)) - date.fromisoformat(ft.values["check_in"])).days
        return nights if 1 <= nights <= most else Refused(messages.BOOKING_BAD_NIGHTS.format(max=most))
    if nights is None and ft.step == "nights" and (count := _COUNT.fullmatch(compact(text))
                                                   or _NUMBER_PROPOSED.fullmatch(compact(text))):
        nights = cn_number(count.group(1))  # "四个" to "住3晚或4晚都可以", "3 可以吗"
    if nights is None and (ft.step == "nights" and _THE_MOST.search(compact(text)) or STAYS_THE_MOST.search(compact(text))) \
            and not QUESTION.search(text):
        nights = most  # "那就最多的" once told the limit (user test 11: "没看懂要住几晚")
    # "12月10日" holds numbers but no stay length: with a day named, nights need 晚/住 or the question.
    # ("stay 3 nights" is 住3晚 as much: the English read as the Chinese it says, user test 10)
    if nights is None or (_day_named(ft, text) is not None and ft.step != "nights"
                          and not _NIGHTS_MEANT.search(english_days(text))):
        return None
    return nights if 1 <= nights <= most else Refused(messages.BOOKING_BAD_NIGHTS.format(max=most))


def _name(text: str, ft: FormTurn):
    """Only when asked or stated ("我叫陈晨", also inside a longer message): any short phrase could
    look like a name. A message that names a station or a day is about them ("换总站", "后天"),
    never a name. The name is kept as typed (繁體 included): ``text`` is the message in 简体.
    The speaker's own name while booking for someone else ("我是她妈妈 我叫周丽") is not the
    guest's (user test 7 booked the mother): said so, and the guest's asked."""
    stated = stated_name(text)
    own = re.search(_OWN_NAME.pattern + re.escape(stated), text) if stated else None
    if own and (ft.values.get(_FOR_SOMEONE_ELSE) or _SPEAKER_IS_ANOTHER.search(compact(text))):
        guest = stated_name(text[:own.start()] + "，" + text[own.end():])  # "…我叫周丽 她叫李小萌"
        if guest:
            return ft.turn.as_typed(guest)
        return Refused(messages.BOOKING_SPEAKER_NAME.format(name=ft.turn.as_typed(stated)))
    # "王凯 13712345602" while another step is asked: a name typed beside a phone is the name
    # (user test 6 kept the phone and lost the name). A person's name alone where the stay is
    # asked ("王芳" for the station, user test 7: "没有找到这个驿站"; "刘洋" for the nights, user test 23:
    # "没看懂要住几晚") is the name typed a step early.
    beside_phone = phone_in(text) is not None or landline_in(text)  # "林詩涵 0523-86123456" (user test 22)
    retyped = _RETYPED.match(text.strip())
    if (retyped and "name" in ft.values and ft.step not in _WHO_IS_ASKED and not beside_phone
            and not _station(text, ft) and _day_named(ft, text) is None):
        name = name_in(retyped.group(1), introduced=True)  # "哦打错了是张姗" the step after the name
        return ft.turn.as_typed(name) if name else None
    early = ft.step in _STAY_STEPS and _person_named(text)
    if stated or (ft.step not in _WHO_IS_ASKED and not _NAME_STATED.match(text.strip()) and not beside_phone
                  and not early):
        return ft.turn.as_typed(stated) if stated else None
    listed = _name_among_details(text, ft) if beside_phone else None
    if listed:
        return ft.turn.as_typed(listed)
    if _station(text, ft) or _day_named(ft, text) is not None:
        return None
    if ft.step == SAME_PERSON and yes_no(text) is not None:  # "是", "不用": the answer to the offer
        return None
    if partial_name(text):  # "我姓陈", "叫我小王就行": the stay is checked against an ID card
        return Refused(messages.BOOKING_FULL_NAME)
    name = name_in(text) or (_name_beside_phone(text) if beside_phone else None)
    if name and ft.step not in _WHO_IS_ASKED and (  # beside a phone, the name not asked: "ok 137…", "明早 137…"
            not _HAN.search(name) or all(flag.startswith("t") for _, flag in parts_of_speech(name))):
        return None
    return ft.turn.as_typed(name) if name else None


_HAN = re.compile(r"[\u3400-\u9fff]")
_STAY_STEPS = ("station", "check_in", "nights")  # the slots of ``_STAY_SLOTS``, asked before who stays
# Taking back what was just typed and typing it again, with no word saying what it is: "哦打错了是张姗"
# right after the name (user test 10 was told the phone was wrong). A name given before is its object.
_RETYPED = re.compile(r"^(?:哦|噢|啊|呃|额|诶|不好意思|抱歉|sorry)?[，,、\s]*(?:刚才|刚刚)?(?:打|写|输|说|填)错了?"
                      r"[，,。、\s]*(?:应该|其实)?(?:是|叫)?\s*(.+)$", re.I)
# Two or three Chinese characters and nothing else: the length of most Chinese names.
_NAME_SIZED = re.compile(r"[\u3400-\u9fff]{2,3}")


# The words that say what a number is, typed before it ("手机号13600007777", "电话是一三九…"): not a
# part of the name beside it (user test 12 lost "刘一鸣 手机号136…" and "黄子涵 电话是一三九…").
_PHONE_LABEL = re.compile(r"(?:我的|的)?(?:手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|号码)(?:是|为|[:：])?\s*$")


def _name_beside_phone(text: str) -> str | None:
    """"许多 13812341111": two or three characters typed beside a phone number are the name, even a
    word's (许多, 高明, 文静: user test 9 kept the phone and lost the name); not an answer or an
    acknowledgement ("好的 138…", "是的 138…"), nor a word that says what the number is (电话, 手机),
    which is left out when it labels the number ("刘一鸣 手机号136…", the number read out in words too)."""
    typed = spoken_digits(normalise(text))
    rest = " ".join(_PHONE_LABEL.sub("", part) for part in _PHONE_TYPED.split(typed)).strip(" ，,、:：。.")
    if not _NAME_SIZED.fullmatch(rest) or yes_no(rest) is not None or ACKNOWLEDGED.match(rest):
        return None
    return name_in(rest, introduced=True)


_DETAIL_BREAK = re.compile(r"[\s，,、;；。]+")
_DETAILS_LISTED = 3  # parts at least: a phone, a name and something else, typed as a list


def _name_among_details(text: str, ft: FormTurn) -> str | None:
    """"13912345678 明天 溱湖驿站 住两晚 王小明": the details of a stay typed as a list, the phone among
    them, a part of which is a person's name the tagger knows is the name, wherever it stands (user
    test 11 lost a name typed last). A part naming a station, a day or nights is none."""
    parts = [p for p in _DETAIL_BREAK.split(normalise(text)) if p]
    if len(parts) < _DETAILS_LISTED:
        return None
    for part in parts:
        if (not re.search(r"\d", part) and _person_named(part) and not _station(part, ft)
                and date_in(part, _today(ft)) is None and nights_in(part) is None):  # (_day_named: the whole message's)
            return name_in(part)
    return None


# A phone number as typed, spaces or dashes between its digits ("138 1234 1111"), or a landline.
_PHONE_TYPED = re.compile(r"(?:\+?86[\s-]?)?1[3-9](?:[\s-]?\d){9}|" + LANDLINE)


def _person_named(text: str) -> bool:
    """Whether the message is only a name that the tagger knows for a person's ("王芳", "张子轩"),
    not any short phrase a name could be ("市区的", "随便")."""
    name = name_in(text)
    return bool(name and _HAN.search(name) and any(flag.startswith("nr") for _, flag in parts_of_speech(name)))


_ID_TOLD = "id_told"  # (turn cache) the ID number typed was answered in this reply
_FREE_TOLD = "free_told"  # (turn cache) whether the stay asked has beds was said in this reply


def _phone(text: str, ft: FormTurn):
    phone = phone_in(text)
    if phone:
        return phone
    if ft.step == "phone" and id_number_in(text):  # an ID number typed for the phone (user test 17)
        ft.cache[_ID_TOLD] = True
        return Refused(messages.BOOKING_ID_NOT_PHONE)
    if (ft.step == "phone" or ft.step in _WHO_IS_ASKED) and landline_in(text):  # "林詩涵 0523-86123456" (user test 22)
        return Refused(messages.BOOKING_LANDLINE)
    if ft.step == "phone" and re.search(r"\d{5,}", text):
        return Refused(messages.BOOKING_BAD_PHONE)
    return None


def _same_person(text: str, ft: FormTurn):
    """The reply to "入住人还用孙丽、手机135****2222吗？": "yes" takes both again, "no" asks both, and
    a new name or phone ("new") replaces that one and keeps the other (``BookingForm.after_absorb``)."""
    if ft.step != SAME_PERSON:
        return None
    if _name(text, ft) or phone_in(text):
        return "new"
    answer = yes_no(text)
    if answer is None and (_KEEP_PREVIOUS.search(compact(text)) or _SAME_AS_BEFORE.search(compact(text))):
        return "yes"  # "用之前的", "跟上次一样" (user test 22 was asked to reply 是)
    return answer


# Keeping the details given before, said in words: "用之前的", "还是用上次的吧", "沿用", "不变".
_KEEP_PREVIOUS = re.compile(r"^(?:那|嗯|好|就|还是|都)*(?:用|沿用|按|照)(?:之前|上次|上回|原来|刚才|以前|前面|一样)(?:的|那个|那些)?"
                            r"(?:信息|名字|姓名|手机号?|电话)?(?:吧|就行|就好|就可以|啊|呀)?$|^(?:都)?(?:沿用|不变|不用换|不换)(?:吧|了)?$")


def _ask_same_person(ft: FormTurn) -> tuple[str, list[str]]:
    name, phone = _previous(ft)
    return messages.ASK_SAME_PERSON.format(name=name, phone=mask_phone(phone)), [messages.CHIP_YES, messages.CHIP_NO]


def _ask_station(ft: FormTurn) -> tuple[str, list[str]]:
    """The stations with their addresses; asked again in a row, their names only (user test 7 was
    shown the whole list four times), unless the addresses are what was asked about."""
    stations = _stations(ft)
    if times_asked(ft) > 1 and not ft.cache.get(_WITH_ADDRESSES):
        items = [messages.LIST_CHOICE.format(n=n, item=name) for n, (_, name, _) in enumerate(stations, 1)]
        return (messages.ASK_STATION_AGAIN.format(stations=messages.STATION_AGAIN_JOIN.join(items)),
                [n for _, n, _ in stations])
    items = [messages.STATION_CHOICE.format(name=name, address=addr) for _, name, addr in stations]
    return messages.ASK_STATION.format(stations=numbered(items)), [n for _, n, _ in stations]


_WITH_ADDRESSES = "with_addresses"  # FormTurn.cache: the station list is shown with the addresses
_UNTIL_PERIOD = re.compile(r"(?:住|待|呆)(?:到|至)\s*$")  # "住到月底": a period that ends the stay


def where_stations_are(turn: Turn, topic: str) -> Reply | None:
    """How far a station is from somewhere, or how to get there, asked outside a booking while the stations
    are talked about ("溱湖驿站在哪" then "离高铁站远吗") and not answered by the documents: their addresses
    to look up on a map, the one named or talked about first (user test 21 was told it was off-topic)."""
    text = turn.text
    stations = station_choices(turn.engine)
    named = station_in(text, stations, by_number=False) or station_in(topic, stations, by_number=False)
    if not (QUESTION.search(text) and _WHERE.search(text)) or not (named or messages.BOOKING_TOPIC in topic
                                                                    or _STATION_WORD.search(text)):
        return None
    items = [messages.STATION_CHOICE.format(name=name, address=addr) for i, name, addr in stations
             if named is None or i == named]
    turn.state["topic"] = topic or messages.BOOKING_TOPIC
    return Reply(messages.STATION_WHERE + "\n".join(items), actions=[messages.CHIP_BOOK], intent="policy", found=False)


def _example_day(ft: FormTurn) -> str:
    """A date to show as an example, a week ahead: a fixed one ("12月3日") is in the past for half the year."""
    return day_label(_today(ft) + timedelta(days=7))


def _check_in_chips(ft: FormTurn) -> list[str]:
    """The days the user was asked to choose between ("周三还是周四"), else the usual suggestions (user
    test 16 was offered 明天/后天/下周一 beside "12月16日（周三）还是12月17日（周四）")."""
    asked = ft.values.get(_DAYS_ASKED)
    if asked:
        return [messages.DAY_AND_WEEKDAY.format(day=day_label(d), weekday=weekday_label(d))
                for d in map(date.fromisoformat, asked)]
    return list(messages.CHECK_IN_CHIPS)


def _ask_check_in(ft: FormTurn) -> str:
    if ft.values.get(_DAYS_ASKED):  # which of the days asked about: those, not other examples
        return messages.ASK_ONE_OF_DAYS.format(days=messages.DAYS_ONE_OF_JOIN.join(messages.DAY_QUOTED.format(day=c) for c in _check_in_chips(ft)))
    return messages.ASK_CHECK_IN.format(days=ft.settings.booking.window_days, example=_example_day(ft))


# Back after "稍等", ready to go on: "好了", "好了 继续", "我回来了", "问好了".
_READY = re.compile(r"^(?:好了|好啦|好的|好|行了|ok了?|来了|回来了|我回来了|问好了|问过了|问完了|想好了|找到了|继续|接着|继续吧|"
                    r"接着来|我们继续|咱们继续|嗯+)+$", re.I)


def _no_answer_yet(text: str) -> bool:
    """A reply at a prompt that does not try to answer it: a yes to an earlier question ("是", "确认",
    "👌": user test 5 was told "姓名格式不对"), an acknowledgement, or being back to go on ("好了 继续"
    after "稍等": user test 20 was told the same)."""
    return (yes_no(text) is not None or bool(YES_SIGNS.match(text)) or bool(ACKNOWLEDGED.match(compact(text)))
            or bool(_READY.match(compact(text))) or bool(_NO_CHANGE.match(compact(text))))


# Keeping things as they are, said after a change ("不改了", "算了不换了": user test 23 was told "姓名格式不对").
_NO_CHANGE = re.compile(r"^(?:那|那就|还是|算了|嗯)*(?:不改|不换|不用改|不用换|不变|不动)(?:了|吧|啦|啊)*$")


def _name_not_understood(ft: FormTurn) -> str:
    """Said to a reply at the name prompt that is no name: what the step needs when the reply did not
    try to give it (``_no_answer_yet``), else that the name was not read as one."""
    return messages.BOOKING_NAME_NEEDED if _no_answer_yet(ft.turn.text) else messages.BOOKING_NAME_AGAIN


def _phone_not_understood(ft: FormTurn) -> str:
    """Said to a reply at the phone prompt that is no phone, as ``_name_not_understood`` for names."""
    return messages.BOOKING_PHONE_NEEDED if _no_answer_yet(ft.turn.text) else messages.BOOKING_BAD_PHONE


_STATION_TRY_MAX = 6  # characters: "市区的", "东边那个" may be a station tried; a sentence is something else


def _bad_station(ft: FormTurn) -> str:
    """Said to a reply at the station prompt that names none: a yes ("嗯对的", "可以可以") answers
    something else, and a sentence ("他面试的公司在开发区", "就这些 麻烦你们了") is no station tried:
    both hear that a station is still to be chosen, not that none was found."""
    text = ft.turn.text
    if yes_no(text) is not None or len(compact(text)) > _STATION_TRY_MAX:
        return messages.STATION_NEEDED
    return messages.BAD_STATION


def _bad_nights(ft: FormTurn) -> str:
    """Said to a reply at the nights prompt that holds no number ("好吧"); a number out of range is
    refused with the range (BOOKING_BAD_NIGHTS), not this. A reply that did not try ("确认", "都行") hears
    that the nights are the user's to say (user test 24 was told "没看懂")."""
    if _no_choice_made(ft.turn.text):
        return messages.BOOKING_NIGHTS_NEEDED.format(max=ft.settings.booking.max_free_nights)
    return messages.NIGHTS_NOT_UNDERSTOOD


def _bad_date(ft: FormTurn) -> str:
    """Said to a reply at the day prompt that names no day: a reply that did not try ("确认", "都行", "随便")
    hears that the day is the user's to choose (user test 24 was told "没看懂这个日期"), else that it was
    not read."""
    if _no_choice_made(ft.turn.text):
        return messages.BOOKING_DAY_NEEDED
    return messages.BAD_DATE


def _no_choice_made(text: str) -> bool:
    """A yes ("确认", "是", "👌") or "any will do" ("都行", "随便哪天") where a day or a number of nights is asked."""
    return (yes_no(text) is not None or bool(YES_SIGNS.match(text.strip() or "-")) or bool(_NOT_MINDING.match(compact(text)))
            or bool(ANY_WILL_DO.match(compact(text))))


# The words that name a slot when the user changes it ("改日期", "手机号写错了").
_CHANGE_WORDS = {"station": ("驿站", "站点", "站"), "check_in": ("日期", "入住时间", "哪天", "时间"),
                 "nights": ("晚数", "几晚", "天数", "住几天", "晚上数"), "name": ("姓名", "名字"),
                 "phone": ("手机", "电话", "号码")}
def _show_station(station_id: str, ft: FormTurn) -> str:
    return next((n for i, n, _ in _stations(ft) if i == station_id), station_id)


# What the stay is, asked first; then the eligibility questions; then who stays (``BookingForm.slots``).
_STAY_SLOTS = [
    Slot("station", _station, _ask_station, _bad_station, _CHANGE_WORDS["station"], sticky=True,
         show=_show_station, said_back=lambda text, ft: bool(QUESTION.search(text))),  # "秦湖的还有床位吗"
    Slot("check_in", _check_in,
         lambda ft: (_ask_check_in(ft), _check_in_chips(ft)),
         _bad_date, _CHANGE_WORDS["check_in"],
         show=lambda v, ft: messages.SHOW_CHECK_IN.format(day=day_label(date.fromisoformat(v)),
                                                          weekday=weekday_label(date.fromisoformat(v))),
         how_to_change=messages.HOW_TO_CHANGE_CHECK_IN, said_back=lambda text, ft: not names_month_and_day(text)),
    Slot("nights", _nights,
         lambda ft: (messages.ASK_NIGHTS.format(max=ft.settings.booking.max_free_nights), messages.NIGHTS_CHIPS),
         _bad_nights, _CHANGE_WORDS["nights"], show=lambda v, ft: messages.SHOW_NIGHTS.format(nights=v),
         # worked out from the day the stay ends ("住到二十号"), said again ("3晚 哦不 2晚") or as the most
         # there is ("那就最多的"): said back
         said_back=lambda text, ft: (_stay(ft, text)[1] is not None or said_again(text)
                                     or bool(_THE_MOST.search(compact(text)))
                                     or bool(_NUMBER_PROPOSED.fullmatch(compact(text))))),  # "3 可以吗"
]
_SAME_PERSON = Slot(SAME_PERSON, _same_person, _ask_same_person, lambda ft: messages.SAME_PERSON_AGAIN)
_PERSON_SLOTS = [
    Slot("name", _name, lambda ft: (messages.ASK_NAME, []), _name_not_understood, _CHANGE_WORDS["name"],
         show=lambda v, ft: messages.SHOW_NAME.format(name=v), why=lambda ft: messages.WHY_CONTACT),
    Slot("phone", _phone, lambda ft: (messages.ASK_PHONE, []), _phone_not_understood,
         _CHANGE_WORDS["phone"], show=lambda v, ft: messages.SHOW_PHONE.format(phone=v),
         why=lambda ft: messages.WHY_CONTACT),
]


# When one may stay, asked after a refusal: "那他什么时候能住", "我啥时候才能订", "要等到什么时候".
_ASKS_WHEN = re.compile(r"什么时候|啥时候|何时|多久|几时|哪天|哪年|等到|要等|以后|之后")
_MAY_BOOK = re.compile(r"能|可以|才|行|符合|够|订|约|住|申请")
# Whether one may stay after all, asked right after a refusal: "那我还能住吗", "就不能住了吗", "真的不行吗".
_STILL_MAY = re.compile(r"(?:能|可以|能不能|可不可以)(?:住|订|预约|入住|申请)|(?:不能|不可以|没法)(?:住|订|预约|入住)|"
                        r"(?:真的|一点|就|那就)?(?:不行|没办法|没有办法|没戏)")
_NOT_YET_GRADUATED = "not_yet_graduated"
WHEN_ELIGIBLE = "eligible_when"  # state: when one just refused by a condition may stay, for "那他什么时候能住"


def _when_eligible(q, not_yet_graduated: bool) -> str:
    """When one refused by eligibility question ``q`` may stay, by its rule in config."""
    if not_yet_graduated:
        return messages.ELIGIBLE_AFTER_GRADUATION.format(years=q.graduated_within_years)
    if q.max_age is not None:
        return messages.ELIGIBLE_NEVER_BY_AGE.format(max_age=q.max_age)
    return messages.ELIGIBLE_ONCE_MET.format(rule=q.reject)


def asks_when_eligible(turn: Turn) -> str | None:
    """"那他什么时候能住" after a condition was said not met (outside a booking): when it will be; None
    for anything else. The condition told is forgotten either way."""
    when = turn.state.pop(WHEN_ELIGIBLE, None)
    text = compact(turn.text)
    return when if when and _ASKS_WHEN.search(text) and _MAY_BOOK.search(text) else None  # FormTurn.cache: the graduation said is in a later year


def _eligibility_slot(q) -> Slot:
    def refuse(value, ft: FormTurn) -> Reply | None:
        if value == q.accept:
            return None
        if ft.cache.get(_NOT_YET_GRADUATED) == q.id:  # "明年才毕业": not 应届, said so (user test 7)
            ft.values[_NOT_YET_GRADUATED] = q.id  # "那他什么时候能住" next: after graduating
            return Reply(q.reject + messages.NOT_YET_GRADUATED + messages.ASK_A_PERSON,
                         actions=[messages.CHIP_TICKET], intent="booking")
        return Reply(q.reject + _of_guest(messages.BOOKING_INELIGIBLE_TAIL, ft), actions=[messages.CHIP_TICKET],
                     intent="booking")
    return yes_no_slot(f"q:{q.id}", lambda ft: _of_guest(q.question, ft), ends_flow=refuse,
                       read_fact=lambda text, ft: _fact_answer(q, text, ft), hint=lambda ft: _of_guest(_fact_hint(q, ft), ft),
                       why=lambda ft: q.reject)  # "为什么要问年龄": who the station is for


def _of_guest(text: str, ft: FormTurn) -> str:
    """``text``, which speaks to the guest as 您, said of the guest when the speaker books for someone else:
    a mother asked "您的年龄是否在35周岁及以下？" answers with her own age (user test 24 was refused for it)."""
    if not ft.values.get(_FOR_SOMEONE_ELSE):
        return text
    return text.replace(messages.YOU_POLITE, messages.GUEST_HIMSELF)


# What a question about the stay itself is made of besides its day, nights and station: asking
# whether it can be had ("可以吗", "还有空吗", "能住吗"), and the small words around.
_ABOUT_THE_STAY = re.compile(r"哪几天|那几天|几天|几晚|几号|哪天|可不可以|可以|行不行|能不能|好不好|怎么样|有没有|还有|没有|有|空位|空床|空房|空|床位|位置|房间|房|名额|"
                             r"入住|住|订|预约|约|的话|那就|那|我|想|要|去|来|过去|到|晚上|下午|上午|早上|中午|驿站|站|那边|这边|"
                             r"改成|换成|改到|换到|是|不是|行|能|好|吗|呢|吧|嘛|啊|呀|的|了|就|再|还|先|个|号|不|[\s\W_]")


def _only_about_the_stay(text: str) -> bool:
    """Whether ``text`` says nothing but its day, nights and words of the stay ("那我订月底那几天": asks no
    question, though 几 is in it; user test 22 was told "帮不上忙")."""
    return not re.search(r"[\u3400-\u9fff]", _ABOUT_THE_STAY.sub("", without_days_and_nights(normalise(text))))


_NOT_NEGATED = "(?<![不没非别])(?<!不是)(?<!不是来)(?<!没有)(?<!不为)"  # a word said, not denied


def _said_words(words, text: str) -> bool:
    """Whether ``text`` says one of ``words`` without negating it ("不是来找工作的" does not say 找工作)."""
    return any(re.search(_NOT_NEGATED + re.escape(w), text) for w in words)


def _fact_answer(q, text: str, ft: FormTurn) -> str | None:
    """The answer a fact gives to an eligibility question with a limit: people answer "您的年龄是否在
    35周岁及以下？" with "我今年25", and the graduation question with "我是2018年毕业的" (user test 2:
    "请回复“是”或“否”" to both). Within the limit is the answer that makes one eligible. Said while
    another step is asked ("是的我刚毕业" to the age question), only a fact stated outright counts:
    an age with 岁 or 今年, a graduation; "超过了" answers only the question asked."""
    asked, within = ft.step == f"q:{q.id}", None
    text = english_facts(text)  # "i am 26, graduated 2023, looking for a job" (user test 23)
    # "来找工作的", "来旅游的"; not inside a question in the middle of the form ("创业有补贴吗"), but in
    # the request that starts it ("想下周二去姜堰找工作能不能住驿站住个三四天")
    if (q.yes_words or q.no_words) and (ft.step is None or not QUESTION.search(text)):
        if _said_words(q.no_words, text):
            return "no"
        if _said_words(q.yes_words, text):
            return "yes"
    if q.max_age is not None and (age := age_in(text, asked)) is not None:
        within = age <= q.max_age
    elif q.graduated_within_years is not None and (ago := years_since_graduation(text, _today(ft))) is not None:
        within = 0 <= ago <= q.graduated_within_years
        if ago < 0:
            ft.cache[_NOT_YET_GRADUATED] = q.id
    elif asked and (q.max_age is not None or q.graduated_within_years is not None):
        over = over_limit(text)  # "超过了", "没超过"
        within = None if over is None else not over
    if within is None:
        return None
    return q.accept if within else ("no" if q.accept == "yes" else "yes")


def _fact_hint(q, ft: FormTurn) -> str:
    """Asked again: 是 or 否, or the fact the question is about."""
    if q.max_age is not None:
        return messages.ANSWER_YES_NO_OR_AGE
    if q.graduated_within_years is not None:
        return messages.ANSWER_YES_NO_OR_GRADUATION.format(year=_today(ft).year - 1)
    return messages.ANSWER_YES_NO


_SHOWN_MASKED = "_masked_phone"  # a phone taken from the last booking: the summary masks it too
_SAID_ONE_PERSON = "_said_one_person"  # BookingForm.remark was said
_FOR_SOMEONE_ELSE = "_for_someone_else"  # booked for another person: the last booking's name is not offered
_SAID_FOR_ANOTHER = "_said_for_another"  # BookingForm._may_book_for_another was said
# Asking whether something may be done ("可以吗", "行不行"), said of booking for another person.
_PRONOUN = re.compile(r"[他她]")  # whom "我帮他订" is for
_MAY_I = re.compile(r"可以吗|可以不|可以么|可不可以|行吗|行不行|行不|能吗|能不能|好吗|成吗|没问题吧|允许吗")
_COMPANIONS = "朋友|同学|室友|同事|男朋友|女朋友|对象|家人|老婆|老公|爱人"  # whom a stay is booked with or for
_SOMEONE_ELSE = re.compile(rf"(帮|给|替)(我)?(的)?({_COMPANIONS})")
# Whose stay a question of eligibility is about: another person's ("我22年毕业的同学能住吗", "她23岁能住
# 吗"), unless the sender comes too ("我和同学都能住吗").
_ABOUT_ANOTHER = re.compile(rf"{_COMPANIONS}|儿子|女儿|孩子|闺女|弟弟|妹妹|哥哥|姐姐|[他她]")
_ABOUT_ME_TOO = re.compile(r"我(?:们|和|跟|与|俩|也|自己)|咱")


def _about_another(said: str) -> bool:
    """Whether ``said`` (compacted) asks about someone else's stay, the sender not coming too."""
    return bool(_ABOUT_ANOTHER.search(said)) and not _ABOUT_ME_TOO.search(said)
# Booking for another person who stays alone ("帮我女儿订个驿站", "能帮他订一个吗"), or saying one is not
# the guest ("我是她妈妈"): the speaker's own name is not the guest's, nor is the last booking's person.
_FOR_ANOTHER = re.compile(rf"(?:帮|给|替)(?:我)?(?:的)?(?:{_COMPANIONS}|儿子|女儿|孩子|闺女|小孩|弟弟|妹妹|哥哥|姐姐|侄子|侄女|外甥女?|"
                          r"[他她])(?:也|再)?(?:订|定|预约|预订|预定|约|申请)")
_SPEAKER_IS_ANOTHER = re.compile(r"我是(?:[他她]|孩子|小孩)的?(?:妈妈|妈|爸爸|爸|母亲|父亲|家长|姐姐|哥哥|姐|哥|爷爷|奶奶|外婆|外公|"
                                 r"老师|朋友|同学|亲戚|家人)")
_OWN_NAME = re.compile(r"(?:我叫|我的名字(?:是|叫)|我名字(?:是|叫)|本人叫?)")
# A stay for more than one person: "我们两个人", "我和同学一起", "带女朋友一块".
_SEVERAL_PEOPLE = re.compile(r"(两|俩|三|四|几|[2-9])(个)?人(一起|一块|住)?(?!才)|我们(俩|两个|三个|几个)|"
                             r"(两|俩|三|四|[2-9])(个|张)(床位|床|铺位|名额)|"   # "订两个床位"; "还有几个床位" asks
                             rf"({_COMPANIONS})(也|还)(要|想|会|得)?(一起|一块)(去|来|住|过去)|"   # "我朋友也要一起去"
                             rf"(和|跟|带|还有|陪)(我)?(的)?({_COMPANIONS}|孩子|儿子|女儿|爸|妈)"
                             r"(一起|一块|俩|两个)|"
                             # "我和我老公想去住", after a greeting too ("你好 我和我女朋友想…": user test 21 was not told)
                             rf"^(?:你好|您好|hi|hello|哈喽|嗨|喂|请问|那个|就是|嗯|额|呃)*(我|那我)(和|跟|带|陪)(我)?(的)?({_COMPANIONS}|孩子|儿子|女儿|爸|妈)|"
                             # ... or said after the stay ("后天去溱湖住两晚 我和我对象": user test 22 was not told)
                             rf"(我|那我)(和|跟|带|陪)(我)?(的)?({_COMPANIONS}|孩子|儿子|女儿|爸|妈)(?=$|一起|一块|都|俩|两个|想|要|打算|去|来|过去|住)")


# Not minding which station: "随便", "都行", "不知道选哪个" (where the station is asked).
_ANY_STATION = re.compile(r"随便|都行|都可以|哪个都|不知道(?:选|哪|去)|不清楚|不确定|哪个好|选哪个|推荐|有什么区别|区别|"
                          r"(?:你|你们)(?:帮我|给我)?(?:选|定|看着|安排)|看着(?:安排|办|选|定)|都一样")


# A question about where the stations are, asked while one is chosen: how far, how to get there.
# Leaving the nights to the assistant, or asking what is usual ("你说呢", "一般大家住几晚", "住几晚比较好"): the
# stay is the user's to choose, up to the most (user test 15 was told who may stay, then "帮不上忙").
_ANY_NIGHTS = re.compile(r"^(?:那)?(?:你说呢|你说|你定|你看呢|你看着办|你帮我定|随便|都行|都可以|不知道|不确定|不清楚)(?:吧|呢|啊)?$|"
                         r"(?:一般|大家|别人|通常|平时|多数人|大部分人)(?:都)?(?:住|订|约)(?:几|多少|多久)|"
                         r"(?:住|订)?(?:几|多少)(?:晚|天)(?:比较)?(?:好|合适|够)")
_WHERE = re.compile(r"离|近|远|距离|怎么去|怎么走|怎么过去|交通|坐车|公交|地铁|高铁|火车|车站|机场|在哪|哪里|地址|位置|方便")
# What an answer about where the stations are speaks of: a text found for "哪个近一点啊 我在高铁站下" that
# says none of it (who may stay) answers something else, and the addresses are given instead.
ABOUT_PLACES = re.compile(r"地址|位于|位置|距离|公里|分钟|步行|附近|交通|公交|地铁|高铁|火车|车站|机场|路线")


def _chooses_station(text: str, stations: list) -> bool:
    """Whether a message chooses a station by its words ("总站吧", "选溱湖", "就总站"), whatever it
    asks after: voice input runs the choice and the question together."""
    plain = compact(text)
    for _, name, _ in stations:
        for said in {name, *station_aliases(name)}:
            for m in re.finditer(re.escape(said), plain):
                if _CHOICE_BEFORE.search(plain[:m.start()]) or _CHOICE_AFTER.match(plain, m.end()):
                    return True
    return False


# A stay asked for as the one before ("再帮我订一个一样的", "跟上次一样", "照旧"): its station and nights.
_SAME_AS_BEFORE = re.compile(r"(?:一样|同样|相同)的?(?:预约|床位|驿站|房间)?(?:吧|啊|呀)?$|"
                             r"(?:和|跟|同|照|按)(?:上次|上回|之前|刚才|前面)(?:的|那个)?(?:一样|那样)?|照旧|老样子")
_CHOICE_BEFORE = re.compile(r"(?:选|就|要|订|定)$")
_CHOICE_AFTER = re.compile(r"(?:的|那个)?吧")


class BookingForm(Form):
    name = "booking"
    intent = "booking"
    confirm_actions = (messages.CHIP_CONFIRM, messages.CHIP_CHANGE_DATE, messages.CHIP_CANCEL)
    asides = ("my_bookings", "ticket_status", "about_bot")
    title = messages.BOOKING_TITLE
    change_intents = {"reschedule": "check_in"}

    def slots(self, ft: FormTurn) -> list[Slot]:
        """The eligibility questions come before the name and phone: someone who may not stay is
        told so before giving any personal data for nothing (user test)."""
        # The last booking's person is offered before the conditions: that person met them when booking,
        # so "是" answers them too (user test 27: "再帮我订一个" for oneself was asked them all again).
        return (_STAY_SLOTS + ([_SAME_PERSON] if self._offers_same_person(ft) else [])
                + [_eligibility_slot(q) for q in ft.settings.booking.eligibility] + _PERSON_SLOTS)

    def _offers_same_person(self, ft: FormTurn) -> bool:
        """A second booking offers the name and phone of the last one (user test 3: both were asked
        again in the same chat), unless this one has given either already."""
        v = ft.values
        return SAME_PERSON in v or ("name" not in v and "phone" not in v and not v.get(_FOR_SOMEONE_ELSE)
                                    and _previous(ft) is not None)

    def start_text(self, ft: FormTurn) -> str:
        return messages.BOOKING_START.format(max=ft.settings.booking.max_free_nights)

    def unavailable(self, ft: FormTurn) -> Reply | None:
        return None if _stations(ft) else Reply(messages.NO_STATIONS, intent="booking")

    def kept_on_restart(self, ft: FormTurn) -> set[str]:
        """Who is staying (name, phone, the eligibility answers) holds for any station and day."""
        return ({"name", "phone", SAME_PERSON, _SHOWN_MASKED}
                | {s.name for s in self.slots(ft) if s.name.startswith("q:")})

    def restart_text(self, ft: FormTurn) -> str:
        """Says which of the name and phone are kept: only those given (user test 4 heard both
        were kept when only the phone had been typed)."""
        kept = [label for key, label in (("name", messages.KEPT_NAME), ("phone", messages.KEPT_PHONE))
                if key in ft.values]
        if kept:
            return messages.BOOKING_RESTART.format(kept=messages.KEPT_AND.join(kept))
        return self.start_text(ft)

    def asks_again(self, turn: Turn) -> bool:
        """"还是订吧 就刚才那个": a word of booking beside the words that refer back."""
        return bool(_BOOK_VERB.search(turn.text))

    def well_under_way(self, ft: FormTurn) -> bool:
        """The stay is all given (station, day, nights): "再订一个" then means another stay, and this
        one would be lost (user test 4); before that it starts over (user test 1)."""
        return all(s.name in ft.values for s in _STAY_SLOTS)

    def asked_after_refusal(self, ft: FormTurn, slot_name: str) -> Reply | None:
        """"那他什么时候能住", "我啥时候才能订" right after a condition refused the stay: when it is met, by the
        condition's own rule in config (user test 21 was told how to cancel): after graduating for one not
        yet graduated, never for an age over the limit, else once the condition holds."""
        text = compact(ft.turn.text)
        refusal = ft.values.get(REFUSED_TEXT)
        if refusal and QUESTION.search(ft.turn.text) and _STILL_MAY.search(text) and not _ASKS_WHEN.search(text):
            # "那我还能住吗", "真的不行吗": the refusal again, not the conditions and a request for the facts
            # just given (user test 22)
            return Reply(refusal + messages.FORM_UNDO_HINT, actions=[messages.CHIP_REDO, messages.CHIP_TICKET],
                         intent=self.intent)
        if not (_ASKS_WHEN.search(text) and _MAY_BOOK.search(text)):
            return None
        q = next((q for q in ft.settings.booking.eligibility if f"q:{q.id}" == slot_name), None)
        if q is None:
            return None
        return Reply(_when_eligible(q, ft.values.get(_NOT_YET_GRADUATED) == q.id), actions=[messages.CHIP_TICKET],
                     intent=self.intent)

    def help_choosing(self, ft: FormTurn) -> str | None:
        """"我也不知道选哪个", "随便哪个都行" where the station is asked: they are all the same to stay
        at, so the one near where the user goes (user test 7 got how to book, then "帮不上忙")."""
        if ft.step == "station" and _ANY_STATION.search(ft.turn.text):
            ft.cache[_WITH_ADDRESSES] = True
            return messages.STATION_ANY.format(count=len(_stations(ft)))
        if ft.step == "nights" and _ANY_NIGHTS.search(compact(ft.turn.text)):
            return messages.NIGHTS_ANY.format(max=ft.settings.booking.max_free_nights)
        return self._where_they_are(ft)

    def _where_they_are(self, ft: FormTurn) -> str | None:
        if ft.step == "station" and QUESTION.search(ft.turn.text) and _WHERE.search(ft.turn.text):
            # "哪个离高铁站近一点": where the stations are, from the documents if they say, else their
            # addresses (user test 7 was told "帮不上忙"); the station is asked again
            ft.cache[_WITH_ADDRESSES] = True
            answer = ft.engine.answer_question(f"{messages.BOOKING_TOPIC} {ft.turn.text}", ft.turn.incoming.user_key)
            if answer.found and ABOUT_PLACES.search(answer.text):  # not who may stay (user test 17)
                from bot.dialogue.handlers import reply_for_answer  # it imports this module

                return reply_for_answer(answer, offer=False).render() + "\n\n"
            return messages.STATION_WHERE
        return None

    def taken_in(self, ft: FormTurn) -> str:
        """"我是她妈妈", "我帮儿子订的": the speaker is not the guest, taken in (the last booking's
        person is not offered, the speaker's own name is not the guest's) and said so; a
        mother's reply was "没有找到这个驿站" (user test 9)."""
        said = compact(ft.turn.text)
        if ft.cache.get("remark") and not QUESTION.search(ft.turn.text):  # "住到12号" with the day still asked
            return ft.cache.pop("remark")
        told = self._may_book_for_another(ft)
        if told:  # "我帮他订可以吗": yes, and whose name and phone
            return told
        if QUESTION.search(ft.turn.text):
            return ""
        if not (_SPEAKER_IS_ANOTHER.search(said) or _FOR_ANOTHER.search(said)):
            # "等等 我朋友也要一起去" at the summary: one bed per booking (user test 14 was told "不着急")
            return self.remark(ft)
        ft.values[_FOR_SOMEONE_ELSE] = True
        return messages.BOOKING_FOR_ANOTHER_NOTED

    def named_in_passing(self, ft: FormTurn, text: str) -> set[str]:
        """A question that names a day, a stay or a station and asks about something else
        ("今天天气怎么样", "溱湖离高铁站远吗"): its day is no check-in, its station no choice (user
        test 4: the weather question moved the booking to today). One about the stay itself
        ("1月20号可以吗", "总站明天还有空吗") offers what it names."""
        if ASKS_DAY.search(compact(text)):  # "下周三是几号": what day it is, not a day to stay
            return {"station", "check_in", "nights"}
        if ft.step == "station" and _NOT_MINDING.match(compact(text)):  # "哪个都可以" asks nothing
            return set()
        stated = "".join(c for c in _CLAUSES.split(text) if c and not QUESTION.search(c))
        if len(compact(stated)) >= 3 and (_day_named(ft, stated) is not None or nights_in(stated) is not None):
            # "我下周二下午到然后大概住个三天吧然后那个驿站离汽车站近不近啊" (voice input): the stay is stated
            # in a clause of its own, the question asked after it (user test 21 lost the day and nights)
            ft.cache["asked_beside"] = True
            return {"station"} if station_in(stated, _stations(ft), by_number=False) is None else set()
        if self._asks_of_another(ft, text):  # "我22年毕业的同学能住吗": the classmate's year, not the guest's
            return {slot.name for slot in self.slots(ft)}
        rest = without_days_and_nights(normalise(text))
        # "秦湖的还有床位吗" (pinyin input) names 溱湖 as much as "溱湖的还有床位吗"
        rest = sound_alike(rest, [a for _, name, _ in _stations(ft) for a in station_aliases(name)])
        for _, name, _ in _stations(ft):
            for said in sorted({name, *station_aliases(name)}, key=len, reverse=True):
                rest = rest.replace(said, "")
        rest = _ABOUT_THE_STAY.sub("", rest)
        if not re.search(r"[\u3400-\u9fff]", rest):
            return set()
        if _chooses_station(text, _stations(ft)):  # "总站吧那个总站有没有空调啊"
            # the choice is taken, and the question answered (Form.step), at any step: "算了还是总站吧 总站离
            # 高铁近吗" changes the station chosen before (user test 14 kept the old one)
            ft.cache["asked_beside"] = True
            ft.cache[CHOSEN_BESIDE] = {"station"}
            return {"check_in", "nights"}
        return {"station", "check_in", "nights"}

    def _may_book_for_another(self, ft: FormTurn) -> str:
        """"我帮他订可以吗": yes, with whose name and phone to give, once a booking; "" for any other message."""
        said = compact(ft.turn.text)
        if not (QUESTION.search(ft.turn.text) and _FOR_ANOTHER.search(said) and _MAY_I.search(said)):
            return ""
        ft.values[_FOR_SOMEONE_ELSE] = True
        if ft.values.get(_SAID_FOR_ANOTHER):
            return ""
        ft.values[_SAID_FOR_ANOTHER] = True
        pronoun = _PRONOUN.search(_FOR_ANOTHER.search(said).group(0))
        return messages.BOOKING_FOR_ANOTHER_OK.format(who=pronoun.group(0) if pronoun else messages.GUEST_HIMSELF)

    def restart(self, ft: FormTurn) -> Reply:
        """"我帮他订可以吗" in the middle asks whether, not for a new booking: answered, the step asked again."""
        told = self._may_book_for_another(ft) if ft.step else ""
        if told:
            return self.ask(ft, ft.step, told)
        said = compact(ft.turn.text)
        if ft.step and _FOR_ANOTHER.search(said) and not (_BOOK_AGAIN.search(said) and self.well_under_way(ft)):
            # "我不知道填谁的名字 我帮我弟弟订" at the name: this booking is for him, not a new one (user test 24
            # lost the stay given); whose name and phone go in, said once
            ft.values[_FOR_SOMEONE_ELSE] = True
            pronoun = _PRONOUN.search(_FOR_ANOTHER.search(said).group(0))
            told = "" if ft.values.get(_SAID_FOR_ANOTHER) else messages.BOOKING_FOR_ANOTHER_OK.format(
                who=pronoun.group(0) if pronoun else messages.GUEST_HIMSELF)
            ft.values[_SAID_FOR_ANOTHER] = True
            return self.ask(ft, ft.step, told)
        if ft.step and (_asks_about_two(ft.turn) or _several_beds_asked(ft.turn)):
            # "可以带家属一起住吗", "我们两个人 订两个床位": the one-bed rule, this booking kept (user tests 24, 27
            # started over, the station, day and nights given lost)
            ft.values[_SAID_ONE_PERSON] = True
            return self.ask(ft, ft.step, messages.BOOKING_ONE_PERSON + "\n")
        return super().restart(ft)

    def remark(self, ft: FormTurn) -> str:
        """A stay for several people ("我和同学两个人想住驿站") or someone else ("帮我朋友也订一个"): each
        booking is one bed for one person, and one user's bookings may not overlap, so the others
        book for themselves (user test 5: one bed was booked without a word; the friend's booking
        was refused as overlapping only at the summary). Said once a booking."""
        note = ft.cache.pop("remark", "")
        said = compact(ft.turn.text)
        if note:
            return note
        free = self._free_told(ft)
        if free:
            return free
        if id_number_in(ft.turn.text) and not ft.cache.get(_ID_TOLD):  # not asked for, not kept (user test 17)
            ft.cache[_ID_TOLD] = True
            return messages.BOOKING_ID_NOT_NEEDED + "\n"
        told = self._may_book_for_another(ft)
        if told:
            return told
        if (_SEVERAL_PEOPLE.search(said) or _SOMEONE_ELSE.search(said)) and not ft.values.get(_SAID_ONE_PERSON):
            ft.values[_SAID_ONE_PERSON] = True
            return messages.BOOKING_ONE_PERSON + "\n"
        return ""

    def _free_told(self, ft: FormTurn) -> str:
        """"…住两个晚上不知道还有没有位置": whether the stay asked has a bed every night, once the
        station, day and nights are known (user test 19 started booking without a word on it)."""
        text, v = ft.turn.text, ft.values
        if not (QUESTION.search(text) and _ASKS_FREE.search(text)) or ft.cache.get(_FREE_TOLD) \
                or not all(k in v for k in ("station", "check_in", "nights")):
            return ""
        ft.cache[_FREE_TOLD] = True
        check_in = date.fromisoformat(v["check_in"])
        with ft.engine.read_sessions() as s:
            station = next((st for st in active_stations(s) if st.id == v["station"]), None)
            if station is None:
                return ""
            full = [d for d, beds in free_beds(s, station, check_in, int(v["nights"])).items() if beds <= 0]
        if full:
            return messages.BOOKING_FULL.format(station=station.name, day=day_label(full[0])) + "\n"
        return messages.STAY_FREE.format(station=station.name, day=day_label(check_in), nights=v["nights"]) + "\n"

    def prefill(self, ft: FormTurn) -> None:
        stations = _stations(ft)
        if len(stations) == 1:
            ft.values.setdefault("station", stations[0][0])

    def aside(self, ft: FormTurn) -> str:
        """"我预约成功了吗" / "我的预约" in the middle of booking: the bookings already made, and that
        this one is not submitted yet; then the pending question again (user test: it used to
        say "您还没有驿站预约" and drop the booking one 确认 short of done). "我的工单": the tickets,
        the same way (user test 3: listed, but the booking's question was not asked again)."""
        if ft.turn.classified == "about_bot":  # "你是机器人吗": what answers (user test 23: no step asked again)
            return messages.ABOUT_BOT_IN_FLOW
        if ft.turn.classified == "ticket_status":
            from bot.dialogue.ticket_flow import tickets_listed  # it imports this module

            listed = tickets_listed(ft.turn) or messages.NO_TICKETS_YET
        else:  # "我之前有没有订过": none is an answer too
            listed = _bookings_listed(ft.turn) or messages.NO_BOOKINGS_YET
        return (listed + "\n\n" if listed else "") + messages.BOOKING_NOT_SUBMITTED

    def _asks_of_another(self, ft: FormTurn, text: str) -> bool:
        """Whether a question in the middle of a booking asks if someone else may stay ("我22年毕业的同学
        能住驿站吗"), the booking not being for them: answered, never taken as the guest's facts (seen on
        `./run serve`: "好的，这些记下了")."""
        said = compact(text)
        return bool(QUESTION.search(text) and _MAY_STAY.search(said) and _about_another(said)
                    and not ft.values.get(_FOR_SOMEONE_ELSE))

    def digression(self, ft: FormTurn) -> str | None:
        """Which days can be booked, asked in the middle ("那最早能订哪天" after a day too far: user test
        11 was answered how to cancel), is the window from today; whether someone else may stay, by
        the service's conditions; anything else as any form answers it."""
        if self._asks_of_another(ft, ft.turn.text) and (told := eligibility_said(ft.turn)) is not None:
            return told.text
        separately = books_separately(ft.turn)
        if separately is not None:  # "那分开订两个呢" after the one-bed rule
            return separately.text
        # "等下 我朋友也要来 能一起订吗" (user test 22: "帮不上忙"), "可以带家属一起住吗" (user test 24: the same)
        if _COMPANION_COMING.search(compact(ft.turn.text)) or (QUESTION.search(ft.turn.text)
                                                               and _MAY_BRING.search(compact(ft.turn.text))):
            ft.values[_SAID_ONE_PERSON] = True
            return messages.BOOKING_ONE_PERSON
        where = self._where_they_are(ft) if "station" not in ft.values else None
        if where:  # "…住个三天吧然后那个驿站离汽车站近不近啊": the stay taken, the addresses given
            return where.rstrip("\n")
        if _ASKS_WINDOW.search(compact(ft.turn.text)):
            today, days = _today(ft), ft.settings.booking.window_days
            return messages.BOOKING_WINDOW.format(first=day_label(today), last=day_label(today + timedelta(days=days)),
                                                  days=days)
        return super().digression(ft)

    def topic(self, ft: FormTurn) -> str:
        return messages.BOOKING_TOPIC

    def own_question(self, ft: FormTurn, question: str) -> bool:
        """"…想问一下你们那个驿站能不能住 大概住个两三天吧": whether one may stay, which the booking answers
        (user test 24 was told first that no answer was found); what or how is still looked up."""
        plain = compact(question)
        return bool(_MAY_STAY.search(plain) and _ABOUT_A_STAY.search(plain) and not _ASKS_WHAT.search(plain))

    def names_the_service(self, ft: FormTurn) -> bool:
        """The station named, or one of them; not by a word that is a place's name as much as the
        station's ("明天姜堰下雨吗" names the district 姜堰, not the station named after it: user
        test 7 was answered with the stations' addresses)."""
        text = ft.turn.text
        if messages.BOOKING_TOPIC in text:
            return True
        places = gazetteer().by_form
        for said in sorted({a for _, name, _ in _stations(ft) for a in station_aliases(name) if a in places},
                           key=len, reverse=True):
            text = text.replace(said, "")
        return station_in(text, _stations(ft), by_number=False) is not None

    def reask(self, ft: FormTurn, slot: Slot) -> Reply:
        if slot.name == "station" and len(_stations(ft)) == 1:
            return self.ask(ft, self.missing(ft), messages.ONLY_ONE_STATION)
        return super().reask(ft, slot)

    def _refused(self, ft: FormTurn, exc: BookingError) -> Reply:
        """Full, closed or overlapping: say why and what is free, and ask the day again. A station
        suggested can be taken by its name ("那就总站吧", or its quick reply): the day refused
        then stays, and the summary comes back (after_absorb)."""
        v, text = ft.values, exc.message
        if exc.alternatives:
            text += "\n" + messages.BOOKING_ALTERNATIVES.format(items="；".join(exc.alternatives))
        v["_refused_day"] = v.pop("check_in", None)
        if exc.free_stations:
            v[OPEN] = ["station"]
            text += "\n" + messages.BOOKING_TAKE_OTHER_STATION
        reply = self.ask(ft, "check_in", text + "\n")
        reply.actions = exc.free_stations + reply.actions
        return reply

    def after_absorb(self, ft: FormTurn) -> None:
        v = ft.values
        if ft.step is None and _SAME_AS_BEFORE.search(compact(ft.turn.text)):
            self._as_last_booking(ft)
        asked_about = ft.turn.state.pop(ASKED_ABOUT, None) or {}
        said_before = asked_about.pop(_SAID_BEFORE, None)
        for slot, value in asked_about.items():
            if slot not in v:  # the day and station whose free beds were just told
                v[slot] = value
                ft.added.append(slot)
        said = compact(ft.turn.text)
        if _SOMEONE_ELSE.search(said) or _FOR_ANOTHER.search(said) or _SPEAKER_IS_ANOTHER.search(said):
            v[_FOR_SOMEONE_ELSE] = True  # "帮我朋友也订一个", "帮我女儿订个驿站": not the last booking's person
        told = ft.turn.state.pop(SITUATION_TOLD, None) if ft.step is None else None
        if told and _about_another(compact(told)) == bool(v.get(_FOR_SOMEONE_ELSE)):
            # the facts told before the booking began, of whom it is for ("我今年24岁，刚毕业", then "想订驿站"):
            # not asked again (user test 25 was asked the age and the graduation)
            said_before = f"{said_before} {told}" if said_before else told
        if said_before:  # the facts said with that question ("我是22年毕业的 今年26 … 驿站能住吗"): not asked
            before = FormTurn(self, ft.turn, cache=ft.cache)  # again (user test 21 was asked the age again)
            for q in ft.settings.booking.eligibility:
                if f"q:{q.id}" not in v and _fact_answer(q, said_before, before) == q.accept:
                    v[f"q:{q.id}"] = q.accept
        if ft.found.get(SAME_PERSON) in ("yes", "new"):  # what the reply did not replace is taken again
            name, phone = _previous(ft)
            v.setdefault("name", name)
            if v.setdefault("phone", phone) == phone and "phone" not in ft.found:
                v[_SHOWN_MASKED] = phone  # said masked, so shown masked: it was not typed in this booking
            if v["name"] == name:  # the same person (a new phone at most): the conditions they met when booking hold
                for q in ft.settings.booking.eligibility:
                    v.setdefault(f"q:{q.id}", q.accept)
        if "station" in ft.changed and "check_in" not in v and v.get("_refused_day"):
            v["check_in"] = v["_refused_day"]
        if "check_in" in v:
            v.pop(_OFFERED_DAY, None)
            v.pop(_DAYS_ASKED, None)
        if "check_in" in v or "station" in ft.changed:
            v.pop("_refused_day", None)
            v.pop(OPEN, None)
        picked = v.get(_PICKED_FOR_YOU)
        if picked is not None and v.get("station") != picked:
            v.pop(_PICKED_FOR_YOU)  # chosen by the user since
        elif picked is not None and ("check_in" in ft.found or "nights" in ft.found) and "nights" in v and "check_in" in v:
            roomiest = _roomiest_station(ft)  # picked before the stay was known: one with a bed every night
            if roomiest is not None and roomiest != picked and _free_every_night(ft).get(picked, 0) <= 0:
                v["station"] = v[_PICKED_FOR_YOU] = roomiest
                ft.cache["remark"] = ft.cache.get("remark", "") + _picked_text(roomiest, ft)

    def _as_last_booking(self, ft: FormTurn) -> None:
        """"再帮我订一个一样的": the station and nights of the user's latest booking, unless this message
        says its own (user test 16 started from nothing). Not the day: that one is booked already."""
        with ft.engine.read_sessions() as s:
            rows = bookings_of(s, ft.turn.incoming.user_key)
            last = max(rows, key=lambda b: b.id) if rows else None
            made = (last.station_id, last.nights) if last is not None else None
        if made is None:
            return
        for slot, value in zip(("station", "nights"), made):
            if slot not in ft.values and (slot != "station" or any(i == value for i, _, _ in _stations(ft))):
                ft.values[slot] = value
                ft.added.append(slot)

    def summary(self, ft: FormTurn) -> str:
        v = ft.values
        return messages.BOOKING_SUMMARY.format(
            station=_show_station(v["station"], ft),
            check_in=day_label_with_year(date.fromisoformat(v["check_in"])),
            weekday=weekday_label(date.fromisoformat(v["check_in"])), nights=v["nights"], name=v["name"],
            phone=mask_phone(v["phone"]) if v.get(_SHOWN_MASKED) == v["phone"] else v["phone"])

    def submit(self, ft: FormTurn) -> Reply:
        v = ft.values
        req = BookingRequest(station_id=v["station"], check_in=date.fromisoformat(v["check_in"]),
                             nights=int(v["nights"]), name=v["name"], phone=v["phone"],
                             answers={k[2:]: a for k, a in v.items() if k.startswith("q:")})
        try:
            with ft.engine.sessions() as s:
                booking = book(s, ft.settings, ft.turn.incoming.user_key, req, users_today(ft.settings))
        except BookingError as exc:
            return self._refused(ft, exc)
        return self.done(ft, Reply(messages.BOOKING_DONE.format(
            number=booking.number, station=_show_station(booking.station_id, ft),
            check_in=day_label_with_year(booking.check_in), nights=booking.nights),
            actions=[messages.CHIP_MY_BOOKINGS], intent="booking"))


BOOKING_FORM = register(BookingForm())


@handles(BOOKING_FORM.name, asides=BOOKING_FORM.asides)
def booking(turn: Turn) -> Reply:
    both = cancels_then_books(turn)
    if both is not None:  # "取消明天的预约 帮我订下周一总站2晚": the cancel first, then this booking
        return _cancel_then_book(turn, *both)
    if not turn.state.get("flow") and _asks_about_two(turn):
        # "能带女朋友一起住吗": a question, answered with the rule, not a booking started (user test 15)
        turn.state["topic"] = messages.BOOKING_TOPIC  # "那分开订两个呢" next is about the station
        return Reply(messages.BOOKING_ONE_PERSON + messages.BOOK_ONE_PERSON_HOW, actions=[messages.CHIP_BOOK],
                     intent="booking")
    if turn.state.get("flow") == BOOKING_FORM.name:
        made = _change_of_booking_made(turn)
        if made is not None:
            return made
        turn = _without_booking_named(turn)
    return BOOKING_FORM.handle(turn)


# A booking made named as such and asked to be changed: "我那个预约改一下", "之前订的那个能改吗".
_MADE_CHANGED = re.compile(r"(?:我)?(?:那个|之前的?|之前那个|上次的?|上次那个|已经订的|订好的|之前订的|上次订的)(?:驿站)?的?"
                           r"(?:预约|床位|订单)?(?:想|要|能|能不能|可以|可不可以|得|需要)?(?:改|修改|调整|变更|更改)")


# Another booking asked for beside another person: "帮我弟弟也订一个", "再帮她订一个" (a second stay, not this one).
_BOOK_AGAIN = re.compile(r"也|再|还要|另外|又")


def _change_of_booking_made(turn: Turn) -> Reply | None:
    """"溱湖那个改到下周二" in the middle of booking 总站: a change of the 溱湖 booking made, not of this
    one (user test 19 had this booking moved to 溱湖). The booking in progress is put aside for
    "继续预约" and the change offered. None when the station before the change is this booking's, or
    names no single booking made."""
    plain = normalise(turn.text)
    if _MADE_CHANGED.search(compact(plain)):  # "我那个预约改一下" while booking another stay (user test 24:
        rows, names = _own_bookings(turn)    # "没看懂要住几晚")
        active = _in_order([b for b in rows if b.status == "active"])
        if not active:
            return None
        pause_form(turn)
        return say_paused(turn, _offer_change(turn, active[0], names) if len(active) == 1
                          else _ask_which_to_change(turn, active, names))
    cut = _CHANGE_TO.search(plain)
    station = station_in(plain[:cut.start()], station_choices(turn.engine), by_number=False) if cut else None
    if station is None or (turn.state.get(BOOKING_FORM.name) or {}).get("station") == station:
        return None
    rows, names = _own_bookings(turn)
    made = [b for b in rows if b.status == "active" and b.station_id == station]
    if len(made) != 1:
        return None
    pause_form(turn)
    return say_paused(turn, _offer_change(turn, made[0], names))


def _without_booking_named(turn: Turn) -> Turn:
    """"总站那个换到溱湖" in the middle of booking 总站: the station before the change names this booking,
    the one after is the new choice (user test 19 kept 总站)."""
    plain = normalise(turn.text)
    cut = _CHANGE_TO.search(plain)
    stations = station_choices(turn.engine)
    if cut is None or station_in(plain[:cut.start()], stations, by_number=False) is None \
            or station_in(plain[cut.end():], stations, by_number=False) is None:
        return turn
    return turn.saying(plain[cut.start():])


# Asking whether one may bring someone along ("能带女朋友一起住吗"), and nothing of a stay. (Staying with
# someone, "我能不能陪我儿子一起住", books: the questions tell who may stay.)
_MAY_BRING = re.compile(rf"(?:能|可以|能不能|可不可以|允许)(?:带|带上)(?:我)?(?:的)?(?:{_COMPANIONS}|孩子|儿子|女儿|爸|妈|家属|父母)")


def _asks_about_two(turn: Turn) -> bool:
    text = turn.text
    if not (QUESTION.search(text) and _MAY_BRING.search(compact(text))):
        return False
    today = users_today(turn.engine.settings)
    return (date_in(text, today) is None and nights_in(text) is None
            and station_in(text, station_choices(turn.engine), by_number=False) is None)


def _several_beds_asked(turn: Turn) -> bool:
    """A booking asked for several people at once ("我们两个人 订两个床位"), naming no stay of its own."""
    text = turn.text
    if not _SEVERAL_PEOPLE.search(compact(text)):
        return False
    today = users_today(turn.engine.settings)
    return (date_in(text, today) is None and nights_in(text) is None
            and station_in(text, station_choices(turn.engine), by_number=False) is None)


LIST_FLOW = "my_bookings"  # "我的预约" listed the bookings: "第二个" / "取消第二个" pick from them
_MY_BOOKINGS_SHOWN = 10
# A pick that says what it is for: "取消第二个", "把第2个取消掉", "第二个不要了".
_SAYS_CANCEL = re.compile("取消|不要")


# Looking bookings up by what they are not kept by: a phone number ("我用1301…订的 帮我查一下") or
# another person ("我儿子订的驿站能帮他查一下吗", "我女儿订的驿站要取消").
_LOOKED_UP = re.compile(r"查|看|订的|约的|订了|约了|订过|约过|的预约|的订单|有没有预约|有预约|取消|退")
# ... also booked for the user ("我朋友帮我订的"), or named as theirs ("帮我儿子查一下他的预约": user test 24 got
# how to look one's own up).
_BOOKED_BY_ANOTHER = re.compile(rf"(?:儿子|女儿|孩子|闺女|小孩|{_COMPANIONS}|他|她)(?:的)?(?:自己)?(?:帮我|给我|替我)?"
                                rf"(?:订|预约|预订|预定|约)(?:的|了|过)|"
                                rf"(?:儿子|女儿|孩子|闺女|小孩|{_COMPANIONS}|他|她)的(?:那个)?(?:预约|订单)")


def booked_elsewhere(turn: Turn) -> Reply | None:
    """A booking looked up by a phone number or as another person's: bookings go with the WeChat
    account (or the web visitor) that made them, which is said, with this account's own (user test
    6: "我用1301…订的" got "not found"; user test 7: "我儿子订的…帮他查一下" started a booking). None
    for any other message."""
    text = turn.text
    by_phone = phone_in(text) is not None and _LOOKED_UP.search(text)
    if not (by_phone or _BOOKED_BY_ANOTHER.search(compact(text))):
        return None
    listed = _bookings_listed(turn)
    return Reply(messages.BOOKINGS_GO_WITH_ACCOUNT + "\n" + (listed or messages.ACCOUNT_HAS_NO_BOOKINGS),
                 actions=[messages.CHIP_TICKET] if listed is None else [messages.CHIP_MY_BOOKINGS],
                 intent="my_bookings")


# A booking made reported not found where it was to be had ("到了前台说没有我的名字", "查不到我的预约"):
# something went wrong that the records alone do not put right (user test 24 was started a new booking).
_REPORTED_MISSING = re.compile(r"查不到|找不到|没查到|没找到|没有我的?(?:名字|预约|记录|信息)|没我的?(?:名字|预约|记录|信息)|"
                               r"说没有|没有记录|没记录|不承认|不认")
# Saying a booking was made, against "您还没有驿站预约" ("我昨天订的啊", "我明明订了").
_INSISTS_BOOKED = re.compile(r"(?:明明|昨天|前天|之前|已经|刚才|刚刚|上周|早就|确实|真的)(?:就|都)?(?:已经)?"
                             r"(?:订|预约|约|预订|预定)(?:了|过|好了)?(?:的)?(?:啊|呀|呢|吧|了|嘛)*$")


@handles("my_bookings")
def my_bookings(turn: Turn) -> Reply:
    """"我的预约": the latest bookings, the soonest stay first, numbered when there are several; the
    list is kept, so "第二个" or "取消第二个" picks from it (``_pick``, as from 取消预约's list; user
    test: "第一个" after the list was not understood). Inside another flow (the menu's 我的预约 while
    booking) they are only shown: that flow's question is still the one pending."""
    flow = turn.state.get("flow")
    if flow == LIST_FLOW and turn.text and turn.classified != "my_bookings":  # a reply to the list
        return _pick(turn)
    elsewhere = booked_elsewhere(turn) if flow in (None, LIST_FLOW) else None
    if elsewhere is not None:
        _leave_list(turn)
        return elsewhere
    rows, names = _own_bookings(turn)
    missing = flow in (None, LIST_FLOW) and _REPORTED_MISSING.search(compact(turn.text))
    if not rows and flow in (None, LIST_FLOW) and (_INSISTS_BOOKED.search(compact(turn.text)) or missing):
        # "我昨天订的啊" after "您还没有驿站预约": where bookings are kept, and a person offered (user test 15
        # was told "帮不上忙")
        _leave_list(turn)
        turn.state["offer_ticket"] = turn.text
        return Reply(messages.BOOKINGS_GO_WITH_ACCOUNT + "\n" + messages.ACCOUNT_HAS_NO_BOOKINGS + messages.OFFER_TICKET,
                     actions=[messages.CHIP_TICKET], intent="my_bookings")
    if not rows:
        _leave_list(turn)
        return Reply(messages.NO_BOOKINGS, actions=[messages.CHIP_BOOK], intent="my_bookings")
    if flow not in (None, LIST_FLOW):
        return Reply(_bookings_text(rows, names, to_pick=False), intent="my_bookings")
    if missing:  # "我订的驿站到了前台说查不到": what was booked, and a person to sort it out
        return offer_person(turn, _list_bookings(turn, rows, names))
    return _list_bookings(turn, rows, names)


# A booking asked after by its day alone ("后天的那个呢", "那明天那个呢"): the day, then the words of reference.
_BY_DAY = re.compile(r"(?:那|那么|还有)?(?P<day>.{1,8}?)(?:的)?(?:那个|那次|那间)(?:预约|床位|住宿|订单)?"
                     r"(?:呢|还在吗|还在不在|还在吧|怎么样了?|咋样了?)?")


# A booking confirmed, or asked whether confirmed, with no summary waiting for 确认: "确认预约", "我要确认一下
# 预约", "确认了吗", "预约确认了没" (user test 25: typed right after 预约成功, it got how to book).
_CONFIRMS = re.compile(r"(?:我|那|那我)?(?:要|想|再)?(?:帮我)?(?:确认|确定)(?:一下|下)?(?:我的)?(?:预约|预订|预定|订单|床位)?"
                       r"(?:了|好了|成功了)?(?:吗|没|没有|吧|呀|啊)?|(?:我的)?(?:预约|预订|预定|订单)(?:确认|确定)(?:了|好了)?(?:吗|没|没有)?")


def confirmed_already(turn: Turn) -> Reply | None:
    """A confirmation said where none is asked, by a user with a booking ("确认预约" after 预约成功):
    the booking is made already, shown; None otherwise (no booking: how to book answers it)."""
    if turn.state.get("flow") or not _CONFIRMS.fullmatch(compact(turn.text)):
        return None
    rows, names = _own_bookings(turn)
    if not any(b.status == "active" for b in rows):
        return None
    return _list_bookings(turn, rows, names, messages.BOOKING_ALREADY_CONFIRMED)


def booking_by_day(turn: Turn) -> Reply | None:
    """"后天的那个呢": the user's booking that starts that day, shown; none there, that is said and the
    bookings they have listed, or that they have none (user test 16 was told "帮不上忙"). None when the
    message is no such reference to a day."""
    m = _BY_DAY.fullmatch(compact(turn.text))
    day = date_in(m.group("day"), users_today(turn.engine.settings)) if m else None
    if day is None or _ABOUT_THE_STAY.sub("", without_days_and_nights(normalise(m.group("day")))):
        return None
    rows, names = _own_bookings(turn)
    that_day = [b for b in rows if b.check_in == day]
    if that_day:
        return _list_bookings(turn, that_day, names)
    missing = messages.NO_SUCH_BOOKING.format(what=day_label(day))
    if not rows:
        _leave_list(turn)
        return Reply(missing + messages.NO_BOOKINGS, actions=[messages.CHIP_BOOK], intent="my_bookings")
    return _list_bookings(turn, rows, names, missing)


def _list_bookings(turn: Turn, rows: list, names: dict[str, str], prefix: str = "") -> Reply:
    """我的预约's list, remembered to pick from."""
    _leave_list(turn)
    turn.state.update(flow=LIST_FLOW, choices=[b.number for b in _shown(rows)])
    return Reply(prefix + _bookings_text(rows, names, to_pick=len(turn.state["choices"]) > 1),
                 intent="my_bookings")


def bookings_in_passing(turn: Turn) -> str:
    """"我的预约" in the middle of another flow (a ticket, a cancel confirmation), which asks its own
    question after it: not numbered, since a "第一个" there answers that question."""
    return _bookings_listed(turn) or messages.NO_BOOKINGS_YET


def _bookings_listed(turn: Turn) -> str | None:
    """The user's bookings as "我的预约" lists them, not numbered; None when there are none."""
    rows, names = _own_bookings(turn)
    return _bookings_text(rows, names, to_pick=False) if rows else None


def _shown(rows: list) -> list:
    """The bookings "我的预约" shows: the latest ones, in date order like every list to pick from."""
    return _in_order(rows[:_MY_BOOKINGS_SHOWN])


def _line(b, names: dict[str, str]) -> str:
    return messages.BOOKING_LINE.format(number=b.number, station=names.get(b.station_id, b.station_id),
                                        check_in=day_label(b.check_in), nights=b.nights,
                                        status=messages.BOOKING_STATUS_LABELS[b.status])


def _bookings_text(rows: list, names: dict[str, str], to_pick: bool) -> str:
    """``to_pick``: numbered, to pick from ("第二个"); otherwise listed only."""
    shown = _shown(rows)
    lines = [_line(b, names) for b in shown]
    hint, active = "", [b.number for b in shown if b.status == "active"]
    if active:  # the number itself when there is one to cancel (user test 4 read "取消预约 编号"), also among
        # cancelled ones listed with it (user test 26 was told "取消第一个", the first being cancelled already)
        hint = messages.MY_BOOKINGS_PICK_HINT if to_pick and len(active) > 1 else messages.MY_BOOKINGS_CANCEL_HINT.format(
            number=active[0] if len(active) == 1 else messages.NUMBER_PLACEHOLDER)
    return messages.MY_BOOKINGS.format(lines=numbered(lines) if to_pick else "\n".join(lines)) + hint


CANCEL_FLOW = "cancel_booking"
CANCEL_ASIDES = ("my_bookings",)  # "我的预约" at "确定要取消…吗？": listed, then asked again
# Answering "确定要取消…吗？" with its own verb ("取消吧", "那就取消吧") or by keeping the booking;
# every other yes or no is the shared reading (intents.yes_no).
# A yes or a filler may lead: "嗯 取消吧", "对 取消掉", "是的 取消" (user test 17 was asked again).
_SURE = re.compile(r"^(?!取消$)(?:嗯+|恩+|对|对的|是|是的|好|好的|行|可以|ok|那|那就|那还是|还是|确认|确定|帮我|麻烦|给我)*"
                   r"取消(吧|掉|掉吧|了吧|预约吧?)?$")
_KEEP = re.compile(r"^(算了|那)?(先|还是)?(保留|保留预约|留着|不取消|不取消了|先不取消|不要取消|别取消|算了|不用了|不要了|退出)(吧|了)?$")


def _cancel(turn: Turn, number: str):
    """Cancel through the domain function, which says why not (not theirs, started, no such number)."""
    with turn.engine.sessions() as s:
        return cancel(s, number, actor=f"user:{turn.incoming.user_key}", user_key=turn.incoming.user_key,
                      today=users_today(turn.engine.settings))


def cancel_answer(text: str) -> str | None:
    """The reply to "确定要取消预约…吗？": "yes", "no", or None (ask again: never guess "keep")."""
    plain = compact(text)
    if _SURE.match(plain):  # not a bare 取消: it may mean "never mind" as much as "cancel it"
        return "yes"
    if _KEEP.match(plain):
        return "no"
    return yes_no(text)


def _numbers_named(text: str) -> list[str]:
    """Every booking number in the message, in the order typed ("取消预约 YZ…、YZ…")."""
    return list(dict.fromkeys(_NUMBER.findall(text.upper())))


def _pending_cancel(turn: Turn) -> list[str]:
    """The numbers waiting for "确认" (a state saved before several could be: one number)."""
    pending = turn.state.get("cancel") or []
    return [pending] if isinstance(pending, str) else list(pending)


def _confirm_cancel(turn: Turn) -> Reply:
    """The answer to the cancel confirmation: cancel, keep, or ask again (a question in the middle
    is answered first). Each booking is cancelled on its own, and the reply says which were and
    which could not be (started, cancelled meanwhile by staff)."""
    numbers = _pending_cancel(turn)
    shown = "、".join(numbers)
    answer = cancel_answer(turn.text)
    if answer != "yes":
        other = _described_instead(turn, numbers)
        if other is not None:
            return other
    if answer is None:
        aside = bookings_in_passing(turn) if turn.classified in CANCEL_ASIDES else answer_in_passing(turn)
        again = messages.CANCEL_ASK_AGAIN.format(number=shown)
        return Reply(f"{aside}\n\n{again}" if aside else again,
                     actions=[messages.CHIP_CONFIRM, messages.CHIP_KEEP_BOOKING], intent="cancel_booking")
    then = turn.state.pop(_THEN_BOOK, None)  # the new booking asked with the cancel
    end_flow_keeping_paused(turn.state)
    if answer == "no":
        return say_paused(turn, Reply(messages.CANCEL_KEPT.format(number=shown), intent="cancel_booking"))
    done, refused = [], []
    for number in numbers:
        try:
            done.append(_cancel(turn, number).number)
        except BookingError as exc:
            refused.append(exc.message)
    if then:
        return _book_after_cancel(turn, then, done, refused)
    lines = ([messages.CANCELLED.format(number="、".join(done))] if done else []) + refused
    return say_paused(turn, Reply("\n".join(lines), intent="cancel_booking"))


def _described_instead(turn: Turn, numbers: list[str]) -> Reply | None:
    """The reply when the answer to "确定要取消…吗？" names other bookings by their day or station
    ("不对 20号的", "不是 溱湖那个", or one of several confirmed together): the confirmation is asked
    of those instead (user test 11 was asked the same one again); a description matching none says
    so above the list. None when it names none, or only the ones asked about."""
    rows, names = _own_bookings(turn)
    active = _in_order([b for b in rows if b.status == "active"])
    described = _described(turn, active) if active else None
    if described is None:
        return None
    matches, what = described
    if {b.number for b in matches} == set(numbers):
        return None
    if not matches:
        return _ask_which(turn, active, names, messages.NO_SUCH_BOOKING.format(what=what))
    return _ask_which(turn, matches, names) if len(matches) > 1 else _ask_to_cancel(turn, matches, names, [])


# Someone else coming too, asked about outside a booking ("对了 我有个朋友也想来 怎么弄" after booking).
# ... or how they book, asked after one's own booking ("我同学咋订": user test 17 was told "帮不上忙").
_COMPANION_COMING = re.compile(rf"(?:{_COMPANIONS})(?:也|还)(?:想|要|打算|准备|得)?(?:来|过来|去|过去|住|订|预约|一起)|"
                               rf"(?:{_COMPANIONS})(?:的)?(?:要|该|得|又)?(?:怎么|如何)(?:(?:办|弄)(?:呢|啊|呀)?$|订|定|预约|约|住|过来|来)")
# ("我同学怎么办理居住证" asks about 居住证: 办/弄 only end the message.)


def companion_coming(turn: Turn) -> Reply | None:
    """A companion who wants to come too, asked about while the station is talked about or a booking
    is held: each guest books a bed of their own (user test 14 was told "帮不上忙"). None otherwise."""
    said = compact(turn.text)
    # ... or several people asking to book ("我和我同学两个人 能订一间吗": user test 24 was told "帮不上忙")
    several = bool(QUESTION.search(turn.text) and _SEVERAL_PEOPLE.search(said) and _BOOK_VERB.search(turn.text))
    if turn.state.get("flow") or not (_COMPANION_COMING.search(said) or several):
        return None
    # booking named by its verb is this service's ("我对象也要来 怎么订": user test 24, "帮不上忙")
    if messages.BOOKING_TOPIC not in turn.state.get("topic", "") and not _ABOUT_THE_STATION.search(turn.text) \
            and not _BOOK_VERB.search(turn.text) and not has_active_booking(turn):
        return None
    turn.state["topic"] = messages.BOOKING_TOPIC
    return Reply(messages.BOOKING_ONE_PERSON, actions=[messages.CHIP_BOOK], intent="booking_info")


# Asking to book for several people one by one ("那分开订两个呢", "各订一个可以吗", "能不能订两个").
_SEPARATELY = re.compile(r"(?:分开|分别|各自|各|单独|一人|每人|每个人)(?:再)?(?:订|定|约|预约|预订|预定)|"
                         r"(?:订|定|约|预约|预订|预定)(?:两|俩|三|四|[2-9])(?:个|份|间|张)(?!人)")  # not 约几次: how often


def books_separately(turn: Turn) -> Reply | None:
    """Several beds asked for one by one, after the one-bed rule was said or while the station is talked
    about or booked: each guest books with their own WeChat (user test 16 was told "帮不上忙"). None
    for any other message. In the middle of booking the form says it and asks its step again."""
    text = turn.text
    if not (QUESTION.search(text) and _SEPARATELY.search(compact(text))):
        return None
    if not (turn.state.get("flow") == BOOKING_FORM.name or messages.BOOKING_TOPIC in turn.state.get("topic", "")
            or _ABOUT_THE_STATION.search(text) or has_active_booking(turn)):
        return None
    return Reply(messages.BOOK_SEPARATELY, actions=[messages.CHIP_BOOK], intent="booking_info")


def has_active_booking(turn: Turn) -> bool:
    with turn.engine.read_sessions() as s:
        return any(b.status == "active" for b in bookings_of(s, turn.incoming.user_key))


def _own_bookings(turn: Turn) -> tuple[list, dict[str, str]]:
    """The user's bookings (any status) and the stations' names by id."""
    with turn.engine.read_sessions() as s:
        return bookings_of(s, turn.incoming.user_key), {st.id: st.name for st in active_stations(s)}


def _item(b, names: dict[str, str]) -> str:
    """One booking as the user tells it apart from the others: number, station, day, nights."""
    return messages.CANCEL_ITEM.format(number=b.number, station=names.get(b.station_id, b.station_id),
                                       check_in=day_label(b.check_in), nights=b.nights)


def _why_not(number: str, rows: list) -> str:
    """Why a number named cannot be cancelled, read without touching it: not the user's (or no
    such number; never said apart, so no one learns another person's numbers), or cancelled already."""
    if any(b.number == number for b in rows):
        return messages.BOOKING_ALREADY_CANCELLED.format(number=number)
    return messages.BOOKING_NOT_FOUND.format(number=number)


def _ask_to_cancel(turn: Turn, chosen: list, names: dict[str, str], refusals: list[str]) -> Reply:
    """"确定要取消…吗？" for every booking chosen, each named with its station and day; the numbers
    that cannot be cancelled are said first. Nothing is cancelled before the yes."""
    then = turn.state.get(_THEN_BOOK)
    end_flow_keeping_paused(turn.state)  # a booking put aside for this (user test 4) stays aside
    turn.state.update(flow=CANCEL_FLOW, cancel=[b.number for b in chosen], **({_THEN_BOOK: then} if then else {}))
    if len(chosen) == 1:
        b = chosen[0]
        ask = messages.CANCEL_CONFIRM.format(number=b.number, station=names.get(b.station_id, b.station_id),
                                             check_in=day_label_with_year(b.check_in))
    else:
        ask = messages.CANCEL_CONFIRM_MANY.format(count=len(chosen),
                                                  lines="\n".join(_item(b, names) for b in chosen))
    return Reply("\n".join(refusals + [ask]), actions=[messages.CHIP_CONFIRM, messages.CHIP_KEEP_BOOKING],
                 intent="cancel_booking")


def _ask_which(turn: Turn, active: list, names: dict[str, str], prefix: str = "") -> Reply:
    """Several bookings: list them numbered, with station and day, so "第二个" or "全部取消" can pick."""
    then = turn.state.get(_THEN_BOOK)
    end_flow_keeping_paused(turn.state)
    turn.state.update(flow=CANCEL_FLOW, choices=[b.number for b in active], **({_THEN_BOOK: then} if then else {}))
    lines = numbered([_item(b, names) for b in active])
    text = messages.CANCEL_WHICH.format(count=len(active), lines=lines, numbers="、".join(b.number for b in active))
    actions = [messages.CHIP_CANCEL_BOOKING.format(number=b.number) for b in active[:3]] + [messages.CHIP_CANCEL_ALL]
    return Reply(prefix + text, actions=actions, intent="cancel_booking")


def _described(turn: Turn, bookings: list) -> tuple[list, str] | None:
    """The bookings a message describes by station or check-in day ("取消溱湖的那个", "取消12月17号
    那个": user test 2 got "not found"), and the description as the reply repeats it; None when
    the message names neither, or asks something ("溱湖驿站在哪里" after the list is a question)."""
    if QUESTION.search(turn.text):
        return None
    stations = station_choices(turn.engine)
    station = station_in(turn.text, stations, by_number=False)
    today = users_today(turn.engine.settings)
    # "22号那个我也去不了了": the day refused is the booking's
    day = date_in(turn.text, today) or day_taken_back(normalise(turn.text), today)
    # "取消下周那个": a booking whose stay begins in the days said (user test 9 dropped the booking in progress)
    period = vague_period(normalise(turn.text), today) if day is None else None
    if station is None and day is None and period is None:
        return None
    matches = [b for b in bookings if (station is None or b.station_id == station)
               and (day is None or b.check_in == day) and (period is None or period[1] <= b.check_in <= period[2])]
    said = day_label(day) if day else period[0] if period else ""
    what = "".join(filter(None, [said, next((n for i, n, _ in stations if i == station), "")]))
    return matches, what


def _leave_list(turn: Turn) -> None:
    """Forget a list shown to pick from (and the flow it stands for); the rest of the state stays."""
    if turn.state.get("flow") in (CANCEL_FLOW, LIST_FLOW):
        for key in ("flow", "choices", "picked", "actions", _CHANGING):
            turn.state.pop(key, None)


def _pick(turn: Turn) -> Reply:
    """The reply to a numbered list of the user's bookings, 取消预约's list to cancel from or 我的预约's:
    the one reading of a place in a list ("第二个", "第2个", "取消第二个", "1和3", "都取消";
    extract.list_picks). From the list to cancel from, or said with 取消, the bookings picked go to
    the cancel confirmation. A bare pick from 我的预约's list shows the booking and says what can be
    done; "取消" next means that one. Anything else leaves the list and is handled as if none had
    been shown (a question, "算了", a new request)."""
    flow, choices = turn.state.get("flow"), turn.state["choices"]
    cancelling = flow == CANCEL_FLOW or turn.classified == CANCEL_FLOW or bool(_SAYS_CANCEL.search(turn.text))
    places = list_picks(turn.text, len(choices))
    if places is None:  # "溱湖的那个": the listed bookings the message describes, as places in the list
        listed = [b for b in _own_bookings(turn)[0] if b.number in choices]
        described = _described(turn, listed)
        if described is not None and described[0]:
            places = [choices.index(b.number) + 1 for b in described[0]]
    in_view = turn.state.get("picked") or (choices if len(choices) == 1 else [])  # "取消它"
    told = _about_booking_in_view(turn, in_view) if places is None else None
    if told is not None:  # "几号退房", "在哪个驿站" about the booking just shown
        return told
    if turn.classified == "booking" or (turn.classified == "policy" and mentions_a_stay(turn)):
        _leave_list(turn)  # "帮我把22号的重新订上 总站 住3晚": a new booking, not a pick (user test 4)
        return HANDLERS["booking"](turn)
    if places is None and turn.classified == "reschedule" and in_view:  # "第一个" then "改到23号可以吗"
        rows, names = _own_bookings(turn)
        shown = _in_order([b for b in rows if b.status == "active" and b.number in in_view])
        if len(shown) == 1:
            _leave_list(turn)
            return _offer_change(turn, shown[0], names)
        return _how_to_reschedule(shown, names)
    if places is None and not (flow == LIST_FLOW and cancelling and in_view):
        _leave_list(turn)
        if flow == CANCEL_FLOW and turn.classified == "exit":
            return Reply(messages.EXITED, intent="exit")
        return turn.engine.dispatch_text(turn)
    rows, names = _own_bookings(turn)
    outside = next((n for n in places or () if not 1 <= n <= len(choices)), None)
    if outside is not None and len(choices) == 1:  # "取消第二个" with one booking: that one, said so (user test 7)
        only = messages.LIST_ONLY_ONE.format(n=outside) + "\n"
        if cancelling:
            chosen = [b for b in rows if b.number == choices[0] and b.status == "active"]
            if chosen:
                reply = _ask_to_cancel(turn, chosen, names, [])
                reply.text = only + reply.text
                return reply
        return _show_picked(turn, choices, rows, names, only)
    if outside is not None:
        again = messages.LIST_NO_SUCH_CHOICE.format(n=outside, count=len(choices)) + "\n"
        if flow == CANCEL_FLOW:
            return _ask_which(turn, _in_order([b for b in rows if b.status == "active"]), names, again)
        return _list_bookings(turn, rows, names, again)
    picked = [choices[n - 1] for n in places] if places is not None else in_view
    changing = turn.state.get(_CHANGING)
    chosen = [b for b in rows if b.status == "active" and b.number in picked]
    if changing is not None and not cancelling and len(chosen) == 1:  # the booking to change, picked
        _leave_list(turn)
        return _offer_change(turn.saying(changing), chosen[0], names)
    if cancelling:
        return _cancel_picked(turn, picked, rows, names)
    return _show_picked(turn, picked, rows, names)


# Asking when a stay ends ("几号退房", "住到哪天", "哪天走"), or where it is ("在哪个驿站", "地址在哪").
_ASKS_CHECK_OUT = re.compile(r"退房|离店|(?:哪天|几号|什么时候|啥时候)(?:要)?(?:走|离开)|住到(?:哪天|几号|什么时候|啥时候)")
_ASKS_WHERE = re.compile(r"哪个驿站|哪个站|哪家|在哪|地址|怎么走|怎么去|位置")


def _about_booking_in_view(turn: Turn, in_view: list[str]) -> Reply | None:
    """A question about the one booking just shown: the day its stay ends, or its station's address (user
    test 24 was told "not found", and both stations' addresses). None for any other message."""
    text = turn.text
    if len(in_view) != 1 or not QUESTION.search(text):
        return None
    checks_out, where = _ASKS_CHECK_OUT.search(compact(text)), _ASKS_WHERE.search(compact(text))
    if not (checks_out or where):
        return None
    rows, _ = _own_bookings(turn)
    b = next((b for b in rows if b.number == in_view[0] and b.status == "active"), None)
    if b is None:
        return None
    station = next(((name, address) for sid, name, address in station_choices(turn.engine) if sid == b.station_id), None)
    if where and station is not None:
        return Reply(messages.BOOKED_STATION_AT.format(number=b.number, station=station[0], address=station[1]),
                     intent="my_bookings")
    if not checks_out:
        return None
    out = b.check_in + timedelta(days=b.nights)
    return Reply(messages.BOOKED_CHECK_OUT.format(number=b.number, check_in=day_label(b.check_in), nights=b.nights,
                                                  check_out=day_label(out), weekday=weekday_label(out)),
                 intent="my_bookings")


def _cancel_picked(turn: Turn, picked: list[str], rows: list, names: dict[str, str]) -> Reply:
    """The bookings picked to cancel: the confirmation for those still active, and why not for the others."""
    chosen = [b for b in rows if b.status == "active" and b.number in picked]
    refusals = [_why_not(n, rows) for n in picked if n not in {b.number for b in chosen}]
    if not chosen:
        turn.state.clear()
        return Reply("\n".join(refusals), intent="cancel_booking")
    return _ask_to_cancel(turn, chosen, names, refusals)


def _show_picked(turn: Turn, picked: list[str], rows: list, names: dict[str, str], prefix: str = "") -> Reply:
    """Bookings picked from 我的预约's list without a word of what for ("第二个"): shown, with what can
    be done. The list stays (another place may be picked), and "取消" next means these."""
    shown = [b for b in _in_order(rows) if b.number in picked]
    active = [b for b in shown if b.status == "active"]
    text = prefix + messages.BOOKINGS_PICKED.format(lines="\n".join(_line(b, names) for b in shown)) + "\n"
    if not active:
        turn.state.pop("picked", None)
        return Reply(text + messages.PICKED_ALREADY_CANCELLED, actions=[messages.CHIP_BOOK], intent="my_bookings")
    turn.state["picked"] = [b.number for b in active]
    actions = [messages.CHIP_CANCEL_BOOKING.format(number=b.number) for b in active[:3]] + [messages.CHIP_MY_BOOKINGS]
    return Reply(text + messages.PICKED_WHAT_NEXT, actions=actions, intent="my_bookings")


def _in_order(bookings: list) -> list:
    """Bookings as a list to choose from: the soonest stay first."""
    return sorted(bookings, key=lambda b: (b.check_in, b.number))


# A booking spoken of as made ("我订的那个", "之前约好的", "已经订了的"): one of the user's bookings,
# not the one being filled in (user test 9 had the booking in progress dropped for it).
_MADE = re.compile(r"(?:我|之前|已经|刚才|上次|前面)(?:订|约|预约|预订|预定)(?:的|好的|过的|了的)|(?:订|约)好的|约过的|订过的")


# What joins a new booking to the cancelling of one said in one breath ("把溱湖的取消掉然后重新订一个总站的").
_THEN_ANEW = re.compile(r"(?:然后|再|之后|接着|另外)?(?:帮我)?(?:重新|再|改)(?=订|定|预约|预订|约)|然后|接着")


def _booked_anew(turn: Turn) -> Reply | None:
    """A request to cancel that goes on to ask for a new booking, with no booking to cancel: that there
    is none is said, and the new booking started from what the rest says (user test 15 was told only
    "您还没有驿站预约", the new stay dropped). None when the message asks for no new booking."""
    m = _THEN_ANEW.search(turn.text)
    rest = turn.text[m.start():] if m else ""
    if not rest:
        return None
    anew = Turn(turn.engine, replace(turn.incoming, text=rest), turn.state, classified="booking")
    if turn.engine.classifier.by_rules(rest) != "booking" and not mentions_a_stay(anew):
        return None
    reply = HANDLERS["booking"](anew)
    reply.text = messages.NO_BOOKINGS_YET + "\n" + reply.text
    return reply


_THEN_BOOK = "then_book"  # state: the new booking asked with a cancel, started once the cancel is confirmed
# Where a new booking may begin after a cancel said first: a pause, or the words that lead it.
_NEXT_REQUEST = re.compile(r"[\s，,。；;！!]+|然后|接着|另外|帮我|给我|我要|我想|我还要|(?:重新|再|改|另)(?=订|定|约|预约|预订|预定)")
_CANCEL_WORDS = re.compile("取消|退")
_ANEW = re.compile(r"^(?:然后|接着|另外)?(?:帮我|给我|我要|我想|我还要)?(?:重新|再|改|另)(?:订|定|约|预约|预订|预定)")


def cancels_then_books(turn: Turn) -> tuple[str, str] | None:
    """(the cancel, the new booking) when a message asks for both, the cancel first ("把明天那个取消掉 重新
    订一个总站后天的住2晚", "取消预约 帮我重新订个后天的"); None otherwise, and inside a booking being made
    (whose own "取消" drops it). User test 16 had the new booking dropped after the cancel."""
    if turn.state.get("flow") == BOOKING_FORM.name or not _CANCEL_WORDS.search(turn.text):
        return None
    classify = turn.engine.classifier.by_rules
    text = turn.text
    for m in _NEXT_REQUEST.finditer(text):
        if m.start() == 0:
            continue
        left, right = text[:m.start()].strip(" ，,。；;！!"), text[m.start():].strip(" ，,。；;！!")
        if not left or len(compact(right)) < 2 or classify(left) not in ("cancel_booking", "exit"):
            continue
        anew = Turn(turn.engine, replace(turn.incoming, text=right), turn.state, classified="booking")
        if classify(right) == "booking" or _ANEW.match(compact(right)) or mentions_a_stay(anew):
            return left, right
    return None


def _cancel_then_book(turn: Turn, cancel_text: str, book_text: str) -> Reply:
    """The cancel asked first (its confirmation, or the list to pick from), the new booking kept for after
    the yes; with nothing to confirm, the new booking is started at once, after what the cancel said."""
    said = Turn(turn.engine, replace(turn.incoming, text=cancel_text), turn.state, classified="cancel_booking")
    reply = cancel_booking(said)
    if turn.state.get("flow") == BOOKING_FORM.name:  # nothing to cancel, the new one started (_booked_anew)
        return reply
    if turn.state.get("flow") == CANCEL_FLOW:
        turn.state[_THEN_BOOK] = book_text
        reply.text += "\n" + messages.CANCEL_THEN_BOOK_NOTED
        return reply
    anew = booking(Turn(turn.engine, replace(turn.incoming, text=book_text), turn.state, classified="booking"))
    said = messages.NO_BOOKINGS_YET if reply.text == messages.NO_BOOKINGS else reply.text  # not "回复预约驿站"
    anew.text = said + "\n" + anew.text if said else anew.text
    return anew


def _book_after_cancel(turn: Turn, then: str, done: list[str], refused: list[str]) -> Reply:
    """The booking asked with a cancel, started once the cancel is done."""
    anew = booking(Turn(turn.engine, replace(turn.incoming, text=then), turn.state, classified="booking"))
    lines = [messages.CANCELLED_THEN_BOOK.format(number="、".join(done))] if done else []
    anew.text = "\n".join(lines + refused + [anew.text])
    return anew


@handles(CANCEL_FLOW, asides=CANCEL_ASIDES)
def cancel_booking(turn: Turn) -> Reply:
    """"取消预约 YZ123456" asks once ("确定取消…吗？"); only a yes cancels, an unclear reply is asked
    again: one tap on a chip must not throw a stay away, nor a "嗯" keep one the user gave up.
    Several numbers in one message are confirmed together; with several bookings and none named,
    they are listed to pick from. In the middle of booking, "取消预约" drops the booking being made."""
    if turn.classified == CANCEL_FLOW and turn.state.get("flow") not in (CANCEL_FLOW, LIST_FLOW):
        both = cancels_then_books(turn)
        if both is not None:  # "取消预约 帮我重新订个后天的": both done, the cancel first
            return _cancel_then_book(turn, *both)
    named = _numbers_named(turn.text)
    flow = turn.state.get("flow")
    if flow == BOOKING_FORM.name and not named and CHANGE.search(turn.text):  # "溱湖那个不要了 换总站"
        return BOOKING_FORM.handle(turn)
    if flow == BOOKING_FORM.name and not named:
        rows, names = _own_bookings(turn)
        active = _in_order([b for b in rows if b.status == "active"])
        described = _described(turn, active) if active else None
        if described is None and active and _MADE.search(turn.text):  # "我订的那个取消吧": made, not this one
            described = (active, "")
        if described is not None and described[0]:  # "溱湖那个不要了": a booking made, not this one
            paused = pause_form(turn)
            reply = (_ask_which(turn, described[0], names) if len(described[0]) > 1
                     else _ask_to_cancel(turn, described[0], names, []))
            reply.text += "\n" + messages.FORM_PAUSED.format(title=paused.title)
            return reply
        end_flow_keeping_paused(turn.state)  # kept as given up: "还是刚才那个" brings it back
        text = messages.BOOKING_ABANDONED + (messages.BOOKING_ABANDONED_OTHERS if active else "")
        return Reply(text, actions=[messages.CHIP_MY_BOOKINGS], intent="exit")
    if flow in (CANCEL_FLOW, LIST_FLOW) and not named:  # numbers named: asked anew
        return _pick(turn) if "choices" in turn.state else _confirm_cancel(turn)
    rows, names = _own_bookings(turn)
    active = _in_order([b for b in rows if b.status == "active"])
    if not named:
        if not active:  # "我女儿订的驿站要取消": hers are in her WeChat
            anew = _booked_anew(turn)
            if anew is not None:  # "…取消掉然后重新订一个总站的下周一住三晚": nothing to cancel, the new one booked
                return anew
            return booked_elsewhere(turn) or Reply(messages.NO_BOOKINGS, intent="cancel_booking")
        described = _described(turn, active)
        if described is not None:
            matches, what = described
            if not matches:
                return _ask_which(turn, active, names, messages.NO_SUCH_BOOKING.format(what=what))
            return _ask_which(turn, matches, names) if len(matches) > 1 else _ask_to_cancel(turn, matches, names, [])
        if len(active) > 1 and list_picks(turn.text, len(active)) == list(range(1, len(active) + 1)):
            return _ask_to_cancel(turn, active, names, [])  # "全部取消" said first: no list to pick all from
        if len(active) > 1:  # one active booking is the one meant; with several, ask which
            return _ask_which(turn, active, names)
        return _ask_to_cancel(turn, active, names, [])
    chosen = [b for b in active if b.number in named]
    refusals = [_why_not(n, rows) for n in named if n not in {b.number for b in chosen}]
    if not chosen:  # nothing of theirs to cancel: a confirmation already asked stays as it was
        return Reply("\n".join(refusals), intent="cancel_booking")
    return _ask_to_cancel(turn, chosen, names, refusals)


@handles("reschedule")
def reschedule(turn: Turn) -> Reply:
    """"能换一天吗", "换到下周六", "手机号填错了" after booking: the change is read against the booking,
    confirmed and made (``_offer_change``, ``_offer_contact_change``); with several bookings and no
    telling which, a day or station change is explained (which booking to change, and how), while a
    phone or name is put right on all of them.

    Inside a flow the words are the flow's ("改日期" at the booking summary, a ticket's text); a
    pending cancel confirmation stays as it is. Without a booking they may be about anything else,
    so they go to the question handler."""
    flow = turn.state.get("flow")
    if flow in HANDLERS and flow != CANCEL_FLOW:
        return HANDLERS[flow](turn)
    if before_occasion(normalise(turn.text), users_today(turn.engine.settings)) is not None \
            and not _SAYS_BOOKED.search(compact(turn.text)):
        return HANDLERS["policy"](turn)  # "下周三面试 想提前一天过去住": a new stay, not a booking moved (user test 21)
    rows, names = _own_bookings(turn)
    active = _in_order([b for b in rows if b.status == "active"])
    if not active and _SAYS_BOOKED.search(compact(turn.text)) and _about_a_stay_made(turn):
        # "我订了12月20号的溱湖 能不能改到21号" with no booking here: none to change, and where bookings
        # are kept (user test 14 was told "not found")
        return Reply(messages.ACCOUNT_HAS_NO_BOOKINGS + "\n" + messages.BOOKINGS_GO_WITH_ACCOUNT,
                     actions=[messages.CHIP_BOOK, messages.CHIP_TICKET], intent="reschedule")
    if not active and (_NIGHTS_CHANGED.search(compact(turn.text))
                       or (_CHANGE_TO.search(normalise(turn.text)) and date_in(turn.text, users_today(turn.engine.settings)))):
        # "能多住一晚吗", "能改到周六吗" with no booking: none to change (user test 23 was given a sentence of
        # the report, user test 24 was told "帮不上忙")
        return Reply(messages.NO_BOOKINGS, actions=[messages.CHIP_BOOK], intent="reschedule")
    if not active or not _about_a_stay_made(turn):
        return HANDLERS["policy"](turn)
    what = _what_changes(turn)
    meant = _booking_meant(turn, active)
    if _OTHER_GUEST.search(compact(turn.text)) and not _PHONE_PART.search(turn.text):
        what = messages.RESCHEDULE_NAME  # "入住人换成我同学行吗", "换个人住可以吗": another guest (user test 21)
    if what in (messages.RESCHEDULE_PHONE, messages.RESCHEDULE_NAME):
        return _offer_contact_change(turn, [meant] if meant else active, names, what)
    if meant is None:
        return _ask_which_to_change(turn, active, names)
    return _offer_change(turn, meant, names)


_CHANGING = "changing"  # the request to change a booking while the list is shown to pick which one from


def _ask_which_to_change(turn: Turn, active: list, names: dict[str, str]) -> Reply:
    """Several bookings and a change that does not say of which ("我那个预约改一下", "改成1月6号"): listed to
    pick from, the change kept for the one picked ("1月那个", "第二个": ``_pick``); user test 24 was told
    a booking cannot be changed, which one can."""
    _leave_list(turn)
    turn.state.update(flow=LIST_FLOW, choices=[b.number for b in active], **{_CHANGING: turn.text})
    lines = numbered([_item(b, names) for b in active])
    return Reply(messages.RESCHEDULE_WHICH.format(count=len(active), lines=lines),
                 actions=[messages.LIST_PICK_CHIP.format(n=n) for n in range(1, min(len(active), 3) + 1)],
                 intent="reschedule")


# ---------------------------------------------------------------- changing a booking made
# A booking's day, nights or station changed for the user: the new stay is read from the message
# ("溱湖那个改到下周二", "能不能晚一天入住", "多住一晚", "换到总站"), confirmed, and made with
# ``bookings.change``, which cancels the old booking only in the transaction that makes the new one.
CHANGE_FLOW = "change_booking"
_CHANGE = "change"
# Where the new stay begins to be said: what comes before names the booking ("溱湖那个", "12月20号的").
_CHANGE_TO = re.compile(r"(?:改|换|调|挪|推迟|延后|延期|提前|推)(?:一下)?(?:到|成|为|去)")
# The day moved by some days: "晚一天入住", "推迟两天", "提前1天".
_SHIFT = re.compile(r"(?:晚|迟|推迟|延后|往后推|往后挪|(?P<earlier>早|提前|往前挪))(?P<n>\d|[一两二三四五六七])天")
# A yes to the change asked about, said with its verb ("改吧", "好的 帮我改"); no ("不改了", "算了").
_CHANGE_YES = re.compile(r"^(?:嗯+|恩+|对|好|好的|行|可以|确认|确定|是|是的|ok|那|那就|就)*(?:帮我)?(?:改|修改|改吧|改掉|换|换吧)"
                         r"(?:一下)?(?:吧|呗|啊)?$")
_CHANGE_NO = re.compile(r"^(?:那|嗯|哦)?(?:还是|算了)?(?:不改了?|不用改了?|不换了?|先不改了?|别改了?|不用了|算了|保留|保持原样|"
                        r"不变|还是原来的|就原来的)(?:吧|了|呗)?$")


def _booking_meant(turn: Turn, active: list):
    """The one booking a request to change is about: the only one, or the one the words before the
    change name by station or day ("溱湖那个改到下周二"); None when it cannot be told."""
    if len(active) == 1:
        return active[0]
    plain = normalise(turn.text)
    cut = _CHANGE_TO.search(plain)
    head = plain[:cut.start()] if cut else plain
    station = station_in(head, station_choices(turn.engine), by_number=False)
    day = date_in(head, users_today(turn.engine.settings)) if cut else None
    matches = [b for b in active if (station is None or b.station_id == station) and (day is None or b.check_in == day)]
    return matches[0] if len(matches) == 1 and (station or day) else None


def _proposed(text: str, b, stations: list, today: date) -> tuple[str, date, int] | None:
    """The stay ``text`` asks booking ``b`` to become: (station id, check-in, nights), each part not
    named kept as it is; None when it names no change. The station before 改到/换成 names the booking,
    the one after names the new station."""
    plain = normalise(text)
    cut = _CHANGE_TO.search(plain)
    target = plain[cut.end():] if cut else plain
    station, check_in, nights = b.station_id, b.check_in, b.nights
    changed = False
    new_station = station_in(target, stations, by_number=False) if cut else None
    if new_station is not None and new_station != b.station_id:
        station, changed = new_station, True
    shift = _SHIFT.search(plain)
    more = _MORE_NIGHTS.search(plain) or _FEWER_NIGHTS.search(plain)  # "多住一晚", "少住一天"
    rest = _FEWER_NIGHTS.sub("", _MORE_NIGHTS.sub("", _SHIFT.sub("", target)))
    if shift:
        days = cn_number(shift.group("n"))
        check_in = b.check_in + timedelta(days=-days if shift.group("earlier") else days)
        changed = True
    else:
        day = date_in(rest, today)
        if day is not None:
            check_in, changed = day, True
    if more:
        count = cn_number(more.group(2))
        nights = b.nights + (-count if more.re is _FEWER_NIGHTS else count)
        changed = True
    else:
        said = nights_in(rest) if _NIGHTS_MEANT.search(rest) else None
        if said is not None:
            nights, changed = said, True
    return (station, check_in, nights) if changed else None


def _stay_said(b, names: dict[str, str]) -> str:
    return messages.CHANGE_PREVIOUS.format(station=names.get(b.station_id, b.station_id),
                                           check_in=day_label(b.check_in), nights=b.nights)


def _await_change(turn: Turn, number: str, **proposal) -> None:
    turn.state["flow"] = CHANGE_FLOW
    turn.state[_CHANGE] = {"number": number, **proposal}


def _offer_change(turn: Turn, b, names: dict[str, str]) -> Reply:
    """The change the message asks of booking ``b``, checked and asked to confirm; what to change to
    asked when the message does not say."""
    settings = turn.engine.settings
    today = users_today(settings)
    proposal = _proposed(turn.text, b, station_choices(turn.engine), today)
    keep = [messages.CHIP_CHANGE_KEEP]
    if proposal is None or proposal == (b.station_id, b.check_in, b.nights):
        _await_change(turn, b.number)
        text = (messages.CHANGE_SAME.format(number=b.number) if proposal else
                messages.CHANGE_ASK_WHAT.format(number=b.number, old=_stay_said(b, names),
                                                example=day_label(b.check_in + timedelta(days=1))))
        return Reply(text, actions=keep, intent="reschedule")
    station, check_in, nights = proposal
    request = BookingRequest(station_id=station, check_in=check_in, nights=nights, name=b.name, phone=b.phone,
                             answers=dict(b.answers or {}))
    try:
        with turn.engine.read_sessions() as s:
            validate(s, settings, request, today)
    except BookingError as exc:  # 8 nights, a past day: said now, another change may be said
        _await_change(turn, b.number)
        return Reply(messages.CHANGE_FAILED.format(reason=exc.message, number=b.number), actions=keep,
                     intent="reschedule")
    _await_change(turn, b.number, station=station, check_in=check_in.isoformat(), nights=nights)
    return Reply(messages.CHANGE_CONFIRM.format(number=b.number, old=_stay_said(b, names),
                                                station=names.get(station, station),
                                                check_in=messages.SHOW_DAY_WEEKDAY.format(
                                                    day=day_label(check_in), weekday=weekday_label(check_in)),
                                                nights=nights),
                 actions=[messages.CHIP_CONFIRM, messages.CHIP_CHANGE_KEEP], intent="reschedule")


@handles(CHANGE_FLOW, asides=("my_bookings", "exit"))
def change_booking(turn: Turn) -> Reply:
    """The reply to "改成…？回复“确认”" or to "想改到哪天？": the change made, kept, another change
    proposed, or, for anything else, the flow left and the message handled as it would be."""
    pending = turn.state.get(_CHANGE) or {}
    rows, names = _own_bookings(turn)
    b = next((r for r in rows if r.number == pending.get("number") and r.status == "active"), None)
    plain = compact(turn.text)
    answer = "no" if _CHANGE_NO.match(plain) else "yes" if _CHANGE_YES.match(plain) else yes_no(turn.text)
    if b is not None and _proposed(turn.text, b, station_choices(turn.engine), users_today(turn.engine.settings)):
        return _offer_change(turn, b, names)  # "那改到周三吧": another change
    if b is None or answer == "no" or turn.classified == "exit":
        end_flow_keeping_paused(turn.state)
        if b is None:
            return turn.engine.dispatch_text(turn)
        return say_paused(turn, Reply(messages.CHANGE_KEPT.format(number=b.number), intent="reschedule"))
    if answer != "yes" and CHANGE.search(turn.text) and not QUESTION.search(turn.text):
        return _offer_change(turn, b, names)  # "那你帮我改一下呗", "改一下日期": what to, asked
    if "station" not in pending:  # "想改到哪天？" answered with something else
        end_flow_keeping_paused(turn.state)
        return turn.engine.dispatch_text(turn)
    if answer != "yes":
        aside = bookings_in_passing(turn) if turn.classified == "my_bookings" else answer_in_passing(turn)
        again = messages.CHANGE_ASK_AGAIN.format(number=b.number, check_in=day_label(date.fromisoformat(pending["check_in"])),
                                                 nights=pending["nights"])
        return Reply(f"{aside}\n\n{again}" if aside else again,
                     actions=[messages.CHIP_CONFIRM, messages.CHIP_CHANGE_KEEP], intent="reschedule")
    end_flow_keeping_paused(turn.state)
    try:
        with turn.engine.sessions() as s:
            old, new = change(s, turn.engine.settings, turn.incoming.user_key, b.number, pending["station"],
                              date.fromisoformat(pending["check_in"]), int(pending["nights"]),
                              today=users_today(turn.engine.settings))
            done = messages.CHANGE_DONE.format(number=new.number, station=names.get(new.station_id, new.station_id),
                                               check_in=day_label_with_year(new.check_in), nights=new.nights,
                                               old=old.number)
    except BookingError as exc:  # full, or overlapping another booking: the old one stands
        reason = "\n".join([exc.message] + exc.alternatives[:3])
        return say_paused(turn, Reply(messages.CHANGE_FAILED.format(reason=reason, number=b.number),
                                      actions=[messages.CHIP_MY_BOOKINGS], intent="reschedule"))
    return say_paused(turn, Reply(done, actions=[messages.CHIP_MY_BOOKINGS], intent="reschedule"))


# ---------------------------------------------------------------- the guest's phone or name
# "手机号填错了 应该是139…", "名字写错了 是赵蕾", "能改一下预约的手机号吗" after booking: the new value
# read (or asked for), confirmed, and written by ``bookings.change_contact`` on the same booking (user
# test 20: the user was told to cancel and book again, losing the bed meanwhile). A different guest
# is not a correction: the conditions were answered for the one booked, so the new guest books.
CONTACT_FLOW = "change_contact"
_CONTACT = "contact_change"
_OTHER_GUEST = re.compile(rf"(?:换|改|变)(?:成|个|一个|为|给)?(?:我的?|我们)?(?:别人|其他人|人(?![少多数气员])|{_COMPANIONS}|[他她])|"
                          rf"(?:{_COMPANIONS})(?:来)?住|别人(?:来)?住|(?:让|给)(?:我的?)?(?:别人|[他她])(?:来)?住")
_DIGITS_TYPED = re.compile(r"\d{5,}")  # digits meant for a phone, too few or too many for one


def _numbers_text(bookings: list) -> str:
    return "、".join(b.number for b in bookings)


def _contact_value(turn: Turn, field: str, asked: bool):
    """The new phone or name the message gives: the value, a ``Refused`` for a phone mistyped, or
    None. ``asked``: the value was asked for, so a bare name is one."""
    text = turn.text
    if field == "phone":
        phone = phone_in(text)
        if phone:
            return phone
        return Refused(messages.BOOKING_BAD_PHONE) if _DIGITS_TYPED.search(text) else None
    name = stated_name(text) or (name_in(text) if asked else None)
    return turn.as_typed(name) if name else None


# What each field of a guest's contact is called, and how its new value is asked for.
_CONTACT_WHAT = {"phone": messages.RESCHEDULE_PHONE, "name": messages.RESCHEDULE_NAME}
_CONTACT_ASK = {"phone": messages.CONTACT_ASK_PHONE, "name": messages.CONTACT_ASK_NAME}


def _ask_contact(turn: Turn, targets: list, field: str, prefix: str = "") -> Reply:
    """The new phone or name asked for, ``prefix`` (why the last one was refused) before it."""
    _await_contact(turn, targets, field)
    ask = _CONTACT_ASK[field]
    return Reply(prefix + ask.format(numbers=_numbers_text(targets)), actions=[messages.CHIP_CHANGE_KEEP],
                 intent="reschedule")


def _await_contact(turn: Turn, targets: list, field: str, value: str | None = None) -> None:
    turn.state["flow"] = CONTACT_FLOW
    turn.state[_CONTACT] = {"numbers": [b.number for b in targets], "field": field,
                            **({"value": value} if value else {})}


def _confirm_contact(turn: Turn, targets: list, field: str, value: str) -> Reply:
    """The change to ``value`` put to the user to confirm (the old phone masked), or said to be none."""
    what = _CONTACT_WHAT[field]
    olds = list(dict.fromkeys(getattr(b, field) for b in targets))
    if olds == [value]:
        end_flow_keeping_paused(turn.state)
        return say_paused(turn, Reply(messages.CONTACT_SAME.format(numbers=_numbers_text(targets), what=what, new=value),
                                      intent="reschedule"))
    shown = "、".join(mask_phone(o) if field == "phone" else o for o in olds)
    _await_contact(turn, targets, field, value)
    return Reply(messages.CONTACT_CONFIRM.format(numbers=_numbers_text(targets), what=what, old=shown, new=value),
                 actions=[messages.CHIP_CONFIRM, messages.CHIP_CHANGE_KEEP], intent="reschedule")


def _offer_contact_change(turn: Turn, targets: list, names: dict[str, str], what: str) -> Reply:
    """The guest's phone or name on ``targets`` (the booking meant, or all the active ones) to be put
    right: the new value confirmed, or asked for when the message does not give it."""
    field = "phone" if what == messages.RESCHEDULE_PHONE else "name"
    if field == "name" and _OTHER_GUEST.search(compact(turn.text)):  # "入住人换成我同学": another guest
        return Reply(messages.CONTACT_OTHER_GUEST.format(number=targets[0].number),
                     actions=[messages.CHIP_CANCEL_BOOKING.format(number=b.number) for b in targets[:3]],
                     intent="reschedule")
    if field == "name" and len({b.name for b in targets}) > 1:  # several guests: which one is asked
        lines = "\n".join(_item(b, names) for b in targets)
        return Reply(messages.MY_BOOKINGS.format(lines=lines) + "\n"
                     + messages.CONTACT_WHICH.format(day=day_label(targets[0].check_in)), intent="reschedule")
    value = _contact_value(turn, field, asked=False)
    if isinstance(value, Refused):
        return _ask_contact(turn, targets, field, prefix=value.reason + "\n")
    if value is None:
        return _ask_contact(turn, targets, field)
    return _confirm_contact(turn, targets, field, value)


@handles(CONTACT_FLOW, asides=("my_bookings", "exit"))
def change_contact_flow(turn: Turn) -> Reply:
    """The reply to "新的手机号是多少？" or to "把…改为…，确认吗？": the value taken, the change made,
    kept, or, for anything else, the flow left and the message handled as it would be."""
    pending = turn.state.get(_CONTACT) or {}
    rows, names = _own_bookings(turn)
    targets = [r for r in rows if r.number in pending.get("numbers", []) and r.status == "active"]
    field = pending.get("field", "phone")
    plain = compact(turn.text)
    answer = "no" if _CHANGE_NO.match(plain) else "yes" if _CHANGE_YES.match(plain) else yes_no(turn.text)
    if not targets or answer == "no" or turn.classified == "exit":
        end_flow_keeping_paused(turn.state)
        if not targets:
            return turn.engine.dispatch_text(turn)
        return say_paused(turn, Reply(messages.CHANGE_KEPT.format(number=_numbers_text(targets)), intent="reschedule"))
    value = _contact_value(turn, field, asked="value" not in pending)
    if isinstance(value, Refused):  # "1391234567": the phone asked again
        return _ask_contact(turn, targets, field, prefix=value.reason + "\n")
    if value is not None and value != pending.get("value"):
        return _confirm_contact(turn, targets, field, value)
    if "value" not in pending or answer != "yes":
        if turn.classified == "my_bookings":
            step = _CONTACT_ASK[field] if "value" not in pending else messages.CONTACT_ASK_AGAIN
            return Reply(f"{bookings_in_passing(turn)}\n\n{step.format(numbers=_numbers_text(targets))}",
                         actions=[messages.CHIP_CHANGE_KEEP], intent="reschedule")
        end_flow_keeping_paused(turn.state)  # something else: handled as it would be
        return turn.engine.dispatch_text(turn)
    end_flow_keeping_paused(turn.state)
    what = _CONTACT_WHAT[field]
    try:
        with turn.engine.sessions() as s:
            done = change_contact(s, turn.incoming.user_key, [b.number for b in targets],
                                  users_today(turn.engine.settings), **{field: pending["value"]})
            text = messages.CONTACT_DONE.format(numbers=_numbers_text(done), what=what, new=pending["value"])
    except BookingError as exc:
        return say_paused(turn, Reply(messages.CHANGE_FAILED.format(reason=exc.message, number=_numbers_text(targets)),
                                      actions=[messages.CHIP_MY_BOOKINGS], intent="reschedule"))
    return say_paused(turn, Reply(text, actions=[messages.CHIP_MY_BOOKINGS], intent="reschedule"))


# Saying a booking was made ("我订了…", "我之前预约的…").
_SAYS_BOOKED = re.compile(r"我(?:之前|已经|上次|刚才|前几天)?(?:订|预约|预订|预定|约)(?:了|过|的)")
# What a request to change names of a stay: its day, station or nights ("换到溱湖那个", "改期"). A
# change that names none of them ("那换成硕士的呢") is about something else, even with a booking made.
_STAY_PART = re.compile(r"日期|时间|日子|期|天|晚|夜|宿|站|住|号|周|星期|礼拜|月")
# The nights by their count or a word for changing them ("改成住3晚", "多住一晚"); "晚一天入住" is the day.
_NIGHTS_PART = re.compile(r"晚数|续住|延长|多住|少住|住(?:\d|[一两二三四五六七八九十])|(?:\d|[一两二三四五六七八九十])个?(?:晚|夜|宿)")


# A change asked with nothing said of what ("那你帮我改一下呗", "能帮我改下预约吗"): of the booking made.
# ... or one's own booking named to be changed ("我那个预约改一下", user test 24).
_BARE_CHANGE = re.compile(r"^(?:那|那你|你|那就)?(?:能|能不能|可以|可不可以)?(?:(?:帮我|给我|你帮我|直接)|"
                          r"(?:我|我的|我那个|我这个)(?:订|约|预约)?的?(?:那个|这个)?(?:驿站)?的?(?:预约|床位|住宿|订单)"
                          r"(?:想|要|能|能不能|可以|可不可以|得|需要)?)(?:改|修改|调整|换)(?:一下|下)?"
                          r"(?:预约|我的预约|那个预约)?(?:吧|呗|呀|啊|吗|嘛|行吗|可以吗)?$")


# Who stays and how to reach them, as a booking made names them ("手机号填错了", "名字写错了").
_PHONE_PART = re.compile(r"手机|电话|号码|联系方式")
_NAME_PART = re.compile(r"名字|姓名|入住人")


def _about_a_stay_made(turn: Turn) -> bool:
    text = turn.text
    return bool(_BARE_CHANGE.match(compact(text)) or _STAY_PART.search(text) or _PHONE_PART.search(text) or _NAME_PART.search(text)
                or station_in(text, station_choices(turn.engine), by_number=False))


def _what_changes(turn: Turn) -> str:
    """The part of the booking a request to change names ("" for the day, which most requests change)."""
    if _PHONE_PART.search(turn.text):  # before the day: 手机号 holds 号
        return messages.RESCHEDULE_PHONE
    if _NAME_PART.search(turn.text):
        return messages.RESCHEDULE_NAME
    cut = _CHANGE_TO.search(normalise(turn.text))  # "溱湖那个改到下周二": the station names the booking
    if cut and station_in(normalise(turn.text)[cut.end():], station_choices(turn.engine), by_number=False):
        return messages.RESCHEDULE_STATION
    return messages.RESCHEDULE_NIGHTS if _NIGHTS_PART.search(turn.text) else ""


def _how_to_reschedule(active: list, names: dict[str, str], what: str = "") -> Reply:
    """How to change the day (or ``what`` else) of ``active`` (one or several bookings): cancel, then
    book again."""
    def how(number: str) -> str:
        return messages.RESCHEDULE_OTHER.format(what=what, number=number) if what else messages.RESCHEDULE_HOW.format(number=number)
    if len(active) == 1:
        text = how(active[0].number)
    else:
        lines = "\n".join(_item(b, names) for b in active)
        text = messages.MY_BOOKINGS.format(lines=lines) + "\n" + how(messages.NUMBER_PLACEHOLDER)
    actions = [messages.CHIP_CANCEL_BOOKING.format(number=b.number) for b in active[:3]] + [messages.CHIP_BOOK]
    return Reply(text, actions=actions, intent="reschedule")


_STAY_WORD = re.compile(r"住|床位|订|预约")
# Wishing for somewhere to stay: "我想下周找个地方住", "打算月底过去住几天", "需要住宿".
_WISH_TO_STAY = re.compile(r"(?<![不别])(?:想|要|打算|准备|需要|得)(?:找)?.{0,6}?(?:住(?![房宅])|住宿|落脚)")
_CHECK_IN = re.compile(r"入住|住进|去住|过去住|(?:去|到)(?:青年)?(?:人才)?驿站(?:里)?住")   # "我想这周末去驿站住"
_STATION_WORD = re.compile(r"驿站")
_GOING_TO_STATION = re.compile(r"(?:去|到|来|过去)(?:你们|您们)?(?:的|那个|那边的)?(?:青年)?(?:人才)?驿站")
_BOOK_VERB = re.compile(r"(?<![规确决固指稳一肯否认鉴制设])(订|预约|预订|预定)")


# "住几天" after a wish to stay ("我想后天去溱湖住几天"): a few days, the number not yet decided, not a
# question how many (user test 10 was told "帮不上忙", then offered a person for each detail).
_A_FEW_NIGHTS = re.compile(r"(住|待|呆)(?:上)?(?:个)?几(?:天|晚|个晚上)")


def _wishes_a_few_nights(text: str) -> bool:
    """Whether ``text`` wishes to stay "几天" and asks nothing else."""
    return bool(_WISH_TO_STAY.search(text) and _A_FEW_NIGHTS.search(text)
                and not QUESTION.search(_A_FEW_NIGHTS.sub(r"\1", text)))


# Asking us to book, the object understood: "能帮我约吗", "可以帮忙订一下吗".
_ASKS_US_TO_BOOK = re.compile(r"(?:帮我|给我|帮忙|替我)(?:订|定|预约|预订|预定|约)")
# A wish to book, said of a day with nothing else booked: "我想订下下周三的", "帮我约个明天的".
_WISH_TO_BOOK = re.compile(r"(?<![不别])(?:想|要|打算|准备|帮我|给我|麻烦)(?:帮我|给我|再)?(?:订|定|预约|预订|预定|约)"
                           r"(?:一下|个|一个)?")
# (An acknowledgement may lead: "行 那帮我定一个下周一的", user test 22 was told "not found".)
_NOTHING_ELSE = re.compile(r"^(?:我|我们|那|那就|嗯|好|好的|行|行吧|可以|成|ok|的|吧|呢|啊|呀|了|入住|去住|住|过去|过来|一下|个|一个|号|天|"
                           r"晚上)*$")


def _wishes_to_book_a_day(text: str, today: date) -> bool:
    """Whether ``text`` wishes to book for a day and says nothing else: "我想订下下周三的" books, "我想订明天
    的机票" does not."""
    plain = normalise(text)
    if date_in(plain, today) is None or not _WISH_TO_BOOK.search(plain):
        return False
    return bool(_NOTHING_ELSE.match(compact(_WISH_TO_BOOK.sub("", without_days_and_nights(plain)))))


def mentions_a_stay(turn: Turn) -> bool:
    """"后天去总站住2晚": a station named with a day or a number of nights is a booking
    request, whatever the words around it (the stations come from the database, so
    each deployment's own names and aliases count). A question books only when it gives the
    stay: a day and nights at the station ("想下周二去…能不能住你们那个驿站住个三四天", user test 4);
    "驿站明天能住吗" asks whether there is a bed (``asks_availability``)."""
    text = turn.text
    if compact(text).isdigit():
        return False
    today = users_today(turn.engine.settings)
    if QUESTION.search(text) and _ASKS_US_TO_BOOK.search(text) and (_WISH_TO_STAY.search(text) or _CHECK_IN.search(text)) \
            and not _OTHER_HOUSING.search(text) and date_in(text, today) is not None:
        return True  # "我下周三面试 想提前一天过去住 能帮我约吗": a stay wished for, and asked to be booked (user test 21)
    if QUESTION.search(text) and _STATION_WORD.search(text) and _A_FEW_NIGHTS.search(text) \
            and date_in(text, today) is not None:
        return True  # "下个礼拜一要去入职 想问问你们那个驿站能不能先住个几天" (voice input, user test 21: "not found")
    if QUESTION.search(text) and not _wishes_a_few_nights(text):  # "能不能帮我订一下 住两个晚上就行" with a day: the booking verb says what (user test 5)
        return bool(_STAY_WORD.search(text) and date_in(text, today)
                    and (nights_in(text) is not None or nights_range(normalise(text)) is not None)
                    and (_STATION_WORD.search(text) or _BOOK_VERB.search(text)
                         or station_in(text, station_choices(turn.engine)) is not None))
    if _BOOK_VERB.search(text) and station_in(text, station_choices(turn.engine), by_number=False) is not None:
        return True  # "那帮我订一个吧总站" (user test 7: "not found")
    dated = _STAY_WORD.search(text) and date_in(text, today)
    # "我想明天入住": a day to move in; "这周五住到周日": the days of a stay; "后天住两晚": a day and
    # the nights. Each is a booking, the station asked if it is not named.
    if dated and (_CHECK_IN.search(text) or all(stay_dates(text, today)) or nights_in(text) is not None):
        return True
    if (_STATION_WORD.search(text) and nights_in(text) is not None
            and vague_period(normalise(text), today) is not None):  # "驿站 月底 住三天": which day is asked
        return True
    if (_WISH_TO_STAY.search(text) and not _OTHER_HOUSING.search(text)
            and (date_in(text, today) is not None or vague_period(normalise(text), today) is not None)):
        return True  # "我想下周找个地方住": a stay wished for at a time (user test 9 got who may stay)
    if not QUESTION.search(text) and _wishes_to_book_a_day(text, today):
        return True  # "我想订下下周三的": a booking for a day, the object understood (user test 17: off-topic)
    if _GOING_TO_STATION.search(text) and date_in(text, today) is not None:
        return True  # "下周4去驿站": going to the station on a day (user test 14 was told who may stay)
    if not (nights_in(text) is not None or dated or all(stay_dates(text, today))):
        return False  # "姜堰今天有招聘会吗" names a place and a day, but no stay; "溱湖驿站20号到22号" a stay
    return station_in(text, station_choices(turn.engine)) is not None


# A question whether a bed is free on a day: "明天还有空房吗", "溱湖驿站明天有位置吗", "驿站明天能住吗".
# "明天就到姜堰了有没有地方住" asks it too (user test 20 was told the stations' addresses).
_ASKS_FREE = re.compile(r"空房|空床|空位|床位|位置|房间|有房|名额|约满|满了|满没满|住得下|住的下|能不能住|可不可以住|"
                        r"(?:能|可以)(?:直接|马上|现在)?(?:过去|过来|去|来)?住|"  # "现在能直接过去住吗"
                        r"地方住|住的地方|住处|落脚的地方|"
                        r"能入住|可以入住|能不能入住")
_ABOUT_A_STAY = re.compile(r"驿站|房|床|住")


# Arriving late, said with the hour or as late ("晚上11点才到", "很晚才到", "凌晨到"): whether one may still
# check in then asks the station's hours, not who may stay nor its free beds (user test 27: "晚上很晚到可以吗"
# was told the conditions, "我明天晚上11点才到姜堰 还能入住吗" the free beds). "明天晚上到" alone is no hour.
_ARRIVES_LATE = re.compile(r"(?:很晚|太晚|比较晚|较晚|半夜|深夜|凌晨|大半夜|(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:点|:\d\d))"
                           r"(?:多|钟|半|左右|以后|之后|后)?(?:才|再|能|可以)?(?:到|入住|过来|过去|进|来|赶到|抵达)")


def arrives_late(text: str) -> bool:
    """Whether a message asks about arriving late (``_ARRIVES_LATE``): the check-in hours, for staff."""
    return bool(QUESTION.search(text) and _ARRIVES_LATE.search(compact(text)))


def asks_availability(turn: Turn) -> bool:
    text = turn.text
    if arrives_late(text):
        return False
    if turn.state.get(ASKED_ABOUT) and _ANOTHER_DAY_ASKED.fullmatch(compact(without_days_and_nights(normalise(text)))):
        # "这周末呢" right after the free beds of a day were told: the same asked of that day (user test 23
        # was told who may stay)
        return date_in(text, users_today(turn.engine.settings)) is not None
    can_book = bool(_CAN_BOOK.search(compact(text)))
    if not (QUESTION.search(text) and (_ABOUT_A_STAY.search(text) or can_book)):
        return False
    if can_book and not _ASKS_FREE.search(text) and date_in(text, users_today(turn.engine.settings)) is not None:
        return True  # "12号能订吗", "周六还能约吗": a stay is all there is to book (user test 26: "not found")
    if not _ASKS_FREE.search(text):
        # "我下周一过去住到周五可以吗": a stay from one day to another, asked whether it will do, asks for a
        # bed on those nights (user test 26 was told who may stay)
        start, end = stay_dates(english_days(normalise(text)), users_today(turn.engine.settings))
        return bool(start and end and _WILL_IT_DO.search(compact(text)))
    # "驿站满了吗", "还有空床吗" with no day: the next days' (user test 24 was told who may stay)
    return (_day_asked_about(text, users_today(turn.engine.settings)) is not None
            or (bool(_FREE_NOW.search(compact(text))) and vague_period(normalise(text), users_today(turn.engine.settings)) is None))


# Asking whether one can book: "能订吗", "还能约吗", "可以预约吗", "订得到吗".
_CAN_BOOK = re.compile(r"(?:能|可以|还能|还可以|能不能|可不可以)(?:订|定|约|预约|预订|预定)(?!.*(?:几|多久|多少))|"
                       r"(?:订|约)(?:得到|得上|的到|的上)")
# Asking whether what was said will do: "可以吗", "行不行", "能不能".
_WILL_IT_DO = re.compile(r"(?:可以|行|能|成|ok)(?:吗|么|嘛|不)|行不行|可不可以|能不能|可以不|好不好", re.I)
# Whether beds are free, asked of no day: "驿站满了吗", "还有空床吗" (not "驿站有几张床": how many there are).
_FREE_NOW = re.compile(r"满了|满没满|约满|空床|空位|空房|还有(?:床位|位置|房间|名额|床)|住得下|住的下")
_DAYS_SHOWN = 2  # days whose free beds are shown when none is asked about: today and tomorrow


# Right now, as the day asked about: "我已经到姜堰了 现在能直接过去住吗" (user test 24 was told "帮不上忙").
_RIGHT_NOW = re.compile(r"现在|马上|立刻|立马|这会儿?|眼下")


def _day_asked_about(text: str, today: date) -> date | None:
    """The day whose free beds a question asks about: the day it names, or today for "现在"."""
    day = date_in(text, today)
    return day if day is not None or not _RIGHT_NOW.search(text) else today


# What is left of "那这周末呢", "周六的话呢" less its day: asking the same of another day.
_ANOTHER_DAY_ASKED = re.compile(r"(?:那|那么|要是|如果|如果是|换成|改成)?(?:这|下|本)?(?:的|那天|那几天)?(?:的话)?"
                                r"(?:呢|可以吗|行吗|行不行|有吗|有没有|还有吗|能住吗|可以不)")


def availability(turn: Turn) -> Reply:
    """The free beds on the day asked, at the station named or at each (user test 4: "明天还有空房吗"
    was off-topic, "溱湖驿站明天有位置吗" got the station's address), with a quick reply that books
    that day."""
    settings = turn.engine.settings
    today = users_today(settings)
    day = _day_asked_about(turn.text, today)
    if day is None:  # "驿站满了吗": today's and tomorrow's, which day to book asked when it starts
        return _free_beds_of_days(turn, [today + timedelta(days=n) for n in range(_DAYS_SHOWN)])
    if day < today:
        return Reply(messages.BOOKING_PAST_DATE.format(day=day_label(day)), actions=[messages.CHIP_BOOK],
                     intent="availability")
    if (day - today).days > settings.booking.window_days:
        last = day_label(today + timedelta(days=settings.booking.window_days))
        return Reply(messages.BOOKING_TOO_FAR.format(days=settings.booking.window_days, last=last),
                     actions=[messages.CHIP_BOOK], intent="availability")
    # "明天能住吗" typed at 00:30: the day just begun or the next, both shown, and which one is asked when
    # the booking starts (user test 24 was shown the next day's beds and booked it unasked)
    either = day == today + timedelta(days=1) and tomorrow_in_small_hours(english_days(normalise(turn.text)),
                                                                        users_hour(settings))
    # "12号到15号还有空床吗": a bed every night of that stay, which the booking that follows keeps
    # (user test 26 was told the first night's beds, then asked how many nights)
    start, end = stay_dates(english_days(normalise(turn.text)), today)
    nights = (end - day).days if start == day and end is not None else 1
    if not 1 <= nights <= settings.booking.max_free_nights:
        nights = 1
    reply = _free_beds_of_days(turn, [today, day] if either else [day], nights)
    if either:
        reply.text = messages.AVAILABILITY_SMALL_HOURS + reply.text
    return reply


def _free_beds_of_days(turn: Turn, days: list[date], nights: int = 1) -> Reply:
    """The free beds of each of ``days`` at the station the message names or at each, with a quick reply
    booking each day that has any; one day shown is the one "那订一个" next books. ``nights``: of a stay
    from that day, the beds free every night of it (and the booking that follows keeps them)."""
    named = station_in(turn.text, station_choices(turn.engine), by_number=False)
    lines, free_days = [], []
    for shown in days:
        items, free = _free_beds_told(turn, shown, named, nights)
        if not items:
            return Reply(messages.NO_STATIONS, actions=[messages.CHIP_TICKET], intent="availability")
        told = messages.AVAILABILITY if nights == 1 else messages.AVAILABILITY_STAY
        lines.append(told.format(day=day_label(shown), weekday=weekday_label(shown), nights=nights, items="；".join(items)))
        if free:
            free_days.append(shown)
    text = "\n".join(lines)
    chips = [messages.CHIP_BOOK_DAY.format(day=day_label(d)) for d in free_days]
    if chips:
        text += messages.AVAILABILITY_BOOK_EITHER if len(chips) > 1 else messages.AVAILABILITY_BOOK.format(chip=chips[0])
        # "那订一个" next books that day (and that station): user test 7 was asked both again
        turn.state[ASKED_ABOUT] = {**({"check_in": days[0].isoformat()} if len(days) == 1 else {}),
                                   **({"nights": nights} if len(days) == 1 and nights > 1 else {}),
                                   **({"station": named} if named else {}),
                                   _SAID_BEFORE: turn.text}  # "我是22年毕业的 今年26": facts kept for the booking
        # about the station now: a bare detail next ("总站的") books, with that day (user test 14 was told
        # the station's address)
        turn.state["topic"] = messages.BOOKING_TOPIC
    return Reply(text, actions=chips or [messages.CHIP_BOOK], intent="availability")


def _free_beds_told(turn: Turn, day: date, named: str | None, nights: int = 1) -> tuple[list[str], bool]:
    """Each station's (or the one ``named``'s) free beds on ``day`` as said (every night of ``nights``
    from it), and whether any is free."""
    items, free = [], False
    with turn.engine.read_sessions() as s:
        for st in active_stations(s):
            if named and st.id != named:
                continue
            beds = min(free_beds(s, st, day, nights).values())
            free = free or beds > 0
            if any((day + timedelta(days=n)).isoformat() in (st.closed_dates or []) for n in range(nights)):
                items.append(messages.AVAILABILITY_CLOSED.format(station=st.name))
            elif beds:
                items.append(messages.AVAILABILITY_FREE.format(station=st.name, beds=beds))
            else:
                items.append(messages.AVAILABILITY_FULL.format(station=st.name))
    return items, free


ASKED_ABOUT = "asked_about"  # the day (and station) whose free beds were just told: a booking starts with them
SITUATION_TOLD = "situation_told"  # a statement of someone's situation ("我儿子今年大学毕业"): its facts count later
_SAID_BEFORE = "_said"  # ... and the question, whose facts answer the eligibility questions


_WHICH_STATIONS = re.compile(r"(?:几个|哪些|哪几个|多少个|几家|哪几家)(?:青年)?(?:人才)?驿站|驿站(?:都|一共|总共)?有(?:哪些|哪几个|几个|多少个|几家)")


# The stations compared: "两个驿站有什么区别", "哪个驿站好一点".
# ("人才公寓跟驿站有啥区别" compares two kinds of housing, not the stations.)
_COMPARES_STATIONS = re.compile(r"(?:两个|2个|俩|几个|这两个|这俩|这几个|各个|这些)(?:青年)?(?:人才)?驿站(?:之间)?.{0,4}"
                                r"(?:区别|不同|不一样|差别)|驿站(?:之间.{0,4}(?:区别|不同|不一样|差别)|哪个好|哪个更好|选哪个)|"
                                r"(?:哪个|哪家)驿站(?:好|更好|比较好)")


def asks_the_stations(turn: Turn) -> bool:
    """"你们有几个驿站", "驿站有哪些", "两个驿站有什么区别": the stations are listed from the database
    (user test 7 got who may stay)."""
    plain = compact(turn.text)
    return bool(_WHICH_STATIONS.search(plain) or (QUESTION.search(turn.text) and _COMPARES_STATIONS.search(plain)))


def stations_listed(turn: Turn) -> Reply:
    stations = station_choices(turn.engine)
    if not stations:
        return Reply(messages.NO_STATIONS, actions=[messages.CHIP_TICKET], intent="stations")
    items = [messages.STATION_CHOICE.format(name=name, address=addr) for _, name, addr in stations]
    # "两个驿站有什么区别": the same to stay at, so the one near where the user goes (user test 14: "not found")
    same = messages.STATION_ANY.format(count=len(stations)) if _COMPARES_STATIONS.search(compact(turn.text)) else ""
    return Reply(same + messages.STATIONS_LIST.format(count=len(stations), stations=numbered(items)),
                 actions=[messages.CHIP_BOOK], intent="stations")


def asks_near_days(turn: Turn) -> bool:
    """"这两天能住驿站吗", "下个礼拜还有床位吗": whether a bed can be had on some days soon, said
    without a day (user test 6 was told who may stay, then "帮不上忙" to "明天吧"). The booking
    starts and asks which day."""
    text = turn.text
    return bool(QUESTION.search(text) and _ASKS_FREE.search(text) and _ABOUT_A_STAY.search(text)
                and vague_period(normalise(text), users_today(turn.engine.settings)) is not None)


# Whether the stay asked about is at the station, not a flat or a housing subsidy (购房补贴, 租房,
# 住房补贴, 人才公寓 have rules of their own): the station or 入住 named, or 住 said of a place to stay.
_ABOUT_THE_STATION = re.compile(r"驿站|入住")
_STAY_VERB = re.compile(r"住(?![房宅])")
_OTHER_HOUSING = re.compile(r"房|公寓|补贴|补助|落户")


# Asking whether one may stay: "我36了能住驿站吗", "毕业六年了可以吗", "那我老婆能住吗 她30".
_MAY_STAY = re.compile(r"能住|可以住|能不能住|可不可以住|能入住|可以入住|能不能入住|符合|够条件|有资格|能申请|可以申请|"
                       r"能订|可以订|可以吗|能吗|行吗|行不行|可不可以|能不能")


_CONDITIONS_TOLD = "conditions_told"  # the conditions were told: an age or a graduation said next is checked
_ASKS_WHETHER = re.compile(r"[吗么不][？?！!。~～\s]*$|能不能|可不可以|行不行|有没有资格")
_ASKS_WHAT = re.compile(r"多久|几天|几晚|多长|哪|什么|怎么|多少|几点")
# How long one may stay ("驿站能住几天"): asked beside one's facts, it asks the nights, not whether one
# may stay (user test 10: "我是今年刚毕业的研究生…驿站能住几天" was told the graduation qualifies).
_ASKS_HOW_LONG = re.compile(r"多久|几天|几晚|多长时间|多长|多少天|多少晚")


# A stay of weeks or months: "一个月", "半个月", "两周", "一个礼拜" (not "下个月", "2月", "周一").
_WEEKS_OR_MONTHS = re.compile(r"(?P<months>一|两|俩|几|\d{1,2})个多?月|(?P<half>半)个?月|"
                              r"(?P<weeks>一|两|俩|几|\d)(?:个?(?:星期|礼拜)(?![一二三四五六日天])|周(?![一二三四五六日天末\d]))")
_DAYS_IN = {"months": 30, "half": 15, "weeks": 7}  # days in each, near enough to compare with a stay's limit


def _days_said(text: str) -> int | None:
    """The days of a stay said in weeks or months ("一个月" 30, "两周" 14, "半个月" 15), or None."""
    m = _WEEKS_OR_MONTHS.search(compact(text))
    if m is None:
        return None
    unit = m.lastgroup
    return _DAYS_IN[unit] * (1 if unit == "half" else cn_number(m.group(unit)) or 2)  # 几: two at least


def stay_too_long(turn: Turn) -> Reply | None:
    """Whether one may stay longer than a stay may be ("能住一个月吗", "可以住10天吗"): the limit, not who
    may stay (user test 24 was told the conditions). None for any other message."""
    text = turn.text
    if not (QUESTION.search(text) and _STAY_VERB.search(text)) or _OTHER_HOUSING.search(text):
        return None
    most, nights = turn.engine.settings.booking.max_free_nights, nights_in(text)
    longest = max(nights or 0, _days_said(text) or 0)
    if longest <= most:  # "能住一个星期吗": that is the most
        return None
    turn.state["topic"] = messages.BOOKING_TOPIC
    return Reply(messages.STAY_TOO_LONG.format(max=most), actions=[messages.CHIP_BOOK], intent="booking_info")


# How many nights one may stay or book ("明天可以预约几晚", "一次可以订几晚", "最多能订几天", "驿站能住几晚"):
# said with may or most, not "想去驿站住几天" (a stay wanted). User tests 26 and 27: "明天可以预约几晚" and "一次
# 可以订几晚" were "not found", "驿站可以预约几晚" started a booking, while "可以预约几晚" was answered.
_ASKS_MOST_NIGHTS = re.compile(r"(?:能|可以|可|允许|最多|最长|一次|每次)(?:最多|最长)?(?:免费)?(?:住|入住|订|预约|预订|预定|约)"
                               r"(?:多久|几天|几晚|几个晚上|几夜|多长时间|多少天|多少晚)|"
                               r"(?:最多|最长)(?:能|可以)?(?:免费)?(?:住|入住|订|预约|预订|预定|约)?(?:几天|几晚|几个晚上|多久|多少天)")


def most_nights_asked(turn: Turn) -> Reply | None:
    """How many nights one may stay, asked: the service's own limit and booking window, cited from its
    rules (bot/service_doc.py), whatever day the question names. None for any other message."""
    text = turn.text
    if not QUESTION.search(text) or _OTHER_HOUSING.search(text) or not _ASKS_MOST_NIGHTS.search(compact(text)):
        return None
    cfg = turn.engine.settings.booking
    turn.state["topic"] = messages.BOOKING_TOPIC
    said = messages.SERVICE_DOC_NIGHTS.format(nights=cfg.max_free_nights, days=cfg.window_days)
    return Reply(said, sources=[{"title": messages.SERVICE_DOC_TITLE, "section": messages.SERVICE_DOC_STAY,
                                 "snippet": said}],
                 actions=[messages.CHIP_BOOK], intent="policy", found=True)


def eligibility_said(turn: Turn, question: str | None = None) -> Reply | None:
    """The answer to whether someone may stay, asked with their age or years since graduating (user
    test 6: "我36了能住驿站吗" got who the station is for, "我已经毕业六年了可以吗" "not found"):
    what the service's own conditions (config ``booking.eligibility``) say of those facts. None
    when the message asks nothing of the kind, or states neither fact. ``question``: the one of the
    message's questions asked about (the facts are read from the whole message: "我是今年的应届生 …
    有什么政策吗 能住驿站吗")."""
    text, settings = question or turn.text, turn.engine.settings
    # Other housing named ("那她能住人才公寓吗" after the station's conditions) is not the station (user
    # test 14 was told the station's conditions again).
    about_stay = (_ABOUT_THE_STATION.search(text)
                  or ((messages.BOOKING_TOPIC in turn.state.get("topic", "") or _STAY_VERB.search(text))
                      and not _OTHER_HOUSING.search(text)))
    asks = bool(QUESTION.search(text) and _MAY_STAY.search(text) and about_stay and not _ASKS_HOW_LONG.search(text)
                and not arrives_late(text))
    asked_before = turn.state.pop(_CONDITIONS_TOLD, False)  # "我50岁了" after the conditions were told
    # "我23年毕业的" said while the station is talked about (after its conditions or one fact checked):
    # checked too (user test 9 was answered with the condition's sentence again)
    stated = not QUESTION.search(text) and messages.BOOKING_TOPIC in turn.state.get("topic", "")
    if not (asks or asked_before or stated):
        return None
    # The message asks whether its sender may stay: the age is what it is about, as in a reply to the
    # age question ("我36了能住驿站吗"); a bare number cannot be the whole of a question.
    age, ago = age_in(turn.text, asked=True), years_since_graduation(turn.text, users_today(settings))
    told = turn.state.get(SITUATION_TOLD)
    if age is None and ago is None and told and asks:
        # "我儿子今年大学毕业", then "他能住驿站吗": the facts told before (user test 24 was asked them again)
        age, ago = age_in(told, asked=False), years_since_graduation(told, users_today(settings))
        text = f"{told} {text}"
    checked = [q for q in settings.booking.eligibility
               if (q.max_age is not None and age is not None)
               or (q.graduated_within_years is not None and ago is not None)]
    if not checked:
        # "我陪她一起 我能住驿站吗": whether, with nothing to check it by: the conditions (user test 7
        # got a sentence about the stations' services), and the facts asked for
        if asks and _ASKS_WHETHER.search(text) and not _ASKS_WHAT.search(text):
            turn.state[_CONDITIONS_TOLD] = True
            rules = messages.ELIGIBILITY_RULES.format(rules="".join(q.reject for q in settings.booking.eligibility))
            said = compact(text)
            # "我和女朋友一起能住吗", "我朋友也过来 能住一起吗": a bed each (user test 24 was told only the
            # conditions), the conditions not said again right after they were
            if _SEVERAL_PEOPLE.search(said) or _SOMEONE_ELSE.search(said) or _COMPANION_COMING.search(said):
                rules = messages.ELIGIBILITY_TOGETHER.format(one=messages.BOOKING_ONE_PERSON,
                                                             rules="" if asked_before else "\n" + rules)
            return Reply(rules, actions=[messages.CHIP_BOOK], intent="eligibility")
        return None
    fails = [q.reject + (messages.NOT_YET_GRADUATED if q.graduated_within_years is not None and ago is not None
                         and ago < 0 else "")
             for q in checked if (q.max_age is not None and age is not None and age > q.max_age)
             or (q.graduated_within_years is not None and ago is not None
                 and not 0 <= ago <= q.graduated_within_years)]
    if fails:
        turn.state[JUST_REFUSED] = BOOKING_FORM.name  # "那怎么办" next is not offered a booking
        first = next(q for q in checked if (q.max_age is not None and age is not None and age > q.max_age)
                     or (q.graduated_within_years is not None and ago is not None
                         and not 0 <= ago <= q.graduated_within_years))
        turn.state[WHEN_ELIGIBLE] = _when_eligible(first, first.graduated_within_years is not None and ago is not None
                                                   and ago < 0)
        return Reply(messages.ELIGIBILITY_FAILS.format(reasons="".join(fails)), actions=[messages.CHIP_TICKET],
                     intent="eligibility")
    facts = [messages.ELIGIBILITY_AGE if q.max_age is not None else messages.ELIGIBILITY_GRADUATED for q in checked]
    both, one = ((messages.ELIGIBILITY_BOTH_OTHER, messages.ELIGIBILITY_ONE_OTHER) if _about_another(compact(text))
                 else (messages.ELIGIBILITY_BOTH, messages.ELIGIBILITY_ONE))
    said = both.format(first=facts[0], second=facts[1]) if len(facts) == 2 else one.format(fact=facts[0])
    if not turn.state.get("flow"):  # "我24岁 刚毕业 能住吗", then "那帮我订一个": the facts count for the booking
        turn.state[SITUATION_TOLD] = f"{told} {turn.text}" if told and told not in turn.text else turn.text
    return Reply(messages.ELIGIBILITY_MEETS.format(facts=said), actions=[messages.CHIP_BOOK], intent="eligibility")
