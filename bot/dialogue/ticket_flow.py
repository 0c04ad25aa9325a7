"""Talking to a person: open a ticket, check its status.

"转人工" / "我要咨询" (or "好的" after the bot could not answer) opens a ticket
with the recent conversation attached. If there is nothing to pass on yet,
the bot asks for one sentence first (a one-step flow; "取消" leaves it
through the engine's exit intent).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta

from sqlalchemy import select

from bot import messages
from bot.dialogue.booking_flow import bookings_in_passing
from bot.dialogue.engine import (BEFORE_INTENTS, FLOW_CLAIMS, HANDLERS, Reply, Turn, answers_ticket_offer, apologise,
                                 handles, is_acknowledgement)
from bot.dialogue.extract import english_in_chinese, phone_in, without_phones
from bot.dialogue.forms import end_flow_keeping_paused, pause_form, say_paused
from bot.dialogue.intents import QUESTION, compact, read_yes_no
from bot.tickets import (STATUS_LABELS, TicketError, last_staff_reply, list_for_user, open_ticket, user_followup,
                         withdraw, withdrawn)
from bot.models import MessageLog, PendingDelivery, Ticket, utcnow
from knowledge.relevance import subject_terms

FLOW = "ticket"
ASIDES = ("my_bookings",)  # answered in the middle of the flow, which then asks its step again
MIN_TEXT = 2      # "转人工 嗯" is not a question yet: ask for one
SHORT_TEXT = 6    # "转人工 落户": confirmed before it becomes a ticket
SHOWN = 5         # tickets listed by "我的工单"
# Separators left where the keywords were cut out; a "？" or "！" ending the user's words stays.
_EDGES = re.compile(r"^[\s，。,.:：;；!！?？、]+|[\s，,:：;；、]+$")


_TICKET_NUMBER = re.compile(r"T\d{6}", re.I)
_NAMES_A_TICKET = re.compile(r"工单|T\d{6}", re.I)  # "补充工单", "补充 T123456": the ticket, whatever flow is on


# What is left of "我要投诉" or "我想转人工" once the keyword is cut out: wanting, not a description.
# "那个能不能找个真人跟我说一下": asking to talk, about nothing yet (user test 6 filed it as the ticket);
# "那找个人问问吧" (user test 13).
_FILLER = re.compile(r"^(那个|那|就是|我|我们)?(要|想|想要|需要|请|麻烦|帮我|怎么|如何|怎样|能不能|可不可以|能|可以|和我|跟我|和|跟|给|"
                     r"你们|工作人员|客服|说说|说一下|说|聊聊|聊一下|聊|谈谈|沟通一下|沟通|问问|问一下|问下|问|一下)*[吗呢吧啊呀]?$")


def _requests(turn: Turn, intent_name: str) -> list[str]:
    """The intent's keywords (longest first) and patterns, as regular expressions."""
    intent = turn.engine.settings.dialogue.intents.get(intent_name)
    if intent is None:
        return []
    return [re.escape(kw) for kw in sorted(intent.keywords, key=len, reverse=True)] + list(intent.patterns)


def _without_keywords(turn: Turn, intent_name: str = "ticket") -> str:
    """The message minus the intent's keywords: what the user wants to say, if anything."""
    text = english_in_chinese(turn.text)  # "我想找human客服": the English word asks for the person too
    requests = _requests(turn, intent_name)
    if any(re.fullmatch(request, compact(text)) for request in requests):  # "好吧 人工吧": a request, all of it
        return ""
    for request in requests:  # "我要找真人": what asked for the person goes too
        text = re.sub(request, " ", text)
    text = _EDGES.sub("", text).strip()
    return "" if _FILLER.match(compact(text)) else text


# What asks for a request besides its words: "我要", "我想", "我们必须".
_WANTING = r"(?:我|我们)?(?:就|还是|真的|一定)?(?:要|想|想要|需要|得|必须)?"


