"""Does a retrieved chunk speak to the question at all?

Ranking always returns *something*; saying "not found" honestly needs an
absolute signal. We combine two: how much of the question's content the
chunk covers (jieba terms, colloquial synonyms mapped to document wording,
generic words such as 人才 or 政策 and every place name down-weighted:
they prove little about the topic, and places are matched by the
retriever's scope instead), and the dense cosine similarity. Both are cheap and need no model
beyond the embedder already loaded.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from knowledge.index import ChunkRecord
from knowledge.snapshot import CARD_HEADING
from knowledge.neighbours import near_words
from knowledge.places import gazetteer
from knowledge.text import (MEASURE_WORDS, arabic_numerals, cn_number, content_terms, synonyms, to_simplified, word_bounds,
                            word_tag, words)

# Words that occur all over a talent-policy corpus: matching them proves little.
GENERIC = frozenset("人才 青年 青年人 政策 服务 工作 问题 办理 申请 需要 要求 可以 提供 多少 时候 哪些 一下 相关 支持 活动 "
                    "去年 今年 明年 前年 最近 以前 之前 以后 现在 目前 最早 最晚 最迟".split())  # time words: any year's report has them
_GENERIC_WEIGHT = 0.25
_SUBJECT_MIN = 0.5  # share of a question's specific terms a text must contain to count as on topic
# Cosine similarities of the default embedder: below LOW unrelated, above HIGH on topic.
_DENSE_LOW, _DENSE_HIGH = 0.15, 0.55


@lru_cache(maxsize=16384)
def _variants(term: str) -> frozenset[str]:
    """``term`` and the document wordings of the colloquial words in it (memoised: the
    synonym list is fixed for the process, and a question's terms are checked against
    every candidate chunk)."""
    out = {term}
    cut = None
    for variant, canonical in synonyms():
        if variant == term:
            out.add(canonical)
        elif variant in term:  # words of it, not characters across two (青年人 in 青年人才驿站)
            cut = cut if cut is not None else word_bounds(term)
            start = term.find(variant)
            while start >= 0:
                if start in cut and start + len(variant) in cut:
                    out.add(canonical)
                    break
                start = term.find(variant, start + 1)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _phrases_in(query: str) -> tuple[tuple[str, str], ...]:
    """The colloquial phrases of the synonym list in ``query`` that jieba cuts into several
    words ("孩子上学" → 孩子, 上学): each of those words is then also met by the
    phrase's document wording (子女入学)."""
    return tuple((v, c) for v, c in synonyms() if len(v) >= 3 and v in query)


def generic_word(term: str) -> bool:
    """A word that proves little about the topic: a generic one, or a place name."""
    return term in GENERIC or term in gazetteer().by_form


_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
# "非" before a word negates it: 非全日制 is not 全日制, 非本市户籍 not 本市户籍 ("除非" is "unless").
_NEGATED = re.compile(r"(?<!除)非$")


def _affirmed(term: str, text: str, query: str) -> bool:
    """``term`` occurs in ``text`` other than as its negation ("全日制" in "非全日制大专"); when
    the question asks about the negation itself ("非困难人员…"), only as the negation."""
    if f"非{term}" in query:
        return f"非{term}" in text
    start = text.find(term)
    while start >= 0:
        if not _NEGATED.search(text[max(start - 2, 0):start]):
            return True
        start = text.find(term, start + 1)
    return False
_MARKS = re.compile(r"[“”‘’\"'《》「」『』、，。；：！？（）()\s·]")


# "一家", "两个", "3名": a count, said of whatever the question is about ("举报了一家黑中介"), never its topic.
_COUNT_WORD = re.compile(rf"^(?:\d+|[一二两三四五六七八九十百千]+)[{MEASURE_WORDS}]$")


@lru_cache(maxsize=16384)
def _is_subject(term: str) -> bool:
    """A specific term that says what the question is about, not what kind of fact it wants.
    Memoised: ``_coverages`` asks it of every term for every candidate chunk (11 patterns each)."""
    return (not term.isdecimal() and not _COUNT_WORD.match(term)
            and not any(asks.search(term) for asks, _ in _ATTRIBUTES))


def coverage(query: str, text: str) -> float:
    """Weighted share of the query's content terms present in ``text`` (0..1)."""
    return _coverages(query, text)[0]


@lru_cache(maxsize=8192)
def _comparable(text: str) -> str:
    """``text`` as terms are looked for in it: “一站式”服务中心 still contains 一站式服务中心, 一年 is 1年.
    Memoised: every question compares itself with ~80 candidate chunks, mostly the same
    ones: a retrieve on the shipped index 1.11 → 0.85 ms (bench/README.md, "2026-12-04 evening")."""
    return arabic_numerals(_MARKS.sub("", text))


def _coverages(query: str, text: str) -> tuple[float, float, float]:
    """(share of all the query's terms in ``text``, share of its specific ones, share of its
    subject), weighted.

    The specific terms are the non-generic ones (租房, 本科生, 材料…); the subject is those
    minus the nouns naming the kind of fact asked (材料, 条件, 有效期: see ``subject_terms``).
    A share is 1.0 when the question has no such terms. One pass for all: relevance needs
    them for every candidate chunk.
    """
    text = _comparable(text)
    query = arabic_numerals(query)
    total = got = specific_total = specific_got = subject_total = subject_got = 0.0
    phrases = _phrases_in(query)
    asking = _asking_words(query)
    for term in content_terms(query):
        generic = generic_word(term) or term in asking
        weight = _GENERIC_WEIGHT if generic else min(len(term), 4) / 2
        hit = weight * _found(term, text, query, phrases)
        total, got = total + weight, got + hit
        if not generic:
            specific_total, specific_got = specific_total + weight, specific_got + hit
            if _is_subject(term):
                subject_total, subject_got = subject_total + weight, subject_got + hit
    return ((got / total if total else 0.0), (specific_got / specific_total if specific_total else 1.0),
            (subject_got / subject_total if subject_total else 1.0))


@lru_cache(maxsize=4096)
def _asking_words(query: str) -> frozenset[str]:
    """The verbs of ``query`` that are part of how it asks, not of what it asks about: 准备 in
    "驿站需要准备什么材料", 携带 in "需要携带什么" — a verb right before 什么/啥/哪些 inside a phrase
    asking a kind of fact (``_ATTRIBUTES``). A text need not contain them to answer, no more
    than 需要 or 办理."""
    spans = [m.group() for asks, _ in _ATTRIBUTES for m in asks.finditer(query)]
    return frozenset(t for t in content_terms(query)
                     if (word_tag(t) or "").startswith("v")
                     and any(f"{t}{w}" in s for s in spans for w in _WHAT))


_WHAT = ("什么", "啥", "哪些")


# Two characters running together that a text lacks are a word it lacks, no typo: 青年人才驿站 is not
# half met by a text of 青年人才 without 驿站.
_MISSING_RUN = re.compile("\0\0")


def _found(term: str, text: str, query: str, phrases: tuple[tuple[str, str], ...]) -> float:
    """How far ``term`` of ``query`` is in ``text`` (already ``_comparable``): 1, or 0.5 for most of
    the characters of a longer word (a typo or a reordered word still mostly matches) or for a
    word of nearly the same meaning (knowledge.neighbours), else 0."""
    if _DIGITS.match(term):  # 50 is not found in 500; 10天 not in 10张床位
        return 1.0 if _figure_in(term, _unit_family(term, query), text) else 0.0
    if any(_affirmed(v, text, query) for v in _variants(term).union(
            canonical for variant, canonical in phrases if term in variant)):
        return 1.0
    chars = set(term)  # "前前后后" is two characters, which any text holds: no typo of a word
    if len(chars) >= 3 and sum(ch in text for ch in chars) / len(chars) >= 0.67 and not _MISSING_RUN.search(
            "".join(ch if ch in text else "\0" for ch in term)):
        return 0.5
    if any(_affirmed(w, text, query) for w in near_words(term)):  # a paraphrase: 家属 of 亲属
        return 0.5
    return 0.0


