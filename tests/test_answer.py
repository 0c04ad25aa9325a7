"""The answerer in both modes, on the shipped index."""

from __future__ import annotations

import threading

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from knowledge.answer import Answerer
from knowledge.service import KnowledgeBase
from tests.conftest import settings_for


def _answerer(kb: KnowledgeBase, chat_model, timeout_s: float = 2.0) -> Answerer:
    k = kb.settings.knowledge
    llm_cfg = k.llm.model_copy(update={"enabled": True, "timeout_s": timeout_s})
    return Answerer(kb.retriever, k.answer, k.retrieval, llm_cfg, chat_model)


@pytest.mark.parametrize("question, expected", [
    ("人才公寓今年建了多少", "424套"),
    ("驿站能免费住吗", "免费住宿"),
    ("高层次人才一站式服务中心能办哪些事", "29个服务事项"),
])
def test_extractive_answer_contains_the_fact_and_cites(shipped_kb, question, expected):
    answer = shipped_kb.answer(question)
    assert answer.found and answer.mode == "extractive"
    assert expected in answer.text
    assert len(answer.text) <= shipped_kb.settings.knowledge.answer.max_chars
    assert answer.sources[0]["title"] == "2023年姜堰区人才工作综述"
    assert expected in "".join(c.chunk.text for c in answer.chunks)


@pytest.mark.parametrize("question", ["公积金怎么提取", "今天天气怎么样", "驿站的电话号码是多少"])
def test_unanswerable_questions_are_not_found(shipped_kb, question):
    answer = shipped_kb.answer(question)
    assert not answer.found
    assert answer.text == "" and answer.sources == []


def test_llm_answers_from_context(shipped_kb):
    fake = FakeListChatModel(responses=["姜堰区2023年新建人才公寓424套。"])
    answer = _answerer(shipped_kb, fake).answer("人才公寓建了多少套")
    assert answer.mode == "llm" and answer.found
    assert answer.text == "姜堰区2023年新建人才公寓424套。"
    assert answer.sources[0]["title"] == "2023年姜堰区人才工作综述"


def test_llm_sees_the_retrieved_context(shipped_kb):
    seen = {}

    class Recording(FakeListChatModel):
        def invoke(self, messages, *args, **kwargs):
            seen["messages"] = messages
            return super().invoke(messages, *args, **kwargs)

    _answerer(shipped_kb, Recording(responses=["好的"])).answer("人才公寓建了多少套")
    system, human = seen["messages"]
    assert "只能根据" in system[1]
    assert "424套" in human[1] and "人才公寓建了多少套" in human[1]


def test_llm_timeout_falls_back_to_extractive(shipped_kb):
    release = threading.Event()

    class Stuck(FakeListChatModel):
        def invoke(self, messages, *args, **kwargs):
            release.wait(30)  # a provider that hangs; had the answerer waited, the LLM's text would win
            return super().invoke(messages, *args, **kwargs)

    answer = _answerer(shipped_kb, Stuck(responses=["太慢了"]), timeout_s=0.5).answer("人才公寓建了多少套")
    release.set()
    assert answer.mode == "extractive" and "424套" in answer.text


def test_llm_error_and_refusal_fall_back(shipped_kb):
    class Broken(FakeListChatModel):
        def invoke(self, *args, **kwargs):
            raise ConnectionError("endpoint down")

    answer = _answerer(shipped_kb, Broken(responses=["x"])).answer("人才公寓建了多少套")
    assert answer.mode == "extractive" and "424套" in answer.text
    answer = _answerer(shipped_kb, FakeListChatModel(responses=["NOT_FOUND"])).answer("人才公寓建了多少套")
    assert answer.mode == "extractive"


def test_llm_is_not_asked_when_nothing_is_relevant(shipped_kb):
    class MustNotRun(FakeListChatModel):
        def invoke(self, *args, **kwargs):
            raise AssertionError("the LLM must not be asked without relevant context")

    answer = _answerer(shipped_kb, MustNotRun(responses=["x"])).answer("公积金怎么提取")
    assert not answer.found


def test_llm_through_config_against_a_local_openai_compatible_server(shipped_index, fake_openai):
    """The configured path: ChatOpenAI over HTTP to a local fake endpoint, key from the environment."""
    fake_openai.reply = "新建人才公寓424套。"
    settings = settings_for(shipped_index, knowledge={
        "index_dir": str(shipped_index),
        "llm": {"enabled": True, "base_url": fake_openai.url, "model": "fake-model", "api_key_env": "TEST_LLM_KEY",
                "timeout_s": 3}})
    kb = KnowledgeBase(settings)
    answer = kb.answer("人才公寓建了多少套")
    assert answer.mode == "llm" and answer.text == "新建人才公寓424套。"
    request = fake_openai.requests[-1]
    assert {k.lower(): v for k, v in request["headers"].items()}["authorization"] == "Bearer sk-test-123"
    assert request["json"]["model"] == "fake-model"
    assert "424套" in request["json"]["messages"][1]["content"]


def test_answers_are_cached_per_generation(tmp_path, shipped_kb):
    from ingest.pipeline import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "见习.md").write_text("# 见习\n\n见习补贴每月2000元。\n", encoding="utf-8")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    first = kb.answer("见习补贴每月多少钱")
    assert kb.answer("见习补贴每月多少钱") is first  # served from the cache
    (docs / "见习.md").write_text("# 见习\n\n见习补贴每月2500元。\n", encoding="utf-8")
    build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    assert "2500元" in kb.answer("见习补贴每月多少钱").text  # a new generation is not served stale


def test_langchain_retriever_gives_the_same_ranking(shipped_kb):
    from langchain_core.retrievers import BaseRetriever

    lc = shipped_kb.retriever.as_langchain(k=3)
    assert isinstance(lc, BaseRetriever)
    docs = lc.invoke("人才公寓建了多少套")
    direct = shipped_kb.retrieve("人才公寓建了多少套", k=3).chunks
    assert [d.id for d in docs] == [c.chunk.id for c in direct]
    assert "424套" in docs[0].page_content
    assert docs[0].metadata["title"] == "2023年姜堰区人才工作综述" and docs[0].metadata["score"] > 0


def test_retriever_modes_and_filters(shipped_kb):
    r = shipped_kb.retriever
    for mode in ("dense", "keyword", "hybrid"):
        chunks = r.retrieve("新建人才公寓424套", k=3, mode=mode).chunks
        assert chunks and "424套" in chunks[0].chunk.text, mode
    assert r.retrieve("人才公寓", filters={"doc_id": "none.txt"}).chunks == []
    only = r.retrieve("人才公寓", filters={"doc_type": "txt"}).chunks
    assert only and all(c.chunk.doc_id.endswith(".txt") for c in only)


_SCORE_TABLE = """# 人才引进积分分值表

| 指标 | 条件 | 分值 | 说明 |
| --- | --- | --- | --- |
| 学历 | 1．全日制本科学历。 2．中级职称。 | 80分 | 1．由申请人提供学历证书，经验证后得分。 2．本市技师学院全日制毕业不超过4年的，另加30分。 3．非本省评定的职称须经审核后方可积分。 |
| 学历 | 1．全日制大专学历。 2．高级技能。 | 70分 | 提供学历证书。 |
| 学历 | 非全日制的大专学历 | 60分 | 提供学历证书。 |
"""


@pytest.fixture(scope="module")
def table_kb(tmp_path_factory, shipped_kb):
    from ingest.pipeline import build

    root = tmp_path_factory.mktemp("table")
    (root / "docs").mkdir()
    (root / "docs" / "分值表.md").write_text(_SCORE_TABLE, encoding="utf-8")
    kb = KnowledgeBase(settings_for(root / "index"), embedder=shipped_kb.embedder)
    build(kb.index, kb.embedder, [root / "docs"], kb.settings.ingest)
    return kb


@pytest.mark.parametrize("question, expected, wrong", [
    # The degree and its score are cells of one row: answered whole, not cut at the "。" inside a cell.
    ("全日制大专算几分", "70分", "60分"),
    # "全日制" is not stated by "非全日制的大专学历", and the question about the latter gets that row.
    ("非全日制大专能积多少分", "60分", "70分"),
])
def test_a_table_row_answers_whole_and_negated_terms_do_not_match(table_kb, question, expected, wrong):
    answer = table_kb.answer(question)
    assert answer.found
    assert expected in answer.text and wrong not in answer.text


_REGULATION = """# 人才引进办法

第五条 申请人才引进应符合以下基本条件：
（一）年龄不超过45周岁；
（二）已在本市依法缴纳社会保险；
（三）无犯罪记录。
第九条 用人单位应当按时为职工缴纳社会保险费，不得拖欠。
"""


def _kb_of(tmp_path, shipped_kb, name: str, text: str) -> KnowledgeBase:
    """An index of the one document ``name`` with ``text``, built by the real pipeline."""
    from ingest.pipeline import build

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest)
    return kb


def test_a_numbered_item_is_answered_with_the_line_that_announces_it(tmp_path, shipped_kb):
    """"应符合以下条件：" is what "（二）已缴纳社会保险" answers for: the item alone does not
    say it is a condition of 人才引进, and the two together answer the question."""
    kb = _kb_of(tmp_path, shipped_kb, "办法.md", _REGULATION)
    answer = kb.answer("人才引进要先交社保吗")
    assert answer.found
    assert answer.text.startswith("第五条 申请人才引进应符合以下基本条件：")
    assert "（二）已在本市依法缴纳社会保险" in answer.text


def test_a_question_asking_which_number_wants_an_ordinal_of_that_unit():
    """"第几号令" is answered by "国令第663号", not by "第109次常务会议" nor by any sentence with a number."""
    from knowledge.relevance import attribute_fit

    question = "居住证暂行条例是国务院第几号令"
    assert attribute_fit(question, "文号：国令第663号") == 1
    assert attribute_fit(question, "经2015年10月21日国务院第109次常务会议通过") == -1
    assert attribute_fit("积分办法是第几条规定的", "依照本办法第五条规定") == 1
    assert attribute_fit("居住证条例什么时候施行", "自2016年1月1日起施行") == 1  # other kinds unchanged


@pytest.mark.parametrize("question, states, lacks", [
    # whether something is charged: a sentence naming the fee answers, one about another step does not
    ("居住证丢了补办要交钱吗", "换领、补领居住证，应当缴纳证件工本费", "到居住地公安派出所办理签注手续"),
    # an amount is an amount: "收取任何费用" does not say how much a fine is
    ("招聘时收报名费罚多少", "处1000元以上10000元以下罚款", "不得向求职应聘人员收取任何费用"),
    # how often, not how long: "每年签注1次" answers, "每满1年之日前1个月内签注" does not
    ("北京居住证多久签注一次", "《北京市居住证》实行年度签注制度，每年签注1次。", "应当在居住每满1年之日前1个月内办理签注"),
    ("拒绝几次推荐会停失业金", "无正当理由三次拒绝", "可以决定其退出失业登记"),
    # nights asked are nights (or days) stated, not the years since graduating
    ("我是本科刚毕业的，想问下驿站能免费住几晚", "免费住宿每次最多7晚（7天）", "面向毕业5年内的高校毕业生"),
    # "提前几天" asks how long before ("前几天" alone says some days ago)
    ("驿站最早能提前几天约", "可以预约30天内的入住日期", "回复“取消预约”加预约编号可在入住日前取消"),
    # a calendar date is not a duration; a month asked is a month stated
    ("名单公示几天", "公示期为7天", "广州市人民政府办公厅秘书处2016年10月27日印发"),
    ("审核要多少个工作日", "15个工作日内出具审核结果", "到各积分制入户受理窗口递交纸质申请材料"),
    ("一般几月份开始网上申报", "每年4月开始网上申报", "积分落户每年申请一次"),
    ("公积金贷款利率现在是多少", "首套住房贷款利率为3.1%", "人才金融赋能行"),
    ("每年积分入户的名额有多少个", "每年安排入户指标3000个", "孕情检查不少于3次"),  # times are not things
    ("全国一共发了多少张居住证", "累计发放居住证1000万张", "每年签注1次"),
    ("户籍迁入一共分几类", "户籍迁入划分为人才引进迁户、纳税迁户、政策性迁户和居住社保迁户四个类别", "户籍迁入是指将户籍迁入本市"),
    # what follows a breach: a penalty or the loss of something
    ("资料作假会怎么处理", "提供虚假材料的，取消其申请资格", "市公安机关负责复核积分制入户人员名单"),
    # a penalty asked is a penalty stated, not any consequence
    ("招了没解约的人会被罚不", "处1万元以上5万元以下的罚款", "构成犯罪的，依法追究刑事责任"),
    ("没结婚有加分吗", "未婚者为10分", "婚姻状况得分仅用于积分入户"),
    # "能领多少补贴" asks an amount; points asked ("积分能拿多少") are not money
    ("拿到技能证书能领多少补贴", "每人给予1000元补贴", "提供政府补贴职业技能培训服务"),
    # "多大" of a size is a size, of a person an age
    ("保障房人均面积按多大标准建", "人均住房建筑面积不低于18平方米", "年龄在45周岁以下"),
    ("孩子多大以内能投靠入户", "年龄在20周岁以下", "人均住房建筑面积不低于18平方米"),
    ("离地铁站最远多远", "地铁800米半径覆盖范围内", "配合地铁二期工程建设"),
    ("溱湖驿站离高铁站远不远", "距高铁站约3公里", "溱湖驿站地址在溱湖风景区"),
    # colloquial question words: 啥时候 is 什么时候, 贷多少 an amount, 怎么报名 a way to apply
    ("创富姜堰大赛今年啥时候开始报名", "每年3月开始报名", "统筹举办创业创新大赛等赛事"),
    ("取消预约最晚啥时候之前", "回复取消预约可在入住日前取消", "在聊天里回复预约驿站"),
    ("大学生创业能贷多少款", "创业担保贷款额度最高50万元", "加大创业扶持力度"),
    ("青才见习计划怎么报名呀", "登录人才网填写报名表", "系统落实青才见习计划等21件人才实事项目"),
    # materials are documents handed in; who qualifies (入住条件) or what is offered does not name them
    ("大学生落户需要什么材料", "申请时须提交身份证、户口簿及学历证书复印件", "入住条件：面向毕业5年内的高校毕业生"),
    ("申请驿站要什么材料", "凭本人身份证入住", "驿站为来姜求职的青年提供免费住宿"),
    # conditions are who qualifies; what to carry is not one ("须知" is no "必须")
    ("驿站入住要什么条件", "入住条件 青年人才驿站面向35周岁及以下的青年人才", "驿站预约须知 凭本人身份证入住"),
    ("五年建多少套保障房", "建设筹集保障性住房24万套", "实行“八个统一”的原则"),
    ("五年建多少套保障房", "建设筹集保障性住房24万套", "逐步摸索出一套相对科学的管理机制"),  # "a set of"
    # a year dates a figure and is none; a document's number (〔2005〕125号) and a house's are no day
    ("东莞小学一年级给新莞人子女多少学位", "其中小学一年级提供13518个学位", "2013年各镇街起始年级招收新莞人子女学位数"),
    ("孩子得是哪天之前出生的", "必须年满六周岁（2010年8月31日及此日前出生）", "符合《通知》（深府〔2005〕125号）规定的子女"),
    ("每月几号发补贴", "每月15号前发放", "地址：龙岗路11号"),
    # "哪几个月" "哪几天" ask which ones, not how long
    ("规范建设年是哪几个月", "规范建设年(2025年11月至12月)", "建设周期为三年"),
    ("每个月哪几天能办参保", "每月1至18日为办理参保手续时间", "自缴费次月1日起享受待遇"),
    # a share asked is a figure (a share compared, "比例更高", is not: below)
    ("住院报销比例多少", "住院报销比例为75%", "住院费用按规定报销"),
    # whether a fee is charged ("收不收工本费") is answered by a text on the fee, or saying none is charged
    ("办居住证收不收工本费", "首次申领居住证，免收证件工本费", "符合本省引进人才专业需求"),
    # a year asked is a year stated
    ("全市是哪年推开的", "2016年起在全市推开", "强化组织领导，加快推进平台建设"),
    # where to do it through ("在哪个小程序预约") is a channel or a place; a document's number is no address
    ("驿站在哪个小程序预约", "在“青年驿站”微信小程序预约", "根据（中青办联发〔2024〕3号）要求，建设青年驿站"),
    ("驿站地址在哪", "驿站地址：人民路15号", "依据（湘政办发〔2025〕26号）"),
    # people counted, however named (人才, 大学生), are counted in 名/人/位, not in 个 of anything else
    ("去年引进了多少人才", "吸引3000多名青年人才来姜就业创业", "布局上海、深圳、苏州等3个招商分局"),
    ("来了多少大学生", "引进高校毕业生1200人", "新培育省级企业技术中心10家"),
    # "第1、2项" are ordinals, not a count
    ("每年有多少个学位名额", "全市安排学位名额3000个", "第1、2项不同时计分"),
    # the channel asked ("用哪个小程序") is a channel or a place named
    ("重庆居住证用哪个小程序办", "登录“渝快办”小程序申领", "居住证每年签注1次"),
    # "有套房租给外地人" is 套房 / 租给: no rent asked; how long it is, is
    ("我有套房租给外地人 房东得多长时间内报上去", "终止出租后24小时内申报", "房屋出租人应当如实登记承租人信息"),
    # how much one may borrow is a sum of money
    ("公积金个人最高能借多少", "个人贷款最高额度为60万元", "自劳动关系终止之日起30日内转移账户"),
    # whether one may apply, with one's age: whom it is for answers
    ("我36岁了 还能申请青年驿站吗", "服务对象为毕业5年内、35周岁以下的青年", "驿站提供免费住宿"),
    # (review) conditions asked "在什么情况下" are no place; a deposit asked is no fee; money for 博士 is no head count
    ("在什么情况下可以申请补贴", "符合下列条件之一的，可以申请一次性生活补贴。", "补贴资金由市财政承担"),
    ("能领多少博士生活补贴", "博士每月给予生活补贴3000元。", "博士每月给予生活补贴，按月发放"),
    # a consequence asked is what follows a breach; a rule forbidding something (不得收费) is none
    ("居住证忘了按时签注 会有啥后果", "逾期未办理签注手续的，居住证使用功能中止", "办理签注手续不得收取费用"),
])
def test_the_kind_of_fact_asked_is_read_from_the_question(question, states, lacks):
    from knowledge.relevance import attribute_fit

    assert attribute_fit(question, states) == 1
    assert attribute_fit(question, lacks) == -1


