"""Recognise what a message wants, from the keywords and examples in config.

Keywords decide first (cheap, predictable, easy for staff to extend); the
examples catch paraphrases through the embedder the knowledge base already
has loaded. Anything unrecognised is a policy question: that is what most
messages are.
"""

from __future__ import annotations

import re
import threading

import numpy as np

from core.config import DialogueConfig
from knowledge.text import normalise_query

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
# Intents checked before the others when several keywords match ("取消预约" is not "取消"; "你是真人吗"
# asks who answers, not for a person; "好的谢谢，拜拜" takes its leave).
# Ways of leaving a conversation: one may stand beside another ("算了 明天再说": giving up, and putting it off).
_LEAVING = ("exit", "goodbye")
_PRIORITY = ["about_bot", "cancel_booking", "my_bookings", "ticket_withdraw", "ticket_status", "booking", "ticket",
             "complaint", "help", "exit", "goodbye", "greeting", "thanks"]
_WHOLE_MESSAGE_SLACK = 3  # characters beyond the keyword ("你好呀", "谢谢啦")
# What carries no request of its own around a whole-message keyword: interjections, particles and
# the small words people lead with ("额 还是算了吧", "哎呀不想订了 下次吧"). General language, not
# one deployment's: with them and the other whole-message keywords ("不用了谢谢", "好的谢谢 拜拜")
# stripped, nothing may be left.
_FILLERS = ("额", "呃", "嗯", "恩", "哎呀", "哎", "唉", "诶", "欸", "哦", "噢", "喔", "啊", "呀", "哈", "啦", "吧", "了",
            "呢", "嘛", "那就", "那我", "那", "我", "还是", "先", "就", "也", "好的", "好吧", "好", "行", "ok", "这样",
            "非常", "十分", "万分", "特别", "真的", "真是", "真", "太", "你", "您",  # "好的 非常感谢", "谢谢你"
            "明白了", "明白", "知道了", "了解了", "了解", "懂了", "收到",  # "好的明白了 谢谢你"
            "小助手", "助手")  # the assistant called by name: "谢谢你呀小助手" (user test 17)


def compact(text: str) -> str:
    return _PUNCT.sub("", text.lower())


_LATIN_WORD = re.compile(r"^[a-z]+$")


def _a_word(plain: str, keyword: str, text: str = "") -> bool:
    """A one-character keyword counts only as a word of its own: "拜" says goodbye, "一个礼拜" and
    "礼拜五" do not (user test 4: the nights and the day were answered with "再见！"). A keyword in
    Latin letters counts only where no other letter joins it in ``text`` as typed: "shi" is 是
    typed before the pinyin was picked, not "hi" (user test 12 was greeted at a yes-or-no question)."""
    if _LATIN_WORD.match(keyword):
        typed = text.lower()
        if keyword in typed:  # written apart ("what can you do") it is not in the text as one run
            return re.search(rf"(?<![a-z]){keyword}(?![a-z])", typed) is not None
        return True
    if len(keyword) > 1:
        return True
    from knowledge.text import words

    return keyword in words(plain)


def _runs_on(plain: str, keyword: str) -> bool:
    """Whether a word begun inside ``keyword``, in ``plain``, goes on past it: "有没有人才认定" cut as
    有没有 / 人才 / 认定 ends "有没有人" inside 人才. Only a keyword of two or more characters with
    characters after it (a one-character keyword counts only as a word of its own: ``_a_word``)."""
    at = plain.find(keyword)
    end = at + len(keyword)
    if at < 0 or len(keyword) < 2 or end >= len(plain):
        return False
    from knowledge.text import words

    pos = 0
    for w in words(plain):
        if at < pos < end < pos + len(w):  # a word begun inside the keyword ("谢谢你们": 谢谢你 holds it whole)
            return True
        pos += len(w)
    return False


# What negates a request said right after it: "不投诉了", "不用转人工", "别预约了", "不想订驿站了".
_NEGATION_BEFORE = re.compile(r"(?:不|别|不用|不要|不想|不必|无需|没必要)$")


def _said_not_negated(plain: str, starts) -> bool:
    """Whether one of the places a request starts at in ``plain`` is not right after a negation."""
    return any(not _NEGATION_BEFORE.search(plain[max(0, at - 3):at]) for at in starts)