# A house number ("人民路15号"), not a document's ("〔2024〕3号") nor an ordinal ("第3号").
_HOUSE_NUMBER = r"(?<![〕\]）)】第\d])\d+号"
# A place stated: an address, an office or window, a website, or whom to apply to.
_PLACE_STATED = re.compile(rf"地址|位于|坐落|地点|窗口|大厅|中心|派出所|公安机关|网站|门户|网上|平台|小程序|公众号|客户端|APP|App|app|所在地|{_HOUSE_NUMBER}"
                           r"|(?:[向到在]|通过(?!后|审核|考核|审查|验收|评审|的))[^，。；]{1,20}(?:申请|申领|提出|递交|提交|报送|办理|登记|下载|查询|公布|公告|设立|布局|回复|预约)")


# Questions that ask for a specific kind of fact (a phone number, a price, a
# date, the required documents). If the text has no such fact, it cannot
# answer, however well the topic matches: "驿站电话是多少" vs a text about 驿站.
_N = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万半]+)"
# What things, people and places are counted in (个 not of a duration: 个月, 个工作日).
_THINGS = r"个(?!月|工作日|小时)|名|套|家|所|项|位|批|人|户|间|张|台|辆|座|栋"
# A number counting something, before its measure word: "3000多名", "1.2万余人", "十七家".
_COUNTED_FROM = r"(?<![第\d.一二两三四五六七八九十百千万])(?<!第\d、)(?<!第\d\d、)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:多|余)?(?:[万千百](?:多|余)?)?"
_MATERIALS = r"材料|资料|手续|证件|证明|证书|身份证|户口簿|复印件|原件|申请表|表格|照片|提交|出具|携带|凭"
# "多少补贴" and "创业补贴多少" (the commonest way to ask it) ask an amount of money; "补贴多少年" does not.
# ("押金多少" "保证金交多少": money held, asked the same way.)
_MONEY_AMOUNT = (r"多少(?:补贴|补助|津贴|奖励|生活费|押金|保证金)"
                 r"|(?:补贴|补助|津贴|奖励|生活费|工资|押金|保证金|定金|订金)[^，。？?]{0,4}多少(?![个年月天日次分项人名家套所])")
_SUM = rf"{_N}(?:万)?元|免费|免收|不收取|不得收取"  # a sum of money, or none charged
# Labour law pays in months of wages: "不低于本人六个月工资的医疗补助费", "支付一个月工资".
_WAGES = rf"{_N}个月(?:的)?(?:本人)?(?:月?平均)?工资"
# "交多少借读费" "社保每月交多少": money paid, named after 多少 or said before it; not what else is
# handed in or taken ("交多少份材料", "公办学校收多少学生").
# "给多少名额" "发多少个学位" "领多少天": what follows 多少 counts something other than money.
_COUNTED_AFTER = r"(?![个年月天日次分张项人名家套所户间份]|指标|学位)"
_RECEIVED = rf"(?:给|发|领|拿|补)多少{_COUNTED_AFTER}"  # "每月发多少", "能拿多少": money one is given
_PAID = (r"(?:交|缴|收|付)多少(?=[^，。？?\s]{0,4}(?:钱|元|块|费|金|税|社保|公积金|保险)|$|[\s，,。？?！!啊呀呢吗哦嘛啦])")
_GIVEN = r"(?:补贴|补助|津贴|奖励|奖金|生活费)"  # money one is given
# A share of something: a percentage, or a factor ("租金标准×0.7", "×0. 2" as a PDF spaces it).
_SHARE = r"\d+(?:\.\d+)?\s*[%％]|百分之|[一二三四五六七八九十\d]+分之[一二三四五六七八九十\d]+|[×＊]\s*\d+(?:\.\s*\d+)?"  # 60%, 三分之二, ×0.2
# A share of the people ("百分之九十以上的职工", "80%的学员"): how many of them, as a count is ("多少人能完成").
_SHARE_OF_PEOPLE = rf"(?:{_SHARE})[^，。；]{{0,6}}?(?:职工|员工|人员|劳动者|学员|学生|毕业生|人)"
_FIGURES: set[re.Pattern] = set()  # the kinds of fact that are figures: the text itself must state them


def _figure(pattern: str) -> re.Pattern:
    """A kind of fact that is a figure (an amount, a duration, a count, an age…): stated by a
    sentence itself, never by the heading or the item it continues."""
    compiled = re.compile(pattern)
    _FIGURES.add(compiled)
    return compiled


# A question that is not a yes-or-no one ("…吗", "会不会…", "有没有…"), from its start.
_NOT_YES_NO = r"^(?!.*(?:[吗不]|没有?)[？?！!。~～\s啊呀]*$)(?!.*(?:会不会|能不能|是不是|有没有|是否|可不可以|要不要|有无)).*"
# A money word in a question asking something else of it: "房租拖欠几次会被收回" (how often), "租金几号
# 交" (when), "租金去哪交" (where), "床位价格有啥限制" (the rule), "租金谁来定" (who sets it), none of them the sum.
# (A money word asks its sum only in a question that is neither yes-or-no nor asking any of these.)
_SUM_OF_MONEY_WORD = ("^(?!.*(?:几|多久|多长|什么时候|啥时候|哪|限制|规定|要求|怎么定|如何定|如何确定|谁来?(?:定|决定|制定|核定)|由谁))"
                      + _NOT_YES_NO.removeprefix("^"))
