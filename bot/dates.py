"""Dates and night counts as young people type them in chat.

Pure functions, no I/O. Rules:
- 今天/明天/后天/大后天 (and 今晚/明晚): relative to ``today``.
- 周三 / 星期三 / 礼拜三: the nearest such day, today included.
- 下周三 / 下个星期三: that weekday in the next calendar week (weeks start on Monday).
- 这周五 / 本周五 / 这个礼拜五: that weekday of this week (may be past; callers validate, and
  ``passed_this_week`` offers next week's for it).
- 周末 / 这周末: this week's Saturday; on a Sunday, today (the weekend still going on), though the
  user may mean next week's (``weekend_said_on_sunday`` tells the caller to ask); 下周末: next
  week's Saturday.
- Holidays on a fixed day (国庆, 元旦, 五一/劳动节, 十一假期): that day, like a month and day.
  Holidays of the lunar calendar or of no one day (春节, 中秋, 寒假…) are not read as any day:
  ``moving_holiday`` names them, for the caller to ask for a concrete date.
- 12月3日 / 12月3号 / 十二月三日 / 12.3 / 12/3 / 12-3: this year if not yet past or
  past by at most 90 days (then the caller refuses it as past: "12月3日" typed on
  12月4日 means yesterday), otherwise next year (in late December "1月5日" is next January).
- 昨天 / 前天: in the past, for the caller to refuse with that reason.
- 过两天 / 三天后 / 3天以后: that many days from today (not a stay of that many nights).
- 下个月3号 / 下月3日 / 这个月20号 / 本月20号: that day of next (this) month.
- 2026-12-03 / 2026年12月3日 / 2026/12/3: exactly that date.
- 3号 / 3日 alone: the next 3rd of a month, today included.
- 2月29日 counts only if this or next year has it; otherwise None.
- An explicit date wins over a relative word in the same message.
Night counts: 2晚 / 两晚 / 三个晚上 / 住3天 / a bare 1 ("过两天", "三天后" are days, not nights;
"两三天" is a range, ``nights_range``). "N天" counts as N nights,
because young people say "住3天" for a three-night stay far more often than
they mean three days with two nights.
Anything else, or an impossible date (2月30日), gives None.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import messages
from knowledge.text import cn_number

_DIGITS = str.maketrans("０１２３４５６７８９．／－", "0123456789./-", " \u3000\t")
# Spaces between two numbers keep them apart: "12/8 1晚" is a day and a night, not "12/81晚".
_DIGIT_GAP = re.compile(r"(?<=\d)[ \u3000\t]+(?=\d)")


def _plain(text: str) -> str:
    """``text`` with ASCII digits and separators, spaces gone except between two numbers."""
    return _DIGIT_GAP.sub(",", text).translate(_DIGITS)


_CN_NUM = r"[零〇一二两三四五六七八九十]{1,3}"  # a Chinese number up to 99, a piece of the patterns below
WEEKDAY_NUMBERS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5,
            "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}  # "下周4" as typed on a phone (user test 14)
_RELATIVE = {"今天": 0, "今日": 0, "今晚": 0, "明天": 1, "明日": 1, "明晚": 1, "后天": 2, "大后天": 3,
             "昨天": -1, "昨晚": -1, "前天": -2}
# Two days said as one word, the first of them the day the stay begins: "明后两天" (tomorrow and the day
# after), "今明两晚", "明后天" (user test 17: "明后天" was read as 后天, "明后两天" as no day). Only where a
# word starts: not the 明 of 说明, 清明, 查明 ("清明后两天" is after the festival).
_DAY_PAIR = re.compile(r"(?:(今明)|明后)(?=[天日两俩二晚]|个晚)")  # group 1: today first
_DAY_PAIR_SAID = re.compile(_DAY_PAIR.pattern + r"[天日]?")  # the words of the pair ("明后天" whole)


def _day_pairs(t: str, pattern: re.Pattern = _DAY_PAIR) -> list[re.Match]:
    """The two-day words of ``t`` that begin a word of their own."""
    found = list(pattern.finditer(t))
    if not found:
        return []
    from knowledge.text import word_spans

    starts = {start for start, _ in word_spans(t)[0]}
    return [m for m in found if m.start() in starts]
_WEEKS_AHEAD = {"这": 0, "本": 0, "下": 1, "下下": 2}  # 这周五, 下周五, 下下周五
_FULL_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
_MONTH_DAY = re.compile(rf"(\d{{1,2}}|{_CN_NUM})月(\d{{1,2}}|{_CN_NUM})(?:日|号)?")
_DAY_ONLY = re.compile(rf"(?<![\d月])(\d{{1,2}}|{_CN_NUM})(?:号|日)")
_WEEKDAY_NAMED = re.compile(r"(下下|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天末]|[1-7](?![\d晚天次个号日]))")
_SATURDAY, _SUNDAY = 5, 6
# Holidays on one day of the Gregorian calendar. Bare 十一 is the 11th or eleven, so National Day
# is only 十一 with a holiday word after it. 五一 and 六一 after 周/星期/礼拜 are a weekday and a night
# ("就周六一晚": user test 17 was told the day was past the booking window).
_FIXED_HOLIDAYS = ((re.compile(r"国庆|十一(?:假期|长假|小长假|黄金周|期间|放假)"), 10, 1),
                   (re.compile(r"元旦"), 1, 1),
                   (re.compile(r"(?<![零〇一二两三四五六七八九十周期拜])五一(?![零〇一二两三四五六七八九十])|劳动节"), 5, 1),
                   (re.compile(r"平安夜"), 12, 24),
                   (re.compile(r"圣诞"), 12, 25),
                   (re.compile(r"跨年"), 12, 31),
                   (re.compile(r"情人节"), 2, 14),
                   (re.compile(r"妇女节|三八节"), 3, 8),
                   (re.compile(r"儿童节|(?<![零〇一二两三四五六七八九十周期拜])六一(?![零〇一二两三四五六七八九十])"), 6, 1),
                   (re.compile(r"教师节"), 9, 10),
                   (re.compile(r"万圣节"), 10, 31),
                   (re.compile(r"双十一|双11|光棍节"), 11, 11),
                   (re.compile(r"双十二|双12"), 12, 12))
# Holidays whose day moves from year to year (lunar calendar, solar terms) or that last weeks:
# no library here knows their dates, so none is guessed.
_MOVING_HOLIDAY = re.compile(r"春节|过年|除夕|大年(?:三十|初[一二三四五六七八九十])|正月|元宵|清明|端午|中秋|七夕|重阳|"
                             r"寒假|暑假")
# The lookbehind keeps "周三晚上" (a weekday) from reading as three nights, and "过两天" (a day) too;
# the lookahead "三天后" (a day). 宿 is a night as much ("住两宿", "一宿"), never 宿舍.
_NIGHTS = re.compile(rf"(?<![周期拜过这近前头])(\d{{1,2}}|{_CN_NUM})个?(?:晚上|晚|夜|宿(?!舍)|天)(?!后|以后|之后)")
# Days from today: "过两天", "再过三天", "三天后", "3天以后" (a day, never a stay of that many nights).
_DAYS_LATER = re.compile(rf"(?:再?过|隔)(\d{{1,2}}|{_CN_NUM})天|(\d{{1,2}}|{_CN_NUM})天(?:后|以后|之后)")
# A day of this or next month: "下个月3号", "下月3日", "这个月20号", "本月20号".
_MONTH_RELATIVE = re.compile(rf"(下个?|这个?|本)月(\d{{1,2}}|{_CN_NUM})(?:号|日)?")
# Two nights in a row said as a range: "两三天", "三四晚", "2-3天", "两到三晚", "3~4个晚上".
_NIGHTS_RANGE = re.compile(rf"(?<![周期拜过])(?:([一两二三四五六七八九])([二三四五六七八九十])|(\d{{1,2}}|{_CN_NUM})\s*(?:-|~|～|到|至)\s*"
                           rf"(\d{{1,2}}|{_CN_NUM}))个?(?:晚上|晚|夜|宿(?!舍)|天)(?!后|以后|之后)")
_BARE_NIGHTS = re.compile(rf"(?:住)?(\d{{1,2}}|{_CN_NUM})")
# Nights typed with what pinyin input offers before 晚 for "wan" ("一完", "两碗", "住三玩"): after a
# number that starts the message or follows 住 or a pause ("玩一玩", "一完成" are no nights; 万 is a number).
_NIGHTS_TYPED = re.compile(rf"(?:^|(?<=住)|(?<=[\s，,。、]))(\d{{1,2}}|{_CN_NUM})个?(?:完|玩|碗)(?![成全美善整毕])")
_RECENT_PAST_DAYS = 90  # "12月3日" on 12月4日 is yesterday (refused as past), not next year


def _num(token: str) -> int | None:
    return cn_number(token)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(today: date, month: int, day: int) -> date | None:
    d = _make(today.year, month, day)
    if d is None:
        if _make(2024, month, day) is None:  # not a date in any year (2月30日)
            return None
        d = _make(today.year + 1, month, day)  # 2月29日 in a non-leap year: skip ahead
        return d if d is None or d >= today else None
    if d >= today or (today - d).days <= _RECENT_PAST_DAYS:
        return d
    return _make(today.year + 1, month, day)


def day_label(d: date) -> str:
    """"12月3日": a day as the bot writes it to people (the year is plain from the booking window)."""
    return messages.DAY.format(month=d.month, day=d.day)


def weekday_label(d: date) -> str:
    """"周一": the day of the week, said next to a date read from words ("下周一", "周末")."""
    return messages.WEEKDAYS[d.weekday()]


def day_label_with_year(d: date) -> str:
    """"2026年12月3日": where a day is confirmed, and read again later."""
    return messages.DAY_WITH_YEAR.format(year=d.year, month=d.month, day=d.day)


def local_time(value, timezone: str) -> str:
    """A stored UTC time (naive datetime or epoch seconds) as the users' wall-clock time, to the minute."""
    from datetime import timezone as tz

    if value is None or value == "":
        return "—"
    if isinstance(value, (int, float)):
        moment = datetime.fromtimestamp(value, tz=tz.utc)
    else:
        moment = value.replace(tzinfo=tz.utc) if value.tzinfo is None else value
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")


