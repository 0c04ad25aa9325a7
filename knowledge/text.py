"""Chinese tokenisation shared by the keyword index, the answerer and relevance.

jieba's search mode yields both words and their sub-words (人才公寓 → 人才,
公寓, 人才公寓), which lets a query phrased differently from the document
still match. Domain words are added to jieba's dictionary so they are never
cut apart, and colloquial synonyms are mapped to the documents' wording.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import cn2an  # imported with the module: its first import takes 0.3 s, no user question should pay it

_HERE = Path(__file__).resolve().parent
_lock = threading.Lock()
_ready = False

# Words that carry no topic in a chat question about talent policy.
STOPWORDS = frozenset(
    """的 了 吗 呢 啊 吧 呀 么 嘛 哦 哈 是 有 在 和 与 及 或 也 都 就 还 要 想 能 会 可以 可 请问 请 问 一下 下 我 你 您 他 她 它
    我们 你们 他们 这 那 这个 那个 哪 哪个 哪些 哪里 什么 怎么 怎么样 怎样 如何 多少 几 个 吗 为什么 啥 咋 谁 给 对 把 被 让 到 从 向
    上 中 里 去 来 过 着 没 没有 不 很 太 更 最 又 再 还有 以及 关于 一些 一 些 等 等等 之 其 所 为 以 于 而 且 但 并 如果 那么
    知道 告诉 了解 怎么办 办 干嘛 是啥 机会 事 事情 能办 意思 东西 地方 参加 在哪 哪里 哪儿 是干嘛 做什么 干什么 有啥 哪些 哪些地方 哪几个 几个 第几 谁 啥意思 是啥 好多 一下子 搞 拿 问问 一共 总共 具体 现在 目前 今年 情况 相关 方面 有没有 是不是 能不能 可不可以 吗？ 嗯 好 谢谢 the a of
    你好 您好 听说 据说 那边 这边 那里 这里 真的 但是 可是 不过 所以 然后 另外 顺便 其实 比如 大概 好像 感觉 觉得
    还是 或者 而且 就是 只是 的话 来着 呗 哈 啦 麻烦 急 打算 准备着 大多 怎么弄 咋弄 怎么搞 咋搞 咋整 到底 究竟
    这些 那些 这种 那种 这样 那样 这么 这块 那块 咋样 啥样 什么样""".split()
)
# The numbering of Chinese official documents, outermost first, each a pattern for its label:
# 第一编/第一部分, 第一章, 第一节, 第一条, 一、, （一）, 1., （1）. Ingest reads structure from them
# (ingest.structure, ingest.cleaning) and answers read items by them (knowledge.evidence).
CN_NUMERALS = "一二三四五六七八九十百千零〇两"
NUMBERING = {
    "part": rf"第[{CN_NUMERALS}\d]+(?:编|部分)",
    "chapter": rf"第[{CN_NUMERALS}\d]+章",
    "section": rf"第[{CN_NUMERALS}\d]+节",
    "article": rf"第[{CN_NUMERALS}\d]+条",
    "item": rf"[{CN_NUMERALS}]+[、.．]",
    "subitem": rf"[（(][{CN_NUMERALS}]+[）)]",
    "point": r"\d{1,2}[、.．](?!\d)",
    "subpoint": r"[（(]\d{1,2}[）)]",
}

# A sentence ends at 。！？；(or ASCII) plus any closing quotes/brackets after it. The one list
# of end marks: the answer composer and the evidence reader use it too.
SENTENCE_ENDS = "。！？；!?;"
CLOSERS = "”’』」）)"
_SENTENCE = re.compile(rf"[^{SENTENCE_ENDS}\n]*[{SENTENCE_ENDS}]+[{CLOSERS}]*|[^{SENTENCE_ENDS}\n]+")
# A table row as ingest writes it and answers read it: "序号：1；性别：男；…；补缴金额：100710元。", or
# with its first cell bare when the header's corner is empty (a column of row labels): "第一类；性别：男；…。"
# A key or a bare cell holds no comma: "…；逾期的，处罚如下：按日加收…。" is a sentence, not a row.
_ROW_FIELD = r"[^：；。，\n]{1,30}：[^；\n]*"
_ROW_LINE = re.compile(rf"^(?:[^：；。，\n]{{1,30}}；(?:{_ROW_FIELD}；)*|(?:{_ROW_FIELD}；)+){_ROW_FIELD}。$")
_ROW_FIELD_START = re.compile(r"(?:^|；)([^：；。，\n]{1,30}：)")


def is_row(line: str) -> bool:
    """Whether ``line`` is one row of a table (never cut: its cells belong together)."""
    return bool(_ROW_LINE.match(line))


def row_cells(line: str) -> list[str]:
    """A row's cells without their separators: ["第一类", "性别：男", "补缴金额：100710元"]."""
    starts = [m.start(1) for m in _ROW_FIELD_START.finditer(line)]
    if starts and starts[0] > 0:  # the bare first cell
        starts.insert(0, 0)
    return [line[a:b].rstrip("；。") for a, b in zip(starts, starts[1:] + [len(line)])]


