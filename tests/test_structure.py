"""Chinese official documents in real formats: structure, citations and coverage.

Each fixture is written as such documents are (第X条 regulation, 一、（一）1.
notice, a table of amounts by degree, Word heading styles, PDF, HTML) and must
reach the index whole: coverage 100%, every article in a chunk under its label.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.chunking import chunk_text
from ingest.cleaning import clean_text
from ingest.cli import cli
from ingest.loaders import load_document
from ingest.structure import coverage, parse
from tests.test_loaders import _pdf

REGULATION = """泰州市青年人才租房补贴实施细则

第一章 总则
第一条 为吸引青年人才来泰就业创业，根据有关规定，制定本细则。
第二条 本细则适用于在泰州市区就业创业的全日制高校毕业生。

第二章 补贴标准
第三条 全日制本科毕业生租房补贴每月800元，硕士研究生每月1200元，博士研究生每月2000元。
第四条 租房补贴按月发放，最长发放36个月。
第五条 申请人须提交以下材料：
（一）身份证；
（二）毕业证书；
（三）劳动合同。

第三章 附则
第六条 本细则自2024年1月1日起施行。
"""

NOTICE = """泰州市人力资源和社会保障局关于做好2024年青年就业见习工作的通知
泰人社发〔2024〕18号
各市（区）人力资源和社会保障局，各有关单位：
按照省人社厅工作部署，现就做好2024年青年就业见习工作通知如下。
一、总体要求
（一）目标任务。全年募集见习岗位5000个以上。
（二）见习对象。离校2年内未就业高校毕业生和16-24岁失业青年。
二、补贴政策
（一）见习补贴。见习单位按当地最低工资标准的60%发放见习补贴。
（二）申请材料：
1.见习协议；
2.见习人员花名册。
三、工作要求
各地要加强组织领导，确保见习工作取得实效。
泰州市人力资源和社会保障局
2024年3月1日
"""

TABLE_MD = """# 人才安居补贴标准

<!-- 内部备注：此表由人社局提供，勿对外 -->

