"""Read a document file into plain text with markdown-style headings.

One loader per type, all behind ``load_document``. The chunker only knows
text, so every loader renders headings as ``#`` lines: that is how a section
heading from a Word style or an HTML ``<h2>`` ends up in a chunk's citation.

Every failure (unknown type, bad encoding, corrupt PDF/DOCX, a library
raising whatever it raises) becomes a ``DocumentError`` with a short English
reason, so an ingest run can skip that one file, say why, and go on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from core.errors import DocumentError
from ingest.structure import numbered_text
from ingest.word_numbering import WordNumbering

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".pdf", ".docx", ".xlsx", ".html", ".htm"})
# Office formats older than OOXML (and WPS's own): no maintained pure-Python reader; saved again as
# .docx / .xlsx / PDF they load. Staff are told so instead of being told only "unsupported".
OLD_OFFICE = {".doc": ".docx", ".wps": ".docx", ".rtf": ".docx", ".xls": ".xlsx", ".et": ".xlsx",
               ".ppt": "PDF", ".pptx": "PDF", ".dps": "PDF"}
_TITLE_MAX = 60  # a longer first line is a sentence, not a title


@dataclass(frozen=True)
class LoadedDocument:
    title: str      # first heading / docx Title / html <title> / PDF metadata; else the file stem
    text: str       # paragraphs separated by blank lines, headings as "# " lines
    doc_type: str   # 'txt' | 'md' | 'pdf' | 'docx' | 'xlsx' | 'html'


class _Unreadable(Exception):
    """Raised inside a loader with the exact reason to report."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def load_document(path: Path, max_bytes: int | None = None) -> LoadedDocument:
    """Load one file; raise DocumentError with a short reason on any failure.

    The size is checked before reading so an oversized upload is refused
    without pulling it into memory.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in OLD_OFFICE:
        raise DocumentError(str(path), f"old Office format {suffix}: save it as {OLD_OFFICE[suffix]}")
    if suffix not in _LOADERS:
        raise DocumentError(str(path), f"unsupported file type {suffix or '(none)'}")
    doc_type, label, loader = _LOADERS[suffix]
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise DocumentError(str(path), f"file too large ({_size(size)} > {_size(max_bytes)})")
        if size == 0:
            raise DocumentError(str(path), "file is empty")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    try:
        title, text = loader(data)
    except _Unreadable as exc:
        raise DocumentError(str(path), exc.reason) from exc
    except Exception as exc:  # corrupt files make parsers raise anything
        detail = str(exc).strip() or type(exc).__name__
        raise DocumentError(str(path), f"not a valid {label}: {detail}"[:200]) from exc
    if not text.strip():
        raise DocumentError(str(path), "no text found")
    return LoadedDocument(title=title.strip() or path.stem, text=text, doc_type=doc_type)


def _size(n: int) -> str:
    if n < 0.1 * 1024 * 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _decode(data: bytes, first: str | None = None) -> str:
    """UTF-8 (BOM or not), then GB18030; a declared charset goes first.

    Government text files are often GBK. GB18030 decodes almost any byte
    string, so text full of control characters counts as a failed decode:
    otherwise a binary file renamed .txt would be indexed as gibberish.
    """
    candidates = [first] if first else []
    if data.startswith(b"\xef\xbb\xbf"):
        candidates.insert(0, "utf-8-sig")
    candidates = list(dict.fromkeys(candidates + ["utf-8-sig", "gb18030"]))
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_binary(text):
            return text
    tried = ", ".join(dict.fromkeys("utf-8" if e == "utf-8-sig" else e for e in candidates))
    raise _Unreadable(f"cannot decode text (tried {tried})")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc minus \t\n\v\f\r


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(_CONTROL.findall(text)) > len(text) // 100


def _first_line_title(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= _TITLE_MAX else ""
    return ""


def _markdown_title(text: str) -> str:
    for line in text.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _load_txt(data: bytes) -> tuple[str, str]:
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    return _markdown_title(text) or _first_line_title(text), text


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---[ \t]*\n", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def _load_md(data: bytes) -> tuple[str, str]:
    """Markdown minus what is not text for readers: front matter, HTML comments, emphasis marks
    ("**第十条** …" is the article 第十条)."""
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    text = _EMPHASIS.sub("", _HTML_COMMENT.sub("", _FRONT_MATTER.sub("", text)))
    return _markdown_title(text), text


def _load_pdf(data: bytes) -> tuple[str, str]:
    """Text per page; pages become paragraphs so a page break never glues two sentences."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    # decrypt("") opens PDFs that only restrict printing/copying; a real
    # password returns NOT_DECRYPTED (0) instead of raising.
    if reader.is_encrypted and not reader.decrypt(""):
        raise _Unreadable("PDF is encrypted (password required)")
    pages = _without_page_furniture([(page.extract_text() or "").strip().split("\n") for page in reader.pages])
    text = "\n\n".join("\n".join(lines) for lines in pages if any(lines))
    if not text:
        raise _Unreadable("PDF has no extractable text (scanned image?)")
    try:
        meta_title = _clean_pdf_title(getattr(reader.metadata, "title", None) or "")
    except Exception:  # a broken Info dictionary must not cost us the text
        meta_title = ""
    return meta_title or _first_line_title(text), text


