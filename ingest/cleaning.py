"""Clean extracted text before chunking.

Government reports reach us through PDF and Word exports that break lines in
the middle of words ("书记项\\n\\n目"), mix ASCII and full-width punctuation and
carry stray spaces between Chinese characters. Retrieval and the sentence
splitter both work better on text where those artefacts are gone.
"""

from __future__ import annotations

import re

from ingest.structure import field_lines, is_field, is_signature
from knowledge.text import CJK as _CJK
from knowledge.text import NUMBERING, fold_width, fullwidth_punctuation, to_simplified

_SENTENCE_END = "。！？；!?;…”』」)）"
# Lines that start a block of their own (a heading, a numbered unit, a table row): never glued to the line before.
_BLOCK_START = re.compile(rf"^(#{{1,6}}\s|{'|'.join(NUMBERING.values())}|\|)")
# A line broken by an export is body text: it has punctuation inside. A title has none.
_INNER_PUNCT = re.compile(r"[，、；：（）“”,;:]")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}，。；：！？、“”])[ \t\u3000]+(?=[{_CJK}，。；：！？、“”])")
# "办理所需证件：…", "收费标准：不收费": a service guide's field, led by its short label, opens a line
# of its own; an export breaks lines inside a sentence, not right before a label.
_LABEL_START = re.compile(rf"^[{_CJK}]{{2,8}}[：:]")
# A body line is long; a short line without end punctuation is a title or list item.
_MIN_BROKEN_LINE = 30


def starts_block(line: str) -> bool:
    return bool(_BLOCK_START.match(line.strip()))


# ①…⑳ number items (under "1.", as （1） does); NFKC would fold them to bare digits glued to the
# item's text ("②所在企业…" → "2所在企业…"), so they become the bracketed numbers they stand for.
_CIRCLED = {chr(0x2460 + i): f"（{i + 1}）" for i in range(20)}
# An article's label opens a unit of text: a long first line of one ("第十一条 县级以上…产业特征等"), as a
# PDF prints it over lines of one width, continues on the next even without a comma in it.
_ARTICLE_START = re.compile(rf"^{NUMBERING['article']}\s*\S")


def _normalise_chars(text: str) -> str:
    text = text.translate(str.maketrans(_CIRCLED))
    # Questions are read in Simplified characters (OpenCC), so the documents are too: a notice
    # in Traditional characters answers "见习期间有补助吗". Simplified text passes unchanged.
    text = fold_width(to_simplified(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = text.replace("\u3000", " ")  # ideographic spaces indent paragraphs; they are layout, not text
    text = re.sub(r"[\u200b-\u200f\u2028\u2029]", "", text)
    return fullwidth_punctuation(text)


def _tidy_line(line: str) -> str:
    line = re.sub(r"[ \t]+", " ", line).strip()
    # In body text a space between Chinese characters is an export artefact;
    # in a heading or after a label ("第五条 本科…") it separates two phrases, so keep it there.
    return line if starts_block(line) else _SPACE_BETWEEN_CJK.sub("", line)


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Rejoin a paragraph that an export split mid-sentence.

    A long line of body text (it has punctuation inside: a title has none; or it opens an article,
    which is never a title that long), or any line that
    leaves a bracket open ("（2017年12月1日河南省第十二届人民代表大会常务" before "委员会第三十二次
    会议通过）"), that does not end a sentence, followed (after blank lines) by a line that
    does not start a block of its own, is the same paragraph.
    """
    out: list[str] = []
    joined = False  # the last line already holds the next one: an article's label opens one line, not a chain
    for line in lines:
        article = bool(out and out[-1] and _ARTICLE_START.match(out[-1])) and not joined and not is_signature(line)
        if (
            line
            and out
            and out[-1]
            and not out[-1].startswith("#")
            and not starts_block(line)
            and not is_field(out[-1])
            and not is_field(line)
            and not _LABEL_START.match(line)
            and out[-1][-1] not in _SENTENCE_END
            and out[-1][-1] not in "：:"  # a salutation or a lead-in is whole: what follows it is not its rest
            and ((len(out[-1]) >= _MIN_BROKEN_LINE and (_INNER_PUNCT.search(out[-1]) or article))
                 or _unclosed(out[-1]))
        ):
            joined = not _INNER_PUNCT.search(out[-1]) and not _unclosed(out[-1])  # held only by its label
            out[-1] += line
        else:
            joined = False
            out.append(line)
    return out


def _unclosed(line: str) -> bool:
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


def clean_text(text: str) -> str:
    """Return text with one paragraph per line, headings on their own lines."""
    text = _normalise_chars(text)
    fields = (f for ln in text.split("\n") for f in field_lines(ln.strip()))
    paragraphs = [ln for ln in map(_tidy_line, fields) if ln]
    return "\n".join(_join_broken_lines(paragraphs))