| 学历 | 租房补贴 | 购房补贴 |
| --- | --- | --- |
| 本科 | 每月800元 | 5万元 |
| 硕士 | 每月1200元 | 10万元 |
| 博士 | 每月2000元 | 20万元 |
"""


def _chunks(text: str, size: int = 240):
    return chunk_text(clean_text(text), size, 40)


def _coverage(text: str, size: int = 240):
    cleaned = clean_text(text)
    structure = parse(cleaned)
    return coverage(cleaned, structure, [c.text for c in chunk_text(cleaned, size, 40)])


def test_every_article_of_a_regulation_is_a_chunk_under_its_label():
    chunks = _chunks(REGULATION)
    by_label = {c.heading.split(" > ")[-1]: c for c in chunks}
    assert set(by_label) >= {f"第{n}条" for n in "一二三四五六"}
    third = by_label["第三条"]
    assert "本科毕业生租房补贴每月800元" in third.text and "博士研究生每月2000元" in third.text
    assert third.heading == "泰州市青年人才租房补贴实施细则 > 第二章 补贴标准 > 第三条"
    assert by_label["第六条"].heading.startswith("泰州市青年人才租房补贴实施细则 > 第三章 附则")
    # an article that introduces a list keeps its items
    assert "（一）身份证" in by_label["第五条"].text and "（三）劳动合同" in by_label["第五条"].text
    assert _coverage(REGULATION).ratio == 1.0


def test_a_plan_in_parts_heads_each_part_by_its_whole_label():
    plan = ("某市人才安居工作方案\n第一部分 总体要求\n坚持需求导向，分类施策。\n"
            "第二部分 主要措施\n一、人才公寓\n新建人才公寓500套，租金为市场价的一半。")
    chunks = _chunks(plan)
    housing = next(c for c in chunks if "500套" in c.text)
    assert housing.heading == "某市人才安居工作方案 > 第二部分 主要措施 > 一、人才公寓"
    assert _coverage(plan).ratio == 1.0


def test_a_long_article_is_split_on_sentences_and_keeps_its_label():
    article = "第七条 " + "".join(f"第{i}项补贴按规定的标准和程序发放到个人账户。" for i in range(20))
    chunks = _chunks("某市办法\n" + article, size=80)
    assert len(chunks) > 3 and all(c.heading.endswith("第七条") for c in chunks)
    assert all(len(c.text) <= 80 for c in chunks)
    assert _coverage("某市办法\n" + article, size=80).ratio == 1.0


def test_a_notice_keeps_title_numbering_and_metadata_apart():
    cleaned = clean_text(NOTICE)
    structure = parse(cleaned)
    assert structure.meta == {"doc_number": "泰人社发〔2024〕18号", "recipients": "各市（区）人力资源和社会保障局，各有关单位",
                              "issuer": "泰州市人力资源和社会保障局", "date": "2024年3月1日"}
    chunks = chunk_text(cleaned, 240, 40)
    bodies = "\n".join(c.text for c in chunks)
    assert "泰人社发" not in bodies and "2024年3月1日" not in bodies  # metadata is not an answer
    assert not any(c.text.startswith("泰州市人力资源和社会保障局关于") for c in chunks)  # the title is not body
    subsidy = next(c for c in chunks if "60%" in c.text)
    assert subsidy.heading.endswith("二、补贴政策 > （一）")
    materials = next(c for c in chunks if "见习协议" in c.text)
    assert "花名册" in materials.text and materials.heading.endswith("（二）")
    assert _coverage(NOTICE).ratio == 1.0


def test_a_long_title_without_punctuation_is_not_glued_to_the_salutation():
    text = "泰州市人力资源和社会保障局关于进一步做好高校毕业生就业创业工作有关事项的通知\n各相关企业：\n按照部署，现通知如下。"
    cleaned = clean_text(text)
    assert cleaned.split("\n")[:2] == ["泰州市人力资源和社会保障局关于进一步做好高校毕业生就业创业工作有关事项的通知", "各相关企业："]


def test_a_list_of_short_items_is_body_text_not_empty_sections():
    chunks = _chunks("申领须知\n申请材料\n1.身份证\n2.毕业证书\n3.劳动合同\n")
    text = "\n".join(c.text for c in chunks)
    assert "身份证" in text and "毕业证书" in text and "劳动合同" in text


def test_table_rows_carry_their_header_and_comments_are_not_indexed(tmp_path):
    path = tmp_path / "人才安居补贴标准.md"
    path.write_text(TABLE_MD, encoding="utf-8")
    chunks = _chunks(load_document(path).text)
    text = "\n".join(c.text for c in chunks)
    assert "学历：硕士；租房补贴：每月1200元；购房补贴：10万元。" in text
    assert "内部备注" not in text and "---" not in text
    assert _coverage(load_document(path).text).ratio == 1.0


def test_a_tables_caption_heads_every_chunk_of_its_rows():
    """"2015学年积分制入学指标计划（人）" above a table of 24 towns: the chunks of its later rows say
    what the figures are, and the caption counts as kept."""
    rows = "".join(f"| 第{i}镇 | {100 + i} | {200 + i} |\n" for i in range(1, 25))
    text = ("# 2015年度某市积分入户入学指标数公告\n\n经审定，2015年度入学指标数为19700名，具体分配如下：\n\n"
            "2015学年积分制入学指标计划（人）\n\n| 镇区 | 小学一年级 | 初中一年级 |\n| --- | --- | --- |\n" + rows)
    chunks = _chunks(text)
    last = next(c for c in chunks if "第24镇" in c.text)
    assert "2015学年积分制入学指标计划（人）" in last.heading, last.heading
    assert _coverage(text).ratio == 1.0


def test_front_matter_is_not_indexed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 内部\nauthor: 某某\n---\n# 见习\n\n见习补贴每月2000元。\n", encoding="utf-8")
    assert "author" not in load_document(path).text and "见习补贴每月2000元" in load_document(path).text


def _docx(path: Path, heading_paragraph: str | None = None) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading("青年人才见习补贴办法", level=1)
    doc.add_heading("第一章 总则", level=2)
    doc.add_paragraph("第一条 为做好青年见习工作，制定本办法。")
    doc.add_paragraph("第二条 见习期间，见习人员每月领取见习补贴2500元。")
    if heading_paragraph:
        doc.add_heading(heading_paragraph, level=2)  # a body paragraph styled as a heading: a common slip
    doc.add_paragraph("第三条 本办法自发布之日起施行。")
    doc.save(path)


def test_docx_with_word_heading_styles_reaches_the_index_whole(tmp_path):
    path = tmp_path / "见习补贴办法.docx"
    _docx(path)
    chunks = _chunks(load_document(path).text)
    second = next(c for c in chunks if "2500元" in c.text)
    assert second.heading == "青年人才见习补贴办法 > 第一章 总则 > 第二条"
    assert _coverage(load_document(path).text).ratio == 1.0


def test_pdf_and_html_articles_reach_the_index_whole(tmp_path):
    pdf = tmp_path / "办法.pdf"
    _pdf(pdf, ["第一条 为吸引人才，制定本办法。", "第二条 博士研究生安家补贴每人30万元。"])
    html = tmp_path / "办法.html"
    html.write_text("<html><head><title>某市人才办法</title></head><body><article><h1>某市人才办法</h1>"
                    "<p>第一条 为吸引人才，制定本办法。</p><p>第二条 硕士研究生安家补贴每人10万元。</p>"
                    "<table><tr><th>学历</th><th>补贴</th></tr><tr><td>博士</td><td>30万元</td></tr></table>"
                    "</article></body></html>", encoding="utf-8")
    for path, fact in ((pdf, "30万元"), (html, "10万元")):
        text = load_document(path).text
        chunks = _chunks(text)
        assert any(fact in c.text and c.heading.endswith("第二条") for c in chunks), [(c.heading, c.text) for c in chunks]
        assert _coverage(text).ratio == 1.0, _coverage(text)
    assert any("学历：博士；补贴：30万元" in c.text for c in _chunks(load_document(html).text))


LOSSY_HEADING = "见习期满考核合格的，由见习单位优先录用。录用后缴纳社会保险满一年的，给予一次性奖励3000元。"


def test_text_lost_into_a_heading_is_reported_by_the_cli(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    _docx(docs / "见习补贴办法.docx", heading_paragraph=LOSSY_HEADING)
    _docx(docs / "完好的办法.docx")
    res = CliRunner().invoke(cli, ["build", str(docs), "--index", str(tmp_path / "index")])
    assert res.exit_code == 0, res.output
    assert "warning: 见习补贴办法.docx: only" in res.output and LOSSY_HEADING[:30] in res.output
    assert "完好的办法.docx: only" not in res.output
    listed = {d["doc_id"]: d for d in json.loads(CliRunner().invoke(
        cli, ["list", "--index", str(tmp_path / "index"), "--json"]).output)}
    assert listed["见习补贴办法.docx"]["coverage"] < 0.99 and listed["完好的办法.docx"]["coverage"] == 1.0
    assert listed["见习补贴办法.docx"]["dropped"] == [f"## {LOSSY_HEADING}"]


@pytest.mark.parametrize("size", [80, 240])
def test_the_shipped_report_still_reaches_the_index_whole(size):
    from tests.conftest import DOCS

    report = next(DOCS.glob("*.txt")).read_text(encoding="utf-8")
    assert _coverage(report, size).ratio == 1.0


def test_a_news_pages_date_and_source_are_fields_not_text():
    """"发布时间" is the publication date (written as documents write dates); "来源" an issuer when it
    names an office, else where the page copied the text from: never an answer."""
    structure = parse("关于做好就业见习工作的通知\n发布时间：2024-03-15\n来源：市人社局\n见习期限为3至12个月。")
    assert structure.meta["published"] == "2024年3月15日" and structure.meta["issuer"] == "市人社局"
    assert [b.kind for b in structure.blocks if "2024-03-15" in b.text or "市人社局" in b.text] == ["meta", "meta"]
    copied = parse("某通知\n来源：新华网\n见习期限为3至12个月。")
    assert copied.meta.get("source") == "新华网" and "issuer" not in copied.meta
    assert parse("某实施办法\n发表时间：2014-08-27\n一、入读对象").meta["published"] == "2014年8月27日"


def test_a_history_line_broken_inside_its_brackets_is_one_line():
    """"（2017年12月1日河南省第十二届人民代表大会常务" then "委员会第三十二次会议通过）": an export broke
    the line inside its brackets; joined, it dates and names who adopted the law."""
    text = clean_text("# 某省职业培训条例\n\n（2017年12月1日某省第十二届人民代表大会常务\n\n委员会第三十二次会议通过）\n\n"
                      "第一章 总则\n\n第一条 为了规范职业培训，制定本条例。")
    assert text.split("\n")[1] == "（2017年12月1日某省第十二届人民代表大会常务委员会第三十二次会议通过）"
    meta = parse(text).meta
    assert meta["adopted"] == "2017年12月1日" and meta["issuer"] == "某省人民代表大会常务委员会"


def test_a_service_guides_labelled_field_is_never_glued_to_the_line_before():
    """A guide's fields ("申报条件：…（五）…的人员", "办理所需证件：1: …") each open a line: the first
    ends without a full stop, but the next starts with its own label, which no export break does."""
    text = clean_text("# 引进人才居住证\n\n申报条件：符合下列条件之一： （一）具有本科及以上学历的人员；"
                      " （二）个人在本市投资50万元人民币（含）以上的人员\n\n"
                      "办理所需证件：1: 申请表； 2: 申领人有效身份证明。\n\n收费标准：不收费")
    lines = text.split("\n")
    assert lines[1].endswith("以上的人员") and lines[2].startswith("办理所需证件：") and lines[3] == "收费标准：不收费"


def test_a_service_guides_field_name_on_its_own_line_heads_what_follows():
    """"办理条件" alone on a line, the conditions below it: a heading between the title and the
    numbered items, so "所需材料" is not glued into the last condition and each item says what it is;
    cells of a table pasted one per line and a signature over its date are no such names."""
    structure = parse(clean_text("# 某市居住证（人才类）办理\n\n办理对象\n\n居住在本市的流动人口\n\n办理条件\n\n"
                                 "(一)符合本省引进人才专业需求;\n\n(二)遵守法律法规，没有犯罪记录。\n\n所需材料\n\n"
                                 "申领时应当提交下列材料：\n\n(一)有效的身份证明;\n\n(二)在本省的住所证明。\n"))
    headings = [(b.text, b.level) for b in structure.blocks if b.kind == "heading"]
    assert headings[:4] == [("某市居住证（人才类）办理", 1), ("办理对象", 2), ("办理条件", 2), ("所需材料", 2)], headings
    chunks = chunk_text(clean_text("# 某市居住证（人才类）办理\n\n办理条件\n\n(一)符合本省引进人才专业需求;\n\n"
                                   "(二)没有犯罪记录。\n\n所需材料\n\n申领时应当提交本人有效的身份证明和住所证明。\n"),
                        240, 40)
    last_condition = next(c for c in chunks if "犯罪记录" in c.text)
    assert "所需材料" not in last_condition.text and "办理条件" in last_condition.heading
    table = parse(clean_text("# 收入限额\n\n家庭人口\n\n年收入限额\n\n1\n\n35321\n"))
    assert [b.text for b in table.blocks if b.kind == "heading"] == ["收入限额"]
    signed = parse(clean_text("# 某通知\n\n一、各地要抓好落实。\n\n国务院\n\n2014年7月24日\n"))
    assert signed.meta.get("issuer") == "国务院"


LAW_WITH_HISTORY = """# 某省人才发展促进条例