# "— 3 —", "-3-", "第2页 共5页", "2/5": page numbers at the top or bottom of a page.
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页\s*[,，]?\s*(共\s*\d+\s*页)?$|"
                          r"^\d{1,4}\s*/\s*\d{1,4}$|^共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页$")


def _without_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Page numbers, and the running header or footer a document repeats at the top or bottom of
    its pages ("××区人民政府办公室文件"), are layout, not text: left out, so a sentence broken by
    a page end joins up again when cleaned (ingest/cleaning.py)."""
    edges = [{i for i in (0, 1, len(lines) - 2, len(lines) - 1) if 0 <= i < len(lines)} for lines in pages]
    lines_at_edges = Counter(lines[i].strip() for lines, at in zip(pages, edges) for i in at)
    repeated = {line for line, n in lines_at_edges.items()
                if line and len(pages) >= 3 and n >= max(3, (len(pages) + 1) // 2)}

    def furniture(line: str) -> bool:
        line = line.strip()
        return bool(_PAGE_NUMBER.match(line)) or line in repeated

    return [[line for i, line in enumerate(lines) if i not in at or not furniture(line)]
            for lines, at in zip(pages, edges)]


def _clean_pdf_title(title: str) -> str:
    """Word exports set the Info title to "Microsoft Word - 文件.docx"; keep only the name."""
    title = re.sub(r"^Microsoft (?:Word|Excel|PowerPoint) - ", "", str(title).strip())
    title = re.sub(r"\.(?:docx?|wps|pdf|pptx?|xlsx?)$", "", title, flags=re.I).strip()
    return "" if title.lower() in {"untitled", "无标题", "pdf"} else title


def _load_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and tables in body order, so a table stays under its heading."""
    import docx
    from docx.table import Table

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _Unreadable("not a valid DOCX (not a ZIP package; an old .doc renamed?)")
    document = docx.Document(io.BytesIO(data))
    numbering = WordNumbering(document)  # 第一条, 一、 drawn by Word's list numbering are not in the text
    blocks: list[str] = []
    title = heading1 = first_line = ""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_docx_table_rows(item, numbering))
            continue
        text = _docx_paragraph_text(item, numbering)
        if not text:
            continue
        if not blocks:  # the first line, as a .txt or a PDF offers it (when short enough to be a title)
            first_line = _first_line_title(text)
        style = (item.style.name if item.style is not None else "") or ""
        level = _heading_level(style)
        if style.strip().lower() in ("title", "标题"):
            title = title or text
            blocks.append(f"# {text}")
        elif level:
            heading1 = heading1 or (text if level == 1 else "")
            blocks.append("#" * level + " " + text)
        else:
            blocks.append(text)
    return title or heading1 or first_line, "\n\n".join(blocks)


def _docx_paragraph_text(paragraph, numbering: WordNumbering) -> str:
    """A paragraph's text with the label Word draws before it ("第一条 …", "1.身份证")."""
    label = numbering.label(paragraph)  # counted even when empty: Word numbers an empty item too
    text = paragraph.text.strip()
    return numbered_text(label, text) if text and label and not text.startswith(label) else text


