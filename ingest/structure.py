"""The structure of a Chinese official document, line by line.

Real 办法, 细则, 通知 and 条例 are written as numbered units — 第五条, 一、,
（一）, 1. — most of which carry the body text itself ("第五条 本科毕业生每月
补贴800元。"). Only a numbered line that is a bare title ("一、总体要求") heads
a section. Everything a document says must reach a chunk's body, so the rule
is: a line is a heading only when it is marked as one (markdown ``#``, which the
loaders emit for Word heading styles and HTML ``<h1>``–``<h6>``; 第X章/节), or
when it is short, numbered and has no sentence in it, or when it is the
document's first line and looks like a title. Lines that identify the document
rather than inform (文号, the recipients' salutation, the issuing body and date
under the text) become metadata, not answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.text import NUMBERING

# (kind of numbering, heading level when the line is a bare title); the label is group 1, the rest group 2.
_NUMBERED = [(re.compile(rf"^({NUMBERING[kind]})\s*(.*)$"), level) for kind, level in (
    ("part", 2), ("chapter", 3), ("section", 4), ("article", 5),
    ("item", 5), ("subitem", 6), ("point", 7), ("subpoint", 8))]
_ALWAYS_HEADING = ("编", "部分", "章", "节")  # 第X章 is a heading even with text after it (its name)
_SENTENCE_MARK = re.compile(r"[。！？；!?;]")
_STATEMENT_END = re.compile(r"[。；;]")  # a headline may ask or exclaim ("可以网办吗？", "…直接发放至个人！"), not state
_TITLE_MAX = 40
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（【]\d{4}[〕\]］)）】]\s*\d+\s*号$"
                         r"|^[\u4e00-\u9fff]{1,12}令\s*第\s*\d+\s*号$")  # 省政府令第175号, 国令第663号
# A law's history under its title: "2020年3月26日 山东省第十三届人民代表大会常务委员会第十八次会议通过",
# "（2008年7月17日经人力资源和社会保障部第6次部务会议通过）", then any "…修正" / "…修订" lines; or all
# on one line, as laws are printed: "（1994年7月5日…通过　根据2009年8月27日…《关于修改部分法律的决定》
# 第一次修正）". Each step is a date, who, and what was done (the word that ends it: "通过的《…决定》修正"
# was 修正). No comma: "2024年3月5日，区人才工作领导小组召开会议，审议通过" is a sentence of the text.
_HISTORY_START = re.compile(r"(?:根据)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_HISTORY_STEP = re.compile(r"(?:根据)?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:经)?([^。；;，,]{0,160})"
                           r"(通过|修正|修订|公布|批准|起?施行)")
_HISTORY_LINES = 8  # only near the top: the same words further down are the text's own
# The body that adopted it, without the session: "山东省第十三届人民代表大会常务委员会第十八次会议" → 山东省人民代表大会常务委员会.
_TERM = re.compile(r"第[\d一二三四五六七八九十百]+届")
_SESSION = re.compile(r"第[\d一二三四五六七八九十百]+次.*$|[（(].*$")
# "本条例自2006年3月1日起施行", or the bare "自1997年4月1日起施行" a law database prints at the end.
# Only the document naming itself (本法, 本实施细则): "本市自2016年1月1日起实施居住证制度" in a
# 2023 report is when the city began something, not when the report took effect (nor its year).
_EFFECTIVE = re.compile(r"(?:^|本(?:实施|暂行|若干|补充)?(?:条例|办法|规定|细则|通知|意见|决定|方案|规则|标准|指引|公告|通告"
                        r"|政策|措施|制度|规范|准则|纲要|计划|章程|解释|修正案|法))自\s*((?:\d{4}|[二〇一二三四五六七八九○零]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日)\s*起(?:施行|实施|执行|生效)", re.M)
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[二〇一二三四五六七八九十○零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")
_ISSUER_END = re.compile(r"(委员会|人民政府|政府|办公室|办公厅|局|厅|委|部|中心|院|会|室|小组|公司|集团)$")


def is_signature(line: str) -> bool:
    """Whether ``line`` signs a document off: its issuing body (a short line ending as one does) or its
    date, which ingest reads as metadata and never joins to the article above it."""
    line = line.strip()
    return bool(_DATE_LINE.match(line)) or (len(line) <= 40 and bool(_ISSUER_END.search(line))
                                             and not re.search(r"[，。；：,;:]", line))
# gov.cn pages head a document with labelled fields: "发文机关：国务院", "发文字号：国令第663号".
# News-style pages: "发布时间：2024-03-15", "来源：市人社局" (a source that is not an office is kept as "source").
# Government disclosure pages (政府信息公开) head a notice with a table of such fields: 索引号, 主题分类…
_FIELD_LABELS = ("发文机关|发布机关|发文单位|发布机构|发文字号|文号|成文日期|发文日期|发布日期|发布时间|发表时间|发表日期|施行日期|生效日期|来源|信息来源"
                 "|索引号|主题分类|公文种类|体裁分类|组配分类|主题词|内容概述|有效性|废止日期|录入时间|更新时间")
_LABELLED = re.compile(rf"^({_FIELD_LABELS})[：:]\s*(.+)$")
# "来源：市人社局  发布日期：2016-12-28" (a page's info line saved as text): one field per line.
_NEXT_FIELD = re.compile(rf"\s+(?=(?:{_FIELD_LABELS}|时间|日期)[：:])")


def _history(line: str) -> list[tuple[str, str, str]]:
    """The steps of a history line, each (date, who, what was done); [] for any other line."""
    inner = re.sub(r"^[（(]|[）)]$", "", line)
    starts = [m.start() for m in _HISTORY_START.finditer(inner)]
    if not starts or inner[:starts[0]].strip():
        return []
    steps = []
    for start, end in zip(starts, starts[1:] + [len(inner)]):  # a step runs to the next one's date
        step = _HISTORY_STEP.fullmatch(inner[start:end].strip(" \t\u3000；;，,"))
        if step is None:
            return []
        steps.append(tuple(_SPACES.sub("", g) for g in step.groups()))
    return steps


def field_lines(line: str) -> list[str]:
    """A line of labelled fields as one line per field; any other line as it is. A bare 时间 or
    日期 beside the page's source is when the page was published ("来源：…　时间：2016-10-28")."""
    if not _LABELLED.match(line):
        return [line]
    first, *rest = _NEXT_FIELD.split(line)
    return [first] + [f"发布{f}" if f.startswith(("时间", "日期")) else f for f in rest]


