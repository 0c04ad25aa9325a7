"""Intent and message-kind handlers, registered with the engine's decorators."""

from __future__ import annotations

import re
from dataclasses import replace as dataclass_replace

from bot import messages
from bot.dialogue.booking_flow import (ABOUT_PLACES, CANCEL_FLOW, LIST_FLOW, arrives_late, asks_availability, asks_near_days, asks_the_stations,
                                       asks_when_eligible, confirmed_already,
                                       availability, booked_elsewhere, booking_by_day, books_separately,
                                       companion_coming, eligibility_said, has_active_booking, mentions_a_stay, most_nights_asked,
                                       SITUATION_TOLD, stay_too_long,
                                       stations_listed, where_stations_are)
from bot.dialogue.engine import (HANDLERS, JUST_REFUSED, Handler, Reply, Turn, answers_ticket_offer, apologise, handles,
                                  handles_kind, is_acknowledgement, waits_for_reply, wants_ticket)
from bot.dialogue.extract import english_in_chinese
from bot.dialogue.forms import (ASKS_DAY, abandoned_form, end_flow_keeping_paused, gave_up_form, pause_form,
                                say_paused)
from bot.dialogue.intents import QUESTION, YES_SIGNS, compact, still_there, yes_no
from bot.dialogue.ticket_flow import (FILED, add_to_ticket, continues_reply, goes_on_from_ticket, phone_sent_for_ticket,
                                      ticket_in_progress)
from core.errors import IndexMissing
from knowledge.places import gazetteer
from knowledge.relevance import subject_share, subject_terms
from knowledge.text import content_terms, parts_of_speech, words

HELP_ACTIONS = messages.START_ACTIONS


# ---------------------------------------------------------------- message kinds
@handles_kind("text")
def on_text(turn: Turn) -> Reply:
    return turn.engine.dispatch_text(turn)


@handles_kind("voice")
def on_voice(turn: Turn) -> Reply:
    if turn.text:  # WeChat's own speech recognition, when the account has it on
        return turn.engine.dispatch_text(turn)
    return Reply(messages.VOICE_UNRECOGNISED, intent="voice_unrecognised")


@handles_kind("event")
def on_event(turn: Turn) -> Reply:
    event = turn.incoming.event
    if event == "subscribe":
        return Reply(messages.WELCOME, actions=HELP_ACTIONS, intent="subscribe")
    if event in ("subscribe_scan", "scan"):  # a parameter QR code (job fairs): subscribe, or scan by a follower
        scene = turn.incoming.event_key.removeprefix("qrscene_")
        intent = turn.engine.settings.dialogue.qr_scenes.get(scene)
        if intent:
            then = HANDLERS.get(intent, HANDLERS["help"])(turn)
            return Reply(f"{messages.WELCOME}\n\n{then.text}", actions=then.actions, intent=f"scan:{intent}")
        return Reply(messages.WELCOME, actions=HELP_ACTIONS, intent="subscribe")
    if event == "unsubscribe":
        turn.state.clear()
        return Reply("", intent="unsubscribe", silent=True)
    if event == "click":
        intent = turn.engine.settings.dialogue.menu_clicks.get(turn.incoming.event_key)
        if intent:
            return HANDLERS.get(intent, HANDLERS["help"])(turn)
    return Reply("", intent=f"event:{event}", silent=True)


@handles_kind("unsupported", "image", "location", "link", "video", "shortvideo", "file")
def on_unsupported(turn: Turn) -> Reply:
    return Reply(messages.UNSUPPORTED, actions=HELP_ACTIONS, intent="unsupported")


# ---------------------------------------------------------------- intents
# Intents answered with one fixed message: intent → (name of the message, quick replies). Another
# one is a line here (and its keywords in config.yaml), not another handler. The message is read
# when it is said: it names this deployment's place and assistant (messages.use_deployment_words).
FIXED_REPLIES: dict[str, tuple[str, list[str]]] = {
    "help": ("HELP", HELP_ACTIONS),
    "thanks": ("THANKS", []),
    "about_bot": ("ABOUT_BOT", HELP_ACTIONS),
}


def _fixed_reply(intent: str) -> Handler:
    name, actions = FIXED_REPLIES[intent]

    def reply(turn: Turn) -> Reply:
        return Reply(getattr(messages, name), actions=list(actions), intent=intent)
    return reply


for _intent in FIXED_REPLIES:
    handles(_intent)(_fixed_reply(_intent))


@handles("greeting")
def greeting(turn: Turn) -> Reply:
    """"你好": the welcome; "还在吗", "人呢": still here."""
    text = messages.STILL_HERE if still_there(turn.text) else messages.GREETING
    return Reply(text, actions=list(HELP_ACTIONS), intent="greeting")


@handles("repeat")
def repeat(turn: Turn) -> Reply:
    """"再说一遍", "刚才说的啥": the last reply again, from the message log (this message is not in it
    yet); in a flow the flow asks its step again itself. Nothing said yet: how to start."""
    said = [m["text"] for m in turn.engine.records.recent_conversation(turn.incoming.user_key, limit=4)
            if m["direction"] == "out" and m["text"]]
    if not said:
        return Reply(messages.NOTHING_TO_REPEAT, actions=HELP_ACTIONS, intent="repeat")
    return Reply(messages.REPEATED.format(text=said[-1].removeprefix(_REPEATED_PREFIX)), intent="repeat")


_REPEATED_PREFIX = messages.REPEATED.partition("{text}")[0]  # "再说一遍" twice says the reply once


# The sources of the last answer to a question (state), which "这是哪个文件说的" asks for: a list of
# {"title", "section"}, empty when that question was not answered; absent before any question.
ANSWERED_FROM = "answered_from"
# Asking for the text itself or a link to it ("有链接吗", "原文发我看看"), which this chat cannot send.
_ASKS_TEXT = re.compile(r"原文|全文|链接|网址|网站|发我|发给我")


def remember_sources(turn: Turn, sources: list[dict]) -> None:
    turn.state[ANSWERED_FROM] = [{"title": s["title"], "section": s.get("section") or ""} for s in sources
                                 if s.get("title")]


def source_text(turn: Turn) -> str:
    """Where the last answer comes from ("这是哪个文件说的", "出处呢"), and that no link or text can be
    sent here when one is asked for ("有链接吗"): user test 13 was told "这个我帮不上忙"."""
    said = turn.state.get(ANSWERED_FROM)
    if said is None:
        return messages.SOURCE_NOTHING_YET
    if not said:
        return messages.SOURCE_NOT_FOUND_LAST
    seen = list(dict.fromkeys((s["title"], s["section"]) for s in said))
    text = messages.SOURCE_OF_LAST.format(sources=messages.SOURCE_JOIN.join(
        messages.SOURCE_ITEM.format(title=title, section=f"·{section}" if section else "") for title, section in seen))
    if _ASKS_TEXT.search(compact(turn.text)):
        text += messages.SOURCE_NO_LINK
    return text


@handles("source")
def source(turn: Turn) -> Reply:
    flow = turn.state.get("flow")
    if flow in HANDLERS:  # in a flow the flow says it in passing and asks its step again
        return HANDLERS[flow](turn)
    actions = [messages.CHIP_TICKET] if turn.state.get(ANSWERED_FROM) is not None else list(HELP_ACTIONS)
    return Reply(source_text(turn), actions=actions, intent="source")


@handles("goodbye")
def goodbye(turn: Turn) -> Reply:
    """"拜拜" ends what is going on: a form being filled in is put aside, so "继续预约" within the
    state's lifetime goes on from where it stopped (user test 4: "好的谢谢 拜拜" was asked the nights
    again, and the booking stayed open behind the farewell)."""
    if turn.state.get("flow") and pause_form(turn) is None:
        end_flow_keeping_paused(turn.state)
    turn.state.pop("offer_ticket", None)
    return say_paused(turn, Reply(messages.GOODBYE, intent="goodbye"))