# A message that asks something: answered, never taken as an answer or a slot value ("溱湖离高铁站
# 多远" mid-booking chose 溱湖: user test 20). Besides the question words: a verb or adjective asked both ways ("远不远", "是不是", "去没去"; not "不是不是"),
# and one asked with a bare 不/没 at the end ("驿站管饭不", "订上了没"). "没什么钱", "不怎么样" ask nothing.
# A request for something to be told asks as much: "地址发我一下", "把地址发给我", "介绍一下" (user test 24:
# "地址发我一下" at the station prompt was "没有找到这个驿站").
QUESTION = re.compile(r"[?？]|吗|(?<!没)(?<!没有)什么|(?<!不)怎么|多少|多久|多长|多大|多远|多贵|何时|哪|几|谁|能不能|可不可以|是否|有没有|如何|为什么|啥|呢$|"
                      r"(?<!不)([^\W\d_不没])[不没]\1|(?<=[\u4e00-\u9fff]{2})[不没][啊呀]?$|"
                      r"(?:发|告诉)(?:给)?(?:我|俺)(?:一下|下|看看|看下)?[吧呗哈啊呀哦]*[。.！!~～\s]*$|介绍(?:一下|下)[吧呗哈啊呀哦]*[。.！!~～\s]*$")

# The one reading of a reply to a yes-or-no question the bot asked (cancel this booking? pass this
# to a person? are you 35 or under? is this all you want to report?). Chinese answers yes with
# 嗯, 好的, 对, 行, 可以 as much as with 是; a trailing 啊/呀/的/滴 changes nothing, nor does saying it
# twice ("是的是的", "嗯嗯"). "好吧", "收到", "知道了" are left unread: they acknowledge, and a flow
# that needs an answer asks again.
_YES = (r"是|是的|是啊|对|对的|对啊|没错|嗯|恩|好|好的|好啊|好嘞|行|行的|可以|可以的|要|要的|需要|需要的|"
        r"确定|确认|确认提交|确认预约|确认一下|确定一下|提交|没问题|当然|同意|有|符合|ok|okay|yes|y|confirm|sure|"
        r"中|成|妥|妥了|"  # everyday and regional yeses said alone ("中", "妥了": user test 12)
        r"系|系的|系咯|"  # Cantonese "系" said alone (user test 14 was asked for 是 or 否 three times)
        r"嗯呐|嗯哪|恩呐|恩哪|使得|"  # everyday yeses said alone (user test 15 was asked for 是 or 否)
        r"shi|shide|dui|duide|haode|keyi|"  # pinyin sent before the characters were picked (user test 12)
        # the act asked for, bidden: "没问题 提交吧" (user test 11 was asked to reply 确认)
        r"提交吧|确认吧|确定吧|帮我提交|可以提交|就这样提交")
_NO = r"否|不|不是|不对|没有|没|不符合|不要|不用|不用了|不需要|不必|不必了|不了|别|不行|no|n|nope|bushi|fou|meiyou|buyong"
_PARTICLE = r"[啊呀哈呢的滴哒嘛得地]?"  # 得 and 地 typed for 的 ("是得")
_YES_WORDS = re.compile(rf"^(?:(?:{_YES}){_PARTICLE})+$", re.I)
_NO_WORDS = re.compile(rf"^(?:(?:{_NO}){_PARTICLE})+$", re.I)
# An answer followed by what it is about, as people say it (voice input above all): "是的我刚毕业",
# "对的我来找工作的", "不是 来旅游的". Only the words that answer a question of fact lead, the one
# letters only before a pause ("是，…", "不，…"): "不是来旅游的" may mean either. Words that
# acknowledge ("嗯，我再想想", "好的…") or correct ("不对，住两晚") lead nothing, and "是的，不过…" hedges.
# A filler may come first, as voice input writes it: "嗯是的 我23", "嗯 不是 来旅游的".
_LEAD_FILLER = r"^(?:(?:嗯+|恩+|哦+|额|呃)[\s，,、]*)?"
_LEAD_YES = re.compile(_LEAD_FILLER + r"(?:是的|是啊|是呀|是滴|是哒|对的|对啊|对呀|没错|当然是|确实是|(?:是|对)(?=[\s，,。.！!~～、]))")
_LEAD_NO = re.compile(_LEAD_FILLER + r"(?:不是的|不是啊|不是呀|否|(?:不是|不|没有|没|不符合)(?=[\s，,。.！!~～、]))")
_HEDGE = re.compile(r"^(?:但|但是|不过|可是|然而|就是)")
_PAUSE = re.compile(r"^[\s，,。.！!~～、]+")


# Voice input writes the sounds before an answer ("呃是的", "额 不是").
_FILLERS_FIRST = re.compile(r"^(?:呃|额|嗯|恩|哦|噢|啊|那个)+(?=.)")
# A thumbs-up and the like, sent alone: a yes where a summary waits for 确认 (forms.py), not
# wherever a yes opens something (a ticket offered after a thumbs-up to an answer).
# At least one sign itself: "!" or a lone variation selector says nothing.
YES_SIGNS = re.compile(r"^(?:[\s!！]|[\U0001F3FB-\U0001F3FF\ufe0f\u200d♀♂])*(?:👍|👌|✅|🆗|🙆)"
                       r"(?:[\s!！]|👍|👌|✅|🆗|🙆|[\U0001F3FB-\U0001F3FF\ufe0f\u200d♀♂])*$")