def test_two_things_compared_are_answered_only_by_a_text_naming_both(tmp_path, shipped_kb):
    """"人才公寓和青年驿站有啥区别" is not answered by a sentence on 人才公寓 alone; whether there is
    a thing described at length ("有给找工作毕业生住的免费驿站吗") is answered only by a text naming it."""
    from knowledge.evidence import asked_pair, asked_thing

    assert asked_pair("人才公寓和青年驿站到底有啥区别") == ("人才公寓", "驿站")
    assert asked_pair("浙江省居住证与临时居住证有什么不同") == ("浙江省居住证", "临时居住证")
    assert asked_pair("我和我对象都想去姜堰 有啥政策") is None
    # 同 joins two things only where no 和/跟/与 does: 同城 and 异地 are compared, not 社保 and 异地
    assert asked_pair("社保同城和异地有啥不同") != ("社保", "异地")
    assert asked_pair("居住证同城办理和异地办理有啥区别")[1] == "异地办理"
    assert "居住证" not in asked_pair("居住证同城办理和异地办理有啥区别")
    assert asked_pair("人才公寓同青年驿站有啥区别") == ("人才公寓", "驿站")
    assert asked_thing("南昌有给找工作毕业生住的免费驿站吗") == "免费驿站"
    assert asked_thing("忘了按时签注 会有啥后果") == ""  # a consequence, which a text states without the word
    kb = _kb_of(tmp_path, shipped_kb, "住房.md",
                "# 人才住房\n\n一、全年新建人才公寓424套，面向引进人才出租。\n\n二、青年人才驿站为来求职的毕业生提供7晚免费住宿，"
                "人才公寓则按月收取租金。\n\n三、政府为来本市求职的毕业生免费提供政策咨询。\n")
    answer = kb.answer("人才公寓和青年人才驿站到底有啥区别")
    assert answer.found and "驿站" in answer.text and "人才公寓" in answer.text, answer.text
    assert not kb.answer("人才公寓和见习基地有啥区别").found
    assert not kb.answer("有给找工作毕业生住的免费宿舍吗").found


def test_a_share_compared_asks_no_figure():
    """"是不是双人间比例更高" is answered by "可适当增加双人间、单人间占比", which states no figure."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("郊区项目是不是双人间比例更高", "郊区项目可适当增加双人间、单人间占比") == 0
    assert attribute_fit("郊区项目双人间比例是多少", "郊区项目可适当增加双人间、单人间占比") == -1


def test_a_how_many_question_prefers_the_count_of_the_thing_it_names():
    """"多少青年人才" is answered by "3000多名青年人才", not by "1万多省内外青年学子" in the
    same report; a count may come after its noun too ("新建人才公寓424套")."""
    from knowledge.relevance import attribute_fit, counted_fit

    question = "去年吸引了多少青年人才来姜堰"
    assert counted_fit(question, "联动举办招聘，吸引3000多名青年人才来姜就业创业。") == 1
    assert counted_fit(question, "全年累计吸引1万多省内外青年学子来姜研学研游。") == 0
    assert counted_fit("去年新建了多少套人才公寓", "全年新建人才公寓424套。") == 1
    assert counted_fit("驿站能住多久", "最多7晚。") == 0  # counts nothing
    # the thing counted may come before the question, and a word may qualify it after the measure
    assert counted_fit("姜堰的人才一共有多少", "吸引3000多名青年人才来姜就业创业。") == 1
    assert attribute_fit("青年人才有多少", "青年人才驿站面向35周岁及以下的青年人才。") < 0  # an age counts no one


def test_a_count_of_things_is_answered_by_a_number_of_them_not_by_a_span_or_a_sum():
    """"去年来了多少大学生" is not answered by "面向毕业5年内的高校毕业生": five years is no number
    of graduates. "多少年轻人" asks a count of young people, not "how many years"; "几年级" a grade."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("去年来了多少大学生", "青年人才驿站面向毕业5年内的高校毕业生。") < 0
    assert attribute_fit("去年来了多少大学生", "吸引3000多名青年人才来姜就业创业。") > 0
    assert attribute_fit("来研学的外地学生有多少", "全年累计吸引1万多省内外青年学子来姜研学研游。") > 0
    assert attribute_fit("多少外地学生来研学", "补贴2.5万元。") < 0
    assert attribute_fit("一年要学多少学时", "每年参加继续教育的学习时间不少于90学时。") > 0
    assert attribute_fit("小学一年级有多少学位", "镇（街）：谢岗；小学一年级总学位数：316") > 0
    assert attribute_fit("姜堰吸引了多少年轻人来", "全年累计吸引1万多省内外青年学子来姜研学研游。") > 0
    assert attribute_fit("孩子上几年级", "起始年级为小学一年级。") == 0  # a grade, not a number of years


def test_where_to_do_something_is_answered_only_by_a_text_saying_where():
    """"毕业生报到证去哪里打印" is not answered by a sentence about graduates that names no place,
    office or channel; "在哪预约驿站" is answered by the channel ("在公众号…回复"), "去哪办" by the office."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("毕业生就业报到证去哪里打印", "全面放开对高校毕业生、技术工人的落户限制。") < 0
    assert attribute_fit("在哪预约驿站", "在公众号或网页聊天里回复“预约驿站”即可预约。") > 0
    assert attribute_fit("在哪预约驿站", "可以预约30天内的入住日期。") < 0
    assert attribute_fit("居住证坏了去哪换", "应当到居住地公安派出所办理换领、补领手续。") > 0
    assert attribute_fit("异地就医备案要去哪里办", "完善并落实异地就医结算办法。") < 0
    assert attribute_fit("打卡点在哪些地方", "在北大街、滨河湾、溱湖湾布局青年人才打卡元素。") >= 0  # which places: names


def test_a_count_asked_with_its_measure_word_is_answered_by_a_number_of_that_measure():
    """"多少张居住证" is not answered by "城区人口500万", nor "每年落多少人" by "纳税10万元"; 个 counts
    anything ("研发中心15个" answers "有几家"), and "哪几项" asks which, not how many."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("全国一共发了多少张居住证", "城区人口500万以上的特大城市") < 0
    assert attribute_fit("全国一共发了多少张居住证", "累计发放居住证1.2万张") > 0
    assert attribute_fit("积分落户每年一共落多少人", "纳税额平均每年在10万元及以上的，加6分") < 0
    assert attribute_fit("积分落户每年一共落多少人", "2015年度积分入户指标数为4400名") > 0
    assert attribute_fit("离岸研发中心有几家", "运营企业离岸研发中心15个") > 0
    assert attribute_fit("积分主要看哪几项", "积分主要指标为参加社会养老保险年限") == 0


def test_a_money_word_in_a_question_asking_something_else_of_it_asks_no_sum():
    """"房租拖欠几次会被收回" asks how often, "租金几号交" when, "床位价格有啥限制" the rule: none is answered
    only by a sum. "租金打几折" asks a share; "一共有多少条" prefers the text counting articles."""
    from knowledge.relevance import attribute_fit, preferred_fit

    assert attribute_fit("公租房房租拖欠几次会被收回", "承租人累计发生3次拖欠租金的。") > 0
    assert attribute_fit("床位价格有啥限制", "各床位租赁价格之和不得高于该套（间）租赁价格。") >= 0
    assert attribute_fit("公租房租金多少", "各床位租赁价格之和不得高于该套（间）租赁价格。") < 0  # the sum, still
    assert attribute_fit("公租房租金打几折", "按8折计算公共租赁住房的租金标准。") > 0
    assert attribute_fit("公租房租金打几折", "租金按月支付。") < 0
    assert preferred_fit("实施办法一共有多少条", "《实施办法》共21条，主要包括六个方面内容。") > 0
    assert preferred_fit("实施办法一共有多少条", "依照本办法第二十一条规定办理。") == 0  # an ordinal, not a count


def test_a_word_of_repeated_characters_is_not_half_met_by_a_text_holding_them():
    """"前前后后" is two characters, 前 and 后, which "期满前3个月…评估后" holds: that is no typo of it.
    A longer word most of whose characters a text holds is still half met (劳动合同 in 劳动合约)."""
    from knowledge.relevance import coverage

    assert coverage("前前后后", "应在租赁总年限期满前3个月提交，评估后确定。") == 0
    assert coverage("劳动合同", "签订劳动合约") == 0.5


def test_a_term_only_a_section_heading_names_is_answered_by_that_heading(tmp_path, shipped_kb):
    """A report's slogans live in its headings ("坚持“产才融合” 建强“智堰”创新平台"); the sentences
    below never repeat them, so "智堰是啥" was answered from elsewhere or not at all."""
    kb = _kb_of(tmp_path, shipped_kb, "综述.md",
                "# 人才工作综述\n\n## 坚持“产才融合” 建强“智堰”创新平台\n\n聚焦创新链产业链融合发展，搭建科创赋能平台载体。\n\n"
                "## 坚持“党管人才” 汇聚“红堰”治理合力\n\n健全人才工作领导体制，压实工作责任。\n")
    answer = kb.answer("智堰是啥")
    assert answer.found and "产才融合" in answer.text, answer.text
    assert "。" in answer.text or "“智堰”创新平台" in answer.text[-12:]  # never run into the next sentence


def test_context_before_a_question_does_not_stop_it_being_answered(tmp_path, shipped_kb):
    """"我学计算机的，姜堰有软件园吗": the documents name nothing of the context clause; whether to
    answer is judged on the question's last clause too (the ranking keeps the whole message)."""
    from knowledge.relevance import asked_clause

    assert asked_clause("我学计算机的，姜堰有软件园吗") == "姜堰有软件园吗"
    assert asked_clause("姜堰有软件园吗") == "" and asked_clause("我是来旅游的，能住吗") == ""
    # after the asker says who they are, the rest is the question, however generic its last clause
    assert asked_clause("我是今年的研究生 想来姜堰找工作 有什么政策") == "想来姜堰找工作有什么政策"
    assert asked_clause("想来姜堰看看 有什么政策") == ""
    kb = _kb_of(tmp_path, shipped_kb, "姜堰区人才工作综述.md",
                "# 姜堰区人才工作综述\n\n## 平台建设\n\n整合智谷软件园、科创中心、扬帆创业园等平台资源，打造高层次人才众创空间。\n\n"
                "## 人才服务\n\n优化升级高层次人才一站式服务中心，集成提供人才认定、子女入学等29个服务事项。\n")
    answer = kb.answer("我学计算机的，姜堰有软件园吗")
    assert answer.found and "智谷软件园" in answer.text, answer.text