_NUMERIC_DATE = re.compile(r"^((?:19|20)\d\d)[-./]?(0?[1-9]|1[0-2])[-./]?(0?[1-9]|[12]\d|3[01])$")


def _written_date(value: str) -> str:
    """A field's date as documents write one: "20150213" and "2015-02-13" are 2015年2月13日."""
    m = _NUMERIC_DATE.match(value)
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else value


def is_field(line: str) -> bool:
    """A labelled field of the page's info line ("来源：…", "发布日期：…"): never part of a paragraph."""
    return bool(_LABELLED.match(line)) or bool(_DOC_NUMBER.match(line))
_LABEL_KEYS = {"发文机关": "issuer", "发布机关": "issuer", "发文单位": "issuer", "发文字号": "doc_number", "文号": "doc_number",
               "成文日期": "date", "发文日期": "date", "生效日期": "effective", "发布日期": "published", "发布时间": "published", "发表时间": "published", "发表日期": "published",
               "施行日期": "effective",
               "来源": "issuer", "信息来源": "issuer", "发布机构": "issuer"}
_SALUTATION = re.compile(r"^[^。！？；]{2,60}[：:]$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SPACES = re.compile(r"\s+")
_CLAUSES = re.compile(r"[^，、,]+[，、,]?")  # a sentence longer than a chunk is split at these
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass(frozen=True)
class Block:
    kind: str            # "heading" | "unit" | "para" | "row" | "meta"
    text: str            # the body as users see it (units keep their label in front)
    level: int = 0       # headings and units: 1 (title) .. 8, deeper numbering is higher
    label: str = ""      # numbered units and numbered headings: "第五条", "（一）"
    key: str = ""        # meta: "doc_number" | "issuer" | "date" | "recipients"; units: "list" once items joined;
                         # headings: "field" for a field's name on its own line


@dataclass
class Structure:
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)


