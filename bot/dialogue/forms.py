"""Forms: a multi-turn flow declared as slots, and the one loop that runs them all.

The Rasa-forms idea. A form declares its slots; each slot has an extractor that
runs on *every* message of the flow (so "我想明天去溱湖驿站住3晚" fills three
slots at once, and "换总站" or "不对，住两晚" changes one later), a prompt, and
the Chinese sentence for a message it could not read. The loop asks only for
what is missing, answers a question or a greeting in the middle and asks again,
lets "改日期" re-ask one slot, and ends in one summary the user confirms. A new
flow is a subclass with its slots, a summary and a ``submit``.

Values live in the conversation state (``state[form.name]``), so any worker can
continue the flow; nothing is written anywhere before the user confirms.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from bot import messages
from bot.dialogue.engine import FLOW_CLAIMS, JUST_LEFT, JUST_REFUSED, Reply, Turn
from bot.dialogue.extract import unvoiced
from bot.dialogue.intents import QUESTION, YES_SIGNS, compact, still_there, yes_no  # noqa: F401 (QUESTION: flows import it from here)

CONFIRM = "confirm"   # the last step: the summary, waiting for 确认
OPEN = "_open"        # sticky slots the last reply invited a new value for ("总站有空床"): no change word needed
REFUSED = "_refused"  # the step after a value that ended the form (an eligibility "否"), and that slot's name
REFUSED_TEXT = "_refused_text"  # what the refusal said, said again to an answer to another question
# Taking back the answer that ended the form: "我点错了", "选错了", "重新选", "不对".
UNDO = re.compile(r"(点|选|按|填|输|打|说|弄|搞|回答|答)错|错了|重新(选|答|回答|来|填)|重选|^不对")
# Words that ask to change something already given ("改日期", "名字写错了", "换总站").
CHANGE = re.compile(r"(改|修改|更改|换|重新|写错|不对)")
# The form's own request for one more ("再订一个", "另外再约一间") while this one is not submitted:
# the user takes this one for done, which it is not (user test 4: a restart dropped its stay).
# "再帮我朋友订一个": for whom may stand between (user test 6: it restarted, keeping the name).
ANOTHER = re.compile(r"(再|另外|另|还要|还想)(?:(?:帮|给|替)我?的?[\u4e00-\u9fff]{0,3}?(?:也|再)?)?"
                     r"(?:(订|定|预约|预订|预定|约|来|要)?(一个|一次|一间|个)|(订|定|预约|预订|预定|约)一下)")
# ("再帮我看一下", "再帮我确认一下" ask for nothing more: 一下 only after a word of booking)
# Whether it is done, asked at the summary ("好了吗", "这样就可以了吧"): not yet, the 确认 is still to come.
# Going on with the form after a question in between: "继续预约", "那继续订吧", "好 接着来" (user test 17:
# "继续预约" started it over, losing the station and day; "那继续订吧" was "没看懂这个日期").
CARRY_ON = re.compile(r"^(?:那|好|好的|好吧|嗯|行|ok|我们|咱们)*(?:继续|接着)(?:刚才的|刚才那个|刚才)?"
                      r"(?:订|定|约|预约|预订|预定|填|来|弄|办|走|吧|呗|啊|呀|驿站)*$")
# The form's request said as agreeing to it ("那帮我订吧", "好的 帮我约一个", "行 订吧"), as to an offer: the
# form that just began goes on, nothing dropped (user test 25 lost the day the booking began with).
AGREES_TO_IT = re.compile(r"^(?:那|那就|好|好的|好吧|行|可以|嗯+|恩+|ok|对)(?!不)|吧$")
DONE_YET = re.compile(r"^(?:那|这样|那这样|是不是)?(?:就)?(?:好了|可以了|行了|成功了|完成了|弄好了|搞定了|ok了)(?:吗|没|没有|么|嘛|吧)$")
# Saying all has been said while a question is still open ("就这些 麻烦你们了", "都告诉你了"): what is
# missing is said, not "not understood".
ALL_SAID = re.compile(r"^(?:那|嗯|好)?(?:就这些|就这样|就这么多|都说了|都告诉你了|都填了|都发了|都给你了)(?:了|吧|啊)?"
                      r"(?:麻烦(?:你|您|你们)了?|谢谢(?:你|您|你们)?|辛苦了)?(?:啊|呀|哈)?$")
# Several 是/否 in one message, apart or together ("是 是 是", "是，是，否", "是是是"): the questions asked
# one after another, answered in order (user test 16: "是是是" meant yes to each, as "是 是 是" does).
# "是的 是的" is one yes, said with emphasis.
# In English only apart ("yes yes yes": user test 22 had the first taken, the others asked again).
IN_A_ROW = re.compile(r"^(?:[是否](?:[\s，,、。.]*[是否])+|(?:yes|no)(?:[\s，,、。.]+(?:yes|no))+)[\s。.！!]*$", re.I)
_ANSWER = re.compile("[是否]|yes|no", re.I)
# ... and answers of more words, apart: "是的 是的 对", "对的，是的，不是" (user test 24 had the first taken, the
# others asked again). Only words that answer a question of fact: "嗯 好的" acknowledges once.
_ROW_BREAK = re.compile(r"[\s，,、。.;；]+")
_ROW_ANSWER = re.compile(r"^(?:是|是的|是啊|对|对的|对啊|没错|符合|否|不是|不对|不符合|没有|yes|no)[！!]?$", re.I)


def answers_in_a_row(said: str) -> list[str]:
    """The 是/否 answers a reply gives one after another, each as said ([] when it gives fewer than two):
    bare ones, apart or together ("是 是 否", "是是是"), or answers of more words apart, three of them or
    a yes beside a no ("是的 是的 对", "是的 不是"); two yeses of more words ("是的 是的") are one, said
    with emphasis."""
    if IN_A_ROW.match(said):
        return _ANSWER.findall(said)
    parts = [p for p in _ROW_BREAK.split(said.strip()) if p]
    if len(parts) < 2 or not all(_ROW_ANSWER.match(p) for p in parts):
        return []
    readings = {yes_no(p) for p in parts}
    return parts if len(parts) >= 3 or len(readings) > 1 else []
# Asking why a question is asked ("为什么要问年龄", "要手机号干嘛"): its ``Slot.why`` is said.
WHY_ASKED = re.compile(r"(?:为什么|为啥|凭什么|干嘛|干什么)(?:要|得|需要|非要)?(?:问|填|留|告诉|知道|提供|写)|"
                       r"(?:问|要|填|留|提供)(?:这个|这些|我的)?(?:年龄|手机号?|电话|名字|姓名|身份证)?.{0,4}?"
                       r"(?:干嘛|干什么|做什么|有什么用|干啥)|"
                       # a worry about what is given ("手机号会不会泄露啊": user test 14 was told "not found")
                       r"(?:手机号?|电话|号码|名字|姓名|身份证|信息|隐私).{0,6}?(?:泄露|泄漏|外泄|被卖|卖掉|骚扰|保密|安全吗|安不安全)|"
                       # whether it must be the real one ("一定要写真名吗", "能用昵称吗": user test 15 was told
                       # "帮不上忙")
                       r"(?:一定|必须|非得|非要|得|要)(?:要|得)?(?:写|填|用|留|是)?(?:真名|真实姓名|实名|本名|真实名字|真的名字|"
                       r"身份证上的名字|本人的?手机|本人的?电话|真实手机号?)|"
                       r"(?:能|可以|能不能|可不可以)(?:不|不用)?(?:写|填|用|留)(?:假名|昵称|网名|化名|小名|别人的(?:名字|手机号?|电话))|"
                       # whose it is, for a stay booked for someone else ("名字写谁的 我帮我弟订的")
                       r"(?:写|填|留|用)谁的|谁的(?:名字|姓名|手机|电话)")
# Asking which day of the week a day is, or which date a day named by words is ("1月3号那天是周几",
# "下周三是几号"): the calendar's answer (handlers.day_asked), never a day given (user test 14 was told
# "帮不上忙" in the middle of booking).
ASKS_DAY = re.compile(r"(?:周|星期|礼拜)(?:几|多少)|(?:是|为)(?:几号|几月几号|几月几日|哪天|哪一天)|几号$")
# Taking a refusal in: an acknowledgement, not another answer ("嗯嗯" is no "是").
ACKNOWLEDGED = re.compile(r"^(嗯+|恩+|哦+|噢|好|好吧|好的|行吧?|可以|ok|okay|收到|知道了|明白了?|了解了?|懂了|这样啊|那好吧|"
                          r"那行|唉|哎|好叭)[啊呀哈啦了的吧]*$", re.I)


_TIMES = "_times"  # how many times in a row the step in ``_step`` was asked (Form.ask)
# FormTurn.cache: sticky slots a question in the middle chooses a value of in words of its own ("还是总站吧
# 总站离高铁近吗"): taken, though the message asks something (Form.named_in_passing says which)
CHOSEN_BESIDE = "chosen_beside"
_ENGAGED = "engaged"  # FormTurn.cache: the message asked something the reply answers before the step
OFFER_STOP_AFTER = 3  # asked this many times in a row: the way out is said with the question


def times_asked(ft: "FormTurn") -> int:
    """How many times in a row the step being asked has been asked, this time included (1: first)."""
    return ft.values.get(_TIMES, 1)


# Forms that another flow may put aside and the form's own request resumes (a person asked for in
# the middle of booking): name → form. A form is listed by ``register``.
FORMS: dict[str, "Form"] = {}
PAUSED = "paused"  # the state key of a form put aside: {"flow": its name, "values": its values}


def register(form: "Form") -> "Form":
    FORMS[form.name] = form
    FLOW_CLAIMS.setdefault(form.name, form.claims)
    return form


# Fillers before the word that gives up ("哎 算了 3晚吧"), and words after it that put the whole thing
# off ("算了 明天再说": a day named, but no stay chosen).
_BEFORE_LEAVING = re.compile(r"^(?:哎呀|哎|唉|额|呃|嗯|诶|那|那就|好吧|还是)+")
_PUT_OFF = re.compile(r"再(?:说|想|看|考虑|商量|决定|问|联系|来|订|约)|下次|以后|回头|改天")


def _leave_word_first(turn: Turn) -> str | None:
    """What follows a word that gives up the flow at the start of the message ("算了3晚吧" → "3晚吧"),
    compacted; None when the message does not start with one (``dialogue.intents.exit`` keywords)."""
    plain = _BEFORE_LEAVING.sub("", compact(turn.text))
    keywords = (compact(k) for k in turn.engine.settings.dialogue.intents["exit"].keywords)
    lead = max((k for k in keywords if k and plain.startswith(k)), key=len, default=None)
    return None if lead is None else plain[len(lead):]


def pause_form(turn: Turn) -> "Form | None":
    """Put the form in progress aside, its values kept, so that another flow can run (a ticket in the
    middle of booking: user test 2 lost a booking one question short of its summary). None when no
    form is in progress."""
    form = FORMS.get(turn.state.get("flow"))
    if form is None:
        return None
    turn.state[PAUSED] = {"flow": form.name, "values": turn.state.pop(form.name, {})}
    turn.state.pop("flow", None)
    turn.state.pop("actions", None)
    return form


def paused_form(state: dict) -> "Form | None":
    return FORMS.get((state.get(PAUSED) or {}).get("flow"))


ABANDONED = "abandoned"  # the state key of a form given up ("不订了"): {"flow": its name, "values": its values}
# Asking for the form given up again ("还是刚才那个", "就按刚才的", "继续预约"): its values come back.
# The step just taken was a slip ("点错了", "手滑按错了"): said right after giving a form up, it is taken back.
_MISTAPPED = re.compile(r"(?:点|选|按|输|打|发)错")
# Words of a change of mind: what was just said is taken back ("不是", "还是要订的", "又想订了").
_CHANGED_MIND = re.compile(r"还是|不是|不对|其实|又|改主意|反悔")
REFERS_BACK = re.compile(r"刚才|刚刚|之前那个|原来的|原来那个|还是那个|还是那样|一样的|继续")


def end_flow_keeping_paused(state: dict) -> None:
    """End the flow in progress (a ticket); a form it put aside stays aside for "继续…". A form
    given up in its middle ("不订了") is kept as given up: "还是刚才那个" brings it back (user test 6
    had to say it all again)."""
    paused = state.get(PAUSED)
    form = FORMS.get(state.get("flow"))
    values = state.get(form.name) if form is not None else None
    abandoned = ({"flow": form.name, "values": values} if values and values.get("_step") != REFUSED
                 else state.get(ABANDONED))
    state.clear()
    if paused:
        state[PAUSED] = paused
    if abandoned:
        state[ABANDONED] = abandoned
    if form is not None and abandoned and abandoned.get("values") is values:
        state[JUST_LEFT] = form.name  # given up by this very message


def abandoned_form(turn: Turn) -> "Form | None":
    """The form given up that this message asks for again ("还是订吧 就刚才那个"), or None. Right after
    giving it up, a change of mind needs no word referring back: the form's request said as one ("哎
    不是 我还是要订的") or taking the step back ("点错了") is enough (user test 12 was told "帮不上忙");
    the bare request ("预约驿站 总站") starts anew."""
    form = FORMS.get((turn.state.get(ABANDONED) or {}).get("flow"))
    if form is None or turn.state.get("flow"):
        return None
    just_left = turn.left_before == form.name
    if just_left and _MISTAPPED.search(turn.text):
        return form
    if not (REFERS_BACK.search(turn.text) or (just_left and _CHANGED_MIND.search(turn.text))):
        return None
    return form if turn.classified == form.intent or form.asks_again(turn) else None


def gave_up_form(state: dict) -> "Form | None":
    """The form the message being answered has just given up with values in it (for "继续…")."""
    return FORMS.get(state.get(JUST_LEFT))


def say_paused(turn: Turn, reply: Reply) -> Reply:
    """``reply``, saying that a form put aside (a booking) is kept and how to go back to it."""
    form = paused_form(turn.state)
    if form is not None:
        reply.text += "\n" + messages.FORM_PAUSED.format(title=form.title)
        reply.actions = reply.actions + [messages.CHIP_RESUME.format(title=form.title)]
    return reply


@dataclass(frozen=True)
class Refused:
    """A value was found but cannot be used; ``reason`` tells the user why (past date, 9 nights…)."""

    reason: str


@dataclass(frozen=True)
class Slot:
    """One thing a form needs.

    ``extract(text, form_turn)`` returns the value, a ``Refused``, or None when the
    message holds no plausible value (then it may be a question or a digression).
    ``sticky``: once given, a question naming another value changes nothing ("总站在哪里"
    while booking 溱湖): it is answered in passing. Any other message that names one is a choice
    ("还是总站吧", "溱湖"), as it is for the slots that are not sticky.
    ``ends_flow(value, form_turn)``: a value that ends the form (an eligibility "否"); the next
    message may still take it back (``Form.after_refusal``).
    """

    name: str
    extract: Callable[[str, "FormTurn"], Any]
    ask: Callable[["FormTurn"], tuple[str, list[str]]]
    not_understood: Callable[["FormTurn"], str]
    change_words: tuple[str, ...] = ()
    sticky: bool = False
    ends_flow: Callable[[Any, "FormTurn"], Reply | None] | None = None
    show: Callable[[Any, "FormTurn"], str] | None = None  # the value as the user reads it ("住2晚")
    how_to_change: str = ""  # said to a request to change it that gives no new value ("能换一天吗")
    # Whether the value given as the answer to its own question is said back (with ``show``): a day
    # read from words that depend on today ("下周末", "15") is, so the user sees which day was taken.
    # It is said back too when the same message gave other values, which are said back anyway.
    said_back: Callable[[str, "FormTurn"], bool] | None = None
    why: Callable[["FormTurn"], str] | None = None  # why the question is asked ("为什么要问年龄")
    yes_no: bool = False  # a 是/否 question (``yes_no_slot``): "是 是 否" answers several in a row


@dataclass
class FormTurn:
    """One message of a form: the turn, the values so far, and what this message gave."""

    form: "Form"
    turn: Turn
    step: str | None = None                         # the slot asked in the previous reply
    found: dict = field(default_factory=dict)       # values read from this message
    changed: list = field(default_factory=list)     # slots given before whose value this message changed
    added: list = field(default_factory=list)       # slots not asked for that this message gave a first value
    same: list = field(default_factory=list)        # slots given before that this message named again, unchanged
    refused: str | None = None                      # the first slot whose value this message had to refuse
    cache: dict = field(default_factory=dict)       # a form's lookups, once per message (stations, today)

    @property
    def values(self) -> dict:
        return self.turn.state.setdefault(self.form.name, {})

    @property
    def settings(self):
        return self.turn.engine.settings

    @property
    def said(self) -> str:
        """The message less the words of a complaint said beside the answer ("是是是 别问了", "快点 张伟
        138…"): they give no value, and left in they hide the answer (user test 16 was asked again)."""
        if "said" not in self.cache:
            classifier, text = self.turn.engine.classifier, self.turn.text
            self.cache["said"] = classifier.stripped("complaint", text) if classifier.says("complaint", text) else text
        return self.cache["said"]

    @property
    def engine(self):
        return self.turn.engine


class Form:
    """Subclass: set ``name`` and ``intent``, implement ``slots``, ``summary`` and ``submit``."""

    name: str = ""
    intent: str = ""
    confirm_actions: tuple[str, ...] = (messages.CHIP_CONFIRM, messages.CHIP_CANCEL)
    # Informational intents answered in the middle of the form by ``aside``, which then asks its
    # pending step again ("我的预约" while booking). Register the form's handler with them:
    # ``@handles(form.name, asides=form.asides)``; any other intent leaves the form.
    asides: tuple[str, ...] = ()
    title: str = ""  # what the user calls it ("预约"), said when it is put aside and resumed
    # Intents that ask to change one slot ("reschedule": "能换一天吗" → check_in): in the middle of the
    # form, a new value is taken; without one, the slot's ``how_to_change`` is said and the pending
    # step asked again.
    change_intents: dict[str, str] = {}

    # ------------------------------------------------------------ what a form declares
    def slots(self, ft: FormTurn) -> list[Slot]:
        raise NotImplementedError

    def summary(self, ft: FormTurn) -> str:
        raise NotImplementedError

    def submit(self, ft: FormTurn) -> Reply:
        """Act on the confirmed values; end with ``self.done(ft, …)`` or re-ask with ``self.ask(ft, slot, …)``."""
        raise NotImplementedError

    def start_text(self, ft: FormTurn) -> str:
        return ""

    def kept_on_restart(self, ft: FormTurn) -> set[str]:
        """The slots a restart keeps: what stays true whatever is asked for anew (who the person is)."""
        return set()

    def restart_text(self, ft: FormTurn) -> str:
        return self.start_text(ft)

    def unavailable(self, ft: FormTurn) -> Reply | None:
        """A reply when the form cannot start at all (e.g. no stations open)."""
        return None

    def prefill(self, ft: FormTurn) -> None:
        """Fill what needs no asking (the only station there is)."""

    def aside(self, ft: FormTurn) -> str:
        """The answer to one of ``asides`` in the middle of the form (the step is asked after it)."""
        raise NotImplementedError

    def topic(self, ft: FormTurn) -> str:
        """What the form is about, for a question asked in its middle that names nothing of the
        service ("要带什么东西过去吗" while booking a station is about the station)."""
        return ""

    def own_question(self, ft: FormTurn, question: str) -> bool:
        """Whether a question said beside the request that starts the form asks for what the form does
        (and is answered by doing it), not something to look up."""
        return False

    def names_the_service(self, ft: FormTurn) -> bool:
        """Whether the message names something of the service the form is about (a station): a
        question about it is never about something else ("溱湖离高铁站远吗")."""
        return False

    def after_absorb(self, ft: FormTurn) -> None:
        """Adjust the values a message gave before the next step is chosen (a station taken
        after a refusal brings back the day it was refused for)."""

    def well_under_way(self, ft: FormTurn) -> bool:
        """Whether the form holds enough that the user may take it for done: then a request for
        one more ("再订一个") is told this one is not submitted, instead of starting over."""
        return False

    def remark(self, ft: FormTurn) -> str:
        """Something the message says that the form cannot do as asked, said once before the next
        question (a booking for two people books one bed); "" for nothing."""
        return ""

    def asked_after_refusal(self, ft: FormTurn, slot_name: str) -> Reply | None:
        """The reply to a question about the refusal just said ("那他什么时候能住": when the condition is
        met), the form staying refused; None for any other message."""
        return None

    def help_choosing(self, ft: FormTurn) -> str | None:
        """What to say to a reply that leaves the choice asked to the form ("随便", "不知道选哪个"):
        how the choices differ, before they are listed again; None when it is no such reply."""
        return None

    def taken_in(self, ft: FormTurn) -> str:
        """What to say to a statement that fills no slot but tells the form something ("我是她妈妈"
        while booking for a daughter), said before the step is asked again; "" for none."""
        return ""

    def named_in_passing(self, ft: FormTurn, text: str) -> set[str]:
        """The slots a question in the middle of the form names a value of without offering it
        ("今天天气怎么样" names a day; "溱湖离高铁站远吗" a station): none of them is taken from it,
        and the question is answered instead. Asked only of a question that changes nothing."""
        return set()

    def claims(self, turn: Turn, intent: str) -> bool:
        """Whether the form takes a message in its middle whatever its intent (``engine.FLOW_CLAIMS``):
        a word that gives it up followed by a new value for it ("算了3晚吧", "不要了 换总站吧") takes
        back the value given, not the form (user test 15: the booking was left, then "还是5晚吧" looked
        up and "是 是 是" opened a ticket). Only a value of the stay or the person, not a 是/否: "算了 好"
        is no answer; nor what puts it off ("算了 明天再说")."""
        if intent != "exit" or (turn.state.get(self.name) or {}).get("_step") in (None, REFUSED):
            return False
        rest = _leave_word_first(turn)
        if not rest or len(rest) < 2 or _PUT_OFF.search(rest) or turn.engine.classifier.by_rules(rest) is not None:
            return False
        trial = Turn(turn.engine, turn.incoming, copy.deepcopy(turn.state))  # extractors may note things
        ft = FormTurn(self, trial, step=trial.state[self.name].get("_step"))
        for slot in self.slots(ft):
            value = None if slot.yes_no else slot.extract(rest, ft)
            if value is not None and not isinstance(value, Refused):
                return True
        return False

    # ------------------------------------------------------------ the loop
    def handle(self, turn: Turn) -> Reply:
        if turn.state.get("flow") != self.name and paused_form(turn.state) is self:
            return self.resume(turn)
        if turn.state.get("flow") != self.name and abandoned_form(turn) is self:
            return self.restore(turn)
        if turn.state.get("flow") != self.name:
            turn.state.pop(self.name, None)
            turn.state.pop(ABANDONED, None)
            ft = FormTurn(self, turn)
            refusal = self.unavailable(ft)
            if refusal is not None:
                turn.state.clear()
                return refusal
            filled, error = self.absorb(ft)  # the request itself may say what it wants
            if isinstance(filled, Reply):
                return filled
            self.after_absorb(ft)
            # What the request gave is said back ("已记下：溱湖…、住2晚。") before the next question: the
            # user sees it was understood instead of wondering whether to say it again (user test 3).
            # A question asked beside the request ("…顺便问下人才公寓怎么申请") is answered first.
            beside = answer_beside(turn, self.topic(ft), is_own=lambda question: self.own_question(ft, question))
            return self.ask(ft, self.missing(ft), beside + self.start_text(ft) + self.taken(ft)
                            + (error + "\n" if error else "") + self.remark(ft))
        return self.step(FormTurn(self, turn, step=turn.state[self.name].get("_step")))

    def step(self, ft: FormTurn) -> Reply:
        if ft.step == REFUSED:
            return self.after_refusal(ft)
        text = ft.turn.text
        slot = self.correction(ft, text) if ft.step else None
        if slot and not self.has_value_for(ft, slot, text):  # "改日期": ask it again
            return self.reask(ft, slot)
        if ft.step == CONFIRM and DONE_YET.match(compact(text)):
            return self.ask(ft, CONFIRM, messages.FORM_NOT_YET.format(title=self.title))
        if ANOTHER.search(text) and self.well_under_way(ft):  # "再订一个 溱湖…": this one is not done yet (user test 7)
            return self.ask(ft, ft.step, messages.FORM_NOT_DONE.format(title=self.title) + "\n")
        confirmed = ft.step == CONFIRM and (yes_no(ft.said) == "yes" or bool(text.strip() and YES_SIGNS.match(text)))
        if ft.step and not compact(text) and not YES_SIGNS.match(text.strip() or "-"):
            # "？", "😀", a sticker at a step: no answer tried, so no "没有找到这个驿站" and no lookup of nothing
            # (user test 23 was told the conditions for "？")
            ft.cache[_ENGAGED] = True
            return self.ask(ft, ft.step, messages.FORM_NO_WORDS)
        filled, error = self.absorb(ft)
        if isinstance(filled, Reply):  # a value that ends the form
            return filled
        if confirmed and not (ft.changed or ft.added or error):  # "是的，换成后天吧" changes first
            return self.submit(ft)
        in_order, ending = self.answers_in_a_row(ft)
        if ending is not None:
            return ending
        self.after_absorb(ft)
        why = self.why_asked(ft)
        if in_order:
            why += messages.FORM_ANSWERS_IN_ORDER.format(count=in_order + 1)
        if not filled and not error and ft.step and CARRY_ON.match(compact(text)):  # "继续预约": on from here
            ft.cache[_ENGAGED] = True
            return self.ask(ft, ft.step, messages.FORM_RESUMED.format(title=self.title))
        if not filled and not error and ft.turn.classified == self.intent and ft.said != ft.turn.text and ft.step:
            # "订个房要问这么多" mid-form: the form's own words in a complaint about it, no request to start
            # over (user test 16 lost the booking): sorry, and the step again
            ft.cache[_ENGAGED] = True
            return self.ask(ft, ft.step, messages.COMPLAINT_IN_FLOW + "\n\n")
        if not filled and not error and ft.turn.classified == self.intent:  # "预约驿站" again, mid-form
            if ANOTHER.search(ft.turn.text) and self.well_under_way(ft):  # "再订一个": this one is not done yet
                return self.ask(ft, ft.step, messages.FORM_NOT_DONE.format(title=self.title) + "\n")
            if ft.step and AGREES_TO_IT.search(compact(text)) and not QUESTION.search(text):  # "那帮我订吧" once it began: under way
                ft.cache[_ENGAGED] = True
                return self.ask(ft, ft.step, messages.FORM_UNDER_WAY.format(title=self.title))
            return self.restart(ft)
        if error:
            # Ask again what was refused ("住10天" while the station is asked gives the station and the
            # day: the nights are asked next, not the station just given), saying what was taken.
            missing = [name for name in (ft.refused, ft.step) if name and name not in ft.values]
            return self.ask(ft, missing[0] if missing else self.missing(ft), why + self.taken(ft) + error + "\n")
        if not filled and ft.step:
            ft.cache[_ENGAGED] = True  # answered below: the step is not skipped (Form.ask)
            if why:
                return self.ask(ft, ft.step, why)
            plain = compact(text)
            if DONE_YET.match(plain) or ALL_SAID.match(plain):  # "好了吗" with a question still open
                return self.ask(ft, ft.step, messages.FORM_NOT_YET_STEP)
            noted = self.taken_in(ft)
            if noted:
                return self.ask(ft, ft.step, noted)
            how = self.how_to_change(ft) or self.help_choosing(ft)
            if how:
                return self.ask(ft, ft.step, how + ("" if how.endswith("\n") else "\n"))
            aside = self.digression(ft)
            if aside:
                return self.ask(ft, ft.step, aside + "\n\n")
            ft.cache.pop(_ENGAGED)
            return self.ask(ft, ft.step, self.not_understood(ft, ft.step) + "\n")
        taken, missing = self.taken(ft), self.missing(ft)
        if ft.cache.get("asked_beside") and not why:  # "总站吧那个总站有没有空调啊": answered too
            aside = self.digression(ft)
            why = (aside + "\n\n" if aside else "") + why
        elif not why:  # "算了我还是改成溱湖吧 另外问一下溱湖那边晚上几点关门": the change taken, the question
            why = answer_beside(ft.turn, self.topic(ft), before=False)  # answered (user test 23: dropped)
        if not taken and ft.step and missing == ft.step and ft.found:
            # "他24 今年毕业 来找工作" to the age question took the other answers, not this one: said
            # so, not the bare question again, which reads as "not understood" (user test 6)
            taken = messages.FORM_NOTED_OTHERS
        return self.ask(ft, missing, why + taken + self.remark(ft))

    def why_asked(self, ft: FormTurn) -> str:
        """Why the question asked is asked, and a line break, to a message asking so ("为什么要问年龄
        我32了不行吗": user test 5 was told the question was not about the service); "" otherwise."""
        if not WHY_ASKED.search(ft.turn.text):
            return ""
        # the slot the message names, if it names one ("手机号会不会泄露啊" asked at an eligibility question:
        # user test 14 was told who the station is for), else the one asked
        slots = [s for s in self.slots(ft) if s.why is not None]
        slot = (next((s for s in slots if any(w in ft.turn.text for w in s.change_words)), None)
                or next((s for s in slots if s.name == ft.step), None))
        return slot.why(ft) + "\n" if slot is not None else ""

    def answers_in_a_row(self, ft: FormTurn) -> tuple[int, Reply | None]:
        """"是 是 是" to the first of several 是/否 questions: the answers after the first go to the
        questions that follow, in order (user test 5 was asked the two others again). (how many
        more were taken, the reply when one of them ends the form)."""
        slots = self.slots(ft)
        asked = next((i for i, s in enumerate(slots) if s.name == ft.step), None)
        said = answers_in_a_row(ft.said)
        if asked is None or not slots[asked].yes_no or ft.step not in ft.found or not said:
            return 0, None
        answers, taken = said[1:], 0
        for slot in slots[asked + 1:]:
            if not answers or not slot.yes_no:
                break
            if slot.name in ft.values:
                continue
            value = yes_no(answers.pop(0))
            ft.values[slot.name], taken = value, taken + 1
            ending = slot.ends_flow(value, ft) if slot.ends_flow is not None else None
            if ending is not None:
                return taken, self.refused(ft, slot, ending)
        return taken, None

    def absorb(self, ft: FormTurn) -> tuple[bool | Reply, str | None]:
        """Run every slot's extractor on the message; (anything filled, or the reply that ends
        the form; the first reason a value found was refused)."""
        text, filled, error = unvoiced(ft.said), False, None  # "我叫 嗯 孙建国": the words, not the ums
        # Only a question leaves a sticky value as it was: "还是总站吧" or a bare "溱湖" at the summary is
        # a choice as much as "换总站" (user test 2: they were read as nothing and the old station booked).
        in_passing = asks_something(ft.turn, text) and not CHANGE.search(text)
        aside = self.named_in_passing(ft, text) if in_passing and ft.step else set()
        for slot in self.slots(ft):
            if slot.name in aside:
                continue
            value = slot.extract(text, ft)
            if value is None:
                continue
            if isinstance(value, Refused):
                if error is None:
                    error, ft.refused = value.reason, slot.name
                continue
            ft.found[slot.name] = value
            if (slot.sticky and slot.name in ft.values and ft.step != slot.name and in_passing
                    and slot.name not in ft.values.get(OPEN, ()) and slot.name not in ft.cache.get(CHOSEN_BESIDE, ())):
                continue  # mentioned in passing: a question about the other station changes nothing
            if slot.name != ft.step and ft.values.get(slot.name, value) != value:
                ft.changed.append(slot.name)
            elif slot.name != ft.step and slot.name not in ft.values:
                ft.added.append(slot.name)
            elif slot.name != ft.step:
                ft.same.append(slot.name)
            ft.values[slot.name], filled = value, True
            if slot.ends_flow is not None:
                ending = slot.ends_flow(value, ft)
                if ending is not None:
                    return self.refused(ft, slot, ending), None
        return filled, error

    def refused(self, ft: FormTurn, slot: Slot, ending: Reply) -> Reply:
        """A value ended the form: say so, but keep everything else until the next message, which
        may take the answer back ("我点错了", or the other answer): one mis-tap used to throw away
        every step before it (user test B20)."""
        ft.values.pop(slot.name, None)
        ft.values.update({"_step": REFUSED, REFUSED: slot.name, REFUSED_TEXT: ending.text})
        ft.turn.state["flow"] = self.name
        ending.text += messages.FORM_UNDO_HINT
        ending.actions = [messages.CHIP_REDO] + ending.actions
        return ending

    def after_refusal(self, ft: FormTurn) -> Reply:
        """The message right after a refusal: "我点错了" asks the question again, another answer to it
        ("是") goes on from there, with every earlier answer kept. Anything else is handled as if
        the form had ended (a question is answered, "预约驿站" starts anew)."""
        turn, name = ft.turn, ft.values.get(REFUSED)
        slot = next((s for s in self.slots(ft) if s.name == name), None)
        undo = bool(UNDO.search(turn.text))
        if not undo and ACKNOWLEDGED.match(compact(turn.text)):  # "嗯嗯", "好吧": the refusal is taken
            turn.state.clear()  # (user test 4: "嗯嗯" read as the other answer booked someone refused)
            return Reply(messages.FORM_ENDED.format(title=self.title), actions=[messages.CHIP_TICKET],
                         intent=self.intent)
        # "嗯对 来创业的": a fact answering a later question, the refusal unread (user test 5 got a
        # lookup of 创业): the refusal is said again. Facts only (read as where no question is asked):
        # a bare "是" still takes the answer back.
        if (not undo and slot is not None and ft.values.get(REFUSED_TEXT)
                and slot.extract(turn.text, FormTurn(self, turn, step=REFUSED)) is None
                and any(s.yes_no and s.name != name and s.extract(turn.text, FormTurn(self, turn, step=REFUSED))
                        is not None for s in self.slots(ft))):
            return Reply(ft.values[REFUSED_TEXT] + messages.FORM_UNDO_HINT,
                         actions=[messages.CHIP_REDO, messages.CHIP_TICKET], intent=self.intent)
        if slot is not None and (undo or slot.extract(turn.text, FormTurn(self, turn, step=name)) is not None):
            ft.values.pop(REFUSED)
            ft.values.pop(REFUSED_TEXT, None)
            ft.step = ft.values["_step"] = name
            return self.ask(ft, name, messages.FORM_ANSWER_AGAIN) if undo else self.step(ft)
        told = self.asked_after_refusal(ft, name) if slot is not None and not undo else None
        if told is not None:  # "那他什么时候能住": when the condition refused is met, the refusal kept
            return told
        turn.state.clear()
        turn.state[JUST_REFUSED] = self.name
        reply = turn.engine.dispatch_text(turn)
        if turn.state.get(JUST_REFUSED) == self.name and turn.state.get("flow"):
            turn.state.pop(JUST_REFUSED)  # another flow started: the refusal is behind
        return reply

    def missing(self, ft: FormTurn) -> str:
        self.prefill(ft)
        for slot in self.slots(ft):
            if slot.name not in ft.values:
                return slot.name
        return CONFIRM

    def ask(self, ft: FormTurn, step: str, prefix: str = "") -> Reply:
        """Ask ``step``. Asked again and again (the user skips it), the question is asked shorter
        (``times_asked``: a slot's ``ask`` may say it in brief), and from the third time in a
        row the way out is said to a message that gave nothing (a reply answering a question in
        between, or a correction, counts no time): the same full prompt each time reads as a machine stuck (user test 7)."""
        ft.turn.state["flow"] = self.name
        if ft.values.get("_step") != step or _TIMES not in ft.values:
            ft.values[_TIMES] = 1
        elif not (ft.cache.get(_ENGAGED) or ft.changed or ft.same):  # a question asked, or a value
            ft.values[_TIMES] += 1  # corrected ("还是明天吧"), is no step skipped
        ft.values["_step"] = step
        if step == CONFIRM:
            text, actions = self.summary(ft), list(self.confirm_actions)
        else:
            text, actions = self._slot(ft, step).ask(ft)
        if ft.values[_TIMES] >= OFFER_STOP_AFTER and step != CONFIRM and not ft.found:  # gave nothing either
            text += "\n" + messages.FORM_OFFER_STOP.format(title=self.title)
        return Reply(prefix + text, actions=actions, intent=self.intent)

    def resume(self, turn: Turn) -> Reply:
        """The form's own request after it was put aside ("继续预约", "预约驿站"): on from where it
        stopped, with what this message changes."""
        ft = FormTurn(self, turn)
        turn.state[self.name] = turn.state.pop(PAUSED)["values"]
        ft.step = ft.values.get("_step")
        filled, error = self.absorb(ft)
        if isinstance(filled, Reply):
            return filled
        self.after_absorb(ft)
        resumed = messages.FORM_RESUMED.format(title=self.title)
        return self.ask(ft, self.missing(ft), resumed + (error + "\n" if error else "") + self.taken(ft))

    def restore(self, turn: Turn) -> Reply:
        """The form given up, asked for again ("又想订了 还是刚才那个"): its values back, said back, and
        on from where it stopped with what this message changes."""
        turn.state[self.name] = turn.state.pop(ABANDONED)["values"]
        turn.state.pop(PAUSED, None)
        ft = FormTurn(self, turn)
        ft.step = ft.values.get("_step")
        filled, error = self.absorb(ft)
        if isinstance(filled, Reply):
            return filled
        self.after_absorb(ft)
        slots = [s for s in self.slots(ft) if s.show and s.name in ft.values]
        items = "、".join(s.show(ft.values[s.name], ft) for s in slots)
        restored = messages.FORM_RESTORED.format(title=self.title, items=items) if items else ""
        return self.ask(ft, self.missing(ft), restored + (error + "\n" if error else "") + self.taken(ft))

    def asks_again(self, turn: Turn) -> bool:
        """Whether a message that is not the form's request asks for the form given up again, by words
        of the form's own ("还是订吧 就刚才那个"). The form's request itself always does."""
        return False

    def restart(self, ft: FormTurn) -> Reply:
        """The form's own request again in the middle of it ("预约驿站" after "已约满，请问哪天入住？"):
        the user starts over, so it starts over, keeping only ``kept_on_restart``. Read as an answer
        to the step asked, it was "没看懂" until the user found "取消" (user test B17b, B31)."""
        kept = self.kept_on_restart(ft)
        ft.turn.state[self.name] = {k: v for k, v in ft.values.items() if k in kept}
        return self.ask(ft, self.missing(ft), self.restart_text(ft))

    def reask(self, ft: FormTurn, slot: Slot) -> Reply:
        """"改日期": forget the value and ask for it again."""
        ft.values.pop(slot.name, None)
        return self.ask(ft, self.missing(ft))

    def taken(self, ft: FormTurn) -> str:
        """What the message gave besides the answer asked for, said back: "不对，住两晚" while the
        phone is asked ("已更新：住2晚。"), "1晚" while the station is asked ("已记下：住1晚。"). The
        user sees what was understood. A message that only names again what was given ("还是溱湖吧"
        with 溱湖 chosen) hears that it stays, not the bare prompt it could take for "not understood"."""
        slots = {s.name: s for s in self.slots(ft)}

        def shown(names: list) -> str:
            return "、".join(slots[n].show(ft.values[n], ft) for n in names if slots[n].show and n in ft.values)
        asked = slots.get(ft.step)
        # The answer asked for is said back with the others the message gave, whatever the slot ("李明
        # 13812345678" where the name is asked: user test 11 heard only the phone said back, as if
        # the name were lost), or beside one refused ("林詩涵 0523-86123456": user test 22); alone, only when
        # its ``said_back`` says so.
        echoed = [ft.step] if (asked is not None and ft.step in ft.found
                               and ft.values.get(ft.step) == ft.found[ft.step]
                               and (ft.added or ft.changed or (ft.refused and ft.refused != ft.step)
                                    or (asked.said_back is not None and asked.said_back(ft.turn.text, ft)))) else []
        changed, added = shown(ft.changed), shown(echoed + ft.added)
        same = "" if changed or added or ft.step in ft.found else shown(ft.same)
        return ((messages.FORM_CHANGED.format(items=changed) if changed else "")
                + (messages.FORM_NOTED.format(items=added) if added else "")
                + (messages.FORM_SAME.format(items=same) if same else ""))

    def done(self, ft: FormTurn, reply: Reply) -> Reply:
        ft.turn.state.clear()
        return reply

    # ------------------------------------------------------------ helpers
    def correction(self, ft: FormTurn, text: str) -> Slot | None:
        if not CHANGE.search(text):
            return None
        return next((s for s in self.slots(ft) if any(w in text for w in s.change_words)), None)

    def has_value_for(self, ft: FormTurn, slot: Slot, text: str) -> bool:
        """"改成周六" carries the new value; "改日期" does not."""
        value = slot.extract(text, FormTurn(self, ft.turn, step=slot.name))
        return value is not None and not isinstance(value, Refused)

    def not_understood(self, ft: FormTurn, step: str) -> str:
        if step == CONFIRM:
            return messages.CONFIRM_HINT.strip()
        return self._slot(ft, step).not_understood(ft)

    def how_to_change(self, ft: FormTurn) -> str | None:
        """How to change a slot, to a request to change it that gave no new value ("能换一天吗":
        user test 2 got the pending question again without a word)."""
        name = self.change_intents.get(ft.turn.classified)
        slot = next((s for s in self.slots(ft) if s.name == name), None)
        return slot.how_to_change or None if slot is not None else None

    def digression(self, ft: FormTurn) -> str | None:
        """The answer to a message that is not for the form: one of its ``asides``, a greeting,
        thanks, or a question."""
        if ft.turn.classified in self.asides:
            return self.aside(ft)
        return answer_in_passing(ft.turn, self.topic(ft), elsewhere_possible=not self.names_the_service(ft))

    def _slot(self, ft: FormTurn, name: str) -> Slot:
        return next(s for s in self.slots(ft) if s.name == name)


# Any will do, said with a question word ("随便哪天", "哪天都行", "哪个都可以"): a reply, no question.
ANY_WILL_DO = re.compile(r"^(?:嗯|那|那就|就|我|啊)*(?:(?:随便|随意)(?:哪天|哪个|哪家|几晚|几天)|"
                         r"(?:哪天|哪个|哪家|几晚|几天)都(?:行|可以|好|成|ok|一样))(?:吧|啊|呀|的|了|哈)*$")


def asks_something(turn: Turn, text: str) -> bool:
    """Whether ``text`` asks something. The words of a complaint ask nothing of the flow, though
    they may be put as a question ("你烦不烦 明天", "能不能快点 总站"): what is said beside them is a
    value, not a day named in passing (user test 15 lost the day). Nor does "随便哪天" (``ANY_WILL_DO``)."""
    if not QUESTION.search(text) or ANY_WILL_DO.match(compact(text)):
        return False
    classifier = turn.engine.classifier
    return not classifier.says("complaint", text) or bool(QUESTION.search(classifier.without("complaint", text)))


def answer_in_passing(turn: Turn, topic: str = "", elsewhere_possible: bool = True) -> str | None:
    """The answer to a greeting, thanks or a question in the middle of a flow, which asks its own
    question again after it; None for anything else. ``topic``: what the flow is about, which a
    question naming nothing of the service is asked about (handlers.in_flow_question).
    ``elsewhere_possible``: whether an unanswered question may be about something else than the
    service ("今天天气怎么样"), said so without the offer of a person; not when it names the service."""
    if turn.classified == "greeting":
        return messages.STILL_HERE_IN_FLOW if still_there(turn.text) else messages.GREETING
    if turn.classified == "thanks":
        return messages.THANKS
    if turn.classified == "complaint":
        return messages.COMPLAINT_IN_FLOW
    if turn.classified == "stuck":  # "那怎么办" at a step: how to go on, and who else can help
        return messages.STUCK_IN_FLOW
    if turn.classified == "contact":  # "你们电话多少" at a step: no call, a person after this step
        return messages.CONTACT_IN_FLOW
    if turn.classified == "source":  # "这是哪个文件说的" after an answer in passing
        from bot.dialogue.handlers import source_text

        return source_text(turn)
    from bot.dialogue.handlers import asks_before_waiting

    if turn.classified == "wait" and not asks_before_waiting(turn.text):
        return messages.WAIT_IN_FLOW  # "等等 我先问下见习补贴多少钱" is a question (user test 5)
    if turn.classified in ("policy", "help", "wait") and QUESTION.search(turn.text) and not ANY_WILL_DO.match(compact(turn.text)):
        from bot.dialogue.handlers import (answer_in_flow, asks_sightseeing, day_asked, off_topic, reply_for_answer,
                                           without_pressing)
        from knowledge.relevance import subject_terms

        turn = turn.saying(without_pressing(turn.text))  # "到底要啥条件啊": asked without 到底

        if asks_sightseeing(turn.text):  # "溱湖有什么好玩的" while booking: not the station's address
            return messages.SIGHTSEEING
        weekday = day_asked(turn)
        if weekday is not None:  # "等等 1月3号那天是周几" while booking: the calendar's answer
            return weekday
        from bot.dialogue.handlers import remember_sources

        answer = answer_in_flow(turn, topic)
        remember_sources(turn, answer.sources if answer.found else [])
        if elsewhere_possible and off_topic(turn, turn.text, answer, " ".join(subject_terms(turn.text))):
            return messages.OFF_TOPIC_IN_FLOW  # no person is offered for what no one here answers
        return reply_for_answer(answer, offer=False).render()
    return None


# A question asked beside a request, after the words that lead to it: "我想订驿站顺便问下人才公寓怎么申请".
# Also after a "but first" ("我想订驿站 不过先问下 驿站有wifi吗": user test 12 had the question dropped).
# ("…住两个晚上 然后需要准备什么材料": a question led by 然后 and a need, user test 19.)
_BESIDE = re.compile(r"(?:(?:顺便|另外|对了|还想|然后(?=.{0,4}(?:要|需要|得|该)))(?:先)?(?:问(?:一)?下|问问|咨询(?:一)?下)?|"
                     r"(?:不过|但是|可是|我想|想)?先(?:问(?:一)?下|问问|咨询(?:一)?下))[，,、:：\s]*(.{3,})$")
# A second question joined by 还有 after a pause: "驿站怎么订 还有人才公寓有多少套" (user test 17 had it
# dropped); not "还有空床位吗", which asks whether there still is one (the booking answers that).
_STILL = re.compile(r"(?<=[\s，,。；;！!？?])还有[，,、:：\s]*(.{4,})$")
_STILL_THERE = re.compile(r"^[^，,。？?\s]{1,8}?(?:吗|没|没有|嘛|么|不)[？?]?$")
_ASKING = re.compile(r"多少|几|哪|怎么|咋|什么|啥|如何|为什么|能不能|可不可以|是不是")


def answer_beside(turn: Turn, topic: str = "", before: bool = True, is_own: Callable[[str], bool] | None = None) -> str:
    """The answer to a question asked beside the request that starts a flow, or beside a value given
    in its middle, and a blank line; "" when there is none (user test 4: the question was dropped
    without a word). ``topic``: what the flow is about, which a question naming nothing of the service
    is asked about. ``before``: a question said before the request counts too (at the flow's start).
    ``is_own(question)``: whether the question is the request itself, which the flow answers."""
    m = _BESIDE.search(turn.text) or _STILL.search(turn.text)
    question = m.group(1) if m is not None and QUESTION.search(m.group(1)) else ""
    if question and m.re is _STILL and _STILL_THERE.match(compact(question)) and not _ASKING.search(question):
        question = ""  # "还有空床位吗": whether there still is one
    question = question or (_asked_before_request(turn) if before else "")
    if not question or (is_own is not None and is_own(question)):
        return ""
    from bot.dialogue.handlers import answer_in_flow, reply_for_answer

    if topic:  # "…住两个晚上 然后需要准备什么材料": the materials for the station (user test 19)
        answer = answer_in_flow(turn.saying(question), topic)
    else:
        answer = turn.engine.answer_question(question, turn.incoming.user_key)
    return reply_for_answer(answer, offer=False).render() + "\n\n"


# Where a question said first ends and the request after it begins: a pause, or the words that join
# a second thing to a first ("人才公寓有多少套 顺便帮我订个驿站").
_REQUEST_AFTER = re.compile(r"[\s，,。；;！!？?]+(?:顺便|另外|对了|然后|还有|再)?|(?:顺便|另外|对了|然后)")


def _asked_before_request(turn: Turn) -> str:
    """A question said before the request that starts a flow ("人才公寓有多少套 顺便帮我订个驿站": user
    test 13 had it dropped): the pieces before the first one that is a request of its own, when one
    of them asks something; "" otherwise."""
    pieces = [p.strip() for p in _REQUEST_AFTER.split(turn.text) if p and p.strip()]
    classify = turn.engine.classifier.by_rules
    for at, piece in enumerate(pieces[1:], 1):
        if classify(piece) is not None:
            before = " ".join(pieces[:at])
            if len(compact(before)) >= 4 and QUESTION.search(before) and classify(before) is None:
                return before
            return ""
    return ""


# A yes to every 是/否 question at once, said where one is asked: "都符合", "全都是", "条件都满足" (user test 21
# was asked the three questions again after "别问了 都符合 直接订").
ALL_YES = re.compile(r"(?:(?:都|全都|全部|全|统统|通通|每个都|每项都|条件都|以上都|三个都|几个都)(?:是|符合|满足|没问题|对|ok|yes)|"
                     r"(?:都|全都|全部)(?:符合|满足)(?:条件|要求))"
                     # not a fact said of several people ("我们都是24岁", "都是去年毕业的"): read as the fact
                     r"(?![\d零〇一二两三四五六七八九十]|.{0,4}(?:岁|年|届|毕业|来))", re.I)


def _says_all_yes(text: str, ft: FormTurn) -> bool:
    if not ALL_YES.search(compact(text)):
        return False
    asked = next((s for s in ft.form.slots(ft) if s.name == ft.step), None)
    return asked is not None and asked.yes_no


def yes_no_slot(name: str, question: str | Callable[["FormTurn"], str], ends_flow=None, read_fact=None, hint=None,
                why=None) -> Slot:
    """A 是/否 question. A yes or a no is read only when it is the one asked (any "好的" could look
    like a yes). ``read_fact(text, form_turn)``: "yes"/"no" from a fact said instead ("我今年25" to
    an age question), which goes before the yes or no it may come with ("是的，我2018年毕业的").
    A fact answers its question wherever it is said: "是的我刚毕业" to the age question answers the
    graduation question too, which is then not asked (user test 3); ``form_turn.step`` tells the
    reader whether its question is the one asked (elsewhere it reads only facts stated outright).
    ``hint(form_turn)``: what to say when neither is read; ``why(form_turn)``: why it is asked.
    ``question``: the text, or ``question(form_turn)`` for one whose wording depends on what was said
    (whom it is asked of)."""
    def extract(text: str, ft: FormTurn):
        fact = read_fact(text, ft) if read_fact else None
        if fact is None and _says_all_yes(text, ft):  # "都符合", "别问了 全都是": yes to each 是/否 question
            return "yes"
        if ft.step != name:
            return fact
        # a thumbs-up alone is a yes to the question asked, as it is at the summary (user test 11 was
        # asked for 是 or 否 after "👌")
        return fact or yes_no(text) or ("yes" if YES_SIGNS.match(text.strip() or "-") else None)
    return Slot(name=name, extract=extract,
                ask=lambda ft: (question(ft) if callable(question) else question, [messages.CHIP_YES, messages.CHIP_NO]),
                not_understood=hint or (lambda ft: messages.ANSWER_YES_NO),
                ends_flow=ends_flow, why=why, yes_no=True)