def test_an_amount_of_named_money_is_answered_only_by_a_text_naming_it():
    """"见习每月能拿多少生活费" is not answered by "免费停车" nor by a fine: the amount asked is of
    the money the question names."""
    from knowledge.relevance import money_named

    question = "在泰州参加就业见习的话每月能拿多少生活费"
    assert not money_named(question, "系统落实高层次人才免费停车、青才见习计划等21件人才实事项目")
    assert money_named(question, "见习期间每月发放生活费1500元")
    assert not money_named("北京人才中介收服务费一般多少钱", "处以1万元以上5万元以下的罚款")
    assert money_named("驿站住一晚多少钱", "免费住宿")  # no money named: any amount or 免费 answers
    # The money word is the word jieba reads, not the characters before 费: "多少费用" names no
    # kind of money, and "少生活费" of "多少生活费" is never looked for.
    assert money_named("办理居住证的费用是多少", "首次申领免收工本费，补领收20元")
    assert not money_named("补领居住证的工本费多少钱", "每月发放生活费1500元")


def test_kinds_of_fact_asked_in_common_words():
    """"创业补贴多少" asks an amount as surely as "多少补贴"; "占住房用地的多少" a share; "能申请啥贷款"
    asks which loan, not how to apply ("能申请人才公寓不" still asks whether one qualifies); "几年"
    a number of years, which "上一年度" is not."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("郑州大学生一次性创业补贴多少", "按照有关规定给予创业培训补贴") < 0
    assert attribute_fit("郑州大学生一次性创业补贴多少", "一次性创业补贴5000元") > 0
    assert attribute_fit("见习补贴是多少", "见习补贴不低于当地最低工资标准的60%") > 0  # a share is an amount
    assert attribute_fit("安居型商品房卖多少钱一平", "配建不低于总建筑面积30%的安居型商品房") < 0  # money is not
    assert attribute_fit("补贴多少年", "补贴期限3年") >= 0  # a duration, not money
    assert attribute_fit("保障房用地至少占住房用地的多少", "保障性住房建设用地不少于4.1平方公里") < 0
    assert attribute_fit("保障房用地至少占住房用地的多少", "不低于全市住房建设用地的40%") > 0
    assert attribute_fit("大中专毕业生创业能申请啥贷款", "为大中专毕业生提供小额担保贷款和贴息扶持") == 0
    assert attribute_fit("本科能申请人才公寓不", "全年新建人才公寓424套") < 0
    # "上一年度" and "上半年" name a year and a half-year, not how long something lasts.
    assert attribute_fit("许可证有效期几年", "应当于每年3月1日前报送上一年度报告") < 0
    assert attribute_fit("许可证有效期几年", "许可证有效期为三年") > 0
    # "要多少分才行" asks the score to reach, not what one item scores.
    assert attribute_fit("深圳居住社保入户积分要多少分才行", "缴纳社会保险每险种每满1年积1分") < 0
    assert attribute_fit("佛山积分要攒到多少分才能排入户", "积分累计达到30分的可申请入户") > 0
    assert attribute_fit("本科学历积分能拿多少分", "本科以上为80分") > 0
    assert attribute_fit("上班时间呢", "联动举办高校人才招聘、社会招聘，吸引3000多名青年人才来姜就业。") < 0  # hours
    assert attribute_fit("办公时间", "工作日上午9:00至下午5:00对外办公。") > 0


def test_a_figure_counted_by_a_relative_year_names_its_documents_year(shipped_kb):
    """"全年新建人才公寓424套" in the 2023 report, read years later, is said as 2023's; a sentence
    that names its year, or counts by none, is left as written."""
    answer = shipped_kb.answer("去年新建了多少人才公寓")
    assert answer.found and answer.text.startswith("（2023年）") and "424套" in answer.text
    assert not shipped_kb.answer("驿站能免费住吗").text.startswith("（")


def test_points_asked_as_how_many_one_gets_are_not_money():
    """"积分能拿多少" asks points: a score answers it, no amount of money is required."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("非全日制本科积分能拿多少", "非全日制本科学历积80分") >= 0


def test_a_question_asking_what_a_term_means_how_many_or_where_prefers_a_sentence_stating_it():
    """Preferred, not required: a text that only lists them may still answer."""
    from knowledge.relevance import attribute_fit, preferred_fit

    question = "人才市场条例说的人才是指哪些人"
    assert preferred_fit(question, "本条例所称人才，是指具有中专以上学历或者初级以上专业技术职称的人员。") == 1
    assert preferred_fit(question, "本条例自1998年1月1日起施行。") == 0
    assert attribute_fit(question, "本条例自1998年1月1日起施行。") == 0
    assert preferred_fit("人才公寓租金多少", "本条例所称人才，是指…") == 0
    # "在哪" prefers a place: an address, an office to apply at, a website.
    assert preferred_fit("驿站在哪", "驿站地址在人才服务中心，共有10张床位。") == 1
    assert preferred_fit("居住证坏了去哪换", "应当到居住地公安派出所办理换领手续。") == 1
    assert preferred_fit("驿站在哪", "驿站面向毕业5年内的高校毕业生。") == 0
    # whether something is lawful: the sentence stating the rule
    assert preferred_fit("公司把我的居住证扣着不还，这样合法吗", "非法扣押他人居住证的，依法给予处罚") == 1
    assert preferred_fit("公司把我的居住证扣着不还，这样合法吗", "用人单位应当协助做好居住证的申领受理") == 1
    assert preferred_fit("公司把我的居住证扣着不还，这样合法吗", "居住证由县级人民政府公安机关签发") == 0
    # a count is preferred too ("驿站有几个" may be answered by the stations' names)
    assert preferred_fit("人才公寓新建了几套", "全年新建人才公寓424套") == 1
    assert preferred_fit("入学名额有多少个", "公示期不少于5个工作日") == 0  # a duration, not a count
    assert preferred_fit("五城区是哪几个区", "五城区指：鼓楼、台江、仓山") == 0  # asks which, not how many
    assert attribute_fit("驿站有几个", "姜堰青年人才驿站、溱潼驿站") == 0


def test_a_question_in_traditional_characters_is_read_as_simplified_throughout(shipped_kb):
    """The kind of fact asked (幾套 is 几套) and the words matched (人才公寓), not only the
    embedding: the same answer and relevance as typed in Simplified characters."""
    traditional, simplified = shipped_kb.answer("人才公寓新建了幾套"), shipped_kb.answer("人才公寓新建了几套")
    assert traditional.found and "424套" in traditional.text and traditional.text == simplified.text
    assert traditional.question == "人才公寓新建了幾套"
    assert shipped_kb.retrieve("人才公寓新建了幾套").chunks[0].relevance == shipped_kb.retrieve("人才公寓新建了几套").chunks[0].relevance


def test_the_card_of_what_a_document_is_answers_only_questions_about_the_document():
    from knowledge.index import ChunkRecord
    from knowledge.relevance import relevance
    from knowledge.snapshot import CARD_HEADING

    card = ChunkRecord(id="c:9", doc_id="居住证暂行条例.md", title="居住证暂行条例", heading=CARD_HEADING, position=9,
                       text="《居住证暂行条例》发文机关：国务院；文号：国令第663号；成文日期：2015年11月26日。")
    assert relevance("居住证暂行条例是国务院第几号令", card, 0.6) > 0.5
    assert relevance("居住证暂行条例哪年发布的", card, 0.6) > 0.5
    assert relevance("居住证暂行条例的落款日期是哪天", card, 0.6) > 0.5  # the date it is signed
    # it restates the title, so it matches every question about the topic, and answers none of them
    assert relevance("居住证暂行条例规定居住证有什么用", card, 0.6) == 0.0


def test_a_subtitle_repeating_the_title_is_never_the_answer(tmp_path, shipped_kb):
    """"——国务院法制办负责人就…答记者问" names every word of a question about that interview
    and states nothing; the sentence with the date answers."""
    from knowledge.evidence import restates_title

    title = "国务院法制办就《居住证暂行条例》热点问题答记者问"
    assert restates_title("——国务院法制办负责人就《居住证暂行条例》热点问题答记者问", title)
    assert not restates_title("《居住证暂行条例》将于2016年1月1日起施行。", title)
    # the notice that issued a document, named as a heading, says nothing of it either
    assert restates_title("广州市人民政府关于印发广州市积分制入户管理办法的通知", "广州市积分制入户管理办法")
    assert not restates_title("关于印发就业见习管理办法的通知", "广州市积分制入户管理办法")
    kb = _kb_of(tmp_path, shipped_kb, "答记者问.md",
                f"# {title}\n\n2015年12月12日 来源：新华网\n\n**——国务院法制办负责人就《居住证暂行条例》热点问题答记者问**\n\n"
                "新华网北京12月12日电 近日，国务院公布《居住证暂行条例》，该条例将于2016年1月1日起施行。"
                "国务院法制办负责人就有关问题回答了记者提问。\n")
    answer = kb.answer("法制办答记者问说居住证条例什么时候施行")
    assert answer.found and "2016年1月1日" in answer.text and "——" not in answer.text


def test_an_explainers_answer_is_given_with_the_question_it_answers():
    """In a 问/答 explainer, "问：…能办吗？" is no answer, and "答：可以办。因为认的是学位！" is one only
    whole and with its question before it (alone "答：可以办。" is too short to be a sentence)."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import ChunkRecord

    chunk = ChunkRecord(id="c", doc_id="d.md", title="某市工作居住证申办问答", heading="释疑", position=0,
                        text="问：考了在职研究生，拿到了硕士学位，但没有学历能办吗？\n答：可以办。因为认的是学位！\n"
                             "问：社保断缴可以申报吗？\n答：至少有最近连续缴纳6个月的社保记录。")
    found = {(c.lead, c.text) for c in answer_candidates([chunk])}
    assert ("问：考了在职研究生，拿到了硕士学位，但没有学历能办吗？", "答：可以办。因为认的是学位！") in found
    assert ("问：社保断缴可以申报吗？", "答：至少有最近连续缴纳6个月的社保记录。") in found
    assert not any(text.startswith("问：") for _, text in found)


def test_a_colloquial_phrase_cut_into_words_still_meets_its_document_wording():
    """synonyms.txt maps "孩子上学" to 子女入学; jieba cuts the question into 孩子 / 上学, and each
    of them counts as found where the text says 子女入学 (before: coverage 0, "not found")."""
    from knowledge.relevance import coverage
    from knowledge.text import synonyms

    assert ("孩子上学", "子女入学") in synonyms()
    text = "一站式服务中心集成提供人才认定、子女入学等29个服务事项。"
    assert coverage("孩子上学的事能在哪办", text) == 1.0
    assert coverage("孩子转学的事能在哪办", text) < 0.5  # only the phrase itself brings the wording in


def test_what_is_asked_about_is_answered_from_a_notice_of_numbered_items(tmp_path, shipped_kb):
    """A notice of 一、二、… items: "见习期最长多久" by the duration item, "有效期几年" by the
    item naming the 有效期, "谁可以…" by the 对象 item."""
    kb = _kb_of(tmp_path, shipped_kb, "见习办法.md",
                "# 就业见习工作通知\n\n一、见习对象。离校2年内未就业高校毕业生和16—24岁失业青年。\n\n"
                "二、见习期限。见习期限为3至12个月。\n\n三、补贴标准。见习单位按当地最低工资标准的60%给予见习补贴。\n\n"
                "四、申请材料。见习单位申请补贴时提供见习协议、见习人员花名册和发放生活补助的银行流水。\n\n"
                "五、本通知自印发之日起实施，有效期5年。\n")
    for question, expected in [("见习期最长多久", "3至12个月"),
                               ("这个通知有效期几年", "有效期5年"),
                               # "谁可以…" asks for the 对象 (knowledge/synonyms.txt: the official word for "who")
                               ("谁可以参加见习", "离校2年内未就业高校毕业生")]:
        answer = kb.answer(question)
        assert answer.found and expected in answer.text, (question, answer.text)


def test_the_kind_of_fact_asked_is_not_enough_the_subject_must_be_named(tmp_path, shipped_kb):
    """"落户需要什么材料" asks for materials *of 落户*: a sentence on the materials of a 居住证
    states the kind of fact asked but is about something else (before: given as the answer)."""

    kb = _kb_of(tmp_path, shipped_kb, "居住证办法.md",
                "# 居住证办法\n\n第九条 申领居住证，应当向居住地公安派出所提交本人居民身份证、近期免冠照片以及居住地住址、"
                "就业、就读等证明材料。\n\n第十条 居住证每年签注一次。\n")
    assert not kb.answer("落户需要什么材料").found
    answer = kb.answer("申领居住证需要什么材料")
    assert answer.found and "居民身份证" in answer.text


def test_asking_whether_something_exists_is_answered_only_by_a_text_naming_it(tmp_path, shipped_kb):
    """"有没有购房补贴" is not answered by a text on 租赁补贴, nor "有没有生活补贴" by one on
    生活便利; a described thing is named by its noun (给年轻人住的公寓 → 公寓)."""
    from knowledge.evidence import asked_thing

    assert asked_thing("福州硕士落户有没有购房补贴") == "购房补贴"
    assert asked_thing("姜堰有没有给年轻人住的公寓呀") == "公寓"
    assert asked_thing("合同到期公司不续签有无补偿") == "补偿" and asked_thing("购房补贴多少钱") == ""
    # the noun phrase asked about, not what leads up to it (qa_blind2: 校地协同平台, 青才见习计划 answer these)
    assert asked_thing("姜堰跟高校合作有没有专门搭平台") == "平台" and asked_thing("有这种见习项目吗") == "见习项目"
    assert asked_thing("有没有见习计画") == "见习计画" and asked_thing("有没有创业补贴") == "创业补贴"
    # whether one receives a thing ("能领安家费吗", a word jieba tags as a name), not how much, nor 拿来 (to use)
    assert asked_thing("引进人才能领安家费吗") == "安家费" and asked_thing("见习期间发工资吗") == "工资"
    assert asked_thing("能领多少钱吗") == "" and asked_thing("兼职搞的项目能拿来评职称不") == ""
    kb = _kb_of(tmp_path, shipped_kb, "住房保障通知.md",
                "# 住房保障通知\n\n一、住房保障实行实物保障与租赁补贴并举，政府发放租赁补贴，支持符合条件的人员承租市场住房。\n\n"
                "二、对来本市工作的人员，积极为他们学习、工作、生活提供便利。\n")
    for question in ("有没有购房补贴", "来工作有没有生活补贴"):
        assert not kb.answer(question).found, question
    answer = kb.answer("有没有租赁补贴")
    assert answer.found and "租赁补贴" in answer.text


def test_asking_which_things_there_are_is_answered_only_by_a_text_naming_them():
    """"有什么补贴" asks which subsidies there are; "有啥限制" "有什么区别" ask a relation,
    which a text may state without the word."""
    from knowledge.evidence import asked_thing

    assert asked_thing("应届生来姜堰有什么补贴") == "补贴"
    assert asked_thing("高层次人才有哪些待遇") == "待遇"
    assert asked_thing("家里资产有啥限制") == "" and asked_thing("居住证和暂住证有什么区别") == ""
    # what can be done, or whether something is done for one, is stated without the word
    assert asked_thing("单位没编制了，有啥办法") == "" and asked_thing("孩子上公办学校有没有照顾") == ""
    assert asked_thing("见习期间有没有补助") == "补助"  # money, though tagged as a verb
    assert asked_thing("驿站有空调吗") == "空调" and asked_thing("广州积分入户每年名额有限制吗") == ""
    # what is provided, paid or brought is asked the same way; "带啥证件" asks which
    assert asked_thing("驿站管早饭吗") == "早饭" and asked_thing("住驿站要交押金吗") == "押金"
    assert asked_thing("能带宠物吗") == "宠物" and asked_thing("住驿站要带啥证件吗") == ""
    assert asked_thing("驿站要收押金吗") == "押金"  # (blind user test 2: answered with who may stay)
    # "需要X吗" asks whether X is required as "要X吗" does (user test 24: answered with who may stay)
    assert asked_thing("请问驿站需要押金吗") == "押金" and asked_thing("驿站需要预约吗") == ""
    assert asked_thing("驿站除了住宿还有什么服务") == "服务"  # a verbal noun names a thing too
    from knowledge.relevance import attribute_fit

    # "几点入住" asks a time of day: "入住日前取消" names a day, not an hour.
    assert attribute_fit("驿站几点可以入住", "回复“取消预约”加预约编号可在入住日前取消") < 0
    assert attribute_fit("驿站几点可以入住", "每天14:00以后办理入住") > 0
    # "多少人能完成" asks how many of them: a share of the people states it (batch 22 went unanswered);
    # a share of people is no count of flats
    share = "劳动定额标准，应当使本企业同岗位百分之九十以上的职工在法定工作时间内能够完成"
    assert attribute_fit("定额要让多少人能完成", share) > 0 and attribute_fit("人才公寓建了多少套", share) < 0
    # labour law pays in months of wages: "给多少" is met by "不低于本人六个月工资的医疗补助费" (batch 22 skipped it)
    assert attribute_fit("医疗补助费给多少", "还应当给予不低于本人六个月工资的医疗补助费") > 0
    assert attribute_fit("医疗补助费给多少", "医疗期满后不能从事原工作的，可以解除劳动合同") < 0


_STATIONS = """# 驿站须知

