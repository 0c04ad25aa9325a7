"""Talking to a person: open a ticket, check its status.

"转人工" / "我要咨询" (or "好的" after the bot could not answer) opens a ticket
with the recent conversation attached. If there is nothing to pass on yet,
the bot asks for one sentence first (a one-step flow).
"""

from __future__ import annotations

import re

from bot import messages
from bot.dialogue.engine import Reply, Turn, handles, is_affirmative
from bot.tickets import STATUS_LABELS, last_staff_reply, list_for_user, open_ticket

FLOW = "ticket"


def _strip_keywords(turn: Turn) -> str:
    text = turn.text
    for kw in sorted(turn.engine.settings.dialogue.intents.get("ticket").keywords, key=len, reverse=True):
        text = text.replace(kw, " ")
    return re.sub(r"^[\s，。,.:：!！]+|[\s，。,.:：!！]+$", "", text)


def _open(turn: Turn, text: str) -> Reply:
    context = turn.engine.recent_conversation(turn.incoming.user_key)
    with turn.engine.sessions() as s:
        ticket = open_ticket(s, turn.incoming.user_key, text, context)
        number = ticket.number
    turn.state.clear()
    return Reply(messages.TICKET_OPENED.format(number=number), actions=["我的工单"], intent="ticket")


@handles("ticket")
def ticket(turn: Turn) -> Reply:
    if turn.state.get("flow") == FLOW:  # the description we asked for
        return _open(turn, turn.text)
    pending = turn.state.get("offer_ticket")
    if pending and (is_affirmative(turn.text) or not _strip_keywords(turn)):
        return _open(turn, pending)
    described = _strip_keywords(turn)
    if described and len(described) >= 2:
        return _open(turn, described)
    turn.state["flow"] = FLOW
    return Reply(messages.TICKET_ASK_TEXT, intent="ticket")


@handles("ticket_status")
def ticket_status(turn: Turn) -> Reply:
    with turn.engine.read_sessions() as s:
        rows = list_for_user(s, turn.incoming.user_key)[:5]
        lines = []
        for t in rows:
            lines.append(messages.TICKET_LINE.format(number=t.number, status=STATUS_LABELS[t.status], text=t.text[:30]))
            latest = last_staff_reply(s, t)
            if latest is not None:
                lines.append(messages.TICKET_LATEST_REPLY.format(text=latest.text[:60]))
    if not rows:
        return Reply(messages.NO_TICKETS, intent="ticket_status")
    return Reply(messages.MY_TICKETS.format(lines="\n".join(lines)), intent="ticket_status")