# "怎么报名" "咋办理" "如何预约": how to do it (a kind of fact required, and the steps preferred).
_HOW_TO_DO = re.compile(r"(?:怎么|如何|怎样|咋)(?:样)?(?:报名|办理|申请|申领|预约|预订|约|订|操作|参加|登记)")
_ATTRIBUTES = [
    # "费用谁出" "体检的钱公司出还是自己掏": who pays — a sentence saying whom a cost falls on (required since
    # batch 22: "医保谁来交" was answered with a benefit amount; multi_dev no_answer +1, nothing lost).
    # ("医保谁来交": who pays a contribution.)
    (re.compile(r"谁(?:来)?(?:出(?![具台面])|付|掏|交|缴|承担|负担|买单|报销)|(?:自己|个人|公司|单位)(?:出|掏|付|交|缴)还是|(?:费用?|钱)(?:由)?谁"),
     re.compile(r"由[^，。；]{1,20}(?:承担|负担|支付|缴纳|解决|列支|出资|负责)|(?:单位|个人|财政|政府|国家|用人单位)"
                r"(?:承担|负担|支付|缴纳|出资|列支)|代缴|代为缴纳")),  # "为其代缴": someone pays for them
    (re.compile(r"电话|联系方式|热线|手机号"), re.compile(r"电话|热线|\d{7,}")),
    # "用哪个小程序" "哪个网站能查": the channel — a website, an app, an account, a platform.
    (re.compile(r"(?:哪个|什么|啥)(?:小程序|APP|App|app|网站|公众号|平台|客户端)"), _PLACE_STATED),
    # ("〔2024〕3号" numbers a document, not a house.)
    (re.compile(r"地址|具体位置|门牌"), re.compile(rf"地址|路\d+号|{_HOUSE_NUMBER}")),
    # "多少钱" asks for an amount; "要交钱吗" "收费吗" whether something is charged: a sentence
    # naming the fee (工本费, 收取…费用) or saying it is free answers that.
    # "一个月多少" "每年交多少" ask a sum per period; a count per period names its unit after 多少
    # (一个月多少天, 每年多少学时).
    # ("住房租赁" holds 房租: a housing word, no rent asked; nor "有套房租给外地人": 套房 / 租给.)
    # ("多少额度" "额度是多少": the sum a loan or a grant goes up to.)
    # (A money word in a yes-or-no question, "会不会公布租金水平", asks whether, not how much.)
    (re.compile(rf"{_SUM_OF_MONEY_WORD}(?:租金|(?<!套)房租(?!赁|给)|价格|金额|奖金)|多少钱|多少元|罚多少|罚款多少|多少(?:的)?额度|额度[^，。？?]{{0,4}}多少"
                r"|(?:每个?月|一个月|每年|一年)[^，。？?]{0,3}?多少(?=钱|元|块|万|$|[\s，,。？?！!啊呀呢吗哦嘛啦])"
                rf"|{_MONEY_AMOUNT}|^(?!.*(?:积分|分值|分数)).*(?:{_RECEIVED}|[贷借]多少{_COUNTED_AFTER})|{_PAID}"),
     _figure(rf"{_SUM}|{_SHARE}|{_N}倍|{_WAGES}")),  # a fine may be a multiple: "处违法所得一倍以上三倍以下的罚款"
    # Money one is given ("能拿多少补贴", "每月发多少") is a sum or a share: "免费培训" gives none.
    (re.compile(rf"^(?!.*(?:积分|分值|分数)).*{_RECEIVED}|多少{_GIVEN}"
                rf"|{_GIVEN}[^，。？?]{{0,4}}多少{_COUNTED_AFTER}"),
     _figure(rf"{_N}(?:万)?元|{_SHARE}|{_WAGES}")),
    # An amount may be a share of something (见习补贴 "不低于最低工资标准的60%"); money named as
    # such (多少钱, 价格) is a sum of money or nothing.
    (re.compile(rf"多少钱|多少元|几块钱|几[百千万]块|几[千万]元|{_SUM_OF_MONEY_WORD}(?:价格|单价|房价|售价)|卖多少"), _figure(_SUM)),
    # ("收不收工本费" "要不要钱": whether a fee is charged.)
    (re.compile(r"费用|收费|交钱|要钱|花钱|交费|缴费|收不收(?:钱|费|工本费)|收钱|工本费|要不要钱"), re.compile(r"费|收取|不收")),
    # "多久签注一次" asks how often (below), not how long.
    # ("哪几个月" "哪几天" ask which ones, not how long.)
    (re.compile(r"(?<!哪)几天|几晚|多久(?![^，。？?]{0,8}一次)|多长时间(?![^，。？?]{0,8}一次)|住多长|(?<!哪)几个月|(?:(?<!哪)几|多少)年(?![轻级])|多少天|期限|有效期"),
     _figure(r"(?<![\d第月上下])(?:\d{1,3}|[一二两三四五六七八九十百半]+)个?(?:天|日|晚|周(?!岁)|月|年|小时|工作日)|期限|长期|有效期")),
    # A question naming the unit wants a figure in that unit: "住几个月" is not answered by "每年1次".
    (re.compile(r"(?<!哪)几个月|多少个月"), _figure(r"(?:\d{1,3}|[一二两三四五六七八九十半]+)个月|半年")),
    (re.compile(r"(?:(?<!哪)几|多少)年(?![轻级])"), _figure(r"(?<![\d第上下])(?:\d{1,2}|[一二两三四五六七八九十半]+)年")),
    (re.compile(r"(?<!哪)几天|几晚|多少天|多少晚|几个工作日|多少个?工作日"),
     _figure(r"(?<![\d第月])(?:\d{1,3}|[一二两三四五六七八九十百]+)个?(?:天|日|晚|工作日)")),
    # "哪年推开的" "哪一年开始": a year.
    (re.compile(r"哪一?年(?!级)"), _figure(r"(?:19|20)\d\d|\d+年|[一二两三四五六七八九十]+年|今年|明年|去年|年底|年初")),
    # "每月哪几天能办": days of the month or of the week.
    (re.compile(r"哪几天|哪些天|哪几日"), _figure(r"(?<![月\d〕\]）)】第])\d{1,2}[日号]|周[一二三四五六日末]|星期|工作日")),  # 1至18日, not 次月1日
    # "几月份开始" "哪个月": a month or season, not any "之日".
    (re.compile(r"几月|哪个月|哪月|哪几个月"), _figure(r"\d+月|[一二三四五六七八九十]+月|季度|上半年|下半年|年初|年底|年末")),
    # "利率多少" "按百分之几" "占住房用地的多少": a rate or share.
    # ("个人出几个点": percentage points.)
    # ("比例更高吗" "比例提高了没": a comparison, which a text says without a figure.)
    (re.compile(r"利率|比例(?![^，。？?]{0,2}(?:更|越|提高|增加|上升|下降|降低|高不高|大不大|变))|比率|百分之几|百分比|几成|几折|多少折|多少%|几个点|多少个点|占(?!地)[^，。？?]{0,12}多少(?![钱元平米个套人万])"),
     _figure(rf"{_SHARE}|[\d一二两三四五六七八九十半]成|\d(?:\.\d)?折|[一二三四五六七八九]折|{_N}倍|双倍|加倍")),  # 七成, 3倍; not 构成, 造成
    # "降到多少" "涨了多少" "提高到多少": a new figure, a sum or a share (a date is none).
    (re.compile(r"(?:降|涨|提高|提到|调|下调|上调|增加|减少|降低)(?:到|了|至)多少"), _figure(rf"{_SUM}|{_SHARE}|(?<![\d.])\d+(?:\.\d+)?(?![\d.]*(?:年|月|日|号))")),
    # "什么时候生效": the day it takes effect, which a text states by saying so (自…起施行,
    # 施行日期), not by when it was adopted or amended.
    (re.compile(r"(?:什么时候|啥时候|哪天|何时|几号|哪一?年|几月)[^，。？?]{0,6}(?:生效|施行|实施|实行|执行)"
                r"|(?:生效|施行|实施|实行|执行)[^，。？?]{0,4}(?:什么时候|啥时候|哪天|何时|几号|时间|日期)"),
     re.compile(r"起\s*(?:生效|施行|实施|实行|执行)|(?:生效|施行|实施|实行|执行)(?:日期|时间)"
                r"|(?:于|自|从)[^，。；《》]{0,20}(?:生效|施行|实施|实行|执行)")),  # not "组织实施", "《…实施办法》"
    # "几点入住": a time of day.
    # ("上班时间呢" "办公时间": the hours a place keeps; "受理时间咋算" asks how a day is fixed, not hours;
    # "能早点入住吗": the hour one may come.)
    (re.compile(r"几点|(?:早|晚)点(?:入住|退房|来|去|走|到(?!账|期|岗|位))|(?:上班|下班|办公|开放|营业|受理|接待|入住|退房)时间(?![^，。？?\s]{0,2}(?:(?:咋|怎么|如何|怎样)(?:算|计算|确定|定)|按什么|从哪|从什么时候|从何时))"), _figure(r"\d{1,2}\s*(?:[:：]\d\d|点|时)|[一二三四五六七八九十]+点|上午|下午|中午|晚上|全天|24小时")),
    (re.compile(r"什么时候|啥时候|啥时|几时|哪天|日期|截止|何时|(?<!第)几号(?![文令线楼窗门房床室栋号位])"),
     # ("5月8号" is a day; "深府〔2005〕125号" a document's number, "龙岗路11号" a house's.)
     _figure(r"\d+月|\d+日|(?<![〕\]）)】第\d路街道巷弄号楼栋室])(?:[1-9]|[12]\d|3[01])号|[一二三四五六七八九十]+月|季度|上半年|下半年|时间|之日|日前|起施行|以前|之前")),
    (re.compile(r"几分|多少分|加分|扣分|减分"), _figure(rf"{_N}分")),
    # "要多少分才能入户" asks the score one must reach, not what one item scores ("每满1年积3分").
    (re.compile(r"(?:要|需要|得|攒到|积到|达到)多少分|多少分(?:才|就)|分数线"),
     _figure(rf"(?:达到|满|不低于)\s*{_N}分|{_N}分(?:以上|及以上)|分数线")),
    # "多久签注一次" "一年能申请几次": how often — every year, once a quarter, 3 times.
    (re.compile(r"(?:多久|多长时间|几年(?![轻级])|几个月|几天)[^，。？?]{0,8}一次|几次|多少次"),
     _figure(r"每(?:年|月|季度|季|半年|周|天|日|两年|\d+年|[一二两三四五六七八九十]+年)|[\d一二两三四五六七八九十]+次")),
    # "多少个名额" "一共多少人": a number of them ("几个" may be answered by a list of names, below).
    # (A table's cell under a column of counts states one bare: "总学位数：1062", "人数：30".)
    # ("第1、2项" are ordinals, the second as much as the first.)
    (re.compile(rf"多少(?:{_THINGS})"), _figure(rf"(?<![第\d.])(?<!第\d、)(?<!第\d\d、){_N}(?:多|余)?(?:{_THINGS}|万(?![元块]))|(?:数|数量|名额)：\d"
                                               rf"|{_SHARE_OF_PEOPLE}")),
    # "多少人" "几名": a number of people; "多少张" "几所": of what that measure counts ("城区人口500万" is
    # no number of cards issued, "3项指标" no number of school places).
    # ("哪几项" asks which; 个 counts anything: "研发中心15个" answers "有几家".)
    # ("引进了多少人才" "来了多少大学生": people, however named; "多少人才公寓" counts flats.)
    (re.compile(r"(?<!哪)(?:多少|几)(?:人(?!才)|名(?!额)|位)(?!置|数)|多少(?:个|名)?(?:青年|高层次|高端|优秀|各类|专业)?(?:人才|大学生|毕业生|博士|硕士)(?!公寓|驿站|房|住房|社区|之家|政策|补贴|补助|生活|津贴|安家|奖励|待遇|工资|薪|创业|就业|引进|认定)"),  # "多少人才公寓": 人才
     _figure(rf"{_COUNTED_FROM}(?:人|名|位|人次|个(?=[^，。；]{{0,4}}?(?:人|生|者|员)))|(?:人数|名额|数量)：\s*\d|{_SHARE_OF_PEOPLE}")),
    *((re.compile(rf"(?<!哪)(?:多少|几){m}"), _figure(rf"{_COUNTED_FROM}(?:{m}|个)|(?:数|数量)：\s*\d"))
      for m in "张所家项间户批台辆座栋"),
    # "分几类" "有几种": a count of kinds.
    # ("能办多少种事" is answered by "29个服务事项" too: a count of the items themselves.)
    (re.compile(r"几类|几种|几大类|多少类|多少种"), _figure(rf"{_N}个?(?:类|种|大类|类别|方面)|{_N}(?:个|项|件)")),
    # "会怎样" "怎么处理": what follows a breach — a penalty or the loss of something.
    (re.compile(r"会怎样|会怎么样|怎么处理|如何处理|什么后果|啥后果"),
     re.compile(r"罚|处分|取消|中止|终止|收缴|注销|撤销|吊销|责令|追究|不予|扣减|失效|退回")),
    # "会被罚吗" "怎么罚" "罚多少": a penalty itself.
    (re.compile(r"罚"), re.compile(r"罚|处分")),
    # "多大" is an age unless the question is about a size ("面积多大", "房子多大"): below.
    (re.compile(r"^(?!.*(?:面积|平方|平米|户型|房子|房间|规模)).*多大|几岁|多少岁|年龄"), _figure(rf"{_N}周?岁|年龄")),
    (re.compile(r"面积|多少平|几平|多大的房|房子多大|户型"), _figure(r"\d+(?:\.\d+)?\s*(?:平方米|平米|平方|㎡|m2)|面积")),
    # "离地铁多远": a distance.
    (re.compile(r"多远|远不远|近不近|远吗|近吗|距离多少|离[^，。？?]{1,10}多少米"), _figure(r"\d+(?:\.\d+)?\s*(?:米|公里|千米|km)|步行|分钟")),
    # "几套" "多少套": what housing is counted in; any other count does not answer it.
    # ("一套…机制" is "a set of", not one flat.)
    (re.compile(r"(?:多少|几)套"), _figure(r"(?:\d+(?:\.\d+)?|[两三四五六七八九十]|[一二两三四五六七八九十百千万]{2,})(?:多|余)?万?套")),
    (re.compile(r"条件|材料|流程|手续"), re.compile(rf"条件|流程|申请|{_MATERIALS}")),
    # "能申请人才公寓不" "去哪申请": about applying; but "经营多久才能申请" asks how long, not how to apply.
    # ("我36岁了 还能申请…吗": whether one qualifies, which whom it is for says: 面向35周岁以下.)
    (_APPLYING := re.compile(r"申请(?!啥|什么|哪)"), re.compile(rf"条件|流程|申请|{_MATERIALS}|资格|符合|具备|具有|面向|限于|周岁|年龄|学历")),
    # "怎么报名" "咋办理": how to do it — a step, a place or a channel to apply through.
    (_HOW_TO_DO,
     re.compile(r"报名|申请|申领|提交|递交|登录|办理|窗口|网站|网上|平台|流程|程序|步骤|回复|填写|预约|登记|受理")),
    # "去哪办" "在哪儿打印" "到哪里申请": where to do it — a place, an office, a channel, or whom to
    # apply to (the preferred pattern below); a text about doing it that names none does not answer.
    # ("在哪个小程序预约" "去哪个窗口办": the place or channel named after 哪个.)
    (re.compile(r"(?:去|到|在)(?:哪里|哪儿|哪|什么地方|啥地方|(?:哪个|哪家|什么)(?!时|月|天|日|年|季|周|星期|情况|条件|程度|情形|阶段|范围)[^，。？?\s]{1,5}?(?:上|里)?)(?:能|可以|去)?(?:办|申请|申领|领|交|缴|打印|报名|登记|备案|换|补|开|查|提交|递交|预约|预订|约|订)"),
     _PLACE_STATED),
    # Materials are documents to hand in: conditions (入住条件: 面向毕业5年内…) do not name them.
    # ("办手续" is going through a procedure, not handing in papers.)
    (re.compile(r"材料|资料"), re.compile(_MATERIALS)),
    # Conditions are who qualifies: what to carry (凭本人身份证入住) is not one.
    (re.compile(r"条件|资格|门槛"),
     re.compile(r"条件|资格|要求|符合|具备|面向|限于|周岁|学历|年龄|以下|以上|满|必须|应当|不得|具有|取得")),
    # What to bring ("要带什么证件"): a sentence naming something to carry or show.
    (re.compile(r"带什么|携带什么|要带|需要带|准备什么|什么证件|哪些证件"),
     re.compile(r"携带|凭|带上|出示|证件|身份证|证书|证明|材料")),
]


