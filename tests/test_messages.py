"""User-facing text lives in bot/messages.py: a view or domain module that shows people a
sentence takes it from there, so the wording is reviewed and changed in one place.

Read from the source (the one way to see a literal before anybody is shown it): every
string constant with Chinese in it, docstrings aside. What the bot listens for is input,
not output, and stays beside its code, in one of two forms the check can tell apart: the
pattern of a ``re.compile(...)`` (取消/算了, 明天/下周, the words of a station's name), or a
module-level table of words named in RECOGNISED below (明天 → 1 day ahead).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
SPEAKING_MODULES = ["bot/admin/auth.py", "bot/admin/faq_views.py", "bot/admin/jobs.py", "bot/admin/log_views.py",
                    "bot/admin/service_views.py", "bot/admin/staff_views.py", "bot/admin/ticket_views.py",
                    "bot/admin/csv_export.py", "bot/admin/forms.py", "bot/admin/knowledge_views.py", "bot/faq.py",
                    "bot/api.py", "bot/webchat.py", "bot/wechat.py", "bot/booking_api.py", "bot/__init__.py",
                    "bot/conversation_records.py", "bot/convlog.py", "bot/tickets.py", "bot/bookings.py",
                    "bot/service_doc.py", "bot/people.py", "bot/stats.py", "bot/dates.py", "bot/models.py",
                    "bot/dialogue/handlers.py", "bot/dialogue/booking_flow.py", "bot/dialogue/ticket_flow.py",
                    "bot/dialogue/feedback.py", "bot/dialogue/forms.py", "bot/dialogue/engine.py",
                    "bot/dialogue/extract.py"]

# Module-level tables of words the code looks up in what staff or users send (input, not output).
RECOGNISED = {
    "bot/faq.py": ["_HEADER_WORDS"],                          # the header cell of an imported FAQ sheet
    "bot/dates.py": ["_CN_NUM", "WEEKDAY_NUMBERS", "_RELATIVE", "_WEEKS_AHEAD",  # 十二, 周三, 明天, 下周
                     "_NEXT", "_WEEKEND", "_THIS", "_NEXT_WEEK", "_DOTTED",
                     "_PERIOD_DAYS", "_YEAR_PART",                  # 月底, 下旬; 年底
                     "_NEAR_DAYS", "_NEXT_YEAR",                    # 这两天, 过几天; 明年3月
                     "_REFUSAL"],                                   # 不行, 有事: a day refused
    "bot/dialogue/ticket_flow.py": ["_WANTING"],                 # "我要" before 投诉
    "bot/dialogue/engine.py": ["WARM_UP_QUESTION"],           # a question classified before the first message
    "bot/dialogue/booking_flow.py": ["_CHANGE_WORDS", "_NOT_NEGATED", "_COMPANIONS",  # 改日期, 手机号写错了; 不是来…; 朋友, 同学
                                     "_DAY_WORDS"],  # 明天 as pinyin input mistypes it (明填)
    "bot/dialogue/extract.py": ["_NUM", "_RELATIVE_YEARS", "_SPOKEN_DIGIT", "_ENGLISH_WORDS",  # 三十岁, 去年毕业, 幺三九…, book
                                "_GIVEN_UP_BEFORE", "_GIVEN_UP_AFTER",  # 溱湖那个不要了
                                "_ENGLISH_DAYS",  # next friday, 2 nights
                                "_ENGLISH_FACTS",  # i am 26, graduated 2023, looking for a job
                                "_STICKER_SIGNS",  # [强] as 👍
                                "_COUNT_WORDS",  # 住仨晚
                                "_PINYIN_TOPICS", "_PINYIN_WORDS"],  # yizhan zenme yuyue
}


def _is_re_compile(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re")


def _pattern_constants(tree: ast.AST) -> set[int]:
    """The string pieces of every ``re.compile`` pattern (its first argument only: nothing else
    a call passes, a ``sub`` replacement say, is a pattern)."""
    return {id(piece) for node in ast.walk(tree) if _is_re_compile(node) and node.args
            for piece in ast.walk(node.args[0])}


def _table_constants(tree: ast.Module, names: list[str]) -> set[int]:
    """The constants of the module-level assignments to ``names``; a name the module does not
    assign fails (a stale entry would otherwise allow nothing and say nothing)."""
    found, tables = set(), set()
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        hit = {t.id for t in targets if isinstance(t, ast.Name)} & set(names)
        if hit and node.value is not None:
            tables |= hit
            found |= {id(piece) for piece in ast.walk(node.value)}
    assert tables == set(names), f"not assigned at module level: {sorted(set(names) - tables)}"
    return found


def chinese_literals(path: Path, recognised: list[str] = ()) -> list[str]:
    """Chinese string constants of ``path``, less docstrings, compiled patterns and the word
    tables named in ``recognised``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    allowed = docstrings | _pattern_constants(tree) | _table_constants(tree, list(recognised))
    found = [node for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and id(node) not in allowed and HAN.search(node.value)]
    return [f"{path.name}:{node.lineno}: {node.value!r}"
            for node in sorted(found, key=lambda n: (n.lineno, n.col_offset))]


@pytest.mark.parametrize("module", SPEAKING_MODULES)
def test_no_user_facing_text_outside_messages(module):
    assert chinese_literals(ROOT / module, RECOGNISED.get(module, [])) == []


def test_the_check_sees_a_literal(tmp_path):
    """The rule above can fail: a sentence written into code is found, a docstring is not."""
    sample = tmp_path / "view.py"
    sample.write_text('def view():\n    """说明。"""\n    return "请填写驿站名称。"\n', encoding="utf-8")
    assert chinese_literals(sample) == ["view.py:3: '请填写驿站名称。'"]


def test_a_compiled_pattern_is_input_and_nothing_else_is(tmp_path):
    """The pattern of a re.compile passes; the replacement a pattern puts in, a pattern written
    inline and a sentence beside a pattern are still found."""
    sample = tmp_path / "flow.py"
    sample.write_text('import re\n'
                      '_STOP = re.compile(r"^(取消|算了)$" + "|不订了", re.I)\n'
                      'def reply(text):\n'
                      '    if re.search("不要了", text):\n'
                      '        return _STOP.sub("已取消", text)\n'
                      '    return re.compile(f"{text}吗") and "好的，已退出。"\n', encoding="utf-8")
    assert chinese_literals(sample) == ["flow.py:4: '不要了'", "flow.py:5: '已取消'", "flow.py:6: '好的，已退出。'"]


def test_a_named_word_table_is_input_and_only_that_table(tmp_path):
    """A table named in RECOGNISED passes, whatever is in it; a sentence beside it is found, and
    a name the module does not assign fails rather than allowing nothing silently."""
    sample = tmp_path / "dates.py"
    sample.write_text('_RELATIVE = {"明天": 1, "后天": 2}\nTOMORROW = "明天见！"\n', encoding="utf-8")
    assert chinese_literals(sample, ["_RELATIVE"]) == ["dates.py:2: '明天见！'"]
    with pytest.raises(AssertionError, match="_WEEKDAY"):
        chinese_literals(sample, ["_RELATIVE", "_WEEKDAY"])
