"""Document lifecycle in the index: disabled, expired and not-yet-effective documents never answer
(on a real chromadb-built index, in every process), near-duplicates are flagged, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.config import PROJECT_ROOT
from ingest.cli import cli
from ingest.pipeline import build, set_lifecycle
from knowledge.service import KnowledgeBase
from tests.conftest import DOCS, settings_for

PETS = "# 驿站宠物规定\n\n青年人才驿站内不得饲养宠物，违者取消入住资格。\n"
PETS_Q = "驿站可以养宠物吗"


class Today:
    """An injectable "today": tests move the date instead of sleeping."""

    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture()
def corpus(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "宠物规定.md").write_text(PETS, encoding="utf-8")
    return docs


@pytest.fixture()
def kb(tmp_path, shipped_kb):
    today = Today(date(2027, 6, 1))
    return KnowledgeBase(settings_for(tmp_path / "index"), embedder=shipped_kb.embedder, today=today)


def _cited(kb, question: str = PETS_Q) -> set[str]:
    return {c.chunk.doc_id for c in kb.retrieve(question, k=10).chunks}


def test_disabled_documents_never_answer_and_come_back_when_enabled(kb, corpus):
    build(kb.index, kb.embedder, [corpus, next(DOCS.glob("*.txt"))], kb.settings.ingest)
    assert "宠物规定.md" in _cited(kb) and "不得饲养宠物" in kb.answer(PETS_Q).text
    embedded_before = kb.index.current().manifest.collection

    report = set_lifecycle(kb.index, ["宠物规定.md"], {"enabled": False})
    assert report.updated == ["宠物规定.md"] and report.generation == 2
    assert "宠物规定.md" not in _cited(kb)
    assert "不得饲养宠物" not in kb.answer(PETS_Q).text  # the cached answer of the old generation is not reused
    assert "宠物规定.md" not in {c.chunk.doc_id for c in kb.retriever.retrieve("宠物 饲养", k=10, mode="keyword").chunks}
    doc = next(d for d in kb.index.documents() if d.doc_id == "宠物规定.md")
    assert doc.enabled is False and doc.status(kb.today()) == "disabled"  # still listed
    assert kb.index.current().manifest.collection != embedded_before  # a generation of its own

    # A rebuild keeps the switch (it is the document's, not the file's).
    (corpus / "宠物规定.md").write_text(PETS.replace("取消", "取消本次"), encoding="utf-8")
    assert build(kb.index, kb.embedder, [corpus], kb.settings.ingest).updated == ["宠物规定.md"]
    assert "宠物规定.md" not in _cited(kb)

    assert set_lifecycle(kb.index, ["宠物规定.md"], {"enabled": True}).updated == ["宠物规定.md"]
    assert "宠物规定.md" in _cited(kb)
    assert set_lifecycle(kb.index, ["宠物规定.md"], {"enabled": True}).generation is None  # already so


def test_expired_and_not_yet_effective_documents_stop_by_the_date_alone(kb, corpus):
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest, lifecycle={"effective": "2027-01-01",
                                                                            "expires": "2027-12-31"})
    generation = kb.index.generation
    assert "不得饲养宠物" in kb.answer(PETS_Q).text

    kb.today.day = date(2027, 12, 31)  # the last day it answers
    assert "宠物规定.md" in _cited(kb)
    kb.today.day = date(2028, 1, 1)  # the day after: no rebuild, no new generation
    assert "宠物规定.md" not in _cited(kb) and "不得饲养宠物" not in kb.answer(PETS_Q).text
    doc = kb.index.documents()[0]
    assert kb.index.generation == generation and doc.status(kb.today()) == "expired"

    kb.today.day = date(2026, 12, 31)  # before it takes effect
    assert "宠物规定.md" not in _cited(kb) and doc.status(kb.today()) == "pending"
    kb.today.day = date(2027, 1, 1)
    assert "宠物规定.md" in _cited(kb) and doc.status(kb.today()) == "indexed"


def test_near_duplicate_documents_are_paired_in_the_manifest(kb, corpus):
    text = next(DOCS.glob("*.txt")).read_text(encoding="utf-8")
    (corpus / "综述-副本.txt").write_text(text.replace("424套", "425套"), encoding="utf-8")
    (corpus / "综述.txt").write_text(text, encoding="utf-8")
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    pairs = kb.index.current().manifest.similar
    assert [p[:2] for p in pairs] == [["综述-副本.txt", "综述.txt"]] and pairs[0][2] > 0.95
    set_lifecycle(kb.index, ["综述.txt"], {"enabled": False})  # kept through a generation that changed no text
    assert [p[:2] for p in kb.index.current().manifest.similar] == [["综述-副本.txt", "综述.txt"]]


def test_cli_disable_enable_set_and_build_dates(tmp_path, corpus):
    runner = CliRunner()
    index = str(tmp_path / "cli-index")
    res = runner.invoke(cli, ["build", str(corpus), "--index", index, "--effective", "2020-01-01",
                              "--expires", "2020-12-31", "--by", "小王"])
    assert res.exit_code == 0, res.output
    listed = json.loads(runner.invoke(cli, ["list", "--index", index, "--json"]).output)
    assert listed[0]["effective"] == "2020-01-01" and listed[0]["expires"] == "2020-12-31"
    assert listed[0]["uploaded_by"] == "小王" and listed[0]["enabled"] is True
    assert "expired" in runner.invoke(cli, ["list", "--index", index]).output
    res = runner.invoke(cli, ["build", str(corpus), "--index", index, "--by", "小李"])  # same bytes: nothing to do
    assert res.exit_code == 0 and "index unchanged" in res.output, res.output

    res = runner.invoke(cli, ["set", "宠物规定.md", "--index", index, "--expires", ""])
    assert res.exit_code == 0 and "1 updated" in res.output, res.output
    res = runner.invoke(cli, ["disable", "宠物规定.md", "--index", index])
    assert res.exit_code == 0 and "1 updated" in res.output and "generation 3 is live" in res.output
    assert "disabled" in runner.invoke(cli, ["list", "--index", index]).output
    res = runner.invoke(cli, ["enable", "宠物规定.md", "--index", index])
    assert res.exit_code == 0 and "indexed" in runner.invoke(cli, ["list", "--index", index]).output

    res = runner.invoke(cli, ["disable", "没有.md", "--index", index])
    assert res.exit_code == 1 and "no such document" in res.output
    res = runner.invoke(cli, ["set", "宠物规定.md", "--index", index, "--expires", "明年"])
    assert res.exit_code == 2 and "not a date" in res.output
    res = runner.invoke(cli, ["set", "宠物规定.md", "--index", index])
    assert res.exit_code == 2 and "--expires" in res.output


READER = """
import json, sys
from core.config import load_config
from knowledge.service import KnowledgeBase
kb = KnowledgeBase(load_config(overrides={"knowledge": {"index_dir": sys.argv[1]}}))
for line in sys.stdin:
    print(json.dumps(sorted({c.chunk.doc_id for c in kb.retrieve(line.strip(), k=10).chunks})), flush=True)