## 驿站地址

总站地址在人才服务中心，共有10张床位。凭本人身份证入住；请爱护公物。
溱湖驿站地址在溱湖风景区，共有6张床位。凭本人身份证入住。

## 入住条件

驿站面向毕业5年内的高校毕业生。
"""


def test_a_rule_stated_twice_is_said_once_and_found_for_what_to_bring(tmp_path, shipped_kb):
    """Each station states the ID rule: the answer says it once. "要带什么证件" is answered by it
    (驿站 expanded with its document wording 青年人才驿站 used to count as a second subject)."""
    kb = _kb_of(tmp_path, shipped_kb, "驿站须知.md", _STATIONS)
    answer = kb.answer("入住需要身份证吗")
    assert answer.found and answer.text.count("凭本人身份证入住") == 1, answer.text
    answer = kb.answer("驿站要带什么证件")
    assert answer.found and "身份证" in answer.text, answer.text
    assert not kb.answer("驿站有空调吗").found  # nothing says: not the conditions of entry


def test_which_body_is_answered_by_the_sentence_naming_one(tmp_path, shipped_kb):
    """"归哪个办公室统筹" wants an office: the sentence naming 区委人才和科创办, not the one that
    only says 统筹 (nor one with 大局 or 格局 in it, which are no bureaux)."""
    kb = _kb_of(tmp_path, shipped_kb, "人才工作综述.md",
                "# 人才工作综述\n\n全区紧扣中心大局，强化力量统筹，人才工作格局不断完善。\n\n"
                "实体化运行区委人才和科创办，统筹推进全区人才工作，常态化召开主任会议。\n")
    answer = kb.answer("人才工作归哪个办公室统筹")
    assert answer.found and "区委人才和科创办" in answer.text


def test_the_documents_title_is_no_section_heading():
    """Every section of 驿站预约须知 sits under its title, which says 预约: "驿站咋约" (how to book)
    is not answered by who may stay, under a title that happens to hold the word."""
    import numpy as np

    from knowledge.evidence import answer_candidates, score_candidates
    from knowledge.snapshot import ChunkRecord

    chunks = [ChunkRecord(id="a#0", doc_id="a", title="驿站预约须知", heading="驿站预约须知 > 入住条件", position=0,
                          text="青年人才驿站面向35周岁及以下的青年人才。"),
              ChunkRecord(id="a#1", doc_id="a", title="驿站预约须知", heading="驿站预约须知 > 怎么预约", position=1,
                          text="在网页聊天里回复“预约驿站”，按提示选择驿站和入住日期。")]
    candidates = answer_candidates(chunks)
    scored = score_candidates("驿站咋约", candidates, chunks, [True, True], 0.1)
    by_text = {c.text: s for c, s in zip(candidates, scored.score)}
    assert by_text["青年人才驿站面向35周岁及以下的青年人才。"] == -np.inf
    assert np.isfinite(by_text["在网页聊天里回复“预约驿站”，按提示选择驿站和入住日期。"])


def test_a_year_asked_is_not_answered_from_another_years_report(tmp_path, shipped_kb):
    """A 2023 report's "全年新建人才公寓424套" answers 2023, not "2024年计划建多少套"; a year that
    bounds a span ("2016年以前办的") asks about no single year."""
    kb = _kb_of(tmp_path, shipped_kb, "2023年人才工作综述.md",
                "# 2023年人才工作综述\n\n积极推进人才公寓建设，全年新建人才公寓424套。\n")
    assert not kb.answer("2024年人才公寓计划建多少套").found
    answer = kb.answer("2023年新建了多少套人才公寓")
    assert answer.found and "424套" in answer.text
    from knowledge.evidence import asked_years

    assert asked_years("2016年以前办的旧居住证还能用吗") == set() and asked_years("到2020年城镇化率多少") == set()


def test_what_came_after_a_year_is_not_answered_by_a_text_that_stops_there(tmp_path, shipped_kb):
    """"2025年以后还有补贴吗" asks what a text dated 2024 cannot know; a text naming what holds from
    that year on ("2025年起另行制定") or a later year can. A year the asker graduated after asks nothing."""
    from ingest.pipeline import build
    from knowledge.evidence import asked_after

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "见习补贴办法.md").write_text(
        "# 见习补贴办法\n\n见习补贴标准为每人每月2000元，2024年12月31日前发放。\n", encoding="utf-8")
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest, overrides={"year": "2024"})
    assert kb.answer("见习补贴每月多少").found
    assert not kb.answer("2025年以后见习补贴每月多少").found
    assert kb.answer("2023年以后见习补贴每月多少").found  # the 2024 text speaks of after 2023
    (tmp_path / "docs" / "见习补贴办法.md").write_text(
        "# 见习补贴办法\n\n见习补贴标准为每人每月2000元，2025年以后的标准另行制定。\n", encoding="utf-8")
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest, overrides={"year": "2024"})
    assert "另行制定" in kb.answer("2025年以后见习补贴标准是多少").text
    assert asked_after("我2022年以后毕业的能申请吗") == ""
    assert asked_after("2016年以后出台的落户新政") == ""


def test_a_word_typed_by_pinyin_input_as_others_of_its_sound_is_read_as_the_documents_word(tmp_path, shipped_kb):
    """"公基金" (gong ji jin) for 公积金: nothing matches the question as typed, so it is read as the
    word of the documents found that sounds the same and searched again. Two characters must agree
    in tones; a particle is never part of such a run ("住的" is no 住地)."""
    from knowledge.text import heard_as

    kb = _kb_of(tmp_path, shipped_kb, "公积金管理办法.md",
                "# 住房公积金管理办法\n\n住房公积金存款的结息日为每年6月30日。\n\n职工住地变更的，应当办理变更登记。\n")
    answer = kb.answer("公基金利息哪天结算")
    assert answer.found and "6月30日" in answer.text
    assert kb.retrieve("公基金利息哪天结算").heard == "公积金利息哪天结算"
    assert heard_as("有没有倒师可以带带", ["导师"]) == "有没有导师可以带带"
    assert heard_as("不会用公中号", ["公众号"]) == "不会用公众号"  # three characters: tones aside
    assert heard_as("这里人多就不好", ["多久"]) == "这里人多就不好"  # 就 jiu4 is no 久 jiu3
    assert heard_as("给毕业生住的房子", ["住地"]) == "给毕业生住的房子"


def test_a_document_dated_another_year_makes_way_for_the_year_asked(tmp_path, shipped_kb):
    """Two years' notices that do not name their year in the text (only their metadata does):
    "2014年…一共多少个学位" ranks the 2014 one first, though the 2013 one has more of the
    question's words."""
    from ingest.pipeline import build

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    for year, text in (("2013", "今年全市一共给新莞人子女提供多少个积分制学位？共提供9001个积分制学位。"),
                       ("2014", "据统计，今年全市共提供学位9002个。")):
        (tmp_path / year).mkdir()
        (tmp_path / year / f"学位公告{year}.md").write_text(f"# 新莞人子女学位公告\n\n{text}\n", encoding="utf-8")
        build(kb.index, kb.embedder, [tmp_path / year], kb.settings.ingest, overrides={"year": year})
    top = kb.retrieve("2014年全市一共给新莞人子女多少个积分制学位").chunks[0]
    assert top.chunk.doc_id == "学位公告2014.md", top.chunk.text


def test_a_figure_meets_the_span_of_its_kind_that_holds_it():
    """A row or rule that puts a person's figure in a span answers for it: 13万 of tax in
    "12.6万—14.4万元", 63 (years of age) in "超过60周岁", 10 years of work in "满10年不满20年";
    not a span of another kind (an age in years of unemployment) nor a year in any span."""
    from knowledge.relevance import numbers_fit

    assert numbers_fit("三年个税交了13万", "三级指标：12.6万—14.4万元；指标分值：70分") == 1.0
    assert numbers_fit("三年个税交了13万", "三级指标：9.4万—11.2万元；指标分值：60分") == 0.0
    assert numbers_fit("我爸今年63了", "男超过60周岁、女超过55周岁") == 1.0
    assert numbers_fit("我爸今年63了", "男不满60周岁的") == 0.0
    assert numbers_fit("我工作10年了", "已满10年不满20年的，年休假10天") == 1.0
    assert numbers_fit("我今年63了", "连续失业1年以上的") == 0.0
    assert numbers_fit("2020年以后", "工作满5年以上") == 0.0


def test_a_figure_said_with_its_unit_is_met_only_by_that_figure_of_that_kind():
    """"能连住十天吗" asks about 10 days: "共有10张床位" states ten beds, which is neither the figure
    asked nor a word of the question (user test 6 got the station's address); 10天 or 10日 is."""
    from knowledge.relevance import coverage, numbers_fit

    beds = "驿站共有10张床位，为青年人才提供免费住宿。"
    assert numbers_fit("能连住10天吗", beds) == 0.0
    assert numbers_fit("能连住10天吗", "每次最多住10日。") == 1.0
    assert numbers_fit("能住10个人吗", beds) == 1.0  # said without a unit of a known kind: the number itself
    assert numbers_fit("5天能办好吗", "5个工作日内办结。") == 1.0  # units of one kind
    assert numbers_fit("毕业3年了", "毕业满3周年的") == 1.0
    assert numbers_fit("走10分钟能到吗", "步行约10分钟。") == 1.0
    assert numbers_fit("走10分钟能到吗", "笔试成绩达到10分的") == 0.0  # minutes are no score
    assert coverage("驿站能连住10天吗", beds) < coverage("驿站能连住10天吗", "驿站每次最多住10天。")


