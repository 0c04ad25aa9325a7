"""Which piece of a text answers a question.

The sentences, numbered items and table rows of the best few chunks, each
scored by how well it answers: its words, the kind of fact asked (an amount,
a duration…), the numbers asked, whether it names the question's subject and,
when the answerer has embedded it, its meaning. The answerer picks its answer
with it; the retriever orders those chunks by it, so the chunk ranked first is
the one holding the answer, not only the one with the most words in common.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from knowledge.relevance import (asked_clause, asking_clauses, attribute_fit, counted_fit, coverage, generic_word, is_money,
                                 money_named, numbers_fit, preferred_fit, sentence_terms, subject_share, subject_terms)
from knowledge.snapshot import CARD_HEADING, ChunkRecord
from knowledge.text import (CLOSERS, NUMBERING, SENTENCE_ENDS, arabic_numerals, is_row, row_cells, split_sentences,
                            word_tag, words)

ANSWER_CHUNKS = 3   # an answer is drawn from the best few chunks
_MIN_SENTENCE = 8   # characters; shorter ones are lead-ins like "办好爱才实事。"
# Share of the question's specific terms (its subject: 人才公寓, 租金…) the answer sentence,
# its heading and its document's title must hold at least: below it the sentence is about
# something else (measured on multi_dev, qa.tsv: no answer lost, one wrong answer fewer).
SUBJECT_SHARE = 0.25
_PARALLEL_MAX = 120  # characters: a sentence of parallel "；" items up to this long is answered whole
_STOPS = SENTENCE_ENDS.replace("；", "").replace(";", "")  # full stops: a "；" list stays one sentence here
_FULL_STOP = re.compile(rf"[^{_STOPS}\n]*[{_STOPS}]+[{CLOSERS}]*|[^{_STOPS}\n]+")


def answer_units(text: str) -> list[str]:
    """The pieces an answer is made of: sentences, with their "；" items kept together when short.

    "本科每月800元；硕士每月1200元；博士每月2000元。" answers "硕士补贴多少"
    only whole: cut at "；", the item that names the subsidy (本科…) and the one
    that names the degree (硕士…) compete. A long enumeration is cut at "；".
    """
    out = []
    for sentence in (m.group(0).strip() for m in _FULL_STOP.finditer(text)):
        if not sentence:
            continue
        out.extend([sentence] if len(sentence) <= _PARALLEL_MAX else split_sentences(sentence))
    return out
_END_MARK = re.compile(f"[{SENTENCE_ENDS}]")
_NOT_TEXT = re.compile(r"[\W_]+")


def restates_title(unit: str, title: str) -> bool:
    """A line without a sentence end that only repeats the document's title
    ("——国务院法制办负责人就《…》热点问题答记者问"): a subtitle, never an answer."""
    if _END_MARK.search(unit):
        return False
    # "广州市人民政府关于印发广州市积分制入户管理办法的通知": the notice that issued it, by its name
    issued = _ISSUING.search(unit)
    chars = _NOT_TEXT.sub("", issued.group(1) if issued else unit)
    return bool(chars) and sum(ch in title for ch in chars) / len(chars) >= 0.8


_ISSUING = re.compile(r"关于(?:印发|转发|发布|颁布)(.+?)的(?:通知|决定|公告)$")


_SHORT_FIELD = 60  # characters: a cell longer than this is an explanation, not a value of the row


def row_units(line: str) -> list[tuple[str, str]] | None:
    """A table row's answer pieces as (unit, lead) pairs, or None if ``line`` is no row.

    The row's short cells together are one unit: "三级指标：全日制大专学历；指标分值：70分"
    answers only whole, and cut at the "。" inside a cell the degree and its
    score fall apart. A long cell (an explanation) is answered sentence by
    sentence, each led by the row's short cells so it keeps saying which row it is.
    """
    if not is_row(line):
        return None
    fields = row_cells(line)
    short = "；".join(f for f in fields if len(f) <= _SHORT_FIELD) + "。"
    out = [(short, "")]
    for cell in (f for f in fields if len(f) > _SHORT_FIELD):
        out.extend((sentence, short) for sentence in split_sentences(cell))
    return out


# A numbered item's opening (（二）…, 3.…, 第五条…): what its later sentences are about.
# The kinds of numbering a numbered item opens with: （一）, （1）, 一、, 1. and 第一条.
_LABELS = tuple(NUMBERING[kind] for kind in ("subitem", "subpoint", "item", "point", "article"))
_ITEM = re.compile(rf"^(?:{'|'.join(_LABELS)})")
_INTRO_END = ("：", ":")
_ARTICLE = re.compile(rf"^{NUMBERING['article']}")
_REFERS_BACK = re.compile(r"本条|前款|本款|上述|前述")
# A heading put as a question ("免费住宿能住多久", "如何申请？"): what the section answers, never an answer.
_ASKS = re.compile(r"[？?]|[吗呢]$|多久|多少|怎么|怎样|如何|哪|谁|几|何时|什么|是否|能否|可否|能不能|可不可以|有没有")


@dataclass(frozen=True)
class Candidate:
    """One piece an extractive answer may be: a sentence, a numbered item or a table row."""
    rank: int                    # its chunk's place among the relevant chunks
    position: int                # its place in that chunk: chosen pieces are shown in document order
    text: str
    lead: str = ""               # what it continues, judged with it and shown before it when both fit
                                 # (an item's opening, the line announcing a list, a row's short cells)
    row: tuple[int, int] | None = None  # (chunk rank, line) of the table row it is from

    @property
    def scored(self) -> str:
        """The text it is judged by: with its lead, which says what it is about."""
        return (self.lead + self.text).lower()


def answer_candidates(chunks: Sequence[ChunkRecord]) -> list[Candidate]:
    """Every piece of ``chunks`` that could answer, each with the lead it needs.

    ``lead`` is the opening sentence of the numbered item a sentence continues ("其中，…不得
    超过3年" after "（二）城区人口50万至100万的…") or the line ending in "：" that the numbered
    items below it complete ("享受下列便利：" before "（四）申领机动车驾驶证；").
    """
    out: list[Candidate] = []
    for rank, chunk in enumerate(chunks):
        pos, intro, article = 0, "", ""  # article: the opening sentence of the 第X条 the lines below continue
        # The section's own heading answers what it names ("优堰指的是什么": 做实“优堰”生态保障),
        # which its sentences may never repeat.
        for section in (h.strip() for h in chunk.heading.split(" > ")) if chunk.heading else ():
            if (len(section) >= _MIN_SENTENCE and not _ITEM.match(section) and not restates_title(section, chunk.title)
                    and not _ASKS.search(section) and all(c.text != section for c in out)):
                out.append(Candidate(rank, pos, section))
        lines = chunk.text.split("\n")
        asked = ""  # the "问：…" an explainer's "答：…" below answers
        posed = False  # the line before was a question the document asks itself
        for n, line in enumerate(lines):
            # A question is never an answer; it says what the answer below is about: an explainer's
            # "问：…", or a question the text poses itself ("外地孩子大学毕业后怎样才能在厦门落户生根呢？").
            # So is a numbered item's bare name ("（3）落户地址材料" above "迁入本人…需提供…集体户首页"): it
            # says what the paragraph below is about and answers nothing itself.
            following = lines[n + 1] if n + 1 < len(lines) else ""
            if (_QUESTION_LINE.match(line) or _POSED.search(line) and all(_POSED.search(u) for u in answer_units(line))
                    or _item_name(line, following, lines[n - 1] if n else "")):
                asked, posed = line, not _QUESTION_LINE.match(line)
                continue
            if not _ANSWER_LINE.match(line) and not posed:
                asked = ""
            posed = False
            row = row_units(line) if chunk.heading != CARD_HEADING else None  # the card is one statement
            if row is not None:
                for sentence, lead in row:
                    pos += 1
                    if len(sentence) >= _MIN_SENTENCE:
                        out.append(Candidate(rank, pos, sentence, lead, (rank, n)))
                continue
            # An explainer's short answer is one piece: "答：可以办。" alone is too short to be one.
            units = [line] if asked and len(line) <= _PARALLEL_MAX else answer_units(line)
            item = bool(units) and bool(_ITEM.match(units[0]))
            intro = intro if item else ""
            if units and _ARTICLE.match(units[0]):
                article = units[0]
            for i, sentence in enumerate(units):
                pos += 1
                if len(sentence) >= _MIN_SENTENCE and not restates_title(sentence, chunk.title) and not _POSED.search(sentence):
                    # A later paragraph of an article that refers back to it ("符合本条规定人员迁户时，…")
                    # is about what its opening says ("第十一条 持有深圳市居住证…可办理居住社保迁户").
                    refers = article and article != sentence and _REFERS_BACK.search(sentence)
                    lead = asked or (units[0] if i and item else intro if item else article if refers else "")
                    out.append(Candidate(rank, pos, sentence, lead))
            # A line ending in "：" announces the items below it, unless they are its own siblings: "（二）…
            # 补领居民身份证：" before "（三）…" is an item with a slip of the pen, the list still 第十三条's.
            if units and units[-1].endswith(_INTRO_END) and not (item and _label_kind(following) == _label_kind(units[0])):
                intro = units[-1]
    return out


# "还有啥扶持" "需要哪些材料" "有什么优惠": the items of a list, not one of them.
# ("学历有啥要求" "资产有啥限制" ask what one thing must be: the item on it answers.)
LIST_ASKED = re.compile(r"(?:哪些|有啥|有什么|还有啥|还有什么|都有啥|都有什么|包括啥|包括什么)(?!要求|限制|规定|区别|不同|变化)"
                        r"|(?:啥|什么)(?:政策|扶持|补贴|优惠|待遇|服务|材料|条件|证件|便利|权利|措施|情形)")


def list_items(first: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The numbered items announced by the same line as ``first`` ("创业人员享受以下优惠扶持政策："
    before "（一）税费减免；" … "（七）…"), in document order; [first] when it is no such item."""
    if not first.lead.endswith(_INTRO_END) or first.row is not None or not _ITEM.match(first.text):
        return [first]
    return sorted((c for c in candidates if c.rank == first.rank and c.lead == first.lead and c.row is None
                   and _ITEM.match(c.text)), key=lambda c: c.position)


# An explainer's questions and answers ("问：没有学历能办吗？" then "答：可以办。因为认的是学位！").
_QUESTION_LINE = re.compile(r"^(?:问|提问|Q)\s*[：:]")
_POSED = re.compile(r"[？?][”\"」』）)]*$")  # a sentence that asks
_ANSWER_LINE = re.compile(r"^(?:答|回答|A)\s*[：:]")


_ITEM_NAME_MAX = 20  # characters: a name, not a sentence


def _item_name(line: str, following: str, before: str) -> bool:
    """``line`` only names the numbered item whose text is the paragraph below it: a label and a
    few words, no sentence mark, followed by a line that is no item itself (a list of short
    items, "1.身份证" "2.户口簿", is items, each its own answer), and not the last of a list whose
    items are its siblings ("（三）在本区无自有住房" above "符合上述条件的人员…" is a condition)."""
    kind = _label_kind(line)
    return (kind is not None and _ITEM.match(line) is not None and len(line) <= _ITEM_NAME_MAX
            and not _NAME_MARK.search(line) and bool(following) and _label_kind(following) is None
            and _label_kind(before) != kind and not _SUMS_UP.match(following))


_NAME_MARK = re.compile(r"[。；;！!？?：:，,]")  # a sentence's marks, which an item's name has none of
_SUMS_UP = re.compile(r"(?:符合)?(?:以上|上述|前述)")  # a line about the items above: a list's close


def _label_kind(line: str) -> int | None:
    """Which kind of numbering a line starts with (（一）, 一、, 1. or 第一条), None if none."""
    return next((k for k, pattern in enumerate(_LABEL_KINDS) if pattern.match(line)), None)


_LABEL_KINDS = [re.compile(f"^{label}") for label in _LABELS]


# A table's row of totals answers a question that names none of its rows.
_TOTAL = re.compile(r"^(?:合计|总计|共计|小计|总数|总体|全市|全区|全县|全省|全国)$")
_FIGURE_CELL = re.compile(r"^[\d.,，%％\s]+[^\d\s]{0,3}$")  # "316", "80分", "2000元": a value, not a name
_YEAR_CELL = re.compile(r"^((?:19|20)\d\d)年?(?:度)?$")  # "年份：2025" names its row: "2025年平均工资多少"
# "是否缴纳社保：是", "备注：无": a mark, which names no row (any question holds 是 or 有)
_MARK_CELL = re.compile(r"^(?:是|否|有|无|不是|没有|√|×|✓|✗|/|—+|-+|－+)$")


def _row_names(candidate: Candidate) -> dict[str, str]:
    """A table row's naming cells, column → value ("学历" → "硕士研究生"): those that are no figure,
    mark or total."""
    out = {}
    for cell in row_cells(candidate.lead or candidate.text):
        key, _, value = cell.rpartition("：")
        value = value.strip().lower()
        if key and value and not _FIGURE_CELL.match(value) and not _MARK_CELL.match(value) and not _TOTAL.match(value):
            out[key.strip()] = value
    return out


def _namings(value: str, column: frozenset[str]) -> tuple[str, ...]:
    """What names ``value`` among the other values of its ``column``: itself, its words that not every
    value has (博士 of 博士研究生, 研究生 beside 全日制本科; not 人才 of A类人才 beside B类人才), and
    what sets it apart from an opening or ending all share (D类 of D类人才)."""
    others = column - {value}
    shared = set.intersection(*(set(words(v)) for v in column)) if others else set()
    out = [value] + [w for w in words(value) if len(w) >= 2 and not w.isdigit() and w not in shared]
    if others:
        prefix = len(os.path.commonprefix(sorted(column)))
        suffix = len(os.path.commonprefix([v[::-1] for v in column]))
        core = value[prefix:len(value) - suffix] if prefix + suffix < len(value) else ""
        if core:
            out.append(core + value[len(value) - suffix:][:1] if len(core) == 1 else core)
    return tuple(dict.fromkeys(out))


def _tables(candidates: list[Candidate]) -> list[tuple[dict[str, str], dict[str, frozenset[str]]]]:
    """For each candidate: its row's naming cells (column → value; {} for no row) and the values each
    of those columns takes in its table (the rows of its chunk with the same columns)."""
    names = [(_row_names(c) if c.row is not None and not c.lead else {}) for c in candidates]
    columns: dict[tuple, dict[str, set[str]]] = {}
    for c, row in zip(candidates, names):
        if row:
            table = columns.setdefault((c.rank, tuple(sorted(row))), {})
            for key, value in row.items():
                table.setdefault(key, set()).add(value)
    return [(row, {k: frozenset(v) for k, v in columns[(c.rank, tuple(sorted(row)))].items()} if row else {})
            for c, row in zip(candidates, names)]


def _named(value: str, column: frozenset[str], asked: str) -> bool:
    """Whether the question names ``value``, not its negation: "非全日制大专" names no 全日制 row."""
    return any(n in asked and (f"非{n}" not in asked or f"非{n}" in value) for n in _namings(value, column))


def rows_of_others(question: str, candidates: list[Candidate], tables: list | None = None) -> list[bool]:
    """For each candidate, whether it is a table row of something the question names otherwise: the
    question names a value of one of the row's columns ("本科生购房补贴多少": 学历 本科) that another
    row of the same table holds, and not this row's (博士研究生's row). Such a row answers for
    someone else: stating its figure would be a confident wrong answer."""
    asked = question.lower()
    return [bool(row) and any(not _named(own, table[key], asked)
                              and any(_named(v, table[key], asked) for v in table[key] if v != own)
                              for key, own in row.items())
            for row, table in (tables or _tables(candidates))]


def sibling_rows(question: str, best: int, candidates: list[Candidate], score: np.ndarray,
                 tables: list[tuple[dict[str, str], dict[str, frozenset[str]]]]) -> list[Candidate]:
    """The rows of the table of ``candidates[best]`` that answer as well as it for what the question
    names: "租房补贴多少" names no 学历, so each degree's row is an answer (博士 1500元, 硕士 1000元, 本科
    600元), not one of them picked as if it were the question's; "博士和硕士租房补贴分别多少" names two.
    [that candidate] when it is no row or the only one that fits. ``tables``: ``ScoredCandidates.tables``."""
    asked = question.lower()
    first = candidates[best]
    own, table = tables[best]
    if not own:
        return [first]

    def fits(row: dict[str, str]) -> bool:  # each column: the row's value named, or none of the column's
        return all(_named(row[k], table[k], asked) or not any(_named(v, table[k], asked) for v in table[k])
                   for k in table)

    same = [c for c, s, (row, t) in zip(candidates, score, tables)
            if row and t == table and c.rank == first.rank and np.isfinite(s) and fits(row)]
    return sorted(same, key=lambda c: c.position) if first in same else [first]


def row_named(question: str, candidate: Candidate, table: dict[str, frozenset[str]] | None = None) -> int:
    """1 if ``candidate`` is a table row the question names ("谢岗镇小学一年级有多少学位" of "镇（街）：
    谢岗；小学一年级总学位数：316": the question asks that row), -1 if a row named by what the
    question does not name (it does not answer "东莞小学一年级给新莞人子女多少学位": the total row
    or the sentence stating it does), 0 for anything else, a total row included."""
    if candidate.row is None:
        return 0
    values = (cell.rpartition("：")[2].strip().lower() for cell in row_cells(candidate.lead or candidate.text))
    keys = [f"{year.group(1)}年" if (year := _YEAR_CELL.match(value)) else value for value in values
            if value and (_YEAR_CELL.match(value) or not _FIGURE_CELL.match(value) and not _MARK_CELL.match(value))]
    if not keys or any(_TOTAL.match(k) for k in keys):
        return 0
    # The first such cell is the row's name (病种：糖尿病, 镇（街）：南城, 年份：2025); a later one is a
    # value ("年度最高支付限额：与住院共用封顶线" names no row of "每年封顶多少钱").
    # ``table``: the values of each of the row's columns in its table, which tell what names it (D类 of
    # D类人才 beside A类人才).
    name, asked = keys[0], question.lower()
    column = next((values for values in (table or {}).values() if name in values), frozenset())
    return 1 if name in asked or any(len(w) >= 2 and not w.isdigit() and w in asked for w in words(name)) \
        or (column and _named(name, column, asked)) else -1


# "有没有生活补贴" "有无补偿" "是否有购房补贴": the thing whose existence is asked about.
_EXISTS = re.compile(r"(?:有没有|有无|是否有|有木有)([^，。？?！!吗呢\s]{2,10})")
# "有什么补贴" "有哪些优惠政策": which of a kind of thing there are. Only a thing (a noun) counts:
# "有啥限制" "有什么变化" "有什么区别" ask about a relation or a state, which a text may state
# without the word.
# "驿站管早饭吗" "要交押金吗" "能带宠物吗" ask the same of what is provided, paid or brought.
_WHICH = re.compile(r"(?:有什么|有哪些|有啥)([^，。？?！!吗呢\s]{2,10})"
                    r"|(?:有|管|包(?![括含])|提供|配|交|带|收|(?<![要得])领|拿(?![来去])|发)([^，。？?！!吗呢\s]{2,8}|[^，。？?！!吗呢\s]{2,12}的[^，。？?！!吗呢\s的]{2,6})(?:吗|不|没有?)[？?！!]*$"
                    # "包吃吗" "管饭不" "包住吗": whether meals or a bed come with it (user test 5).
                    r"|(?:管|包)([\u4e00-\u9fff])(?:吗|不|没有?)[？?！!]*$")
# "要押金吗", "是单人间吗": whether one thing (one noun, nothing more: "要先退承包地吗" asks an act) is
# required or is what the subject is (user test 4: both were answered with who may stay).
_ONE_THING = re.compile(r"(?:(?<![只还也])需要|(?<![需只还也])要|(?<![还就也都])是)([^，。？?！!吗呢\s]{2,5})(?:吗|不)[？?！!]*$")
# ("有啥办法" "有什么途径" ask what can be done, which a text states without the word.)
_RELATIONS = frozenset("区别 差别 不同 关系 联系 好处 坏处 用处 意义 作用 影响 后果 结果 变化 限制 要求 规定 办法 法子 途径 出路".split())
_THING_SHARE = 0.75  # of its words a text must name (a typo, 见习计画, still passes)


# "人才公寓可以养猫吗" "驿站能不能带宠物": whether one may do something, a yes-or-no question.
_MAY = re.compile(r"(?:可以|能否|允许|准许|(?<![不才就还也])能)([^，。？?！!吗呢么啊呀\s]{2,8}?)(?:吗|么|不|没有?)[啊呀？?！!]*$"
                  r"|(?:能不能|可不可以|让不让|准不准)([^，。？?！!吗呢么啊呀\s]{2,8})[啊呀呢？?！!]*$")


def asked_permission(question: str) -> tuple[str, ...]:
    """The nouns of what a yes-or-no question asks whether one may do ("驿站能不能带宠物" → 宠物,
    "人才公寓可以养狗吗" → 狗); () if it asks no such thing. A text about the 驿站 that names none
    of them does not answer it."""
    m = _MAY.search(question)
    if m is None:
        return ()
    # Its nouns (宠物, 狗), not a generic one (政策): a verb is said in other words by the rule ("拿去卖"
    # is 上市交易, "单独谈" 一事一议, "驿站能帮忙吗" 提供…城市融入…服务; requiring verbs too lost four
    # answers on the dev sets for one no_answer).
    # (A one-character noun only after a one-character verb, 养狗: jieba tags 问 in 问政策 and 卡 in
    # 卡身高 as nouns.)
    cut = words(m.group(1) or m.group(2))
    return tuple(w for i, w in enumerate(cut)
                 if (word_tag(w) or "").startswith("n") and not is_money(w) and not generic_word(w)
                 and (len(w) >= 2 or i and len(cut[i - 1]) == 1 and (word_tag(cut[i - 1]) or "").startswith("v")))


def asked_thing(question: str) -> str:
    """What a question asks the existence of: "福州有没有生活补贴" → 生活补贴; for a described
    thing, the noun after the last 的 ("有没有给年轻人住的公寓" → 公寓). "" if it asks none.

    A text about 租赁补贴 does not say whether there is a 购房补贴, nor one about 生活便利
    whether there is a 生活补贴: measured on multi_dev, no_answer 0.829 → 0.902, no answer lost.
    "应届生有什么补贴" likewise is not answered by who may stay at the 驿站.
    """
    m = _EXISTS.search(question)
    if m is not None:
        described = m.group(1).rsplit("的", 1)[-1]
        # "有没有照顾" "有没有帮助": whether something is done, which a text states without the verb
        # ("有没有补助": money, a thing however it is tagged)
        return (_noun_phrase(described) or _doing(described)
                or ("" if word_tag(described) == "v" and not is_money(described) else described))
    m = _WHICH.search(question)
    if m is None:
        m = _ONE_THING.search(question)
        one = words(m.group(1)) if m is not None else []
        return one[0] if len(one) == 1 and word_tag(one[0]) in ("n", "nz") and one[0] not in _RELATIONS else ""
    if m.group(3):
        return m.group(3)  # one character, a verb or a noun: 吃 is asked as 饭 is
    thing = (m.group(1) or m.group(2)).rsplit("的", 1)[-1]
    if thing.startswith(("啥", "什么", "哪", "多少", "几")):
        return ""  # "要带啥证件吗" asks which: 身份证 answers it; "能领多少钱吗" how much
    head = words(thing)[-1] if thing else ""
    return _noun_phrase(thing) if head and word_tag(head) in _NOUNS and head not in _RELATIONS else ""


# The occasions a card or certificate is issued on, each its own rule: the first time, again after a
# loss, in exchange for an old one ("首次申领免收工本费；换领、补领应当缴纳").
_ISSUES = (("首次", "初次", "第一次"), ("补领", "补办", "补发", "遗失", "丢失", "丢了", "弄丢"), ("换领", "换发", "换证"))


_CARD = re.compile(r"证|卡|照")


def issue_asked(question: str) -> int | None:
    """Which occasion of issue a question about a card or certificate asks about (an index into
    _ISSUES), None if none or several ("钱包丢了能住驿站吗" is about no card)."""
    if not _CARD.search(question):
        return None
    asked = [i for i, words in enumerate(_ISSUES) if any(w in question for w in words)]
    return asked[0] if len(asked) == 1 else None


def other_issue(asked: int, text: str) -> bool:
    """Whether ``text`` speaks of another occasion of issue and not of the one asked."""
    return (not any(w in text for w in _ISSUES[asked])
            and any(w in text for i, words in enumerate(_ISSUES) if i != asked for w in words))


# "人才公寓和青年驿站有啥区别" "居住证跟暂住证一样吗": two things compared.
# (同 joins two things only where no 和/跟/与 does: "同城和异地" is 同城 and 异地, not 城 and 异地.)
_COMPARED = tuple(re.compile(rf"([^，,。？?！!\s]{{2,12}}?)(?:{joins})([^，,。？?！!\s]{{2,12}}?)(?:之间)?(?:到底|究竟)?(?:有|的)?"
                             r"(?:啥|什么|哪些)?(?:区别|不同|差别|差异|不一样|一样吗|一样不)") for joins in ("和|跟|与", "同"))


def asked_pair(question: str) -> tuple[str, str] | None:
    """The two things a question compares ("人才公寓和青年驿站到底有啥区别" → 人才公寓, 驿站), each
    as its noun phrase; None if it compares none. A text naming only one of them says nothing
    of how they differ."""
    m = next((m for m in (p.search(question) for p in _COMPARED) if m), None)
    if m is None:
        return None
    a, b = _noun_phrase(m.group(1)), _noun_phrase(m.group(2))
    return (a, b) if a and b else None


# "驿站住满了怎么办" "档案丢了咋办": what to do when something has happened.
# The question ends there: "怎么弄房源" asks how to get a thing, "怎么办理" how to apply.
_SITUATION = re.compile(r"([^，,。？?！!\s]{2,16}?)了?(?:该|应该|要|得)?(?:怎么办|咋办|怎么处理|如何处理|怎么弄)"
                        r"(?=$|[，,。？?！!\s]|[吗呢啊呀哦嘛啦])")


def asked_situation(question: str) -> str:
    """The word naming what happened in a question asking what to do about it, the last of its
    subject ("驿站住满了怎么办" → 住满, "毕业档案丢了咋办" → 档案); "" if it asks no such thing. A text
    about the 驿站 that never says it can be full does not answer it."""
    m = _SITUATION.search(question)
    terms = subject_terms(m.group(1)) if m is not None else ()
    return terms[-1] if terms else ""


# Nouns and names, abbreviations (j), set phrases (l); None: a word jieba has no part of speech for,
# as the domain words of knowledge/userdict.txt (人才公寓, 青年人才驿站), all of them things.
_NOUNS = frozenset({"n", "nz", "vn", "nt", "ns", "nr", "j", "l", "an", None})


def _doing(phrase: str) -> str:
    """The thing a phrase names before what it would do: "担保基金兜底" → 担保基金 ("有没有担保基金兜底"
    asks whether there is such a fund); "" when no noun phrase of two characters or more comes first."""
    cut = words(phrase)
    for end in range(len(cut) - 1, 0, -1):
        thing = _noun_phrase("".join(cut[:end]))
        if len(thing) >= 2:
            return thing
    return ""


def _noun_phrase(phrase: str) -> str:
    """The noun phrase a phrase ends with: its last nouns and the words of two characters or more
    before them that qualify them (见习项目, 创业补贴), without what comes before ("这种见习项目"
    → 见习项目, "专门搭平台" → 平台: 搭 is the act, not the kind of platform); "" when it ends
    with no noun."""
    kept: list[str] = []
    cut = words(phrase)
    while cut and (word_tag(cut[-1]) or "").startswith(("y", "u", "e")):
        cut.pop()  # "公寓呀": the particle after it
    for word in reversed(cut):
        tag = word_tag(word)
        if tag in _NOUNS or (kept and len(word) >= 2 and tag in ("v", "vn", "b")):
            kept.insert(0, word)
        else:
            break
    return "".join(kept) if kept and word_tag(kept[-1]) in _NOUNS else ""


def section_headings(chunk: ChunkRecord) -> str:
    """A chunk's heading path without the document's own title: "驿站预约须知 > 入住条件" says its
    section is about 入住条件; the title is over every section and says nothing of this one."""
    return " ".join(h for h in chunk.heading.split(" > ") if h.strip() != chunk.title)


# The opening of an official text: why it was made and what it rests on ("第一条 为了…，根据《…》，
# 结合本市实际，制定本条例。", "为完善…，根据《…》…，现就有关事项通知如下："): it names every topic
# of the text and answers none of them.
_PREAMBLE = re.compile(r"^(?:第[一二三四五六七八九十百\d]+条\s*)?为(?:了)?[^。；]{2,160}?[，,][^。；]*?"
                       r"(?:制定本(?:条例|办法|规定|细则|意见|方案|决定|通知)|特制定本[^。；]{0,6}"
                       r"|(?:通知|通告|公告|规定|意见|提出|现就|现将)[^。；]{0,20}如下)[。：:]?$"
                       # "为保障…，根据《…规定》，结合本市实际，经…批准，调整…标准。": purpose, basis and what is done
                       r"|^为(?:了)?[^。；，,]{2,40}[，,](?:根据|依据)《[^。；]*》[^。；]*?(?:经[^。；]{2,20}(?:批准|同意|研究)|结合[^。；]{2,12}实际)[^。；]*[。]?$")
# "本省行政区域内…社会保险费的征收、缴纳，适用本条例。": the scope of a document, no rule of it.
_SCOPE = re.compile(r"(?:适用|参照)本(?:条例|办法|规定|细则|意见|方案|通知)[。；]?$|^(?:第[一二三四五六七八九十百\d]+条\s*)?本(?:条例|办法|规定|细则)适用于")
_SCOPE_ASKED = re.compile(r"适用|范围|管不管|管得着|包不包括|包括哪些|算不算|属不属于|针对哪些|对象")
_WHY = re.compile(r"为什么|为啥|为何|干嘛要|目的|宗旨|依据|根据什么|根据哪|上位法|出台背景")


@dataclass(frozen=True)
class ScoredCandidates:
    score: np.ndarray    # how well each candidate answers; -inf where it cannot (see score_candidates)
    lexical: np.ndarray  # share of the question's terms the sentence itself holds (not its title)
    tables: list         # each candidate's table row and its table's columns (``_tables``), read once

    def best_per_chunk(self, candidates: list[Candidate], chunks: int) -> list[float | None]:
        """The score of each chunk's best candidate (None: nothing in it answers)."""
        best: list[float | None] = [None] * chunks
        for c, s in zip(candidates, self.score):
            if np.isfinite(s) and (best[c.rank] is None or s > best[c.rank]):
                best[c.rank] = float(s)
        return best


def score_candidates(question: str, candidates: list[Candidate], chunks: Sequence[ChunkRecord],
                     local: Sequence[float], place_weight: float, semantic: np.ndarray | None = None,
                     rank_weight: float = 0.10, in_document: bool = True) -> ScoredCandidates:
    """How well each candidate answers ``question``: its words, its meaning (``semantic``: its
    cosine with the question, when embedded), the kind of fact and the numbers asked, its
    chunk's rank (``rank_weight``: 0 when it is the chunks being ordered) and whether that chunk
    is about the place asked (``local``: 1 for the place itself, less for a province holding it,
    0 for a national text).

    ``in_document``: each sentence is read with its document's title, as a reader reads it: in
    a guide titled 引进人才居住证 the line listing who qualifies answers "北仑引进人才居住证对技能等级
    有啥要求", not the line that repeats the title's name among the forms to bring (multi_dev
    answers +12, −1). The chunks being ordered pass False: the title already weighed in their
    relevance, and counting it twice moved right chunks down.

    A candidate cannot answer (-inf) when it lacks the kind of fact asked ("人才公寓租金多少"
    is not answered by "新建人才公寓424套", however close its words) or, with its title and
    heading, does not name the question's subject ("落户需要什么材料" is not answered by the
    materials of something else).
    """
    # The question as asked, not expanded with its synonyms' document wording: each of its words
    # already counts that wording (relevance._variants), and "驿站" expanded with "青年人才驿站"
    # would be two words, the second met only by sentences that spell it out.
    asked = arabic_numerals(question)
    scored = [c.scored for c in candidates]
    said = np.array([sentence_terms(asked, s) for s in scored])  # what the sentence itself says
    terms = np.array([sentence_terms(asked, f"{chunks[c.rank].title.lower()} {s}") for c, s in zip(candidates, scored)]
                     ) if in_document else said
    own = said[:, 0]
    lexical, specific = terms[:, 0], terms[:, 1]
    # The sentence that states the kind of fact asked (an amount, a duration…) and the
    # numbers the question names (50万, 2020年) answers it; a neighbour on the same topic does not.
    # The section heading counts here: under "入住条件" a sentence listing them states conditions.
    headings = [section_headings(chunks[c.rank]).lower() for c in candidates]
    # The money asked may be named by the section the sentence is under ("住房租赁补贴标准 > 三、补贴标准：
    # 每平方米建筑面积25元"), as a reader sees it.
    money = [money_named(question, f"{h} {s}") for h, s in zip(headings, scored)]
    fits = np.array([attribute_fit(question, c.text.lower(), f"{h} {c.lead.lower()}") if m else -1
                     for h, m, c in zip(headings, money, candidates)], dtype=float)
    fits = _parts_answered(question, candidates, headings, fits, money)
    numbers = np.array([numbers_fit(asked, s) for s in scored])
    preferred = np.array([max(preferred_fit(question, s), counted_fit(question, s)) for s in scored])
    semantic = np.zeros(len(candidates)) if semantic is None else semantic
    prior = np.array([1.0 / (1 + c.rank) for c in candidates])
    # The rule of the place asked wins over a national one saying the same kind of thing.
    near = np.array([local[c.rank] for c in candidates], dtype=float)
    # A table row the question names answers it; one named by something else is another row's answer.
    tables = _tables(candidates)
    named_row = np.array([row_named(asked, c, table) for c, (_, table) in zip(candidates, tables)], dtype=float)
    score = (0.40 * lexical + 0.20 * specific + 0.25 * semantic + rank_weight * prior
             + 0.15 * fits + 0.15 * preferred + 0.10 * numbers + place_weight * near + 0.15 * named_row)
    named = [f"{chunks[c.rank].title} {chunks[c.rank].heading} {c.scored}".lower() for c in candidates]
    # A message that opens with context ("我跟对象都打算去姜堰上班，担心没房住，人才公寓房源多吗")
    # is on topic when its last clause is.
    ask = asked_clause(asked)
    on_topic = np.array([max(subject_share(asked, text), subject_share(ask, text) if ask else 0.0) for text in named])
    checks = _what_answers(asked)
    on_topic = np.where([all(check(c, text) for check in checks) for c, text in zip(candidates, named)], on_topic, 0.0)
    others = np.array(rows_of_others(asked, candidates, tables), dtype=bool)
    return ScoredCandidates(np.where((fits < 0) | (on_topic < SUBJECT_SHARE) | others, -np.inf, score), own, tables)


def _parts_answered(question: str, candidates: list[Candidate], headings: list[str], fits: np.ndarray,
                    may: list[bool]) -> np.ndarray:
    """``fits`` where a message asks two things ("江西居住证一年要签注几次 签注收费不"): no one sentence
    states both kinds of fact, but of a chunk that answers each part in some sentence ("每年签注1次",
    "办理签注手续不得收取费用"), a sentence answering one part whole may answer (0, not -1). A chunk
    answering only one part stays as it was: the other part may be what the message is about.
    (``may``: the candidates a money word of the question does not rule out, ``money_named``.)"""
    clauses = asking_clauses(question)
    if len(clauses) < 2:
        return fits
    part = np.array([[attribute_fit(clause, c.text.lower(), f"{h} {c.lead.lower()}") > 0 for clause in clauses]
                     for c, h in zip(candidates, headings)])
    ranks = np.array([c.rank for c in candidates])
    whole = {r for r in set(ranks.tolist()) if part[ranks == r].any(axis=0).all()}
    return np.where([may[i] and part[i].any() and c.rank in whole for i, c in enumerate(candidates)],
                    np.maximum(fits, 0), fits)


def _what_answers(asked: str) -> list:
    """What a candidate must do to answer ``asked`` beyond naming its subject: one check per
    shape of question, each ``check(candidate, named)`` with ``named`` the candidate read with its
    title and heading."""
    checks = []
    if not _WHY.search(asked):  # a document's purpose and legal basis answers only why it was made
        checks.append(lambda c, named: _PREAMBLE.search(c.text) is None)
    if not _SCOPE_ASKED.search(asked):  # what a document applies to answers only what it covers
        checks.append(lambda c, named: _SCOPE.search(c.text) is None)
    thing = asked_thing(asked)
    if thing:  # whether something exists is answered only by a text naming it
        checks.append(lambda c, named: subject_share(thing, named) >= _THING_SHARE)
    variant = issue_asked(asked)
    if variant is not None:  # "补领收多少钱" is not answered by what the first issue costs
        checks.append(lambda c, named: not other_issue(variant, c.scored))
    pair = asked_pair(asked)
    if pair:  # how two things differ is answered only by a text naming both
        checks.append(lambda c, named: all(subject_share(p, named) > 0 for p in pair))
    may = asked_permission(asked)
    if may:  # whether one may do something is answered only by a text naming what is to be done
        checks.append(lambda c, named: any(coverage(w, named) > 0 for w in may))
    situation = asked_situation(asked)
    if situation:  # what to do when something happens is answered only by a text naming what happened
        checks.append(lambda c, named: subject_share(situation, named) > 0)
    return checks


# "本规定所称新就业形态劳动者，是指…", "最低工资是指…": the term a sentence defines.
_DEFINED = re.compile(rf"(?:所称|^|[。；\n])\s*(?:{NUMBERING['article']}\s*)?([^，,。；：\n]{{2,24}}?)[，,]?\s*(?:是指|系指|指的是)")


def defines(subject: Sequence[str], text: str) -> bool:
    """Whether ``text`` defines a term naming one of a question's ``subject`` words (for a question
    that asks what something is or takes in: "在合肥跑外卖算不算新就业形态劳动者" of "本规定所称新就业
    形态劳动者，是指…")."""
    return any(any(t in term for t in subject if len(t) >= 2) for term in _DEFINED.findall(text))


# A year a question asks about ("2024年人才公寓建多少套"), not one that bounds a span ("2016年以前办的",
# "到2020年") or names a document ("2014年户籍改革意见", matched by the document's own year).
_ASKED_YEAR = re.compile(r"(?<![到至止\d])((?:19|20)\d\d)年(?!以前|之前|以后|之后|前|后|起|底前|至|到)")
# Nor a year of the asker's own life ("我是2022年毕业的", "2019年大学毕业的能住驿站吗"), which no
# document is dated by, nor the year a document was made ("2016年出台的那个办法"): a law adopted in 2016
# and amended since is dated by its amendment, and the one sentence naming 2016年 was its 施行 line.
_ASKER_BEFORE = re.compile(r"(?:我|本人|孩子|我家|我爸|我妈)(?:是|在|于|们)?$")
_NOT_ASKED_AFTER = re.compile(r"[^，,。？?！!]{0,6}?(?:毕业|出生|入职|参加工作|参保|结婚|退休|离职"
                              r"|出台|印发|颁布|公布|发布|下发|发的|出的|(?:实施|施行|通过|修订|修改|修正|制定)的)")


def asked_years(question: str) -> set[str]:
    """The years a question asks a fact of: what a document of that year (or a sentence naming the
    year) answers."""
    return {m.group(1) for m in _ASKED_YEAR.finditer(question)
            if not _ASKER_BEFORE.search(question[:m.start()]) and not _NOT_ASKED_AFTER.match(question, m.end())}


# "2020年以后改成电子证了吗": what changed after a year, which a text dated no later cannot tell.
_ASKED_AFTER = re.compile(r"(?<![到至止\d])((?:19|20)\d\d)年(?:以后|之后|后)")


def asked_after(question: str) -> str:
    """The year a question asks what came after ("重庆居住证2020年以后改成电子证了吗"), "" if none;
    not a year of the asker's life ("我2016年以后毕业的") nor of a document's making."""
    for m in _ASKED_AFTER.finditer(question):
        if not _ASKER_BEFORE.search(question[:m.start()]) and not _NOT_ASKED_AFTER.match(question, m.end()):
            return m.group(1)
    return ""


def speaks_after(dated: str, text: str, year: str) -> bool:
    """Whether a text dated ``dated`` (a year or a span, "" if undated) can tell what came after
    ``year``: it is dated later, or it names a later year, or that year onwards ("2017年以后另行制定")."""
    if not dated or dated.rpartition("-")[2] > year:
        return True
    return any(y > year for y in re.findall(r"((?:19|20)\d\d)年", text)) or \
        re.search(rf"{year}年(?:以后|之后|后|起)", text) is not None


def section_year(chunk: ChunkRecord) -> str:
    """The year a chunk's section headings date it by ("2014年…学位供给情况公布" in a 2013–2014
    document), not one they count towards ("三、到2020年主要目标"); "" if they state none."""
    found = _ASKED_YEAR.findall(section_headings(chunk))
    return found[-1] if found else ""


def chunk_year(chunk: ChunkRecord, docs: dict) -> str:
    """The year (or span of years) a chunk speaks of: its section's, else its document's (``docs``:
    the generation's documents by id); "" if neither is dated."""
    doc = docs.get(chunk.doc_id)
    return section_year(chunk) or (doc.meta.get("year", "") if doc is not None else "")


def dated_within(dated: str, years: set[str]) -> bool:
    """Whether a text dated ``dated`` (a year, or a span of them from a title: "2014-2016") speaks of
    one of ``years``."""
    first, _, last = dated.partition("-")
    return any(first <= year <= (last or first) for year in years)
