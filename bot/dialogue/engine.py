"""The dialogue engine: one message in, one reply out, whatever the channel.

WeChat and the web chat both build an ``Incoming`` and call
``Dialogue.handle``; the engine knows nothing of XML or JSON. Intents are
dispatched through a registry filled by ``@handles`` (wechatpy's
register-with-a-default pattern); an unknown message type falls to a polite
default, an unknown intent to the policy-question handler.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from sqlalchemy.orm import sessionmaker

from bot import conversation_records as records_module
from bot import messages
from bot.dialogue.extract import english_in_chinese, pinyin_message, sound_alike, stickers_as_signs
from bot.dialogue.intents import QUESTION, IntentClassifier, compact, read_yes_no
from bot.store import Rate, TurnStart
from core.config import Settings
from knowledge.relevance import subject_terms
from knowledge.text import to_simplified

if TYPE_CHECKING:
    from bot.conversation_records import ConversationRecords

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Incoming:
    user_key: str                 # "wx:<openid>" or "web:<visitor id>"
    channel: str                  # "wechat" | "web"
    kind: str = "text"            # text | voice | event | image | location | link | video | …
    text: str = ""
    event: str = ""               # subscribe | unsubscribe | click | …
    event_key: str = ""
    claim_key: str = ""           # a channel that retries (WeChat): handle it once, remember the reply
    # How the channel shows a reply as text (WeChat: within its 2048-byte limit, bot.wechat.fit_text);
    # a retried message gets exactly this text again. None: ``Reply.render()``.
    render: Callable[["Reply"], str] | None = None


@dataclass
class Reply:
    text: str                                       # the body, without the source line
    sources: list[dict] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # quick replies the web page shows as buttons
    intent: str = ""
    found: bool | None = None
    silent: bool = False                            # nothing to send (e.g. unsubscribe)
    duplicate: bool = False                         # a retry of a claimed message: its reply is stored
    turn_id: str = ""                               # the logged turn (message and reply); users rate answers by it

    @property
    def rateable(self) -> bool:
        """An answer to a question, which the user may rate 👍/👎 (bot/convlog.py)."""
        return self.intent == "policy" and bool(self.turn_id) and not self.silent

    @property
    def source_line(self) -> str:
        if not self.sources:
            return ""
        s = self.sources[0]
        return messages.SOURCE_LINE.format(title=s["title"], section=f"·{s['section']}" if s.get("section") else "")

    def render(self) -> str:
        """Plain text for channels without rich display (WeChat)."""
        return f"{self.text}\n{self.source_line}" if self.source_line else self.text



# The state key saying that the user was just told a form cannot be done for them (an eligibility
# "否"): "那怎么办" next is not offered the form again (handlers.stuck). Set by the message that
# refused, seen by the next one only (Turn.refused_before).
JUST_REFUSED = "just_refused"
# The state key saying that the message before gave up a form in its middle ("取消", "不订了"): a change
# of mind in the next one ("哎 不是 我还是要订的", "点错了") brings its values back (forms.abandoned_form).
# Seen by the next message only (Turn.left_before).
JUST_LEFT = "just_left"


@dataclass
class Turn:
    """What a handler gets: the message, the user's state, and the engine's services."""

    engine: "Dialogue"
    incoming: Incoming
    state: dict
    classified: str = "policy"  # what the message would be outside a flow
    # The form whose conditions the user was told, by the message before this one, they do not meet
    # ("那怎么办" then is not offered that form); only the next message sees it.
    refused_before: str | None = None
    # The form the message before this one gave up in its middle (only the next message sees it).
    left_before: str | None = None

    @property
    def text(self) -> str:
        """The message as typed, in Simplified Chinese (繁體 is converted: every rule and document is 简体),
        everyday and regional words read as the standard ones (``dialogue.colloquial``: "驿站咋订")."""
        return colloquial(to_simplified(stickers_as_signs(pinyin_message(self.incoming.text.strip()))),
                          self.engine.settings.dialogue.colloquial)

    def saying(self, text: str) -> "Turn":
        """This turn as if the message were ``text`` (a part of it answered on its own), the same state."""
        return replace(self, incoming=replace(self.incoming, text=text))

    def as_typed(self, part: str) -> str:
        """``part`` of ``text`` in the characters the user typed. A name is a person's own writing:
        陳曉東 is booked as 陳曉東, not as the 陈晓东 that ``text`` reads (user test 3), and a name
        typed in 简体 with a character OpenCC would change stays as it is. ``part`` itself when it
        is not a piece of ``text`` or the conversion changed the message's length."""
        typed, text = self.incoming.text.strip(), self.text
        at = text.find(part) if part else -1
        if at < 0 or len(typed) != len(text):
            return part
        return typed[at:at + len(part)]