def test_a_heading_put_as_a_question_is_never_an_answer():
    """"免费住宿能住多久" heads the section that answers it; shown as an answer to "真的免费？" it
    reads as the bot asking back (user test 6)."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import ChunkRecord

    chunk = ChunkRecord(id="a#2", doc_id="a", title="驿站预约须知", heading="驿站预约须知 > 免费住宿能住多久",
                        position=2, text="青年人才驿站免费住宿每次最多7晚（7天）。")
    assert [c.text for c in answer_candidates([chunk])] == ["青年人才驿站免费住宿每次最多7晚（7天）。"]
    for asked in ("谁可以申请人才公寓", "几点可以入住", "能不能续住", "有没有押金要交"):
        heading = ChunkRecord(id="a#3", doc_id="a", title="驿站预约须知", heading=f"驿站预约须知 > {asked}",
                              position=3, text="按规定办理。")
        assert asked not in [c.text for c in answer_candidates([heading])]
    stated = ChunkRecord(id="b#0", doc_id="b", title="人才政策", heading="人才政策 > 做实“优堰”生态保障", position=0,
                         text="完善人才服务体系。")
    assert "做实“优堰”生态保障" in [c.text for c in answer_candidates([stated])]


def test_a_year_of_the_askers_life_or_of_a_documents_making_asks_no_year(shipped_kb):
    """"我是2022年毕业的" says when the asker graduated: the 2023 report still answers what the
    驿站 offers. "2016年出台的那个条例" names when a law was made, which its year (that of its last
    amendment) need not be. Neither keeps a document of another year from answering."""
    from knowledge.evidence import asked_years

    assert asked_years("我是2022年毕业的，青年人才驿站提供什么服务") == set()
    assert asked_years("2019年大学毕业的能去青年人才驿站吗") == set()
    assert asked_years("2016年出台的那个条例，人才中介要几名专职人员") == set()
    assert asked_years("2016年通过的人才市场条例有几章") == set()
    assert asked_years("我想问2024年人才公寓计划建多少套") == {"2024"}
    assert asked_years("惠城区2016年积分入学一共放出来多少个学位") == {"2016"}
    answer = shipped_kb.answer("我是2022年毕业的，青年人才驿站提供什么服务")
    assert answer.found and "免费住宿" in answer.text


def test_a_count_per_period_is_not_a_sum_of_money():
    """"每年多少学时" asks a number of hours a year, not money: the sentence stating 90学时 answers it.
    "一个月多少" and "每年交多少钱" still ask a sum."""
    from knowledge.relevance import attribute_fit

    hours = "专业技术人员每年参加继续教育的学习时间不少于90学时。"
    assert attribute_fit("继续教育每年要学多少学时", hours) == 1  # a figure asked, and stated
    assert attribute_fit("继续教育每年要学多少学时", "专业技术人员应当参加继续教育。") == -1
    assert attribute_fit("见习补贴一个月多少", "见习补贴每月2000元。") == 1
    assert attribute_fit("档案托管费每年交多少钱", hours) == -1


def test_an_item_ending_in_a_colon_by_a_slip_does_not_take_over_its_siblings():
    """"（二）…补领居民身份证：" before "（三）": the items after it are still 第十三条's list."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import ChunkRecord

    text = ("第十三条 居住证持有人在居住地享受下列便利：\n（一）按照国家有关规定办理出入境证件；\n"
            "（二）按照国家有关规定换领、补领居民身份证：\n（三）机动车登记；\n（四）申领机动车驾驶证；")
    record = ChunkRecord(id="c", doc_id="d", title="居住证暂行条例", heading="居住证暂行条例", position=0, text=text)
    leads = {c.text: c.lead for c in answer_candidates([record])}
    assert leads["（四）申领机动车驾驶证；"] == "第十三条 居住证持有人在居住地享受下列便利：", leads
    nested = ChunkRecord(id="n", doc_id="d", title="某办法", heading="某办法", position=0,
                         text="（二）符合下列条件之一的：\n1.在本市连续居住满6个月；\n2.在本市就业。")
    assert {c.text: c.lead for c in answer_candidates([nested])}["2.在本市就业。"] == "（二）符合下列条件之一的："


def test_whether_one_counts_as_something_prefers_its_definition():
    from knowledge.relevance import preferred_fit

    question = "在北京读研能算连续就读办居住证吗"
    assert preferred_fit(question, "本条所称在京连续就读，是指在本市普通高等学校取得学籍并接受全日制学历教育的就读。") == 1
    assert preferred_fit(question, "持有人拟在京连续居住的，应当在居住每满1年之日前1个月内申请签注。") == 0
    assert preferred_fit("社保能算多少年", "本条所称缴费年限，是指实际缴费的年限。") == 0  # a figure asked, not a definition


def test_a_bound_asked_prefers_the_sentence_stating_a_bound_that_way():
    from knowledge.relevance import preferred_fit

    assert preferred_fit("补贴最长给几年", "其余人员不超过三年。") == 1
    assert preferred_fit("补贴最长给几年", "与其签订一年以上劳动合同的，给予补贴。") == 0
    assert preferred_fit("父母投靠要几岁以上", "男性60周岁以上，女性55周岁以上。") == 1
    assert preferred_fit("父母投靠要几岁以上", "迁户时年龄应当在50周岁以下。") == 0


def test_how_a_figure_is_worked_out_is_answered_by_its_formula():
    from knowledge.relevance import attribute_fit

    question = "个人账户那部分每个月咋算发多少"
    assert attribute_fit(question, "个人账户养老金月计发标准为个人账户储存额（含利息）除以139。") == 1
    assert attribute_fit(question, "按本办法有关规定计发养老保险金。") == -1
    assert attribute_fit("个人账户每个月发多少", "个人账户养老金月计发标准为个人账户储存额除以139。") == -1  # a sum asked


def test_everyday_words_meet_the_documents_wording():
    """"要填真名吗" is asked of 姓名, "交个税" of 个人所得税 (knowledge/synonyms.txt, general language)."""
    from knowledge.relevance import coverage

    assert coverage("约驿站要填真名吗", "留下姓名和手机号即可预约驿站") > coverage("约驿站要填真名吗", "预约驿站每次最多7晚")
    assert coverage("个税", "累计缴纳个人所得税款每满500元积1分") == 1.0


def test_how_many_people_prefers_the_sentence_counting_beds():
    """"驿站可以住几个人" (user test 9 got who may stay): "共有10张床位" counts what it asks."""
    from knowledge.relevance import preferred_fit

    assert preferred_fit("驿站可以住几个人", "总站共有10张床位，为青年人才提供免费住宿。") == 1
    assert preferred_fit("驿站可以住几个人", "青年人才驿站为来姜求职、创业的青年提供免费住宿。") == 0


def test_a_bare_figure_too_large_for_an_age_is_in_no_span_of_ages():
    """"月薪8000" is no age: "超过60周岁" does not hold it (any large bare figure was read as an
    age above 60), nor does a span with no unit (a telephone number's 0523-88888888)."""
    from knowledge.relevance import numbers_fit

    assert numbers_fit("月薪8000能申请人才公寓吗", "男超过60周岁、女超过55周岁") == 0.0
    assert numbers_fit("月薪8000能申请人才公寓吗", "咨询电话：0523-88888888") == 0.0
    assert numbers_fit("我爸今年63了", "男超过60周岁、女超过55周岁") == 1.0


def test_a_spoken_amount_falls_in_its_band_of_a_table():
    """"年收入两万五" is 25000 (not 20005): inside the band "高于24795元，低于或等于29434元" — a
    lower and an upper bound in one clause are one band — not the next band up, whose lower
    bound alone (高于29434元) once held every larger figure."""
    from knowledge.relevance import numbers_fit
    from knowledge.text import arabic_numerals

    assert arabic_numerals("人均年收入两万九到三万五之间") == "人均年收入29000到35000之间"
    assert arabic_numerals("月薪八千五，一千五一个月") == "月薪8500，1500 1个月"
    assert arabic_numerals("千方百计，万一，1.2万，第一百条") == "千方百计，万一，1.2万，第一百条"
    asked = arabic_numerals("人均年收入两万五，公租房租金怎么交")
    assert numbers_fit(asked, "家庭年人均可支配收入高于24795元，低于或等于29434元，缴交标准为租金标准×0.6。") == 1.0
    assert numbers_fit(asked, "家庭年人均可支配收入高于29434元，低于或等于35321元，缴交标准为租金标准×0.7。") == 0.0
    assert numbers_fit("我爸今年63了", "男超过60周岁，女满55周岁") == 1.0
    # An age said in words: "我妈四十二了" is 42, inside "女满四十周岁以上"; 十一假期 stays a holiday.
    assert arabic_numerals("我妈四十二了，十一假期") == "我妈42了，十一假期"
    assert numbers_fit(arabic_numerals("我妈四十二了在北京一直没工作"), arabic_numerals("（三）女满四十周岁以上的")) == 1.0


def test_how_much_of_something_wants_a_figure_but_which_materials_does_not():
    """"缴费基数按多少报" wants a figure; "需要多少材料" asks which papers, answered by naming them."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("缴费基数最低能按多少报", "缴费单位应当办理社会保险登记。") == -1
    assert attribute_fit("缴费基数最低能按多少报", "缴费基数按上年度职工月平均工资的60%确定。") == 1
    assert attribute_fit("申请需要多少材料", "应提交身份证、毕业证书和劳动合同。") >= 0
    assert attribute_fit("未签合同赔几倍工资", "应当向劳动者每月支付双倍工资。") == 1


def test_a_housing_word_asks_no_rent():
    """"住房租赁补贴" holds the letters of 房租 but asks no rent: the item stating 低保 families'
    coefficient (补贴系数为1.3) answers "收入那个系数是多少"; a factor (×0.7) is a share."""
    from knowledge.relevance import attribute_fit

    item = "（一）经民政部门核定的低保、低收入家庭以及市总工会核定的特困职工家庭，补贴系数为1.3；"
    assert attribute_fit("低保户在广州领住房租赁补贴，收入那个系数是多少", item) == 1  # a figure asked, and stated
    assert attribute_fit("低保户在广州领住房租赁补贴，收入那个系数是多少", "收入补贴系数按家庭收入确定。") == -1
    assert attribute_fit("房租一个月多少", item) == -1
    assert attribute_fit("租金按几成交", "缴交标准为公布的公共租赁住房租金标准×0. 7。") == 1


def test_meals_and_a_deposit_are_asked_of_a_text_that_names_them():
    """"驿站包吃吗" "管饭不" ask whether meals come with a stay: only a text saying 吃/饭 answers
    (one character after 包/管, whatever its part of speech); "押金多少" asks an amount of a
    deposit, which a text naming no 押金 does not state (user test 5: both got who may stay)."""
    from knowledge.evidence import asked_thing
    from knowledge.relevance import attribute_fit, money_named

    assert asked_thing("驿站包吃吗") == "吃" and asked_thing("驿站管饭不") == "饭" and asked_thing("驿站包住吗") == "住"
    who = "青年人才驿站面向35周岁及以下的青年人才。"
    assert attribute_fit("驿站押金多少", who) == -1 and not money_named("驿站押金多少", who)
    assert money_named("押金交多少", "入住时交押金200元。") and money_named("人才公寓租金多少", "人才公寓租金每月800元。")


def test_a_room_is_no_body():
    """"归哪个部门管" prefers a sentence naming an office or a 厅 (省人社厅), not one describing a
    flat's 一室一厅 or an office's 办事大厅."""
    from knowledge.relevance import preferred_fit

    assert preferred_fit("人才公寓归哪个部门管", "人才公寓户型为一室一厅，拎包入住。") == 0
    assert preferred_fit("驿站谁负责", "驿站办事大厅提供政策咨询。") == 0
    assert preferred_fit("人才公寓归哪个部门管", "人才公寓由区住建局统一管理。") == 1
    assert preferred_fit("认定归哪个部门", "由江苏省人力资源和社会保障厅认定。") == 1


def test_a_figure_asked_is_stated_by_the_sentence_not_by_what_it_continues():
    """Which kinds of fact are figures is declared (relevance._figure): an age, a date or an
    area asked must be in the answer sentence itself; a heading or the item's opening may
    still say that a sentence is about conditions or a procedure."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("申请人多少岁以下", "具有全日制本科以上学历", context="年龄在35周岁以下，并") == -1
    assert attribute_fit("孩子哪天之前出生的才能报名", "1.本市户籍儿童；", context="必须年满六周岁（2010年8月31日前出生）") == -1
    assert attribute_fit("申请要什么条件", "3.在本市连续缴纳社保满1年。", context="申请人应当具备下列条件：") == 1


def test_a_figure_the_question_states_is_not_the_one_it_asks():
    """"签了一年合同，补贴最长给几年": the sentence whose only duration is that 一年 does not answer."""
    from knowledge.relevance import attribute_fit

    question = "企业招了就业困难人员签一年合同，社保补贴最长给几年"
    assert attribute_fit(question, "企业新招就业困难人员并与其签订一年以上期限劳动合同的，给予社会保险补贴") == -1
    assert attribute_fit(question, "社会保险补贴期限，其余人员不超过三年。") == 1
    # a month of the year is no number of months
    assert attribute_fit("三月申请的补贴发几个月", "每年3月集中申请，补贴发放6个月。") == 1


def test_applying_is_the_kind_asked_only_when_nothing_else_is():
    """"去哪申请" asks about applying; "正常经营多久才能申请" asks how long."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("驿站能申请吗", "驿站为来姜求职的青年提供免费住宿") == -1
    assert attribute_fit("场地补贴要先正常经营多久才能申请", "正常经营1年以上的高校毕业生，给予场地补贴") == 1


def test_each_clause_asks_its_own_kind_of_fact_with_or_without_punctuation():
    """"租金呢 有没有优惠" typed by voice is two clauses, as "租金呢，有没有优惠" is: the rent is
    asked, not only whether there is a discount."""
    from knowledge.relevance import attribute_fit

    for question in ("人才公寓的租金呢，有没有优惠", "人才公寓的租金呢 有没有优惠"):
        assert attribute_fit(question, "人才公寓实行租金优惠。") == -1, question
        assert attribute_fit(question, "人才公寓租金每月800元，享受五折优惠。") == 1, question


@pytest.mark.parametrize("question", ["继续教育的费用到底谁出", "入职体检的钱公司出还是自己掏", "培训费由谁承担", "学费谁来交"])
def test_who_pays_is_answered_only_by_a_sentence_saying_whom_a_cost_falls_on(question):
    """Required, not just preferred, since batch 22: "在北京领失业金期间 医保谁来交" was answered with the
    notice's preamble, then with a benefit amount (multi_dev no_answer +1, nothing lost)."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit(question, "继续教育费用由国家、单位和个人多渠道解决。") == 1
    assert attribute_fit(question, "对重度残疾人，按照最低缴费档次标准为其代缴部分或全部养老保险费。") == 1
    assert attribute_fit(question, "无正当理由不参加继续教育的，由所在单位追偿学习经费。") == -1


def test_a_notices_purpose_and_basis_is_no_answer():
    """"为保障…，根据《…规定》，结合本市实际，经…批准，调整…标准。现通告如下：" says why a notice was made,
    which answers only a question asking why."""
    from knowledge.evidence import _PREAMBLE

    assert _PREAMBLE.search("为保障失业人员在失业期间的基本生活，根据《北京市失业保险规定》（北京市人民政府令第190号），"
                            "结合本市实际，经市委、市政府批准，调整失业保险金月发放标准。")
    assert _PREAMBLE.search("为做好高校毕业生就业工作，现通告如下：")
    assert not _PREAMBLE.search("为鼓励创业，根据《就业促进法》，对符合条件的高校毕业生给予一次性补贴5000元。")
    # nor what a regulation applies to ("社保断交三个月 医保卡还能不能用" got article 2), unless that is asked
    from knowledge.evidence import Candidate, _what_answers

    scope = Candidate(0, 0, "第二条 本省行政区域内基本医疗保险费、失业保险费的征收、缴纳，适用本条例。")
    assert not all(check(scope, scope.text) for check in _what_answers("社保断交三个月 医保卡还能不能用"))
    assert all(check(scope, scope.text) for check in _what_answers("这个条例的适用范围是什么"))