def day_start_utc(day: date, timezone: str) -> datetime:
    """The moment the users' local ``day`` began, as the naive UTC the database stores."""
    from datetime import timezone as tz

    return datetime.combine(day, datetime.min.time(), ZoneInfo(timezone)).astimezone(tz.utc).replace(tzinfo=None)


def local_date(moment: datetime, timezone: str) -> date:
    """The users' local day of a stored (naive UTC) moment."""
    from datetime import timezone as tz

    return moment.replace(tzinfo=tz.utc).astimezone(ZoneInfo(timezone)).date()


def local_today(timezone: str) -> date:
    """Today where the users are (config ``booking.timezone``), not on the server's clock:
    servers and containers usually run on UTC, eight hours behind Beijing."""
    return datetime.now(ZoneInfo(timezone)).date()


def local_hour(timezone: str) -> int:
    """The hour of the day where the users are (0-23), as ``local_today`` gives their day."""
    return datetime.now(ZoneInfo(timezone)).hour


# Before this hour, "明天" said by someone still up is as often the day that has just begun as the next
# one ("明天去驿站" typed at 00:30): which is meant is asked.
SMALL_HOURS_END = 5
_TOMORROW = re.compile(r"(?<![说清查证透聪标分神])明(?:天|日|晚|早|儿)")