def read_yes_no(text: str) -> tuple[str | None, str]:
    """("yes" / "no" / None, what the message says after the answer: "" when it is all answer).

    "是的我刚毕业" → ("yes", "我刚毕业"); "不是 来旅游的" → ("no", "来旅游的"); a question after the
    answer word, or "但是…", leaves it unread: the reply is more than its first word."""
    plain = compact(text)
    heard = _heard_as_yes(plain)
    for said in dict.fromkeys((plain, _FILLERS_FIRST.sub("", plain), heard)):
        if _YES_WORDS.match(said):
            return "yes", ""
        if _NO_WORDS.match(said):
            return "no", ""
    words = text.strip()
    for answer, lead in (("yes", _LEAD_YES), ("no", _LEAD_NO)):
        m = lead.match(words)
        if not m:
            continue
        rest = _PAUSE.sub("", words[m.end():]).strip()
        if compact(rest) and not QUESTION.search(rest) and not _HEDGE.match(rest):
            return answer, rest
    return None, words


# Yeses pinyin input may give with the wrong characters ("确人", "确仁" for 确认), in a short reply only.
_SOUNDS_LIKE_YES = ["确认", "确定"]


def _heard_as_yes(plain: str) -> str:
    """``plain`` with a run that sounds like one of ``_SOUNDS_LIKE_YES`` (and is no word) read as it."""
    if not 2 <= len(plain) <= 4:
        return plain
    from bot.dialogue.extract import sound_alike

    return sound_alike(plain, _SOUNDS_LIKE_YES)


# A greeting that asks whether the assistant is still there ("还在吗", "人呢", "怎么不回我了"): not a new
# conversation, answered "在的".
_STILL_THERE = re.compile(r"还在|人呢|不回|没回|不说话|不理|不吭声|没反应|没动静|不反应")


def still_there(text: str) -> bool:
    """Whether a greeting asks if the assistant is still there."""
    return bool(_STILL_THERE.search(compact(text)))


def yes_no(text: str) -> str | None:
    """"yes", "no", or None when the reply is neither (the caller asks again or moves on)."""
    return read_yes_no(text)[0]


