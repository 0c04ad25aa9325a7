"""Conversations as data (tests/conversations/*.yaml), each run through the web chat API and
through the encrypted WeChat webhook, one fresh user per conversation.

A turn says what the user types and what the reply must (``expect``, all; ``expect_any``,
one) or must not (``not``) contain. The summary line says how many conversations hold.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from tests.wx import WeChatSim

HERE = Path(__file__).parent / "conversations"
CONVERSATIONS = [c for path in sorted(HERE.glob("*.yaml"))
                 for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
_users = itertools.count(1)


def _check(reply: str, turn: dict, where: str) -> None:
    missing = [w for w in turn.get("expect", []) if str(w) not in reply]
    assert not missing, f"{where}: reply lacks {missing}:\n{reply}"
    if turn.get("expect_any"):
        assert any(str(w) in reply for w in turn["expect_any"]), f"{where}: none of {turn['expect_any']}:\n{reply}"
    unwanted = [w for w in turn.get("not", []) if str(w) in reply]
    assert not unwanted, f"{where}: reply contains {unwanted}:\n{reply}"


@pytest.mark.parametrize("channel", ["api", "wechat"])
@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(app, conversation, channel):
    if channel == "api":
        client = app.test_client()

        def say(text: str) -> str:
            res = client.post("/api/chat", json={"text": text})
            assert res.status_code == 200, res.json
            return res.json["reply"]
    else:
        wx, openid = WeChatSim(app.test_client()), f"o_conv_{next(_users)}"

        def say(text: str) -> str:
            return wx.say(openid, text)

    for n, turn in enumerate(conversation["turns"], 1):
        _check(say(str(turn["say"])), turn, f"{conversation['name']} / turn {n} ({turn['say']!r}) via {channel}")


def test_there_are_conversations_to_run():
    assert len(CONVERSATIONS) >= 15 and all(c["turns"] for c in CONVERSATIONS)