2020年3月26日 某省第十三届人民代表大会常务委员会第十八次会议通过

2022年9月21日 某省第十三届人民代表大会常务委员会第三十八次会议修正

## 第一章  总则

第一条 为了优化人才发展环境，制定本条例。

第二条 本条例自2020年6月1日起施行。
"""


def test_a_laws_history_lines_are_what_it_is_not_what_it_says(tmp_path):
    """The adoption and amendment lines under a law's title say who made it and when: metadata for
    the document's card ("什么时候通过的"), never an answer to what the law provides."""
    from ingest.pipeline import document_card, document_meta

    text = clean_text(LAW_WITH_HISTORY)
    structure = parse(text)
    assert structure.meta["adopted"] == "2020年3月26日" and structure.meta["amended"] == "2022年9月21日"
    assert structure.meta["issuer"] == "某省人民代表大会常务委员会"  # the body, not its term or session
    assert structure.meta["effective"] == "2020年6月1日"
    bodies = [b.text for b in structure.blocks if b.kind != "meta"]
    assert not any("会议" in t for t in bodies) and any("本条例自2020年6月1日起施行" in t for t in bodies)
    meta = document_meta("某省人才发展促进条例", text, structure.meta, {})
    assert meta["year"] == "2022"  # the text in force is the amended one
    card = document_card("某省人才发展促进条例", meta)
    assert "通过日期：2020年3月26日" in card and "修改日期：2022年9月21日" in card and "施行日期：2020年6月1日" in card
    assert _coverage(text).ratio == 1.0