_WAITING = re.compile(r"^(诶|哎|额)?(等一下|等一等|等等|等下|稍等|等会儿?|你等等|你等下)|(稍等|等一下|等我一下|等会儿?|等下)(哈|啊|呀|下|一下)?$")


_WAIT_LAST = re.compile(r"(稍等|等一下|等我一下|等会儿?|等下)(哈|啊|呀|下|一下)?$")


def more_than_waiting(text: str) -> bool:
    """Whether a message that asks to wait says more ("等一下，人才公寓有多少套", "等等 我先问下见习补贴
    多少钱"): that is answered, not told "不着急"."""
    return len(compact(_WAITING.sub("", compact(text)))) >= 4


def asks_before_waiting(text: str) -> bool:
    """Whether a message that asks to wait asks something after that ("等等 我先问下 见习补贴多少钱"),
    rather than saying what it waits for ("等一下我电话多少来着 稍等": the wait comes last)."""
    return more_than_waiting(text) and bool(QUESTION.search(text)) and not _WAIT_LAST.search(compact(text))


@handles("wait")
def wait(turn: Turn) -> Reply:
    """"稍等", "等一下": nothing to do yet. More than that ("等一下，人才公寓有多少套") is answered."""
    if more_than_waiting(turn.text):
        return HANDLERS["policy"](turn)
    return Reply(messages.WAIT, intent="wait")


@handles("complaint")
def complaint(turn: Turn) -> Reply:
    """"什么破系统 问啥都不知道", "怎么这么麻烦啊 问这么多": an apology and the offer of a person,
    never a lookup (user test 5 got a policy sentence). What the message says beside the complaint
    goes first ("太麻烦了 算了" leaves, "…有没有简单点的办法" is answered); in a flow, the flow
    apologises and asks its step again (forms.answer_in_passing), a ticket's text takes it as said."""
    rest = turn.engine.classifier.without("complaint", turn.text)
    beside = turn.engine.classifier.by_rules(rest) if len(rest) >= 2 else None
    if beside not in (None, "complaint"):  # "太麻烦了 算了": sorry, then what it asks
        return apologise(HANDLERS[beside](turn))
    flow = turn.state.get("flow")
    if flow in HANDLERS:  # a value said with it is taken ("你烦不烦 直接给我订明天的"), after the apology
        return apologise(HANDLERS[flow](turn))
    if beside is None and mentions_a_stay(turn):  # "快点 帮我订明天总站": the booking (user test 21 filed a ticket)
        return HANDLERS["booking"](turn)
    waiting = ticket_in_progress(turn)
    if waiting is not None:  # "都一天了 问题也没人回" while a ticket waits: offered to that ticket (user test 7)
        number = waiting[0]
        turn.state["offer_followup"] = {"number": number, "text": turn.text}
        turn.state["offer_ticket"] = turn.text
        return Reply(messages.COMPLAINT_TICKET_WAITING.format(number=number)
                     + messages.TICKET_OFFER_FOLLOWUP.format(number=number),
                     actions=[messages.CHIP_YES, messages.CHIP_MY_TICKETS], intent="complaint")
    # "…有没有简单点的办法" asks something; "你们这破机器人有什么用" only scorns (user test 10 was told
    # "帮不上忙"): a question naming nothing is part of the complaint.
    if len(rest) >= 4 and QUESTION.search(rest) and _names_a_thing(rest):
        return HANDLERS["policy"](turn)
    turn.state["offer_ticket"] = turn.text
    return Reply(messages.COMPLAINT, actions=[messages.CHIP_TICKET], intent="complaint")


def _names_a_thing(text: str) -> bool:
    """Whether ``text`` names a thing to ask about (a noun among its subject words: "有没有简单点的办法"),
    not only words of the sentence ("你这不是废话吗" less its scorn is "你这不是吗": user test 14 was told
    "帮不上忙")."""
    tags = dict(parts_of_speech(text))
    return any(tags.get(t, "n").startswith(_NOUN) or tags.get(t) == "vn" for t in subject_terms(text))


@handles("stuck")
def stuck(turn: Turn) -> Reply:
    """"那怎么办" after a refusal, "到底有没有人能回答" after an answer not found: what the assistant
    can do, and a person offered, with the question that was not answered if there was one (user
    test 7 got "没有找到这个问题的答案"). In a flow, the flow says how to go on (forms.answer_in_passing)."""
    flow = turn.state.get("flow")
    if flow in HANDLERS:
        return HANDLERS[flow](turn)
    turn.state["offer_ticket"] = turn.state.get("offer_ticket") or turn.text
    # just told they may not stay (by the message before, or by this one's own form): booking is no way out
    refused = turn.state.pop(JUST_REFUSED, None) or turn.refused_before
    return Reply(messages.STUCK_REFUSED if refused else messages.STUCK, actions=[messages.CHIP_TICKET], intent="stuck")


_CANCEL_WORD = re.compile("取消")


@handles("exit")
def exit_(turn: Turn) -> Reply:
    """Leave what is going on. "算了" / "那就取消吧" answer the cancel confirmation when that is what
    was asked, "取消第二个" a list of bookings just shown; "取消吧" with nothing going on means the
    booking the user has, if any (confirmed first)."""
    flow = turn.state.get("flow")
    # "帮我cancel掉" reads as "帮我取消掉", as it was classified (user test 15 was told there was nothing to leave)
    said = english_in_chinese(turn.text)
    if flow in (CANCEL_FLOW, LIST_FLOW) or (not flow and _CANCEL_WORD.search(said) and has_active_booking(turn)):
        return HANDLERS["cancel_booking"](turn)
    bye = bool(_BYE.search(compact(turn.text)))  # "没事了 拜拜": a farewell, not "还有什么可以帮您" (user test 7)
    if not flow:
        turn.state.clear()
        return Reply(messages.GOODBYE if bye else messages.NOTHING_TO_EXIT, intent="goodbye" if bye else "exit")
    end_flow_keeping_paused(turn.state)  # a booking put aside for a ticket outlives the ticket's 取消
    reply = say_paused(turn, Reply(messages.GOODBYE if bye else messages.EXITED, intent="exit"))
    given_up = gave_up_form(turn.state)
    if given_up is not None and not bye:  # what was filled in is kept for a change of mind: say how
        reply.text += "\n" + messages.FORM_GIVEN_UP_KEPT.format(title=given_up.title)
        reply.actions = reply.actions + [messages.CHIP_RESUME.format(title=given_up.title)]
    return reply


_BYE = re.compile(r"拜拜|再见|bye|下次见|88$")


_QUESTION_END = re.compile(r"(?<=[？?])\s*")
MAX_QUESTIONS = 3


_PAUSE = re.compile(r"[\s，,。；;！!]+")
_MIN_QUESTION = 4  # characters: "能住几天" asks on its own, "几天" continues the question before it


def split_questions(text: str) -> list[str]:
    """"人才公寓有多少套？驿站能免费住吗？见习补贴多少？" → three questions (at most MAX_QUESTIONS).
    Said without question marks, as voice input writes it ("驿站能免费住吗 能住几天 要什么条件"), the
    pieces between pauses that ask something are the questions, each with the words before it that
    ask nothing ("你好 请问驿站在哪里" is one question)."""
    parts = [p.strip() for p in _QUESTION_END.split(text) if len(p.strip().strip("？?")) >= _MIN_QUESTION]
    if len(parts) <= 1:
        parts = _spoken_questions(text)
    if len(parts) <= 1:
        parts = _joined_questions(text)
    joined = _asked_of_what_went_before(parts)
    if len(joined) < len(parts):
        return joined[:MAX_QUESTIONS]
    return parts[:MAX_QUESTIONS] if len(parts) > 1 else [text]


