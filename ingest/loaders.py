"""Read a document file into plain text with markdown-style headings.

One loader per type, all behind ``load_document``. Every failure (unknown
type, bad encoding, corrupt PDF/DOCX) becomes a ``DocumentError`` with a
short reason, so the ingest run can skip that file, say why, and go on.
Government documents are often GBK/GB18030 text, so text files fall back to
GB18030 (a superset of GBK and GB2312) when they are not UTF-8.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import DocumentError

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"})
_TITLE_MAX = 60


@dataclass(frozen=True)
class LoadedDocument:
    title: str
    text: str       # paragraphs separated by blank lines, headings as "# " lines
    doc_type: str   # txt | md | pdf | docx | html


def decode_text(data: bytes, declared: str | None = None) -> str:
    """UTF-8 (BOM or not), then a declared charset, then GB18030."""
    candidates = ["utf-8-sig"] + ([declared] if declared else []) + ["gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" not in text:
            return text
    raise ValueError("cannot decode text (tried " + ", ".join(dict.fromkeys(candidates)) + ")")


def _first_heading_or_line(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= _TITLE_MAX else ""
    return ""


def _load_text(data: bytes, suffix: str) -> tuple[str, str]:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    return _first_heading_or_line(text), text


def _load_pdf(data: bytes) -> tuple[str, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:
            raise ValueError("PDF is encrypted") from None
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise ValueError("PDF has no extractable text (scanned image?)")
    meta_title = ""
    try:
        meta_title = (reader.metadata.title or "").strip() if reader.metadata else ""
    except Exception:
        meta_title = ""
    return meta_title or _first_heading_or_line(text), text


def _load_docx(data: bytes) -> tuple[str, str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    blocks: list[str] = []
    title = ""
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        level = _heading_level(style)
        if style == "Title":
            title = title or text
            blocks.append(f"# {text}")
        elif level:
            if level == 1 and not title:
                title = text
            blocks.append("#" * level + " " + text)
        else:
            blocks.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                blocks.append(" | ".join(cells))
    return title, "\n\n".join(blocks)


def _heading_level(style: str) -> int:
    m = re.match(r"^(?:Heading|标题)\s*(\d)$", style.strip())
    return min(int(m.group(1)), 6) if m else 0


def _load_html(data: bytes) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    head = data[:4096].decode("ascii", errors="ignore")
    m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", head, re.I)
    soup = BeautifulSoup(decode_text(data, m.group(1) if m else None), "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "template"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    blocks: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "pre", "blockquote"]):
        if el.find_parent(["p", "li", "td", "pre", "blockquote"]):
            continue  # nested: its text is part of the outer block
        text = " ".join(el.get_text(" ", strip=True).split())
        if not text:
            continue
        if el.name[0] == "h" and el.name[1:].isdigit():
            blocks.append("#" * int(el.name[1]) + " " + text)
            if el.name == "h1" and not title:
                title = text
        else:
            blocks.append(text)
    if not blocks and soup.body:
        blocks = [t for t in (ln.strip() for ln in soup.body.get_text("\n").splitlines()) if t]
    return title, "\n\n".join(blocks)


_LOADERS = {
    ".txt": ("txt", lambda d: _load_text(d, ".txt")),
    ".md": ("md", lambda d: _load_text(d, ".md")),
    ".markdown": ("md", lambda d: _load_text(d, ".md")),
    ".pdf": ("pdf", _load_pdf),
    ".docx": ("docx", _load_docx),
    ".html": ("html", _load_html),
    ".htm": ("html", _load_html),
}


def load_document(path: Path, max_bytes: int | None = None) -> LoadedDocument:
    """Load one file; raises DocumentError with a short reason on any failure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _LOADERS:
        raise DocumentError(str(path), f"unsupported file type {suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    if max_bytes is not None and size > max_bytes:
        raise DocumentError(str(path), f"file too large ({size / 1048576:.1f} MB > {max_bytes / 1048576:.0f} MB)")
    if size == 0:
        raise DocumentError(str(path), "file is empty")
    doc_type, loader = _LOADERS[suffix]
    try:
        title, text = loader(path.read_bytes())
    except DocumentError:
        raise
    except ValueError as exc:
        raise DocumentError(str(path), str(exc)) from None
    except Exception as exc:  # corrupt files make parsers raise anything
        raise DocumentError(str(path), f"not a valid {doc_type.upper()} file: {type(exc).__name__}: {exc}"[:200]) from None
    if not text.strip():
        raise DocumentError(str(path), "no text found")
    return LoadedDocument(title=title.strip() or path.stem, text=text, doc_type=doc_type)