def _ticket_text(turn: Turn) -> str:
    """What the ticket says: the message as typed, less a request for a person at its start or end
    ("转人工 落户" → 落户). One inside a sentence stays, so the sentence does ("我想找真人问问驿站能不能
    带宠物"; cut out, "我有个问题想找真人问一下" was filed as "我有个问题想 问一下")."""
    text = english_in_chinese(turn.text.strip())
    for request in _requests(turn, FLOW):  # at the end with the wanting that asks it: "…太难用了 我要投诉" (user test 5)
        text = _EDGES.sub("", re.sub(f"^(?:{request})|{_WANTING}(?:{request})$", "", text)).strip()
    return text


def _says_what(described: str) -> bool:
    """Whether a request for a person says what it is about ("转人工 落户"), or only that one is
    wanted ("我有个问题想找真人问一下": then the description is asked for)."""
    return len(described) >= MIN_TEXT and bool(subject_terms(described))


# A ticket asked for as a complaint ("我想投诉一下 上次去驿站前台没人"): something went wrong, which is
# apologised for before the ticket's number (user test 12 got the number alone).
_COMPLAINING = re.compile(r"投诉|举报|差评")


def _open(turn: Turn, text: str, offered: bool = False) -> Reply:
    """``offered``: opened by a yes to the bot's offer. A "好的" there may have been only an
    acknowledgement, so the reply says how to take the ticket back."""
    context = turn.engine.records.recent_conversation(turn.incoming.user_key)  # before this message is logged
    try:
        with turn.engine.sessions() as s:
            number = open_ticket(s, turn.incoming.user_key, text, context).number
    except TicketError as exc:
        return Reply(exc.message, intent="ticket")
    complained = turn.state.get("ticket_complaint") or _COMPLAINING.search(turn.text)
    call_wanted = turn.state.get(CALL_WANTED)
    end_flow_keeping_paused(turn.state)
    turn.state[FILED] = number
    reply = messages.TICKET_OPENED.format(number=number)
    actions = [messages.CHIP_MY_TICKETS]
    if offered:
        reply, actions = reply + messages.TICKET_UNDO_HINT, actions + [messages.CHIP_WITHDRAW_TICKET]
    if call_wanted:  # a call was asked for: the phone number sent next goes to this ticket
        turn.state[CONTACT_FOR] = number
        reply += messages.CONTACT_PHONE_NEXT
    opened = Reply(reply, actions=actions, intent="ticket")
    return say_paused(turn, apologise(opened) if complained else opened)


def _ask(turn: Turn) -> Reply:
    turn.state.pop("offer_ticket", None)
    turn.state["flow"] = FLOW
    if _COMPLAINING.search(turn.text):  # "我要投诉", then what went wrong: apologised for when it is filed
        turn.state["ticket_complaint"] = True
    return say_paused(turn, Reply(messages.TICKET_ASK_TEXT, actions=[messages.CHIP_CANCEL], intent="ticket"))


def _confirm_or_open(turn: Turn, described: str) -> Reply:
    """Open the ticket, or first ask whether a very short text ("落户") is all there is to say:
    staff cannot answer a word, and the user may have sent it by accident."""
    if len(described) >= SHORT_TEXT:
        return _open(turn, described)
    turn.state.pop("offer_ticket", None)
    turn.state.update(flow=FLOW, ticket_draft=described)
    return say_paused(turn, Reply(messages.TICKET_CONFIRM_SHORT.format(text=described),
                             actions=[messages.CHIP_YES, messages.CHIP_CANCEL], intent="ticket"))


def _aside(turn: Turn) -> Reply:
    """"我的预约" / "我预约成功了吗" while the description is asked for: the bookings, then the same
    step again (user test: the question was taken as the end of the ticket flow, which was lost).
    "稍等": not a description; the step is asked again."""
    draft = turn.state.get("ticket_draft", "")
    if draft:
        step, actions = messages.TICKET_CONFIRM_SHORT.format(text=draft), [messages.CHIP_YES, messages.CHIP_CANCEL]
    else:
        step, actions = messages.TICKET_DESCRIBE, [messages.CHIP_CANCEL]
    if turn.classified == "wait":
        return Reply(f"{messages.WAIT_IN_FLOW}\n{step}", actions=actions, intent="ticket")
    text = f"{bookings_in_passing(turn)}\n\n{messages.TICKET_NOT_SUBMITTED}\n{step}"
    return Reply(text, actions=actions, intent="ticket")