def tomorrow_in_small_hours(text: str, hour: int) -> bool:
    """Whether ``text`` says 明天 (明晚, 明早) in the small hours, when it may mean the day just begun."""
    return hour < SMALL_HOURS_END and bool(_TOMORROW.search(text))


def parse_date(text: str, today: date, week_of: date | None = None) -> date | None:
    """The check-in date in ``text``, or None; never raises (rules: module docstring).

    Past dates are returned as they are (这周一 on a Sunday): judging whether a
    date is in the booking window is the caller's job, not the parser's.
    ``week_of``: a day said before (the check-in being changed); a bare weekday ("周日", "改成周六")
    is then that day's week's, when that is not past: "周六" corrected to "不对，是周日" is the
    next day, not today (weeks start on Monday).
    """
    t = _plain(text)
    again = _SAID_AGAIN.search(t)
    if again:  # "后天 啊不 大后天": the day said after taking back the one before
        day = _named_day(again.group(1), today, week_of)
        if day is not None:
            return day
    corrected = _CORRECTED.search(t)
    if corrected:  # "不是明天 是后天", "明天不行，后天吧": the day said after the one taken back
        day = parse_date(corrected.group(1) or corrected.group(2), today, week_of)
        if day is not None:
            return day
    refused = refused_day(text, today)
    if refused is not None:  # "我想订明天的，后天不行": the day the rest says; "不是明天" alone names none
        day = _named_day(_plain(refused[1]), today, week_of)
        return day if day != refused[0] else None
    before = _before_occasion(t, today) or _before_day(t, today)
    if before is not None:  # "下周三面试 想提前一天过去住", "圣诞节前一天": the day before the one named
        return before
    return _named_day(t, today, week_of)


# What one comes to the district for, on a day of its own: the stay may begin before it ("下周三面试 想提前
# 一天过去住", "周五面试 周四晚上到", "12月20号考试 前一晚住"; user test 21 was told "not found"). General
# words of why young people travel, not one deployment's.
_OCCASION = re.compile(r"面试|复试|笔试|考试|考编|报到|报道|入职|上班|签约|体检|开会|培训|答辩|比赛|办事|办手续|招聘会|宣讲会")
# Between the day and the occasion: who goes, where to ("下周一要来姜堰面试", "周五去公司报到"); no number,
# no stay, no pause.
_TO_OCCASION = re.compile(r"[^\d住晚夜宿，,。；;！!？?、]{0,6}")
# The occasion first, then its day: "面试是下周三", "报到时间定在12月20号".
_OCCASION_ON = re.compile(r"(?:的)?(?:时间|日子)?(?:是|在|定在|安排在|定于|约在|约的)")
# The stay the day(s) before the occasion: "提前一天", "前一天晚上", "前一晚", "头天晚上", "提前两天".
_DAYS_BEFORE = re.compile(rf"(?:提前|之前|以前|前|头)(\d|{_CN_NUM})个?(?:天|晚|日|夜)|(?:前|头)(?:天)?(?:晚上|晚|夜)|头天")
_LONGEST_DAY_WORDS = 10  # "下个月20号", "2026年12月20日"


def before_occasion(text: str, today: date) -> date | None:
    """The check-in said against an occasion's day ("下周三面试 想提前一天过去住"), or None."""
    return _before_occasion(_plain(text), today)


def _day_said_at(t: str, today: date, end: int | None = None, start: int | None = None) -> tuple[int, int, date] | None:
    """(start, end, day) of the longest run of day words ending at ``end`` (or beginning at ``start``)
    of ``t``: "我下周三" ends with 下周三, not 周三."""
    best = None
    for n in range(1, _LONGEST_DAY_WORDS + 1):
        lo, hi = (end - n, end) if end is not None else (start, start + n)
        if lo < 0 or hi > len(t):
            break
        said = t[lo:hi]
        if not said.isdigit() and without_days_and_nights(said) == "":
            day = _named_day(said, today)
            if day is not None:
                best = (lo, hi, day)
    return best


def _before_occasion(t: str, today: date) -> date | None:
    """The day a stay begins that is said against the day of an occasion: days before it ("提前一天",
    "面试前一晚"), or another day said beside it and before it ("周五面试 周四晚上到": Thursday); None
    when no occasion has a day, or nothing is said against it (the stay begins on the day named)."""
    for m in _OCCASION.finditer(t):
        said = None
        gap = _TO_OCCASION.match(t[:m.start()][::-1])  # the words between the day and the occasion
        for cut in range(m.start(), m.start() - len(gap.group(0)) - 1, -1):
            said = _day_said_at(t, today, end=cut)
            if said is not None:
                break
        if said is None:
            on = _OCCASION_ON.match(t, m.end())
            said = _day_said_at(t, today, start=on.end()) if on else None
        if said is None:
            continue
        lo, hi, event = said
        rest = t[:min(lo, m.start())] + "，" + t[max(hi, m.end()):]
        before = _DAYS_BEFORE.search(rest)
        if before is not None:
            days = _num(before.group(1)) if before.group(1) else 1
            return event - timedelta(days=days or 1)
        if _LEAVE.search(rest):
            return None  # "下周三面试 周四走": the other day ends the stay, the day named is the check-in
        other = _named_day(rest, today)
        week_day = _WEEKDAY_NAMED.search(rest)
        if other is not None and week_day is not None and not week_day.group(1):
            # "下周五面试 周四到": the Thursday before that Friday, not this week's
            other = event - timedelta(days=(event.weekday() - WEEKDAY_NUMBERS[week_day.group(2)]) % 7)
        return other if other is not None and other < event else None
    return None


