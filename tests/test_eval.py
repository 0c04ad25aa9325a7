"""`python -m knowledge eval` on the shipped QA set: the CLI and the quality bar."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.errors import ConfigError
from knowledge.cli import cli
from knowledge.evaluate import read_qa
from tests.conftest import QA_FILE


@pytest.fixture(scope="module")
def metrics(shipped_index) -> dict:
    res = CliRunner().invoke(cli, ["eval", str(QA_FILE), "--index", str(shipped_index), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_qa_set_is_big_enough_and_mixed():
    items = read_qa(QA_FILE)
    assert len(items) >= 40
    assert sum(1 for i in items if not i.expected) >= 8


def test_eval_json_has_exactly_the_documented_keys(metrics, shipped_index):
    assert set(metrics) == {"n", "hit@1", "hit@3", "mrr", "answer_contains", "no_answer_correct", "questions"}
    assert metrics["n"] == len(read_qa(QA_FILE)) == len(metrics["questions"])
    row = next(r for r in metrics["questions"] if r["question"] == "人才公寓去年新建了多少套？")
    assert row["rank"] == 1 and row["found"] and "424套" in row["answer"] and row["ok"]
    assert row["cited"] == "2023年姜堰区人才工作综述.txt"
    # The table the README shows gives the same figures as --json.
    res = CliRunner().invoke(cli, ["eval", str(QA_FILE), "--index", str(shipped_index)])
    assert res.exit_code == 0, res.output
    for key in ("hit@1", "hit@3", "mrr", "answer_contains", "no_answer_correct"):
        assert f"{key:<18} {metrics[key]:.3f}" in res.output, key


def test_quality_bar_on_the_shipped_set(metrics):
    assert metrics["hit@3"] >= 0.95
    assert metrics["hit@1"] >= 0.85
    assert metrics["answer_contains"] >= 0.85
    assert metrics["no_answer_correct"] >= 0.9


def test_quality_bar_on_the_second_set(shipped_index):
    """knowledge/eval/qa_holdout.tsv: a second set, written apart from the first. Retrieval
    rules were changed while it existed, so it is a regression set now, not a holdout."""
    holdout = QA_FILE.with_name("qa_holdout.tsv")
    res = CliRunner().invoke(cli, ["eval", str(holdout), "--index", str(shipped_index), "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["n"] >= 60
    assert m["hit@3"] >= 0.95 and m["hit@1"] >= 0.85
    # 0.85 before synonyms written for its questions were removed (issue 12); the honest figure is lower.
    assert m["answer_contains"] >= 0.80 and m["no_answer_correct"] >= 0.9


def test_eval_table_output_and_misses(shipped_index, tmp_path):
    qa = tmp_path / "qa.tsv"
    qa.write_text("question\texpected\n人才公寓建了多少套\t424套\n公积金怎么提取\t\n驿站能免费住吗\t不存在的内容\n",
                  encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(qa), "--index", str(shipped_index), "--show-misses"])
    assert res.exit_code == 0
    assert "hit@1              0.500" in res.output
    assert "no_answer_correct  1.000" in res.output
    assert "MISS" in res.output and "不存在的内容" in res.output


def test_expected_text_is_compared_as_ingest_stores_documents(shipped_index, tmp_path):
    """Ingest folds full-width digits ("４２４套" in a source is stored "424套"): an expected
    answer copied from the source verbatim must still be found; so must one whose comma is the
    ASCII one a source may have ("全年新建人才公寓424套" after "完善生活功能配套,", stored "，")."""
    qa = tmp_path / "qa.tsv"
    qa.write_text("question\texpected\n人才公寓建了多少套\t４２４套\n人才公寓建了多少套\t完善生活功能配套,全年新建\n",
                  encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(qa), "--index", str(shipped_index), "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["hit@1"] == 1.0 and m["answer_contains"] == 1.0, m["questions"]


def test_bad_qa_files_are_clear_errors(tmp_path, shipped_index):
    bad = tmp_path / "bad.tsv"
    bad.write_text("q\ta\nx\ty\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="header"):
        read_qa(bad)
    res = CliRunner().invoke(cli, ["eval", str(bad), "--index", str(shipped_index)])
    assert res.exit_code == 1 and "header" in res.output
    res = CliRunner().invoke(cli, ["eval", str(QA_FILE), "--index", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "ingest build" in res.output


MULTI = QA_FILE.parent


@pytest.fixture(scope="module")
def multi_index(tmp_path_factory) -> str:
    """The real multi-document corpus (knowledge/eval/corpus/: 111 public policy texts, sources in its README)."""
    index = tmp_path_factory.mktemp("multi-index")
    from ingest.cli import cli as ingest_cli

    res = CliRunner().invoke(ingest_cli, ["build", str(MULTI / "corpus" / "docs"), "--index", str(index)])
    docs = len(list((MULTI / "corpus" / "docs").iterdir()))
    assert res.exit_code == 0 and f"{docs} added, 0 updated, 0 unchanged, 0 removed, 0 skipped" in res.output, res.output
    return str(index)


def _multi(name: str, index: str) -> dict:
    res = CliRunner().invoke(cli, ["eval", str(MULTI / name), "--index", index, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_the_multi_document_sets_are_kept_apart_and_checked():
    """The split was made once, by a fixed shuffle, before any tuning (knowledge/eval/corpus/README.md);
    tuning looks at multi_dev.tsv only. Both files must still be that split."""
    dev, holdout = read_qa(MULTI / "multi_dev.tsv"), read_qa(MULTI / "multi_holdout.tsv")
    assert len(dev) + len(holdout) >= 100 and not {i.question for i in dev} & {i.question for i in holdout}
    docs = {p.name for p in (MULTI / "corpus" / "docs").iterdir()}
    assert len(docs) >= 10 and all(i.source in docs for i in dev + holdout if i.source)


def test_multi_document_quality_does_not_fall_back(multi_index):
    """Floors about one question below the dev figures of 2026-12-08 (session 24: a wider area's text
    answers a district's question only when its meaning agrees, no_answer .689 → .727; batch 22's five
    documents and 50 dev rows, first measured at hit@1 .824, answers .676, no_answer .750, then counts
    after what was done, months of wages, shares of people, who pays) on 1122 questions over 111
    documents (hit@1 .813, hit@3 .906, answer_contains .788, no_answer_correct .731, source@1 .907;
    questions naming no place are about 姜堰, and seven Jiangsu texts speak for it), so a regression
    shows; the issue's aims (hit@1 0.85 …) are measured on the holdout: see README, "Knowledge base"."""
    m = _multi("multi_dev.tsv", multi_index)
    assert m["source@1"] >= 0.905 and m["hit@1"] >= 0.811 and m["hit@3"] >= 0.904 and m["answer_contains"] >= 0.786
    assert m["no_answer_correct"] >= 0.728
    # A question naming a city is never answered from another place's document (a national one
    # applies everywhere: it has no region).
    from core.config import load_config
    from knowledge.service import KnowledgeBase

    regions = {d.doc_id: d.meta.get("region", "")
               for d in KnowledgeBase(load_config(None, {"knowledge": {"index_dir": multi_index}})).index.documents()}
    cities = ("北京", "上海", "广州", "深圳", "东莞", "佛山", "福州", "惠州")
    wrong_place = [r for r in m["questions"] if r["cited"] and r["question"][:2] in cities
                   and regions[r["cited"]] and r["question"][:2] not in regions[r["cited"]]]
    assert not wrong_place, wrong_place