def _docx_table_rows(table, numbering: WordNumbering) -> list[str]:
    rows = []
    texts = {}  # per <w:tc> (kept alive, so lxml gives the same one back): a cell merged down is read once
    for row in table.rows:
        cells, seen = [], []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue  # a horizontally merged cell repeats once per spanned column
            seen.append(cell._tc)
            if cell._tc not in texts:  # and its list items counted once
                texts[cell._tc] = " ".join(" ".join(_docx_paragraph_text(p, numbering) for p in cell.paragraphs).split())
            cells.append(texts[cell._tc])
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _heading_level(style: str) -> int:
    m = re.fullmatch(r"(?:heading|标题)\s*([1-9])", style.strip(), re.I)
    return min(int(m.group(1)), 6) if m else 0  # the chunker knows # to ######


def _load_xlsx(data: bytes) -> tuple[str, str]:
    """Each sheet as a table under its name: a row of one cell above the table is its title
    ("2024年人才安居补贴标准"), the first row of several cells its header, every row below a
    table row (ingest/structure.py makes each a sentence that carries the header). Cells merged
    down are empty below their first row there, and read as repeating it."""
    import openpyxl

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _Unreadable("not a valid XLSX (not a ZIP package; an old .xls renamed?)")
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # not read_only: that drops merged ranges
    blocks: list[str] = []
    title = (book.properties.title or "").strip()
    # Only sheets that hold something count: an Excel 2007 workbook's empty Sheet2 and Sheet3 would
    # make "Sheet1" a heading over the one table.
    sheets = [(s.title, rows) for s in book.worksheets if s.sheet_state == "visible" and (rows := _sheet_rows(s))]
    for name, rows in sheets:
        if len(sheets) > 1:
            blocks.append(f"## {name}")
        header: str | None = None
        titled = False  # the sheet's first line of one cell is its title; later ones are text
        between = False  # a line of one cell (a note, a group's name) since the header was last written
        for cells in rows:
            filled = list(dict.fromkeys(c for c in cells if c))  # a title merged across the columns is one cell
            if len(filled) == 1:
                if header is None and not titled:  # (a sheet of one column, 申请材料 one a row, is no headings)
                    titled = True
                    title = title or filled[0]
                    mark = "###" if len(sheets) > 1 else "#"  # under the sheet's name when there are several
                    blocks.append(f"{mark} {filled[0]}" if len(filled[0]) <= _TITLE_MAX else filled[0])
                else:
                    blocks.append(filled[0])
                    between = header is not None
                continue
            line = "| " + " | ".join(cells) + " |"
            if header is None:
                header = line
            elif between:
                blocks.append(header)  # the rows below a note are still the table's: its header again
                between = False
            blocks.append(line)
    book.close()
    return title, "\n\n".join(blocks)


def _sheet_rows(sheet) -> list[list[str]]:
    """The sheet's rows that hold something, in the columns that hold something, a merged cell's
    text in every cell it spans.

    Only the cells the file holds are read (openpyxl's ``_cells``): its row and column iterators
    visit, and create, every cell of the rectangle up to the farthest one, and a stray space typed
    in XFD1048576 makes that 17 billion cells."""
    texts = {pos: _cell_text(cell.value, cell.number_format) for pos, cell in sheet._cells.items()}
    texts = {pos: text for pos, text in texts.items() if text}
    if not texts:
        return []
    last_row, last_col = max(r for r, _ in texts), max(c for _, c in texts)
    for merged in sheet.merged_cells.ranges:  # (one merged down a whole column ends where the text does)
        text = texts.get((merged.min_row, merged.min_col))
        if text:
            for r in range(merged.min_row, min(merged.max_row, last_row) + 1):
                for c in range(merged.min_col, min(merged.max_col, last_col) + 1):
                    texts[(r, c)] = text
    columns = sorted({c for _, c in texts})
    return [[texts.get((r, c), "") for c in columns] for r in sorted({r for r, _ in texts})]