def test_a_pages_info_line_is_split_into_fields_and_never_glued_to_the_text():
    """"来源：…  发布日期：…" saved from a web page is two fields; the 文号 and the notice's text
    below it stay lines of their own (glued on, the notice's first paragraph became the "source")."""
    page = ("# 某市人社局关于印发某市人才引进实施办法的通知\n\n来源：某市人力资源和社会保障局  发布日期：2016-12-28\n\n"
            "某人社规〔2016〕22号\n\n各有关单位：\n\n为进一步做好人才引进工作，我局制定了《某市人才引进实施办法》，现予以印发\n\n"
            "第一条 本办法自2017年1月1日起施行。\n")
    text = clean_text(page)
    structure = parse(text)
    assert structure.meta["issuer"] == "某市人力资源和社会保障局" and structure.meta["published"] == "2016年12月28日"
    assert structure.meta["doc_number"] == "某人社规〔2016〕22号"
    assert any(b.text.startswith("为进一步做好人才引进工作") for b in structure.blocks if b.kind == "para")
    by_site = parse(clean_text("某通知\n来源：某市来穗人员服务管理局　时间：2016-10-28\n见习期限为3至12个月。"))
    assert by_site.meta["published"] == "2016年10月28日" and by_site.meta["issuer"] == "某市来穗人员服务管理局"


def test_a_documents_year_is_its_own_not_the_day_it_took_effect():
    """京政办发[2016]39号 took effect on 2017年1月1日: it is a 2016 document."""
    from ingest.pipeline import document_meta

    text = clean_text("某市积分落户管理办法（试行）\n京政办发[2016]39号\n第一条 本办法自2017年1月1日起施行。")
    assert document_meta("某市积分落户管理办法（试行）", text, parse(text).meta, {})["year"] == "2016"
    dated = clean_text("某规定\n第九条 本规定自二〇一二年五月一日起施行。")
    assert document_meta("某规定", dated, parse(dated).meta, {})["year"] == "2012"


def test_a_title_spanning_years_dates_the_document_by_the_span():
    """"深圳市2014-2016年…工作方案" speaks of 2015 too: a question of 2015 is not one of another year."""
    from ingest.pipeline import document_meta
    from knowledge.evidence import dated_within

    for title in ("深圳市2014-2016年随迁子女参加中考的工作方案", "深圳市住房保障发展规划（2014—2016）"):
        text = clean_text(f"{title}\n一、总体要求")
        year = document_meta(title, text, parse(text).meta, {})["year"]
        assert year == "2014-2016", year
        assert dated_within(year, {"2015"}) and not dated_within(year, {"2017"})
    assert dated_within("2016", {"2016"}) and not dated_within("2016", {"2015"})