_COMPOUND = re.compile(r"\d+(?:\+[0-9a-z]+)+")
_PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)


def _load_lines(name: str) -> list[str]:
    path = _HERE / name
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def synonyms() -> tuple[tuple[str, str], ...]:
    """(colloquial, document wording) pairs from synonyms.txt, longest first."""
    pairs = []
    for line in _load_lines("synonyms.txt"):
        canonical, _, variants = line.partition(":")
        for variant in variants.split(","):
            if variant.strip():
                pairs.append((variant.strip(), canonical.strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _ensure_jieba():
    global _ready
    import jieba

    if not _ready:
        with _lock:
            if not _ready:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                for word in _load_lines("userdict.txt"):
                    jieba.add_word(word, freq=20000)
                _ready = True
    return jieba


@lru_cache(maxsize=1)
def vocabulary_version() -> str:
    """A hash of the domain dictionary, the synonyms and the stopwords (all change how a text is cut
    into keywords): documents are re-indexed when it changes."""
    import hashlib

    data = b"".join((_HERE / name).read_bytes() for name in ("userdict.txt", "synonyms.txt") if (_HERE / name).exists())
    data += " ".join(sorted(STOPWORDS)).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def words(text: str) -> list[str]:
    """jieba's precise cut of ``text`` with the domain dictionary, whitespace dropped."""
    return [w for w in _ensure_jieba().lcut(text, HMM=False) if w.strip()]


def word_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Where each word of ``words(text)`` stands in ``text``, in order, and whether the cut lined up
    with the text throughout (the spans stop at the first word that does not)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for word in words(text):
        found = text.find(word, at)
        if found < 0:
            return spans, False
        spans.append((found, found + len(word)))
        at = found + len(word)
    return spans, True


def word_bounds(term: str) -> frozenset[int]:
    """Where words begin and end inside ``term``, down to its two-character words: 青年人才驿站 is
    青年|人才|驿站 (0, 2, 4, 6), so 青年人 (0–3) is no word of it; 农业户口 is 农业|户口, not 业户.
    jieba's search mode lists the two-character words a long word holds; they are taken from
    the left, never overlapping."""
    bounds = {0, len(term)}
    end = 0
    for w in _ensure_jieba().lcut_for_search(term):
        start = term.find(w, end) if len(w) == 2 else -1
        if start >= 0:
            bounds.update((start, start + 2))
            end = start + 2
    pos = 0
    for w in words(term):
        pos += len(w)
        bounds.add(pos)
    return frozenset(bounds)


def word_tag(word: str) -> str | None:
    """jieba's part of speech for ``word`` ("ns": a place name), None when it does not know the word."""
    _ensure_jieba()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word)


def word_frequency(word: str) -> int:
    """How common ``word`` is in jieba's dictionary (0 when it is not in it)."""
    return _ensure_jieba().dt.FREQ.get(word, 0)


def sound_alike(text: str, words: Sequence[str], exact: bool = False, within_words: bool | None = None) -> str:
    """``text`` with every run of Chinese characters that sounds like one of ``words`` (the same pinyin,
    tones aside, any reading of a character that has several) and is no word itself taken for that
    word: pinyin input offers the common character first, so "溱湖" comes out "秦湖", "预约" "预越",
    "驿站" "驿占". A real word that sounds the same (愉悦 for 预约) stays as it is.

    ``exact``: the tones must agree too, and the run may not cut into a longer word of ``text``.
    For a whole question, where two everyday characters often sound like a word tones aside
    ("人多就不好" is no 多久, "是间单人房吗" no 时间) but rarely with them ("怎么深请" is 申请).
    ``within_words`` (default: as ``exact``): only that the run may not cut into a longer word."""
    cut: list[tuple[int, int]] = []
    if exact if within_words is None else within_words:
        at = 0
        for w in _ensure_jieba().lcut(text, HMM=False):
            cut.append((at, at + len(w)))
            at += len(w)
    starts: dict[str, list[int]] = {}  # where each syllable is read in the text: a word is looked for there only
    for i, ch in enumerate(text):
        for syllable in _char_sounds(ch, exact):
            starts.setdefault(syllable, []).append(i)
    for word in words:
        if len(word) < 2 or word in text:
            continue
        sound, n = word_sound(word, exact), len(word)
        for start in starts.get(sound[0], ()):
            window = text[start:start + n]
            if (len(window) == n and all(syllable in _char_sounds(ch, exact) for syllable, ch in zip(sound, window))
                    and not word_frequency(window)
                    and not any(b - a > 1 and a < start + n and b > start and (a < start or b > start + n)
                                for a, b in cut)):
                text = text[:start] + word + text[start + n:]
    return text


# Characters that mark grammar (aspect, mood, 的/地/得): a pinyin typo never runs across one.
_GRAMMAR = frozenset("的地得了着过吗呢吧啊呀么")


def _past_particles(text: str, respell, particles: frozenset[str] = _GRAMMAR) -> str:
    """``respell(text)`` with ``particles`` masked, so no word read into it spans one; the particles
    kept as typed."""
    masked = "".join("\0" if ch in particles else ch for ch in text)
    heard = respell(masked)
    return "".join(t if h == "\0" else h for t, h in zip(text, heard)) if len(heard) == len(text) else text


# Characters that carry grammar, not a word's sound: "住的" is no 住地, "加分不" no 加分布.
_PARTICLES = _GRAMMAR | frozenset("不也都就还在是有")


def heard_as(question: str, words: Sequence[str]) -> str:
    """``question`` with a run of characters typed by pinyin input for one of ``words`` (the
    documents' words) read as that word: "有没有倒师" → 导师, "公中号" → 公众号. Two characters must
    agree in tones too; three or more rarely sound alike by chance, so tones aside. No run holding
    a particle is read so."""
    words = [w for w in words if not _PARTICLES & set(w)]
    return _past_particles(question, lambda masked: sound_alike(sound_alike(masked, words, exact=True),
                                                                [w for w in words if len(w) >= 3], within_words=True),
                           _PARTICLES)


_LETTER_RUN = re.compile(r"[A-Za-z]+(?:[ \t]+[A-Za-z]+)*")


def typed_as_pinyin(text: str, words: Sequence[str]) -> str:
    """``text`` with each run of letters that is exactly the pinyin of one of ``words``, tones aside, taken
    for that word: what pinyin input sends when Enter is pressed before the characters are picked
    ("mingtian", "ming tian" for 明天). A run of several words is matched whole, then word by word."""
    sounds = {"".join(word_sound(w)): w for w in words}

    def as_word(m: re.Match) -> str:
        run = m.group(0)
        whole = sounds.get(re.sub(r"\s+", "", run.lower()))
        return whole or re.sub(r"[A-Za-z]+", lambda w: sounds.get(w.group(0).lower(), w.group(0)), run)
    return _LETTER_RUN.sub(as_word, text)


@lru_cache(maxsize=256)
def word_sound(word: str, tones: bool = False) -> tuple[str, ...]:
    """A word's pinyin as it is read in that word (溱湖: qin hu; 溱 alone is also zhen); ``tones``:
    with its tones (qin2 hu2)."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(word, style=Style.TONE3 if tones else Style.NORMAL))


@lru_cache(maxsize=8192)
def _char_sounds(ch: str, tones: bool = False) -> frozenset[str]:
    """Every reading of one Chinese character (none for anything else)."""
    if not re.fullmatch(r"[\u3400-\u9fff]", ch):
        return frozenset()
    from pypinyin import Style, pinyin

    return frozenset(pinyin(ch, style=Style.TONE3 if tones else Style.NORMAL, heteronym=True)[0])


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters as Simplified (OpenCC; ~2 µs): 創業有什麼支持 → 创业有什么支持."""
    return _t2s().convert(text) if text else text


# "25年9月以后的标准" "北京23年的社平工资": a year typed with two digits. Not a count of years ("社保交了15年",
# "缴费15年", "15年以上"), which the verb before it or the bound after it says; nor one past next year.
_SHORT_YEAR = re.compile(r"(?<![\d.])([12]\d)年")
_COUNT_AFTER = re.compile(r"以上|以下|以内|内|左右|多|整|半|期|以来|来|前|后|了|工龄|社保")
_DATE_AFTER = re.compile(r"\d{1,2}月|度")
_YEAR_BEFORE_TAGS = frozenset({"ns", "nr", "nt", "nz", "n", "p", "r", "t", "j"})  # 北京25年, 在25年, 我23年
_NOT_YEAR_BEFORE = re.compile(r"[龄限期]$")  # 工龄25年, 年限15年


def _short_year(m: re.Match) -> str:
    """A two-digit year as four, or as typed when it counts years."""
    yy, text = m.group(1), m.string
    after, before = text[m.end():], text[:m.start()]
    if int(yy) > date.today().year % 100 + 1 or _COUNT_AFTER.match(after):
        return m.group(0)
    if _DATE_AFTER.match(after):
        return f"20{yy}年"
    previous = words(before)[-1] if before.strip() and before[-1].isalnum() else ""
    if previous and (_NOT_YEAR_BEFORE.search(previous) or word_tag(previous) not in _YEAR_BEFORE_TAGS):
        return m.group(0)
    return f"20{yy}年"


# The words a question asks with (how long, how much, to apply…): pinyin input mistypes them as
# characters of the same sound that make no word ("怎么深请"), and then nothing reads what is asked.
ASKING_WORDS = ("申请", "多久", "多少", "免费", "费用", "收费", "条件", "材料", "手续", "流程", "办理", "地址", "电话",
                "时间", "预约", "报名", "补贴", "津贴", "空位", "床位", "名额", "要求", "资格", "证件", "证明")


@lru_cache(maxsize=1)
def _question_words() -> tuple[str, ...]:
    """The asking words and the domain dictionary's words (knowledge/userdict.txt): what a typo is read as."""
    return ASKING_WORDS + tuple(w for w in _load_lines("userdict.txt") if w not in ASKING_WORDS)


@lru_cache(maxsize=4096)
def read_question(text: str) -> str:
    """A question as the knowledge base reads it: Traditional characters as Simplified, a year
    typed with two digits as four ("25年9月以后" → "2025年9月以后"), a word mistyped by pinyin input
    as characters of the same sound and tones that make no word read as the asking or domain word it sounds
    like ("人才公寓怎么深请" → 申请), never across a grammatical particle ("被裁了" is no 材料: 了 is also read
    liào). Memoised: the retriever and the answerer each read the question."""
    text = _past_particles(to_simplified(text), lambda masked: sound_alike(masked, _question_words(), exact=True))
    return _SHORT_YEAR.sub(_short_year, text) if "年" in text else text




def fold_width(text: str) -> str:
    """Full-width digits and letters as ASCII ("２０１６年" → "2016年"); punctuation keeps its
    width (NFKC would turn "，" into ","). Ingest stores documents this way, so whatever is
    compared with their text (an eval's expected answer) must be folded alike."""
    return "".join(unicodedata.normalize("NFKC", ch) if ch.isalnum() else ch for ch in text)


# ASCII punctuation that sits next to a Chinese character is meant as the full-width one.
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
CJK = r"\u3400-\u9fff\uf900-\ufaff"  # Chinese characters, as a regex class's range
_ASCII_NEXT_TO_CJK = re.compile(rf"(?<=[{CJK}])([,;:?!])|([,;:?!])(?=[{CJK}])")


def fullwidth_punctuation(text: str) -> str:
    """"产业链出题,青年创客答题" as ingest stores it: "产业链出题，青年创客答题" (an ASCII comma, colon…
    beside a Chinese character is the full-width one, as a writer meant it)."""
    return _ASCII_NEXT_TO_CJK.sub(lambda m: _TO_FULLWIDTH[m.group(1) or m.group(2)], text)


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """'3' / '十二' / '二十一' / '两' → int (0–99); None if not such a number."""
    if text.isdecimal():
        return int(text)
    if not text or any(ch not in _CN_DIGIT and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGIT[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGIT.get(tens, -100) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -100) if ones else 0)
    return value if value > 0 else None


# A Chinese numeral counting something (一年, 两晚, 三十岁), not part of a word (一站式, 统一)
# or an ordinal label (第一条).
_COUNTED = re.compile(r"(?<![第\u4e00-\u9fff])([零〇一二两三四五六七八九十]{1,3})(?=多?个?(?:年|月|天|日|晚|周|岁|分|元|万|人|套|次|项|名|小时|工作日|倍))"
                      # "交了七年", "干了二十多年": a count after what was done
                      r"|(?<=[满近约共每住积加减扣得给发补有至到或和天晚住超过了])([零〇一二两三四五六七八九十]{1,3})(?=多?个?(?:年|月|天|日|晚|周|岁|分|元|万|人|套|次|项|名|小时|工作日|倍))"
                      # An age said as people say it: "我妈四十二了", "我爸五十一啦".
                      r"|([二三四五六七八九]?十[一二三四五六七八九]?)(?=了|啦|多了)"
                      # A count with 十 is no part of a word, whatever comes before: "缴费二十多年", "干了十五年".
                      r"|(?<!第)([一二三四五六七八九]?十[一二三四五六七八九]?)(?=多?个?(?:年|月|天|岁|周岁|小时|工作日))")


# An amount in hundreds, thousands or ten thousands as people say one: "两万九" (29000), "八千五"
# (8500), "一万二千", "三千多": a numeral before 百/千/万 (so 千方百计 and 万一 are none).
# (Digits with 万, "1.2万", are read with their unit where amounts are compared: relevance._value.)
_AMOUNT = re.compile(r"(?<![\d.第])(?:零?[一二两三四五六七八九十]{1,3}[万千百]){1,3}(?:零?[一二三四五六七八九]十?)?")
_AMOUNT_CHARS = re.compile(r"[一二两三四五六七八九十][百千万]")  # a cheap test first: most texts have none


def _amount(m: re.Match) -> str:
    """The spoken amount ``m`` as digits, read by cn2an ("两万九" is 29000, not 20009)."""
    try:
        value = str(int(cn2an.cn2an(m.group(0), "smart")))
    except (ValueError, KeyError, TypeError):
        return m.group(0)
    # "一千五一个月": 1500 and 1个月, two figures, not 15001.
    return value + " " if _CN_DIGIT.get(m.string[m.end():m.end() + 1]) is not None else value


def arabic_numerals(text: str) -> str:
    """Counted Chinese numerals as digits, so "住一年" meets "居住满1年" and "两晚" meets "2晚",
    and spoken amounts ("人均年收入两万九") meet a table's figures (29434元)."""
    def repl(m: re.Match) -> str:
        value = cn_number(m.group(0))
        return str(value) if value is not None else m.group(0)
    return _COUNTED.sub(repl, _AMOUNT.sub(_amount, text) if _AMOUNT_CHARS.search(text) else text)



def normalise_query(text: str) -> str:
    """Append the documents' wording for colloquial terms found in ``text`` (繁體 as 简体 first)."""
    text = arabic_numerals(to_simplified(text))
    extra = [canonical for variant, canonical in synonyms() if variant in text and canonical not in text]
    return text + (" " + " ".join(dict.fromkeys(extra)) if extra else "")


def tokenize(text: str) -> list[str]:
    """Lower-cased search-mode tokens, without punctuation and stopwords."""
    return _tokens(text, lambda lowered: _content(_ensure_jieba().lcut_for_search(lowered)))


def tokenize_many(texts: Sequence[str]) -> list[list[str]]:
    """``[tokenize(t) for t in texts]``, cutting each stretch of words once.

    jieba cuts a text as the runs of words between punctuation and spaces, each
    on its own, so a run that comes again (a document's title and headings
    before every chunk, the sentences two chunks overlap on) gives the same
    words: a build reuses them. In the multi-city eval corpus 44% of the text
    is such repeats (tokenizing its 294 chunks: 0.25 s -> 0.16 s); in the bench's
    synthetic corpus, built from sentence templates, 76% (1,004 chunks: 1.07 s
    -> 0.32 s; bench/README.md, 2026-12-04 evening).
    """
    jieba = _ensure_jieba()
    runs = jieba.re_han_default  # what jieba.cut splits a text on before cutting each run
    seen: dict[str, list[str]] = {}

    def words(lowered: str) -> list[str]:
        out: list[str] = []
        for run in runs.split(lowered):
            if run:
                cut = seen.get(run)
                if cut is None:
                    cut = seen[run] = _content(jieba.lcut_for_search(run))
                out.extend(cut)
        return out

    return [_tokens(t, words) for t in texts]


# A run of Chinese characters, or of letters and digits: what character pairs are taken from.
_PAIR_RUNS = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")


def character_pairs(text: str) -> list[str]:
    """Overlapping pairs of Chinese characters ("假房源" → 假房, 房源), each run of letters or digits
    whole, lower-cased: tokens that do not depend on where jieba cuts a word. A user's wording and a
    document's are often cut apart differently ("随迁" inside "随迁子女", a typo's neighbours); pairs still
    meet. A lone character is its own token."""
    out: list[str] = []
    for run in _PAIR_RUNS.findall(text.lower()):
        if len(run) < 2 or not "\u4e00" <= run[0] <= "\u9fff":
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


def _tokens(text: str, content_words: Callable[[str], list[str]]) -> list[str]:
    lowered = text.lower()
    # Programme names like "1+2+N" must stay one token, or "1+4+N" matches them.
    out = _COMPOUND.findall(lowered)
    pieces = {p for c in out for p in re.split(r"\+", c)}  # "1", "2", "n" of "1+2+n" would match "1+4+n"
    words = content_words(lowered)
    out.extend([t for t in words if t not in pieces] if pieces else words)
    return out


def _content(words: list[str]) -> list[str]:
    """The words that may match: stripped, without punctuation and stopwords.

    Per run of words in ``tokenize_many``, not per text: filtering every token of
    every chunk was 4 of the 14 s a 100k-chunk build spends tokenising.
    """
    out = []
    for tok in words:
        tok = tok.strip()
        if tok and tok not in STOPWORDS and not _PUNCT.match(tok):
            out.append(tok)
    return out


_ASPECT = re.compile(r"(?<=.)[了过着]$")  # aspect particles glued to a verb by jieba
# "几套" "几家" "几项": how-many question words, not topics.
# "多大" cut apart (多, 大) is a how-much question word too. ("多久" stays a term: weighing it
# as nothing lost "驿站能住多久" its "7晚" to a sentence on 毕业5年内, in the conversation suite.)
# What things are counted in (几张床, 多少份): after 几 or 多少 they ask how many, which a list may answer.
MEASURE_WORDS = "个位名家项所件套次场种条张间批户份层"
_HOW_MANY = re.compile(rf"^(?:几[{MEASURE_WORDS}样]?|多|大|多大)$")
# "加多少" "给多少": jieba's word for an act and the question word; the act is the term.
_ASKING_HOW_MUCH = re.compile(r"(?<=.)多少$")
# "要不要交" "能不能办" cut as 要 / 不要, 能 / 不能: the question word, read before cutting, is no term
# (not "不要"); "2013年初三" cut as 年初三: a year is read apart from what follows it.
_SPLIT_FIRST = re.compile(r"(.)[不没]\1|(?<=\d)年")
# "多不多" "行不行" "够不够": a yes-or-no question word (A-not-A), which no text states.
_A_NOT_A = re.compile(r"^(.{1,2})[不没]\1$")
# "这两块" "那几个" "这一项": pointing back at what was just said, never a topic of its own.
_DEICTIC = re.compile(rf"^[这那哪][一二两三四五六七八九十几\d]*[{MEASURE_WORDS}块样些]?$")


@lru_cache(maxsize=4096)
def content_terms(text: str) -> tuple[str, ...]:
    """Distinct longest-match terms of ``text`` (precise mode), for coverage checks.

    Memoised: one question's terms are checked against every candidate chunk and
    sentence (about 25 segmentations of the same text per answer, 1 ms in all).
    """
    jieba = _ensure_jieba()
    seen: dict[str, None] = {}
    text = _SPLIT_FIRST.sub(lambda m: " " if m.group(1) else "年 ", text.lower())
    for tok in jieba.lcut(text, HMM=False):  # no invented words like "事能"
        tok = _ASKING_HOW_MUCH.sub("", _ASPECT.sub("", tok.strip()))  # "建了" asks about what the text calls 新建: 建
        if tok and tok not in STOPWORDS and not _PUNCT.match(tok) and not _HOW_MANY.match(tok) \
                and not _A_NOT_A.match(tok) and not _DEICTIC.match(tok):
            seen[tok] = None
    return tuple(seen)


def split_sentences(text: str) -> list[str]:
    """Sentences of Chinese text, each keeping its end mark and closing quotes."""
    return [s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s]


def parts_of_speech(text: str) -> list[tuple[str, str]]:
    """jieba's cut of ``text`` with each word's part of speech, unknown words guessed by its HMM
    (so a person's name it has never seen is still tagged ``nr``)."""
    _ensure_jieba()
    import jieba.posseg

    return [(p.word, p.flag) for p in jieba.posseg.lcut(text) if p.word.strip()]
