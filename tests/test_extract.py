"""Reading what people type: a place in a numbered list (bot/dialogue/extract.py list_picks, the
one reading both lists of bookings use: 取消预约's list to cancel from, 我的预约's list), a yes or no
(intents.yes_no) and the facts said instead of one (an age, a year of graduation)."""

from __future__ import annotations

import pytest

from bot.dialogue.extract import list_picks


@pytest.mark.parametrize("text, picks", [
    ("第一个", [1]), ("第2个", [2]), ("2", [2]), ("第二个吧", [2]), ("取消第二个", [2]), ("取消第2个", [2]),
    ("我要取消第一个", [1]), ("把第二个取消掉", [2]), ("第二个不要了", [2]), ("取消第二个预约", [2]),
    ("看看第一个", [1]), ("1和3", [1, 3]), ("第五个", [5]), ("都取消", [1, 2, 3]), ("全部取消", [1, 2, 3]),
])
def test_a_place_in_the_list_is_read_in_the_words_people_use(text, picks):
    assert list_picks(text, 3) == picks


@pytest.mark.parametrize("text", ["取消", "取消预约", "取消这个", "溱湖驿站在哪里", "明天", "算了", "我的预约"])
def test_a_message_naming_no_place_picks_nothing(text):
    assert list_picks(text, 3) is None


# ---------------------------------------------------------------- yes or no, and the facts said instead
from datetime import date  # noqa: E402

from bot.dialogue.extract import age_in, over_limit, years_since_graduation  # noqa: E402
from bot.dialogue.intents import read_yes_no, yes_no  # noqa: E402


@pytest.mark.parametrize("text, answer", [
    ("是", "yes"), ("是的是的", "yes"), ("是滴", "yes"), ("嗯嗯", "yes"), ("对对对", "yes"), ("是的我刚毕业", "yes"),
    ("对的我来找工作的", "yes"), ("是，我来面试的", "yes"), ("不是", "no"), ("不是 来旅游的", "no"), ("不，我是来玩的", "no"),
    # neither: an acknowledgement, a correction, a hedge, a question, or a 不是 that may mean either
    ("好吧", None), ("收到", None), ("不对，住两晚", None), ("嗯，我再想想", None), ("是的，不过我想先问一下", None),
    ("是，驿站在哪", None), ("是不是要带身份证", None), ("不是来旅游的", None), ("不是很清楚", None),
    ("没问题 提交吧", "yes"), ("确认吧", "yes"),
])
def test_one_reading_of_a_yes_or_no(text, answer):
    assert yes_no(text) == answer


@pytest.mark.parametrize("text", ["嗯呐", "使得", "确人", "确仁"])
def test_everyday_and_mistyped_yeses_are_yes(text):
    assert read_yes_no(text) == ("yes", "")


@pytest.mark.parametrize("text", ["市场", "确实", "人"])
def test_words_that_only_share_a_sound_are_no_yes(text):
    assert read_yes_no(text)[0] is None


def test_what_follows_the_answer_is_kept_apart():
    assert read_yes_no("是的，我想问落户的事") == ("yes", "我想问落户的事")
    assert read_yes_no("好的") == ("yes", "")


TODAY = date(2026, 12, 6)


@pytest.mark.parametrize("text, age", [("我今年25", 25), ("25", 25), ("25岁", 25), ("三十岁了", 30), ("我40了", 40),
                                       ("我今年6月刚毕业", None), ("2", None), ("明天", None),
                                       # asked about, or leading a reply of several facts (user test 15)
                                       ("我27算吗", 27), ("30可以吗", 30), ("28 本科 找工作", 28),
                                       ("我20 号能住吗", None), ("12.20", None)])
def test_an_age_is_read_as_people_say_it(text, age):
    assert age_in(text) == age