Handler = Callable[[Turn], Reply]
HANDLERS: dict[str, Handler] = {}
KIND_HANDLERS: dict[str, Handler] = {}


def _registrar(registry: dict[str, Handler]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator factory that files the decorated handler under each name it is given."""
    def names(*keys: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            for key in keys:
                registry[key] = fn
            return fn
        return register
    return names


handles_kind = _registrar(KIND_HANDLERS)   # @handles_kind("image", …): handlers by message type

# What every flow takes as its own when it comes in its middle: free text (the answer asked for, or
# a question the flow answers before asking again), a greeting, thanks, "稍等", "出处呢".
FLOW_TEXT = frozenset({"policy", "greeting", "thanks", "wait", "source"})
# The informational intents each flow answers in its middle and then asks its pending step again
# ("我的预约" while a booking or a ticket is being filled in), as the flow declares them
# (``@handles(flow, asides=…)``). Any other intent leaves the flow.
FLOW_ASIDES: dict[str, frozenset[str]] = {}
# Messages a flow takes as its own whatever their intent, by the flow's own test (a ticket's
# description naming 驿站预约 is the description, not a booking): flow → test(turn, intent).
FLOW_CLAIMS: dict[str, Callable[["Turn", str], bool]] = {}


# Checks run before a message outside any flow goes to its intent's handler, each given the turn and the
# intent: the first reply one gives is the reply ("好的谢谢" right after staff answered a ticket).
BEFORE_INTENTS: list[Callable[["Turn", str], "Reply | None"]] = []


def handles(*intents: str, asides: tuple[str, ...] = ()) -> Callable[[Handler], Handler]:
    """@handles("booking", …): handlers by intent. ``asides``, for a flow's handler (registered
    under the flow's name): the informational intents it answers without leaving the flow."""
    if asides:
        FLOW_ASIDES.update((intent, frozenset(asides)) for intent in intents)
    return _registrar(HANDLERS)(*intents)

# Classified at start-up so the first user does not wait for the intent examples' embeddings:
# it holds no intent keyword, so the classification goes through the examples.
WARM_UP_QUESTION = "想了解一下相关情况"


class Dialogue:
    def __init__(self, settings: Settings, knowledge, store, records: ConversationRecords,
                 sessions: sessionmaker, read_sessions: sessionmaker, answers):
        """``answers``: bot.faq.StandardAnswers, what questions are answered by (standard answers,
        then ``knowledge``); ``knowledge`` also serves the intent examples' embeddings.
        ``records``: the message log, unanswered questions and pending deliveries
        (bot/conversation_records.py); ``sessions`` are for the flows' own tables."""
        self.settings = settings
        self.knowledge = knowledge
        self.answers = answers
        self.store = store
        self.records = records
        self.sessions = sessions
        self.read_sessions = read_sessions  # for lookups that never write
        embed = None
        if any(i.examples for i in settings.dialogue.intents.values()):
            embed = lambda texts: knowledge.embedder.embed(texts)  # noqa: E731
        self.classifier = IntentClassifier(settings.dialogue, embed)

    def warm_up(self) -> None:
        """Load the knowledge base and embed the intent examples before the first message."""
        self.knowledge.warm_up()
        self.classifier.classify(WARM_UP_QUESTION)

    # ------------------------------------------------------------ entry point
    # One message per user at a time, across all workers: a user who types
    # fast (or a slow answer still running) must not see their state raced.
    # The lock expires on its own if its worker dies mid-message.
    USER_LOCK_WAIT_S = 20.0

    @property
    def user_lock_ttl_s(self) -> float:
        llm = self.settings.knowledge.llm
        return 10.0 + (llm.timeout_s if llm.enabled else 0.0)

    def handle(self, incoming: Incoming) -> Reply:
        """Produce the reply to one message and record both in the message log.

        The common case costs the store two transactions: ``start_turn`` (claim,
        rate count, user lock, state) and ``finish_turn`` (state, log, unlock, reply).
        """
        return self.run(incoming, self.begin(incoming))

    def begin(self, incoming: Incoming) -> TurnStart:
        """The start of a message in the shared store: claim, rate count, user lock, state.

        One quick transaction. A channel with a deadline (WeChat) runs it in the
        request thread, so the message is claimed before the deadline can pass
        and a retry is known as one before anything runs.
        """
        d = self.settings.dialogue
        return self.store.start_turn(incoming.user_key, incoming.claim_key or None,
                                     Rate(d.rate_limit_per_minute, d.rate_burst) if _counted(incoming) else None,
                                     self.user_lock_ttl_s)

    def is_quick(self, incoming: Incoming, start: TurnStart) -> bool:
        """Whether ``run`` can wait on nothing slower than this machine and the shared store.

        Not quick: another message of the user holds the lock (``run`` waits for it), or
        the text may reach a knowledge answer that asks an LLM or a remote Chroma server.
        Booking, ticket and other flows only use the database.
        """
        if not start.first:
            return True
        if start.token is None:  # rate-limited (answered at once) or waiting for the user's lock
            return start.limited
        text = incoming.text.strip()
        return not text or self.knowledge.answers_locally(text)

    def run(self, incoming: Incoming, start: TurnStart) -> Reply:
        """Everything after ``begin``: wait for the user's lock if needed, handle, finish."""
        user = incoming.user_key
        if not start.first:
            return Reply("", intent="duplicate", silent=True, duplicate=True)
        if start.limited:
            return self._remembered(incoming, Reply(messages.RATE_LIMITED, intent="rate_limited"))
        token, state, pending = start.token, start.state, start.pending
        try:
            if token is None:  # another message of this user is being handled: wait for it
                token = self.store.acquire(f"user:{user}", self.user_lock_ttl_s, self.USER_LOCK_WAIT_S)
                if token is None:  # still busy: never run two messages of one user at once
                    return self._remembered(incoming, Reply(messages.PREVIOUS_STILL_RUNNING, intent="user_busy"))
                state, pending = self.store.get_state(user), None  # not looked at yet
            return self._handle_locked(incoming, token, state, pending)
        except BaseException:
            if token:
                self._release_quietly(user, token)
            raise

    def _remembered(self, incoming: Incoming, reply: Reply) -> Reply:
        """A reply given without handling the message: kept for the channel's retries."""
        if incoming.claim_key:
            self.store.remember_reply(incoming.claim_key, _as_text(incoming, reply))
        return reply

    def _handle_locked(self, incoming: Incoming, token: str | None, state: dict, pending: bool | None) -> Reply:
        """``pending``: whether deliveries wait for the user, as the store saw at the start of
        the turn (None: not looked at); they are looked for once per turn."""
        was_empty = not state
        turn = Turn(self, incoming, state, refused_before=state.pop(JUST_REFUSED, None),
                    left_before=state.pop(JUST_LEFT, None))
        handler = KIND_HANDLERS.get(incoming.kind, KIND_HANDLERS["unsupported"])
        reply = handler(turn)
        if pending is not False and not reply.silent:
            waiting = self.records.take_pending(incoming.user_key, known_waiting=bool(pending))
            if waiting:
                reply.text = "\n\n".join(waiting + [reply.text])
        if turn.state.get("flow"):  # a page reloaded mid-flow shows this prompt's chips again
            turn.state["actions"] = reply.actions
        # Most messages are one-off questions: no state before, none after, nothing to save.
        keep = None if was_empty and not turn.state else turn.state
        reply.turn_id = records_module.new_turn_id()
        self.store.finish_turn(
            incoming.user_key, token, keep, self.settings.dialogue.state_ttl_minutes * 60,
            records_module.log_rows(incoming, reply), incoming.claim_key or None,
            _as_text(incoming, reply) if incoming.claim_key else None)
        self.records.prune_quietly()
        return reply

    def _release_quietly(self, user_key: str, token: str) -> None:
        try:
            self.store.release(f"user:{user_key}", token)
        except Exception:  # the store is down: the lock expires on its own
            log.warning("could not release the lock of %s", user_key, exc_info=True)

    def dispatch_text(self, turn: Turn) -> Reply:
        if not turn.text:
            return Reply(messages.EMPTY_TEXT, intent="empty")
        # "预越驿站" from pinyin input is read as 预约驿站 (dialogue.sound_alike) to decide what it wants.
        # English words among Chinese ("我想book一个床位") are read as the Chinese they stand for.
        intent = self.classifier.classify(sound_alike(english_in_chinese(turn.text), self.settings.dialogue.sound_alike))
        turn.classified = intent  # a flow answers a question or greeting in the middle, then asks again
        flow = turn.state.get("flow")
        if flow in HANDLERS and intent == "policy":
            asked = self._gives_up_then_asks(turn)
            if asked is not None:  # "算了先不订了 问下人才公寓能申请吗": leave, then answer (user test 13)
                return asked
        if flow not in HANDLERS:
            for check in BEFORE_INTENTS:
                before = check(turn, intent)
                if before is not None:
                    return before
        if flow in HANDLERS and (intent in FLOW_TEXT or intent in FLOW_ASIDES.get(flow, ())
                                 or (flow in FLOW_CLAIMS and FLOW_CLAIMS[flow](turn, intent))):
            intent = flow  # inside a multi-turn flow, free text and the flow's asides belong to the flow
        reply = HANDLERS.get(intent, HANDLERS["policy"])(turn)
        if turn.classified != "complaint" and self.classifier.says("complaint", turn.text):
            apologise(reply)  # "搞什么啊 订个房这么麻烦": sorry first, then the booking (user test 7)
            if turn.classified in _LOOKUPS and not turn.state.get("flow"):
                offer_person(turn, reply)
        return reply

    def _gives_up_then_asks(self, turn: Turn) -> Reply | None:
        """A message in a flow whose first clause gives it up and whose rest asks something ("算了先不订
        了 问下人才公寓能申请吗"): the flow is left as "算了" leaves it, and the question answered
        after (user test 13 was asked the station again, the question looked up as the booking's)."""
        from bot.dialogue.handlers import _LEAD_IN

        head, rest = _split_first_clause(turn.text)
        if not rest or self.classifier.by_rules(head) != "exit":
            return None
        question = _LEAD_IN.sub("", rest).strip() or rest
        if len(compact(question)) < 4 or not QUESTION.search(question) or self.classifier.by_rules(question):
            return None
        left = HANDLERS["exit"](turn)
        asked = Turn(self, replace(turn.incoming, text=question), turn.state, classified="policy")
        answer = HANDLERS["policy"](asked)
        answer.text = f"{left.text}\n\n{answer.text}"
        answer.actions = list(dict.fromkeys(answer.actions + left.actions))
        return answer

    # ------------------------------------------------------------ helpers
    def answer_question(self, question: str, user_key: str):
        return self.answers.answer(question)

    def current_actions(self, user_key: str) -> list[str] | None:
        """The quick replies of the prompt the user is in the middle of; None outside a flow."""
        state = self.store.get_state(user_key)
        return list(state.get("actions") or []) if state.get("flow") else None


_PAUSE = re.compile(r"[\s，,。；;！!、]+")


def _split_first_clause(text: str) -> tuple[str, str]:
    """The message's first clause and the rest, at its first pause ("" for a message of one clause)."""
    parts = _PAUSE.split(text.strip(), maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, "")


def colloquial(text: str, words: dict[str, str]) -> str:
    """``text`` with each word of ``words`` replaced by the standard one it stands for, longer words
    first ("俺们" before "俺")."""
    for word in sorted(words, key=len, reverse=True):
        if word in text:
            text = text.replace(word, words[word])
    return text


def apologise(reply: Reply) -> Reply:
    """``reply`` led by a short apology, for a complaint said beside a request; once."""
    if not reply.silent and not reply.text.startswith(messages.APOLOGY_WORD):
        reply.text = messages.APOLOGY + reply.text
    return reply


# What only shows the user's own records: a complaint said with it ("…说我的预约没有 白跑一趟 太气人了")
# is about something that went wrong, which the records alone do not put right (user test 11 was told
# "您还没有驿站预约" and nothing else).
_LOOKUPS = frozenset({"my_bookings"})


def offer_person(turn: Turn, reply: Reply) -> Reply:
    """``reply`` with the offer of a person, whose "需要" files the message as a ticket."""
    turn.state["offer_ticket"] = turn.text
    if messages.OFFER_TICKET not in reply.text:  # offered once, by whichever check comes first
        reply.text += "\n" + messages.OFFER_TICKET
    reply.actions = [a for a in reply.actions if a != messages.CHIP_TICKET] + [messages.CHIP_TICKET]
    return reply


def numbered(items: list[str]) -> str:
    """Items as the bot numbers any list ("1. …", messages.LIST_CHOICE), one per line."""
    return "\n".join(messages.LIST_CHOICE.format(n=n, item=item) for n, item in enumerate(items, 1))


def _as_text(incoming: Incoming, reply: Reply) -> str:
    if incoming.render is not None:
        return incoming.render(reply)
    return "" if reply.silent else reply.render()


def _counted(incoming: Incoming) -> bool:
    """Messages the rate limit counts: the ones a person typed or said."""
    return incoming.kind in ("text", "voice") and bool(incoming.text.strip())


# Waiting for what staff will say: "那我等着", "等你们消息", "我等通知".
_WAITING = re.compile(r"(?:那|我|那我|就|先|那就)*等(?:着|着吧|你们?(?:的)?(?:消息|回复|通知|电话|答复)|"
                      r"(?:消息|回复|通知|电话|答复|结果))")


def waits_for_reply(text: str) -> bool:
    """Whether an acknowledgement says the user will wait for an answer ("好的 那我等着")."""
    return bool(_WAITING.search(compact(text)))


# What people send after any answer: an acknowledgement, not a question (and never a ticket).
# Said together ("哦好吧", "ok fine", "嗯嗯好的"): still only that (user test 6 got "帮不上忙").
# Said with the particles of everyday speech ("是滴", "嗯呢", "ok的"), and relief at a thing done ("终于好了":
# user test 14 got a sentence of the documents, and "帮不上忙").
_ACKNOWLEDGEMENT = re.compile(r"^(?:(?:好|好的|好滴|好嘞|好吧|行|可以|嗯|嗯嗯|哦|哦哦|噢|ok|okay|fine|收到|知道了|明白|明白了|懂了|"
                              r"了解|了解了|是|是的|对|对的|确认|没问题|那好吧|那行|这样啊|原来如此|哈{2,}|嘿{2,}|呵{2,}|"
                              r"嘻{2,}|(?:终于)?(?:好了|搞定了?|弄好了|订好了|订上了|约上了|成功了)|终于|"
                              # going to ask or think it over oneself ("好 我帮他问问": user test 14 got a sentence)
                              r"(?:我)?(?:帮他|帮她|替他|替她|回头|再|先|去)?(?:问问|问一下|看看|想想|商量一下|考虑一下)|"
                              # laughing typed in letters or digits, and waiting for an answer ("好的 那我等着",
                              # "等你们消息": user test 17 got a sentence of the documents)
                              r"h{2,}|23{2,}|" + _WAITING.pattern + ")"
                              r"[啊呀哈啦了吧滴呢哒嘛的]?)+$", re.I)


def is_acknowledgement(text: str) -> bool:
    return bool(_ACKNOWLEDGEMENT.match(compact(text)))


# Saying yes to "需要我帮您转给工作人员吗？" by naming what the bot offered ("转吧", "帮我转一下");
# every other yes is the shared reading of a yes-or-no reply (intents.yes_no).
_WANTS_TICKET = re.compile(r"^(是的?|好的?|好吧|嗯|行|可以|那)?(要|需要|要的|需要的)?(帮我|麻烦你?|请)?"
                           r"(转|转人工|转一下|转给工作人员|转过去)?(吧|一下)?$")


def wants_ticket(text: str) -> bool:
    m = _WANTS_TICKET.match(compact(text))
    return bool(m and (m.group(2) or m.group(4)))


def answers_ticket_offer(turn: Turn) -> str | None:
    """The user's reply to the offer of a person standing in their state ("需要我帮您转给工作人员吗？"):
    "yes", "no", or None (no offer, or a reply that is neither: a new question, 收到, 谢谢)."""
    if not turn.state.get("offer_ticket"):
        return None
    if wants_ticket(turn.text):
        return "yes"
    said, rest = read_yes_no(turn.text)
    if said == "yes" and rest and subject_terms(rest):  # "对 今年六月毕业的": a statement, not a yes to it
        return None
    return said
