"""Every loader on real files made here: text in UTF-8/GBK/GB18030, PDF, DOCX, HTML, and broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import DocumentError
from ingest.loaders import load_document

POLICY = "青年人才驿站提供免费住宿、岗位推荐、政策咨询等服务。"


def test_utf8_text_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text(f"人才政策问答\n\n{POLICY}\n", encoding="utf-8")
    bom = tmp_path / "b.txt"
    bom.write_bytes("\ufeff".encode("utf-8") + f"# 驿站指南\n\n{POLICY}".encode("utf-8"))
    a, b = load_document(plain), load_document(bom)
    assert a.title == "人才政策问答" and POLICY in a.text and a.doc_type == "txt"
    assert b.title == "驿站指南" and not b.text.startswith("\ufeff")


def test_gbk_text(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(f"姜堰区人才公寓申请指南\r\n\r\n{POLICY}\r\n".encode("gbk"))
    doc = load_document(path)
    assert doc.title == "姜堰区人才公寓申请指南"
    assert POLICY in doc.text and "\r" not in doc.text


def test_gb18030_markdown_with_headings(tmp_path):
    path = tmp_path / "guide.md"
    path.write_bytes(f"# 见习指南\n\n## 申请条件\n\n{POLICY}\n".encode("gb18030"))
    doc = load_document(path)
    assert doc.doc_type == "md" and doc.title == "见习指南"
    assert "## 申请条件" in doc.text


@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", bytes(range(256)) * 4, "cannot decode"),
    ("empty.txt", b"", "empty"),
    ("table.xls", b"whatever", "unsupported file type .xls"),
    ("broken.docx", b"PK\x03\x04 this is not a zip", "DOCX"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated", "PDF"),
])
def test_broken_files_raise_document_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=reason) as err:
        load_document(path)
    assert err.value.path == str(path)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(POLICY * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="too large"):
        load_document(path, max_bytes=1024)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="cannot read"):
        load_document(tmp_path / "gone.txt")


def _pdf(path: Path, pages: list[str], title: str = "") -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # built into reportlab: no font file
    c = canvas.Canvas(str(path))
    if title:
        c.setTitle(title)
    for text in pages:
        c.setFont("STSong-Light", 12)
        c.drawString(72, 750, text)
        c.showPage()
    c.save()


def test_pdf_with_chinese_text(tmp_path):
    path = tmp_path / "policy.pdf"
    _pdf(path, [POLICY, "新建人才公寓424套。"], title="人才政策汇编")
    doc = load_document(path)
    assert doc.doc_type == "pdf" and doc.title == "人才政策汇编"
    assert POLICY in doc.text and "新建人才公寓424套。" in doc.text
    assert "\n\n" in doc.text  # pages stay separate paragraphs


def test_pdf_without_text_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)  # an "image", no text
    c.showPage()
    c.save()
    with pytest.raises(DocumentError, match="no extractable text"):
        load_document(path)


def test_truncated_real_pdf_is_refused(tmp_path):
    good = tmp_path / "good.pdf"
    _pdf(good, [POLICY])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:200])
    with pytest.raises(DocumentError):
        load_document(cut)


def test_docx_headings_title_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("青年人才驿站入住指南", level=0)  # the Title style
    d.add_heading("一、服务内容", level=1)
    d.add_paragraph(POLICY)
    d.add_heading("入住须知", level=2)
    d.add_paragraph("凭身份证入住。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "说明"
    table.cell(1, 0).text, table.cell(1, 1).text = "免费住宿", "最长7晚"
    path = tmp_path / "guide.docx"
    d.save(path)
    doc = load_document(path)
    assert doc.doc_type == "docx" and doc.title == "青年人才驿站入住指南"
    lines = doc.text.split("\n\n")
    assert "# 青年人才驿站入住指南" in lines and "# 一、服务内容" in lines and "## 入住须知" in lines
    assert POLICY in lines and "免费住宿 | 最长7晚" in lines


def test_html_with_declared_gbk_charset(tmp_path):
    html = (f'<html><head><meta charset="gbk"><title>人才公寓政策</title><style>.x{{color:red}}</style>'
            f'<script>var secret = "不要出现";</script></head><body><nav>首页 | 导航</nav>'
            f"<h1>人才公寓</h1><p>{POLICY}</p><h2>申请</h2><ul><li>提交材料</li><li>等待审核</li></ul>"
            f"<footer>版权所有</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("gbk"))
    doc = load_document(path)
    assert doc.doc_type == "html" and doc.title == "人才公寓政策"
    assert "# 人才公寓" in doc.text and "## 申请" in doc.text and POLICY in doc.text
    assert "提交材料" in doc.text
    for hidden in ("不要出现", "color:red", "导航", "版权所有"):
        assert hidden not in doc.text


def test_pdf_document_goes_through_the_pipeline(tmp_path, shipped_kb):
    """A PDF among the documents is chunked, indexed and answered from."""
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase
    from tests.conftest import settings_for

    docs = tmp_path / "docs"
    docs.mkdir()
    _pdf(docs / "见习补贴办法.pdf", ["见习期间每月发放见习补贴2000元。", "见习期限最长12个月。"])
    kb = KnowledgeBase(settings_for(tmp_path / "index"))
    kb.__dict__["embedder"] = shipped_kb.embedder
    report = build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    assert report.added == ["见习补贴办法.pdf"]
    answer = kb.answer("见习补贴每月多少钱")
    assert answer.found and "2000元" in answer.text
    assert answer.sources[0]["title"] == "见习补贴办法"
