"""Check-in dates and night counts as typed in chat, against fixed ``today`` values.

THURSDAY is an ordinary day, SUNDAY is the last day of its calendar week (so
下周 is tomorrow's week and 本周 lies behind us), and LATE_DECEMBER makes a
month-day without a year roll over into next year.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.dates import cn_number, parse_date, parse_nights

THURSDAY = date(2026, 11, 26)
SUNDAY = date(2026, 11, 29)
LATE_DECEMBER = date(2026, 12, 28)  # a Monday


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # An explicit date wins over a relative word in the same message.
        (THURSDAY, "不是明天，是12月2日", date(2026, 12, 2)),
        (THURSDAY, "明天不行，改到12.3", date(2026, 12, 3)),
        # Relative words, alone or inside a sentence.
        (THURSDAY, "今天", date(2026, 11, 26)),
        (THURSDAY, "明天", date(2026, 11, 27)),
        (THURSDAY, "我想后天入住", date(2026, 11, 28)),
        (THURSDAY, "大后天", date(2026, 11, 29)),
        (THURSDAY, "今晚", date(2026, 11, 26)),
        (LATE_DECEMBER, "大后天那天", date(2026, 12, 31)),
        (date(2026, 12, 31), "明天", date(2027, 1, 1)),
        # A bare weekday: the nearest one, today included.
        (THURSDAY, "周四", date(2026, 11, 26)),
        (THURSDAY, "周五", date(2026, 11, 27)),
        (THURSDAY, "星期三", date(2026, 12, 2)),
        (THURSDAY, "礼拜一入住", date(2026, 11, 30)),
        (THURSDAY, "星期天", date(2026, 11, 29)),
        (THURSDAY, "星期日", date(2026, 11, 29)),
        (THURSDAY, "礼拜天", date(2026, 11, 29)),
        (SUNDAY, "周日", date(2026, 11, 29)),
        (SUNDAY, "周一", date(2026, 11, 30)),
        # 下周X: that weekday of the next calendar week (weeks start Monday).
        (THURSDAY, "下周一", date(2026, 11, 30)),
        (THURSDAY, "下周五", date(2026, 12, 4)),
        (THURSDAY, "下星期三", date(2026, 12, 2)),
        (THURSDAY, "下个礼拜天", date(2026, 12, 6)),
        (SUNDAY, "下周一", date(2026, 11, 30)),
        (SUNDAY, "下周日", date(2026, 12, 6)),
        # 这周X / 本周X: this calendar week, even when it is already past.
        (THURSDAY, "这周五", date(2026, 11, 27)),
        (THURSDAY, "本周二", date(2026, 11, 24)),
        (SUNDAY, "本周一", date(2026, 11, 23)),
        (SUNDAY, "这周日", date(2026, 11, 29)),
        (SUNDAY, "这个星期六", date(2026, 11, 28)),
        # Month and day, Arabic or Chinese numerals, half- or full-width.
        (THURSDAY, "12月3日", date(2026, 12, 3)),
        (THURSDAY, "12月3号", date(2026, 12, 3)),
        (THURSDAY, "我想12月3入住", date(2026, 12, 3)),
        (THURSDAY, "十二月三日", date(2026, 12, 3)),
        (THURSDAY, "十二月三号", date(2026, 12, 3)),
        (THURSDAY, "十二月三十一日", date(2026, 12, 31)),
        (THURSDAY, "十二月二十号", date(2026, 12, 20)),
        (THURSDAY, "１２月３日", date(2026, 12, 3)),
        (THURSDAY, "12 月 3 日", date(2026, 12, 3)),
        (THURSDAY, "12.3", date(2026, 12, 3)),
        (THURSDAY, "12/3", date(2026, 12, 3)),
        (THURSDAY, "12-3", date(2026, 12, 3)),
        (THURSDAY, "１２．３", date(2026, 12, 3)),
        (THURSDAY, "１２／３", date(2026, 12, 3)),
        # With a year: exactly that date.
        (THURSDAY, "2026-12-03", date(2026, 12, 3)),
        (THURSDAY, "2026年12月3日", date(2026, 12, 3)),
        (THURSDAY, "2026/12/3", date(2026, 12, 3)),
        (THURSDAY, "２０２６－１２－０３", date(2026, 12, 3)),
        (THURSDAY, "2027年1月5日入住", date(2027, 1, 5)),
        # Without a year: this year unless long past, today included; a date just past is
        # yesterday (the booking refuses it as past), not next year.
        (THURSDAY, "11月26日", date(2026, 11, 26)),
        (THURSDAY, "11月25日", date(2026, 11, 25)),
        (THURSDAY, "昨天", date(2026, 11, 25)),
        (THURSDAY, "2月3日", date(2027, 2, 3)),
        (LATE_DECEMBER, "1月5日", date(2027, 1, 5)),
        (LATE_DECEMBER, "一月五号", date(2027, 1, 5)),
        (LATE_DECEMBER, "1/5", date(2027, 1, 5)),
        (LATE_DECEMBER, "12月30日", date(2026, 12, 30)),
        # 2月29日 only if this or next year has one.
        (date(2027, 3, 1), "2月29日", date(2028, 2, 29)),
        (date(2028, 2, 1), "2月29日", date(2028, 2, 29)),
        (date(2026, 3, 1), "2月29日", None),
        # A bare day of the month: the next such day, today included.
        (THURSDAY, "26号", date(2026, 11, 26)),
        (THURSDAY, "3号", date(2026, 12, 3)),
        (THURSDAY, "3日那天", date(2026, 12, 3)),
        (THURSDAY, "三号", date(2026, 12, 3)),
        (THURSDAY, "31号", date(2026, 12, 31)),
        (date(2027, 1, 31), "30号", date(2027, 3, 30)),  # February has no 30th
        (LATE_DECEMBER, "2号", date(2027, 1, 2)),
    ],
)
def test_parse_date(today, text, expected):
    assert parse_date(text, today) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "你好",
        "我想预约",
        "2月30日",
        "二月三十日",
        "4月31号",
        "13月1日",
        "0月5日",
        "12/32",
        "13.1",
        "2026-02-30",
        "2026年13月1日",
        "32号",
        "0号",
        "周八",
        "住两晚",
        "住3天",
    ],
)
def test_parse_date_not_understood(text):
    assert parse_date(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        ("３", 3),
        ("2晚", 2),
        ("两晚", 2),
        ("一晚", 1),
        ("住3天", 3),
        ("住两天", 2),
        ("三个晚上", 3),
        ("住五晚吧", 5),
        ("十晚", 10),
        ("住 4 晚", 4),
        ("周三晚上到，住两晚", 2),
        ("星期五晚上入住，3晚", 3),
        ("住两宿", 2),
        ("一宿", 1),
    ],
)
def test_parse_nights(text, expected):
    assert parse_nights(text) == expected


@pytest.mark.parametrize("text", ["", "你好", "几晚都行", "周三晚上", "星期五晚上", "很多晚", "明天", "住两个宿舍"])
def test_parse_nights_not_understood(text):
    assert parse_nights(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("两", 2),
     ("", None), ("十十", None), ("一二", None), ("²", None), ("好", None)],
)
def test_cn_number(text, expected):
    assert cn_number(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("订驿站，明天到，住到后天", (date(2026, 12, 5), date(2026, 12, 6))),
    ("12月10号到12号", (date(2026, 12, 10), date(2026, 12, 12))),
    ("明天入住，后天退房", (date(2026, 12, 5), date(2026, 12, 6))),
    ("后天走", (None, date(2026, 12, 6))),
    ("住到下周一", (None, date(2026, 12, 7))),
    ("我明天到姜堰", (None, None)),  # "到" a place: no end of stay
    ("明天到", (None, None)),
    ("能换到后天吗", (None, None)),  # the day the stay moves to, not its end
    ("推迟到下周一", (None, None)),
])
def test_stay_dates(text, expected):
    from bot.dates import stay_dates

    assert stay_dates(text, date(2026, 12, 4)) == expected


SATURDAY = date(2026, 11, 28)


@pytest.mark.parametrize(("today", "text", "expected"), [
    # 周末: this week's Saturday; on a Sunday, today (weekend_said_on_sunday lets the caller ask).
    (THURSDAY, "周末", date(2026, 11, 28)),
    (THURSDAY, "这周末", date(2026, 11, 28)),
    (SATURDAY, "周末", date(2026, 11, 28)),
    (SUNDAY, "周末", date(2026, 11, 29)),
    (SUNDAY, "这个周末", date(2026, 11, 29)),
    (THURSDAY, "下周末", date(2026, 12, 5)),
    (SUNDAY, "下周末", date(2026, 12, 5)),
    # Holidays on a fixed day are that day; a bare 十一 is not National Day.
    (THURSDAY, "元旦那天", date(2027, 1, 1)),
    (THURSDAY, "五一去", date(2027, 5, 1)),
    (THURSDAY, "劳动节", date(2027, 5, 1)),
    (THURSDAY, "国庆节", date(2026, 10, 1)),  # past by under 90 days: refused as past by the caller
    (THURSDAY, "十一假期", date(2026, 10, 1)),
    (THURSDAY, "十一号", date(2026, 12, 11)),
    # Holidays whose day moves are no day at all.
    (THURSDAY, "春节", None),
    (THURSDAY, "中秋节那几天", None),
])
def test_weekends_and_holidays(today, text, expected):
    assert parse_date(text, today) == expected


def test_a_weekday_of_this_week_already_past_offers_next_weeks():
    from bot.dates import passed_this_week

    assert passed_this_week("这周五去溱湖", SUNDAY) == ("这周五", "下周五", date(2026, 12, 4))
    assert passed_this_week("本周一", THURSDAY) == ("本周一", "下周一", date(2026, 11, 30))
    assert passed_this_week("这周五", THURSDAY) is None  # still ahead
    assert passed_this_week("周五", SUNDAY) is None      # a bare weekday is the next one
    assert passed_this_week("下周五", SUNDAY) is None


def test_the_weekend_said_on_a_sunday_is_asked_about():
    from bot.dates import moving_holiday, weekend_said_on_sunday

    assert weekend_said_on_sunday("周末去总站", SUNDAY) == date(2026, 12, 5)
    assert weekend_said_on_sunday("这周末", SUNDAY) == date(2026, 12, 5)
    assert weekend_said_on_sunday("下周末", SUNDAY) is None
    assert weekend_said_on_sunday("周末", SATURDAY) is None
    assert moving_holiday("春节想去住两晚") == "春节" and moving_holiday("明天去住两晚") is None


@pytest.mark.parametrize(("text", "expected"), [
    # Days from today, never a stay of that many nights (user test 4: "过两天" was two nights).
    ("过两天", date(2026, 11, 28)),
    ("再过三天入住", date(2026, 11, 29)),
    ("三天后", date(2026, 11, 29)),
    ("3天以后到", date(2026, 11, 29)),
    # A day of this or next month.
    ("下个月3号", date(2026, 12, 3)),
    ("下月3日", date(2026, 12, 3)),
    ("这个月28号", date(2026, 11, 28)),
    ("本月30日", date(2026, 11, 30)),
])
def test_days_from_today_and_days_of_a_month(text, expected):
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text", ["过两天", "三天后", "3天以后", "下个月3号"])
def test_days_later_are_no_nights(text):
    assert parse_nights(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("住个两三天", (2, 3)), ("三四晚", (3, 4)), ("2-3天", (2, 3)), ("两到三晚", (2, 3)), ("3~4个晚上", (3, 4)),
    ("住3天", None), ("两天", None), ("周三晚上", None), ("过两三天", None),
])
def test_a_range_of_nights(text, expected):
    from bot.dates import nights_range

    assert nights_range(text) == expected
    if expected:
        assert parse_date(text, THURSDAY) is None  # "2-3天" is no February 3rd


def test_a_weekday_ending_a_stay_comes_after_the_check_in():
    from bot.dates import stay_dates

    today, check_in = date(2026, 12, 6), date(2026, 12, 15)  # a Sunday; the Tuesday of the week after next
    assert stay_dates("住到周五", today, check_in) == (None, date(2026, 12, 18))
    assert stay_dates("住到周五", today) == (None, date(2026, 12, 11))
    assert stay_dates("住到18号", today, check_in) == (None, date(2026, 12, 18))


# User test 5: a day said as people correct it, festivals on a fixed day, and parts of a month.
DEC_SUNDAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "week_of", "expected"),
    [
        ("不对，是周日", date(2026, 12, 12), date(2026, 12, 13)),  # 周六 put right: that week's Sunday
        ("改成周六", date(2026, 12, 18), date(2026, 12, 19)),
        ("周一", date(2026, 12, 3), date(2026, 12, 7)),          # that week's Monday is past: the next one
        ("这周日", date(2026, 12, 12), date(2026, 12, 6)),       # a week word says which week
        ("下周三", date(2026, 12, 18), date(2026, 12, 9)),
    ],
)
def test_a_bare_weekday_changing_a_day_is_in_that_days_week(text, week_of, expected):
    assert parse_date(text, DEC_SUNDAY, week_of) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("圣诞节那天", date(2026, 12, 25)), ("平安夜", date(2026, 12, 24)), ("跨年那天", date(2026, 12, 31)),
     ("五一", date(2027, 5, 1)), ("手机一三八一二三四五一二三", None)],
)
def test_holidays_on_a_fixed_day(text, expected):
    assert parse_date(text, DEC_SUNDAY) == expected


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("月底", date(2026, 12, 26), date(2026, 12, 31)), ("下个月初", date(2027, 1, 1), date(2027, 1, 5)),
     ("月初", date(2027, 1, 1), date(2027, 1, 5)), ("这个月中旬", date(2026, 12, 11), date(2026, 12, 20)),
     ("1月下旬", date(2027, 1, 21), date(2027, 1, 31)), ("年底", date(2026, 12, 26), date(2026, 12, 31))],
)
def test_a_part_of_a_month_is_a_range_of_days(text, first, last):
    from bot.dates import vague_period

    assert vague_period(text, DEC_SUNDAY)[1:] == (first, last)
    assert parse_date(text, DEC_SUNDAY) is None  # asked which day, never guessed


def test_a_stays_end_said_before_its_start_is_the_next_such_weekday():
    from bot.dates import stay_dates

    assert stay_dates("住到下周一", DEC_SUNDAY, date(2026, 12, 12)) == (None, date(2026, 12, 14))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("不是明天 是后天", date(2026, 12, 8)), ("明天不行 大后天吧", date(2026, 12, 9)),
     ("我不是明天到 是后天到", date(2026, 12, 8)), ("周三去不了 改周四", date(2026, 12, 10)),
     ("不是明天，是12月12日", date(2026, 12, 12))],
)
def test_a_day_taken_back_and_another_said_is_the_other(text, expected):
    assert parse_date(text, DEC_SUNDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # 不是/不要 before other words takes no day back, nor a question (review of user test 6's fixes)
        ("不是本地人，明天想去住", date(2026, 11, 27)), ("不是学生 后天能住吗", date(2026, 11, 28)),
        ("不要太晚，明天吧", date(2026, 11, 27)), ("不是说明天吗", date(2026, 11, 27)),
        ("不是明天吗？", date(2026, 11, 27)), ("不是，明天", date(2026, 11, 27)),
        # the day refused is the one beside the refusal, not the first said
        ("我想订明天的，后天不行", date(2026, 11, 27)), ("明天可以 后天不行", date(2026, 11, 27)),
        # every refusal word refuses the day before it, with another said after it or not
        ("明天有事，后天可以", date(2026, 11, 28)), ("明天不太行，后天吧", date(2026, 11, 28)),
        ("明天不合适 后天呢", date(2026, 11, 28)), ("不是明天", None), ("后天有事", None),
    ],
)
def test_a_day_is_taken_back_only_by_words_beside_it(text, expected):
    from bot.dates import day_taken_back

    assert parse_date(text, THURSDAY) == expected
    if expected is not None:
        assert day_taken_back(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "taken_back"),
    [("不是明天", date(2026, 11, 27)), ("我想订明天的，后天不行", None), ("周三我去不了", date(2026, 12, 2)),
     ("大后天不行", date(2026, 11, 29)), ("不要后天的", date(2026, 11, 28)), ("不是明天吗", None)],
)
def test_the_day_taken_back(text, taken_back):
    from bot.dates import day_taken_back, refused_day

    assert day_taken_back(text, THURSDAY) == taken_back
    assert refused_day("明天可以 后天不行", THURSDAY)[0] == date(2026, 11, 28)
    assert refused_day("不是明天，后天或者大后天都行", THURSDAY)[0] == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "days"),
    [("明天不行，后天或者大后天都行", [date(2026, 11, 28), date(2026, 11, 29)]),
     ("不是明天，后天或者大后天都行", [date(2026, 11, 28), date(2026, 11, 29)]),
     ("要么明天要么后天", [date(2026, 11, 27), date(2026, 11, 28)]),
     # a bare weekday after one with a week word is in that week (user test 15)
     ("下周三或者周四", [date(2026, 12, 2), date(2026, 12, 3)]),
     ("周五还是周六", [date(2026, 11, 27), date(2026, 11, 28)])],
)
def test_days_offered_after_a_refusal_or_each_after_a_word_of_choice(text, days):
    from bot.dates import either_day

    assert either_day(text, THURSDAY)[0] == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [("国庆后", date(2027, 10, 8)), ("十一假期后", date(2027, 10, 8)), ("国庆节后", date(2027, 10, 8)),
     ("元旦节后", date(2027, 1, 8)), ("圣诞节后", date(2027, 1, 1)), ("五一节后", date(2027, 5, 8))],
)
def test_after_a_holiday_is_after_its_next_day_never_a_past_one(text, expected):
    from bot.dates import around_holiday

    assert around_holiday(text, THURSDAY)[1] == expected
    assert parse_date(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("圣诞节前一天", date(2026, 12, 24)), ("圣诞前一晚", date(2026, 12, 24)), ("12月20号的前一天", date(2026, 12, 19)),
     ("元旦前两天", date(2026, 12, 30)), ("下周五前一天到", date(2026, 12, 3)), ("前天", date(2026, 11, 24)),
     # ut24: 之前/以前 before the days, and a day's eve
     ("下周五之前一天", date(2026, 12, 3)), ("元旦以前两天", date(2026, 12, 30)), ("圣诞节前夕", date(2026, 12, 24)),
     ("元旦前夕", date(2026, 12, 31))],
)
def test_days_before_a_day_named_are_before_it(text, expected):
    assert parse_date(text, THURSDAY) == expected


@pytest.mark.parametrize("text", ["圣诞节前", "圣诞节之前", "元旦以前"])
def test_before_a_holiday_names_no_day_and_asks(text):
    from bot.dates import around_holiday

    said, example = around_holiday(text, THURSDAY)
    assert said == text and example < date(2027, 1, 1)
    assert parse_date(text, THURSDAY) is None


@pytest.mark.parametrize("text", ["今年6月", "我今年6月刚毕业", "6月才毕业", "住两月", "离我最近的驿站能住吗",
                                  "最近的驿站在哪"])
def test_no_period_of_days_to_stay(text):
    from bot.dates import vague_period

    assert vague_period(text, THURSDAY) is None


def test_some_days_soon_and_a_month_to_go():
    from bot.dates import vague_period, without_days_and_nights

    assert vague_period("近两天", THURSDAY)[1:] == (THURSDAY, date(2026, 11, 28))
    assert vague_period("3月份去驿站住几天", THURSDAY)[1:] == (date(2027, 3, 1), date(2027, 3, 31))
    assert vague_period("今年12月份", THURSDAY)[1:] == (date(2026, 12, 1), date(2026, 12, 31))
    assert without_days_and_nights("最近的驿站在哪") == "最近的驿站在哪"


# ---------------------------------------------------------------- user test 7
@pytest.mark.parametrize("text, expected", [
    ("8号入住10号走", (date(2026, 12, 8), date(2026, 12, 10))),   # the day before 走 ends it, not the first day said
    ("12月8号入住 12月10号退房", (date(2026, 12, 8), date(2026, 12, 10))),
    ("入住 12月8号 退房 12月10号", (date(2026, 12, 8), date(2026, 12, 10))),  # "check in … check out …"
    ("入住时间12月8号，退房时间12月10号", (date(2026, 12, 8), date(2026, 12, 10))),
    ("8号住进去 10号离开", (date(2026, 12, 8), date(2026, 12, 10))),
])
def test_a_stay_said_by_its_check_in_and_check_out(text, expected):
    from bot.dates import stay_dates

    assert stay_dates(text, date(2026, 12, 4)) == expected


@pytest.mark.parametrize(("text", "expected"), [("一完", 1), ("两完", 2), ("住三碗", 3), ("2完", 2), ("住两玩吧", 2)])
def test_nights_typed_with_a_sound_alike_of_wan(text, expected):
    """Pinyin input offers 完, 玩, 碗 before 晚 for "wan": after a number they are nights."""
    assert parse_nights(text) == expected


@pytest.mark.parametrize("text", ["一完成就去", "看完", "一万", "两万块", "玩一玩"])
def test_wan_that_is_no_night(text):
    assert parse_nights(text) is None


@pytest.mark.parametrize(("text", "nights"), [("3晚 哦不 2晚", 2), ("住三晚 啊不 两晚", 2), ("4晚 我是说3晚", 3)])
def test_nights_said_again_in_the_same_message(text, nights):
    assert parse_nights(text) == nights


def test_a_day_said_again_in_the_same_message():
    assert parse_date("后天 啊不 大后天", DEC_SUNDAY) == date(2026, 12, 9)
    assert parse_date("12号 我是说13号", DEC_SUNDAY) == date(2026, 12, 13)


@pytest.mark.parametrize("text, day, nights", [
    ("明后两天", date(2026, 12, 8), 2), ("我明后天去", date(2026, 12, 8), None), ("今明两天", date(2026, 12, 7), 2),
    # (review) the 明 of another word is no pair: 清明 (the festival), 查明, 说明
    ("清明后两天能订吗", None, 2), ("查明后天再说", date(2026, 12, 9), None), ("说明后天", date(2026, 12, 9), None),
])
def test_two_days_said_as_one_word_begin_a_word(text, day, nights):
    from bot.dialogue.extract import date_in, nights_in

    assert date_in(text, date(2026, 12, 7)) == day and nights_in(text) == nights


MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(("text", "expected"), [
    ("我下周三面试 想提前一天过去住", date(2026, 12, 15)),
    ("周五面试 周四晚上到", date(2026, 12, 10)),
    ("下周五面试 周四到", date(2026, 12, 17)),   # the Thursday before that Friday, not this week's
    ("我12月20号考试，前一天晚上能住吗", date(2026, 12, 19)),
    ("20号报到 头天晚上到", date(2026, 12, 19)),
    ("下周一要来姜堰面试 想提前两天到", date(2026, 12, 12)),
    ("面试是下周三 提前一天去", date(2026, 12, 15)),
    # nothing said against the occasion's day: the stay begins on it, or the other day ends it
    ("下周三面试", date(2026, 12, 16)),
    ("下周一要来姜堰面试然后想在你们那个驿站住两个晚上", date(2026, 12, 14)),
    ("下周三面试 周四走", date(2026, 12, 16)),
])
def test_a_stay_said_against_an_occasions_day(text, expected):
    assert parse_date(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["提前一天", "前一天晚上", "面试前一晚", "头一天晚上"])
def test_days_before_an_occasion_are_no_nights(text):
    from bot.dialogue.extract import nights_in

    assert nights_in(text) is None


@pytest.mark.parametrize("text,hour,expected", [
    ("明天去驿站", 0, True), ("明晚到", 3, True), ("明天去驿站", 5, False), ("明天去驿站", 23, False),
    ("后天去驿站", 1, False), ("说明一下", 1, False), ("清明节", 1, False),
])
def test_tomorrow_in_the_small_hours_may_mean_the_day_begun(text, hour, expected):
    from bot.dates import tomorrow_in_small_hours

    assert tomorrow_in_small_hours(text, hour) is expected


@pytest.mark.parametrize("text", ["你们这个驿站到底能不能订啊我后天就要到姜堰了", "我到时候后天去", "到了后天再说"])
def test_words_with_dao_that_end_no_stay(text):
    from bot.dates import stay_dates

    assert stay_dates(text, MONDAY) == (None, None)