@pytest.mark.parametrize("text, years", [
    ("我是2018年毕业的", 8), ("18届", 8), ("2024届毕业生", 2), ("今年6月刚毕业", 0), ("去年毕业的", 1), ("毕业三年了", 3),
    ("应届生", 0), ("明年毕业", -1), ("明年才毕业", -1), ("2027年毕业", -1), ("28届", -2), ("本科", None), ("是", None), ("12月7日", None),
])
def test_years_since_graduation(text, years):
    assert years_since_graduation(text, TODAY) == years


@pytest.mark.parametrize("text, over", [("超过了", True), ("早就超过了", True), ("没超过", False), ("不到35", False),
                                        ("是", None)])
def test_a_limit_passed_or_not(text, over):
    assert over_limit(text) is over


# ---------------------------------------------------------------- names
from bot.dialogue.extract import name_in, stated_name  # noqa: E402


@pytest.mark.parametrize("text, name", [
    ("孙丽", "孙丽"), ("钱多多", "钱多多"), ("许可", "许可"), ("欧阳娜娜", "欧阳娜娜"), ("王芳。", "王芳"), ("我叫陈晨", "陈晨"),
    ("我叫林更新", "林更新"), ("姓名：常远", "常远"), ("John Smith", "John Smith"),
    # words of other kinds: an adverb, pronouns, a number, a verb, a request to correct
    ("当然", None), ("就我自己", None), ("本人", None), ("第一个", None), ("一个人", None), ("写错了", None),
    ("名字写错了", None), ("没问题", None), ("不知道", None), ("马上", None),
])
def test_a_name_is_a_name(text, name):
    assert name_in(text) == name


def test_a_name_introduced_inside_a_sentence_is_taken_as_said():
    assert stated_name("明天住两晚，我叫常远，电话13800001111") == "常远"
    assert stated_name("他今年24 去年毕业的 手机13912345679 叫张伟") == "张伟"
    # 叫 as a verb names nobody: "叫车", "叫外卖"
    assert stated_name("明天到 叫车过去方便") is None and stated_name("到了 叫个外卖") is None
    assert stated_name("叫车过去方便") is None


def test_another_day_is_not_a_stay_of_one_day():
    from bot.dialogue.extract import nights_in

    assert nights_in("能换一天吗") is None and nights_in("住一天") == 1


def test_a_stay_said_in_weeks_or_months_is_its_nights_and_no_part_of_another_number():
    from bot.dialogue.extract import nights_in

    assert nights_in("住半个月") == 15 and nights_in("住两个星期") == 14 and nights_in("住一个月") == 30
    assert nights_in("两周后") is None
    # "12个月" is not 2个月, "十二周" not 二周, "第二周" a week of the calendar, not two of a stay
    assert nights_in("住12个月") != 60 and nights_in("十二周") != 14 and nights_in("第二周去") is None


@pytest.mark.parametrize("text, complaint", [
    ("你烦不烦啊", True), ("烦死了", True), ("真烦人", True), ("他妈的什么破系统", True), ("垃圾", True),
    # a mother, a polite request, a word holding 烦: no complaint
    ("他妈妈能住驿站吗", False), ("麻烦人社局帮我查下补贴", False), ("麻烦人才办的老师帮我看一下", False),
    ("好烦琐的手续", False),
])
def test_swearing_and_contempt_are_complaints_and_a_mother_or_a_polite_request_is_not(text, complaint):
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    assert (IntentClassifier(load_config().dialogue).by_rules(text) == "complaint") is complaint


# ---------------------------------------------------------------- words as pinyin input types them
from bot.dialogue.extract import sound_alike, station_in  # noqa: E402

STATIONS = [("jiangyan-main", "姜堰青年人才驿站（总站）", ""), ("qinhu", "溱湖青年人才驿站", "")]


@pytest.mark.parametrize("text, heard", [
    ("预越驿站", "预约驿站"), ("驿占能免费住吗", "驿站能免费住吗"), ("我要订秦湖驿站", "我要订溱湖驿站"),
    ("我很愉悦", "我很愉悦"),  # a real word that sounds like 预约 stays
    ("预约驿站", "预约驿站"),
])
def test_a_word_pinyin_input_got_wrong_is_read_as_the_word(text, heard):
    assert sound_alike(text, ["预约", "驿站", "溱湖"]) == heard


