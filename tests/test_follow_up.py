"""A bare "那X呢" asks the question before it again of X (bot/dialogue/handlers.swapped): a subject
of its own standing takes the subject's place, a detail (who, where) the detail's."""

from __future__ import annotations

import pytest

from bot.dialogue.handlers import swapped, with_topic


@pytest.mark.parametrize("previous,said,asked", [
    ("请问人才公寓怎么申请", "驿站", "请问驿站怎么申请"),          # another service
    ("见习补贴有多少钱", "人才公寓", "人才公寓有多少钱"),
    ("驿站能免费住吗", "人才公寓", "人才公寓能免费住吗"),
    ("本科生租房补贴多少", "购房补贴", "本科生购房补贴多少"),      # another subsidy, for the same people
    ("本科生租房补贴多少", "硕士", "硕士租房补贴多少"),            # who, swapped for who
    ("租房补贴多少", "硕士", "硕士租房补贴多少"),                  # who, where none was named
    ("姜堰人才公寓有多少套", "海陵", "海陵人才公寓有多少套"),      # where, swapped for where
])
def test_a_bare_follow_up_asks_the_question_before_of_what_it_names(previous, said, asked):
    assert swapped(previous, said) == asked


def test_only_a_bare_follow_up_is_swapped():
    assert with_topic("那驿站呢", "人才公寓", "请问人才公寓怎么申请") == "请问驿站怎么申请"
    assert with_topic("那硕士呢", "本科生 租房 补贴", "本科生租房补贴多少") == "硕士租房补贴多少"
    # a question of its own continues the topic as before
    assert with_topic("需要什么材料", "人才公寓", "请问人才公寓怎么申请") == "人才公寓 需要什么材料"


@pytest.mark.parametrize("text, questions", [
    # a bare "那X呢" and a question naming nothing, or a short one X details: one question asked of X
    ("那人才公寓呢 怎么申请", ["人才公寓怎么申请"]),
    ("那硕士呢 补贴多少", ["硕士补贴多少"]),
    ("那海陵呢 有驿站吗", ["海陵有驿站吗"]),
    # (review) two bare follow-ups, a question with a subject or a detail of its own: two questions
    ("那本科生呢？硕士生呢？", ["那本科生呢？", "硕士生呢？"]),
    ("那硕士呢？人才公寓怎么申请？", ["那硕士呢？", "人才公寓怎么申请？"]),
    ("那外地人呢？本地人能住驿站吗？", ["那外地人呢？", "本地人能住驿站吗？"]),
    ("那人才公寓呢 驿站在哪", ["那人才公寓呢", "驿站在哪"]),
])
def test_a_bare_follow_up_said_with_a_question_is_that_question_asked_of_it(text, questions):
    from bot.dialogue.handlers import split_questions

    assert split_questions(text) == questions