_PERCENT_FORMAT = re.compile(r"0(?:\.(0+))?\s*%")  # "0%", "0.0%": the decimals it shows


def _cell_text(value, number_format: str = "General") -> str:
    """A cell as people read it: 800 not 800.0, 60% not 0.6 (a share is stored as a fraction and
    shown by its format), 880 not 880.0000000000001 (a formula's float), a date as 2024-03-15,
    no line breaks."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        percent = _PERCENT_FORMAT.search(number_format or "")
        if percent:
            return f"{value * 100:.{len(percent.group(1) or '')}f}%"
        value = round(value, 9) if isinstance(value, float) else value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    return " ".join(str(value).split())


_HTML_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HTML_BLOCKS = frozenset(
    "p div li ul ol dl dt dd section article main aside blockquote pre table figure figcaption "
    "address center form fieldset body br hr".split())
_HTML_DROP = ("script", "style", "nav", "header", "footer", "noscript", "template")


def _load_html(data: bytes) -> tuple[str, str]:
    """Block elements become paragraphs; inline text inside them is joined as written.

    Chinese CMS pages put body text straight into ``<div>``s and split words
    over ``<span>``s, so neither "only <p>" nor "join strings with a space" works.
    """
    from bs4 import BeautifulSoup

    head = data[:8192].decode("latin-1")
    m = re.search(r"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", head, re.I)
    # A page declaring gb2312 but using GBK-only characters fails that codec
    # and lands on GB18030, their superset.
    soup = BeautifulSoup(_decode(data, m.group(1).lower() if m else None), "lxml")
    for tag in soup.find_all(_HTML_DROP):
        # An article's own <header> holds its <h1>; only page chrome is dropped.
        if not (tag.name in ("header", "footer") and tag.find_parent("article")):
            tag.decompose()
    for link in soup.find_all("a", href=_SCRIPT_LINK):
        link.decompose()  # a button (print, close, font size, bookmark), never text of the document
    blocks = [b for b in map(_without_furniture, _html_blocks(soup)) if b]
    headline = next((b[2:] for b in blocks if b.startswith("# ")), "")
    title = page_title(soup.title.get_text(" ", strip=True) if soup.title else "", headline)
    site = soup.find("meta", attrs={"name": re.compile(r"^site_?name$", re.I)})
    if headline and (_SITE_NAME.search(title) or (site is not None and title == (site.get("content") or "").strip())):
        title = headline  # a <title> that is only the site's name ("…人民政府门户网站") names no document
    return title or headline, "\n\n".join(blocks)


# What a government CMS page puts around a notice in plain <div>s: the print, close and font-size
# buttons, view counters and share bars inside the article's info line, and blocks that are only
# breadcrumbs or the site's footer. None of it is text of the document.
_FURNITURE = re.compile(r"【[^】]{0,12}(?:打印|关闭|收藏|字体|字号)[^】]{0,12}】|[【\[［]\s*[】\]］]|"
                        r"(?:浏览次数|阅读次数|访问次数|点击数|浏览量)[:：]\s*(?:\d+|-+)?|"  # "-" until a script counts
                        r"字[体号][:：]\s*[大中小 ]+|(?:A\s*\+?\s*[大中小]\s*){2,3}|(?:分享到|分享至)[:：].*$")
_FURNITURE_BLOCK = re.compile(r"^(?:#+ )?(?:您?当前(?:所在)?的?位置|您现在的位置|您的位置|您所在的?位置)[:：]"
                              r"|版权所有|ICP备|网站标识码|网站地图|支持\s*[Ii][Pp][Vv]6"
                              r"|^(?:#+ )?(?:搜索热词|热门搜索|热搜词|热词)[:：]"
                              r"|^(?:扫一扫|手机扫一扫|扫描二维码)[，,]?在手机[上中]?(?:打开|浏览|阅读|查看)(?:当前|本)页(?:面)?$")
# "发布时间：2024-03-15 来源：市人社局": labelled fields on one line, each on its own (ingest/structure.py reads them).
_NEXT_FIELD = re.compile(r"\s+(?=(?:来源|信息来源|发布机构|作者)[:：])")
# A page title is "the document's name_the site's name" (or "… - site", "…|site").
_SCRIPT_LINK = re.compile(r"^\s*javascript:", re.I)
# A page laid out with a table puts the whole notice in one cell: a row whose cells hold blocks of
# their own is layout, each cell read as a part of the page, not as one line of a table.
_LAYOUT_CELL = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section")
# "文    号：厦府〔2015〕36号", "发布机构：…": a cell that is one labelled field of the page's info table.
_FIELD_CELL = re.compile(r"^([^：:]{1,12})[：:]\s*")
# A short block that is nothing but links ("返回首页>>", "上一篇 下一篇") is navigation.
_NAV_MAX = 30
_NOT_WORDS = re.compile(r"[^\w]+")  # what is left of a block's text without its links: only marks (">>", "|")?
# A page <title> that is a site's name, not a document's.
_SITE_NAME = re.compile(r"(?:网站|门户网|政府网|官网|官方网站)$")
_TITLE_PARTS = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
_TITLE_END = re.compile(rf"(?:{_TITLE_PARTS.pattern})$")


def _without_furniture(block: str) -> str:
    if len(block) <= 200 and _FURNITURE_BLOCK.search(block):
        return ""
    return _NEXT_FIELD.sub("\n", _FURNITURE.sub("", block)).strip()


def _field(cell: str) -> str:
    """ "文    号： 厦府〔2015〕36号" as a field line: "文号：厦府〔2015〕36号"."""
    m = _FIELD_CELL.match(cell)
    return "".join(m.group(1).split()) + "：" + cell[m.end():]


def page_title(title: str, headline: str = "") -> str:
    """The document's name out of a page title, the site's name dropped: the page's own
    first heading when the rest of the title is only a site name after a separator (a
    name may itself contain " - "), else the title's longest part."""
    if not title:
        return ""
    if headline and headline in title:
        before, _, after = title.partition(headline)
        if (not after or _TITLE_PARTS.match(after)) and (not before or _TITLE_END.search(before)):
            return headline
    return max(_TITLE_PARTS.split(title), key=len).strip()


