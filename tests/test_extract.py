"""Reading a place in a numbered list as people type it (bot/dialogue/extract.py list_picks): the
one reading both lists of bookings use (取消预约's list to cancel from, 我的预约's list)."""

from __future__ import annotations

import pytest

from bot.dialogue.extract import list_picks


@pytest.mark.parametrize("text, picks", [
    ("第一个", [1]), ("第2个", [2]), ("2", [2]), ("第二个吧", [2]), ("取消第二个", [2]), ("取消第2个", [2]),
    ("我要取消第一个", [1]), ("把第二个取消掉", [2]), ("第二个不要了", [2]), ("取消第二个预约", [2]),
    ("看看第一个", [1]), ("1和3", [1, 3]), ("第五个", [5]), ("都取消", [1, 2, 3]), ("全部取消", [1, 2, 3]),
])
def test_a_place_in_the_list_is_read_in_the_words_people_use(text, picks):
    assert list_picks(text, 3) == picks


@pytest.mark.parametrize("text", ["取消", "取消预约", "取消这个", "溱湖驿站在哪里", "明天", "算了", "我的预约"])
def test_a_message_naming_no_place_picks_nothing(text):
    assert list_picks(text, 3) is None
