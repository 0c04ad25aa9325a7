"""Every loader on real files made here: text in UTF-8/GBK/GB18030, PDF, DOCX, HTML, and broken ones."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from core.errors import DocumentError
from ingest.loaders import SUPPORTED_SUFFIXES, LoadedDocument, load_document

POLICY = "青年人才驿站提供免费住宿、岗位推荐、政策咨询等服务。"


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".markdown", ".pdf", ".docx", ".xlsx", ".html", ".htm"}


# --- text ---------------------------------------------------------------------

def test_utf8_text_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text(f"人才政策问答\n\n{POLICY}\n", encoding="utf-8")
    bom = tmp_path / "b.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + f"前言\n\n# 驿站指南\n\n{POLICY}".encode("utf-8"))
    assert load_document(plain) == LoadedDocument("人才政策问答", f"人才政策问答\n\n{POLICY}\n", "txt")
    b = load_document(bom)
    assert b.title == "驿站指南"  # a '# ' heading beats the first line
    assert b.text == f"前言\n\n# 驿站指南\n\n{POLICY}"  # BOM gone


def test_txt_title_falls_back_to_stem_when_first_line_is_a_sentence(tmp_path):
    path = tmp_path / "驿站说明.txt"
    path.write_text(POLICY * 3 + "\n", encoding="utf-8")  # > 60 characters
    assert load_document(path).title == "驿站说明"


def test_gbk_text_comes_back_exactly(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(f"姜堰区人才公寓申请指南\r\n\r\n{POLICY}\r\n朱镕基\r".encode("gbk"))
    doc = load_document(path)
    assert doc.title == "姜堰区人才公寓申请指南"
    assert doc.text == f"姜堰区人才公寓申请指南\n\n{POLICY}\n朱镕基\n"


def test_gb18030_markdown_with_headings(tmp_path):
    body = f"# 见习指南\n\n## 申请条件\n\n{POLICY}㐀𠀀\n"  # the last two exist only in GB18030, not GBK
    path = tmp_path / "guide.md"
    path.write_bytes(body.encode("gb18030"))
    assert load_document(path) == LoadedDocument("见习指南", body, "md")


def test_markdown_without_heading_is_titled_by_stem(tmp_path):
    path = tmp_path / "notes.markdown"
    path.write_text(f"短标题\n\n{POLICY}", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "notes" and doc.doc_type == "md"


# --- failures -----------------------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", bytes(range(256)) * 4, "cannot decode text (tried utf-8, gb18030)"),
    # Not UTF-8 but valid GB18030 byte pairs: only the control characters give it away.
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 20, "cannot decode text (tried utf-8, gb18030)"),
    ("nul.md", b"abc\x00def" * 50, "cannot decode text (tried utf-8, gb18030)"),
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b" \n\r\n\t\n", "no text found"),
    ("table.xls", b"whatever", "old Office format .xls: save it as .xlsx"),
    ("notice.doc", b"whatever", "old Office format .doc: save it as .docx"),
    ("notice.wps", b"whatever", "old Office format .wps: save it as .docx"),
    ("scan.jpg", b"whatever", "unsupported file type .jpg"),
    ("random.xlsx", random.Random(3).randbytes(4096), "not a valid XLSX (not a ZIP package; an old .xls renamed?)"),
    ("README", b"whatever", "unsupported file type (none)"),
    ("random.docx", random.Random(1).randbytes(4096), "not a valid DOCX (not a ZIP package; an old .doc renamed?)"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated", "not a valid PDF: "),
    ("noise.pdf", random.Random(2).randbytes(4096), "not a valid PDF: "),
])
def test_broken_files_raise_document_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert err.value.path == str(path)
    assert err.value.reason.startswith(reason), err.value.reason


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not word")
    with pytest.raises(DocumentError, match="not a valid DOCX: "):
        load_document(path)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(int(25.1 * 1024 * 1024))  # sparse: no 25 MB written to disk

    def no_reading(self):
        raise AssertionError("read the file before checking its size")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(DocumentError) as err:
        load_document(path, max_bytes=20 * 1024 * 1024)
    assert err.value.reason == "file too large (25.1 MB > 20 MB)"


def test_small_limit_reports_kilobytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(POLICY * 100, encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_document(path, max_bytes=1024)
    assert err.value.reason == "file too large (7.6 KB > 1 KB)"
    assert load_document(path, max_bytes=path.stat().st_size).text == POLICY * 100  # the limit itself is allowed


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="cannot read file"):
        load_document(tmp_path / "gone.txt")


# --- PDF ----------------------------------------------------------------------

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
    assert doc == LoadedDocument("人才政策汇编", f"{POLICY}\n\n新建人才公寓424套。", "pdf")


def test_pdf_page_numbers_and_running_headers_are_not_text(tmp_path):
    """A government PDF repeats its header on every page and numbers the pages ("— 2 —"); a
    sentence running over a page end must read as one sentence after cleaning."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from ingest.cleaning import clean_text

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pages = [["某区人力资源和社会保障局文件", "关于就业见习补贴的通知",
              "第一条 见习单位按当地最低工资标准的60%给予见习补贴，见习期满留用率达到50%以上的，补贴"],
             ["某区人力资源和社会保障局文件", "标准提高到70%。", "第二条 见习期限为3至12个月。"],
             ["某区人力资源和社会保障局文件", "第三条 本通知自发布之日起施行。"]]
    path = tmp_path / "notice.pdf"
    c = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, 1):
        c.setFont("STSong-Light", 11)
        for row, line in enumerate(lines):
            c.drawString(60, 780 - 24 * row, line)
        c.drawString(280, 40, f"— {number} —")
        c.showPage()
    c.save()
    text = clean_text(load_document(path).text)
    assert "— 2 —" not in text and text.count("某区人力资源和社会保障局文件") == 0
    assert "留用率达到50%以上的，补贴标准提高到70%。" in text
    assert "第二条 见习期限为3至12个月。" in text.split("\n")