def test_the_money_asked_is_named_with_the_word_that_says_which():
    """"见习补贴多少" is not answered by a sentence on 场地补贴, nor "社保费补贴" by 工位补贴; a
    coefficient asked after the money it belongs to ("领住房租赁补贴，系数是多少") asks no money."""
    from knowledge.relevance import money_named

    assert not money_named("本溪高校毕业生就业见习补贴一个月多少", "租赁场地创业的，给予每年6000元场地补贴")
    assert money_named("本溪高校毕业生就业见习补贴一个月多少", "见习期间给予见习人员每月800元见习补贴")
    assert not money_named("黄浦创业的社保费补贴一个人一个月补多少", "入驻基地可以享受工位补贴，最高不超过3万元")
    assert money_named("低保户领住房租赁补贴，收入那个系数是多少", "低保家庭，补贴系数为1.3")
    assert money_named("见习补贴，一个月多少", "见习补贴每月800元")


def test_a_money_word_in_a_yes_or_no_question_asks_whether_not_how_much():
    from knowledge.relevance import attribute_fit

    publishes = "市、县（市）人民政府应当建立住房租金发布制度，定期发布分区域的市场租金水平等信息。"
    assert attribute_fit("政府会不会公布各个区的租金水平啊", publishes) == 0
    assert attribute_fit("人才公寓租金多少", publishes) == -1
    assert attribute_fit("人才公寓租金多少", "人才公寓租金每月每平方米10元") == 1


def test_a_documents_purpose_and_basis_answers_only_why_it_was_made():
    """"第一条 为了…，根据《…》，制定本条例" names every topic of the text and answers none, unless
    the question asks why the text was made or what it rests on."""
    from knowledge.evidence import Candidate, score_candidates
    from knowledge.snapshot import ChunkRecord

    chunk = ChunkRecord(id="c", doc_id="d", title="某市医保通知", heading="", position=0,
                        text="第一条 为完善我市积分入学学生医保制度，根据《广东省深化城乡医疗保障体制改革方案》，制定本办法。"
                             "参保人缴纳医疗保险费后，自缴费次月1日起享受医疗保险待遇。")
    first, second = "第一条 为完善我市积分入学学生医保制度，根据《广东省深化城乡医疗保障体制改革方案》，制定本办法。", \
        "参保人缴纳医疗保险费后，自缴费次月1日起享受医疗保险待遇。"
    candidates = [Candidate(0, 1, first), Candidate(0, 2, second)]
    when = score_candidates("积分入学学生医保什么时候开始享受", candidates, [chunk], [False], 0.1).score
    why = score_candidates("积分入学学生为什么纳入医保，依据是什么", candidates, [chunk], [False], 0.1).score
    assert when[0] == float("-inf") and when[1] > float("-inf")
    assert why[0] > float("-inf")
    from knowledge.evidence import _PREAMBLE
    # a rule said after its purpose is no preamble
    assert not _PREAMBLE.search("为鼓励高校毕业生自主创业，根据《某办法》，对首次创业的给予场地补贴6000元/年。")


def test_a_tables_count_column_states_a_count_and_a_row_is_the_answer_only_to_what_names_it():
    from knowledge.evidence import Candidate, row_named
    from knowledge.relevance import attribute_fit

    humen = "序号：3；镇（街）：虎门；小学一年级总学位数：1062。"
    assert attribute_fit("2013年东莞虎门镇小一一共给外地娃多少个学位", humen) == 1
    row = Candidate(0, 1, "序号：24；镇（街）：谢岗；小学一年级总学位数：316。", row=(0, 3))
    assert row_named("东莞小学一年级给新莞人子女多少学位", row) == -1
    assert row_named("谢岗镇小学一年级有多少学位", row) == 1
    assert row_named("东莞小学一年级一共多少学位", Candidate(0, 2, "镇（街）：合计；小学一年级总学位数：13518。", row=(0, 4))) == 0
    assert row_named("东莞小学一年级一共多少学位", Candidate(0, 3, "其中小学一年级提供13518个学位。")) == 0
    # a figure cell named by the question names no row
    assert row_named("2016年以前的居住证还能用吗", Candidate(0, 1, "类别：临时证；启用：2016年1月1日。", row=(0, 1))) == -1
    # nor does a yes/no mark that any question holds ("是多少" holds 是): the 硕士 row is not the 博士 one
    marked = Candidate(0, 1, "学历：硕士；是否需要社保：是；备注：有；补贴：800元。", row=(0, 1))
    assert row_named("博士补贴是多少", marked) == -1 and row_named("硕士有没有补贴", marked) == 1


def test_a_row_under_long_column_headers_is_still_a_row_and_the_card_never_is():
    """Header cells of 20-odd characters ("小学一年级 (或民办学校购买服务)") are a table's, and the row
    the question names answers it, not the paragraph of totals above the table."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import CARD_HEADING, ChunkRecord
    from knowledge.text import is_row

    row = "镇区：开发区；小学一年级 (或民办学校购买服务)：800；凭《2013、2014、2015积分入户通知书》入学：500；合计：1600。"
    assert is_row(row)
    card = "《某某条例》发文机关：某某市人民代表大会常务委员会；通过日期：2006年1月14日；修改日期：2024年5月29日。"
    record = ChunkRecord(id="c", doc_id="d", title="某某条例", heading=CARD_HEADING, position=0, text=card)
    assert [c.row for c in answer_candidates([record])] == [None]


def test_who_does_it_prefers_the_sentence_saying_by_whom():
    from knowledge.relevance import preferred_fit

    question = "现在深圳中考报名资格是谁来审核的"
    assert preferred_fit(question, "报名资格调整为由初中毕业学校初审、各相关部门负责审核。") == 1
    assert preferred_fit(question, "并初步实现了中考报名资格网上审核。") == 0
    # 由于 gives a cause, not whom: "由于…未按规定办理" says nobody does it
    assert preferred_fit(question, "由于用人单位未按规定办理备案，不予受理。") == 0


def test_money_one_is_given_is_never_free_and_a_fine_may_be_a_multiple():
    from knowledge.relevance import attribute_fit, money_named

    assert attribute_fit("返乡创业能拿多少补贴", "采取免费技能培训、社会保险补贴等方式扶持。") == -1
    assert attribute_fit("返乡创业能拿多少补贴", "给予一次性创业补贴5000元。") == 1
    assert attribute_fit("办证要交多少钱", "首次申领居住证，免收证件工本费。") == 1  # what one pays may be nothing
    assert attribute_fit("没审批就招生，罚多少", "对举办者处违法所得一倍以上三倍以下罚款。") == 1
    # what follows 多少 may count something else: places, quotas, days
    assert attribute_fit("积分入户每年给多少名额", "每年安排积分入户指标3000个。") == 1
    assert attribute_fit("东莞每年发多少个学位", "每年安排积分入学学位5000个。") == 1
    # "交多少借读费" asks that money by name
    assert not money_named("借读生一学期要交多少借读费", "公示时间不少于5个工作日。")
    # what else is handed in or taken in is no money: "交多少份材料", "公办学校收多少学生"
    assert attribute_fit("入户要交多少份材料", "申请人需提交以下材料三份。") == 1
    assert attribute_fit("深圳公办学校每年收多少非深户籍学生", "全市公办学校共招收非深户籍学生8万人。") == 1
    assert attribute_fit("社保每个月交多少", "全市公办学校共招收非深户籍学生8万人。") == -1


def test_when_it_takes_effect_is_not_when_it_was_adopted():
    from knowledge.relevance import attribute_fit

    question = "这个条例改完以后从啥时候生效"
    assert attribute_fit(question, "《某某条例》发文机关：某某人大；通过日期：2006年1月14日；修改日期：2024年5月29日。") == -1
    assert attribute_fit(question, "第四十八条 本条例自公布之日起施行。") == 1
    # a title holding 实施 ("…实施细则") or a body that 组织实施 says no day it takes effect
    card = "《某市公共租赁住房实施细则》发文机关：某市住房保障办公室；发布日期：2013年5月1日。"
    assert attribute_fit("这个细则什么时候生效", card) == -1
    assert attribute_fit("这个细则什么时候生效", card.replace("。", "；施行日期：2013年6月1日。")) == 1
    assert attribute_fit("这个办法什么时候开始实施", "本办法由市人社局负责组织实施，解释工作自2016年1月1日起由市人社局负责。") == -1
    assert attribute_fit("这个办法什么时候开始实施", "本办法从2016年1月1日开始实施。") == 1


def test_an_answer_never_ends_mid_list(shipped_kb):
    """A "；" item of a long sentence said alone ends with a full stop, not with "；"."""
    for question in ("驿站能提供哪些服务", "姜堰青年人才驿站服务矩阵提供什么"):
        answer = shipped_kb.answer(question)
        assert not answer.text.endswith(("；", ";", "，", ",")), answer.text


@pytest.mark.parametrize("typed, read", [
    ("非全日制 25年9月以后小时最低工资是多少", "非全日制 2025年9月以后小时最低工资是多少"),
    ("北京25年社平工资 每个月合多少钱", "北京2025年社平工资 每个月合多少钱"),
    ("在24年的时候有什么政策", "在2024年的时候有什么政策"),
    ("24年度补贴发了吗", "2024年度补贴发了吗"),
    # a count of years, by the verb before it or the bound after it, is left as typed
    ("社保交了15年能领养老金吗", "社保交了15年能领养老金吗"),
    ("缴费15年可以吗", "缴费15年可以吗"),
    ("工龄25年年假几天", "工龄25年年假几天"),
    ("缴满15年以上", "缴满15年以上"),
    ("30年的房贷", "30年的房贷"),  # past next year: no year typed so
])
def test_a_year_typed_with_two_digits_is_read_as_four(typed, read):
    from knowledge.text import read_question

    assert read_question(typed) == read


def test_a_year_typed_with_two_digits_picks_that_years_row(tmp_path, shipped_kb):
    from ingest.pipeline import build

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    table = "# 历年平均工资\n\n| 年份 | 月平均工资 |\n|---|---|\n| 2021 | 10628元 |\n| 2025 | 12116元 |\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "平均工资.md").write_text(table, encoding="utf-8")
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest)
    answer = kb.answer("25年平均工资每个月多少钱", use_llm=False)
    assert answer.found and "12116元" in answer.text and "10628" not in answer.text


def test_a_share_may_be_a_fraction_and_an_amount_in_thousands_is_money():
    from knowledge.relevance import attribute_fit

    question = "社保补贴最多补多少"
    assert attribute_fit(question, "按照不高于个人缴纳的社会保险费的三分之二给予补贴。") == 1
    assert attribute_fit(question, "按照规定给予社会保险补贴。") == -1
    assert attribute_fit("上海现在的月最低工资是几千块", "市人民政府通过规定最低工资标准保障劳动者权益。") == -1
    assert attribute_fit("上海现在的月最低工资是几千块", "月最低工资标准为2690元。") == 1


def test_whether_something_is_included_is_answered_by_what_it_includes(shipped_kb):
    """"包括加班费吗" asks what a standard includes: 包 there is not "comes with" (包吃吗), and a
    sentence saying what it does not contain answers it."""
    from knowledge.evidence import asked_thing
    from knowledge.relevance import preferred_fit

    assert asked_thing("最低工资里面包括加班费吗") == ""
    assert asked_thing("驿站包早饭吗") != ""
    question = "最低工资包括加班费吗"
    assert preferred_fit(question, "最低工资标准不包含劳动者延长工作时间的加班工资。") > preferred_fit(
        question, "加班工资由用人单位另行支付。")


def test_the_newest_standard_is_asked_of_the_newest_text(tmp_path, shipped_kb):
    """"新标准下…每小时最低多少" of two years' notices on one standard: the newer one's figure."""
    from ingest.pipeline import build

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    for year, hourly in (("2023", "26.4元"), ("2025", "27.7元")):
        (tmp_path / year).mkdir()
        (tmp_path / year / f"最低工资{year}.md").write_text(
            f"# 关于调整最低工资标准的通知\n\n非全日制从业人员小时最低工资标准为{hourly}/小时。\n", encoding="utf-8")
        build(kb.index, kb.embedder, [tmp_path / year], kb.settings.ingest, overrides={"year": year})
    answer = kb.answer("新标准下非全日制每小时最低工资多少", use_llm=False)
    assert answer.found and "27.7元" in answer.text, answer.text


def test_the_minimum_wage_is_a_name_not_a_lower_bound_asked():
    from knowledge.relevance import preferred_fit

    assert preferred_fit("非全日制小时最低工资是多少", "最低工资标准调整到每小时不低于14.6元。") == 0
    assert preferred_fit("社保最低要交几年", "累计缴费不少于15年。") == 1


def test_whether_one_counts_as_a_term_goes_to_the_article_defining_it(tmp_path, shipped_kb):
    """"跑外卖算不算新就业形态劳动者": every article of the regulation names the term; the one
    defining it answers."""
    from ingest.pipeline import build
    from knowledge.evidence import defines
    from knowledge.relevance import DEFINITION_ASKED

    article = "第二条 本规定所称新就业形态劳动者，是指依托平台提供服务的劳动者。"
    assert DEFINITION_ASKED.search("跑外卖算不算新就业形态劳动者") and defines(("外卖", "新就业形态劳动者"), article)
    assert not DEFINITION_ASKED.search("新就业形态劳动者有什么保障") and not defines(("平台企业",), article)
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    articles = [f"第{n}条 平台企业应当保障外卖骑手等新就业形态劳动者的{what}，" + "听取新就业形态劳动者代表的意见，"
                "不得损害新就业形态劳动者的合法权益，" * 3 + "接受社会监督。" for n, what in
                (("三", "休息休假权利"), ("四", "劳动报酬"), ("五", "劳动安全"), ("六", "职业技能培训"), ("八", "社会保险"),
                 ("九", "申诉权利"))]
    text = "\n".join(["# 新就业形态劳动者权益保障规定", *articles,
                      "第七条 本规定所称新就业形态劳动者，是指依托互联网平台提供配送、出行等平台网约服务的劳动者。"])
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "规定.md").write_text(text, encoding="utf-8")
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest)
    chunks = kb.retrieve("我跑外卖的 算不算新就业形态劳动者").chunks
    assert len(chunks) >= 3 and "平台网约服务" in chunks[0].chunk.text, chunks[0].chunk.text


def test_words_pointing_back_are_no_topic():
    from knowledge.text import content_terms

    assert "这两块" not in content_terms("人才跟科技这两块工作是分开抓的吗")
    assert "那几个" not in content_terms("那几个驿站在哪")
    assert "驿站" in content_terms("那几个驿站在哪")


def test_question_words_cut_apart_are_no_topic():
    """jieba cuts 要不要 as 要 / 不要 and 能不能 as 能 / 不能: "不要" was a term of the question no
    answer holds, so "呼市招聘能不能卡身高" found the rule and still judged it off topic."""
    from knowledge.text import content_terms

    assert content_terms("要不要交押金") == ("交", "押金")
    assert content_terms("能不能报销") == ("报销",) and content_terms("有没有补贴") == ("补贴",)
    assert "加" in content_terms("积分入户能加多少分") and "加多少" not in content_terms("积分入户能加多少分")
    assert "几样" not in content_terms("具体要交哪几样")
    assert content_terms("2013年初三插班") == ("2013", "年", "初三", "插班")  # not 年初三
    assert "不要" in content_terms("不要钱吗")  # said alone it is a word


def test_a_row_is_named_by_its_first_cell_not_by_a_value_in_it():
    from knowledge.evidence import Candidate, row_named

    question = "我爸有糖尿病 门诊特殊病种每年封顶多少钱"
    haemophilia = Candidate(0, 1, "序号：11；病种：血友病；年度最高支付限额（元/人）：与住院共用封顶线。", row=(0, 1))
    diabetes = Candidate(0, 2, "序号：3；病种：糖尿病；年度最高支付限额（元/人）：4000。", row=(0, 2))
    assert row_named(question, haemophilia) == -1 and row_named(question, diabetes) == 1


def test_a_deadline_asked_prefers_the_day_before_which():
    from knowledge.relevance import preferred_fit

    question = "居民养老按年交的话最晚哪天前交"
    assert preferred_fit(question, "按年缴费的于当年3月31日前向当地社保经办机构缴纳。") == 1
    assert preferred_fit(question, "经2014年7月28日市政府常务会议审议通过，《办法》正式出炉。") == 0


def test_what_something_is_for_is_answered_by_what_it_provides(tmp_path, shipped_kb):
    """"驿站是干嘛的" (user test 12) was answered by whom the station is for, twice over; the
    sentence saying what it provides answers it."""
    from ingest.pipeline import build

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "驿站须知.md").write_text(
        "# 青年人才驿站须知\n\n青年人才驿站面向35周岁及以下的青年人才。\n青年人才驿站面向毕业5年内的高校毕业生。\n"
        "青年人才驿站为来姜求职、创业的青年提供免费住宿。\n", encoding="utf-8")
    build(kb.index, kb.embedder, [tmp_path / "docs"], kb.settings.ingest)
    for question in ("青年人才驿站是干嘛的", "驿站有啥用"):
        answer = kb.answer(question, use_llm=False)
        assert answer.found and "提供免费住宿" in answer.text, (question, answer.text)
    assert "毕业5年内" in kb.answer("驿站面向哪些人", use_llm=False).text
    # "住满了怎么办" asks what to do when it is full, which nothing here says (user test 12 was told
    # whom the station is for).
    from knowledge.evidence import asked_situation

    assert asked_situation("驿站住满了怎么办") == "住满" and asked_situation("怎么办理居住证") == ""
    # "怎么弄房源" asks how a thing is got, not what to do now that something happened
    assert asked_situation("毕业档案丢了咋办啊") == "档案" and asked_situation("政府打算怎么弄房源") == ""
    assert not kb.answer("驿站住满了怎么办", use_llm=False).found


def test_a_sentence_is_read_with_its_documents_title(tmp_path, shipped_kb):
    """In a guide titled 人才居住证, the line listing who qualifies answers "对技能等级有啥要求",
    not the line of forms that repeats the title's name (before: the forms, which held more of
    the question's words only because they spell out the title)."""
    forms = "1: 经区人事部门审核签注的《人才居住证》通知书、《人才居住证》申请表； 2: 申领人有效身份证明； 3: 申领人近期二寸证件照1张。"
    kb = _kb_of(tmp_path, shipped_kb, "人才居住证办事指南.md",
                "# 人才居住证\n\n办事机构：某市公安局某区分局行政审批科\n\n"
                "申报条件：申报前需要到区人事部门审核签注 ● 必要条件： 1: 来本区工作或创业，非本区常住户口 2: "
                "（一）具有普通高校本科及以上学历的人员； （二）具有中级及以上专业技术职务任职资格的人员； "
                "（三）具有国家职业资格三级（高级技能）及以上的人员； （四）个人在本市投资50万元（含）以上的人员\n\n"
                f"办理所需证件：{forms}\n\n办理流程：申请受理-审查-审批-发证\n\n收费标准：不收费\n\n提交材料：{forms}\n")
    answer = kb.answer("我是高级工 某区人才居住证对技能等级有啥要求")
    assert answer.found and "国家职业资格三级" in answer.text and "申请表" not in answer.text, answer.text
    answer = kb.answer("办某区人才居住证要交什么材料")
    assert answer.found and "申请表" in answer.text, answer.text