def _numbered(line: str) -> tuple[str, str, int] | None:
    for pattern, level in _NUMBERED:
        m = pattern.match(line)
        if m:
            return m.group(1), m.group(2).strip(), level
    return None


def numbered_text(label: str, text: str) -> str:
    """A numbered line as it reads on the page: a space after 第一条 and 第一章 ("第一条 为…"), none
    after a label that ends in its own mark ("一、总则", "（一）…", "1.…")."""
    if not label:
        return text
    return f"{label}{'' if label[-1] in '、.．）)' else ' '}{text}"


def starts_item(line: str) -> bool:
    """Whether a line of a unit's text opens one of its numbered items (（一）, 1., 一、)."""
    found = _numbered(line)
    return found is not None and not found[0].startswith("第")


def _is_bare_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not _SENTENCE_MARK.search(text)


# A field's name alone on a line: a few characters, no figure, no punctuation ("办理对象", "所需材料").
_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_CLOSING = re.compile(r"^(?:特此|附件|附表|抄送|此页|以上)")


def _is_label_line(line: str, following: str) -> bool:
    """Whether ``line`` names the field the line after it fills: that line is text (a sentence or a
    numbered item), not another short line, as cells of a table pasted one per line are."""
    return (bool(_LABEL_LINE.match(line)) and not _CLOSING.match(line) and _numbered(line) is None
            and not _ISSUER_END.search(line) and not _DATE_LINE.match(following)  # "国务院" over its date signs it
            and bool(following) and (len(following) > len(line) + 4 or bool(_SENTENCE_MARK.search(following))
                                     or _numbered(following) is not None))


def _table_cells(line: str) -> list[str] | None:
    if " | " not in line and not (line.startswith("|") and line.endswith("|")):
        return None
    return [c.strip() for c in line.strip().strip("|").split("|")]


# A cell of a table pasted one cell per line: short, no sentence in it, no label with its value.
_CELL_MAX = 24
_HAS_DIGIT = re.compile(r"\d")
# A cell stating an amount: a bare figure or one with its unit ("3000", "36个月", "每人每月2000元", "12张"),
# not a date, a house number, a phone number or a size ("3月10日", "人民路12号", "0523-86812345", "2寸").
_AMOUNT = re.compile(r"^\d+(?:\.\d+)?$|\d+(?:\.\d+)?\s*(?:万?元|个月|周岁|岁|年|天|晚|人|名|张|套|家|分|%|％|平方米|平米|㎡|小时|次)")
_NO_AMOUNT = re.compile(r"\d+月\d+[日号]|\d{5,}|\d+-\d+")
_MAX_COLUMNS = 8


def _cell_like(line: str) -> bool:
    return (len(line) <= _CELL_MAX and not _SENTENCE_MARK.search(line) and not re.search(r"[：:]", line)
            and _table_cells(line) is None and not _MARKDOWN_HEADING.match(line)
            and (_numbered(line) is None or bool(_BARE_NUMBER.match(line))))