def _html_blocks(root) -> list[str]:
    from bs4.element import NavigableString, PreformattedString

    blocks: list[str] = []
    inline: list[str] = []
    linked: list[bool] = []  # per piece of ``inline``: whether it is a link's text

    def squash(text: str) -> str:
        return " ".join(text.split())

    def flush() -> None:
        text = squash("".join(inline))
        outside = _NOT_WORDS.sub("", "".join(t for t, link in zip(inline, linked) if not link))
        inline.clear()
        linked.clear()
        if text and (outside or len(text) > _NAV_MAX):
            blocks.append(text)

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, PreformattedString):  # comments, doctype, CDATA
                    inline.append(str(child))
                    linked.append(child.find_parent("a") is not None)
            elif child.name in _HTML_HEADINGS:
                flush()
                if text := squash(child.get_text(" ")):
                    blocks.append("#" * _HTML_HEADINGS[child.name] + " " + text)
            elif child.name == "title":
                continue  # reported as the title, not body text
            elif child.name == "tr":
                flush()
                row = child.find_all(["td", "th"], recursive=False)
                if any(cell.find(_LAYOUT_CELL) for cell in row):
                    for cell in row:
                        walk(cell)
                        flush()
                    continue
                cells = [squash(c.get_text(" ")) for c in row]
                if cells and all(_FIELD_CELL.match(c) for c in cells if c):
                    blocks.append("\n".join(_field(c) for c in cells if c))
                elif any(cells):
                    blocks.append(" | ".join(cells))
            elif child.name in _HTML_BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return blocks


_LOADERS = {
    ".txt": ("txt", "text file", _load_txt),
    ".md": ("md", "text file", _load_md),
    ".markdown": ("md", "text file", _load_md),
    ".pdf": ("pdf", "PDF", _load_pdf),
    ".docx": ("docx", "DOCX", _load_docx),
    ".xlsx": ("xlsx", "XLSX", _load_xlsx),
    ".html": ("html", "HTML", _load_html),
    ".htm": ("html", "HTML", _load_html),
}