def test_a_station_named_as_pinyin_input_gives_it():
    assert station_in("秦湖", STATIONS) == "qinhu" and station_in("琴湖那个", STATIONS) == "qinhu"
    assert station_in("总战", STATIONS) == "jiangyan-main"
    assert station_in("秦虎", STATIONS, by_sound=False) is None  # where a person's name is asked


@pytest.mark.parametrize("text, phone", [
    ("一三九一二三四五六七八", "13912345678"),
    ("幺三九 一二三四 五六七八", "13912345678"),        # 幺 is how 1 is said in numbers
    ("我的手机是一三八，一二三四，五六七八", "13812345678"),
    ("一二三", None),                                  # a short run is words, not a number
])
def test_a_phone_number_said_digit_by_digit_is_read(text, phone):
    from bot.dialogue.extract import mask_phones, phone_in

    assert phone_in(text) == phone
    if phone:
        assert phone not in mask_phones(text) and phone[-4:] in mask_phones(text)  # never shown whole to staff


@pytest.mark.parametrize("text, age", [
    ("我今年25，刚毕业", 25),
    ("25岁 想订明天的驿站", 25),
    ("3", None),              # nights, or a place in a list, when the age is not the question asked
    ("12", None),
    ("今年6月刚毕业", None),   # a month, not an age
    ("今年12号到", None),
])
def test_an_age_said_while_another_question_is_asked_must_be_stated(text, age):
    assert age_in(text, asked=False) == age


STATIONS_4 = [("main", "姜堰青年人才驿站（总站）", "人才服务中心"), ("qinhu", "溱湖青年人才驿站", "溱湖风景区")]


@pytest.mark.parametrize(("text", "expected"), [
    ("溱湖那个不要了", None), ("不去溱湖了", None), ("不去溱湖了 去总站", "main"), ("总站就算了 溱湖吧", "qinhu"),
    ("溱湖", "qinhu"), ("还是溱湖吧", "qinhu"),
])
def test_a_station_given_up_is_not_chosen(text, expected):
    from bot.dialogue.extract import station_in, without_given_up_stations

    assert station_in(without_given_up_stations(text, STATIONS_4), STATIONS_4, by_number=False) == expected


def test_an_age_stated_inside_a_longer_answer_to_the_age_question():
    from bot.dialogue.extract import age_in

    assert age_in("我今年28 2023年毕业 来面试的", asked=True) == 28


@pytest.mark.parametrize(
    ("text", "name"),
    [("姓李 叫李娜", "李娜"), ("我姓王 叫王小明", "王小明"), ("免贵姓张 张小凡", "张小凡"), ("帮我同学订的 他叫刘洋", "刘洋"),
     ("名字写错了 是赵蕾", "赵蕾"), ("名字打错了，应该是李蕾", "李蕾"), ("姓名改成赵蕾", "赵蕾"), ("姓李 叫娜娜", None)],
)
def test_a_name_stated_with_what_is_around_it(text, name):
    """User test 5: the surname first, someone else's name, a name put right."""
    from bot.dialogue.extract import stated_name

    assert stated_name(text) == name


@pytest.mark.parametrize(("text", "partial"), [("我姓陈", "陈"), ("叫我小王就行", "小王"), ("老李", "老李"),
                                               ("陈思思", None), ("王芳吧", None)])
def test_a_surname_or_a_nickname_is_no_full_name(text, partial):
    from bot.dialogue.extract import partial_name

    assert partial_name(text) == partial


def test_an_age_said_as_i_am_n_inside_a_reply_to_the_age_question():
    from bot.dialogue.extract import age_in

    assert age_in("为什么要问年龄 我32了不行吗", asked=True) == 32
    assert age_in("嗯是的 我23", asked=True) == 23
    assert age_in("为什么要问年龄 我32了不行吗", asked=False) is None