def _as_table(cells: list[str]) -> list[str] | None:
    """``cells`` (a run of short lines) read as a table of ``k`` columns, header first, as lines
    "a | b | c"; None if no width makes one. A width fits when there are at least two rows under
    the header, no header cell holds a figure, and some column's cells all state an amount ("3000",
    "36个月", "每人每月2000元"); read a line off, and no column does. Lists of addresses, dates, phone
    numbers or materials ("海陵区人民路12号", "即日起至3月10日", "电话0523-…") have no such column."""
    for k in range(2, _MAX_COLUMNS + 1):
        if len(cells) % k or len(cells) // k < 3:
            continue
        header, rows = cells[:k], [cells[i:i + k] for i in range(k, len(cells), k)]
        if any(_HAS_DIGIT.search(h) for h in header):
            continue
        if any(all(_AMOUNT.search(row[j]) and not _NO_AMOUNT.search(row[j]) for row in rows) for j in range(k)):
            return [" | ".join(row) for row in [header] + rows]
    return None


def _tables_one_cell_per_line(lines: list[str]) -> list[str]:
    """``lines`` with each table pasted one cell per line ("学历", "补贴金额（元/月）", "博士研究生",
    "3000", …: what copying a table out of a web page or PDF leaves) written as rows "a | b", as a
    markdown table is, so that each row carries its header. The run may begin with its caption and
    end with a note ("以上标准按月发放"); the document's first line (its title) is never a cell."""
    out: list[str] = lines[:1]
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and _cell_like(lines[j]):
            j += 1
        table = None
        for start, end in ((i, j), (i, j - 1), (i + 1, j), (i + 1, j - 1)):  # the most lines, the first kept
            table = _as_table(lines[start:end]) if end - start >= 6 else None
            if table:
                out.extend(lines[i:start] + table + lines[end:j])
                break
        if not table:
            out.extend(lines[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _lines(text: str) -> list[str]:
    """A cleaned document's lines as they are read: no blank ones, a table pasted one cell per line as rows."""
    return _tables_one_cell_per_line([ln.strip() for ln in text.split("\n") if ln.strip()])


_CONTENTS = re.compile(r"^(?:#{1,6}\s*)?目\s*录$")


def _contents_lines(lines: list[str]) -> set[int]:
    """Indexes of a table of contents: "目录" and the chapter titles listed under it, up to the
    first one printed again where the body begins. They head nothing (a law's articles sit in its
    chapters, not in "目录 > 第一章"); kept as metadata, they count as stored."""
    start = next((i for i, ln in enumerate(lines) if _CONTENTS.match(ln)), None)
    if start is None:
        return set()
    entries: list[str] = []
    labels: set[str] = set()  # 第一章 printed again begins the body, however the contents wrote its line
    for line in lines[start + 1:]:        # ("第一章 总则……1", "第一章　总　　则")
        found = _numbered(_MARKDOWN_HEADING.sub(r"\2", line))
        if found is None or not found[0].endswith(_ALWAYS_HEADING) or found[0] in labels:
            break
        labels.add(found[0])
        entries.append(line)
    return set(range(start, start + 1 + len(entries))) if entries else set()


def parse(text: str) -> Structure:
    """Blocks of a cleaned document (one paragraph per line) and the metadata found in it."""
    lines = _lines(text)
    blocks: list[Block] = []
    meta: dict[str, str] = {}
    header: list[str] | None = None
    above: list[str] | None = None
    contents = _contents_lines(lines)
    for i, line in enumerate(lines):
        if i in contents:
            blocks.append(Block("meta", line, key="contents"))
            continue
        cells = _table_cells(line)
        if cells is None:
            header = above = None
        elif _TABLE_SEPARATOR.match(line):
            continue
        elif header is None:
            header, above = cells, None  # carried by every row below it, not a row of its own
            # A bare line just above the table is its caption ("2015学年积分制入学指标计划（人）"): the
            # heading of its rows, which the chunks after the first would otherwise go without.
            # (A note, "注：租房补贴按季度发放", is none.)
            if blocks and blocks[-1].kind == "para" and _is_bare_title(blocks[-1].text) and not re.search(r"[：:]", blocks[-1].text):
                levels = [b.level for b in blocks if b.kind == "heading"]
                blocks[-1] = Block("heading", blocks[-1].text, level=min(max(levels, default=1) + 1, 8))
            continue
        else:
            # An empty cell under a filled one is a merged cell exported once: it repeats the one above.
            cells = [c or (above[j] if j < len(above) else "") for j, c in enumerate(cells)] if above else cells
            above = cells
            fields = [c.strip().rstrip("。；;") for c in cells]  # cells are fields, not sentences
            pairs = [_pair(h, c) for h, c in zip(header + [""] * len(cells), fields)]
            blocks.append(Block("row", "；".join(p for p in pairs if p) + "。"))
            continue

        m = _MARKDOWN_HEADING.match(line)
        if m and _DOC_NUMBER.match(m.group(2).strip()):
            # A page showing its 文号 in a heading of its own ("<h1>泉教初〔2016〕2号</h1>" under the
            # title): the document's number, not a section every chunk after it would sit in.
            meta.setdefault("doc_number", m.group(2).strip())
            blocks.append(Block("meta", line, key="doc_number"))
            continue
        if m:
            blocks.append(Block("heading", m.group(2).strip(), level=len(m.group(1))))
            continue
        labelled = _LABELLED.match(line)
        if labelled:
            # A disclosure page's own bookkeeping (索引号, 主题分类, 有效性) is about the page: no field of ours.
            key = _LABEL_KEYS.get(labelled.group(1), "page")
            if labelled.group(1).endswith("来源") and not _ISSUER_END.search(labelled.group(2).strip()):
                key = "source"  # "来源：新华网" names where a page copied it from, not who issued it
            if key != "page":
                meta.setdefault(key, _written_date(labelled.group(2).strip()))
            blocks.append(Block("meta", line, key=key))
            continue
        history = _history(line) if i < _HISTORY_LINES else []
        if history:
            for date, body, act in history:
                if act in ("修正", "修订"):
                    meta["amended"] = date  # the latest amendment is listed last
                elif act.endswith("施行"):
                    meta.setdefault("effective", date)
                else:
                    meta.setdefault("published" if act == "公布" else "adopted", date)
                    issuer = _SESSION.sub("", _TERM.sub("", body))
                    if issuer and _ISSUER_END.search(issuer):
                        meta.setdefault("issuer", issuer)
            blocks.append(Block("meta", line, key="history"))
            continue
        if _DOC_NUMBER.match(line):
            meta.setdefault("doc_number", line)
            blocks.append(Block("meta", line, key="doc_number"))
            continue
        if _DATE_LINE.match(line) and i >= len(lines) - 3:
            meta.setdefault("date", line)
            blocks.append(Block("meta", line, key="date"))
            if blocks[-2:-1] and blocks[-2].kind == "para" and _ISSUER_END.search(blocks[-2].text) \
                    and _is_bare_title(blocks[-2].text):
                meta.setdefault("issuer", blocks[-2].text)
                blocks[-2] = Block("meta", blocks[-2].text, key="issuer")
            continue
        numbered = _numbered(line)
        if numbered:
            label, rest, level = numbered
            text = numbered_text(label, rest).strip()
            intro = rest.endswith(("：", ":"))  # "第四条 申请材料：" introduces the items below it
            if label.endswith(_ALWAYS_HEADING) or (not intro and (not rest or _is_bare_title(rest))):
                blocks.append(Block("heading", text, level=level, label=label))
            else:
                blocks.append(Block("unit", text, level=level, label=label))
            continue
        if not blocks and _is_bare_title(line):
            blocks.append(Block("heading", line, level=1))  # the document's own title
            continue
        if _is_label_line(line, lines[i + 1] if i + 1 < len(lines) else ""):
            # A service guide's field name on its own line ("办理条件", then the conditions): the heading
            # of what follows, between the document's title and its numbered items.
            levels = [b.level for b in blocks if b.kind == "heading" and not b.label and b.key != "field"]
            blocks.append(Block("heading", line, level=min(max(levels, default=1) + 1, 4), key="field"))
            continue
        # Before any text: after the title and however many fields of the page's info line, and
        # before the body's first numbered part ("一、招生对象" then "…并符合以下条件之一：" is body).
        if _SALUTATION.match(line) and all(b.kind in ("heading", "meta") and not b.label and not _numbered(b.text)
                                           for b in blocks) \
                and sum(b.kind == "heading" for b in blocks) <= 2:
            meta.setdefault("recipients", line[:-1])
            blocks.append(Block("meta", line, key="recipients"))
            continue
        blocks.append(Block("para", line))
    effective = _EFFECTIVE.search(text)
    if effective:
        meta.setdefault("effective", _SPACES.sub("", effective.group(1)))
    return Structure(_absorb_items(_list_items(_merge_bare_labels(blocks))), meta)


# A column's unit in its header: "租房补贴（元/月）", "面积(平方米)".
_HEADER_UNIT = re.compile(r"^(.+?)\s*[（(]\s*(?:单位[：:]\s*)?((?:万?元|平方米|平米|㎡|天|日|个月|月|年|小时|周岁|岁|分|%|％|人|套|张|家)"
                          r"(?:\s*/\s*[\u4e00-\u9fff]{1,2})?)\s*[）)]$")
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _pair(header: str, cell: str) -> str:
    """One cell of a row with its column's name: "租房补贴：800元/月" for 800 under "租房补贴（元/月）",
    so the row states the amount as a sentence would (and "多少钱" finds 元 beside the number)."""
    if not (header and cell) or header == cell:
        return cell
    unit = _HEADER_UNIT.match(header)
    if unit and _BARE_NUMBER.match(cell):
        return f"{unit.group(1)}：{cell}{unit.group(2)}"
    return f"{header}：{cell}"


def _unit_less(header: str) -> str:
    """A column's name without the unit its cells now carry ("租房补贴（元/月）" → 租房补贴)."""
    unit = _HEADER_UNIT.match(header)
    return unit.group(1) if unit else header


def _merge_bare_labels(blocks: list[Block]) -> list[Block]:
    """"第五条" alone on a line, its text on the next: one unit."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev and prev.kind == "heading" and prev.label and prev.text == prev.label and b.kind == "para" \
                and not prev.label.endswith(_ALWAYS_HEADING):
            out[-1] = Block("unit", f"{prev.label} {b.text}", level=prev.level, label=prev.label)
        else:
            out.append(b)
    return out


def _list_items(blocks: list[Block]) -> list[Block]:
    """A short numbered line heads a section only if something deeper follows it.

    "1.身份证" followed by "2.毕业证书" is a list of materials, not two empty
    sections: such lines are body text (units), so they reach a chunk.
    """
    out = list(blocks)
    for i, b in enumerate(out):
        if b.kind != "heading" or not b.label or b.label.endswith(_ALWAYS_HEADING):
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        deeper = nxt is not None and (nxt.kind in ("para", "row") or
                                      (nxt.kind in ("heading", "unit") and _level(nxt) > b.level))
        if not deeper:
            out[i] = Block("unit", b.text, level=b.level, label=b.label)
    return out


def _level(block: Block) -> int:
    return block.level if block.kind in ("heading", "unit") else 99


# A note's name alone on a line, ending in a colon: "注：", "注意事项:", "温馨提示：" (not an item's own
# field, "得分标准：", which continues the item above it).
_LABEL_COLON = re.compile(r"^(?:注|备注|附注|说明|特别说明|注意|注意事项|提示|温馨提示|特别提示|友情提示)[：:]$")
# A question of a question-and-answer section ("问：…"), and its answer ("答：…").
_QUESTION = re.compile(r"^(?:问|提问|Q)\s*[：:]")
_ANSWER = re.compile(r"^(?:答|回答|A)\s*[：:]")


def _absorb_items(blocks: list[Block]) -> list[Block]:
    """A unit keeps what follows it until the next unit or heading of its rank or above: the
    paragraphs of an article (款) and its numbered items (（一）…, 1.…) are one unit, cited as 第X条.

    Two lines after a numbered list end it instead of continuing its last item: a note's name
    ("注：" over （1）（2）…, "注意事项:" over 1. 2. …) heads what follows inside the section,
    and a question ("问：…", with its answer "答：…") starts a question-and-answer pair, one
    paragraph, which no chunk boundary splits when it fits in one.
    """
    out: list[Block] = []
    heading_level = 1
    for i, b in enumerate(blocks):
        head = out[-1] if out else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.kind == "para" and head is not None and head.kind == "unit" and _LABEL_COLON.match(b.text) \
                and nxt is not None and nxt.kind in ("para", "unit", "row"):
            level = min(heading_level + 1, head.level)
            out.append(Block("heading", b.text, level=level, key="field"))
            heading_level = level
            continue
        if b.kind == "para" and _ANSWER.match(b.text) and head is not None and head.kind == "para" \
                and _QUESTION.match(head.text.split("\n")[0]):
            out[-1] = Block("para", f"{head.text}\n{b.text}")  # the answer stays with its question
            continue
        belongs = head is not None and head.kind == "unit" and not (b.kind == "para" and _QUESTION.match(b.text)) and (
            b.kind in ("para", "row") or (b.kind in ("unit", "heading") and b.level > head.level and b.label))
        if belongs:
            out[-1] = Block("unit", f"{head.text}\n{b.text}", level=head.level, label=head.label, key="list")
        else:
            out.append(b)
            if b.kind == "heading":
                heading_level = b.level
    return out


@dataclass(frozen=True)
class Coverage:
    ratio: float              # share of the document's text (characters) that reached a chunk or its metadata
    dropped: list[str]        # lines (or their sentences) that did not, as written


def coverage(text: str, structure: Structure, chunk_texts: list[str]) -> Coverage:
    """How much of a cleaned document reaches some chunk's body.

    Every line counts: body text must be found in a chunk; a heading counts
    when it is a bare title (its words live on in the heading path); metadata
    lines (文号, issuer, date, salutation) count as stored. Text that only
    survives inside a heading — a whole paragraph styled as a Word heading —
    counts as lost, so staff hear of it.
    """
    from knowledge.text import split_sentences

    joined = _SPACES.sub("", "".join(chunk_texts))  # spaces after labels ("1、 东莞…") are not text
    meta_lines = {b.text for b in structure.blocks if b.kind == "meta"}
    headings = {b.text for b in structure.blocks if b.kind == "heading"}
    total = kept = 0
    dropped: list[str] = []
    for line in _lines(text):  # as parse reads it
        if _TABLE_SEPARATOR.match(line):
            continue
        total += len(line)
        cells = _table_cells(line)
        m = _MARKDOWN_HEADING.match(line)
        heading_text = m.group(2) if m else None
        if cells is not None and all(_SPACES.sub("", _unit_less(c.rstrip("。；;"))) in joined for c in cells if c):
            kept += len(line)
        elif line in meta_lines or _SPACES.sub("", line) in joined:
            kept += len(line)
        elif heading_text is not None and (not _SENTENCE_MARK.search(heading_text) or (
                heading_text.strip() in headings and len(heading_text.strip()) <= _TITLE_MAX
                and not _STATEMENT_END.search(heading_text))):
            kept += len(line)  # in every heading path below it; a page's headline may ask or exclaim
        elif heading_text is None and _is_bare_title(line) and (_numbered(line) or line == _first_line(text)
                                                                or line in headings):
            kept += len(line)  # a numbered section title, the document title or a table's caption: in the heading path
        else:
            body = heading_text if heading_text is not None else line
            missing = [s for s in split_sentences(_SPACES.sub("", body))
                       if s and s not in joined and not all(c in joined for c in _CLAUSES.findall(s))]
            lost = sum(len(s) for s in missing) if heading_text is None else len(line)
            kept += len(line) - lost
            if lost:
                dropped.append(line)
    return Coverage(kept / total if total else 1.0, dropped)


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