_SHORT_PART = 6  # characters: "补贴多少" continues "那硕士呢"; "人才公寓怎么申请" is a question of its own


def _asked_of_what_went_before(parts: list[str]) -> list[str]:
    """A bare "那X呢" followed by a question naming nothing is that question asked of X: "那人才公寓呢
    怎么申请" is one question, 人才公寓怎么申请 (user test: two answers, the second "not found"); so is
    one X details, a degree or a place ("那硕士呢 补贴多少": 硕士补贴多少)."""
    out: list[str] = []
    for part in parts:
        bare = _BARE_FOLLOW_UP.match(compact(out[-1])) if out else None
        x = bare.group("x") if bare else ""
        own = own_subject(part)
        # (Not another bare "那Y呢", nor a question with a detail of its own: "那外地人呢？本地人能住吗".)
        if bare and not _BARE_FOLLOW_UP.match(compact(part)) and not any(_detail_kind(t) for t in own) \
                and (not own or _detail_kind(x) and len(compact(part)) <= _SHORT_PART) and (own_subject(x) or _detail_kind(x)):
            out[-1] = x + part
        else:
            out.append(part)
    return out


# What joins a second question to a first one said in one breath ("人才公寓怎么申请还有就是见习补贴有多少钱",
# "驿站能住几天另外驿站在哪里"): only between two pieces that each ask something on their own.
_JOIN = re.compile(r"还有就是|还有一个问题|还有个问题|还有|另外|顺便问一?下|顺便|"
                   r"再问一?下|还想问一?下|以及|然后就是|然后")


def _joined_questions(text: str) -> list[str]:
    """The questions of a message that joins them with 还有/另外/顺便问 and no pause (voice input):
    split where each side asks a question of at least ``_MIN_QUESTION`` characters ("驿站还有空床吗"
    has nothing asked before its 还有, so it stays one question)."""
    pieces, start = [], 0
    for m in _JOIN.finditer(text):
        before, after = text[start:m.start()], text[m.end():]
        if all(len(compact(side)) >= _MIN_QUESTION and QUESTION.search(side) for side in (before, after)):
            pieces.append(before.strip())
            start = m.end()
    if not pieces:
        return [text]
    pieces.append(text[start:].strip())
    return [p for p in (_LEAD_IN.sub("", piece) or piece for piece in pieces) if p]


def _spoken_questions(text: str) -> list[str]:
    questions, lead = [], ""
    for piece in filter(None, _PAUSE.split(text.strip())):
        if QUESTION.search(piece) and len(compact(lead + piece)) >= _MIN_QUESTION:
            questions.append(f"{lead} {piece}".strip())
            lead = ""
        elif QUESTION.search(piece) and questions:  # too short to stand alone: part of the one before
            questions[-1] += f" {piece}"
        else:
            lead = f"{lead} {piece}".strip()
    if lead and questions:  # words after the last question belong to it
        questions[-1] += f" {lead}"
    return questions


_FOLLOW_UP_START = re.compile(r"^(那么?|那个|这个|它|还有|另外|那如果|如果是)")
_FOLLOW_UP_MAX = 10  # characters: "那硕士呢" continues a topic; a full sentence names its own


def with_topic(question: str, topic: str, previous: str = "", domain: tuple[str, ...] | list[str] = ()) -> str:
    """The question as asked, or with the previous question's topic when it has none of its own.

    "那能住多久" after "驿站能免费住吗" asks about 驿站; so does "需要什么材料". A message
    naming a subject stands alone, unless it is a short "那…呢" that swaps one detail.
    A bare "那X呢" is the ``previous`` question asked of X (``swapped``): "那驿站呢" after
    "人才公寓怎么申请" asks how to apply for the station, "那硕士呢" after "本科生租房补贴多少"
    the 租房补贴 of a 硕士 (user test 9 got the 人才公寓 sentence again). A short question whose
    subject is only acts none of ``domain`` (``dialogue.domain_words``) names ("怎么报名", "咋参加")
    asks how to do them with what was talked about (user test 13 was told "帮不上忙").
    """
    if (_SEEKS_STAY.search(question) and not _OTHER_HOUSING.search(question) and not _OTHER_THAN.search(question)
            and messages.BOOKING_TOPIC not in question):
        return f"{messages.BOOKING_TOPIC} {question}"  # "我刚毕业 想来姜堰找工作 有地方住吗": the station
    if not topic or _OTHER_THAN.search(question):  # "那有别的住的地方吗": not what was talked about
        return question
    asked = asked_again_of(question, previous)
    if asked:
        return asked
    if (not own_subject(question) or (_FOLLOW_UP_START.match(question) and len(question) <= _FOLLOW_UP_MAX)
            or _asks_only_acts(question, domain)):
        return f"{topic} {question}"
    return question


# Asking how, where, when or how long to do something ("怎么报名", "在哪参加", "啥时候去", "要多久能批下来"),
# not whether it happens ("明天会下雨吗" names its own subject). User test 15: "要多久能批下来" after "驿站能免费
# 住吗" was taken for a topic of its own, told "帮不上忙", and "在哪办" after it asked of 批下来.
_HOW_TO = re.compile(r"怎么|怎样|如何|咋|哪里|哪儿|在哪|去哪|找谁|啥时候|什么时候|几点|多久|多长时间|多少天|几天")


def _asks_only_acts(question: str, domain) -> bool:
    """A short question asking how, where or when to do something ("怎么报名", "在哪参加") whose subject
    is only verbs outside the service's own words: an act, done to what was talked about, not a topic
    of its own."""
    terms = own_subject(question)
    if not terms or len(compact(question)) > _FOLLOW_UP_MAX or not _HOW_TO.search(question):
        return False
    tags = dict(parts_of_speech(question))
    return all(tags.get(t) == "v" and not any(w in t or t in w for w in domain) for t in terms)


def asked_again_of(question: str, previous: str) -> str | None:
    """A bare "那X呢": the ``previous`` question asked of X (``swapped``); None for anything else."""
    bare = _BARE_FOLLOW_UP.match(compact(question))
    if bare and previous and (own_subject(bare.group("x")) or _detail_kind(bare.group("x"))):
        return swapped(previous, bare.group("x"))
    return None


# A follow-up that is only what it asks about: "那驿站呢", "硕士的话呢", "那如果是海陵呢".
_BARE_FOLLOW_UP = re.compile(r"^(?:那么?|那如果是?|如果是|那要是|要是|换成|那换成)?(?P<x>[^\W\d_]{1,8}?)(?:的话)?"
                             r"(?:呢|嘞|怎么样|如何)$")
# The kinds of detail a "那X呢" swaps within the question it continues, each for one of its own kind:
# who (a degree, a kind of person: 本科生 → 硕士, 外地人, 公务员) and where (a place). Anything else X
# names is a subject of its own standing (驿站 after 人才公寓, 购房补贴 after 租房补贴), which takes
# the place of the thing the question was asked about.
_WHO = re.compile(r"(?:[生士者员]|人|人才|学历|学位|本科|大专|专科|中专|高中|高职|博士后)$")
_NOUN = ("n", "x", "g", "j")  # jieba's tags of the words a subject is made of (nouns, user words, morphemes)


def _detail_kind(term: str) -> str | None:
    if term in gazetteer().by_form:
        return "place"
    if _WHO.search(term):
        return "who"
    return None