# "…是指哪些人" "算不算X" "X包括加班费吗": what a term means or takes in, which its definition says.
DEFINITION_ASKED = re.compile(r"是指|指的是|指什么|指哪些|什么是|是什么意思|啥意思|什么意思|什么叫|算不算|(?:能|可以|可)算(?!多少|几|上|进)"
                              r"|包括|包含|包不包|含不含")


# Kinds of fact a question prefers without requiring them: "…是指哪些人" is best answered by the
# sentence defining the term (本条例所称人才，是指…), but a text that only lists them may still answer;
# "有几个" by a number, but a list of names answers it too.
_PREFERRED = [
    # "这样合法吗" "可以扣吗": the rule itself — what is allowed, required or forbidden.
    (re.compile(r"合法吗|违法吗|合不合法|是否合法|违不违法|犯法吗|允许吗|可以这样|能这样|合规吗|合不合规|是否合规|违规吗|违不违规"),
     re.compile(r"不得|禁止|非法|违法|违反|应当|可以|有权")),
    # "几套" "多少个名额": a count of things, people or times; a list naming them answers too
    # ("驿站有几个" → the stations by name). "哪几个" asks which, not how many.
    (re.compile(rf"(?<!哪)(?:多少|几)(?:{_THINGS}|次|条|章|款)"),
     re.compile(rf"(?<![第\d.一二两三四五六七八九十百千万]){_N}(?:多|余)?(?:{_THINGS}|次|万|倍|条|章|款)")),
    # "归哪个办公室统筹" "谁负责": a body — an office, a bureau, a committee (a 厅 that is a room,
    # 一室一厅, 办事大厅, is none).
    # ("谁来审核": whoever the text says does it, "由初中毕业学校初审".)
    (re.compile(r"(?:哪个|哪些|什么|啥)(?:部门|单位|机构|机关|办公室|科室)|谁(?:来)?(?:负责|管|牵头|统筹|主管|审批|审核|审查|批准|认定|发)"),
     re.compile(r"[\u4e00-\u9fff]{2,12}(?:办公室|委员会|人民政府|(?<![一二两三室大客餐门展])厅|部门|机构|机关|派出所|服务中心)"
                r"|(?<![理自缘经])由(?!于|此)[^，。；]{2,15}(?:负责|审核|初审|复审|审查|审批|审定|认定|组织|办理)"
                r"|(?:人社|公安|财政|教育|税务|住建|民政|商务|统计|管理|服务|事务|保障)局|(?:人才|科创|区委|市委|县委|政府|党委|人社)办")),
    # "到了找谁" "有问题问谁": whom to contact — a phone, a desk, the staff, a contact person.
    (re.compile(r"(?:找|联系|(?<![请想])问|咨询)谁|找哪个|跟谁说|向谁反映"),
     re.compile(r"电话|热线|联系|咨询|工作人员|管理员|前台|服务台|窗口|负责人|\d{7,}")),
    # "驿站是干嘛的" "这个证有啥用": what something is for — a sentence saying what it provides or
    # does, not who may use it.
    # ("驿站是啥": what a thing is, which is what it does, not whom it is for.)
    (re.compile(r"(?:是|能|可以)?(?:干嘛|干啥|干什么|做什么|做啥)(?:的|用)|(?:有|起)(?:什么|啥)(?:用|作用)|(?:什么|啥)用途|作用是"
                r"|^(?![^，,。？?\s]*(?:条件|要求|材料|资料|标准|流程|手续|地址|电话|时间|对象|费用|期限|金额|政策|内容|规定|区别|意思)(?:是|叫))"
                r"[^，,。？?\s]{2,12}(?:是|叫)(?:个)?(?:啥|什么)(?:东西|地方|机构)?(?:啊|呀|呢|哦)?[？?]?$"),
     re.compile(r"提供|用于|用来|负责|旨在|帮助|搭建|牵线|承担|凭[^，。；]{1,10}享受|享受")),
    # "怎么预约驿站" "如何报名": the steps — what to reply, fill in, submit, where to log in — not a
    # sentence that only says booking exists ("可以预约30天内的入住日期").
    (_HOW_TO_DO,
     re.compile(r"回复|登录|填写|提交|递交|按提示|按照提示|流程|步骤|程序|窗口|网站|平台|扫码|关注|小程序|APP|App|app")),
    # ("在北京读研能算连续就读吗": whether one counts as it, which its definition says.)
    (DEFINITION_ASKED, re.compile(r"是指|所称|指的是|系指|包括|包含|不含")),
    # "要几岁以上" "最少交几年": a lower bound; "几岁以下" "最多住几晚": an upper one. A rule states
    # a bound as "不得超过" "不得低于" as often as "不超过" "不低于" ("提前通知期不得超过六个月").
    # ("最低工资" "最低生活保障" are what they are called, not a bound asked.)
    (re.compile(r"(?:几|多少)[^，。？?]{0,3}(?:以上|往上)|至少|最少|起码|最低(?!工资|生活)"),
     re.compile(rf"{_N}[^，。；\d]{{0,4}}(?:以上|及以上)|不得?低于|不得?少于|(?<!不)满{_N}|超过|达到{_N}")),
    (re.compile(r"(?:几|多少)[^，。？?]{0,3}(?:以下|以内|往下)|至多|最多|最长|最高|顶多"),
     re.compile(rf"{_N}[^，。；\d]{{0,4}}(?:以下|以内|及以下)|不得?超过|不得?高于|不得?多于|最多|最长|最高|上限")),
    # "最晚哪天前交" "截止到什么时候": a deadline — a day before which, or the word itself.
    (re.compile(r"最晚|最迟|截止|截至|哪天前|什么时候前|之前交|前要交"),
     re.compile(r"\d+月\d+日(?:前|之前|以前)|\d+月底|截止|截至|底前|之前|以前|逾期")),
    # "驿站在哪" "去哪办" "在哪能看到": a place — an address, an office or window, a website,
    # or whom to apply to. Preferred only: "打卡点在哪些地方" is answered by names of places.
    (re.compile(r"在哪|哪里|哪儿|什么地方|啥地方|什么位置|哪个位置|去哪|到哪|哪个地方"), _PLACE_STATED),
]