DESCRIPTION = 9  # characters: a sentence while the description is asked is the description


def _describes(turn: Turn, intent: str) -> bool:
    """While the description is asked, a sentence is the description whatever words it holds
    ("就是驿站预约的电话一直打不通" started a booking: user test 5); a short request ("预约驿站",
    "我的预约") is still a request, and leaving ("取消", "算了 不投诉了") still leaves."""
    return intent != "exit" and len(compact(turn.text)) >= DESCRIPTION


FLOW_CLAIMS[FLOW] = _describes


@handles(FLOW, asides=ASIDES)
def ticket(turn: Turn) -> Reply:
    # "我的预约一直没有确认" is the description, not a look at the bookings (user test 6)
    if turn.state.get("flow") == FLOW and ((turn.classified in ASIDES and not _describes(turn, turn.classified))
                                           or turn.classified == "wait"):
        return _aside(turn)
    pause_form(turn)  # a booking in progress is kept for after the ticket, and said so
    described = _without_keywords(turn)
    if turn.state.get("flow") == FLOW:  # the description we asked for, or more of it
        draft = turn.state.get("ticket_draft", "")
        # Only a reply that is all answer answers: "是的，还想问落户要什么材料" is more of the description.
        answer, rest = read_yes_no(described) if described else (None, "")
        answer = None if rest else answer
        if draft and answer == "yes":  # "您要反映的问题是“落户”吗？" — "嗯"
            return _open(turn, draft)
        if len(described) < MIN_TEXT or answer is not None:  # "不是": then what is it?
            turn.state.pop("ticket_draft", None)
            return _ask(turn)
        text = _ticket_text(turn)
        return _open(turn, f"{draft} {text}".strip()) if draft else _confirm_or_open(turn, text)
    pending = turn.state.get("offer_ticket")
    if pending and (answers_ticket_offer(turn) == "yes" or not described):
        # what was offered for may say nothing ("那怎么办" offered a person): then it is asked
        return _open(turn, pending, offered=True) if subject_terms(pending) else _ask(turn)
    if _says_what(described):
        return _confirm_or_open(turn, _ticket_text(turn))
    return _ask(turn)


def _shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters, with "…" where it was cut: "能不能通融一下" shown as "能不能通融"
    read as the text staff had been sent (user test 2)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _status_label(s, ticket) -> str:
    """The status as the user knows it: a ticket they took back is 已撤回, not 已关闭 (user test 4)."""
    return messages.TICKET_WITHDRAWN_LABEL if withdrawn(s, ticket) else STATUS_LABELS[ticket.status]


def tickets_listed(turn: Turn) -> str | None:
    """The user's latest tickets with their status and the latest staff reply; None when there are none."""
    lines = []
    with turn.engine.read_sessions() as s:
        for t in list_for_user(s, turn.incoming.user_key)[:SHOWN]:
            lines.append(messages.TICKET_LINE.format(number=t.number, status=_status_label(s, t),
                                                     text=_shortened(t.text, 30)))
            latest = last_staff_reply(s, t)
            if latest is not None:
                lines.append(messages.TICKET_LATEST_REPLY.format(text=_shortened(latest.text, 60)))
    return messages.MY_TICKETS.format(lines="\n".join(lines)) if lines else None


@handles("ticket_status")
def ticket_status(turn: Turn) -> Reply:
    listed = tickets_listed(turn)
    if listed is None:
        return Reply(messages.NO_TICKETS, actions=[messages.CHIP_TICKET], intent="ticket_status")
    waiting = ticket_in_progress(turn)
    if waiting is not None and waiting[1] == "open":  # "大概多久能回复我": it is with staff (user test 7)
        listed += "\n" + messages.TICKET_WAITING_FOR_STAFF
    return Reply(listed, actions=[messages.CHIP_MY_TICKETS], intent="ticket_status")


