"""A new flow is declarations plus small code: a 见习报名 form declared here runs on the same
loop as booking (bot/dialogue/forms.py) — several slots from one message, a question answered
in the middle, one slot changed, one confirm — through /api/chat."""

from __future__ import annotations

import pytest

from bot import create_app
from bot.dialogue.engine import HANDLERS, Reply
from bot.dialogue.extract import phone_in
from bot.dialogue.forms import QUESTION, Form, FormTurn, Slot
from tests.conftest import app_overrides


def _major(text: str, ft: FormTurn):
    words = text.strip()
    if ft.step != "major" or QUESTION.search(words) or not 2 <= len(words) <= 20:
        return None
    return words


class InternshipForm(Form):
    name = "internship"
    intent = "internship"

    def __init__(self):
        self.submitted: list[dict] = []

    def slots(self, ft):
        return [
            Slot("major", _major, lambda ft: ("您学的是什么专业？", []), lambda ft: "请告诉我您的专业。"),
            Slot("phone", lambda text, ft: phone_in(text), lambda ft: ("请留下手机号。", []),
                 lambda ft: "请填写11位手机号。", ("手机", "电话")),
        ]

    def summary(self, ft):
        return f"专业：{ft.values['major']}，手机：{ft.values['phone']}。回复“确认”提交。"

    def submit(self, ft):
        self.submitted.append({k: v for k, v in ft.values.items() if not k.startswith("_")})
        return self.done(ft, Reply("见习报名已提交。", intent=self.intent))


@pytest.fixture()
def form(shipped_index, shipped_kb, tmp_path, monkeypatch):
    import core.config

    # A real new flow adds its name to core.config.KNOWN_INTENTS (config names only known intents).
    monkeypatch.setattr(core.config, "KNOWN_INTENTS", core.config.KNOWN_INTENTS | {"internship"})
    form = InternshipForm()
    HANDLERS["internship"] = form.handle
    app = create_app(app_overrides(shipped_index, tmp_path, dialogue={
        "intents": {"internship": {"keywords": ["见习报名", "报名见习"]}}}), embedder=shipped_kb.embedder)
    yield form, app.test_client()
    del HANDLERS["internship"]


def test_a_declared_form_runs_on_the_shared_loop(form):
    form, client = form

    def say(text):
        return client.post("/api/chat", json={"text": text}).json["reply"]

    assert "什么专业" in say("我想报名见习，手机 138-1234-5678")  # the phone is taken from the request
    aside = say("人才公寓有多少套")  # a question in the middle: answered, then asked again
    assert "424" in aside and aside.rstrip().endswith("您学的是什么专业？")
    assert "13812345678" in say("计算机科学")
    assert "手机号" in say("手机号写错了")  # changing one slot asks it again
    assert "13900001111" in say("13900001111")
    assert form.submitted == []  # nothing happens before the confirm
    assert say("确认") == "见习报名已提交。"
    assert form.submitted == [{"major": "计算机科学", "phone": "13900001111"}]
    assert "见习报名已提交" not in say("确认")  # the form is over: a second 确认 submits nothing
    assert len(form.submitted) == 1


def test_the_example_date_in_the_booking_prompt_can_be_booked(client):
    """The prompt's example date is one the user can type back: never a day already past."""
    import re

    client.post("/api/chat", json={"text": "预约驿站"})
    asked = client.post("/api/chat", json={"text": "溱湖"}).json["reply"]
    example = re.search(r"“下周一”“(.+?)”", asked).group(1)
    assert "住几晚" in client.post("/api/chat", json={"text": example}).json["reply"]


@pytest.mark.parametrize(("text", "another"), [("再帮我看一下", False), ("再帮我确认一下", False), ("再订一个", True),
                                               ("再帮我朋友订一个", True), ("再预约一下", True)])
def test_another_is_a_request_for_one_more(text, another):
    from bot.dialogue.forms import ANOTHER

    assert bool(ANOTHER.search(text)) == another


@pytest.mark.parametrize(("text", "several"), [("溱湖还有几个床位？", False), ("总站有几张床", False),
                                               ("订两个床位", True), ("我们三个人一起住", True)])
def test_a_question_of_how_many_beds_is_no_stay_for_several(text, several):
    from bot.dialogue.booking_flow import _SEVERAL_PEOPLE

    assert bool(_SEVERAL_PEOPLE.search(text)) == several


@pytest.mark.parametrize(("text", "change"), [("多住一晚", 1), ("再加两晚", 2), ("增加一天", 1), ("少住一晚", -1), ("减一晚", -1),
                                              # a number of nights, not a change of those given
                                              ("住差不多3天吧", 0), ("最多住5天是吧", 0), ("至少住两晚", 0),
                                              ("我来参加两天招聘会", 0)])
def test_nights_changed_by_more_or_fewer_only_when_said_so(text, change):
    from bot.dialogue.booking_flow import _FEWER_NIGHTS, _MORE_NIGHTS
    from bot.dialogue.intents import compact

    more, fewer = _MORE_NIGHTS.search(compact(text)), _FEWER_NIGHTS.search(compact(text))
    assert (1 if more else -1 if fewer else 0) == (change > 0) - (change < 0)



def test_how_far_and_how_dear_ask_a_question_that_no_slot_takes():
    """"等等溱湖离姜堰高铁站多远" in the middle of booking 总站 chose 溱湖 (user test 20): 多远 and 多贵
    ask, as 多久 and 多大 do; staying longer (多住一晚) asks nothing."""
    for asked in ("溱湖离姜堰高铁站多远", "驿站离市区有多远", "住一晚多贵"):
        assert QUESTION.search(asked), asked
    for said in ("多住一晚", "远一点也行", "总站"):
        assert not QUESTION.search(said), said