# 几 that asks nothing: "人社几天都没审" (several days), "前几天", "好几个月" — the message says it,
# its question is elsewhere ("那受理时间咋算"). "提前几天" asks how long before.
_INDEFINITE = re.compile(r"(?<=[好这那过没十])几|(?<!提前)(?<=前)几|几(?=个?(?:天|晚|周|星期|个月|月|年|次)(?:都|也|没|了都))")


def _asked_only(query: str) -> str:
    """``query`` with each 几 that asks nothing put as a plain word (数)."""
    return _INDEFINITE.sub("数", query)


@lru_cache(maxsize=4096)
def _asked_kinds(query: str, preferred: bool = False) -> tuple[re.Pattern, ...]:
    """What each kind of fact the question asks for looks like in a text. Memoised: a question is
    compared with every candidate sentence (6,000 tests of 30 patterns for 100 questions)."""
    query = _asked_only(query)
    clauses = [c for c in _CLAUSE_END.split(query) if c] or [query]
    kinds = [(asks, has) for asks, has in (_PREFERRED if preferred else _ATTRIBUTES)
             if any(asks.search(clause) for clause in clauses)]  # "租金是多少，有没有优惠": each clause asks
    if len(kinds) > 1:
        kinds = [(asks, has) for asks, has in kinds if asks is not _APPLYING]
    return tuple(dict.fromkeys(has for _, has in kinds))