@handles("ticket_withdraw")
def ticket_withdraw(turn: Turn) -> Reply:
    """"撤回工单 [T123456]": the named ticket of the user's own, or their latest one still open."""
    named = _TICKET_NUMBER.search(turn.text.upper())
    with turn.engine.read_sessions() as s:
        mine = [t.number for t in list_for_user(s, turn.incoming.user_key) if t.status != "closed"]
    number = named.group(0) if named else (mine[0] if mine else None)
    if number is None or number not in mine:
        return Reply(messages.TICKET_WITHDRAW_NONE, actions=[messages.CHIP_MY_TICKETS], intent="ticket_withdraw")
    try:
        with turn.engine.sessions() as s:
            withdraw(s, number, turn.incoming.user_key)
    except TicketError as exc:
        return Reply(exc.message, intent="ticket_withdraw")
    turn.state.pop("offer_ticket", None)
    return Reply(messages.TICKET_WITHDRAWN.format(number=number), intent="ticket_withdraw")


def ticket_in_progress(turn: Turn) -> tuple[str, str] | None:
    """(number, status) of the user's latest ticket not closed (waiting for staff, or answered), if any."""
    with turn.engine.read_sessions() as s:
        return next(((t.number, t.status) for t in list_for_user(s, turn.incoming.user_key) if t.status != "closed"),
                    None)


# State: the ticket this conversation has just filed (its number). What the user says next without
# asking anything ("昨天晚上在溱湖那个驿站 洗澡全是凉水") is more of it, offered to it, not a new question
# (user test 14 was told "not found" and offered a second ticket).
FILED = "filed"
# State: the ticket a phone number sent next is added to, after a call was asked for ("能不能直接打电话
# 给我"); and that a call was asked for before any ticket was opened (the one opened next takes it).
CONTACT_FOR = "contact_for"
CALL_WANTED = "call_wanted"


@handles("contact")
def contact(turn: Turn) -> Reply:
    """"能不能直接打电话给我", "给我个电话吧": the assistant cannot call nor give a number. With a ticket
    waiting, a phone number for it is asked (or taken, when the message holds one); without one, a
    person is offered, with the question left unanswered if there was one (user test 14 was told the
    stay's conditions, and "帮不上忙"). In a flow, the flow says so in passing and asks its step again."""
    flow = turn.state.get("flow")
    if flow in HANDLERS:
        return HANDLERS[flow](turn)
    turn.state.pop(CONTACT_FOR, None)
    waiting = ticket_in_progress(turn)
    phone = phone_in(turn.text)
    if waiting is not None:
        number = waiting[0]
        turn.state.pop("offer_ticket", None)
        if phone:
            return phone_for_ticket(turn, number, phone)
        turn.state[CONTACT_FOR] = number
        return Reply(messages.CONTACT_TICKET.format(number=number), actions=[messages.CHIP_MY_TICKETS],
                     intent="contact")
    turn.state["offer_ticket"] = turn.state.get("offer_ticket") or turn.text
    turn.state[CALL_WANTED] = True
    return Reply(messages.CONTACT_NO_TICKET, actions=[messages.CHIP_TICKET], intent="contact")


def phone_for_ticket(turn: Turn, number: str, phone: str) -> Reply:
    """The user's phone number added to their ticket ``number``, for staff to call back."""
    added = add_to_ticket(turn, number, messages.CONTACT_NOTE.format(phone=phone))
    if added.intent == "ticket_followup" and added.actions:  # added (an error has no chips)
        added.text = messages.CONTACT_PHONE_ADDED.format(phone=phone, number=number)
    return added