# Days before a day named right before them: "圣诞节前一天", "12月20号的前一天", "周五前两天", "元旦前一晚"
# (user test 22 was booked on Christmas Day itself), "下周五之前一天" (user test 24 was booked on that Friday),
# and its eve: "圣诞节前夕" (user test 24 was asked which day). Not "前天" alone, a day of its own.
_DAY_THEN_BEFORE = re.compile(rf"节?的?(?:提前|之前|以前|前)(\d|{_CN_NUM})个?(?:天|晚|日|夜)|节?的?前(?:晚|夜|夕)")


def _before_day(t: str, today: date) -> date | None:
    """The day a number of days before the day named just before the words that say so, or None."""
    for m in _DAY_THEN_BEFORE.finditer(t):
        said = _day_said_at(t, today, end=m.start())
        if said is not None:
            days = _num(m.group(1)) if m.group(1) else 1
            return said[2] - timedelta(days=days or 1)
    return None


def _named_day(t: str, today: date, week_of: date | None = None) -> date | None:
    """The day ``t`` (already ``_plain``) names, by the first rule that reads one."""
    # An explicit date wins over a relative word in the same message:
    # "不是明天，是12月2日" means 12月2日.
    for parse in (_full_date, _month_relative, _month_day, _dotted, _day_only, _holiday, _weekday, _days_later,
                  _relative):
        found, d = parse(t, today)
        if found:
            if parse is _weekday and week_of is not None:
                return _in_week_of(t, today, week_of) or d
            return d
    return None


# Words that refuse the day said before them: "明天不行", "周三我去不了", "后天有事". One list, for a
# day refused alone and a day refused with another said after it.
_REFUSAL = r"不行|不可以|不太方便|不方便|去不了|来不了|没空|不太合适|不合适|不太行|有事|走不开|抽不开身|脱不开身"


_NEGATION_LEAD = re.compile(r"^不太?")


def _not_asked_both_ways(word: str) -> str:
    """``word`` as a pattern that is not the second half of a question asked both ways: "可不可以",
    "行不行", "方便不方便" ask (user test 10: "住两个晚上不知道可不可以" took the day back). Such a
    question is "A不AB" or "AB不AB": the character before 不 is the first or the last of what follows it."""
    negated = _NEGATION_LEAD.match(word)
    if not negated:
        return re.escape(word)
    asked = word[negated.end():]
    return "".join(f"(?<!{re.escape(ch)})" for ch in dict.fromkeys((asked[0], asked[-1]))) + re.escape(word)


_REFUSING = "|".join(_not_asked_both_ways(w) for w in _REFUSAL.split("|"))  # _REFUSAL, said and not asked
# A day taken back and another said instead: "不是明天 是后天", "明天不行，后天吧", "周三去不了 改周四".
_CORRECTED = re.compile(r"(?:不是|并非).+?[，,、\s]*(?:而是|应该是|是|改成|换成|改到|换到)(.+)$|"
                        rf"(?:{_REFUSING})[，,、\s]*(?:那就|那|就|改成|换成|改到|换到|改)?(.+)$")
# Taking back what was just said, in the same message, and saying it again: "3晚 哦不 2晚",
# "后天 啊不 大后天", "12号 我是说13号".
_SAID_AGAIN = re.compile(r"(?:哦不|噢不|啊不|呃不|额不|不不|哦不对|不对不对|我是说|说错了|打错了)[，,、\s]*(?:是|应该是)?(.+)$")


def said_again(text: str) -> bool:
    """Whether a message takes back what it said and says it again ("3晚 哦不 2晚")."""
    return bool(_SAID_AGAIN.search(_plain(text)))


# A day taken back by the words before it: "不是明天", "不要后天的" (the day right after them, user tests
# 5 and 6); "不是本地人，明天想去住" takes back no day, nor "不是，明天" (no, tomorrow).
_NOT_THIS_DAY = re.compile(r"^(?:嗯|哦|呃|额)?(?:我们|我)?(?:不是|并非|不要|不能)(?:在|要)?([^，,、。；;！!~～\s]+)(.*)$")
_REFUSED_AFTER = re.compile(_REFUSING)
# What may stand beside the day taken back in its clause: "不是明天的", "不要后天入住".
_BESIDE_DAY = re.compile(r"(?:那天|那|的|入住|住|到|去|来|订|我|我们|吧|啊|呀|了|哦|啦|呢)*")
# Where a day refused by the words after it begins: "明天可以 后天不行" (spaces kept as a comma),
# "我想订明天的后天不行" (voice input, no punctuation).
_CLAUSE_BREAK = re.compile(r"[，,、。；;！!~～]+|可以|都行|没问题|但是|可是|不过|的|吧")
_SPACE_BETWEEN_WORDS = re.compile(r"(?<=[^\d\s])[ \u3000\t]+(?=[^\d\s])")
_ASKED = re.compile(r"[?？]|[吗嘛么][吧啊呀的了哦]*[\s，,。.！!~～]*$")
_TAKEN_BACK_EDGES = re.compile(r"^[\s，,。.！!~～]+|[\s，,。.！!~～]+$")