def preferred_fit(query: str, text: str) -> float:
    """Share of the preferred kinds of fact the question asks for that ``text`` states (0 if none asked)."""
    asked = _asked_kinds(query, preferred=True)
    return sum(bool(has.search(text)) for has in asked) / len(asked) if asked else 0.0


# "多少青年人才" "几个专家": a count of a thing the question names (after the measure word, if any).
_COUNT_OF = re.compile(r"(?:多少|几)(?:个|名|位|家|所|项|套|批|户|间|张)?([\u4e00-\u9fff]{2,8})")
_MEASURE = r"(?:个|名|位|家|所|项|套|批|户|间|张|人)?"


# "青年人才有多少", "人才公寓一共有多少": the thing counted before the question.
_COUNTED_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:一共|总共|共|总共有|大概|大约)?有多少[个名位家所项套批户间张]?"
                             r"[？?吗呢啊呀]*$")
_NOUN_TAGS = ("n", "nz", "nt", "t", "b", "j", None)


@lru_cache(maxsize=4096)
def _counted_thing(question: str) -> str:
    """The noun a "how many" question counts ("去年吸引了多少青年人才来姜堰" → 青年人才, "姜堰的青年人才有
    多少" → 青年人才), or ""."""
    phrase = ""
    m = _COUNT_OF.search(question)
    if m is not None:
        for word in words(m.group(1)):  # the noun phrase it opens: 青年 + 人才, 保障性 + 住房
            if word_tag(word) not in _NOUN_TAGS:
                break
            phrase += word
    elif (m := _COUNTED_BEFORE.search(question)) is not None:
        for word in reversed(words(m.group(1))):  # the noun phrase it ends with
            if word_tag(word) not in _NOUN_TAGS:
                break
            phrase = word + phrase
    return phrase if len(phrase) >= 2 and _is_subject(phrase) else ""


def counted_fit(question: str, text: str) -> float:
    """1.0 when ``text`` states a number of the thing the question counts, either way round
    ("3000多名青年人才", "新建人才公寓424套"); 0.0 otherwise or when it counts nothing named.
    "吸引1万多省内外青年学子" counts students, not the 青年人才 asked."""
    thing = _counted_thing(question)
    if not thing:
        return 0.0
    t = re.escape(thing)
    # ("3000多名青年人才" counts 人才: a word may qualify the thing after the measure.)
    return 1.0 if re.search(rf"{_N}(?:多|余)?(?:万|千|百)?(?:多|余)?{_MEASURE}[\u4e00-\u9fff]{{0,3}}?{t}"
                            rf"|{t}[^，。；]{{0,6}}?{_N}", text) else 0.0


# "第几号令" "第几条" ask for an ordinal of that unit: only "第663号" "第五条" state one.
_ORDINAL_ASKED = re.compile(r"第几\s*([号条次批届类项章款级期])")


def _ordinal_fit(query: str, text: str) -> bool | None:
    """None when the question asks for no ordinal; else whether ``text`` states one of the unit asked."""
    m = _ORDINAL_ASKED.search(query)
    if m is None:
        return None
    return re.search(rf"第\s*{_N}\s*{m.group(1)}", text) is not None


# The money a question asks the amount of ("见习每月能拿多少生活费", "人才中介收服务费多少钱"):
# an amount of something else (免费停车, a fine) does not answer it. A money word is read as
# jieba cuts it (生活费, 服务费, 工本费), so the characters before it never join it.
_MONEY_WORDS = ("补贴", "补助", "津贴", "工资", "奖励", "房租", "罚款", "金")  # 金: 租金, 押金, 奖金, 保证金
_NOT_MONEY = frozenset({"免费", "收费", "缴费", "交费", "付费", "花费", "经费"})
_AMOUNT_ASKED = re.compile(rf"多少钱|多少元|{_RECEIVED}|{_PAID}|金额|是多少|{_MONEY_AMOUNT}")


def is_money(word: str) -> bool:
    return word not in _NOT_MONEY and len(word) >= 2 and (word.endswith("费") or word.endswith(_MONEY_WORDS))


_QUALIFIERS = frozenset({"n", "nz", "vn", "v", "j", "b", None})
# Verbs said of money, not kinds of it: "知道补贴多少", "发放补贴多少钱", "享受补贴标准是多少".
_MONEY_ACTS = frozenset("知道 了解 发放 发 拿到 拿 领 领取 申领 申请 享受 获得 得到 给予 给 补 交 缴纳 支付 提高 调整 能领 能拿 "
                        "可以 能够 每月 每年 一次性".split())


@lru_cache(maxsize=4096)
def _money_words(query: str) -> tuple[str, ...]:
    """The money the question names, each with the word before it that says which ("见习补贴" →
    补贴, 见习; "社保费补贴" → 社保费, 补贴): a text naming only 场地补贴 names other money."""
    cut = words(query)
    out: list[str] = []
    for i, word in enumerate(cut):
        if is_money(word):
            before = cut[i - 1] if i else ""
            if len(before) >= 2 and word_tag(before) in _QUALIFIERS and not generic_word(before) \
                    and before not in _MONEY_ACTS:
                out.append(before)
            out.append(word)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def _amount_clause(query: str) -> str | None:
    """The clause of the question that asks an amount, or None. "领住房租赁补贴，收入那个系数是多少"
    asks a coefficient: the money named before it is context; "见习补贴，一个月是多少" asks the
    money of the clause before, its own naming nothing."""
    clauses = [c for c in _CLAUSE_END.split(query) if c and _AMOUNT_ASKED.search(c)]
    return clauses[-1] if clauses else (query if _AMOUNT_ASKED.search(query) else None)


def money_named(query: str, text: str) -> bool:
    """False when the question asks an amount of a named kind of money and ``text`` does not name it."""
    asked = _amount_clause(query)
    if asked is None:
        return True
    wanted = _money_words(asked)
    if not wanted and not subject_terms(asked):  # "见习补贴，一个月是多少": the money of the clause before
        wanted = _money_words(query)
    if not wanted:
        return True
    text = _comparable(text)
    return all(_found(w, text, query, _phrases_in(query)) for w in wanted)


def missing_attribute(query: str, text: str) -> bool:
    return attribute_fit(query, text) < 0


# "缴费基数最低能按多少报" "系数是多少" "要学多少学时": a quantity, of a kind no pattern above names.
# Not "多少有点", "好几个月" (several), "哪几个" (which), "第几条" (an ordinal, above), not a count
# of things ("驿站有几个", "多少家"), which a list of their names may answer, nor "多少材料" (which).
_HOW_MUCH = re.compile(rf"多少(?![有也还{MEASURE_WORDS}]|材料|资料|手续|证件|证明)|(?<![好哪这那十第])几(?=[年月天岁次倍成分万])(?!年[轻级])")
# A year ("2013年各镇街学位数") dates a figure; it is none itself.
_FIGURE = re.compile(r"(?<![第\d])(?!(?:19|20)\d\d年)\d|百分之|免费|免收|不收|全额|双倍|加倍"
                     r"|(?<![第一二两三四五六七八九十百千万同])[一二两三四五六七八九十百千万半]+(?:多|余)?"
                     r"(?:个|位|名|家|项|年|月|天|日|岁|周岁|次|件|种|条|套|张|所|批|户|间|份|倍|成|元|分(?!重要)|万(?!不)|人|晚"
                     r"|周|小时|工作日|学时|平方米|平米)")