"""


def test_a_switch_made_by_the_cli_reaches_a_reader_in_another_process(tmp_path, corpus, shipped_kb):
    """The switch travels in the generation: a long-running reader (a web worker's position) that
    never restarts stops answering from the document on its next question, and resumes after enable."""
    index = tmp_path / "index"
    kb = KnowledgeBase(settings_for(index), embedder=shipped_kb.embedder)
    build(kb.index, kb.embedder, [corpus], kb.settings.ingest)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(index)], cwd=PROJECT_ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        def ask() -> list[str]:
            reader.stdin.write(PETS_Q + "\n")
            reader.stdin.flush()
            return json.loads(reader.stdout.readline())

        assert ask() == ["宠物规定.md"]
        for command, expected in (("disable", []), ("enable", ["宠物规定.md"])):
            out = subprocess.run([sys.executable, "-m", "ingest", command, "宠物规定.md", "--index", str(index)],
                                 cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
            assert out.returncode == 0, out.stderr
            assert ask() == expected
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


def test_near_duplicates_among_many_documents():
    """LSH finds the one near-duplicate pair among hundreds of distinct documents, and not a pair
    that shares only half its wording."""
    import random

    from ingest.duplicates import near_duplicates

    rng = random.Random(7)
    alphabet = "人才公寓驿站补贴见习创业政策申请条件材料办理时间地点标准金额本科硕士博士"
    texts = {f"doc{i:03d}": "".join(rng.choice(alphabet) for _ in range(400)) for i in range(300)}
    base = texts["doc007"]
    texts["copy"] = base[:380] + "二〇二四年修订版本"          # a new version beside the old one
    texts["half"] = base[:200] + "".join(rng.choice(alphabet) for _ in range(200))
    pairs = near_duplicates(texts, 0.8)
    assert [p[:2] for p in pairs] == [["copy", "doc007"]] and pairs[0][2] >= 0.8