def phone_sent_for_ticket(turn: Turn) -> Reply | None:
    """A phone number sent right after it was asked for a ticket (``contact``): added to that ticket;
    a name and phone sent after this conversation filed one ("我叫周周 电话159…"), too. None for any
    other message (the request is then forgotten)."""
    number = turn.state.pop(CONTACT_FOR, None)
    phone = phone_in(turn.text) if number else None
    if turn.state.get("flow"):
        return None
    if phone:
        return phone_for_ticket(turn, number, phone)
    return _contact_for_filed(turn)


# What a message giving only one's contact details holds beside the phone: a label, a name, fillers
# ("我叫周周 电话159…", "我的联系方式是139…", "陈先生 手机139…").
_CONTACT_WORDS = re.compile(r"(?:我的|我|的)?(?:联系方式|联系电话|手机号码|手机号|手机|电话号码|电话|号码|微信)(?:是|为|[:：])?|"
                            r"(?:我叫|我是|叫我|姓名|名字)(?:是|[:：])?[\u4e00-\u9fff]{1,3}|姓[\u4e00-\u9fff]|"
                            r"[\u4e00-\u9fff]{1,3}(?:先生|女士|小姐|同学)|有事|打|联系我|找我|吧|哈|啊|好的|好|嗯")
_CONTACT_REST = 3  # characters left at most: a two- or three-character name typed bare ("周周 159…")


def _contact_for_filed(turn: Turn) -> Reply | None:
    """Contact details sent right after this conversation filed a ticket, and nothing else: added to
    it (user test 17 was asked whether to add "我叫周周 电话159…", and a bare "13912121212")."""
    number = turn.state.get(FILED)
    phone = phone_in(turn.text) if number else None
    if not phone or QUESTION.search(turn.text):
        return None
    rest = compact(_CONTACT_WORDS.sub("", without_phones(turn.text)))
    waiting = ticket_in_progress(turn)
    if len(rest) > _CONTACT_REST or waiting is None or waiting[0] != number:
        return None
    pending = turn.state.pop("offer_followup", None) or {}  # what was offered to it before, said with them
    said = f"{pending['text']} {turn.text}" if pending.get("number") == number else turn.text
    added = add_to_ticket(turn, number, said)
    if added.intent == "ticket_followup" and added.actions:  # added (an error has no chips)
        added.text = messages.CONTACT_DETAILS_ADDED.format(number=number)
    return added


def add_to_ticket(turn: Turn, number: str, text: str, reopen: bool = False) -> Reply:
    """``text`` added to the user's ticket ``number``, which goes back to the staff queue (``reopen``:
    also when staff had closed it)."""
    try:
        with turn.engine.sessions() as s:
            user_followup(s, number, turn.incoming.user_key, text, reopen=reopen)
    except TicketError as exc:
        return Reply(exc.message, intent="ticket_followup")
    sent = messages.TICKET_REOPENED if reopen else messages.TICKET_FOLLOWUP_SENT
    return Reply(sent.format(number=number), actions=[messages.CHIP_MY_TICKETS], intent="ticket_followup")


# ---------------------------------------------------------------- right after staff answered
# What staff last told the user (a reply, or the closing note) is answered like a message in a chat:
# "好的谢谢" is thanked, "那我还需要带什么" / "还是没解决" go to the same ticket (reopened when staff
# had closed it), not offered a new one (user test 20: a follow-up question was offered a second
# ticket, "还是没解决" asked whether to add it). A question of its own that the documents answer is
# answered. The conversation with staff lasts while the user only thanks, acknowledges or adds to it.
REPLY_WINDOW = timedelta(days=3)
REPLY_TURNS = 8  # the user's messages since staff answered, at most, still about it
# What the user says in the conversation with staff without leaving it.
_IN_REPLY_TALK = frozenset({"thanks", "ack", "ticket_followup", "ticket_status", "wait", "greeting"})
# The intents a message right after the staff's answer may be about it under.
_ABOUT_THE_REPLY = frozenset({"policy", "thanks", "complaint", "stuck", "feedback_down"})
# Saying the problem is solved ("问题解决了 谢谢", "明白了", "搞定了"), not that it is not ("还是没解决").
# ("不用了" "不用回复了" "不用麻烦了": nothing more is needed.)
_SOLVED = re.compile(r"(?<![没未不])(?:解决了|搞定了|弄好了|办好了|到账了|收到了|清楚了|明白了|知道了|懂了|没问题了)"
                     r"|不用(?:了|再|麻烦|回复|管|处理)")
