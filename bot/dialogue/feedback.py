"""Feedback typed in the chat: "没用" / "不对" / "答错了" right after an answer.

The phrases are the ``feedback_down`` intent in config.yaml (keywords, whole message).
They record 👎 on the answer just given (the same rating the web chat's button
records, bot/convlog.py) and offer a person: the question goes into the ticket
offer, asked as a yes-or-no question, so a following yes ("是", "好的", "需要": the shared
reading, intents.yes_no) opens a ticket with it (bot/dialogue/ticket_flow.py), and anything
else simply goes on. Inside a flow ("不对，住两晚" while booking) the
words belong to the flow.
"""

from __future__ import annotations

from datetime import timedelta

from bot import convlog, messages
from bot.dialogue.engine import HANDLERS, Reply, Turn, handles

INTENT = "feedback"


@handles("feedback_down")
def feedback_down(turn: Turn) -> Reply:
    flow = turn.state.get("flow")
    if flow in HANDLERS:
        return HANDLERS[flow](turn)
    engine, user = turn.engine, turn.incoming.user_key
    within = timedelta(minutes=engine.settings.dialogue.state_ttl_minutes)
    with engine.sessions() as s:
        answer = convlog.last_answer(s, user, within)
        if answer is None:
            return Reply(messages.FEEDBACK_NOTHING_TO_RATE, actions=[messages.CHIP_TICKET], intent=INTENT)
        convlog.rate(s, answer.turn_id, user, "down")
        question = convlog.question_of(s, answer.turn_id)
        s.commit()
    turn.state["offer_ticket"] = question or turn.text
    return Reply(messages.FEEDBACK_DOWN, actions=[messages.CHIP_YES, messages.CHIP_TICKET], intent=INTENT)
