"""``python -m bench.knowledge_bench --keep DIR``: the largest size's index and the queries timed on
it are left for profiling, and a directory holding anything else is never emptied."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bench.knowledge_bench import KEPT_QUERIES, main
from knowledge.service import KnowledgeBase
from tests.conftest import settings_for


def _bench(keep, out):
    return CliRunner().invoke(main, ["--sizes", "60", "--queries", "4", "--build-only",
                                     "--out", str(out), "--keep", str(keep)])


def test_keep_leaves_a_loadable_index_and_its_queries_and_can_be_run_again(tmp_path):
    keep = tmp_path / "kept"
    res = _bench(keep, tmp_path / "a.json")
    assert res.exit_code == 0, res.output
    queries = json.loads((keep / KEPT_QUERIES).read_text(encoding="utf-8"))
    assert len(queries) == 4
    kb = KnowledgeBase(settings_for(keep))
    assert kb.retrieve(queries[0]).chunks  # a real index, as the bench built it
    res = _bench(keep, tmp_path / "b.json")  # a directory an earlier --keep left is replaced
    assert res.exit_code == 0, res.output
    assert (keep / KEPT_QUERIES).exists()


def test_keep_refuses_a_directory_it_did_not_leave(tmp_path):
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine", encoding="utf-8")
    res = _bench(keep, tmp_path / "c.json")
    assert res.exit_code == 2
    assert "not an index an earlier --keep left" in res.output
    assert (keep / "notes.txt").read_text(encoding="utf-8") == "mine"