# Saying it is not solved, or still goes wrong: apologised for when it goes back to staff.
# (没用 and 不管用 are of no use; 不用 is no need, above.)
_NOT_SOLVED = re.compile(r"(?:没|未|不)(?:解决|搞定|弄好|办好|到账|收到|行|对)|没用|还是(?:不|没)|不管用")
# A message that continues what staff said rather than asking something new: led by 那/还/可是…
# ("那我还需要带什么", "可是我卡号早就登记了"), once the acknowledgement before it is set aside.
_CONTINUES = re.compile(r"^(?:那|那么|还|还是|还有|可是|可|但是|但|不过|所以|然后|如果|要是|这样|那样|就是|意思是|也就是|另外|再)")
_LEADING_ACK = re.compile(r"^(?:好的?|好滴|好嘞|嗯+|哦+|噢|行|收到|明白了?|知道了|了解了?|谢谢|多谢|感谢|ok)+", re.I)


def goes_on_from_ticket(turn: Turn, number: str, question: str) -> bool:
    """Whether a question goes on from ticket ``number`` rather than asking something new: led by
    那/还/可是… ("那要交什么材料呢"), or naming a term of the ticket's own words ("多久能到账" after
    "补贴申请了三个月还没到账"). "人社局电话多少" after it is a question of its own."""
    if continues_reply(question):
        return True
    with turn.engine.read_sessions() as s:
        filed = s.scalar(select(Ticket.text).where(Ticket.number == number)) or ""
    # two characters in a row of what the question names, its asking words set aside ("到账" of "一般多久能
    # 到账"): words cut finer would match anything ("人" of 人社局 in 人才)
    said = [run for run in re.split(r"[^\u4e00-\u9fff]+", QUESTION.sub(" ", question)) if len(run) >= 2]
    return any(run[i:i + 2] in filed for run in said for i in range(len(run) - 1))


def continues_reply(text: str) -> bool:
    """Whether a message goes on from what was said before ("那几点上班", "好的 那还要带什么"), its
    acknowledgement set aside."""
    return bool(_CONTINUES.match(_LEADING_ACK.sub("", compact(text))))


def _replied_marks(number: str) -> tuple[str, str]:
    """How the staff's reply and the closing note on ticket ``number`` begin as the user is sent them."""
    reply = messages.TICKET_REPLY.partition("{text}")[0].format(number=number)
    closed = os.path.commonprefix([messages.TICKET_CLOSED_NOTE.format(number=number),
                                   messages.TICKET_CLOSED_WITH_REASON.format(number=number, reason="")])
    return reply, closed


def replied_just_now(turn: Turn) -> tuple[str, bool] | None:
    """(number, closed) of the user's ticket that staff answered or closed, when this message is the
    user's word on it: they have seen it (nothing waits to be delivered) and said nothing since but
    thanks, acknowledgements and more of it. A message sent before the reply reached them (the reply
    went out with its answer) is not one; neither is anything after ``REPLY_WINDOW``."""
    user_key = turn.incoming.user_key
    now = utcnow()
    with turn.engine.read_sessions() as s:
        told = None  # (when, number, closed) of the latest answer of staff on any of the user's tickets
        for t in list_for_user(s, user_key)[:SHOWN]:
            closed = t.status == "closed"
            if closed and withdrawn(s, t):
                continue
            latest = last_staff_reply(s, t)
            when = latest.created_at if latest is not None else None
            if closed and (when is None or t.updated_at >= when):  # closed after its last reply: the note
                when = t.updated_at
            if when is not None and (told is None or when > told[0]):
                told = (when, t.number, closed)
        if told is None or now - told[0] > REPLY_WINDOW:
            return None
        when, number, closed = told
        if s.scalar(select(PendingDelivery.id).where(PendingDelivery.user_key == user_key,
                                                     PendingDelivery.delivered_at.is_(None)).limit(1)) is not None:
            return None  # not seen yet: it goes out with this message's reply
        rows = s.execute(select(MessageLog.turn_id, MessageLog.direction, MessageLog.intent, MessageLog.text)
                         .where(MessageLog.user_key == user_key, MessageLog.created_at > when)
                         .order_by(MessageLog.id)).all()
    marks = _replied_marks(number)
    delivered_with = {r.turn_id for r in rows if r.direction == "out" and any(m in r.text for m in marks)}
    said = [r for r in rows if r.direction == "in" and r.turn_id not in delivered_with]
    if len(said) >= REPLY_TURNS or any(r.intent not in _IN_REPLY_TALK for r in said):
        return None
    return number, closed


