from ingest.chunking import chunk_text
from ingest.cleaning import clean_text
from tests.conftest import DOCS

REPORT = next(DOCS.glob("*.txt")).read_text(encoding="utf-8")


def test_clean_rejoins_lines_broken_mid_word():
    text = clean_text(REPORT)
    assert "“书记项目”32个" in text          # was "书记项\n\n目”32个" in the export
    assert "建强校地协同平台" in text
    assert "书记项\n" not in text


def test_clean_turns_ascii_punctuation_between_chinese_into_fullwidth():
    assert clean_text("聚焦产业,优化政策;推动发展") == "聚焦产业，优化政策；推动发展"
    assert clean_text("价格 3,000 元") == "价格 3,000 元"  # numbers keep their comma


def test_clean_keeps_meaningful_spaces_in_headings_only():
    text = clean_text("# 康养名城 活力姜堰\n人才 公寓 建设")
    assert text == "# 康养名城 活力姜堰\n人才公寓建设"


def test_clean_folds_fullwidth_digits():
    assert clean_text("新建人才公寓４２４套。") == "新建人才公寓424套。"


def test_chunks_respect_size_and_carry_heading_path():
    chunks = chunk_text(clean_text(REPORT), size=240, overlap=40)
    assert len(chunks) > 5
    assert all(len(c.text) <= 240 for c in chunks)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    apartment = next(c for c in chunks if "424套" in c.text)
    assert apartment.heading.endswith("坚持“力量统筹” 做实“优堰”生态保障")
    assert " > " in apartment.heading  # the full path, not just the last heading


def test_chunks_end_at_sentence_ends():
    chunks = chunk_text(clean_text(REPORT), size=240, overlap=40)
    assert all(c.text[-1] in "。！？；”" for c in chunks), [c.text[-5:] for c in chunks]


def test_every_sentence_is_in_some_chunk():
    from knowledge.text import split_sentences

    text = clean_text(REPORT)
    joined = "".join(c.text for c in chunk_text(text, size=120, overlap=30))
    for line in text.split("\n"):
        if line.startswith("#"):
            continue
        for sentence in split_sentences(line):
            assert sentence in joined


def test_overlap_repeats_whole_sentences_within_a_paragraph():
    para = "".join(f"第{i}句话写得比较长一点而且没有逗号。" for i in range(30))
    chunks = chunk_text(para, size=80, overlap=40)
    assert len(chunks) > 3
    for a, b in zip(chunks, chunks[1:]):
        a_sentences = [x + "。" for x in a.text.split("。")[:-1]]
        b_first = b.text.split("。")[0] + "。"
        assert a_sentences[-1] in b.text       # the last sentence of a is repeated in b
        assert b_first in a_sentences[-2:]     # and b starts inside a's tail, on a sentence boundary


def test_short_lead_in_sentence_moves_to_the_next_chunk():
    text = "甲" * 50 + "。" + "强化保障。" + "乙" * 50 + "。"
    chunks = chunk_text(text, size=60, overlap=0)
    assert chunks[1].text.startswith("强化保障。")
    assert "强化保障" not in chunks[0].text


def test_overlong_sentence_is_cut_at_commas():
    sentence = "，".join("条款内容" * 3 for _ in range(20)) + "。"
    chunks = chunk_text(sentence, size=50, overlap=0)
    assert all(len(c.text) <= 50 for c in chunks)
    assert "".join(c.text for c in chunks) == sentence


def test_index_text_adds_title_and_heading():
    chunk = chunk_text("# 总标题\n## 住房保障\n新建人才公寓424套。", 100, 0)[0]
    assert chunk.heading == "总标题 > 住房保障"
    assert chunk.index_text("报告").startswith("报告 总标题 住房保障\n")