# A number of things counted: "3000多名", "11所", "1万多省内外青年学子", "90学时", a table's bare
# count ("人数：30"); not a span of time, a sum of money, an age or a score ("毕业5年内").
_COUNT = _figure(r"(?<![第\d.])\d+(?:\.\d+)?(?:多|余)?(?:[万千百亿](?:多|余)?)?(?![\d.万千百亿多余年月天日岁周元块%％分号时晚])"
                 rf"|(?<![第])[一二两三四五六七八九十百千万]+(?:多|余)?(?:{_THINGS}|场|次|件|届|期|种|类|条|支)")

# "咋算" "怎么计算" "按什么算": how a figure is worked out, which a formula states.
_HOW_COMPUTED = re.compile(r"(?:怎么|咋|如何|怎样)(?:计算|算|核算|计)|按什么算|计算(?:方法|方式|公式)")
_FORMULA = re.compile(r"除以|乘以|[×＊]|[＝=]")


def attribute_fit(query: str, text: str, context: str = "") -> int:
    """-1: the question asks for a kind of fact ``text`` does not state; 1: it states
    every kind asked; 0: the question asks for none.

    ``context`` (a heading, the opening of the item ``text`` continues) may state that the
    text is about conditions or a procedure ("…具备下列条件的：" before "3．家庭人均资产…"),
    but a figure asked must be the text's own: under "第四十七条 …处一倍以上三倍以下罚款",
    "有违法所得的，没收违法所得" states no multiple.
    """
    asked = _asked_kinds(query)
    if _HOW_MUCH.search(_asked_only(query)) and not any(has in _FIGURES for has in asked):
        # "缴费基数按多少报": a figure; "去年来了多少大学生": a number of them, not "毕业5年内"
        asked += (_COUNT if _counted_thing(query) else _FIGURE,)
    if _HOW_COMPUTED.search(query) and _FORMULA.search(text):
        return 1  # "个人账户那部分咋算发多少": the way it is worked out ("储存额除以139") is the answer
    ordinal = _ordinal_fit(query, text)
    if not asked and ordinal is None:
        return 0
    whole = f"{context} {text}" if context else text
    own = _unstated(query, text) if any(has in _FIGURES or has is _FIGURE for has in asked) else text
    return 1 if all(has.search(own if has in _FIGURES or has is _FIGURE else whole) for has in asked) \
        and ordinal is not False else -1


@lru_cache(maxsize=4096)
def asking_clauses(query: str) -> tuple[str, ...]:
    """The clauses of ``query`` that each ask some kind of fact of their own ("签注几次", "收费不")."""
    return tuple(c for c in (c for c in _CLAUSE_END.split(query) if c) if _asked_kinds(c))


def _unstated(query: str, text: str) -> str:
    """``text`` without the figures the question itself states: "签了一年合同，补贴最长给几年" is not
    answered by "签订一年以上期限劳动合同的…给予补贴" but by "…不超过三年"."""
    stated = Counter(dict(_stated(query)))
    if not stated:
        return text

    def once(m: re.Match) -> str:  # each figure the question states takes away one saying of it
        q = _said(m)
        if stated[q] > 0:
            stated[q] -= 1
            return ""
        return m.group(0)
    return _SAID_QUANTITY.sub(once, text)


@lru_cache(maxsize=4096)
def _stated(query: str) -> tuple[tuple[tuple[float, str], int], ...]:
    """The figures with a unit the question states, each with how often: read once per question,
    not once per candidate sentence."""
    return tuple(Counter(q for q in map(_said, _SAID_QUANTITY.finditer(query)) if q[0] is not None and q[1]).items())


# The units a figure is said in, a longer one before the one it starts with (分钟 before 分); units
# of one kind are one family (_FAMILY).
_UNITS = "周岁|周年|岁|个工作日|工作日|个月|月|年|天|日|万元|元|万|分钟|分|%|％"
# A figure with its unit, in digits or as said in words ("一年", "三个月"): "签订一年以上…劳动合同".
_SAID_QUANTITY = re.compile(rf"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{{1,4}})\s*({_UNITS})")


def _said(m: re.Match) -> tuple[float | None, str | None]:
    number, unit = m.group(1), m.group(2)
    if unit == "月":  # "三月", "3月1日": a month of the year, not a number of months
        return None, None
    value = float(number) if number[0].isdigit() else cn_number(number)
    return (None if value is None else _value(str(value), unit)), _FAMILY.get(unit, unit)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A figure and its unit: "13万", "60周岁", "3年", "2000元". Units of one kind are one family.
_UNIT = rf"({_UNITS})?"
_Q = rf"(\d+(?:\.\d+)?)\s*{_UNIT}"
_QUANTITY = re.compile(_Q)
# Where a table or a rule puts a person's figure: "9.4万—11.2万元", "60周岁以上", "不满10年".
_BETWEEN = re.compile(rf"{_Q}[^\d，。；、（）()]{{0,3}}?\s*[—–\-－~～至到]\s*{_Q}")
_FROM_SIDE = re.compile(rf"((?:高于|大于|低于|小于)或?等于|超过|高于|多于|大于|满|不低于|不少于|达到|不满|未满|低于|少于|小于"
                        rf"|不超过|不高于|不多于|不足)\s*{_Q}")
_TO_SIDE = re.compile(rf"{_Q}[\u4e00-\u9fff%％]{{0,3}}?(及以上|或以上|以上|及以下|或以下|以下)")
_YEAR_LIKE = re.compile(r"^(?:19|20)\d\d$")  # 2020年 is a date, inside no span of amounts
_UPPER_WORDS = ("不满", "未满", "低于", "少于", "小于", "不超过", "不高于", "不多于", "不足", "以下", "及以下", "或以下",
                "低于或等于", "低于等于", "小于或等于", "小于等于")
# "高于15600元，低于或等于24795元": a lower and an upper bound in one clause are one band of a table.
_BAND_GAP = re.compile(r"^[，、,\s]*(?:且|并且|但|而)?[，、,\s]*$")
_FAMILY = {"周岁": "age", "岁": "age", "个月": "month", "月": "month", "年": "year", "周年": "year", "天": "day",
           "日": "day", "工作日": "day", "个工作日": "day", "万元": "money", "元": "money", "万": "money", "分钟": "minute", "分": "score", "%": "share", "％": "share"}


def _value(number: str, unit: str) -> float:
    return float(number) * (10000 if unit.startswith("万") else 1)


@lru_cache(maxsize=8192)
def _ranges(text: str) -> tuple[tuple[float, float, str], ...]:
    """The spans of quantity ``text`` states, each with its kind of unit ("" if none): between two
    figures, or above or below one."""
    out = []
    for a, a_unit, b, b_unit in _BETWEEN.findall(text):
        unit = b_unit or a_unit  # "9.4—11.2万元": both in 万
        out.append((_value(a, a_unit or unit), _value(b, unit), _FAMILY.get(unit, "")))
    bounds = sorted([(m.start(), m.end(), m.group(1), m.group(2), m.group(3)) for m in _FROM_SIDE.finditer(text)]
                    + [(m.start(), m.end(), m.group(3), m.group(1), m.group(2)) for m in _TO_SIDE.finditer(text)])
    pending = None  # a lower bound an upper one may close: (end, value, family)
    for start, end, word, number, unit in bounds:  # one bound: below it ("不满10年", "35周岁以下") or above it
        unit = unit or ""
        value, family = _value(number, unit), _FAMILY.get(unit, "")
        upper = word in _UPPER_WORDS
        closes = (upper and pending is not None and family == pending[2]
                  and _BAND_GAP.match(text[pending[0]:start]) is not None)
        if pending is not None and not closes:
            out.append((pending[1], float("inf"), pending[2]))  # a lower bound alone: everything above it
        if upper:
            out.append((pending[1] if closes else float("-inf"), value, family))
        pending = None if upper else (end, value, family)
    if pending is not None:
        out.append((pending[1], float("inf"), pending[2]))
    return tuple(out)


