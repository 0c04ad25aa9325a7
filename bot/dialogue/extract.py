"""Slot values as people type them, found anywhere in a message.

Every extractor runs on every message of a flow (the Rasa-forms idea): one
message may fill several slots ("我想明天去溱湖驿站住3晚"), and a message that
holds no plausible value for the slot being asked is not forced into it — it
may be a question or a digression. Each returns the value, or None; the
validators in the flow say why a value that was found cannot be used.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bot.dates import parse_date, parse_nights
from knowledge.text import cn_number, parts_of_speech, sound_alike, typed_as_pinyin

_PHONE = re.compile(r"(?<!\d)(?:\+?86)?(1[3-9]\d{9})(?!\d)")
# A phone number as typed, separators included: "李娜，139 1234 5678" leaves the name.
_PHONE_WRITTEN = re.compile(r"(?:\+?86[\s-]?)?1[3-9](?:[\s-]?\d){9}")
# A landline as typed: an area code and seven or eight digits ("0523-86123456", "(0523)8612 3456"), or
# the seven or eight digits alone, which begin with 2-8 ("86123456": user test 24 lost the name beside it).
LANDLINE = (r"(?<![\d０-９])(?:[(（]?0\d{2,3}[)）]?[\s-]?\d{3,4}|[2-8]\d{2,3})[\s-]?\d{4}(?![\d０-９])")
_LANDLINE = re.compile(LANDLINE)
_NAME_LEAD = re.compile(r"^(?:(?:嗯+|呃+|额+|那个)[\s，,]*)?(?:我叫|我是|本人|姓名[是为:：]?|名字[是叫为:：]?|(?:联系人|入住人)[是为叫:：]?|叫我|叫|"
                        r"(?i:my\s+name\s+is|my\s+name's|i\s+am|i'm|name\s*[:：]))?\s*")  # "my name is Tom Li" (user test 10)
# What may follow a name said as a name ("叫我小王就行", "王芳吧"): not part of it.
_NAME_TAIL = re.compile(r"(?:就行|就好|就可以|就可以了|即可|吧)$")
_NAME = re.compile(r"^(?:[\u3400-\u9fff]{2,6}|[\u3400-\u9fff]{1,10}[·•][\u3400-\u9fff·•]{1,10}|[A-Za-z][A-Za-z .'-]{1,19})$")
_TRAILING = re.compile(r"[\s。．.！!？?，,、~～]+$")
_SPACED = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# English words said as answers or requests, never a name ("confirm" at the name prompt was booked as the
# guest's name: user test 23).
_NOT_A_LATIN_NAME = re.compile(r"(?<![A-Za-z])(?:ok|okay|yes|yeah|yep|yup|no|nope|sure|confirm|confirmed|cancel|book|booking|"
                               r"hello|hi|hey|thanks|thank|thx|help|stop|sorry|please|what|why|how|fine|right|correct|"
                               r"done|next|back|wait|human|staff|station|tomorrow|today|night|nights)(?![A-Za-z])", re.I)
_NOT_A_NAME = re.compile(r"你好|您好|姓|谢谢|驿站|预约|取消|算了|不订|换成|改成|吗|呢|什么|怎么|多少|哪|是的|不是|可以|"
                         r"电话|手机|号码|微信|"
                         r"好的|确认|人才|公寓|政策|补贴|工单|人工|入住|晚上|^换|^改")
_WEEK = re.compile(r"一周|一个星期|一个礼拜|一星期")
_FRACTION = re.compile(r"\d+\.\d+\s*个?(?:晚|夜|天)|半\s*(?:晚|夜|天)")
_BOTH = re.compile(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})天\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:晚|夜)")
# "2", "2号", "第二个", "第2个", "2号驿站", "选第一个吧": a station by its place in the list.
_LIST_NUMBER = re.compile(r"(?:(?:那|那就|就|还是|那还是)?(?:我?选|要)?)(第)?\s*(\d{1,2}|[一二三四五六七八九十])\s*(?:个|号)?\s*(?:驿站|站)?\s*(?:吧)?")


# English words said among Chinese ("我想book一个床位", "帮我check一下我的booking", "cancel my booking"),
# as the words the intents know, to tell what a message wants.
_ENGLISH_WORDS = {"booking": "预约", "book": "预约", "reservation": "预约", "reserve": "预约", "cancel": "取消",
                  "check": "查", "my": "我的", "confirm": "确认", "check in": "入住", "check-in": "入住",
                  "checkin": "入住", "check out": "退房", "check-out": "退房", "checkout": "退房", "human": "人工",
                  # what a question asks about ("有没有housing subsidy", "how many nights最多": user test 10 was
                  # told "帮不上忙")
                  "how many nights": "几晚", "how many days": "几天", "how long": "多久", "free": "免费",
                  "subsidy": "补贴", "subsidies": "补贴", "allowance": "补贴", "housing": "住房", "rent": "租房",
                  "apartment": "公寓", "station": "驿站", "talent": "人才"}
_ENGLISH = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(_ENGLISH_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])",
                      re.I)


def english_in_chinese(text: str) -> str:
    """``text`` with the English words of ``_ENGLISH_WORDS`` in Chinese ("cancel my booking" → "取消 我的 预约")."""
    return _ENGLISH.sub(lambda m: _ENGLISH_WORDS[m.group(1).lower()], text)


# A whole message typed in pinyin and sent before any character was picked ("yizhan zenme yuyue", "wo xiang
# yuyue yizhan"): read word by word as these, when it names one of the service's words (user test 26 was told
# in English that only Chinese is understood). One-syllable words that are English too (you, he) are left out.
_PINYIN_TOPICS = ["驿站", "预约", "预订", "取消", "人工", "转人工", "人才", "公寓", "人才公寓", "补贴", "落户", "创业", "见习",
                  "租房", "免费", "入住", "申请", "条件", "政策", "工作", "毕业"]  # what the service is about
_PINYIN_WORDS = ["我", "我想", "想", "我要", "要", "怎么", "怎么样", "什么", "多少", "多久", "哪里", "哪个", "在哪", "可以",
                 "能", "能不能", "吗", "呢", "住", "明天", "后天", "今天", "帮我", "一下", "转", "钱", "多少钱", "是"]
_CJK = re.compile(r"[\u3400-\u9fff]")


def pinyin_message(text: str) -> str:
    """``text`` read as the words its pinyin spells, when it holds no character and one of its words is
    one the service is about ("yizhan zenme yuyue" → "驿站怎么预约"); else ``text`` itself."""
    if _CJK.search(text) or not re.search(r"[A-Za-z]{2}", text):
        return text
    read = typed_as_pinyin(text, _PINYIN_TOPICS + _PINYIN_WORDS)
    if not any(word in read for word in _PINYIN_TOPICS):
        return text
    return re.sub(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])", "", read)


# Days and nights said in English among Chinese ("check in 12月8号", "next friday", "2 nights"), as
# the Chinese the date rules read (bot/dates.py).
_ENGLISH_DAYS = {"day after tomorrow": "后天", "tomorrow": "明天", "today": "今天", "tonight": "今晚",
                 "this weekend": "这周末", "next weekend": "下周末", "weekend": "周末", "next week": "下周",
                 "monday": "周一", "tuesday": "周二", "wednesday": "周三", "thursday": "周四", "friday": "周五",
                 "saturday": "周六", "sunday": "周日", "next": "下", "this": "这",
                 "one": "一", "a": "一", "two": "两", "three": "三", "four": "四", "five": "五", "six": "六",
                 "seven": "七", "nights": "晚", "night": "晚", "days": "天", "day": "天"}
_ENGLISH_DAY = re.compile(r"(?<![A-Za-z])(check[\s-]?in|check[\s-]?out|day after tomorrow|this weekend|next weekend|"
                          r"next week(?!end)|tomorrow|today|tonight|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                          r"nights?|days?)(?![A-Za-z])", re.I)
# What comes before a weekday or a number of nights ("next friday", "two nights"): joined to it.
_ENGLISH_BEFORE = re.compile(r"(?<![A-Za-z])(next|this|one|a|two|three|four|five|six|seven)\s*"
                             r"(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day|nights?(?![A-Za-z])|days?(?![A-Za-z]))", re.I)


_NUMBER_GAP = re.compile(r"(?<=\d)\s+(?=[晚天])")  # "2 晚" → "2晚"


def english_days(text: str) -> str:
    """``text`` with the days and nights it says in English in Chinese ("next friday" → 下周五,
    "2 nights" → 2晚, "check in 12月8号 check out 12月10号" → 入住 12月8号 退房 12月10号)."""
    if not re.search(r"[A-Za-z]", text):
        return text

    def chinese(m: re.Match) -> str:
        word = re.sub(r"[\s-]+", " ", m.group(1).lower()).strip()
        if word.startswith("check"):
            return _ENGLISH_WORDS[word.replace(" ", "-")]
        return _ENGLISH_DAYS[word]
    text = _ENGLISH_BEFORE.sub(lambda m: _ENGLISH_DAYS[m.group(1).lower()], text)
    return _NUMBER_GAP.sub("", _ENGLISH_DAY.sub(chinese, text))


# What voice input writes between words that says nothing, standing alone between pauses ("那个 我叫
# 嗯 孙建国 然后电话是…": user test 11 lost the name), and a word begun and said again in full ("三
# 三晚吧", "住 住两个晚上"). Not "是 是 是": answers said apart, each of them whole.
_VOICE_FILLER = re.compile(r"(?:^|(?<=[\s，,、。]))(?:嗯+|恩+|呃+|额+|啊+|那个|这个|就是|然后)(?=[\s，,、。]|$)")
_STUTTER = re.compile(r"(?:^|(?<=[\s，,、]))([\u3400-\u9fff]{1,2})[\s，,、]+(?=\1[^\s，,、。.！!？?])")


# WeChat's own stickers arrive in a text as their names in brackets ("[捂脸]", "[强]"): the few that say
# something read as the sign they are, the others as an emoji, which says no words (user test 23: "[捂脸]"
# was looked up and "not found").
_STICKER = re.compile(r"\[([\u4e00-\u9fffA-Za-z0-9]{1,4})\]")
_STICKER_SIGNS = {"强": "👍", "OK": "👌", "好的": "👌", "疑问": "？", "再见": "再见"}


# A keycap digit ("2⃣️", "3️⃣"), the emoji for a number: the digit (user test 24: "2⃣️" nights were "没看懂").
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3\ufe0f?")


def stickers_as_signs(text: str) -> str:
    """``text`` with each WeChat sticker name ("[捂脸]") as the sign it is: 👍 for [强], a smile for most;
    a keycap digit emoji as its digit."""
    return _KEYCAP.sub(r"\1", _STICKER.sub(lambda m: _STICKER_SIGNS.get(m.group(1), "🙂"), text))


def unvoiced(text: str) -> str:
    """``text`` without the fillers and stutters of speech; ``text`` itself when that is all it says."""
    plain = re.sub(r"\s{2,}", " ", _STUTTER.sub("", _VOICE_FILLER.sub("", text))).strip(" ，,、")
    return plain or text


def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII (what phones and numbers are typed in on some keyboards)."""
    return "".join(unicodedata.normalize("NFKC", ch) if ch.isalnum() or ch in "＋－　" else ch for ch in text)