class IntentClassifier:
    def __init__(self, cfg: DialogueConfig, embed=None):
        self.cfg = cfg
        self._embed = embed  # callable(list[str]) -> normalised vectors, or None
        self._examples: tuple[list[str], np.ndarray] | None = None  # intent names, their example vectors
        self._seen: dict[str, str] = {}
        self._seen_lock = threading.Lock()
        # (intent, compact keywords, whole_message) in priority order, built once:
        # every message is checked against all of them.
        self._keywords = [
            (name, [k for k in map(compact, cfg.intents[name].keywords) if k], cfg.intents[name].whole_message,
             [re.compile(p) for p in cfg.intents[name].patterns])
            for name in sorted(cfg.intents, key=lambda n: _PRIORITY.index(n) if n in _PRIORITY else 99)
        ]
        # What may stand beside a whole-message keyword: fillers and any whole-message keyword.
        around = {compact(w) for w in _FILLERS} | {k for _, keywords, whole, _ in self._keywords if whole
                                                   for k in keywords}
        alternatives = "|".join(re.escape(w) for w in sorted(filter(None, around), key=len, reverse=True))
        self._only_fillers = re.compile(f"^(?:{alternatives})+$")
        # A whole-message intent's own patterns: what they match may stand beside its keyword as much as
        # a keyword may ("算了 明天再说": giving up, and putting it off); another intent's may not
        # ("谢谢 哪个文件说的" asks for the source, beside the thanks).
        own = {name: [re.compile(p) for p in cfg.intents[name].patterns] for name, _, whole, _ in self._keywords if whole}
        leaving = [p for name in _LEAVING if name in own for p in own[name]]
        self._whole_patterns = {name: own[name] + (leaving if name in _LEAVING else []) for name in own}
        # A greeting leading a request ("你好 你都会啥", "在吗 工单号多少"): the request is read without it.
        greetings = [k for name, keywords, whole, _ in self._keywords if name == "greeting" and whole for k in keywords]
        self._greeting_first = (re.compile("^(?:" + "|".join(re.escape(k) for k in sorted(greetings, key=len, reverse=True))
                                           + r")[啊呀哈啦]*") if greetings else None)

    def classify(self, text: str) -> str:
        """The intent of ``text`` (memoised: the keywords and examples are fixed for the
        process, and after a campaign post the same few questions arrive over and over)."""
        intent = self._seen.get(text)
        if intent is None:
            intent = self._classify(text)
            with self._seen_lock:
                self._seen[text] = intent
                if len(self._seen) > self.MEMO_SIZE:
                    del self._seen[next(iter(self._seen))]  # the oldest first
        return intent

    MEMO_SIZE = 4096

    def _classify(self, text: str) -> str:
        if not compact(text):
            return "policy"
        return self.by_rules(text) or self._by_example(text) or "policy"

    def by_rules(self, text: str) -> str | None:
        """The intent the keywords and patterns alone give (no embedding), or None. A request
        negated where it is said is none ("算了不投诉了", "不用转人工了", "我不想预约驿站了"). A
        greeting before a request is no part of it: "你好 你都会啥" asks what the assistant does
        (user test 14 looked it up), as "你都会啥" does."""
        found = self._rules(text)
        if found is None and self._greeting_first is not None:
            m = self._greeting_first.match(compact(text))
            rest = compact(text)[m.end():] if m else ""
            if len(rest) >= 2:
                return self._rules(rest)
        return found

    def _rules(self, text: str) -> str | None:
        plain = compact(text)
        for name, keywords, whole_message, patterns in self._keywords:
            for k in keywords:
                if (k in plain and (not whole_message or self._whole(plain, k, name)) and _a_word(plain, k, text)
                        and _said_not_negated(plain, (m.start() for m in re.finditer(re.escape(k), plain)))):
                    return name
            if any(_said_not_negated(plain, (m.start() for m in p.finditer(plain))) for p in patterns):
                return name
        return None

    def says(self, name: str, text: str) -> bool:
        """Whether ``text`` holds one of intent ``name``'s patterns, whatever else it says and
        whichever intent it is ("搞什么啊 订个房这么麻烦" books, and complains as it does)."""
        plain = compact(text)
        return any(p.search(plain) for intent, _, _, patterns in self._keywords if intent == name for p in patterns)

    def without(self, name: str, text: str) -> str:
        """``text`` (compacted) less what intent ``name``'s patterns match in it: "你烦不烦 明天" less the
        complaint is "明天", which asks nothing."""
        plain = compact(text)
        for intent, _, _, patterns in self._keywords:
            if intent == name:
                for p in patterns:
                    plain = p.sub("", plain)
        return plain

    def stripped(self, name: str, text: str) -> str:
        """``text`` less what intent ``name``'s patterns match in it, as typed (spaces and the rest kept,
        unlike ``without``): "是是是 别问了" less the complaint is "是是是", the answers it gives. ``text``
        itself when nothing matches or nothing would be left."""
        out = text
        for intent, _, _, patterns in self._keywords:
            if intent != name:
                continue
            for p in patterns:
                kept = [(i, ch.lower()) for i, ch in enumerate(out) if not _PUNCT.fullmatch(ch)]
                if any(len(ch) != 1 for _, ch in kept):
                    return text
                plain = "".join(ch for _, ch in kept)
                gone = set()
                for m in p.finditer(plain):
                    if m.end() > m.start():
                        gone.update(range(kept[m.start()][0], kept[m.end() - 1][0] + 1))
                if gone:
                    out = "".join(ch for i, ch in enumerate(out) if i not in gone)
        return out if compact(out) else text

    def _whole(self, plain: str, keyword: str, intent: str) -> bool:
        """Whether ``plain`` is little more than ``keyword``: a few characters ("你好呀"), or only
        fillers and other such keywords beside it ("额 还是算了吧", "不用了谢谢"). The few characters
        may not make a word with the keyword's last one: "有没有人才认定" asks about 人才认定, not "有没有人"
        (user test 13 was told what the assistant is). What another whole message's pattern matches may
        stand beside it too: "算了 明天再说" gives up (user test 16 booked tomorrow)."""
        rest = plain.replace(keyword, "", 1)
        if self._only_fillers.match(rest):
            return True
        if rest and any(p.fullmatch(rest) for p in self._whole_patterns.get(intent, ())):
            return True
        return len(rest) <= _WHOLE_MESSAGE_SLACK and not _runs_on(plain, keyword)

    def _by_example(self, text: str) -> str | None:
        if self._embed is None:
            return None
        if self._examples is None:
            pairs = [(name, ex) for name, it in self.cfg.intents.items() for ex in it.examples]
            vectors = self._embed([ex for _, ex in pairs]) if pairs else np.zeros((0, 1), dtype=np.float32)
            self._examples = ([name for name, _ in pairs], np.asarray(vectors, dtype=np.float32))
        names, vectors = self._examples
        if not names:
            return None
        # The same text the retriever embeds next, so the embedding cache serves both.
        q = self._embed([normalise_query(text)])[0]
        scores = vectors @ q
        best = int(np.argmax(scores))
        return names[best] if float(scores[best]) >= self.cfg.example_similarity else None