@pytest.mark.parametrize("text", ["我20 号能住吗", "我12 号入住", "我10 月毕业的能住吗"])
def test_two_digits_before_a_word_of_a_day_are_no_age(text):
    assert age_in(text, asked=False) is None and age_in(text) is None


@pytest.mark.parametrize(("text", "name"), [("联系人王凯13712345602", "王凯"),
                                            ("联系人：王凯", "王凯"), ("王凯 13712345602", "王凯")])
def test_a_name_beside_a_phone_is_a_name_only(text, name):
    assert name_in(text) == name


def test_a_yes_sign_needs_a_sign():
    from bot.dialogue.intents import YES_SIGNS

    assert not any(YES_SIGNS.match(t) for t in ("!", "！！", "\ufe0f"))
    assert all(YES_SIGNS.match(t) for t in ("👍", "👍🏻", "👌!", "✅ "))


# ---------------------------------------------------------------- user test 7
from bot.dialogue.extract import english_days, is_list_choice  # noqa: E402

ST7 = [("main", "姜堰青年人才驿站（总站）", "泰州市姜堰区人才服务中心"), ("qinhu", "溱湖青年人才驿站", "泰州市姜堰区溱湖风景区")]


@pytest.mark.parametrize(("text", "said"), [
    ("next friday", "下周五"), ("2 nights", "2晚"), ("one night", "一晚"), ("tomorrow", "明天"),
    ("check in 12月14号 check out 12月16号", "入住 12月14号 退房 12月16号"), ("Amy Wang", "Amy Wang"),
])
def test_days_and_nights_said_in_english(text, said):
    assert english_days(text) == said


@pytest.mark.parametrize(("text", "station"), [
    ("总部那个", "main"), ("主站", "main"), ("风景区那个", "qinhu"), ("人才服务中心那边", "main"), ("市区的", None),
    ("中心", None),
])
def test_a_station_by_the_main_one_or_the_place_in_its_address(text, station):
    assert station_in(text, ST7) == station


def test_words_before_a_place_in_a_list_still_pick_it():
    assert is_list_choice("那就第一个吧") and is_list_choice("就第二个") and not is_list_choice("那就这样吧")


def test_a_name_said_of_a_child_or_a_friend():
    assert stated_name("孩子叫赵一鸣") == "赵一鸣" and stated_name("我朋友叫李响") == "李响"


from bot.dialogue.extract import unvoiced  # noqa: E402


@pytest.mark.parametrize(("text", "said"), [
    ("那个 我叫 嗯 孙建国 然后电话是 一三九", "我叫 孙建国 然后电话是 一三九"), ("嗯 那个 就是 三 三晚吧", "三晚吧"),
    ("住 住两个晚上", "住两个晚上"), ("是 是 是", "是 是 是"), ("嗯", "嗯"), ("那个驿站", "那个驿站"),
])
def test_the_fillers_and_stutters_of_voice_input_are_left_out(text, said):
    assert unvoiced(text) == said


def test_a_whole_message_keyword_stands_beside_its_own_kind_only():
    """"算了 明天再说" gives up (leave-taking beside leave-taking); "谢谢 哪个文件说的" asks for the source
    and "你好 你是真人还是机器人" asks what the assistant is, the thanks and the greeting beside them;
    a bare "这个取消吧" leaves what is in progress, while "明天那个取消掉" cancels that booking."""
    from types import SimpleNamespace

    from bot.dialogue.booking_flow import books_separately
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    rules = IntentClassifier(load_config().dialogue).by_rules
    assert rules("算了 明天再说") == "exit"
    assert rules("谢谢 哪个文件说的") == "source"
    assert rules("你好 你是真人还是机器人") == "about_bot"
    assert rules("这个取消吧") != "cancel_booking" and rules("明天那个取消掉") == "cancel_booking"
    # how often one may book is no question of booking for two
    assert books_separately(SimpleNamespace(text="驿站一年能预约几次", state={}, engine=None)) is None