def test_a_question_asking_which_ones_is_answered_with_the_whole_list(tmp_path, shipped_kb):
    """"除了税费减免还有啥扶持" is answered with every item the article lists (before: the article's
    opening and its first item, the one the asker already knew); "学历有啥要求" still with the
    one item on 学历."""
    kb = _kb_of(tmp_path, shipped_kb, "创业条例.md",
                "# 某省创业促进条例\n\n第三十五条 创业人员享受以下优惠扶持政策：\n（一）税费减免；\n（二）小额担保贷款；\n"
                "（三）创业培训补贴；\n（四）免费提供开业指导。\n\n第三十六条 申请创业担保贷款应当符合下列条件：\n"
                "（一）具有大学专科及以上学历；\n（二）年龄在45周岁以下；\n（三）在本省登记注册。\n")
    answer = kb.answer("在某省创业 除了税费减免 还有啥扶持")
    assert answer.found and "（四）免费提供开业指导" in answer.text and "（一）税费减免" in answer.text, answer.text
    answer = kb.answer("申请创业担保贷款 学历有啥要求")
    assert answer.found and "大学专科" in answer.text and "45周岁" not in answer.text, answer.text


def test_an_asking_word_mistyped_by_pinyin_input_is_read_as_it_sounds(shipped_kb):
    """"人才公寓怎么深请" asks how to apply (申请): read so, the report's "全年新建人才公寓424套" no longer
    answers it (before: it did, for want of anything asked). Only a run of the same sound and tones
    that makes no word and cuts into none: "人多就不好" is no 多久, "驿站是间单人房吗" no 时间."""
    from knowledge.text import read_question

    assert read_question("人才公寓怎么深请") == "人才公寓怎么申请"
    assert read_question("见习补帖有多少") == "见习补贴有多少"
    assert read_question("秦湖驿站在哪") == "溱湖驿站在哪"  # a place of the deployment's dictionary
    # never across a grammatical particle: 了 is also read liào, "被裁了" is no 材料 (batch 22 went unanswered)
    for said in ("驿站能住几晚", "人多就不好", "住的人多就不想去了", "驿站是间单人房吗", "喝个水", "失业保险被裁了"):
        assert read_question(said) == said
    assert not shipped_kb.answer("人才公寓怎么深请").found


def test_an_occasion_of_issue_asked_is_not_answered_by_the_rule_of_another(tmp_path, shipped_kb):
    """"居住证丢了补领收多少钱" is not answered by "首次申领居住证，免收证件工本费" (the first issue's
    rule); the sentence on 补领 answers it, and "首次申领要钱吗" is answered by the first."""
    from knowledge.evidence import issue_asked, other_issue

    assert issue_asked("居住证丢了补领收多少钱") == 1 and issue_asked("居住证怎么办") is None
    assert issue_asked("钱包丢了能住驿站吗") is None  # no card asked about
    assert other_issue(1, "首次申领居住证，免收证件工本费。") and not other_issue(1, "换领、补领居住证，应当缴纳证件工本费。")
    kb = _kb_of(tmp_path, shipped_kb, "居住证办法.md",
                "# 某省居住证办法\n\n第十九条 首次申领居住证，免收证件工本费。\n\n第二十条 居住证每年签注1次。\n")
    assert not kb.answer("某省居住证丢了补领一次收多少钱").found
    answer = kb.answer("某省居住证首次申领要交钱吗")
    assert answer.found and "免收" in answer.text, answer.text


def test_everyday_words_for_employers_staff_and_enlisting_meet_the_regulations_wording(tmp_path, shipped_kb):
    """公司 is 用工单位 as much as 用人单位, 员工 is 职工, 参军 is 应征入伍 (knowledge/synonyms.txt):
    the article about employers answers "公司招了员工", not the one about hospitals beside it."""
    kb = _kb_of(tmp_path, shipped_kb, "登记办法.md",
                "# 流动人口信息登记办法\n\n第六条 医疗机构、救助机构等单位留宿流动人口的，应当在登记后24小时内向派出所申报。\n\n"
                "第八条 用工单位应当如实登记聘用的流动人口信息，并在聘用或解除聘用后24小时内向派出所申报。\n\n"
                "第九条 居住证持有人在居住地享受下列便利：（一）子女可以接受义务教育；"
                "（二）取得当地居住证三年以上的适龄青年，可以在居住地应征入伍。\n")
    answer = kb.answer("公司招了外地员工 多久内要报给派出所")
    assert answer.found and "聘用或解除聘用后24小时内" in answer.text, answer.text
    answer = kb.answer("拿居住证几年可以在这边参军")
    assert answer.found and "应征入伍" in answer.text, answer.text