def test_only_the_document_itself_takes_effect():
    """"本条例自…起施行" is the document's own date; "本市自2016年1月1日起实施居住证制度" in a report
    is when the city began something: neither the report's 施行日期 nor its year."""
    from ingest.pipeline import document_meta

    report = clean_text("某区人才工作综述\n本区自2020年7月1日起执行新的租房补贴标准，本市自2016年1月1日起实施居住证制度。")
    assert "effective" not in parse(report).meta
    assert "year" not in document_meta("某区人才工作综述", report, parse(report).meta, {})
    assert parse(clean_text("某法\n第九十条 本法自2008年1月1日起施行。")).meta["effective"] == "2008年1月1日"
    assert parse(clean_text("某细则\n第二十条 本实施细则自2017年3月1日起实施。")).meta["effective"] == "2017年3月1日"


def test_a_laws_history_on_one_line_and_a_dated_sentence_under_a_title():
    """Laws are often printed with their whole history on one line: each step is read (adopted
    1994, last amended 2018), not the first date with the last word. A sentence of the text that
    starts with a date ("2024年3月5日，…审议通过") is the text, not the document's history."""
    law = parse(clean_text("某法\n（1994年7月5日第八届全国人民代表大会常务委员会第八次会议通过　根据2009年8月27日第十一届"
                           "全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正　根据2018年12月29日"
                           "第十三届全国人民代表大会常务委员会第七次会议《关于修改〈某法〉等七部法律的决定》第二次修正）\n"
                           "第一条 为了保护劳动者的合法权益，制定本法。"))
    assert law.meta == {"adopted": "1994年7月5日", "issuer": "全国人民代表大会常务委员会", "amended": "2018年12月29日"}
    news = parse(clean_text("区人才工作领导小组会议召开\n2024年3月5日，区人才工作领导小组召开会议，审议通过\n会议强调，要做好人才服务。"))
    assert news.meta == {} and [b.kind for b in news.blocks] == ["heading", "para", "para"]


def test_the_salutation_after_a_pages_fields_is_metadata_and_never_glued_to_the_text():
    """A page's info fields (录入时间, 来源, 文号) may come before the salutation; it is still
    the recipients, not the first words of the notice's text (joined to it, "火炬开发区管委会，…：
    为完善…" was given as an answer)."""
    page = ("# 某市人民政府办公室关于扩大医保参保范围的通知\n\n录入时间：2014-01-14\n\n来源：某市人民政府办公室\n\n"
            "某府办〔2013〕81号\n\n开发区管委会，各镇政府、区办事处，市各有关单位：\n\n"
            "为完善我市社会保障体系，经市政府同意，决定自2014年1月1日起扩大参保范围。现就有关事项通知如下：\n\n"
            "一、参保范围\n\n累计缴费满6个月以上的参保人的子女。\n")
    structure = parse(clean_text(page))
    assert structure.meta["recipients"] == "开发区管委会，各镇政府、区办事处，市各有关单位"
    paras = [b.text for b in structure.blocks if b.kind == "para"]
    assert paras[0].startswith("为完善我市社会保障体系") and not any("录入时间" in p for p in paras)


def test_a_sentence_under_the_first_numbered_heading_is_body_not_the_salutation():
    """A line ending in "：" after "一、招生对象" opens the list below it; read as the recipients
    it was dropped, and with it the only sentence stating the birth-date limit."""
    guide = ("# 某区2016年小学一年级学位申请指南\n\n一、招生对象\n\n"
             "小学一年级的招生对象必须年满六周岁（2010年8月31日及此日前出生），并符合以下条件之一：\n\n"
             "1.本市户籍儿童；\n\n2.享受市政府相关优惠政策人员子女。\n")
    structure = parse(clean_text(guide))
    assert "recipients" not in structure.meta
    assert any("2010年8月31日" in b.text for b in structure.blocks if b.kind != "meta")
    assert any("2010年8月31日" in c.text for c in chunk_text(clean_text(guide), 300, 0))
    markdown = parse(clean_text(guide.replace("\n一、招生对象", "\n## 一、招生对象")))
    assert "recipients" not in markdown.meta


PASTED_TABLE = """某市高校毕业生生活补贴实施细则

一、补贴对象
毕业5年内来本市就业的全日制高校毕业生。

二、补贴标准
学历
补贴金额（元/月）
发放期限
博士研究生
3000
36个月
硕士研究生
1500
36个月
全日制本科
800
24个月

三、申请方式
登录人社局网站提交申请。
"""