def test_a_number_asked_of_us_is_contact_and_one_asked_of_an_office_is_a_question():
    """"到底有没有电话啊 急死了" asks for a person to call (contact); "人社局有没有联系电话" asks the documents
    about 人社局 (the pattern had matched it anywhere in the message)."""
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    rules = IntentClassifier(load_config().dialogue).by_rules
    assert rules("到底有没有电话啊") == "contact"
    assert rules("你们有没有联系电话") == "contact"
    for lead in ("请问一下 有没有电话", "你们这有没有电话", "那请问有没有联系方式"):  # (review) lead-ins
        assert rules(lead) == "contact", lead
    assert rules("人社局有没有联系电话") != "contact"
    assert rules("驿站有没有联系电话") != "contact"


def test_the_everyday_greeting_is_a_greeting_and_a_meal_asked_of_a_station_is_not():
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    rules = IntentClassifier(load_config().dialogue).by_rules
    assert rules("你吃饭了吗") == "greeting" and rules("吃了吗") == "greeting"
    assert rules("驿站能吃饭吗") != "greeting" and rules("驿站包吃饭吗") != "greeting"
    assert rules("早") == "greeting" and rules("早啊") == "greeting"
    for stay in ("早到行吗", "早入住", "太早了", "早一天"):  # (review) about a stay, not a greeting
        assert rules(stay) != "greeting", stay


def test_a_complaint_lodged_is_a_ticket_and_a_question_about_lodging_one_is_not():
    """(review) 举报/投诉 as a request opens a ticket; "违规收费的举报电话是多少" asks the documents; "如果你
    有病，医保怎么报销" is no insult."""
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    rules = IntentClassifier(load_config().dialogue).by_rules
    for request in ("我要举报你们", "投诉", "我想投诉一下驿站的管理员"):
        assert rules(request) == "ticket", request
    assert rules("违规收费的举报电话是多少") != "ticket" and rules("投诉电话是多少") != "ticket"
    assert rules("你有病吧") == "complaint" and rules("如果你有病，医保怎么报销") != "complaint"


def test_how_a_companion_books_is_told_apart_from_what_a_companion_asks_about():
    """(review) "我同学怎么办理居住证" asks about 居住证, not how a classmate books a bed."""
    from bot.dialogue.booking_flow import _COMPANION_COMING
    from bot.dialogue.intents import compact

    assert _COMPANION_COMING.search(compact("我同学怎么订")) and _COMPANION_COMING.search(compact("我朋友怎么办"))
    assert not _COMPANION_COMING.search(compact("我同学怎么办理居住证"))


def test_a_message_typed_in_pinyin_reads_as_its_words_only_when_it_names_the_service():
    """(user test 26) "yizhan zenme yuyue" sent before the characters were picked is 驿站怎么预约; English,
    a name in letters and a message with characters in it stay as they are."""
    from bot.dialogue.extract import pinyin_message

    assert pinyin_message("yizhan zenme yuyue") == "驿站怎么预约"
    assert pinyin_message("wo xiang yuyue yizhan") == "我想预约驿站"
    for kept in ("how are you", "Tom Li", "ok", "qinhu", "i want to book", "我想yuyue", "13812345678"):
        assert pinyin_message(kept) == kept, kept


def test_contempt_with_an_intensifier_is_a_complaint_and_not_having_used_something_is_not():
    """(user test 26) "你们这也太没用了吧", "真没用" are complaints; "我还没用过驿站" is not."""
    from bot.dialogue.intents import IntentClassifier
    from core.config import load_config

    rules = IntentClassifier(load_config().dialogue).by_rules
    assert rules("你们这也太没用了吧") == "complaint" and rules("真没用") == "complaint"
    assert rules("我还真没用过驿站") != "complaint"