_AGE_MAX = 120


def _bare(number: str) -> str | None:
    """The kind of a figure named without a unit: about a person, an age ("今年63了"), if it can be
    one, else a sum of money ("月薪8000", "年收入两万五": inside a table's band of incomes, never
    "超过60周岁", which held every large bare figure when it had no kind)."""
    if _YEAR_LIKE.match(number):
        return None
    return "age" if float(number) <= _AGE_MAX else "money"


@lru_cache(maxsize=4096)
def _unit_family(number: str, query: str) -> str | None:
    """The kind of the unit ``query`` says ``number`` in (10天 → day), if any."""
    unit = next((u for n, u in _QUANTITY.findall(query) if n == number), "")
    return _FAMILY.get(unit)


def _figure_in(number: str, family: str | None, text: str) -> bool:
    """Whether ``text`` states ``number`` (of the unit family given, when one is)."""
    return any(n == number and (family is None or _FAMILY.get(unit) == family) for n, unit in _QUANTITY.findall(text))


def numbers_fit(query: str, text: str) -> float:
    """Share of the numbers the question names (50万, 2020年…) that ``text`` states, or whose span
    of the same kind it states ("交了13万个税" meets "12.6万—14.4万元", "今年63了" meets
    "男超过60周岁" — a bare figure about a person is an age — but not "连续失业一年以上"); 1.0 if none."""
    wanted = {(n, _value(n, unit), _FAMILY.get(unit) or _bare(n), unit in _FAMILY) for n, unit in _QUANTITY.findall(query)}
    if not wanted:
        return 1.0
    found = set(_NUMBER.findall(text))
    text = arabic_numerals(text)
    # A figure said with its unit is that figure of that kind: "连住十天" is not met by "10张床位".
    stated = {(n, _FAMILY.get(unit)) for n, unit in _QUANTITY.findall(text)}
    spans = _ranges(text)
    return sum(((n, kind) in stated if said else n in found)
               or (not _YEAR_LIKE.match(n) and any(lo <= v <= hi and kind == unit for lo, hi, unit in spans))
               for n, v, kind, said in wanted) / len(wanted)


def sentence_terms(query: str, text: str) -> tuple[float, float]:
    """(coverage of all the question's terms, of its specific ones) in one answer sentence."""
    return _coverages(query, text)[:2]


def subject_share(query: str, text: str) -> float:
    """Share of what the question is about (its subject, not the kind of fact asked) in ``text``."""
    return _coverages(query, text)[2]


# Questions about a document itself (its 文号, issuer, dates), which its card answers.
_ABOUT_DOCUMENT = re.compile(r"文号|第几号|几号文|发文|发布|印发|颁布|出台|成文|落款|签发|施行|(?:开始|何时|哪天|什么时候|啥时候)实行|生效|实施|哪个部门|哪个单位|哪个机关|谁发|哪年|哪一年"
                             r"|(?:什么时候|啥时候|哪天|何时|谁)(?:审议)?通过|修改过|修订过|修正过")


# Where a clause ends: punctuation, or (typed by voice, without any) a word that opens the next one.
_CLAUSE_END = re.compile(r"[，,；;。！!？?\s]+|(?=听说|请问|想问|但是|可是|不过|所以|另外|顺便问)")


@lru_cache(maxsize=4096)
def asked_clause(query: str) -> str:
    """The last clause of a message that opens with context ("我跟对象都打算去姜堰上班，担心没房住，
    人才公寓房源多吗"), when it names a subject of its own; "" otherwise."""
    clauses = [c for c in _CLAUSE_END.split(query) if c]
    if len(clauses) < 2:
        return ""
    last = clauses[-1]
    if subject_terms(last):
        return last
    # "我是今年的研究生 想来姜堰找工作 有什么政策": what follows the asker saying who they are
    rest = "".join(clauses[1:])
    return rest if _ABOUT_ME.match(clauses[0]) and subject_terms(rest) else ""


_ABOUT_ME = re.compile(r"^(?:我|本人)(?:是|今年|刚|已经|现在|明年|去年)")


def about_the_asker(query: str) -> bool:
    """Whether ``query`` opens by saying who asks ("我是应届生 想了解下见习补贴"); the caller has its
    ``asked_clause`` already."""
    return bool(_ABOUT_ME.match(query))


def relevance(query: str, chunk: ChunkRecord, dense: float | None, clause: bool = False) -> float:
    """0..1: how much ``chunk`` speaks to ``query``. ``clause``: also judged on the question's
    last clause alone, for whether to answer at all (the context before it often names
    nothing the documents do); the ranking keeps the whole question, whose context may
    decide between two rules ("我工作快十年了，一年能休几天年假")."""
    query = query.lower()
    if chunk.heading == CARD_HEADING and not _ABOUT_DOCUMENT.search(query):
        return 0.0  # the card restates the title: it matches every question about the topic and answers none
    text = f"{chunk.title} {chunk.heading} {chunk.text}".lower()
    if missing_attribute(query, text):
        return 0.0
    cov, specific, _ = _coverages(query, text)
    ask = asked_clause(query) if clause else ""
    if ask:  # "我学计算机的，姜堰有软件园吗": the context before the question is not what it asks
        cov, specific = max((cov, specific), _coverages(ask, text)[:2])
    if dense is None:
        return cov
    mixed = 0.65 * cov + 0.35 * _dense_share(dense)
    if specific < _SUBJECT_MIN:
        return min(mixed, cov)  # most of what the question is about is not in the text: similar wording cannot make up for it
    return mixed


def agreement(relevance: float, dense: float | None) -> float:
    """How sure a chunk speaks to the question: its relevance plus a fifth of how near its meaning is
    (the dense similarity between the default embedder's unrelated and on-topic marks, 0 when the dense
    side did not find it at all). Relevance weighs the words the question shares; a long regulation
    shares some with almost any question, and then only the meaning tells a related rule from one
    that merely uses the words ("五险一金各交多少比例" is not "安排残疾人就业的比例")."""
    return relevance + 0.2 * (0.0 if dense is None else _dense_share(dense))


def _dense_share(dense: float) -> float:
    """A dense cosine as 0..1 between the default embedder's unrelated and on-topic marks."""
    return min(max((dense - _DENSE_LOW) / (_DENSE_HIGH - _DENSE_LOW), 0.0), 1.0)


def subject_terms(question: str) -> tuple[str, ...]:
    """What a question is about: its content terms minus generic words, places and the
    kind of fact asked ("那能住多久" has none; "驿站能住多久" has 驿站). One-character words (住, 钱)
    are verbs and measure words, not topics.

    A message with no subject continues the previous question's topic.
    """
    question = arabic_numerals(to_simplified(question.lower()))
    return tuple(t for t in content_terms(question) if len(t) >= 2 and not generic_word(t) and _is_subject(t))
