"""The labels Word draws in front of automatically numbered paragraphs.

A 办法 typed in Word is often numbered by the list feature, not by hand: the
text of the paragraph is "为做好青年见习工作，制定本办法。" and Word draws "第一条"
in front of it from the document's numbering definitions. python-docx gives the
text only, so without this every 第X条, 一、 and （一） such a document has is
lost — and with them the structure ingest reads (ingest.structure) and the
article an answer cites. This reads the numbering part (numbering.xml) the
way Word counts: one counter per list and level, deeper levels starting over
when a shallower one moves on, "%1" in a level's text replaced by that level's
count in its number format (chineseCounting: 一, 十一; decimal: 1; …).

A list is an abstract definition (w:abstractNum); paragraphs point at an
instance of it (w:num). Instances of one list share its counters, as in Word
(ECMA-376 §17.9): a 办法 edited over the years often numbers its articles through
two or three instances (pasted in, or a heading style's and the paragraphs' own),
and 第三条 after 第二条 must not read 第一条 again. An instance that says where
to start (w:startOverride, Word's "restart at 1") starts its levels over the
first time it is used.
"""

from __future__ import annotations

from docx.oxml.ns import qn

_DIGITS = "零一二三四五六七八九"
_CAPITAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (counts up to 999, as lists go)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = f"{digits[hundreds]}{hundred}" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    elif hundreds and units:
        out += digits[0]
    return out + (digits[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (w:numFmt); "" for bullets and none."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt.startswith(("chineseCounting", "taiwaneseCounting", "japaneseCounting", "ideographDigital")):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _CAPITAL, "拾", "佰")
    if fmt == "ideographTraditional" and n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and n <= 20:
        return chr(0x2460 + n - 1)  # ①
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)  # decimal, decimalZero, decimalFullWidth…: cleaning folds the width


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class WordNumbering:
    """Counts a document's numbered paragraphs in order and says each one's label."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self._list_of: dict[str, str] = {}  # numId -> abstractNumId: the counters it shares
        self._restarts: dict[str, set[int]] = {}  # numId -> levels it starts over when first used
        self._counts: dict[str, dict[int, int]] = {}  # abstractNumId -> ilvl -> count
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # a document without lists
        abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
        for num in numbering.findall(qn("w:num")):
            levels = {}
            num_id, abstract_id = num.get(qn("w:numId")), _val(num, "w:abstractNumId")
            base = abstract.get(abstract_id)
            overrides = {int(o.get(qn("w:ilvl"))): o for o in num.findall(qn("w:lvlOverride"))}
            for lvl in base.findall(qn("w:lvl")) if base is not None else ():
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                override = overrides.get(ilvl)
                lvl = override.find(qn("w:lvl")) if override is not None and override.find(qn("w:lvl")) is not None else lvl
                start = _val(override, "w:startOverride") or _val(lvl, "w:start") or "1"
                levels[ilvl] = (int(start), _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "")
            self._levels[num_id] = levels
            self._list_of[num_id] = abstract_id or num_id
            self._restarts[num_id] = {i for i, o in overrides.items() if _val(o, "w:startOverride") is not None}

    def label(self, paragraph) -> str:
        """The label Word draws before ``paragraph`` ("第一条", "一、", "（二）"), "" if it has none."""
        num_id, ilvl = self._numbering_of(paragraph)
        levels = self._levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counts = self._counts.setdefault(self._list_of[num_id], {})
        for restarted in self._restarts.pop(num_id, ()):  # its first paragraph: "restart at 1" applies once
            counts.pop(restarted, None)
        counts[ilvl] = counts.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [lvl for lvl in counts if lvl > ilvl]:
            del counts[deeper]  # "（一）" starts over under each new "一、"
        text = levels[ilvl][2]
        for lvl, (start, fmt, _) in levels.items():
            placeholder = f"%{lvl + 1}"
            if placeholder in text:
                text = text.replace(placeholder, format_number(counts.get(lvl, start), fmt))
        return text.strip() if format_number(1, levels[ilvl][1]) else ""

    @staticmethod
    def _numbering_of(paragraph) -> tuple[str | None, int]:
        """(numId, level) of the paragraph's own numbering, else of its style's (Heading 1 numbered
        "第一章"), following the styles it is based on."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            style_pr = style.element.pPr
            num_pr = style_pr.numPr if style_pr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None:
            return None, 0
        num_id = str(num_pr.numId.val)
        return (None if num_id == "0" else num_id), (num_pr.ilvl.val if num_pr.ilvl is not None else 0)