def test_a_table_pasted_one_cell_per_line_becomes_rows_that_carry_their_header(tmp_path):
    """Copying a table out of a web page or a PDF leaves one cell per line: read as rows under
    their header ("学历：硕士研究生；补贴金额：1500元/月"), so "硕士每月补贴多少" is answered by its row,
    not by a heap of numbers; short lines that are no table (names, a title, a date) stay as they are."""
    structure = parse(clean_text(PASTED_TABLE))
    rows = [b.text for b in structure.blocks if b.kind == "row"]
    assert rows == ["学历：博士研究生；补贴金额：3000元/月；发放期限：36个月。",
                    "学历：硕士研究生；补贴金额：1500元/月；发放期限：36个月。",
                    "学历：全日制本科；补贴金额：800元/月；发放期限：24个月。"], rows
    assert "二、补贴标准" in [b.text for b in structure.blocks if b.kind == "heading"]
    # a caption above the cells heads them
    captioned = parse(clean_text("# 某通知\n\n各驿站床位\n站点\n床位数\n城东站\n12张\n城西站\n8张\n"))
    assert [b.text for b in captioned.blocks if b.kind == "row"] == ["站点：城东站；床位数：12张。", "站点：城西站；床位数：8张。"]
    # amounts with their words around them ("每人每月2000元", "最长12个月"), a name cell holding an age
    jianxi = parse(clean_text("# 姜堰区青年就业见习补贴标准\n\n见习对象\n补贴标准\n发放期限\n离校两年内高校毕业生\n"
                              "每人每月2000元\n最长12个月\n16至24岁失业青年\n每人每月1800元\n最长6个月\n"))
    assert [b.text for b in jianxi.blocks if b.kind == "row"] == [
        "见习对象：离校两年内高校毕业生；补贴标准：每人每月2000元；发放期限：最长12个月。",
        "见习对象：16至24岁失业青年；补贴标准：每人每月1800元；发放期限：最长6个月。"]
    # a note below the cells is no row of theirs
    noted = parse(clean_text("# 细则\n\n二、补贴标准\n学历\n补贴金额（元/月）\n博士研究生\n3000\n硕士研究生\n1500\n"
                             "全日制本科\n800\n以上标准按月发放\n"))
    assert [b.text for b in noted.blocks if b.kind == "row"][1] == "学历：硕士研究生；补贴金额：1500元/月。"
    # lists whose lines hold figures somewhere are no table: addresses, a schedule, materials, phones
    for listed in ("各站地址如下\n城东站\n海陵区人民路12号\n城西站\n海陵区解放路8号\n城南站\n高港区中山路100号",
                   "报名\n即日起至3月10日\n资格审核\n3月11日至15日\n公示\n3月20日前",
                   "申请表\n身份证复印件\n毕业证书\n近期2寸照片\n劳动合同\n近3个月社保缴纳证明",
                   "市人社局人才科\n电话0523-86812345\n市财政局社保科\n电话0523-86812346\n市教育局人事处\n电话0523-86812347"):
        assert not [b for b in parse(clean_text(f"# 某通知\n\n{listed}\n")).blocks if b.kind == "row"], listed
    # a list of names, or a title, an issuer and a date, is no table
    names = parse(clean_text("# 驿站名单\n\n城东站\n城西站\n城南站\n城北站\n溱湖站\n罗塘站\n"))
    assert not [b for b in names.blocks if b.kind == "row"]
    signed = parse(clean_text("# 某通知\n\n一、各地要抓好落实。\n\n某市人社局\n2024年3月1日\n某市财政局\n2024年3月2日\n"
                              "某市教育局\n2024年3月3日\n"))
    assert not [b for b in signed.blocks if b.kind == "row"]
    # and nothing of the table is lost on the way to the index
    assert _coverage(PASTED_TABLE).ratio == 1.0, _coverage(PASTED_TABLE)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "补贴细则.txt").write_text(PASTED_TABLE, encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(docs), "--index", str(tmp_path / "index")])
    assert res.exit_code == 0 and "warning" not in res.output, res.output
    from core.config import load_config
    from knowledge.service import KnowledgeBase

    kb = KnowledgeBase(load_config(None, {"knowledge": {"index_dir": str(tmp_path / "index"), "region": None}}))
    answer = kb.answer("硕士每月补贴多少钱")
    assert answer.found and "1500元/月" in answer.text and "3000" not in answer.text, answer.text


def test_a_documents_own_title_line_names_its_place_where_the_file_name_does_not():
    """(staff test) "见习补贴标准.txt" headed 姜堰区青年就业见习补贴标准 is about 姜堰区, not national."""
    from ingest.pipeline import document_meta

    text = clean_text("姜堰区青年就业见习补贴标准\n\n离校两年内高校毕业生参加见习的，每人每月补贴2000元。\n")
    assert document_meta("见习补贴标准", text, parse(text).meta, {})["region"] == ""
    meta = document_meta("见习补贴标准", text, parse(text).meta, {}, own_title="姜堰区青年就业见习补贴标准")
    assert meta["region"].endswith("姜堰区"), meta


def test_an_articles_first_printed_line_without_a_comma_is_not_a_heading():
    """A PDF prints an article over lines of one width; when its first line happens to hold no comma
    ("第十一条 县级以上地方人民政府和有关部门应当根据资源禀赋和产业特征等"), it is still the start of the
    article's sentence, not a bare title: the article is one unit, cited by its label, its text whole."""
    printed = ("某省人力资源市场条例\n第十条 县级以上地方人民政府应当建立人力资源流动配置机制。\n"
               "第十一条 县级以上地方人民政府和有关部门应当根据资源禀赋和产业特征等\n"
               "基础条件，运用区域发展、产业、财政等政策，培育和发展人力资源市场。\n"
               "第十二条 县级以上地方人民政府应当将公共人力资源服务经费纳入同级财政\n"
               "预算。\n")
    chunks = _chunks(printed)
    eleventh = [c for c in chunks if "基础条件" in c.text]
    assert len(eleventh) == 1 and eleventh[0].heading.endswith("> 第十一条"), [(c.heading, c.text) for c in chunks]
    assert eleventh[0].text.startswith("第十一条 县级以上地方人民政府和有关部门应当根据资源禀赋和产业特征等基础条件")
    assert any(c.heading.endswith("> 第十二条") and "纳入同级财政预算。" in c.text for c in chunks)
    # A short numbered title stays a heading: "一、总体要求" over its text.
    assert any(c.heading.endswith("一、总体要求") for c in _chunks("某方案\n一、总体要求\n坚持就业优先。"))