@pytest.mark.parametrize("meta, expected", [
    ("", "见习补贴办法"),                                  # no metadata: first line
    ("Microsoft Word - 人才新政.docx", "人才新政"),         # Word export noise removed
    ("untitled", "见习补贴办法"),
])
def test_pdf_title_fallbacks(tmp_path, meta, expected):
    path = tmp_path / "x.pdf"
    _pdf(path, ["见习补贴办法", POLICY], title=meta)
    assert load_document(path).title == expected


def test_pdf_without_text_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)  # an "image", no text
    c.showPage()
    c.save()
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert err.value.reason == "PDF has no extractable text (scanned image?)"


@pytest.mark.parametrize("keep", [200, 0.5, 0.97])
def test_truncated_real_pdf_is_refused(tmp_path, keep):
    good = tmp_path / "good.pdf"
    _pdf(good, [POLICY])
    data = good.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:keep if isinstance(keep, int) else int(len(data) * keep)])
    with pytest.raises(DocumentError) as err:
        load_document(cut)
    assert err.value.reason.startswith("not a valid PDF: ")


def _encrypted(tmp_path: Path, user: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    _pdf(plain, [POLICY])
    writer = PdfWriter()
    writer.append(PdfReader(plain))
    writer.encrypt(user, "owner-secret", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    return path


def test_pdf_with_password_is_refused(tmp_path):
    with pytest.raises(DocumentError) as err:
        load_document(_encrypted(tmp_path, user="secret"))
    assert err.value.reason == "PDF is encrypted (password required)"


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    assert load_document(_encrypted(tmp_path, user="")).text == POLICY


# --- DOCX ---------------------------------------------------------------------

def test_docx_headings_title_and_tables_in_order(tmp_path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.add_heading("一、服务内容", level=1)  # a Heading 1 before the Title must not become the title
    d.add_heading("青年人才驿站入住指南", level=0)  # the Title style
    d.add_paragraph(POLICY)
    d.add_heading("入住须知", level=2)
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "说明"
    table.cell(1, 0).text, table.cell(1, 1).text = "免费住宿", "最长7晚"
    table.cell(2, 0).merge(table.cell(2, 1)).text = "凭身份证入住"
    d.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)  # how a Chinese Word names Heading 3
    d.add_paragraph("联系方式", style="标题 3")
    d.add_paragraph("电话：0523-88888888")
    path = tmp_path / "guide.docx"
    d.save(path)
    doc = load_document(path)
    assert doc.doc_type == "docx" and doc.title == "青年人才驿站入住指南"
    assert doc.text.split("\n\n") == [
        "# 一、服务内容", "# 青年人才驿站入住指南", POLICY, "## 入住须知",
        "项目 | 说明", "免费住宿 | 最长7晚", "凭身份证入住",  # merged cell once, table under its heading
        "### 联系方式", "电话：0523-88888888",
    ]


def test_docx_without_title_uses_first_heading_1(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("内部资料")
    d.add_heading("人才公寓管理办法", level=1)
    d.add_heading("第二章", level=1)
    path = tmp_path / "x.docx"
    d.save(path)
    assert load_document(path).title == "人才公寓管理办法"


# --- HTML ---------------------------------------------------------------------

def _load_page(tmp_path: Path, name: str, html: str, encoding: str) -> LoadedDocument:
    """``html`` saved under ``name`` in ``encoding``, loaded as ingest loads it."""
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return load_document(path)


def test_html_with_declared_gbk_charset(tmp_path):
    html = (f'<html><head><meta charset="gbk"><title>人才公寓政策</title><style>.x{{color:red}}</style>'
            f'<script>var secret = "不要出现";</script></head><body><nav>首页 | 导航</nav>'
            f"<h1>人才公寓</h1><p>{POLICY}</p><h2>申请</h2><ul><li>提交材料</li><li>等待审核</li></ul>"
            f"<footer>版权所有</footer></body></html>")
    doc = _load_page(tmp_path, "page.html", html, "gbk")
    assert doc == LoadedDocument("人才公寓政策", f"# 人才公寓\n\n{POLICY}\n\n## 申请\n\n提交材料\n\n等待审核", "html")
    for hidden in ("不要出现", "color:red", "导航", "版权所有"):
        assert hidden not in doc.text


def test_html_cms_page_with_divs_spans_and_tables(tmp_path):
    # gb2312 is declared, but 镕 is only in GBK/GB18030: real pages do this.
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
            "<header><h1>网站名称</h1></header><article><header><h1>朱镕基同志题词</h1></header>"
            "<div class=TRS_Editor><span>青年</span><span>人才</span>驿站<!-- 注释 --><br>第二段"
            "<table><tr><th>项目</th><th>标准</th></tr><tr><td>住宿</td><td>7晚</td></tr></table>"
            "<div>第三段</div><div>第四段</div></div></article></body></html>")
    doc = _load_page(tmp_path, "page.htm", html, "gb18030")
    assert doc.title == "朱镕基同志题词"  # no <title>: the first <h1> left
    assert doc.text.split("\n\n") == ["# 朱镕基同志题词", "青年人才驿站", "第二段", "项目 | 标准", "住宿 | 7晚",
                                      "第三段", "第四段"]


def test_a_government_cms_page_keeps_the_notice_and_drops_the_page_around_it(tmp_path):
    """The page title's site name, breadcrumbs, print/close buttons, view counters, share bar
    and footer (all in plain <div>s) are not the document; its date and source are fields."""
    html = ('<html><head><meta charset="utf-8"><title>关于做好就业见习工作的通知_某市人力资源和社会保障局</title></head>'
            '<body><div class="top">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div><div class="article">'
            "<h1>关于做好就业见习工作的通知</h1>"
            "<div>发布时间：2024-03-15 来源：市人社局 浏览次数：1234 【字体：大 中 小】 【打印】 【关闭】</div>"
            "<p>二、见习期限。见习期限为3至12个月。</p><div>分享到：微信 微博 QQ空间</div></div>"
            "<div>主办单位：某市人力资源和社会保障局 版权所有 苏ICP备12345678号 网站地图</div></body></html>")
    doc = _load_page(tmp_path, "notice.html", html, "utf-8")
    assert doc.title == "关于做好就业见习工作的通知"
    assert doc.text.split("\n\n") == ["# 关于做好就业见习工作的通知", "发布时间：2024-03-15\n来源：市人社局",
                                      "二、见习期限。见习期限为3至12个月。"]


def test_a_page_title_keeps_a_name_that_itself_contains_a_dash(tmp_path):
    """"A - B的通知_site": the page's own heading says where the name ends; without one the
    title's longest part is the name."""
    html = ('<html><head><meta charset="utf-8"><title>关于“人才 - 企业”对接活动的通知 - 某区人社局</title></head>'
            "<body><h1>关于“人才 - 企业”对接活动的通知</h1><p>活动定于5月举行。</p></body></html>")
    assert _load_page(tmp_path, "a.html", html, "utf-8").title == "关于“人才 - 企业”对接活动的通知"
    html = ('<html><head><meta charset="utf-8"><title>关于开展人才对接活动的通知 - 某区人社局</title></head>'
            "<body><p>活动定于5月举行。</p></body></html>")
    assert _load_page(tmp_path, "b.html", html, "utf-8").title == "关于开展人才对接活动的通知"


# A government disclosure page (政府信息公开) as a browser saves it: laid out with tables, the
# notice in one cell, an info table with spaced labels, script buttons and a link-only "back" bar.
# Shortened from www.xm.gov.cn's 厦府〔2015〕36号 page as mirrored in github.com/geek-plus/mirror-CN
# (local-policy/0-各城市政策-原始文件/厦门/厦门市人民政府关于调整我市投靠入户政策的通知2015.htm
# @ 1087baaec20df7ebbeef548f9699c6b01c386477); markup and wording as there, fewer items.
DISCLOSURE_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    "<title>政府信息公开_厦门市人民政府关于调整我市投靠入户政策的通知</title>"
    '<script language="javascript" src="../images/javascript.js"></script></head>'
    "<script>function show() { document.getElementById('hf').style.display = ''; }</script><body>"
    '<table width="1000"><tr><td><div class="xxgk_t1"><a href="/" target="_blank">返回首页>></a></div></td></tr></table>'
    '<table width="1000"><tr><td width="29"><img src="../images/icon1.jpg" /></td>'
    '<td width="971">当前位置：<a href="../../../../">首页</a>&nbsp;&gt;&nbsp;<a href="../../../">信息公开</a>'
    '&nbsp;&gt;&nbsp;<a href="../">市府文件</a></td></tr></table>'
    '<table width="920"><tr><td class="bor1"><table width="814" class="h30 tgray2">'
    "<tr><td><strong>索 引 号：</strong> XM00100-02-02-2015-008 </td><td> <strong>文    号：</strong>厦府〔2015〕36号</td></tr>"
    "<tr><td><strong>发布机构：</strong>厦门市人民政府</td><td><strong>发文日期：</strong>20150213</td></tr>"
    "</table></td></tr></table>"
    '<table width="920"><tr><td class="bor1"><table width="814" class="t14">'
    '<tr><td class="tred1 f_yahei t20">厦门市人民政府关于调整我市投靠入户政策的通知</td></tr>'
    '<tr><td class="bor2">时间：2015-02-13 [ <a href="javascript:fontZoomC();">大</a> <a href="javascript:fontZoomB();">中</a>'
    ' <a href="javascript:fontZoomA();">小</a> ] 浏览次数： <script src="http://202.101.105.172:8080/hits/dochits.jsp?docid=1045743">'
    "</script> </td></tr>"
    '<tr><td id="fontzoom"><div id="printdiv"><P>各区人民政府，市直各委、办、局，各大企业，各高等院校：</P>'
    "<P>　　为进一步推进我市户籍制度改革，规范户籍管理，现就调整我市投靠入户政策通知如下：</P>"
    "<P>　　一、取消下列投靠政策</P>"
    "<P>　　㈠取消成年子女投靠父母落户政策。</P>"
    "<P>　　㈡取消儿媳投靠公婆、女婿投靠岳父母落户政策。</P>"
    "<P>　　二、限制下列投靠政策</P>"
    "<P>　　㈠夫妻投靠增加结婚和来厦落户年限要求。夫妻投靠，将户口迁入思明区、湖里区的，需被投靠人登记为本市户籍人口时间"
    "及夫妻结婚登记时间均满五周年；将户口迁入集美区、海沧区、同安区、翔安区的，需被投靠人登记为本市户籍人口时间及夫妻结婚登记时间均满三周年。</P>"
    "<P>　　本通知自3月1日起执行。</P>"
    "<P>　　　　　　　　　　　　厦门市人民政府</P><P>　　　　　　　　　　　　2015年2月13日</P></div></td></tr>"
    "<tr><td align=\"right\">[<a href=\"javascript:window.external.addFavorite('http://www.xm.gov.cn/');\">收藏</a>]  "
    '[<a href="javascript:printit();">打印</a>]  [<a href="javascript:window.close();">关闭</a>] </td></tr>'
    "</table></td></tr></table></body></html><!-- PHPStat Start --><!-- /PHPStat End -->")


def test_a_page_laid_out_with_tables_keeps_its_paragraphs_and_fields(tmp_path):
    """A row whose cells hold paragraphs is layout: each paragraph stays a line (joined into one
    table cell, the notice's items ran together). A row of "label：value" cells is the page's
    info table: one field per line, the label's typographic spaces gone. Script buttons (font
    size, print, close) and a block of nothing but links ("返回首页>>") are not the document."""
    doc = _load_page(tmp_path, "page.htm", DISCLOSURE_PAGE, "gb18030")
    lines = doc.text.split("\n")
    assert doc.title == "厦门市人民政府关于调整我市投靠入户政策的通知"
    assert "文号：厦府〔2015〕36号" in lines and "发文日期：20150213" in lines and "索引号：XM00100-02-02-2015-008" in lines
    assert "一、取消下列投靠政策" in lines and "㈡取消儿媳投靠公婆、女婿投靠岳父母落户政策。" in lines
    assert "时间：2015-02-13" in lines
    for furniture in ("返回首页", "当前位置", "收藏", "打印", "关闭", "大 中 小", "[", "浏览次数", "|"):
        assert furniture not in doc.text, furniture


def test_a_data_table_in_a_page_stays_a_table(tmp_path):
    """Cells of text (no paragraphs inside) are a table's row, read across as one line."""
    html = ('<html><head><meta charset="utf-8"></head><body><p>补贴标准如下：</p><table>'
            "<tr><td>学历</td><td>每月补贴</td></tr><tr><td>硕士</td><td>1200元</td></tr></table></body></html>")
    assert _load_page(tmp_path, "t.html", html, "utf-8").text.split("\n\n")[1:] == ["学历 | 每月补贴", "硕士 | 1200元"]


def test_html_without_charset_falls_back_to_gb18030(tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes(f"<html><title>旧页面</title><body><p>{POLICY}</p></body></html>".encode("gbk"))
    assert load_document(path) == LoadedDocument("旧页面", POLICY, "html")


# --- through the pipeline -----------------------------------------------------

def test_pdf_document_goes_through_the_pipeline(tmp_path, shipped_kb):
    """A PDF among the documents is chunked, indexed and answered from."""
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase
    from tests.conftest import settings_for

    docs = tmp_path / "docs"
    docs.mkdir()
    _pdf(docs / "见习补贴办法.pdf", ["见习期间每月发放见习补贴2000元。", "见习期限最长12个月。"])
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    report = build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    assert report.added == ["见习补贴办法.pdf"]
    answer = kb.answer("见习补贴每月多少钱")
    assert answer.found and "2000元" in answer.text
    assert answer.sources[0]["title"] == "见习补贴办法"


# --- spreadsheets ---------------------------------------------------------------

def _subsidy_workbook(path: Path) -> None:
    """A table of amounts as offices keep them: a title merged across the columns, units in the
    headers, a group merged down, a note between the rows, a second sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "补贴标准"
    sheet.append(["2024年青年人才安居补贴标准"])
    sheet.merge_cells("A1:D1")
    sheet.append(["学历", "租房补贴（元/月）", "购房补贴（万元）", "发放期限"])
    sheet.append(["博士研究生", 2000, 20.0, "3年"])
    sheet.append(["硕士研究生", 1200, 10, None])
    sheet.merge_cells("D3:D4")
    sheet.append(["注：租房补贴按季度发放"])
    sheet.append(["本科", 800, 5, "2年"])
    contacts = book.create_sheet("联系方式")
    contacts.append(["单位", "电话"])
    contacts.append(["区人才服务中心", "0523-88888888"])
    book.save(path)


def test_xlsx_sheets_become_tables_whose_rows_carry_header_and_unit(tmp_path):
    from ingest.cleaning import clean_text
    from ingest.structure import coverage, parse

    path = tmp_path / "安居补贴标准.xlsx"
    _subsidy_workbook(path)
    doc = load_document(path)
    assert doc.doc_type == "xlsx" and doc.title == "2024年青年人才安居补贴标准"
    structure = parse(clean_text(doc.text))
    rows = [b.text for b in structure.blocks if b.kind == "row"]
    assert rows == ["学历：博士研究生；租房补贴：2000元/月；购房补贴：20万元；发放期限：3年。",
                    "学历：硕士研究生；租房补贴：1200元/月；购房补贴：10万元；发放期限：3年。",  # merged down
                    "学历：本科；租房补贴：800元/月；购房补贴：5万元；发放期限：2年。",  # header again after the note
                    "单位：区人才服务中心；电话：0523-88888888。"]
    assert [b.text for b in structure.blocks if b.kind == "heading"] == ["补贴标准", "2024年青年人才安居补贴标准", "联系方式"]
    assert "注：租房补贴按季度发放" in [b.text for b in structure.blocks if b.kind == "para"]
    assert coverage(clean_text(doc.text), structure, rows + ["注：租房补贴按季度发放"]).ratio == 1.0


def test_a_sheet_of_one_column_is_a_title_and_its_lines(tmp_path):
    """A list kept one item a row (申请材料) is text under the sheet's title, not a heading per row
    (a heading with nothing under it answers nothing); so is a note between the title and the table."""
    import openpyxl

    book = openpyxl.Workbook()
    for line in ["青年人才驿站入住申请材料", "身份证原件及复印件", "毕业证书复印件", "劳动合同或录用通知"]:
        book.active.append([line])
    book.save(tmp_path / "材料.xlsx")
    book = openpyxl.Workbook()
    for row in [["2024年安居补贴标准"], ["单位：元"], ["学历", "租房补贴"], ["本科", 800]]:
        book.active.append(row)
    book.save(tmp_path / "标准.xlsx")
    assert load_document(tmp_path / "材料.xlsx").text.split("\n\n") == [
        "# 青年人才驿站入住申请材料", "身份证原件及复印件", "毕业证书复印件", "劳动合同或录用通知"]
    assert load_document(tmp_path / "标准.xlsx").text.split("\n\n") == [
        "# 2024年安居补贴标准", "单位：元", "| 学历 | 租房补贴 |", "| 本科 | 800 |"]


def test_xlsx_numbers_read_as_the_sheet_shows_them(tmp_path):
    """A share is stored as a fraction and shown by its format: 0.6 under "0%" is 60%, which is
    what the policy text says of 补贴比例; a formula's float 880.0000000000001 is 880."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["学历", "补贴比例", "月补贴（元）"])
    sheet.append(["博士", 0.6, 880.0000000000001])
    sheet.append(["硕士", 0.125, 1234.5600000000002])
    sheet["B2"].number_format, sheet["B3"].number_format = "0%", "0.0%"
    book.save(tmp_path / "比例.xlsx")
    assert load_document(tmp_path / "比例.xlsx").text.split("\n\n")[1:] == [
        "| 博士 | 60% | 880 |", "| 硕士 | 12.5% | 1234.56 |"]


def test_empty_sheets_are_no_sheets(tmp_path):
    """An Excel 2007 workbook comes with Sheet2 and Sheet3; left empty, they do not make Sheet1's
    name a heading over the table (nor its title a heading under it)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    for row in [["2024年安居补贴标准"], ["学历", "租房补贴"], ["本科", 800]]:
        book.active.append(row)
    book.create_sheet("Sheet2"), book.create_sheet("Sheet3")
    book.save(tmp_path / "标准.xlsx")
    assert load_document(tmp_path / "标准.xlsx").text.split("\n\n") == [
        "# 2024年安居补贴标准", "| 学历 | 租房补贴 |", "| 本科 | 800 |"]


def test_a_stray_cell_far_away_costs_nothing(tmp_path):
    """A space typed in the sheet's last cell (XFD1048576) once made the loader walk, and create,
    every cell up to it; only the cells the file holds are read now."""
    import signal

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["学历", "租房补贴"])
    book.active.append(["本科", 800])
    book.active["XFD1048576"] = " "
    book.save(tmp_path / "补贴.xlsx")

    def too_long(*_):
        raise TimeoutError("the loader walks the empty cells")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(3)
    try:
        assert load_document(tmp_path / "补贴.xlsx").text == "| 学历 | 租房补贴 |\n\n| 本科 | 800 |"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_xlsx_goes_through_the_pipeline_and_answers_by_row(tmp_path, shipped_kb):
    """"本科生租房补贴每月多少" is the 本科 row's rent, not another degree's, nor the purchase subsidy."""
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase
    from tests.conftest import settings_for

    docs = tmp_path / "docs"
    docs.mkdir()
    _subsidy_workbook(docs / "安居补贴标准.xlsx")
    (docs / "旧通知.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (docs / ".versions").mkdir()  # the console's kept versions: never documents of their own
    _subsidy_workbook(docs / ".versions" / "20261201-安居补贴标准.xlsx")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    report = build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    assert report.added == ["安居补贴标准.xlsx"]
    assert report.skipped == [(str(docs / "旧通知.doc"), "old Office format .doc: save it as .docx")]
    answer = kb.answer("本科生租房补贴每月多少钱")
    assert answer.found and "800元/月" in answer.text and "1200" not in answer.text
    assert "10万元" in kb.answer("硕士生买房补贴有多少").text


# --- Word's automatic numbering ------------------------------------------------

def _word_list(document, levels: list[tuple[str, str]]) -> str:
    """Add a list definition to ``document``'s numbering part, as Word writes one: each level's
    text ("第%1条") and number format ("chineseCounting"). Returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    abstract_id = str(100 + len(numbering.findall(qn("w:abstractNum"))))
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (text, fmt) in enumerate(levels))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'))
    num_id = str(200 + len(numbering.findall(qn("w:num"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def _numbered(element, num_id: str, level: int = 0) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _auto_numbered_measures(path: Path) -> None:
    """A 办法 whose 第X章 (a numbered heading style), 第X条, 一、（一）1. are all drawn by Word's list
    numbering: none of those labels is in the paragraphs' text."""
    from docx import Document

    doc = Document()
    doc.add_heading("青年人才见习管理办法", level=1)
    chapters = _word_list(doc, [("第%1章", "chineseCounting")])
    _numbered(doc.styles["Heading 2"].element, chapters)
    articles = _word_list(doc, [("第%1条", "chineseCounting")])
    items = _word_list(doc, [("%1、", "chineseCounting"), ("（%2）", "chineseCounting"), ("%3.", "decimal")])
    doc.add_heading("总则", level=2)
    for text in ["为做好青年见习工作，制定本办法。", "见习人员每月领取见习补贴2500元。"] + [f"其他规定{i}。" for i in range(8)]:
        _numbered(doc.add_paragraph(text)._p, articles)
    doc.add_heading("见习单位", level=2)
    _numbered(doc.add_paragraph("见习单位应当具备下列条件：")._p, articles)
    for text, level in [("基本条件", 0), ("依法登记注册。", 1), ("有专人带教。", 1), ("申请材料", 0), ("营业执照。", 1),
                        ("法定代表人身份证复印件。", 2)]:
        _numbered(doc.add_paragraph(text)._p, items, level)
    doc.save(path)


def test_word_list_numbering_is_read_as_the_page_shows_it(tmp_path):
    """第一条 … 第十一条 counted in Chinese, 一、（一）1. nested (（一） starts over under 二、),
    a chapter numbered by its heading style."""
    path = tmp_path / "见习管理办法.docx"
    _auto_numbered_measures(path)
    lines = [ln for ln in load_document(path).text.split("\n") if ln]
    assert "## 第一章 总则" in lines and "## 第二章 见习单位" in lines
    assert "第一条 为做好青年见习工作，制定本办法。" in lines and "第二条 见习人员每月领取见习补贴2500元。" in lines
    assert "第十条 其他规定7。" in lines and "第十一条 见习单位应当具备下列条件：" in lines
    assert lines[-6:] == ["一、基本条件", "（一）依法登记注册。", "（二）有专人带教。", "二、申请材料", "（一）营业执照。",
                          "1.法定代表人身份证复印件。"]


def _another_instance(document, num_id: str, restart_at: int | None = None) -> str:
    """A second w:num of the list ``num_id`` belongs to, as Word adds one when a list is pasted in
    or restarted ("restart at 1" writes a startOverride). Returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_at}"/></w:lvlOverride>'
                if restart_at is not None else "")
    new_id = str(300 + len(numbering.findall(qn("w:num"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{new_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f'{override}</w:num>'))
    return new_id


def test_instances_of_one_word_list_share_its_count(tmp_path):
    """Word counts a list, not each instance of it: 第三条 numbered through a pasted-in instance
    follows 第二条; an instance restarted at 1 starts over, once."""
    from docx import Document

    doc = Document()
    articles = _word_list(doc, [("第%1条", "chineseCounting")])
    pasted, restarted = _another_instance(doc, articles), _another_instance(doc, articles, restart_at=1)
    for text, num_id in [("总则。", articles), ("定义。", articles), ("申请。", pasted), ("附则一。", restarted),
                         ("附则二。", restarted), ("附则三。", articles)]:
        _numbered(doc.add_paragraph(text)._p, num_id)
    doc.save(tmp_path / "办法.docx")
    lines = [ln for ln in load_document(tmp_path / "办法.docx").text.split("\n") if ln]
    assert lines == ["第一条 总则。", "第二条 定义。", "第三条 申请。", "第一条 附则一。", "第二条 附则二。", "第三条 附则三。"]


def test_word_list_numbering_inside_a_table_cell(tmp_path):
    """Items numbered by Word in a table's cells show their labels too, and a cell merged down
    over two rows (read once per row) counts its items once: the next one is 3., not 5."""
    from docx import Document

    doc = Document()
    items = _word_list(doc, [("%1.", "decimal")])
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text, table.cell(2, 0).text = "本科", "硕士", "博士"
    merged = table.cell(0, 1).merge(table.cell(1, 1))
    merged.paragraphs[0].text = "身份证"
    merged.add_paragraph("毕业证")
    table.cell(2, 1).paragraphs[0].text = "博士学位证"
    for paragraph in [*merged.paragraphs, table.cell(2, 1).paragraphs[0]]:
        _numbered(paragraph._p, items)
    doc.save(tmp_path / "材料.docx")
    assert load_document(tmp_path / "材料.docx").text.split("\n\n") == [
        "本科 | 1.身份证 2.毕业证", "硕士 | 1.身份证 2.毕业证", "博士 | 3.博士学位证"]


def test_word_numbered_articles_are_cited_by_their_label(tmp_path, shipped_kb):
    from ingest.pipeline import build
    from knowledge.service import KnowledgeBase
    from tests.conftest import settings_for

    docs = tmp_path / "docs"
    docs.mkdir()
    _auto_numbered_measures(docs / "见习管理办法.docx")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    answer = kb.answer("见习补贴每月多少钱")
    assert answer.found and "2500元" in answer.text and answer.sources[0]["section"] == "第二条"


@pytest.mark.parametrize("n, fmt, shown", [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"),
                                          (11, "chineseCountingThousand", "十一"), (20, "chineseCounting", "二十"),
                                          (105, "chineseCounting", "一百零五"), (3, "chineseLegalSimplified", "叁"),
                                          (2, "decimalEnclosedCircle", "②"), (12, "decimal", "12"),
                                          (3, "ideographTraditional", "丙"), (4, "upperRoman", "IV"), (1, "bullet", "")])
def test_word_number_formats(n, fmt, shown):
    from ingest.word_numbering import format_number

    assert format_number(n, fmt) == shown


def test_a_cms_pages_font_size_buttons_qr_caption_and_view_counter_are_not_text(tmp_path):
    """gd.gov.cn-style pages (NFCMS) put "A+大 A+中 A+小" buttons above the notice, "扫一扫在手机打开当前页"
    under it, and a view counter still showing its placeholder "-" in the info line: none is text."""
    page = tmp_path / "公告.html"
    page.write_text(
        "<html><head><title>关于受理人才公寓申请的公告</title></head><body><div class='article'>"
        "<div class='article-attr'><span>发表时间：<b>2025-08-11 18:04:59</b></span>"
        "<span>信息来源：<b>区住建园林局</b></span><span>浏览量：<b><span>-</span></b></span></div>"
        "<div class='setFont'><span><b>A<sup>+</sup></b>大</span><span><b>A<sup>+</sup></b>中</span>"
        "<span><b>A<sup>+</sup></b>小</span></div>"
        "<div id='zoomcon'><p>租赁期限不超过3年。</p></div>"
        "<dl class='article-ewm'><dt></dt><dd><div>扫一扫在手机打开当前页</div></dd></dl></div></body></html>",
        encoding="utf-8")
    text = load_document(page).text
    assert "租赁期限不超过3年。" in text
    for furniture in ("A+", "扫一扫", "浏览量"):
        assert furniture not in text, text
    assert "来源：区住建园林局\n" in text + "\n" and "区住建园林局 -" not in text, text


# The head of www.thnet.gov.cn's notice as saved by a browser (NFCMS): the site's bar, hot search
# words and a breadcrumb in an <h1> above the notice's own <h1> (shizelengleng/ai-zhengce-tong
# docs/policy_sources/12_天河人才公寓申请公告_2025.html @ f9a2097a, shortened).
NFCMS_HEAD = (
    '<div class="header"><div class="header-menu"><a href="javascript:void(0);">繁体版</a>'
    '<a href="http://en.thnet.gov.cn/">英文版</a><span class="ipv6">网站支持IPV6</span></div>'
    '<h2 class="hotKey"><span>搜索热词：</span><a href="#">公共服务</a><a href="#">产业扶持政策</a></h2></div>'
    '<div class="curb"><h1>您当前所在的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zfbz/">住房保障</a></h1></div>')


@pytest.mark.parametrize("title_tag", ["", "<title>广州市天河区人民政府门户网站</title>"], ids=["none", "site-name"])
def test_a_pages_site_bar_hot_words_and_breadcrumb_heading_are_neither_text_nor_its_title(tmp_path, title_tag):
    """Staff test: the breadcrumb is an <h1> of its own ("您当前所在的位置：首页 > …"), so a page
    without a <title> was titled by it; the site bar and 搜索热词 were the document's first lines."""
    html = (f'<html><head><meta charset="utf-8">{title_tag}</head><body>{NFCMS_HEAD}'
            '<div class="article"><h1>关于受理天河区人才公寓申请的公告</h1><p>租赁期限不超过3年。</p></div></body></html>')
    doc = _load_page(tmp_path, "page.html", html, "utf-8")
    assert doc.title == "关于受理天河区人才公寓申请的公告"
    assert doc.text.split("\n\n") == ["# 关于受理天河区人才公寓申请的公告", "租赁期限不超过3年。"]


def test_a_word_document_without_title_styles_offers_its_first_line_as_its_title(tmp_path):
    """Like a .txt or a PDF: its first paragraph, when short enough to be a title (a Title or
    Heading 1 style still comes first: test_docx_without_title_uses_first_heading_1)."""
    import docx

    d = docx.Document()
    d.add_paragraph("关于受理天河区人才公寓申请的公告")
    d.add_paragraph(POLICY)
    d.save(tmp_path / "x.docx")
    assert load_document(tmp_path / "x.docx").title == "关于受理天河区人才公寓申请的公告"
    d = docx.Document()
    d.add_paragraph(POLICY * 3)
    d.save(tmp_path / "y.docx")
    assert load_document(tmp_path / "y.docx").title == "y"