def refused_day(text: str, today: date) -> tuple[date, str] | None:
    """(the day a message refuses, the rest of the message) for "不是明天", "后天不行", "我想订明天的，
    后天不行" (the day beside the refusal, not the first said), "明天不行，后天或者大后天都行"; None
    when it refuses no day, or asks ("不是明天吗？", "不是说明天吗")."""
    t = _plain(_SPACE_BETWEEN_WORDS.sub("，", _TAKEN_BACK_EDGES.sub("", text)))
    if _ASKED.search(t):
        return None
    m = _NOT_THIS_DAY.match(t)
    if m:
        day = _named_day(m.group(1), today)
        if day is not None and _BESIDE_DAY.fullmatch(without_days_and_nights(m.group(1))):
            return day, m.group(2)
    m = _REFUSED_AFTER.search(t)
    if not m:
        return None
    before = t[:m.start()]
    pieces = [p for p in _CLAUSE_BREAK.finditer(before)]
    starts = [0] + [p.end() for p in pieces]
    ends = [p.start() for p in pieces] + [len(before)]
    for start, end in reversed(list(zip(starts, ends))):  # the clause nearest the refusal that names a day
        day = _named_day(before[start:end], today) if end > start else None
        if day is not None:
            return day, before[:start] + "，" + t[m.end():]
    return None


def day_taken_back(text: str, today: date) -> date | None:
    """The day a message takes back and says nothing instead of ("不是明天", "后天不行", "周三我去不了"),
    for the caller to ask which day then; None for any other message."""
    refused = refused_day(text, today)
    if refused is None or _named_day(_plain(refused[1]), today) is not None:
        return None  # "不是明天 是后天" says the other day
    return refused[0]


# Two days offered as one answer: "明天或者后天都行", "下周一或者下周二".
_EITHER = re.compile(r"或者|或是|要么|还是|或")
_ANY_OF_THEM = re.compile(r"都行|都可以|都好|都ok|都OK|随便|哪天都")


def either_day(text: str, today: date) -> tuple[list[date], bool] | None:
    """(the days, in order, and whether either will do) for a message naming two days or more as
    alternatives ("明天或者后天都行": both, either; "周三还是周四" asks); None otherwise."""
    refused = refused_day(text, today)  # "明天不行，后天或者大后天都行": the days after the refusal
    t = _plain(refused[1] if refused else text)
    parts = [part for part in _EITHER.split(t) if part]  # "要么明天要么后天"
    if len(parts) < 2:
        return None
    days = _days_of_parts(parts, today)
    if any(d is None for d in days) or len(set(days)) < 2:
        return None
    return list(dict.fromkeys(days)), bool(_ANY_OF_THEM.search(t))


def _days_of_parts(parts: list[str], today: date) -> list[date | None]:
    """The day each part names. A bare weekday after one with a week word is in that one's week:
    "下周三或者周四" is next week's Thursday too (user test 15 booked this week's)."""
    days: list[date | None] = []
    for part in parts:
        day = None
        before = _WEEKDAY_NAMED.search(parts[len(days) - 1]) if days and days[-1] is not None else None
        if before is not None and before.group(1):
            day = _in_week_of(part, today, days[-1])
        days.append(day or _named_day(part, today))
    return days


# Two days named together: "明天和下周三", "12月12号跟12月20号".
_AND = re.compile(r"和|跟|以及|还有|、")


def both_days(text: str, today: date) -> list[date] | None:
    """The days, in order, of a message naming two days or more together that are not one stay
    ("明天和下周三两次 各住一晚": two stays, user test 10 kept the second without a word); None
    otherwise, and for days that follow each other ("明天和后天" may be the nights of one stay)."""
    parts = [part for part in _AND.split(_plain(text)) if part]
    if len(parts) < 2:
        return None
    days = _days_of_parts(parts, today)
    named = list(dict.fromkeys(d for d in days if d is not None))
    if len(named) < 2 or any((b - a).days == 1 for a, b in zip(sorted(named), sorted(named)[1:])):
        return None
    return named


def _in_week_of(t: str, today: date, week_of: date) -> date | None:
    """A bare weekday ("周日", not "这周日" or "下周日") in the week of ``week_of``; None when it has
    a week word, or that day is past."""
    m = _WEEKDAY_NAMED.search(t)
    if not m or m.group(1):
        return None
    day = week_of - timedelta(days=week_of.weekday()) + timedelta(days=WEEKDAY_NUMBERS[m.group(2)])
    return day if day >= today else None


def weekday_within(text: str, first: date, last: date) -> date | None:
    """A bare weekday ("周一", not "这周一" or "下周一") on its first day from ``first`` to ``last``: the
    answer to "下周是12月14日到12月20日，具体哪天入住呢？" (user test 22 was booked today, a Monday too);
    None when the message says no bare weekday, or that weekday is not in the days."""
    m = _WEEKDAY_NAMED.search(_plain(text))
    if not m or m.group(1) or m.group(2) == _WEEKEND:
        return None
    day = first + timedelta(days=(WEEKDAY_NUMBERS[m.group(2)] - first.weekday()) % 7)
    return day if day <= last else None


def names_month_and_day(text: str) -> bool:
    """Whether ``text`` writes a day out by its month and day ("12月10号", "12.10", "2026-12-10"), not
    by words whose day depends on today ("下周六", "过两天", "15号", "圣诞节")."""
    t = _plain(text)
    return any(p.search(t) for p in (_FULL_DATE, _MONTH_DAY, _DOTTED))


# A part of a month rather than a day: "月底", "下个月初", "1月中旬", "年底". (month words, part, first
# day, last day; a last day of 0 is the month's last).
_PERIOD = re.compile(rf"(?:(下个?|这个?|本)月|(\d{{1,2}}|{_CN_NUM})月(?:份)?|月|(年))(初|底|末|中旬|中|上旬|下旬)")
_PERIOD_DAYS = {"初": (1, 5), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20), "下旬": (21, 0), "底": (26, 0),
                "末": (26, 0)}
_YEAR_PART = {"底": 12, "末": 12, "下旬": 12, "初": 1, "上旬": 1}  # "年底" is December's end, "年初" January's start