def test_a_last_article_without_a_full_stop_leaves_the_signature_and_date_as_metadata():
    """"第十条 本办法由…负责解释" (no 。) over the issuing body and the date: the article's label does not
    join them to it (review: the issuer and date read from the text were lost, and the article read
    "…负责解释泰州市人力资源和社会保障局2025年1月1日")."""
    text = ("某市见习补贴办法\n第九条 见习补贴按月发放。\n"
            "第十条 本办法由泰州市人力资源和社会保障局会同泰州市财政局负责解释\n泰州市人力资源和社会保障局\n"
            "2025年1月1日")
    cleaned = clean_text(text)
    assert "负责解释\n泰州市人力资源和社会保障局\n2025年1月1日" in cleaned, cleaned
    assert parse(cleaned).meta == {"issuer": "泰州市人力资源和社会保障局", "date": "2025年1月1日"}


@pytest.mark.parametrize("entry", ["第一章 总则……………1", "第一章 总则 1", "第一章　总　　则"])
def test_a_contents_line_printed_otherwise_than_its_chapter_still_ends_at_the_chapter(entry):
    """A 目录 with dot leaders, page numbers or letter-spacing (as PDFs print it) ends where its first
    chapter's label is printed again: chapter 1's articles sit in 第一章 总则 (review: the body's
    heading was taken for a contents line, and 第一条 sat under the title)."""
    law = (f"某省人力资源市场条例\n目 录\n{entry}\n第二章 附则\n第一章 总则\n"
           "第一条 为了规范人力资源市场活动，制定本条例。\n第二章 附则\n第二条 本条例自2025年5月1日起施行。\n")
    first = [c for c in _chunks(law) if "规范人力资源市场活动" in c.text]
    assert first and "第一章 总则 > 第一条" in first[0].heading, [(c.heading, c.text) for c in _chunks(law)]


def test_a_table_of_contents_heads_nothing():
    """A law printed with its 目录 (目 录, then its chapters) is cited by its chapters and articles, never
    as "目录 > 第一章 总则 > 第一条": the contents list is not a section the articles sit in."""
    law = ("某省人力资源市场条例\n（2025年3月27日某省第十四届人民代表大会常务委员会第十四次会议通过）\n目 录\n"
           "第一章 总 则\n第二章 市场培育\n第三章 附 则\n第一章 总 则\n第一条 为了规范人力资源市场活动，制定本条例。\n"
           "第二章 市场培育\n第二条 公共人力资源服务机构应当免费提供职业介绍。\n第三章 附 则\n第三条 本条例自2025年5月1日起施行。\n")
    chunks = _chunks(law)
    assert [c.heading for c in chunks if c.heading.endswith("条")] == [
        "某省人力资源市场条例 > 第一章 总 则 > 第一条", "某省人力资源市场条例 > 第二章 市场培育 > 第二条",
        "某省人力资源市场条例 > 第三章 附 则 > 第三条"], [(c.heading, c.text) for c in chunks]
    assert _coverage(law).ratio == 1.0


def test_circled_numbers_keep_their_place_as_item_labels():
    """①②③ number a notice's items; folded to bare digits they would glue to the text ("2所在企业…")."""
    cleaned = clean_text("某公告\n1.重点企业需提供：\n①《人才公寓申请表（企业）》；\n②所在企业营业执照复印件。\n")
    assert "（1）《人才公寓申请表（企业）》；" in cleaned and "（2）所在企业营业执照复印件。" in cleaned, cleaned
    assert "2所在企业" not in "".join(c.text for c in _chunks(cleaned))