def answered_by_staff(turn: Turn, intent: str) -> Reply | None:
    """The reply to a message right after staff answered (``replied_just_now``); None for any other."""
    if turn.state.get("flow") or intent not in _ABOUT_THE_REPLY:
        return None
    replied = replied_just_now(turn)
    if replied is None:
        return None
    number, closed = replied
    text = compact(turn.text)
    rest = _LEADING_ACK.sub("", text)
    turn.state.pop("offer_followup", None)
    if not _NOT_SOLVED.search(text) and (intent == "thanks" or is_acknowledgement(turn.text) or _SOLVED.search(text)
                                         and not QUESTION.search(rest)):
        turn.state.pop("offer_ticket", None)
        thanks = messages.THANKS_CLOSED if closed else messages.THANKS_AFTER_REPLY.format(number=number)
        return Reply(thanks, intent="thanks")
    if intent == "policy" and QUESTION.search(rest) and not _CONTINUES.match(rest) and subject_terms(rest):
        answer = HANDLERS["policy"](turn)  # a question of its own ("人才公寓有多少套"): answered if it can be
        if answer.found is not False:
            return answer
        turn.state.pop("offer_followup", None)
        if closed and not _NOT_SOLVED.search(text):
            return None  # staff closed it; a new question is no reason to reopen it: asked as any other
    elif closed and intent == "policy" and not _NOT_SOLVED.search(text) and not _CONTINUES.match(rest):
        return None
    turn.state.pop("offer_ticket", None)
    added = add_to_ticket(turn, number, turn.text, reopen=closed)
    if added.actions and (intent in ("complaint", "stuck", "feedback_down") or _NOT_SOLVED.search(text)):
        apologise(added)  # "还是没解决": sorry, and it is with staff again
    return added


BEFORE_INTENTS.append(answered_by_staff)


@handles("ticket_followup")
def ticket_followup(turn: Turn) -> Reply:
    """"补充工单 …": the user answers a staff reply; it goes back to the staff queue
    on the ticket named, or else on the user's latest ticket still in progress. "补充一下 …" that names
    no ticket in the middle of another flow (a booking) adds to what that flow asks."""
    flow = turn.state.get("flow")
    if flow in HANDLERS and flow != FLOW and not _NAMES_A_TICKET.search(turn.text):
        return HANDLERS[flow](turn)
    text = _without_keywords(turn, "ticket_followup")
    named = _TICKET_NUMBER.search(text)
    text = _EDGES.sub("", _TICKET_NUMBER.sub(" ", text)).strip()
    if len(text) < MIN_TEXT:
        return Reply(messages.TICKET_FOLLOWUP_EMPTY, intent="ticket_followup")
    with turn.engine.read_sessions() as s:
        mine = [t.number for t in list_for_user(s, turn.incoming.user_key) if t.status != "closed"]
    number = named.group(0).upper() if named else (mine[0] if mine else None)
    if number is None or number not in mine:  # never someone else's ticket, nor a closed one
        return Reply(messages.TICKET_FOLLOWUP_NONE, actions=[messages.CHIP_TICKET, messages.CHIP_MY_TICKETS],
                     intent="ticket_followup")
    return add_to_ticket(turn, number, text)