def swapped(previous: str, said: str) -> str | None:
    """``previous`` asked of ``said``: a detail of the same kind replaced ("本科生租房补贴多少" +
    硕士 → "硕士租房补贴多少", or put before the subject when the question named none), or, for a
    subject of its own, the subject replaced ("请问人才公寓怎么申请" + 驿站 → "请问驿站怎么申请").
    None when the question holds nothing to put it in place of."""
    kinds = {_detail_kind(t) for t in (said, *own_subject(said))}
    kind = "place" if "place" in kinds else "who" if "who" in kinds else None
    terms = set(subject_terms(previous))
    spans, at, run = [], 0, None  # (start, end, kind of detail or None) of the question's words
    for word, flag in parts_of_speech(previous):
        start, at = at, at + len(word)
        detail = _detail_kind(word)
        if detail is not None:
            spans.append((start, at, detail))
            run = None
        elif _CJK.search(word) and (flag.startswith(_NOUN) or word in terms) and not flag.startswith(_WHEN):
            if run is not None and run[1] == start:
                run = (run[0], at, None)
                spans[-1] = run
            else:
                run = (start, at, None)
                spans.append(run)
        else:
            run = None
    subjects = [(s, e) for s, e, k in spans if k is None and any(t in previous[s:e] for t in terms)]
    same = [(s, e) for s, e, k in spans if k == kind] if kind else subjects
    if same:
        start, end = same[0]
        return previous[:start] + said + previous[end:]
    if kind and subjects:  # a detail the question did not name: put before its subject
        start = subjects[0][0]
        return previous[:start] + said + previous[start:]
    return None


# Asking for somewhere to stay ("有地方住吗", "住哪里", "哪里可以住"), which is the station unless other
# housing is named (人才公寓, 租房补贴 have rules of their own) or something other than what was talked
# about is asked for ("那有别的住的地方吗" after the station was refused).
# ("有没有地方可以免费住几天": a place to stay for free, user test 24 could not book it next)
_SEEKS_STAY = re.compile(r"(?:地方|哪里|哪儿|哪)(?:可以|能|能够)?(?:免费|白|先|暂时|临时)?住|住(?:的)?地方|住哪|住宿")
_OTHER_HOUSING = re.compile(r"房|公寓|补贴|补助|落户|宿舍")
_OTHER_THAN = re.compile(r"别的|别处|其他|其它|另外的|还有什么|除了")
_WHEN = ("t", "m", "mq", "tg")  # parts of speech of times and numbers: 晚上, 十点, 明天


def own_subject(question: str) -> list[str]:
    """What the question is about, less the times and numbers it names: "晚上十点以后还能进吗" after
    "驿站几点可以入住" names only a time, and continues the question before (user test 7 was told it
    was off-topic); "明天会下雨吗" names 下雨."""
    return [t for t in subject_terms(question) if not all(flag in _WHEN for _, flag in parts_of_speech(t))]


# How a question in the middle of a conversation is led into ("还有就是…", "对了，…", "另外想问下…"):
# words of the chat, not of the question; left in, they are read as its subject.
_LEAD_IN = re.compile(r"^(?:(?:还有(?:一)?个问题|还有(?=就是|[，,、\s])|就是|另外|对了|然后|那个(?=[，,、\s])|请问(?:一)?下|请问|顺便|"
                      r"(?:我)?(?:还)?想问(?:一)?下|(?:我)?(?:还)?想问问|(?:我)?先问(?:一)?下|问(?:一)?下|"
                      r"等等|等一下|等下|稍等)[，,、：:\s]*)+")


# What says when: an hour ("22点", "晚上十点", "22:00") or the hours themselves ("入住时间", "24小时").
_NAMES_HOURS = re.compile(r"\d{1,2}(?:点|:\d\d|：\d\d)|[一二三四五六七八九十]{1,3}点|小时|时间段|(?:入住|办理|营业|开放|服务)时间|晚上|夜间|凌晨")


# Words that press a question ("到底多少钱啊", "究竟要啥条件"): no part of what is asked. Left in, they are
# read as its subject: user test 27 was told "帮不上忙" for "到底多少钱啊！！" after "见习补贴怎么申请".
_PRESSING = re.compile(r"到底|究竟")


def without_pressing(text: str) -> str:
    """``text`` less the words that press it, when something is left."""
    rest = _PRESSING.sub("", text)
    return rest if compact(rest) else text


def in_flow_question(turn: Turn, topic: str) -> str:
    """The question asked in the middle of a flow, as it is looked up: without its lead-in, and
    about the flow's ``topic`` when it names nothing of the service (no ``dialogue.domain_words``):
    "还有就是要带什么东西过去吗" while booking asks what to bring to the station (user test 3: not
    found). A question about anything the service covers ("落户要什么条件") is asked as it is:
    put under the station it would be answered with the station's rules."""
    question = without_pressing(turn.text)
    stripped = _LEAD_IN.sub("", question)
    if len(compact(stripped)) >= 3:
        question = stripped
    if topic and not any(word in question for word in turn.engine.settings.dialogue.domain_words):
        # Without the places it names: put beside the topic, a place matches the station named after it
        # ("明天姜堰下雨吗" was answered with the addresses of the stations in 姜堰: user test 7).
        places = gazetteer().by_form
        unplaced = "".join(w for w in words(question) if w not in places)
        return f"{topic} {unplaced if len(compact(unplaced)) >= 3 else question}"
    return question


# Below this share of a question's own subject stated (knowledge.relevance.subject_share; a word of
# nearly the same meaning or most of a longer word counts half), an answer found with the flow's
# topic put beside the question answers the topic, not the question.
_TOPIC_ONLY = 0.5


def answer_in_flow(turn: Turn, topic: str):
    """The answer to a question asked in the middle of a flow (``in_flow_question``). Put beside the
    flow's topic, a question of its own subject may be answered by the topic alone: "公基金怎么提取"
    (公积金 mistyped) at the name step was given the station's address, which says nothing of 基金 or 提取,
    where outside the booking it is not found. Such an answer is not one: the question is looked up
    as it was asked, as it would be outside the flow (not found, if nothing answers it)."""
    asked = in_flow_question(turn, topic)
    answer = turn.engine.answer_question(asked, turn.incoming.user_key)
    plain = _LEAD_IN.sub("", turn.text)
    plain = plain if len(compact(plain)) >= 3 else turn.text
    if (answer.found and asked != plain and own_subject(plain)
            and subject_share(plain, answer.text) < _TOPIC_ONLY):
        answer = turn.engine.answer_question(plain, turn.incoming.user_key)
    return answer


def _ask_one(turn: Turn, question: str, topic: str, previous: str = ""):
    """The answer to one question (with the running topic and the ``previous`` question as it was
    looked up), the topic it leaves: what the question was about, answered or not ("人才公寓怎么申请"
    then "需要什么条件" is still about 人才公寓), and the question as it was looked up."""
    # the office's hours are the office's, whatever was talked about ("上班时间呢" after the stations' address)
    hours = asks_office_hours(question)
    asked = (question if hours
             else with_topic(question, topic, previous, turn.engine.settings.dialogue.domain_words))
    answer = turn.engine.answer_question(asked, turn.incoming.user_key)
    if answer.found and hours and not _STATES_HOURS.search(answer.text):
        # "那几点上班" answered with a sentence that states no time (user test 21 got the number of graduates
        # drawn to the district): not an answer, and a person is offered
        answer = dataclass_replace(answer, found=False, text="", sources=[])
    if answer.found and _ASKS_ROUTE.search(question) and not ABOUT_PLACES.search(answer.text):
        # "怎么过去" answered with who may stay (user test 23): not an answer; the stations' addresses are
        # given instead where the stations are talked about (where_stations_are)
        answer = dataclass_replace(answer, found=False, text="", sources=[])
    return answer, " ".join(subject_terms(asked)) or topic, asked