def test_a_note_after_a_numbered_list_heads_its_own_items_not_the_lists_last_item():
    """"注：" under "3、房屋租赁合同。" (天河 rental-registration guide) and "注意事项:" after step "6." (广州
    生育津贴 notice) introduce notes on the whole section: their items were cited as "3、" or re-numbered
    steps "二、办理步骤 > 1.", read as part of the last item. An item's own field ("得分标准：" under
    "（七）投资纳税。") still continues that item."""
    guide = ("# 房屋租赁登记备案攻略\n\n三、申请材料\n\n需要申请材料如下：\n\n1、租赁双方当事人身份证明；\n\n"
             "2、房屋权属证明；\n\n3、房屋租赁合同。\n\n注：\n\n（1）提供房源核验码的，只需上传承租人信息、房屋租赁合同。\n\n"
             "（2）通过网上签约的，可同步办理登记备案。\n\n四、线上办理流程\n\n可通过“穗好办”APP申请登记备案。\n")
    chunks = _chunks(guide)
    note = next(c for c in chunks if "房源核验码" in c.text)
    assert note.heading.endswith("三、申请材料 > 注： > （1）"), [(c.heading, c.text) for c in chunks]
    contract = next(c for c in chunks if c.text.startswith("3、房屋租赁合同"))
    assert "房源核验码" not in contract.text and "注：" not in contract.text
    assert _coverage(guide).ratio == 1.0
    steps = ("# 生育津贴办理指引\n\n二、办理步骤\n\n1.搜索“生育津贴”。\n\n2.上传病历资料。\n\n**注意事项:**\n\n"
             "1.生育津贴低于职工原工资标准的，用人单位应当予以补足。\n\n2.职工11月30日前生育的，生育津贴按原渠道发放。\n")
    loaded = clean_text(steps.replace("**", ""))
    topped = next(c for c in chunk_text(loaded, 240, 40) if "予以补足" in c.text)
    assert topped.heading.endswith("二、办理步骤 > 注意事项： > 1."), topped.heading
    scored = ("# 某市积分办法\n\n二、加分指标\n\n（七）投资纳税。\n\n得分标准：\n\n1.在我市投资设立个体工商户的积3分。\n\n"
              "2.个人缴纳个人所得税款每满500元积1分。\n")
    item = next(c for c in _chunks(scored) if "积3分" in c.text)
    assert item.heading.endswith("二、加分指标 > （七）") and item.text.startswith("（七）投资纳税。"), item


def test_an_explainers_question_and_answer_stay_together_and_out_of_the_item_above():
    """"问：…" / "答：…" after "（三）租赁期限超过二十年的，超过部分无效。": the pairs were read as more lines of
    item （三） and a chunk boundary fell between a question and its answer."""
    page = ("# 房屋租赁登记备案攻略\n\n七、注意事项及常见问答\n\n（一）提交的材料应当真实、合法、有效。\n\n"
            "（二）转租期限不能超过承租人剩余租赁期限。\n\n（三）租赁期限超过二十年的，超过部分无效。\n\n"
            "问：租赁双方当事人身份证明？\n\n答：个人身份证明或组织的登记注册证明。\n\n"
            "问：哪些材料可以作为房屋合法权属证明使用？\n\n答：房屋权属证明包括房地产证、房屋所有权证、不动产权证书等常用证件。\n")
    chunks = _chunks(page, size=90)
    pairs = [c for c in chunks if "问：" in c.text]
    assert pairs and all(c.heading.endswith("七、注意事项及常见问答") for c in pairs), [(c.heading, c.text) for c in chunks]
    for question in ("问：租赁双方当事人身份证明？", "问：哪些材料可以作为房屋合法权属证明使用？"):
        holding = next(c for c in chunks if question in c.text)
        assert holding.text.index(question) < holding.text.index("答：", holding.text.index(question)), holding.text
    item = next(c for c in chunks if "超过部分无效" in c.text)
    assert "问：" not in item.text
    assert _coverage(page, size=90).ratio == 1.0


def test_a_pages_document_number_in_a_heading_of_its_own_is_its_number_and_heads_nothing(tmp_path):
    """A notice page showing its 文号 as a second <h1> under its title (泉州 enrolment opinion): every chunk
    sat in a section named "泉教初〔2016〕2号"; it is the document's number, and the title heads the text."""
    page = tmp_path / "招生意见.html"
    page.write_text(
        "<html><head><title>某市教育局关于2016年秋季小学招生工作的意见</title></head><body>"
        "<h1>某市教育局关于2016年秋季小学招生工作的意见</h1><h1>某教初〔2016〕2号</h1>"
        "<div><p>各区教育局：<br />　　一、招生对象<br />　　年满6周岁（2010年8月31日前出生）的适龄儿童。"
        "<br />　　二、招生时间<br />　　7月3日至7月5日报名登记。</p></div></body></html>", encoding="utf-8")
    cleaned = clean_text(load_document(page).text)
    structure = parse(cleaned)
    assert structure.meta.get("doc_number") == "某教初〔2016〕2号"
    chunks = chunk_text(cleaned, 240, 40)
    assert not any("〔2016〕2号" in c.heading for c in chunks), [c.heading for c in chunks]
    assert any(c.heading.endswith("一、招生对象") and "2010年8月31日" in c.text for c in chunks)


def test_a_pages_headline_that_asks_or_exclaims_is_its_title_not_lost_text():
    """A web page headed "房屋租赁登记备案可以网办吗？您想了解的在这里！" heads every chunk (the heading path): the
    build warned it had not reached the index. A whole paragraph styled as a heading is still lost."""
    page = "# 房屋租赁登记备案可以网办吗？您想了解的在这里！\n\n一、办理要求\n\n应当在订立租赁合同之日起30日内办理房屋租赁登记备案手续。\n"
    assert _coverage(page).ratio == 1.0
    long = "# 本办法所称人才公寓，是指由政府筹集、面向引进人才出租的住房。\n\n一、申请条件\n\n本科以上学历。\n"
    assert _coverage(long).dropped