def test_a_long_article_is_cut_between_its_items_never_inside_one():
    """A line continuing item （二） stays in （二）'s chunk: cut off, it would no longer say
    which item (城区人口50万至100万) its figure belongs to."""
    text = ("第十六条 居住地人民政府应当根据下列规定确定落户条件：\n"
            "（一）建制镇和城区人口50万以下的小城市的落户条件为在城市市区、县人民政府驻地镇或者其他建制镇有合法稳定住所。\n"
            "（二）城区人口50万至100万的中等城市的落户条件为有合法稳定就业并有合法稳定住所，同时参加城镇社会保险达到一定年限。\n"
            "其中，城市综合承载能力压力大的地方，对参加城镇社会保险年限的要求不得超过3年。\n"
            "（三）城区人口100万至500万的大城市的落户条件为有合法稳定就业达到一定年限，但对社会保险年限的要求不得超过5年。")
    chunks = chunk_text(text, size=160, overlap=40)
    assert len(chunks) >= 2 and all(c.heading.endswith("第十六条") for c in chunks)
    holder = [c for c in chunks if "不得超过3年" in c.text]
    assert len(holder) == 1 and "（二）城区人口50万至100万" in holder[0].text
    assert "（三）" not in holder[0].text or holder[0].text.index("（二）") < holder[0].text.index("（三）")


def test_a_table_inside_a_numbered_section_keeps_each_row_whole():
    """A table under "三、…" belongs to that section; packed with it, a row was cut at its "；"
    and its amount (补缴金额：100710元) started a chunk that no longer said whose it was."""
    text = ("三、确定了医保补缴后的医疗待遇。" + "三类人员一次性补缴不足年限的基本医疗保险费，按规定划入个人医疗账户内。" * 3 + "\n\n"
            "补缴医保费基本情况表\n\n"
            "| 序号 | 性别 | 人员类别 | 最低年限 | 月补缴基数 | 补缴金额 |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 1 | 男 | 非困难人员 | 25 | 3357元 | 100710元 |\n| 2 | 男 | 困难人员 | 25 | 2014.2元 | 60426元 |\n"
            "| 3 | 女 | 非困难人员 | 20 | 3357元 | 80568元 |\n")
    chunks = chunk_text(clean_text(text), size=160, overlap=40)
    rows = ["序号：1；性别：男；人员类别：非困难人员；最低年限：25；月补缴基数：3357元；补缴金额：100710元。",
            "序号：2；性别：男；人员类别：困难人员；最低年限：25；月补缴基数：2014.2元；补缴金额：60426元。",
            "序号：3；性别：女；人员类别：非困难人员；最低年限：20；月补缴基数：3357元；补缴金额：80568元。"]
    assert all(any(row in c.text.split("\n") for c in chunks) for row in rows)
    assert not any(c.text.startswith(("月补缴基数", "补缴金额")) for c in chunks)


def test_a_row_whose_first_cell_has_no_header_is_kept_whole_too():
    """A table whose header leaves its corner empty (the first column names the rows) writes rows
    as "第一类；性别：男；…": still a row, never cut where its amount would start a chunk of its own."""
    text = ("三、确定了医保补缴后的医疗待遇。" + "三类人员一次性补缴不足年限的基本医疗保险费，按规定划入个人医疗账户内。" * 3 + "\n\n"
            "| | 性别 | 人员类别 | 最低年限 | 月补缴基数 | 补缴金额 |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 第一类 | 男 | 非困难人员 | 25 | 3357元 | 100710元 |\n| 第二类 | 男 | 困难人员 | 25 | 2014.2元 | 60426元 |\n")
    chunks = chunk_text(clean_text(text), size=160, overlap=40)
    row = "第一类；性别：男；人员类别：非困难人员；最低年限：25；月补缴基数：3357元；补缴金额：100710元。"
    assert any(row in c.text.split("\n") for c in chunks)
    assert not any(c.text.startswith(("最低年限", "月补缴基数", "补缴金额")) for c in chunks)


def test_a_sentence_with_semicolons_and_a_colon_is_no_row():
    """A row's keys and bare first cell hold no comma: "…；逾期的，处罚如下：…。" is a sentence of a
    regulation, cut as sentences are; a row of a table with its first cell bare is still a row."""
    from knowledge.text import is_row, row_cells

    assert not is_row("用人单位应当依法缴纳社会保险费；逾期的，处罚如下：按日加收万分之五的滞纳金。")
    row = "第一类；性别：男；补缴金额：100710元。"
    assert is_row(row) and row_cells(row) == ["第一类", "性别：男", "补缴金额：100710元"]