# Asking the way to somewhere or how far it is: answered only by a text about places and the way there.
_ASKS_ROUTE = re.compile(r"怎么(?:去|走|过去|过来|来|到)|如何(?:到达|前往|过去|去)|坐(?:什么|啥|几路)车|(?:公交|地铁|打车|开车)"
                         r"(?:能|可以)?(?:到|去|过去)|多远|远不远|近不近|有多近|交通")


# What an answer about office hours states: a time of day, the days of work.
_STATES_HOURS = re.compile(r"\d{1,2}\s*[:：点时]|[上下]午|早上|晚上|工作日|周[一二三四五六日]|星期[一二三四五六日天]|节假日|全天|小时|"
                           r"(?:上班|下班|办公|营业|工作|开放)时间")


_ASKED = "asked"  # state: the last question as it was looked up, which a bare "那X呢" asks again of X


def _books_on_topic(turn: Turn, question: str) -> bool:
    """"那我要订一个" / "帮我订吧" after talking about the station: a request that names no
    object books what the conversation is about (the booking intent's own keywords and patterns
    decide; no embedding for a text nobody else asks about)."""
    topic = turn.state.get("topic", "")
    if not topic or turn.state.get("flow") or len(compact(question)) > _FOLLOW_UP_MAX:
        return False
    # Each word of the topic on its own: "对 怎么订啊" after a question about coming to 姜堰 to work
    # and staying at the station (topic "姜堰 工作 驿站") books the station (user test 5).
    # The topic before it too: "那这个怎么申请" after the station reads as "驿站…怎么申请" (user test 13
    # was told how many nights one may stay).
    return any(turn.engine.classifier.by_rules(said) == "booking" for term in topic.split()
               for said in (f"{question}{term}", f"{term}{question}"))


def _books_by_follow_up(turn: Turn, question: str) -> bool:
    """"那驿站呢" after "人才公寓怎么申请": the question asked again of the station is a request to
    book it ("驿站怎么申请", as "驿站怎么预约" is), and starts the booking as that question would."""
    if turn.state.get("flow") or not turn.state.get("topic"):
        return False
    asked = asked_again_of(question, turn.state.get(_ASKED, ""))
    return bool(asked) and turn.engine.classifier.by_rules(asked) == "booking"


# characters: "周六", "溱湖", "住一晚", "溱湖那个吧" say one detail and nothing else; "那就周六吧溱湖的" two
# (user test 20 was told the station's address, and lost the station after the day's free beds)
_BARE_DETAIL_MAX = 10


def _booking_details_on_topic(turn: Turn) -> bool:
    """"周六", "溱湖", "住一晚", "我叫王五" right after talking about the station: details of a stay
    given as if the booking had begun, which it now does with them (user test 9: each was
    answered with a sentence of the documents). Only when they are all the message says."""
    from bot.dialogue.booking_flow import STAYS_THE_MOST, station_choices
    from bot.bookings import users_today
    from bot.dates import without_days_and_nights
    from bot.dialogue.extract import (date_in, nights_in, normalise, phone_in, stated_name, station_aliases,
                                      station_in)

    text = turn.text
    if (turn.state.get("flow") or messages.BOOKING_TOPIC not in turn.state.get("topic", "")
            or QUESTION.search(text)):
        return False
    if stated_name(text) or phone_in(text):
        return True
    if len(compact(text)) > _BARE_DETAIL_MAX:
        return False
    stations = station_choices(turn.engine)
    rest = STAYS_THE_MOST.sub("", without_days_and_nights(normalise(text)))  # "住满": the most nights
    for _, name, _ in stations:
        for said in sorted({name, *station_aliases(name)}, key=len, reverse=True):
            rest = rest.replace(said, "")
    if _DETAIL_WORDS.sub("", compact(rest)):  # "明天我再问" says more than a day
        return False
    return (nights_in(text) is not None or date_in(text, users_today(turn.engine.settings)) is not None
            or station_in(text, stations, by_number=False) is not None or bool(STAYS_THE_MOST.search(compact(text))))


# What may stand beside a bare detail of a stay ("溱湖那个吧", "住一晚", "周六去", "那我大后天去 住满": user test 23
# was told "not found").
_DETAIL_WORDS = re.compile(r"那个|这个|那|的|吧|啊|呀|就|我们|我|住|入住|去|来|到|晚|天|号|驿站|站")


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def is_foreign(text: str) -> bool:
    """A message in Latin letters with no Chinese at all ("how to book a room")."""
    return not _CJK.search(text) and len(_LATIN_WORD.findall(text)) >= 2


# A booking asked for in English ("hi i want to book a room", "need a bed for 2 nights", "can i stay at the
# station tomorrow"): the booking starts, its questions in Chinese (user test 21 got the bilingual pointer).
_BOOKS_IN_ENGLISH = re.compile(r"\b(?:book|booking|reserve|reservation)\b|"
                               r"\b(?:need|want|looking\s+for|find|get|have)\b.{0,24}\b(?:room|rooms|bed|beds|dorm|"
                               r"accommodation|place\s+to\s+stay|somewhere\s+to\s+stay)\b|"
                               r"\bstay\b.{0,24}\b(?:station|tonight|tomorrow|nights?|days?|weekend|monday|tuesday|"
                               r"wednesday|thursday|friday|saturday|sunday)\b", re.I)
# ... not one asking about a booking made, or what booking costs or needs
_ABOUT_A_BOOKING = re.compile(r"\b(?:cancel|check|my|change|how\s+much|price|cost|free|what|why|who)\b", re.I)


def books_in_english(text: str) -> bool:
    return bool(is_foreign(text) and _BOOKS_IN_ENGLISH.search(text) and not _ABOUT_A_BOOKING.search(text))