# Some days soon rather than a day: "这两天", "最近", "过几天", "下个礼拜" (no weekday after it). Said
# instead of a day, which one is asked (user test 6: "这两天能住驿站吗" was taken as two nights).
# (first, last) days from today; a week word is that calendar week.
_NEAR = re.compile(r"这两天|这几天|近几天|近两天|最近几天|最近两天|最近(?!的)|过几天|过些天|过一阵|(下个?|这个?|本)(?:周|星期|礼拜)(?![一二三四五六日天末]|[1-7](?![\d晚天次个号日]))")
_NEAR_DAYS = {"这两天": (0, 2), "最近两天": (0, 2), "这几天": (0, 4), "近几天": (0, 4), "近两天": (0, 2), "最近几天": (0, 4), "最近": (0, 4),
              "过几天": (2, 7), "过些天": (2, 7), "过一阵": (3, 14)}
# A month said alone ("明年3月", "3月份去"), not a day of it nor a part ("3月8号", "3月底") nor what
# happens in it ("6月才毕业", "今年6月刚毕业"): only particles or 去/来/住 may follow it. "两月" is two months.
# A booking referred to by it ("1月那个取消吧": user test 24 was asked which) is a stay in it too.
_MONTH_ONLY = re.compile(rf"(明年|今年)?(?!两)(\d{{1,2}}|{_CN_NUM})月份?(?![\d零〇一二两三四五六七八九十])"
                         r"(?=(?:[吧啊呀的了哦呢吗嘛]|入住|去|来|住)*(?:[，,、。；;！!?？~～\s]|$|去|来|住|入住|那个|那次|那一个))")
_NEXT_YEAR = "明年"


def _near_days(text: str, today: date) -> tuple[str, date, date] | None:
    m = _NEAR.search(text)
    if not m:
        return None
    if m.group(1):  # a week
        monday = today - timedelta(days=today.weekday())
        if m.group(1).startswith(_NEXT):
            monday += timedelta(days=7)
        first, last = max(monday, today), monday + timedelta(days=6)
        return (m.group(0), first, last) if first < last else None
    low, high = _NEAR_DAYS[m.group(0)]
    return m.group(0), today + timedelta(days=low), today + timedelta(days=high)


def _month_only(text: str, today: date) -> tuple[str, date, date] | None:
    m = _MONTH_ONLY.search(text)
    month = _num(m.group(2)) if m else None
    if not month or not 1 <= month <= 12:
        return None
    if m.group(1) and m.group(1) != _NEXT_YEAR and month < today.month:  # "今年6月" in November is past
        return None
    year = today.year + 1 if m.group(1) == _NEXT_YEAR or month < today.month else today.year
    return m.group(0), max(date(year, month, 1), today), _month_end(year, month)


def vague_period(text: str, today: date) -> tuple[str, date, date] | None:
    """(what was said, its first day, its last day) for a part of a month said instead of a day
    ("月底" on 12月6日 → 12月26日–31日; "月初" → next month's first days once this month's are past;
    "年底" → December's end), for the caller to ask which day; None when the message says none.
    A first day already past is today."""
    m = _PERIOD.search(_plain(text))
    if not m:
        return _near_days(_plain(text), today) or _month_only(_plain(text), today)
    relative, month_said, year, part = m.groups()
    first_day, last_day = _PERIOD_DAYS[part]
    year_now, month = today.year, today.month
    if year:
        month = _YEAR_PART.get(part)
        if month is None:  # "年中" is no part of a month
            return None
    elif month_said:
        month = _num(month_said)
        if not month or not 1 <= month <= 12:
            return None
    elif relative and relative.startswith(_NEXT):
        month += 1
    if month < today.month or (month == today.month and not relative and not month_said and not year
                               and _month_end(year_now, month) < today):
        year_now += 1
    if month > 12:
        year_now, month = year_now + 1, month - 12
    end = _month_end(year_now, month) if last_day == 0 else date(year_now, month, last_day)
    if end < today and not (relative or month_said or year):  # "月初" on the 6th: next month's
        year_now, month = (year_now + 1, 1) if month == 12 else (year_now, month + 1)
        end = _month_end(year_now, month) if last_day == 0 else date(year_now, month, last_day)
    start = max(date(year_now, month, first_day), today)
    if end < today:
        return None
    return m.group(0), start, end


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_date(t: str, today: date) -> tuple[bool, date | None]:
    m = _FULL_DATE.search(t)
    return (True, _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))) if m else (False, None)


def _month_day(t: str, today: date) -> tuple[bool, date | None]:
    m = _MONTH_DAY.search(t)
    if not m:
        return False, None
    month, day = _num(m.group(1)), _num(m.group(2))
    return True, (_upcoming(today, month, day) if month and day and 1 <= month <= 12 else None)


# Words of dates as users write them (input, see tests/test_messages.py): 下个月, 周末, 这周/本周, 下周.
_NEXT = "下"
_WEEKEND = "末"
_THIS = ("这", "本")
_NEXT_WEEK = "下周"
_DOTTED = re.compile(r"(?<!\d)(\d{1,2})[./\-](\d{1,2})(?![\d天晚夜个])")  # 12.3, 12/3; "2-3天" is nights


def _month_relative(t: str, today: date) -> tuple[bool, date | None]:
    m = _MONTH_RELATIVE.search(t)
    if not m:
        return False, None
    day = _num(m.group(2))
    year, month = today.year, today.month
    if m.group(1).startswith(_NEXT):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return True, (_make(year, month, day) if day else None)