def test_the_shipped_questions_hold_on_the_combined_index(multi_index, metrics):
    """Issue 12: qa.tsv over all the corpus documents within 3 points of its single-document figures.
    (no_answer_correct is not compared: national texts now answer some of its "unanswerable"
    questions, "怎么办理居住证" rightly so.)"""
    res = CliRunner().invoke(cli, ["eval", str(QA_FILE), "--index", multi_index, "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    for key in ("hit@1", "hit@3", "answer_contains"):
        assert m[key] >= metrics[key] - 0.03, (key, m[key], metrics[key])


def _ask(index: str, question: str) -> dict:
    res = CliRunner().invoke(cli, ["ask", question, "--index", index])
    assert res.exit_code == 0, res.output
    return json.loads(res.output[res.output.index("{"):])


@pytest.mark.parametrize("question, expected, shown", [
    # The answer sentence continues an item: the item's opening is shown with it, so the
    # figure is read for the right row (50万至100万, not the 100万至500万 item beside it).
    ("城区人口50万到100万的城市落户社保年限最多要求几年", "不得超过3年", "50万至100万"),
    # Counted Chinese numerals meet the documents' digits (住一年 → 满1年).
    ("在北京租房住一年积分落户算多少分", "0.5分", "租赁"),
    # Official wording of an everyday term (职称 → 专业技术资格), and the row naming it ranks first.
    ("高级职称引进深圳年龄上限多少", "50周岁以下", "高级专业技术资格"),
    # A later paragraph of an article ("符合本条规定人员迁户时…") is answered with the opening it
    # refers back to, which says which route it is about; a sentence not about the subject never wins.
    ("深圳居住社保入户女的年龄要多大以内", "女性应当在50周岁以下", "居住社保迁户"),
])
def test_answers_pick_the_row_the_question_names(multi_index, question, expected, shown):
    reply = _ask(multi_index, question)
    assert reply["found"] and expected in reply["answer"] and shown in reply["answer"], reply


def test_a_question_naming_a_document_by_its_title_or_year_is_about_that_document(multi_index):
    from core.config import load_config
    from knowledge.relevance import subject_terms
    from knowledge.service import KnowledgeBase

    snap = KnowledgeBase(load_config(None, {"knowledge": {"index_dir": multi_index}})).index.current()
    # Two titles say 市场…条例 since the sixth batch (北京 人才市场管理条例, 山东 人力资源市场条例), and
    # since batch 18 a third 市场…管理条例 (the national 市场主体登记管理条例): a run of the title quoted
    # whole (人才市场管理) names it, as the retriever asks (the question beside its words). Since batch 20
    # 包头市人力资源市场管理条例 shares a six-character run (市场管理条例) too: the longest run shared names it.
    question = "人才市场管理条例里说的人才是指哪些人"
    named = snap.named_documents(subject_terms(question), question)
    assert list(named) == ["北京市人才市场管理条例.md"] and named["北京市人才市场管理条例.md"] > 0.5
    assert snap.named_documents(subject_terms(question)) == {}  # its words alone are in three titles
    # 山东's and (since batch 18) 贵州's 人力资源市场条例 share every word: the place named tells them apart
    kb = KnowledgeBase(load_config(None, {"knowledge": {"index_dir": multi_index}}))
    assert kb.retrieve("山东人力资源市场条例管哪些机构").chunks[0].chunk.doc_id == "山东省人力资源市场条例.md"
    assert snap.named_documents(("市场", "条例")) == {}
    # (since batch 17, 新疆's 2014 户籍 实施意见 shares those words: the issuer tells them apart)
    assert snap.named_documents(("户籍", "改革", "意见", "2014年")) == {}
    named = snap.named_documents(("国务院", "户籍", "改革", "意见", "2014年"))
    assert list(named) == ["国务院关于进一步推进户籍制度改革的意见.md"]
    assert snap.named_documents(("居住证", "补办")) == {}  # three titles say 居住证: it names none of them
    # a title quoting another's name (北京市实施《居住证暂行条例》办法, …就《居住证暂行条例》答记者问) names
    # that one less than the 条例's own title does
    assert list(snap.named_documents(subject_terms("按国家居住证条例，每年去签注要交钱不"))) == ["居住证暂行条例.md"]
    assert snap.named_documents(("人才",)) == {}  # a word many titles hold names none of them


def test_a_wider_areas_rule_answers_a_districts_question_only_when_its_meaning_agrees(multi_index):
    """Questions naming no place are about 姜堰, for which Jiangsu's regulations are a third as near. A long
    regulation shares words with almost any question: its 残疾人就业比例 article for 五险一金's shares
    (answered when the bar is off), while its article on 竞业限制 compensation answers that question."""
    from core.config import load_config
    from knowledge.service import KnowledgeBase

    def answer(question: str, bar: float | None = None):
        overrides = {"knowledge": {"index_dir": multi_index}}
        if bar is not None:
            overrides["knowledge"]["retrieval"] = {"wider_min_agreement": bar}
        return KnowledgeBase(load_config(None, overrides)).answer(question, use_llm=False)

    unrelated = "五险一金公司和个人各交多少比例"
    assert not answer(unrelated).found
    assert answer(unrelated, bar=0.0).found  # the bar is what holds it back
    related = answer("竞业限制补偿一个月最少给多少")
    assert related.found and "月平均工资的三分之一" in related.text and related.sources[0]["doc_id"] == "江苏省劳动合同条例.md"


@pytest.mark.parametrize("question, expected", [
    ("居住证暂行条例是国务院第几号令", "国令第663号"),      # the card states the ordinal; the 条例's opening only names it
    ("深圳人才引进积分表里全日制大专算几分", "70分"),   # the row with the degree and its score
    ("拿居住证的人要服兵役吗", "服兵役"),
])
def test_of_the_chunks_an_answer_is_drawn_from_the_one_holding_it_ranks_first(multi_index, question, expected):
    """HybridRetriever._answer_first; without it (evidence_weight 0) these rank second. Measured without
    the character-pair ranking, which alone brings 服兵役's article first since session 22."""
    from core.config import load_config
    from knowledge.service import KnowledgeBase

    def first(weight: float) -> str:
        overrides = {"knowledge": {"index_dir": multi_index,
                                   "retrieval": {"evidence_weight": weight, "pair_weight": 0.0}}}
        return KnowledgeBase(load_config(None, overrides)).retrieve(question).chunks[0].chunk.text

    assert expected in first(0.45) and expected not in first(0.0)


def test_counted_chinese_numerals_become_digits_and_words_do_not():
    from knowledge.text import arabic_numerals

    assert arabic_numerals("在北京租房住一年") == "在北京租房住1年"
    assert arabic_numerals("三天两晚，满二十一岁") == "3天2晚，满21岁"
    # a count after what was done: "交了七年" is 7 years, inside "满5年不满10年" (batch 22 got the 1–5 year row)
    assert arabic_numerals("失业保险累计交了七年") == "失业保险累计交了7年"
    assert arabic_numerals("累计缴费二十多年了") == "累计缴费20多年了"  # a count with 十 is no part of a word
    for unchanged in ("一站式服务", "统一年度计划", "第一条", "统一分配", "了一下"):
        assert arabic_numerals(unchanged) == unchanged


@pytest.fixture(scope="module")
def deployment_index(tmp_path_factory) -> str:
    """The deployment's own documents as `./run serve` indexes them: the shipped report and the
    service's generated 驿站预约须知 (a frozen copy, knowledge/eval/service/), with its region."""
    from ingest.cli import cli as ingest_cli

    index = str(tmp_path_factory.mktemp("deployment-index"))
    for args in (["build", str(MULTI.parent / "docs")], ["build", str(MULTI / "service"), "--region", "姜堰区"]):
        res = CliRunner().invoke(ingest_cli, args + ["--index", index])
        assert res.exit_code == 0, res.output
    return index


def test_blind_questions_on_the_deployments_documents_do_not_fall_back(deployment_index):
    """knowledge/eval/qa_blind.tsv: 100 questions written blind from the two documents (corpus
    README). First measured 2026-12-05 at hit@1 .800, answer_contains .586, no_answer .733; it has
    been tuned on since (a dev set now): floors about one question below hit@1 .814, hit@3 .900,
    answer_contains .757, no_answer .933, source@1 .857 (2026-12-06, session 11: everyday words
    such as 还是 are stopwords now, and "驿站是单人间还是几个人一间" is answered with who may stay).
    qa_blind_holdout.tsv is measured only."""
    res = CliRunner().invoke(cli, ["eval", str(MULTI / "qa_blind.tsv"), "--index", deployment_index, "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["n"] == 100
    assert m["hit@1"] >= 0.80 and m["hit@3"] >= 0.885 and m["answer_contains"] >= 0.742
    assert m["no_answer_correct"] >= 0.90 and m["source@1"] >= 0.842


def test_second_blind_set_on_the_deployments_documents_does_not_fall_back(deployment_index):
    """knowledge/eval/qa_blind2.tsv: 100 more questions written blind from the same two documents
    (corpus README), first measured 2026-12-06 on the code of that day: hit@1 .757, hit@3 .871,
    answer_contains .514, no_answer .767, source@1 .600; tuned on since: .786 / .871 / .600 / .800
    / .700. Most misses are answers the report holds that a chatty question ("人才办那个主任例会是
    定期开吗") does not bring past the relevance gate; lowering the gate answered more unanswerable
    questions than it gained (README). Floors about one question below."""
    res = CliRunner().invoke(cli, ["eval", str(MULTI / "qa_blind2.tsv"), "--index", deployment_index, "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["n"] == 100
    assert m["hit@1"] >= 0.771 and m["hit@3"] >= 0.857 and m["answer_contains"] >= 0.585
    assert m["no_answer_correct"] >= 0.766 and m["source@1"] >= 0.685


@pytest.mark.parametrize("question", ["驿站需要准备什么材料", "住驿站要带啥证件"])
def test_the_verb_of_how_a_question_asks_is_not_its_topic(deployment_index, question):
    """"驿站需要准备什么材料": 准备 is how it asks for materials, like 需要; the notice's 凭本人身份证入住
    never says 准备, and counting it as a topic word kept the answer below the relevance gate
    while "入住驿站需要什么材料" was answered (user test 19)."""
    reply = _ask(deployment_index, question)
    assert reply["found"] and "身份证" in reply["answer"], reply


def test_asking_to_come_early_asks_an_hour_the_notice_does_not_state(deployment_index):
    """"驿站能早点入住吗" asks the hour one may come; the notice states none, and "凭本人身份证入住"
    (which says 入住) is no answer to it (user test 20)."""
    assert not _ask(deployment_index, "驿站能早点入住吗")["found"]


def test_who_asks_is_no_part_of_what_is_asked(deployment_index):
    """"我是应届生 想了解下见习补贴" was answered with whom the 驿站 is for (毕业5年内的高校毕业生: the asker,
    not 见习补贴; user test 26); a text naming what is asked still answers ("我是研究生 驿站能住几天")."""
    assert not _ask(deployment_index, "我是应届生 想了解下见习补贴")["found"]
    reply = _ask(deployment_index, "我是研究生 驿站能住几天")
    assert reply["found"] and "7晚" in reply["answer"], reply


def test_whether_a_thing_is_required_is_not_answered_by_a_text_never_naming_it(deployment_index):
    """"请问驿站需要押金吗" was answered with whom the station is for (user test 24); the notice names no
    押金. "需要身份证吗" is answered by the line that names it."""
    assert not _ask(deployment_index, "请问驿站需要押金吗")["found"]
    reply = _ask(deployment_index, "入住驿站需要身份证吗")
    assert reply["found"] and "身份证" in reply["answer"], reply


@pytest.mark.parametrize("question", ["人才公寓可以养猫吗", "人才公寓可以养狗吗", "人才公寓能不能养狗", "驿站能不能带宠物呀"])
def test_whether_one_may_do_something_is_not_answered_by_a_text_never_naming_it(deployment_index, question):
    """"人才公寓可以养猫吗" was answered with "全年新建人才公寓424套" (staff test): the subject was
    there, what one asks to do with it (its nouns: 猫, 宠物) nowhere."""
    assert not _ask(deployment_index, question)["found"]


def test_how_to_book_is_answered_with_the_steps(deployment_index):
    """"怎么预约驿站": the steps (回复“预约驿站”，按提示…), which ranked fourth below three chunks naming
    预约 or the 驿站, not "可以预约30天内的入住日期", which only says booking exists."""
    reply = _ask(deployment_index, "怎么预约驿站")
    assert reply["found"] and "按提示" in reply["answer"], reply


def test_what_conditions_are_asked_gets_each_condition_stated(deployment_index):
    """"住驿站有什么条件": the notice states three conditions one sentence each; two of them made the
    answer (age and job seeking, not the five years since graduating: user test 21)."""
    reply = _ask(deployment_index, "住驿站有什么条件")
    assert reply["found"] and all(c in reply["answer"] for c in ("35周岁", "毕业5年内", "求职")), reply
