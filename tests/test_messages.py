"""User-facing text lives in bot/messages.py: a view or domain module that shows people a
sentence takes it from there, so the wording is reviewed and changed in one place.

Read from the source (the one way to see a literal before anybody is shown it): every
string constant with Chinese in it, docstrings aside. Recognition patterns (the words the
bot listens for in bot/dialogue/, bot/dates.py) are input, not output, and stay beside
their code; the console's views and the domain errors staff read have none.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
# knowledge_views.py is the docs console's, reworked in parallel: it joins this list when it lands.
SPEAKING_MODULES = ["bot/admin/auth.py", "bot/admin/faq_views.py", "bot/admin/jobs.py", "bot/admin/log_views.py",
                    "bot/admin/service_views.py", "bot/admin/staff_views.py", "bot/admin/ticket_views.py",
                    "bot/admin/csv_export.py", "bot/admin/forms.py", "bot/faq.py", "bot/api.py", "bot/webchat.py",
                    "bot/wechat.py", "bot/booking_api.py", "bot/__init__.py", "bot/conversation_records.py"]

# Words the code recognises in what staff or users send (input, not output).
RECOGNISED = {"bot/faq.py": ["'问题'"]}  # the header cell of an imported FAQ sheet


def chinese_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HAN.search(node.value)]


@pytest.mark.parametrize("module", SPEAKING_MODULES)
def test_no_user_facing_text_outside_messages(module):
    found = [hit for hit in chinese_literals(ROOT / module)
             if not any(hit.endswith(word) for word in RECOGNISED.get(module, []))]
    assert found == []


def test_the_check_sees_a_literal(tmp_path):
    """The rule above can fail: a sentence written into code is found, a docstring is not."""
    sample = tmp_path / "view.py"
    sample.write_text('def view():\n    """说明。"""\n    return "请填写驿站名称。"\n', encoding="utf-8")
    assert chinese_literals(sample) == ["view.py:3: '请填写驿站名称。'"]