@handles("policy")
def policy(turn: Turn) -> Reply:
    question = without_pressing(turn.text)
    if not turn.state.get("flow") and books_in_english(question):
        started = HANDLERS["booking"](turn)
        started.text = messages.BOOKING_IN_ENGLISH + "\n" + started.text
        return started
    if is_foreign(question) and not is_acknowledgement(question):  # "ok fine" is taken as said
        return Reply(messages.FOREIGN, actions=HELP_ACTIONS, intent="foreign")
    if _CJK.search(question):  # "有没有housing subsidy": looked up as the Chinese it says (user test 10)
        question = english_in_chinese(question)
    phoned = phone_sent_for_ticket(turn)
    if phoned is not None:  # the phone number asked for a ticket, after "能不能直接打电话给我"
        return phoned
    elsewhere = None if turn.state.get("flow") else booked_elsewhere(turn)
    if elsewhere is not None:  # "我用1301…订的": bookings go with the account
        return elsewhere
    by_day = None if turn.state.get("flow") else booking_by_day(turn)
    if by_day is not None:  # "后天的那个呢": the booking of that day, or that there is none
        return by_day
    when = asks_when_eligible(turn)
    if when is not None:  # "那他什么时候能住" after a condition not met: when it will be (user test 21)
        return Reply(when, actions=[messages.CHIP_TICKET], intent="eligibility")
    given_up = abandoned_form(turn)
    if given_up is not None:  # "还是订吧 就刚才那个" after "不订了"
        return HANDLERS[given_up.name](turn)
    nights = None if turn.state.get("flow") or len(split_questions(question)) > 1 else most_nights_asked(turn)
    if nights is not None:  # "明天可以预约几晚": the limit, not "not found" nor a booking begun (user test 27)
        remember_sources(turn, nights.sources)
        return nights
    if not turn.state.get("flow") and mentions_a_stay(turn):
        return HANDLERS["booking"](turn)
    if not turn.state.get("flow") and asks_availability(turn):
        refused = eligibility_said(turn)
        if refused is not None and turn.state.get(JUST_REFUSED):
            # "我儿子明年毕业 想这周末去面试 能住你们驿站吗": the condition he does not meet, not the free
            # beds (user test 21 was shown a bed to book for him)
            return refused
        return availability(turn)
    if not turn.state.get("flow") and asks_near_days(turn):  # "这两天能住驿站吗": which day is asked
        return HANDLERS["booking"](turn)
    too_long = None if turn.state.get("flow") else stay_too_long(turn)
    if too_long is not None:  # "能住一个月吗": the limit of a stay
        return too_long
    eligible = None if turn.state.get("flow") else eligibility_said(turn)
    if eligible is not None and len(split_questions(question)) > 1:
        # "我是今年的应届生 … 有什么政策吗 能住驿站吗": each question answered (user test 9 dropped the first)
        return _several(turn, split_questions(question))
    if eligible is not None:  # "我36了能住驿站吗": what the conditions say of it
        _remember_topic(turn, messages.BOOKING_TOPIC, question)
        return eligible
    followup = turn.state.pop("offer_followup", None)
    if followup:  # "这句话要补充到您的工单T…吗？"
        said = "yes" if wants_ticket(question) else yes_no(question)
        if said == "yes":
            turn.state.pop("offer_ticket", None)
            return add_to_ticket(turn, followup["number"], followup["text"])
        if said == "no":
            turn.state.pop("offer_ticket", None)
            return Reply(messages.ACKNOWLEDGED, intent="ack")
    offer = answers_ticket_offer(turn)
    if offer == "yes":
        return HANDLERS["ticket"](turn)
    confirmed = None if offer else confirmed_already(turn)
    if confirmed is not None:  # "确认预约" right after 预约成功: made already
        return confirmed
    if YES_SIGNS.match(question.strip() or "-"):  # "👍", "[强]" after an answer: "好的" said by a sign (user test 26
        turn.state.pop("offer_ticket", None)      # was asked what it could help with); never a yes to an offer
        return Reply(messages.ACKNOWLEDGED, intent="ack")
    if turn.state.get("offer_ticket") and turn.state.get(ANSWERED_FROM) == [] and _PUZZLED.match(question.strip()):
        # "？？？", "啊？" right after a question not answered: puzzled by that answer, not a new start (user
        # test 27 was asked what it could help with); the person offered for that question is offered again
        return Reply(messages.PUZZLED_NOT_FOUND, actions=[messages.CHIP_TICKET], intent="policy", found=False)
    if not compact(question):  # "？？？", "😀😀😀": no words to look up
        return Reply(messages.NO_WORDS, actions=HELP_ACTIONS, intent="no_words")
    if offer == "no" or is_acknowledgement(question):  # "不用了", "收到", or "好的" after an answer: nothing to look up
        turn.state.pop("offer_ticket", None)
        if waits_for_reply(question) and ticket_in_progress(turn) is not None:  # "好的 那我等着"
            return Reply(messages.TICKET_WAIT_ACK, actions=[messages.CHIP_MY_TICKETS], intent="ack")
        return Reply(messages.ACKNOWLEDGED, intent="ack")
    if _ONLY_FILLERS.match(compact(question)):  # "那个", "就是": words before a question, not one
        return Reply(messages.NO_WORDS, actions=HELP_ACTIONS, intent="no_words")
    weekday = day_asked(turn)
    if weekday is not None and not turn.state.get("flow"):  # "1月3号是周几": the calendar's, not the documents'
        return Reply(weekday, intent="day_asked")
    more = bool(turn.state.get("topic") and not turn.state.get("flow") and _MORE.match(compact(question)))
    detail = bool(turn.state.get("topic") and not turn.state.get("flow") and _MORE_DETAIL.match(compact(question)))
    if (more or detail) and turn.state.get(ANSWERED_FROM) == []:
        # "具体点", "然后呢", "还有别的吗" after a question that was not answered: there is nothing to say more
        # of; a person is offered for that question (user test 14 got "not found" again for each)
        turn.state["offer_ticket"] = turn.state.get("offer_ticket") or turn.state.get(_ASKED) or question
        return Reply(messages.MORE_NOT_FOUND, actions=[messages.CHIP_TICKET], intent="policy", found=False)
    if more:
        # "还有别的吗" after an answer: more of the same topic, which the answer given was the best of;
        # the topic is kept for what is asked next (user test 13 was told "帮不上忙", and lost the topic)
        return Reply(messages.MORE_ON_TOPIC, actions=list(messages.OFF_TOPIC_ACTIONS) + [messages.CHIP_TICKET],
                     intent="policy", found=False)
    if not turn.state.get("flow") and asks_the_stations(turn):  # "你们有几个驿站"
        return stations_listed(turn)
    separately = None if turn.state.get("flow") else books_separately(turn)
    if separately is not None:  # "那分开订两个呢" after the one-bed rule: each with their own WeChat
        return separately
    companion = companion_coming(turn)
    if companion is not None:  # "我有个朋友也想来 怎么弄" after booking: a bed of their own
        return companion
    if not turn.state.get("flow") and asks_sightseeing(question):  # "溱湖有什么好玩的": not the office's
        turn.state.pop("offer_ticket", None)
        return Reply(messages.SIGHTSEEING, actions=list(messages.OFF_TOPIC_ACTIONS), intent="off_topic", found=False)
    if _books_on_topic(turn, question) or _booking_details_on_topic(turn) or _books_by_follow_up(turn, question):
        return HANDLERS["booking"](turn)
    more_of_filed = _more_of_ticket_filed(turn, question)
    if more_of_filed is not None:  # "昨天晚上就坏了 在总站" right after the ticket was filed
        return more_of_filed
    questions = split_questions(question)
    if len(questions) > 1:
        return _several(turn, questions)
    if not turn.state.get("flow") and tells_a_situation(question):  # "我儿子今年大学毕业", then "他能住驿站吗"
        turn.state[SITUATION_TOLD] = question
    talked_about, asked_before = turn.state.get("topic", ""), turn.state.get(_ASKED, "")
    try:
        answer, topic, asked = _ask_one(turn, question, talked_about, asked_before)
    except IndexMissing:
        return Reply(messages.INDEX_NOT_READY, intent="policy", found=False)
    turn.state.pop("offer_ticket", None)
    if detail and turn.state.get(LAST_ANSWER) is not None and (not answer.found
                                                                or turn.state[LAST_ANSWER] == _digest(answer.text)):
        # "具体点", "然后呢" finding only the answer just given, or nothing: that is all the documents say on
        # it, and a person may say more (user test 14 got it again word for word, or "not found"). A
        # follow-up asking something of its own ("那能住多久") may well be answered by the same sentence.
        turn.state["offer_ticket"] = turn.state.get(_ASKED) or question
        return Reply(messages.MORE_SAME, actions=[messages.CHIP_TICKET], intent="policy", found=False)
    if (answer.found and turn.state.get(LAST_ANSWER) == _digest(answer.text) and continues_reply(question)
            and not any(term in answer.text for term in content_terms(question))):
        # "那到时候再找谁" right after "人才公寓有多少套" finding that answer again: it answers the topic, not
        # what goes on from it (user test 21 was given the number of flats twice)
        answer = dataclass_replace(answer, found=False, text="", sources=[])
    if answer.found and arrives_late(question) and not _NAMES_HOURS.search(answer.text):
        # "晚上11点才到还能入住吗" found only a sentence on 入住 naming no hour ("每次最多7晚…入住日期"): the hours
        # are not in the documents, and a person is offered (user test 27)
        answer = dataclass_replace(answer, found=False, text="", sources=[])
    _remember_topic(turn, topic, asked)
    remember_sources(turn, answer.sources if answer.found else [])
    if answer.found:
        turn.state[LAST_ANSWER] = _digest(answer.text)
    else:
        turn.state.pop(LAST_ANSWER, None)
    if not answer.found:
        where = where_stations_are(turn, f"{talked_about} {topic}".strip())
        if where is not None:  # "离高铁站远吗" after the station's address: the addresses, for a map
            return where
        ticket = ticket_in_progress(turn)
        if ticket is None and tells_a_situation(question):
            # "我儿子今年大学毕业": what the user is in, told before asking; no question not found, and what
            # may be asked (user test 24 was told "没有找到这个问题的答案" and offered a person). Facts, not a
            # topic: "那驿站能住多久" next is not looked up as about 毕业 研究生 (user test 26 was told who may stay)
            _remember_topic(turn, talked_about, asked_before)
            return Reply(messages.SITUATION_NOTED, actions=HELP_ACTIONS, intent="policy", found=False)
        elsewhere = off_topic(turn, question, answer, topic)
        if not elsewhere:
            turn.engine.records.record_unanswered(question)
        # While a ticket is in progress, what is about nothing the documents cover ("能不能快点啊", "好的
        # 后四位是1234" after staff asked for it) is for the ticket, and so is any statement once staff
        # answered: user test 4 was told "帮不上忙". A new question still gets a ticket of its own. A
        # statement right after one offered to the ticket says more of it ("还有空调也不制热"): offered
        # with it (user test 10 was offered a second ticket).
        more = followup if followup and ticket and followup["number"] == ticket[0] and not QUESTION.search(question) else None
        # A statement right after this conversation filed the ticket ("昨天晚上在溱湖那个驿站 洗澡全是凉水")
        # tells more of it (user test 14 was told "not found" and offered a second ticket); so does a
        # question the documents do not answer that goes on from it while staff have not answered yet
        # ("那要交什么材料呢" right after asking how to apply): for the same person (user test 26 was offered a
        # second ticket). A question of its own ("人社局电话多少") still gets a ticket of its own.
        asks = bool(QUESTION.search(question))
        filed = bool(ticket and turn.state.get(FILED) == ticket[0]
                     and (not asks or ticket[1] != "answered" and goes_on_from_ticket(turn, ticket[0], question)))
        # A question that goes on from what was said ("那几点上班", "还要带什么") once staff answered, the talk
        # moved on since: offered to that ticket, its staff at hand, or as a new one (user test 21 was offered
        # only a new ticket).
        goes_on = bool(ticket and ticket[1] == "answered" and (continues_reply(question) or not subject_terms(question)))
        if ticket and (elsewhere or more or filed or goes_on or (ticket[1] == "answered" and not QUESTION.search(question))):
            number = ticket[0]
            turn.state["offer_followup"] = {"number": number, "text": f"{more['text']} {question}" if more else question}
            turn.state["offer_ticket"] = question  # "转人工": a new ticket with it
            opening = "" if elsewhere or more or (filed and not asks) else sorry(answer)
            return Reply(opening + messages.TICKET_OFFER_FOLLOWUP.format(number=number),
                         actions=[messages.CHIP_YES, messages.CHIP_TICKET], intent="policy", found=False)
        if elsewhere:
            return Reply(messages.OFF_TOPIC, actions=list(messages.OFF_TOPIC_ACTIONS), intent="off_topic", found=False)
        turn.state["offer_ticket"] = question
    return reply_for_answer(answer)