# A number read out digit by digit (voice input writes "一三九一二三四五六七八"; 幺 is how 1 is said
# in numbers, 洞 0): a run of seven or more such digits is a number, not words.
_SPOKEN_DIGIT = {"零": "0", "〇": "0", "洞": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4",
                 "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_SPOKEN_RUN = re.compile(rf"[{''.join(_SPOKEN_DIGIT)}](?:[\s，,、-]*[{''.join(_SPOKEN_DIGIT)}]){{6,}}")


def spoken_digits(text: str) -> str:
    """``text`` with numbers said digit by digit written in digits ("一三九 一二三四 五六七八" → 13912345678)."""
    return _SPOKEN_RUN.sub(lambda m: "".join(_SPOKEN_DIGIT.get(ch, "") for ch in m.group(0)), text)


def landline_in(text: str) -> bool:
    """Whether ``text`` holds a landline number ("林詩涵 0523-86123456"), which no text message reaches."""
    return bool(_LANDLINE.search(normalise(text)))


def phone_in(text: str) -> str | None:
    """A mainland mobile number anywhere in ``text``: "+86 138-1234-5678", "我的手机是13812345678",
    "幺三九一二三四五六七八" (voice input)."""
    compacted = re.sub(r"[\s\-()（）]", "", spoken_digits(normalise(text)))
    m = _PHONE.search(compacted)
    return m.group(1) if m else None


# Any way a mainland mobile number is written, full-width digits included (``\\d`` is Unicode).
_PHONE_ANYWHERE = re.compile(r"(?<![\d０-９])((?:[+＋]?[8８][6６][\s-]?)?)([1１][3-9３-９](?:[\s-]?\d){9})(?![\d０-９])")


# A mainland resident ID number: six digits of the place, the birthday, three digits and a check digit or X.
_ID_NUMBER = re.compile(r"(?<![\d０-９])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\d０-９])")


def id_number_in(text: str) -> bool:
    """Whether ``text`` holds an ID card number ("身份证321284199901011234"), which booking never asks for."""
    return bool(_ID_NUMBER.search(normalise(text).replace(" ", "")))


def mask_phone(phone: str) -> str:
    """"13812345678" → "138****5678": enough for staff to recognise a number, not to call it."""
    digits = re.sub(r"\D", "", normalise(phone))
    return f"{digits[:3]}****{digits[-4:]}" if len(digits) >= 7 else "****"


def mask_phones(text: str) -> str:
    """Every mobile number inside ``text`` masked ("我的手机是+86 138-1234-5678" → "…+86 138****5678"),
    wherever people typed one: shown to staff in logs and exports, which need the words, not the number."""
    return _PHONE_ANYWHERE.sub(lambda m: m.group(1) + mask_phone(m.group(2)), spoken_digits(text))


def without_phones(text: str) -> str:
    """``text`` less every mobile number in it, however typed ("我叫周周 电话１５９…" → "我叫周周 电话")."""
    return _PHONE_ANYWHERE.sub("", spoken_digits(text))


def name_in(text: str, introduced: bool = False) -> str | None:
    """A person's name: "陈晨", "我叫陈晨", "王芳。" (voice input ends in a full stop); never a greeting,
    a sentence, nor a word of another kind ("当然", "就我自己", "第一个", "写错了") unless it is
    ``introduced`` as a name ("我叫…")."""
    given = _LANDLINE.sub("", _PHONE_WRITTEN.sub("", spoken_digits(normalise(text)))).strip()
    plain = _NAME_TAIL.sub("", _TRAILING.sub("", _NAME_LEAD.sub("", given)))
    plain = _SPACED.sub("", plain)  # "马 云": voice input spaces a name out
    if (not _NAME.match(plain) or _NOT_A_NAME.search(plain) or _NOT_A_LATIN_NAME.search(plain)
            or parse_date(plain, date.today()) is not None):
        return None
    if not (introduced or _NAMED.match(given)) and not could_be_a_name(plain):
        return None
    return plain


# "我叫…", "名字是…", "姓名：…": what follows is a name as said, whatever else the word could be
# (林更新, 常远: words as well as names).
_NAMED = re.compile(r"^(?:我叫|叫|我的名字[是叫]|名字[是叫为:：]|姓名[是为:：])")
# Parts of speech no name is made of (jieba's tags): pronouns (就我自己, 本人), adverbs (当然, 马上),
# conjunctions, prepositions, particles, interjections, set phrases (算了吧), verbs (写错了, 没问题),
# and localisers.
_NOT_IN_A_NAME = re.compile(r"^(?:r\w*|d\w*|c\w*|p\w*|u\w*|y|e|o|l|v\w*|f)$")


def could_be_a_name(text: str) -> bool:
    """Whether a short Chinese phrase may be a person's name. A word jieba takes for a name (``nr``,
    guessed by its HMM for names it has never seen) is one, even one that is also a word (许可, 安静);
    otherwise a phrase with a function word, a verb, or a number first (第一个, 一个人) is not. Latin
    names are not looked at."""
    if not re.search(r"[\u3400-\u9fff]", text):
        return True
    tagged = parts_of_speech(text)
    if any(flag.startswith("nr") for _, flag in tagged):
        return True
    if tagged and tagged[0][1].startswith("m"):
        return False
    return not any(_NOT_IN_A_NAME.match(flag) for _, flag in tagged)


# "…住两晚，我叫赵敏，电话136…": a name stated inside a longer message ("我是" is left out:
# "我是应届生" states no name). Also someone else's ("帮我同学订的 他叫刘洋"), after the surname
# ("姓李 叫李娜", "我姓王，王小明"), and a name put right ("名字写错了 是赵蕾", "姓名改成赵蕾").
_NAME_IN_SENTENCE = re.compile(r"(?:(?:名字|姓名)(?:也|都|又|还)?(?:写错了?|打错了?|填错了?|错了|不对)[，,。\s]*(?:应该|其实)?(?:是|叫|为)?|"
                               r"(?:名字|姓名)(?:改成|改为|换成)|"
                               r"(?<=[\s，,。；;\d])(?P<bare>叫)(?![我你他她])|"   # "…手机139… 叫张伟" (user test 9)
                               r"我叫|(?:[他她]|孩子|儿子|女儿|闺女|小孩|朋友|同学|室友|同事|对象|老公|老婆|男朋友|女朋友)(?:的名字)?叫|我的名字是|我的名字叫|名字是|名字叫|姓名[是为:：]?|入住人[是为叫:：]?|"
                               r"(?:我|他|她)?姓(?P<surname>[\u3400-\u9fff]{1,2})[，,、\s]*(?:叫|名叫|全名|全名是)?"
                               r"(?=[\u3400-\u9fff])(?!叫))\s*"
                               r"(?P<name>[\u3400-\u9fff·•]{2,10}?)(?=[，,。.；;！!\s]|电话|手机|号码|然后|还有|另外|就是|$)")
_BARE_NAME_MAX = 4  # characters: 张伟, 欧阳娜娜
# Only a surname ("我姓陈"), or a name people are called by and no ID card bears ("小王", "老李",
# "阿强"): the booking asks for the full name.
_SURNAME_ONLY = re.compile(r"^(?:我|他|她|入住人)?姓([\u3400-\u9fff]{1,2})(?:的)?$")
_NICKNAME = re.compile(r"^(?:小|老|阿)[\u3400-\u9fff]$")


def stated_name(text: str) -> str | None:
    """A name the message states anywhere ("明天住两晚，我叫赵敏，电话…" → 赵敏). After a surname
    given first, only a name with that surname ("姓李 李娜"; "姓李 叫娜娜" is no full name)."""
    for m in _NAME_IN_SENTENCE.finditer(normalise(text)):
        name = m.group("name")
        if m.group("surname") and not name.startswith(m.group("surname")):
            continue
        # a bare 叫 after a pause may be the verb ("明天到 叫车过去方便吗", "叫个外卖"): what follows
        # must be as long as a name and look like one
        if m.group("bare") and len(name) > _BARE_NAME_MAX:
            continue
        found = name_in(name, introduced=not m.group("bare"))
        if found:
            return found
    m = _NAME_IN_ENGLISH.search(normalise(text))  # "my name is Li Hua, phone 135…" (user test 23: not read)
    return name_in(m.group(1), introduced=True) if m else None


# A name stated in English: "my name is Li Hua", "name: 李华" ("i am …", "this is …" say an age, a purpose or
# a choice as often: not read as a name).
_NAME_IN_ENGLISH = re.compile(r"(?<![A-Za-z])(?:my\s+name\s+is|my\s+name's|name\s*[:：]|call\s+me)\s*"
                              r"([\u3400-\u9fff·]{2,6}|[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,2}?)"
                              r"(?=\s*(?:[,，.;；]|$|\band\b|\bphone\b|\btel\b|\bmobile\b|\bnumber\b|\d))", re.I)


def partial_name(text: str) -> str | None:
    """What a reply to "入住人的姓名" gives short of a full name: the surname alone ("我姓陈") or
    a name people are called by ("叫我小王就行"), as said; None for anything else."""
    plain = _TRAILING.sub("", normalise(text).strip())
    m = _SURNAME_ONLY.match(plain)
    if m:
        return m.group(1)
    called = _NAME_TAIL.sub("", _TRAILING.sub("", _NAME_LEAD.sub("", plain)))
    return called if _NICKNAME.match(called) else None


# "换一天", "改个天": another day, not a stay of one day.
_ANOTHER_DAY = re.compile(r"(?:换|改|挪|调)(?:一|个|一个)(?:天|日子)")


# Stays said in weeks or months ("住半个月", "两个星期", "一个月"): their nights, so that a stay
# over the limit is refused with the limit (user test 9 was told "没看懂要住几晚"). Not a time
# from now ("两周后", "一个月内"), nor a part of a larger number ("12个月", "十二周") or an ordinal ("第二周").
_LONG_STAY = re.compile(r"(?<![下上这本每前后第\d一二三四五六七八九十])(?:(?P<half>半个月)|(?P<months>一|1|两|2)个月|"
                        r"(?P<weeks>两|二|三|四|[2-4])(?:个)?(?:周|星期|礼拜))(?!后|以后|之后|内|以内)")
_HALF_MONTH_NIGHTS, _MONTH_NIGHTS, _WEEK_NIGHTS = 15, 30, 7


def _long_stay(m: re.Match) -> int:
    if m.group("half"):
        return _HALF_MONTH_NIGHTS
    if m.group("months"):
        return cn_number(m.group("months")) * _MONTH_NIGHTS
    return cn_number(m.group("weeks")) * _WEEK_NIGHTS


# 仨 and 俩, three and two of something ("住仨晚", "俩晚上"): the numerals nights are read from.
_COUNT_WORDS = {"仨": "三", "俩": "两"}
_COUNT_OF = re.compile(r"([仨俩])(?=个?(?:晚|天|夜|宿|礼拜|星期|周))")


def nights_in(text: str) -> int | None:
    """Nights: "3晚", "三晚", "住两天", "3天2晚" (the nights), "一周" (7), "半个月" (15). None if
    none is named."""
    t = _ANOTHER_DAY.sub("", english_days(normalise(text)))
    t = _COUNT_OF.sub(lambda m: _COUNT_WORDS[m.group(1)], t)  # "住仨晚" is three nights (user test 14)
    if _FRACTION.search(t):
        return None
    both = _BOTH.search(t)
    if both:
        return cn_number(both.group(2))
    if _WEEK.search(t):
        return 7
    long_stay = _LONG_STAY.search(t)
    if long_stay:
        return _long_stay(long_stay)
    return parse_nights(t)


def has_fraction(text: str) -> bool:
    return bool(_FRACTION.search(normalise(text)))


def date_in(text: str, today: date, week_of: date | None = None) -> date | None:
    """The day ``text`` names; a number read out digit by digit is a number ("手机号一三八…五六六一"
    holds no 六一, Children's Day)."""
    return parse_date(english_days(spoken_digits(normalise(text))), today, week_of)


# A place in a list said in English ("the first one", "2nd", "number 2", "option 1": user test 22 was
# asked the station again).
_ENGLISH_PLACE = re.compile(r"^(?:the\s+)?(?:(first|second|third|1st|2nd|3rd)(?:\s+one)?|(?:number|no\.?|option)\s*(\d))"
                            r"(?:\s+please)?$", re.I)
_ENGLISH_PLACES = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3"}


def english_place(text: str) -> str:
    """``text`` as the place in a list it says in English ("the first one" → "1"), else as it is."""
    m = _ENGLISH_PLACE.match(text.strip())
    if not m:
        return text
    return _ENGLISH_PLACES[m.group(1).lower()] if m.group(1) else m.group(2)


def is_list_choice(text: str) -> bool:
    """"2", "2号驿站", "第二个": a place in a list just shown, not a day or a number of nights."""
    listed = _LIST_NUMBER.fullmatch(_TRAILING.sub("", english_place(normalise(text)).strip()))
    return bool(listed and (listed.group(2).isdigit() or listed.group(1)))


# Picking from a numbered list of the user's own things (bookings): "第二个", "1和3", "取消第一个吧",
# "把第2个取消掉", "第二个不要了", "都取消". The verbs and particles around the places are dropped;
# what is left must be places only.
_PICK_LEAD = re.compile(r"^(?:我|帮我|请)?(?:要|想)?(?:把)?(?:取消|选|看看|看一下|查看)?(?:掉)?")
_PICK_TAIL = re.compile(r"(?:的?(?:那个|这个)?(?:预约|那个|这个))?(?:取消掉?|不要)?(?:吧|了|哈)*$")
_PICK_JOIN = re.compile(r"和|跟|与|还有|以及|[、,，\s]+")
_PICK_ALL = re.compile(r"^(?:我|帮我|请)?(?:要|想)?(?:把)?(?:这些|它们|这[两三四五]个)?(?:全部|全都|都|所有|[两三四五]个都)"
                       r"(?:的)?(?:预约)?(?:都)?(?:取消|取消掉|不要了?)?(?:吧|了|哈)*$")


# A place in the list by where it stands: "后面那个", "最后一个", "上面的" (user test 10: "帮不上忙").
_POSITION = re.compile(r"^(?P<most>最)?(?:(?P<first>前面|上面|前边|上边|前)|(?:后面|下面|后边|下边|后))"
                       r"(?:一个|那个|那一个|这个|的|个)?$")


def _by_position(core: str, count: int) -> int | None:
    """The place ``core`` names by position: the first or the last of the list ("最后一个"); "后面那个"
    without 最 only among two, where it can mean no other."""
    m = _POSITION.match(core)
    if m is None or count < 1 or (not m.group("most") and count != 2):
        return None
    return 1 if m.group("first") else count


def list_picks(text: str, count: int) -> list[int] | None:
    """The places (1-based) a message picks from a list of ``count`` items just shown, every one
    of them for "都取消"; None when the message is not a pick (a question, a new request). A place
    outside the list is returned as it is: the caller says there is no such item."""
    plain = re.sub(r"[\s。．.！!？?~～]", "", _TRAILING.sub("", english_place(normalise(text)).strip()))
    if _PICK_ALL.match(plain):
        return list(range(1, count + 1))
    core = _PICK_TAIL.sub("", _PICK_LEAD.sub("", plain))
    by_place = _by_position(core, count)
    if by_place is not None:
        return [by_place]
    picks = []
    for part in filter(None, _PICK_JOIN.split(core)):
        if not is_list_choice(part):
            return None
        picks.append(cn_number(_LIST_NUMBER.fullmatch(part).group(2)))
    return list(dict.fromkeys(picks)) or None


def station_in(text: str, stations: list[tuple[str, str, str]], by_number: bool = True,
               by_sound: bool = True) -> str | None:
    """A station by its number in the list, its name, or the part of its name that tells it apart
    ("溱湖", "总站"); ``stations`` are (id, name, address). ``by_number``: only where the list was
    just shown ("2号" is a day, "2" nights, at other steps). ``by_sound``: a name as pinyin input
    may give it ("秦湖" for the rare 溱湖); not where a person's name is asked (秦虎 is one)."""
    plain = _TRAILING.sub("", english_place(normalise(text)).strip())
    if is_list_choice(plain):  # "二" alone is no choice, "第二个" is
        if not by_number:
            return None
        n = cn_number(_LIST_NUMBER.fullmatch(plain).group(2))
        if n is not None and 1 <= n <= len(stations):
            return stations[n - 1][0]
    for sid, name, _ in stations:
        if name in plain or any(_names_station(plain, alias) for alias in station_aliases(name)):
            return sid
    main = [sid for sid, name, _ in stations if any(_MAIN_STATION.fullmatch(a) for a in station_aliases(name))]
    if len(main) == 1 and _MAIN_STATION.search(plain):  # "总部那个", "主站": the one station called the main one
        return main[0]
    by_address = list(dict.fromkeys(sid for sid, place in _address_places(stations) if place in plain))
    if len(by_address) == 1:  # "风景区那个", "人才服务中心那边": the station at that place
        return by_address[0]
    if by_sound:
        heard = sound_alike(plain, [alias for _, name, _ in stations for alias in station_aliases(name)])
        if heard != plain:
            return station_in(heard, stations, by_number=False, by_sound=False)
        typed = _typed_in_pinyin(plain, stations)
        if typed is not None:
            return typed
    return None


def _typed_in_pinyin(text: str, stations: list[tuple[str, str, str]]) -> str | None:
    """A station whose name's telling part is typed in pinyin before the characters were picked
    ("zongzhan", "qin hu": user test 14 was asked the station again): a run of letters that is
    exactly its sound (knowledge.text.typed_as_pinyin). Not a place's name (jiangyan is where, not which)."""
    aliases = [alias for _, name, _ in stations for alias in station_aliases(name) if not _is_place(alias)]
    typed = typed_as_pinyin(text, aliases)
    return station_in(typed, stations, by_number=False, by_sound=False) if typed != text else None


# The words for a main station ("总站" is one station's alias: "总部", "主站" name it too).
_MAIN_STATION = re.compile(r"总站|总部|主站|本部|总店|中心站")
_ADDRESS_WORD_START = re.compile(r"[市区县镇路号]")  # "区人才服务中心" starts inside another word
_ADDRESS_PLACE_MIN = 3  # characters: "风景区", "服务中心"; "人才", "中心" name no one place


def _address_places(stations: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(id, a piece of the station's address that no other station's address shares): "溱湖风景区",
    "风景区", "人才服务中心", "服务中心" (not "泰州市姜堰区", where every station is)."""
    addresses = [(sid, address or "") for sid, _, address in stations]
    places = []
    for sid, address in addresses:
        others = [a for i, a in addresses if i != sid]
        for start in range(len(address)):
            for end in range(start + _ADDRESS_PLACE_MIN, len(address) + 1):
                piece = address[start:end]
                if not any(piece in other for other in others) and not _ADDRESS_WORD_START.match(piece):
                    places.append((sid, piece))
    return places


# A station given up rather than chosen: "溱湖那个不要了", "不去溱湖了", "总站就算了".
_GIVEN_UP_BEFORE = r"(?:不去|不要|不想去|不订|不住|别订|不选)了?"
_GIVEN_UP_AFTER = r"(?:的|那个|那边|那里|那次)?(?:我|就|也)*(?:不要了?|不去了?|不住了?|去不了|算了|不订了?|取消)"


def without_given_up_stations(text: str, stations: list[tuple[str, str, str]]) -> str:
    """``text`` less the stations it gives up ("溱湖那个不要了" names no station to book), so that
    a booking never takes the one the user turns down (user test 4 booked 溱湖 for it)."""
    for _, name, _ in stations:
        for said in sorted({name, *station_aliases(name)}, key=len, reverse=True):
            said = re.escape(said)
            text = re.sub(f"{_GIVEN_UP_BEFORE}{said}|{said}{_GIVEN_UP_AFTER}", "", text)
    return text


_PLACE_REPLY_SLACK = 4  # "姜堰", "姜堰这边", "那就姜堰的吧": a reply that names only the place


def _names_station(text: str, alias: str) -> bool:
    """Whether ``text`` uses ``alias`` for the station. An alias that is also a place (姜堰 of
    姜堰青年人才驿站) names the station only beside a station word ("姜堰驿站", "姜堰的站") or as
    the whole of a short reply ("姜堰这边"): "我下周来姜堰面试，想预约驿站" names where the user
    goes, not which station (the gazetteer knows the places; stations come from the database)."""
    if alias not in text:
        return False
    if not _is_place(alias):
        return True
    plain = re.sub(r"[\s\W_]+", "", text)
    beside_station_word = re.compile(re.escape(alias) + "的?(青年)?(人才)?(驿站|站)")
    return bool(beside_station_word.search(plain)) or len(plain) - len(alias) <= _PLACE_REPLY_SLACK


def _is_place(word: str) -> bool:
    from knowledge.places import gazetteer

    return word in gazetteer().by_form


_GENERIC_STATION_WORDS = re.compile(r"青年人才驿站|人才驿站|青年驿站|驿站|青年|人才")


def station_aliases(name: str) -> list[str]:
    """What tells a station apart in speech: "溱湖青年人才驿站" → 溱湖; "姜堰青年人才驿站（总站）" → 姜堰, 总站."""
    inside = re.findall(r"[（(]([^）)]+)[）)]", name)
    outside = re.sub(r"[（(][^）)]*[）)]", "", name)
    parts = [p for p in _GENERIC_STATION_WORDS.split(outside) if len(p) >= 2] + [p for p in inside if len(p) >= 2]
    return parts


# Facts said instead of 是/否 to an eligibility question (bot/dialogue/booking_flow.py reads them
# against the question's limit): an age, how long ago one graduated, or that a limit is passed.
_NUM = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_AGE = re.compile(_NUM + r"\s*(?:周岁|岁)")
_AGE_SAID = re.compile(r"^(?:我|本人)?(?:今年|年龄|年纪)?(?:是|已经|才|刚|刚满|满)?" + _NUM + r"(?:了|啦|呀|啊)?$")
# "今年25", "年龄25了" inside a longer message ("今年6月毕业" and "今年12号" are not ages).
_AGE_STATED = re.compile(r"(?:今年|年龄|年纪)(?:是|已经|才|刚|刚满|满)?" + _NUM + r"(?![\d月号日年届级晚天个点])")
# "我32了" inside a longer reply to the age question ("为什么要问年龄 我32了不行吗"): only where the age is asked.
_AGE_IN_REPLY = re.compile(r"(?:^|(?<=[\s，,。！!？?])|(?<=说了)|(?<=说过))(?:我|本人)(?:今年|已经|才|都|也)?" + _NUM
                           + r"(?:了|啦|$)(?![\d月号日年届级晚天个点])")
# "他24 今年毕业", "我27 去年毕业 来找工作": a person and two digits, then a pause and more about
# them (user test 6 was asked the age again): an age wherever it is said ("我20 号能住吗" is a day).
_AGE_BESIDE = re.compile(r"(?:^|(?<=[\s，,。！!？?]))(?:我|他|她|本人)(?:今年|已经|才|都|也)?(\d{2})(?!\s*[号日月年晚天个点])(?:岁)?"
                         r"(?=[\s，,。、;；]|$)")
# Where the age is asked, a number leading the reply before a pause ("28 本科 找工作") or asked about
# ("我27算吗", "30可以吗", "我三十了行不行": user test 15 was told the conditions and asked again).
_AGE_LEADING = re.compile(r"^(?:我|本人)?(?:今年|已经|才|都)?" + _NUM + r"(?!\s*[\d号日月年晚天个点届级])(?:岁|周岁)?(?:了|啦)?"
                          r"(?=[\s，,、]|算|行|可以|符合|够|能|合格|没超|不超|超)")
_GRADUATED_IN = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*(?:年|级)?\s*(?:的)?\s*(?:本科|硕士|研究生|大专|专科|博士)?\s*"
                           r"(?:毕业|届)")
# A year read out digit by digit, as voice input writes it: "二三年毕业", "二零二三年毕业".
_YEAR_READ_OUT = re.compile(r"(?<![零〇一二三四五六七八九十])(?:[零〇一二三四五六七八九]{4}|[零〇一二三四五六七八九]{2})"
                            r"(?=\s*(?:年|级)?\s*(?:的)?\s*(?:本科|硕士|研究生|大专|专科|博士)?\s*(?:毕业|届))")
# The degree may come between ("今年研究生毕业", "去年本科刚毕业": user test 22 was asked again).
_GRADUATED_RELATIVE = re.compile(r"(今年|去年|前年|明年|后年)(?:\d{1,2}|[一二三四五六七八九十]{1,2})?月?份?(?:刚|才|就|要|会)?"
                                 r"(?:本科|硕士|研究生|大专|专科|博士|大学)?(?:刚|才|就|要|会)?毕业")
_GRADUATED_AGO = re.compile(r"毕业(?:快|已经|都|有|了)*" + _NUM + r"年")
_JUST_GRADUATED = re.compile(r"刚毕业|刚刚毕业|应届|毕业不久|毕业半年|马上毕业|快毕业|即将毕业")
# Facts about oneself typed in English ("i am 26, graduated 2023, looking for a job"), as the Chinese the
# eligibility readers know (user test 23: "还需要先选一个驿站" and every question asked again).
_ENGLISH_FACTS = [
    (re.compile(r"(?<![a-z])(?:i\s*am|i'?m|im|age|aged|age\s*is|my\s+age\s+is)\s*:?\s*(\d{2})(?!\d)"
                r"(?:\s*(?:years?|yrs?)(?:\s*old)?|\s*y/?o(?![a-z]))?", re.I), r" 我\1岁 "),
    (re.compile(r"(?<!\d)(\d{2})\s*(?:years?|yrs?)\s*old|(?<!\d)(\d{2})\s*y/?o(?![a-z])", re.I),
     lambda m: f" {m.group(1) or m.group(2)}岁 "),
    (re.compile(r"(?<![a-z])(?:graduated|graduate|graduating|grad)(?:\s+(?:in|from\s+[a-z ]{2,40}?\s+in))?\s*((?:19|20)\d{2})"
                r"|(?<![a-z])class\s+of\s+((?:19|20)\d{2})|(?<!\d)((?:19|20)\d{2})\s+(?:grad|graduate)(?![a-z])", re.I),
     lambda m: f" {m.group(1) or m.group(2) or m.group(3)}年毕业 "),
    (re.compile(r"(?<![a-z])graduated\s+last\s+year", re.I), " 去年毕业 "),
    (re.compile(r"(?<![a-z])graduated\s+(\d)\s+years?\s+ago", re.I), r" 毕业\1年 "),
    (re.compile(r"(?<![a-z])(?:just\s+graduated|graduat(?:ed|ing)\s+this\s+year|(?:fresh|new|recent)\s+(?:grad|graduate)s?)"
                r"(?![a-z])", re.I), " 应届 "),
    (re.compile(r"(?<![a-z])(?:looking\s+for\s+(?:a\s+)?(?:job|work)|job[\s-]*(?:hunting|seeking|search)|find(?:ing)?\s+(?:a\s+)?"
                r"(?:job|work)|job\s+interview|(?:an\s+)?interview)(?![a-z])", re.I), " 找工作 "),
    (re.compile(r"(?<![a-z])(?:start(?:ing)?\s+(?:a|my\s+own)\s+(?:business|company|startup)|startup|entrepreneur)(?![a-z])",
                re.I), " 创业 "),
    (re.compile(r"(?<![a-z])(?:internship|intern)(?![a-z])", re.I), " 实习 "),
    (re.compile(r"(?<![a-z])(?:travel(?:l?ing)?|vacation|holiday|sightseeing|tourist|tourism|business\s+trip)(?![a-z])", re.I),
     " 旅游 "),
]


def english_facts(text: str) -> str:
    """``text`` with the facts about oneself it says in English in Chinese ("i am 26" → 我26岁, "graduated
    2023" → 2023年毕业, "looking for a job" → 找工作); as it is when it has no Latin letters."""
    if not re.search(r"[A-Za-z]", text):
        return text
    for pattern, chinese in _ENGLISH_FACTS:
        text = pattern.sub(chinese, text)
    return text


_RELATIVE_YEARS = {"今年": 0, "去年": 1, "前年": 2, "明年": -1, "后年": -2}
_OVER_LIMIT = re.compile(r"^(?:我|年龄|年纪)?(?:已经|早就?|都)?(?:超过|超出|超|过)(?:了|啦)")
_WITHIN_LIMIT = re.compile(r"(?:没|没有|不|未)(?:超过|超出|超|到)")


# The sounds and small words a voice-typed reply starts with, before what it says.
_FILLER_FIRST = re.compile(r"^(?:嗯+|恩+|额|呃|哦+|噢|诶|欸|那个|就是|好的|对的|对|是的)[\s，,。、~～]*")


def age_in(text: str, asked: bool = True) -> int | None:
    """An age said: "25岁", "我今年25", "三十了"; a bare number only as the whole reply to the age
    question (``asked``): elsewhere "3" is nights and "12" a day, and only "25岁" or "今年25" is an age."""
    t = _FILLER_FIRST.sub("", normalise(text))  # "嗯我26 去年毕业的" (user test 19 was asked the age again)
    if not asked:
        m = _AGE.search(t) or _AGE_STATED.search(t) or _AGE_BESIDE.search(t)
    else:
        m = (_AGE.search(t) or _AGE_SAID.match(re.sub(r"[\s。．.！!，,~～]", "", t)) or _AGE_STATED.search(t)
             or _AGE_IN_REPLY.search(t) or _AGE_BESIDE.search(t) or _AGE_LEADING.match(t.strip()))
    age = cn_number(m.group(1)) if m else None
    return age if age is not None and 10 <= age <= 99 else None


def years_since_graduation(text: str, today: date) -> int | None:
    """How many years ago the user graduated (0: this year, 应届): "我是2018年毕业的", "18届",
    "今年6月刚毕业", "去年毕业的", "毕业三年了", "应届生". Negative for a graduation in a later year
    ("明年才毕业" → -1): not yet a graduate, nor 应届 this year (user test 7 took it for one)."""
    t = _YEAR_READ_OUT.sub(lambda y: "".join(_SPOKEN_DIGIT[ch] for ch in y.group(0)), normalise(text))
    m = _GRADUATED_IN.search(t)
    if m:
        year = int(m.group(1))
        if year < 100:  # "18年毕业"
            year += 2000 if year <= today.year % 100 + 5 else 1900
        return today.year - year
    m = _GRADUATED_RELATIVE.search(t)
    if m:
        return _RELATIVE_YEARS[m.group(1)]
    m = _GRADUATED_AGO.search(t)
    if m and cn_number(m.group(1)) is not None:
        return cn_number(m.group(1))
    return 0 if _JUST_GRADUATED.search(t) else None


def over_limit(text: str) -> bool | None:
    """"超过了" → True, "没超过" / "不到" → False: the answer to a question about a limit."""
    plain = re.sub(r"[\s。．.！!，,~～]", "", normalise(text))
    if _WITHIN_LIMIT.search(plain):
        return False
    return True if _OVER_LIMIT.match(plain) else None