def test_a_question_the_document_asks_itself_is_never_the_answer_but_leads_it(tmp_path, shipped_kb):
    """Explainers pose questions of their own ("外地孩子大学毕业后怎样才能在厦门落户生根呢？") and answer
    them below: the question is what the answer is about, never the answer."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import ChunkRecord

    chunk = ChunkRecord(id="c", doc_id="d.md", title="某市户口新政策", heading="毕业生落户", position=0,
                        text="外地孩子大学毕业后怎样才能在本市落户生根呢？\n第一个条件是先在本市找个工作单位，书面说法是已落实接收单位。")
    candidates = answer_candidates([chunk])
    assert all(not c.text.endswith("？") for c in candidates), candidates
    answer = next(c for c in candidates if "接收单位" in c.text)
    assert answer.lead.startswith("外地孩子大学毕业后"), answer
    kb = _kb_of(tmp_path, shipped_kb, "落户.md", "# 某市户口新政策\n\n## 毕业生落户\n\n外地孩子大学毕业后怎样才能在本市落户生根呢？\n\n"
                "第一个条件是先在本市找个工作单位，书面说法是已落实接收单位。\n")
    reply = kb.answer("大学毕业想在这落户 有啥条件")
    assert reply.found and "接收单位" in reply.text, reply.text


def test_online_said_as_users_say_it_is_the_regulations_network():
    """线上 (a word jieba does not hold: knowledge/userdict.txt) is 网络 in regulations (synonyms.txt):
    "线上招聘会" is met by the rule for 网络招聘会 more than by the one for 现场招聘会 beside it
    (jieba had cut 线 / 上, and 上 is no word of the question)."""
    from knowledge.relevance import sentence_terms
    from knowledge.text import content_terms

    question = "在贵州搞线上招聘会 有啥规定没"
    assert "线上" in content_terms(question)
    network = sentence_terms(question, "举办网络招聘会的，应当在有关部门批准的网站上进行，并制定组织方案。")
    onsite = sentence_terms(question, "举办大型现场招聘会，应当符合《大型群众性活动安全管理条例》等法律、法规的规定。")
    assert network[0] >= onsite[0], (network, onsite)  # 0.46 against 0.77 before


def test_what_a_thing_is_is_answered_by_what_it_does(tmp_path, shipped_kb):
    """"驿站是啥": what it provides, not only whom it is for (user test 17 got the entry conditions)."""
    kb = _kb_of(tmp_path, shipped_kb, "驿站须知.md",
                "# 青年人才驿站须知\n\n青年人才驿站面向35周岁及以下的青年人才。\n青年人才驿站面向毕业5年内的高校毕业生。\n"
                "青年人才驿站为来本地求职、创业的青年提供免费住宿。\n")
    answer = kb.answer("驿站是啥")
    assert answer.found and "提供免费住宿" in answer.text, answer.text
    # (review) what an attribute of it is asks that attribute, not what the thing does
    from knowledge.relevance import preferred_fit

    for question in ("入住驿站的要求是什么", "驿站的入住条件是什么", "驿站地址是什么", "所需材料是什么"):
        assert preferred_fit(question, "青年人才驿站为来本地求职的青年提供免费住宿。") == 0, question


def test_a_numbered_items_bare_name_leads_the_paragraph_below_it():
    """"（3）落户地址材料" names what the paragraph below it is about and answers nothing itself (it was
    the whole answer to "落户地址那块要交啥"); a list of short items without marks stays items."""
    from knowledge.evidence import answer_candidates
    from knowledge.snapshot import ChunkRecord

    named = ChunkRecord(id="c", doc_id="d.md", title="某市学历型人才引进入户申报指南", heading="所需材料", position=0,
                        text="（3）落户地址材料\n迁入本人、直系亲属房产或单位集体户等，需提供相应的房产证明、集体户首页或租赁合同等材料。")
    found = {(c.lead, c.text) for c in answer_candidates([named])}
    assert all(text != "（3）落户地址材料" for _, text in found)
    assert ("（3）落户地址材料", "迁入本人、直系亲属房产或单位集体户等，需提供相应的房产证明、集体户首页或租赁合同等材料。") in found
    items = ChunkRecord(id="i", doc_id="d.md", title="某市居住证办理指南", heading="申请材料", position=0,
                        text="1.本人有效居民身份证原件\n2.户口簿首页及本人页复印件")
    assert {c.text for c in answer_candidates([items])} == {"1.本人有效居民身份证原件", "2.户口簿首页及本人页复印件"}
    # The last of a list of conditions, above the line closing the list, is a condition (review).
    listed = ChunkRecord(id="l", doc_id="d.md", title="某区人才公寓管理办法", heading="", position=0,
                         text="第五条 申请人才公寓应当符合下列条件：\n（一）年龄不超过45周岁\n（二）本科以上学历\n"
                              "（三）在本区无自有住房\n符合上述条件的人员，可向区人才办提出申请。")
    assert ("第五条 申请人才公寓应当符合下列条件：", "（三）在本区无自有住房") in {(c.lead, c.text) for c in answer_candidates([listed])}


def test_a_kind_of_fact_is_asked_only_where_the_message_asks_it():
    """"人社几天都没审 那受理时间咋算": 几天都没 is several days, said, and 受理时间咋算 asks how the day
    is fixed, not office hours: a text saying how, with no figure, answers. "通过…申请办理" names
    where to apply ("到哪个部门去办")."""
    from knowledge.relevance import attribute_fit

    rule = "申请人网上提交申请后，以审查通过时间确定为受理时间。"
    assert attribute_fit("在网上交了入户申请 人社几天都没审 那受理时间咋算", rule) >= 0
    assert attribute_fit("驿站能住几天", "凭本人身份证入住。") < 0  # asked: a number of days
    assert attribute_fit("人才公寓住满几年就得搬出去", "租期届满应当退出。") < 0
    assert attribute_fit("大厅受理时间是几点", rule) < 0
    assert attribute_fit("单位给员工补缴社保 到哪个部门去办", "用人单位需通过主管税务机关申请办理相关业务。") == 1
    # (review) 通过 as passing a review names no place; 几年还能 and 隔几个月 ask; 受理时间按什么算 asks how
    assert attribute_fit("去哪里申请人才公寓", "经资格审核通过后办理入住手续。") < 0
    assert attribute_fit("毕业几年还能申请租房补贴", "申请租房补贴需提供毕业证书和劳动合同。") < 0
    assert attribute_fit("补贴隔几个月发一次", "补贴按规定发放。") < 0
    assert attribute_fit("受理时间按什么算", "申请人网上提交申请后，以审查通过时间确定为受理时间。") >= 0
    assert attribute_fit("租房补贴能早点到账吗", "补贴按季度发放，一般在季度末前到账。") >= 0


def test_an_age_is_no_duration_and_a_date_no_new_figure():
    """"留学学历认证一般多久能办下来" was answered with "年龄要求：40周岁以下" (40周 read as weeks);
    "降到多少" is not answered by a date."""
    from knowledge.relevance import attribute_fit

    assert attribute_fit("学历认证一般多久能办下来", "学历层次：国（境）外学士学位；年龄要求：40周岁以下。") < 0
    assert attribute_fit("学历认证一般多久能办下来", "认证一般需要10个工作日。") == 1
    assert attribute_fit("缴费比例降到多少了", "本办法自2024年9月30日起施行。") < 0
    assert attribute_fit("缴费比例降到多少了", "单位缴费比例由20%降至16%。") == 1
    assert attribute_fit("申请年龄上限提高到多少岁了", "申请人年龄放宽至45周岁以下。") == 1  # an age asked (review)


def test_a_message_asking_two_things_is_answered_on_both(tmp_path, shipped_kb):
    """"居住证一年要签注几次 签注收费不": no sentence states both a count and a fee; the article answers
    each in its own sentence, and both are the answer (before: not found at all)."""
    kb = _kb_of(tmp_path, shipped_kb, "某省居住证制度实施细则.md",
                "# 某省居住证制度实施细则\n\n第十三条 居住证实行签注制度，每年签注1次。\n"
                "居住证持有人在居住地连续居住的，应当在居住每满1年之日前1个月内，到受理机构办理签注手续，交验申请人居民身份证。"
                "受理机构办理签注手续不得收取费用。\n\n第十四条 居住证持有人变更居住地址的，应当及时办理变更登记。\n")
    answer = kb.answer("居住证一年要签注几次 签注收费不")
    assert answer.found and "每年签注1次" in answer.text and "不得收取费用" in answer.text, answer.text
    alone = kb.answer("居住证一年要签注几次")
    assert alone.found and "每年签注1次" in alone.text and "收取费用" not in alone.text, alone.text


_SUBSIDY_TABLE = ("# 某区青年人才安居补贴实施细则\n\n第一条 为吸引青年人才来本区就业创业，制定本细则。\n\n第二条 补贴标准如下：\n\n"
                  "| 补贴类别 | 学历 | 补贴标准 |\n| --- | --- | --- |\n"
                  "| 租房补贴 | 博士研究生 | 每人每月1500元 |\n| 租房补贴 | 硕士研究生 | 每人每月1000元 |\n"
                  "| 租房补贴 | 全日制本科 | 每人每月600元 |\n| 购房补贴 | 博士研究生 | 一次性10万元 |\n"
                  "| 购房补贴 | 硕士研究生 | 一次性5万元 |\n\n第三条 租房补贴最长享受3年。\n")


def test_a_table_answers_for_the_row_asked_and_never_with_another_rows_figure(tmp_path, shipped_kb):
    """"本科生购房补贴多少": the table has no 本科 row of 购房补贴; its 博士 row (10万元) was the answer, a
    confident wrong amount. "租房补贴多少" names no 学历: every degree's row is the answer, not one."""
    kb = _kb_of(tmp_path, shipped_kb, "安居补贴实施细则.md", _SUBSIDY_TABLE)
    assert not kb.answer("本科生购房补贴多少").found
    one = kb.answer("硕士租房补贴每月多少")
    assert one.found and "1000元" in one.text and "1500元" not in one.text and "600元" not in one.text, one.text
    every = kb.answer("租房补贴多少")
    assert every.found and all(f in every.text for f in ("1500元", "1000元", "600元")), every.text
    assert "10万元" not in every.text
    both = kb.answer("博士和硕士租房补贴分别多少")
    assert both.found and "1500元" in both.text and "1000元" in both.text and "600元" not in both.text, both.text
    graduate = kb.answer("研究生租房补贴多少")  # 研究生 names 博士研究生 and 硕士研究生, not 全日制本科
    assert graduate.found and "1500元" in graduate.text and "1000元" in graduate.text and "600元" not in graduate.text


def test_a_table_row_is_named_by_what_sets_it_apart_from_its_column(tmp_path, shipped_kb):
    """"D类安家补贴多少" names the D类人才 row (its 人才 is every row's); "E类…", which the table has no
    row of, is never answered with another category's figure as if it were E's (review)."""
    kb = _kb_of(tmp_path, shipped_kb, "安家补贴办法.md",
                "# 某区高层次人才安家补贴办法\n\n第三条 安家补贴标准如下：\n\n| 人才类别 | 安家补贴 |\n| --- | --- |\n"
                "| A类人才 | 100万元 |\n| B类人才 | 50万元 |\n| C类人才 | 30万元 |\n| D类人才 | 10万元 |\n")
    d = kb.answer("D类安家补贴多少")
    assert d.found and "10万元" in d.text and "100万元" not in d.text, d.text
    e = kb.answer("E类人才安家补贴多少")
    assert not e.found or all(f in e.text for f in ("A类", "B类", "C类", "D类")), e.text


def test_a_word_whose_last_word_a_text_lacks_is_not_half_met():
    """青年人才驿站 in "全年引进青年人才3000多名": two characters running together that the text lacks
    (驿站) are a word it lacks, no typo; "青年人才驿站可以住多少人" was answered with that sentence."""
    from knowledge.relevance import coverage

    assert coverage("青年人才驿站", "全年引进青年人才3000多名") == 0
    assert coverage("劳动合同", "签订劳动合约") == 0.5  # one character off: a typo, half met


def test_who_sets_a_rent_asks_no_sum_and_a_count_said_in_passing_is_no_topic(tmp_path, shipped_kb):
    """"床位租金谁来定 要报哪里备案" asks who sets the rent, which the article says with no figure: it was
    refused for stating no sum (the 建设者之家 rule at rank 1). "举报了一家黑中介 人社多久给我回复":
    一家 counts the agency, it names nothing the text must hold, and 举报/回复 are what regulations
    call 检举/反馈 — the article answering was refused for lack of them."""
    kb = _kb_of(tmp_path, shipped_kb, "某市人力资源市场管理条例.md",
                "# 某市人力资源市场管理条例\n\n第十三条 项目单位应当制定床位租赁价格，并报项目所在地区房屋管理部门备案。\n\n"
                "第二十一条 公民有权对职业中介机构的违法行为进行检举和控告。人事行政主管部门对检举、控告应当受理；"
                "有明确检举人的，自受理之日起十个工作日之内向其反馈查处情况。\n\n"
                "第二十二条 职业中介机构提供虚假供求信息的，处以二百元以上一千元以下罚款。\n")
    rent = kb.answer("床位租金谁来定 要报哪里备案")
    assert rent.found and "房屋管理部门备案" in rent.text, rent.text
    report = kb.answer("举报了一家黑中介 人社多久给我回复")
    assert report.found and "十个工作日之内" in report.text, report.text
    from knowledge.relevance import missing_attribute, subject_terms

    assert "一家" not in subject_terms("举报了一家黑中介 人社多久给我回复")
    assert missing_attribute("床位租金是多少", "项目单位应当制定床位租赁价格，并报房屋管理部门备案。")  # the sum still asked


_CONTRACTS = """# 劳动合同条例

第二十七条 用人单位与劳动者可以在劳动合同中约定保守用人单位的商业秘密和与知识产权相关的保密事项。

对负有保密义务的劳动者，用人单位可以与其在劳动合同或者保密协议中，就劳动者要求解除劳动合同的提前通知期以及提前通知期内的岗位调整、劳动报酬作出约定。提前通知期不得超过六个月。

第二十八条 用人单位对处于竞业限制期限内的离职劳动者应当按月给予经济补偿，月经济补偿额不得低于该劳动者离开用人单位前十二个月的月平均工资的三分之一。

竞业限制的期限由当事人约定，最长不得超过二年。
"""


def test_a_bound_asked_is_stated_as_a_rule_states_it(tmp_path, shipped_kb):
    """"最长能约定多久" asks an upper bound, which a rule states as "不得超过六个月" as often as
    "最长…" or "不超过": the sentence on the notice period asked answers, not the one on the
    non-compete period that happens to say "最长" (batch 21)."""
    kb = _kb_of(tmp_path, shipped_kb, "条例.md", _CONTRACTS)
    answer = kb.answer("签了保密协议 离职的提前通知期最长能约定多久")
    assert answer.found and "提前通知期不得超过六个月" in answer.text
    assert "二年" not in answer.text


_START_UPS = """# 就业促进条例

第三十条 县级以上地方人民政府应当拓宽创业投融资渠道，运用市场机制，引导社会资金和金融资本支持创业活动，扩大创业投资规模。

第三十一条 县级以上地方人民政府应当设立创业担保贷款担保基金，健全担保基金补充机制，完善担保和贴息政策。
"""


def test_whether_a_thing_exists_is_asked_of_the_thing_not_of_what_it_would_do(tmp_path, shipped_kb):
    """"有没有担保基金兜底" asks whether there is a guarantee fund (兜底 is what it would do): a text
    setting one up answers, though it never says 兜底 (batch 21)."""
    from knowledge.evidence import asked_thing

    assert asked_thing("创业担保贷款有没有担保基金兜底") == "担保基金"
    assert asked_thing("福州有没有生活补贴") == "生活补贴"
    kb = _kb_of(tmp_path, shipped_kb, "条例.md", _START_UPS)
    answer = kb.answer("创业担保贷款有没有担保基金兜底")
    assert answer.found and "设立创业担保贷款担保基金" in answer.text


def test_the_money_asked_may_be_named_by_the_section_a_sentence_is_under(tmp_path, shipped_kb):
    """"住房租赁补贴一平米补多少" is answered by "补贴标准：每平方米25元" under the heading 住房租赁补贴标准:
    the heading names the money, as a reader sees it, not the sentence alone (a 见习补贴 sentence
    elsewhere names other money and is not the answer)."""
    kb = _kb_of(tmp_path, shipped_kb, "住房保障意见.md",
                "# 关于加强住房保障工作的实施意见\n\n## 见习补贴\n\n见习补贴标准为每人每月1800元。\n\n"
                "## 住房租赁补贴标准\n\n一、补贴标准：每平方米建筑面积25元。\n\n二、补贴按月发放。\n")
    answer = kb.answer("住房租赁补贴一平米补多少钱", use_llm=False)
    assert answer.found and "每平方米建筑面积25元" in answer.text and "1800" not in answer.text, answer.text


def test_words_of_intention_and_how_to_are_no_topic():
    """"政府打算怎么弄房源": 打算 (plan to) and 怎么弄 (how to go about) say how one asks, as 想 and 怎么 do,
    and 到底 (user test 27) how hard;
    a text about 房源 need not contain them (the 湖北 guideline's 城中村 article went unanswered)."""
    from knowledge.relevance import subject_terms

    assert subject_terms("湖北城中村住的大多是农民工 政府打算怎么弄房源") == ("城中村", "农民工", "政府", "房源")
    assert subject_terms("驿站到底要不要押金") == subject_terms("驿站要不要押金")  # 到底/究竟 press, they name nothing


def test_a_count_said_after_what_was_done_picks_the_row_of_its_span(tmp_path, shipped_kb):
    """"累计交了七年" is 7 years: the row "满5年不满10年" answers, not the first row of the list."""
    kb = _kb_of(tmp_path, shipped_kb, "失业保险金标准.md",
                "# 关于调整失业保险金发放标准的通告\n\n**一、失业保险金调整后的标准**\n\n"
                "（一）累计缴费时间满1年不满5年的，失业保险金月发放标准为2129元；\n\n"
                "（二）累计缴费时间满5年不满10年的，失业保险金月发放标准为2156元；\n\n"
                "（三）累计缴费时间满10年以上的，失业保险金月发放标准为2188元。\n")
    answer = kb.answer("失业保险累计交了七年 每月失业金能拿多少", use_llm=False)
    assert answer.found and "2156元" in answer.text and "2129元" not in answer.text, answer.text