def _more_of_ticket_filed(turn: Turn, question: str) -> Reply | None:
    """A statement after this conversation filed a ticket staff have not answered yet ("昨天晚上就坏了 在总站"
    after "驿站的热水器坏了"): more of it, offered to it, even where a document has a sentence on its words
    (user test 24 was given the station's address). None for a question or any other case."""
    number = turn.state.get(FILED)
    if not number or turn.state.get("flow") or QUESTION.search(question):
        return None
    ticket = ticket_in_progress(turn)
    if ticket is None or ticket[0] != number or ticket[1] == "answered":
        return None
    turn.state["offer_followup"] = {"number": number, "text": question}
    turn.state["offer_ticket"] = question  # "转人工": a new ticket with it
    return Reply(messages.TICKET_OFFER_FOLLOWUP.format(number=number),
                 actions=[messages.CHIP_YES, messages.CHIP_TICKET], intent="policy", found=False)


# A statement of someone's situation: a person first ("我今年刚毕业", "我儿子今年大学毕业"), then no question,
# no request ("我想…", "帮我…" ask for something) and nothing gone wrong ("我没收到短信" is for a person).
_SITUATION = re.compile(r"^(?:我|我们|我家|俺|本人|他|她|孩子|儿子|女儿|闺女)(?:的)?(?:儿子|女儿|孩子|闺女|小孩|朋友|同学)?"
                        r"(?!.*(?:想|要(?!来|去|到|过来|过去)|帮|请|麻烦|希望|打算|需要|能|可以))"  # "我下周要来姜堰面试" tells
                        r"(?!.*(?:没|不|错|坏|问题|丢|失败|漏|故障|投诉|怎么))")


def tells_a_situation(text: str) -> bool:
    """Whether ``text`` only tells whose situation is what ("我儿子今年大学毕业"), asking nothing."""
    return not QUESTION.search(text) and bool(_SITUATION.match(compact(text)))


# Asking for more of what was just answered, naming nothing: "还有别的吗", "其他的呢", "还有没".
_MORE = re.compile(r"^(?=.*(?:还有|别的|其他|其它|其余))(?:那|那么)?(?:还有|还有没有|还有什么)?(?:别的|其他|其它|其余|另外的)?(?:的)?(?:了|吗|呢|没|没有|么|嘛|不)?$")
# Puzzlement sent alone: question marks, an ellipsis or a thinking face, perhaps after an interjection
# ("？？？", "啊？", "。。。", "🤔"); at least one of them.
_PUZZLED = re.compile(r"^(?:啊|嗯|额|呃|蛤|哈|啥|what)?[\s]*(?=.*(?:[?？…]|\.\.\.|。。|🤔))(?:[?？!！…。.\s]|🤔)+$", re.I)
_ONLY_FILLERS = re.compile(r"^(?:那个|这个|就是|然后|额|呃|啊|诶|欸|那|这)+$")
# Asking for more of what was just said, naming nothing: "具体点", "能详细说说吗", "然后呢", "怎么说".
_MORE_DETAIL = re.compile(r"^(?:那|那么|嗯|额|呃)?(?:你)?(?:能|可以|能不能|可不可以|麻烦)?(?:再)?(?:说|讲|介绍|解释)?(?:得|的)?"
                          r"(?:再|更)?(?:具体|详细|仔细|清楚)(?:一)?(?:点|些|一点|一些)?"
                          r"(?:说说|讲讲|说一下|讲一下|说下|讲下|介绍一下|介绍下|解释一下|说|讲)?(?:吗|呢|呗|吧|啊|呀|嘛|不)?$|"
                          r"^(?:那|那么)?(?:然后|接着|后来|再然后|之后)(?:呢|咧|嘞|啊|说|说呢)?$|"
                          r"^(?:继续|继续说|接着说|展开说说|展开讲讲|展开说|展开讲|举个例子|比如呢|比如说呢|怎么说|怎么说呢)(?:呢|吗|啊|呀)?$")