def _days_later(t: str, today: date) -> tuple[bool, date | None]:
    m = _DAYS_LATER.search(t)
    if not m:
        return False, None
    days = _num(m.group(1) or m.group(2))
    return True, (today + timedelta(days=days) if days is not None else None)


def _dotted(t: str, today: date) -> tuple[bool, date | None]:
    m = _DOTTED.search(t)
    if not m:
        return False, None
    month, day = int(m.group(1)), int(m.group(2))
    return True, (_upcoming(today, month, day) if 1 <= month <= 12 else None)


def _day_only(t: str, today: date) -> tuple[bool, date | None]:
    m = _DAY_ONLY.search(t)
    if not m:
        return False, None
    day = _num(m.group(1))
    if not day or day > 31:
        return True, None
    return True, next_day_of_month(day, today)


def next_day_of_month(day: int, today: date) -> date | None:
    """The next ``day`` of a month, today included ("3号" on the 6th is next month's 3rd)."""
    year, month = today.year, today.month
    for _ in range(13):
        d = _make(year, month, day)
        if d is not None and d >= today:
            return d
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


# After a holiday, not on it: "国庆后", "元旦以后", "五一假期结束".
_AFTER = re.compile(r"节?(?:假期|长假|小长假|黄金周)?(?:后|以后|之后|过后|过完|结束|完了)")
# Before a holiday, no day said: "圣诞节前", "元旦之前" (not "圣诞节前一天": _DAY_THEN_BEFORE).
_BEFORE = re.compile(rf"节?(?:假期|长假|小长假)?(?:以前|之前|前)(?!\d|{_CN_NUM}|晚|夜|夕)")


def _holiday(t: str, today: date) -> tuple[bool, date | None]:
    for pattern, month, day in _FIXED_HOLIDAYS:
        m = pattern.search(t)
        if m:  # "国庆后", "圣诞节前" name no day: which one is asked (around_holiday)
            around = _AFTER.match(t, m.end()) or _BEFORE.match(t, m.end())
            return True, None if around else _upcoming(today, month, day)
    return False, None


def around_holiday(text: str, today: date) -> tuple[str, date] | None:
    """(what was said, a day to give as an example) for a stay said to start after a holiday
    ("国庆后", user test 6 got 10月1日 itself: a week after it) or before one ("圣诞节前", user test
    22 got 12月25日: two days before it, or today), for the caller to ask which day; None otherwise."""
    t = _plain(text)
    for pattern, month, day in _FIXED_HOLIDAYS:
        m = pattern.search(t)
        after = _AFTER.match(t, m.end()) if m else None
        before = None if after or not m else _BEFORE.match(t, m.end())
        holiday = _upcoming(today, month, day) if after or before else None
        if holiday is not None and holiday < today:  # "国庆后" in November: next year's, never a past day
            holiday = _make(today.year + 1, month, day)
        if holiday is not None and after:
            return t[m.start():after.end()], holiday + timedelta(days=7)
        if holiday is not None:
            return t[m.start():before.end()], max(today, holiday - timedelta(days=2))
    return None


def moving_holiday(text: str) -> str | None:
    """The holiday named whose day no rule here gives ("春节", "中秋"), for a caller that read no
    day in the message to ask which one is meant."""
    m = _MOVING_HOLIDAY.search(text)
    return m.group(0) if m else None


def _weekday(t: str, today: date) -> tuple[bool, date | None]:
    m = _WEEKDAY_NAMED.search(t)
    if not m:
        return False, None
    target = WEEKDAY_NUMBERS[m.group(2)]
    monday = today - timedelta(days=today.weekday())
    weeks = _WEEKS_AHEAD.get(m.group(1) or "")
    if m.group(2) == _WEEKEND and weeks in (None, 0):
        return True, today if today.weekday() == _SUNDAY else monday + timedelta(days=_SATURDAY)
    if weeks is None:
        return True, today + timedelta(days=(target - today.weekday()) % 7)
    return True, monday + timedelta(days=7 * weeks + target)


def weekend_said_on_sunday(text: str, today: date) -> date | None:
    """"周末" / "这周末" said on a Sunday: today, or the coming weekend? The next Saturday, for the
    caller to offer beside today; None for anything else (another day, or 下周末)."""
    m = _WEEKDAY_NAMED.search(_plain(text))
    if not m or m.group(2) != _WEEKEND or m.group(1) not in (None, *_THIS) or today.weekday() != _SUNDAY:
        return None
    return today + timedelta(days=_SATURDAY - _SUNDAY + 7)


def passed_this_week(text: str, today: date) -> tuple[str, str, date] | None:
    """A weekday of this week that is already past ("这周五" said on a Sunday): (what was said,
    the same weekday of next week as it is said, its date), the reading the user may have meant;
    None for anything else."""
    t = _plain(text)
    m = _WEEKDAY_NAMED.search(t)
    if not m or m.group(1) not in _THIS:
        return None
    found, day = _weekday(t, today)
    if not found or day is None or day >= today or parse_date(t, today) != day:
        return None
    return m.group(0), f"{_NEXT_WEEK}{m.group(2)}", day + timedelta(days=7)


def _relative(t: str, today: date) -> tuple[bool, date | None]:
    pair = next(iter(_day_pairs(t)), None)
    if pair:  # "明后两天": the first of the two days
        return True, today + timedelta(days=0 if pair.group(1) else 1)
    for word in sorted(_RELATIVE, key=len, reverse=True):
        if word in t:
            return True, today + timedelta(days=_RELATIVE[word])
    return False, None