# State: a fingerprint of the last answer found, which a follow-up finding only it again is told of.
LAST_ANSWER = "last_answer"


def _digest(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8"))


def day_asked(turn: Turn) -> str | None:
    """The answer to a question asking what day of the week or what date a day is; None for any
    other message, or one naming no day."""
    from bot.bookings import users_today
    from bot.dates import day_label, weekday_label
    from bot.dialogue.extract import date_in

    if not QUESTION.search(turn.text) or not ASKS_DAY.search(compact(turn.text)):
        return None
    day = date_in(turn.text, users_today(turn.engine.settings))
    if day is None:
        return None
    return messages.DAY_IS.format(day=day_label(day), weekday=weekday_label(day))


def off_topic(turn: Turn, question: str, answer, topic: str) -> bool:
    """Whether an unanswered question is about something else than the service ("明天天气怎么样",
    "能帮我介绍个对象吗"): staff cannot answer it, so a person is not offered (user test 2). It is
    when none of its words, nor of the topic it was asked in (``topic``: the question's subject, or
    the conversation's for a follow-up without one), is one of ``dialogue.domain_words`` (a word
    inside one or one inside it) or a word of the text retrieved for it. A question naming a
    place no document covers is about that place; one naming nothing ("我有个问题") may be about
    anything: neither is off-topic."""
    if answer.found or answer.missing_place or not topic.split() or _SEEKS_STAY.search(question):
        return False  # where to stay is what the service is about, whatever else the question names
    if asks_office_hours(question) or arrives_late(question):  # "你们几点下班", "很晚才到能进吗": the office's
        return False                                              # and stations' hours, which staff answer
    places = gazetteer().by_form  # where, not what: 姜堰 is in every document
    terms = {t for t in content_terms(question) + tuple(topic.split()) if len(t) >= 2 and t not in places}
    retrieved = " ".join(c.chunk.text for c in answer.chunks)
    domain = turn.engine.settings.dialogue.domain_words
    return not any(term in retrieved or any(word in term or term in word for word in domain) for term in terms)


# Asking what there is to do, eat or see ("溱湖有什么好玩的", "姜堰有啥特产", "周末去哪玩"): sightseeing,
# which the office does not answer, whatever place (a station's own) it names (user test 9 was given
# the 溱湖 station's address). "驿站有吃的吗" asks about the stay, not this.
_SIGHTSEEING = re.compile(r"好玩|好吃的|好逛|景点|美食|特产|小吃|(?:哪里|哪儿|哪|什么地方)(?:可以|能|好)?(?:玩|逛|游玩)|"
                          r"(?:玩|逛)(?:什么|啥|哪)")


def asks_sightseeing(text: str) -> bool:
    return bool(QUESTION.search(text) and _SIGHTSEEING.search(compact(text)))


# Asking when the office works ("你们几点下班", "窗口周六上班吗", "办公时间是几点"): the office's own
# hours, which staff can answer though no document states them; not when it names another place
# ("超市几点关门"), which is nothing of the office's.
_OFFICE_HOURS = re.compile(r"(?:几点|什么时候|啥时候|时间|周末|周六|周日|星期[六天日]|礼拜[六天日]|节假日|中午|晚上|午休)"
                           r".{0,4}?(?:上班|下班|开门|关门|办公|营业|午休|休息|有人)|(?:上班|下班|办公|营业|工作)时间|"
                           # handling on a day off ("那周末办不办", "周六能办理吗": user test 21 was told who may stay)
                           r"(?:周末|周六|周日|星期[六天日]|礼拜[六天日]|节假日|中午|晚上|午休).{0,4}?(?:办|受理)")
_THE_OFFICE = re.compile(r"你们|您们|你|您|贵|这边|窗口|办公室|大厅|服务中心|人才办|人社")
_HOURS_WORDS = re.compile(r"上班|下班|开门|关门|办公|营业|午休|休息|时间|有人|周末|节假日|中午|晚上")


def asks_office_hours(text: str) -> bool:
    if not _OFFICE_HOURS.search(compact(text)):
        return False
    # "上班时间" is one word of hours words ("上班时间呢" after the address: user test 14 was told "帮不上忙")
    other = [t for t in own_subject(text) if _HOURS_WORDS.sub("", t) and not _THE_OFFICE.fullmatch(t)]
    return bool(_THE_OFFICE.search(text)) or not other


def _remember_topic(turn: Turn, topic: str, asked: str = "") -> None:
    if topic:
        turn.state["topic"] = topic
    else:
        turn.state.pop("topic", None)
    if topic and asked:
        turn.state[_ASKED] = asked
    else:
        turn.state.pop(_ASKED, None)


def _several(turn: Turn, questions: list[str]) -> Reply:
    """Each question of one message answered in turn, numbered, each with its own source;
    a later one without a subject continues the earlier one's ("驿站免费吗？能住多久")."""
    parts, sources, found, unanswered = [], [], False, []
    topic, asked = turn.state.get("topic", ""), turn.state.get(_ASKED, "")
    talked_about = topic
    for q in questions:
        eligible = eligibility_said(turn, q)  # "能住驿站吗", with the facts the whole message states
        if eligible is not None:
            parts.append(f"{q}\n{eligible.text}")
            topic, asked, found = messages.BOOKING_TOPIC, q, True
            continue
        try:
            answer, topic, asked = _ask_one(turn, q, topic, asked)
        except IndexMissing:
            return Reply(messages.INDEX_NOT_READY, intent="policy", found=False)
        reply = reply_for_answer(answer)
        where = None if answer.found else where_stations_are(turn.saying(q), f"{talked_about} {topic}".strip())
        if where is not None:  # "驿站地址在哪 怎么过去": the addresses, for a map (user test 23: who may stay)
            reply = where
        elif not answer.found:
            turn.engine.records.record_unanswered(q)
            unanswered.append(q)
            reply.text = sorry(answer)
        parts.append(f"{q}\n{reply.render()}")
        sources.extend(answer.sources[:1])
        found = found or answer.found
    _remember_topic(turn, topic, asked)
    remember_sources(turn, sources)
    turn.state.pop(LAST_ANSWER, None)
    text = "\n\n".join(messages.LIST_CHOICE.format(n=n, item=part) for n, part in enumerate(parts, 1))
    if unanswered:  # a person is offered for what was not found, as for one question (user test 7)
        turn.state["offer_ticket"] = " ".join(unanswered)
        text += "\n\n" + messages.OFFER_TICKET_FOR_SOME
    return Reply(text, actions=[messages.CHIP_TICKET], intent="policy", found=found)


def reply_for_answer(answer, offer: bool = True) -> Reply:
    """The reply a user gets for a knowledge answer (also shown by the staff hit test).

    ``offer``: whether "not found" may ask "需要我帮您转给工作人员吗？". Inside a flow it may not: the
    flow's own question follows in the same reply, and a "是" or "好的" would answer either one
    (an eligibility question, the booking summary), so it only says how to reach a person later."""
    if answer.found:
        return Reply(answer.text, sources=answer.sources, actions=[messages.CHIP_TICKET], intent="policy", found=True)
    tail = messages.OFFER_TICKET if offer else messages.TICKET_LATER
    return Reply(f"{sorry(answer)}{tail}", actions=[messages.CHIP_TICKET], intent="policy", found=False)


def sorry(answer) -> str:
    """"Not found", naming the place asked about when no document covers it or its documents are
    silent on the question (the web API says the same)."""
    if answer.missing_place:
        return messages.NOT_FOUND_PLACE.format(place=answer.missing_place)
    if answer.silent_place:
        return messages.NOT_FOUND_PLACE_TOPIC.format(place=answer.silent_place)
    return messages.NOT_FOUND