# The end of a stay; not the day a stay moves to ("换到后天", "改到周六", "推迟到12号", "提前到明天").
# A dash between two days is one too: "12.18-12.20", "8号-10号" ("12-8" alone is a day).
# (Not 到底, 到时候, 到了 and the like: "驿站到底能不能订啊我后天就要到" ends no stay, user test 23.)
_UNTIL = re.compile(r"住到|待到|呆到|(?<![换改挪调迟延后前移])到(?![底时了处达位])|至(?![少今于])|~|～|(?:(?<=\d[./]\d)|(?<=\d[./]\d\d)|(?<=[日号]))[-—–]")
# Not being able to get away ("周五走不开", "那天走不了") is no end of a stay (user test 22 was given one night).
_LEAVE = re.compile(r"走(?![不得][开了掉])|离开|退房|离店|回去|回家")
# Where a stay begins inside the clause that ends it: "8号入住10号走", "8号住进去10号离开", "明天去后天走".
_ARRIVE = re.compile(r"入住|住进去|住进|进去|过来|过去|来|去")
_CLAUSE = re.compile(r"[，,。；;\s]")


def stay_dates(text: str, today: date, check_in: date | None = None) -> tuple[date | None, date | None]:
    """(check-in, check-out) when the message says when the stay ends, else (None, None).

    "明天到，住到后天" → (明天, 后天); "12月10号到12号" → (10th, 12th); "后天走" →
    (None, 后天): the caller takes the check-in it already has. "到姜堰" names no end.
    ``check_in``: the day already given, which a bare weekday ends the stay after ("住到周五" with
    the check-in on a Tuesday ten days ahead is the Friday of that week, not this one).
    """
    t = _plain(text)
    for m in reversed(list(_UNTIL.finditer(t))):
        end = parse_date(t[m.end():], today)
        if end is not None:
            start = parse_date(t[:m.start()], today)
            return start, _after(end, start or check_in, t[m.end():])
    m = _LEAVE.search(t)
    if m:
        # "入住12月8号 退房12月10号" (check in … check out …): the day after the word that ends the stay
        after = _CLAUSE.split(t[m.end():])[0]
        end = parse_date(after, today) if after else None
        start = parse_date(t[:m.start()], today) if end is not None else None
        if start is not None:
            return start, _after(end, start, after)
        clause = _CLAUSE.split(t[:m.start()])[-1]
        head = t[:m.start() - len(clause)]
        arrive = list(_ARRIVE.finditer(clause))
        if arrive and parse_date(clause[arrive[-1].end():], today) is not None:  # "8号入住10号走"
            head, clause = head + clause[:arrive[-1].end()], clause[arrive[-1].end():]
        end = parse_date(clause, today) if clause else None
        if end is not None:
            return parse_date(head, today), end
    return None, None


def _after(end: date, start: date | None, said: str) -> date:
    """A stay's end said as a weekday ("周五"), moved by weeks to come after ``start``; "下周末到，住到
    下周一" ends on the Monday after that weekend, the one reading that is a stay (user test 5)."""
    m = _WEEKDAY_NAMED.search(said)
    if start is not None and m and (not m.group(1) or end <= start) and not any(
            p(said, start)[0] for p in (_full_date, _month_relative, _month_day, _dotted, _day_only)):
        while end <= start:
            end += timedelta(days=7)
    return end


def impossible_date(text: str) -> bool:
    """A month and day that no calendar has ("2月30日", "13月1日"): worth saying so, not "not understood"."""
    t = _plain(text)
    m = _MONTH_DAY.search(t)
    if not m:
        return False
    month, day = _num(m.group(1)), _num(m.group(2))
    return not (month and day and 1 <= month <= 12 and _make(2024, month, day))


def without_days_and_nights(text: str) -> str:
    """``text`` less every day and number of nights it says ("今天天气怎么样" → "天气怎么样"): what
    else a message says beside a day or a stay, for a caller telling a question about the stay
    ("1月20号可以吗") from one about something else that names a day."""
    t = _plain(text)
    for m in reversed(_day_pairs(t, _DAY_PAIR_SAID)):  # before the nights: "明后两天" less "明后" is "两天", a stay
        t = t[:m.start()] + t[m.end():]
    for pattern in (_FULL_DATE, _MONTH_RELATIVE, _PERIOD, _NEAR, _MONTH_ONLY, _MOVING_HOLIDAY, _MONTH_DAY, re.compile(r"\d{1,2}[./\-]\d{1,2}"),
                    _DAYS_LATER, _DAY_THEN_BEFORE,
                    _NIGHTS_RANGE, _NIGHTS, _DAY_ONLY, _WEEKDAY_NAMED, *(p for p, _, _ in _FIXED_HOLIDAYS),
                    re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True))), re.compile(r"\d+")):
        t = pattern.sub("", t)
    return t


def nights_range(text: str) -> tuple[int, int] | None:
    """(fewer, more) for a stay said as a range ("住个两三天", "三四晚", "2-3天"): which one is meant is
    asked, not guessed; None when the message says no range."""
    m = _NIGHTS_RANGE.search(_plain(text))
    if not m:
        return None
    low, high = (_num(m.group(1)), _num(m.group(2))) if m.group(1) else (_num(m.group(3)), _num(m.group(4)))
    return (low, high) if low is not None and high is not None and 0 < low < high else None


def parse_nights(text: str) -> int | None:
    """'2晚' / '两晚' / '住3天' / '三个晚上' / '1' → int (N天 counts as N nights)."""
    t = _plain(text)
    again = _SAID_AGAIN.search(t)
    if again and again.start() > 0 and (nights := parse_nights(again.group(1))) is not None:
        return nights  # "3晚 哦不 2晚"
    m = _NIGHTS.search(t) or _NIGHTS_TYPED.search(t)
    if m:
        return _num(m.group(1))
    m = _BARE_NIGHTS.fullmatch(t)
    if m:
        return _num(m.group(1))
    return None
