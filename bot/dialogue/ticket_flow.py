"""Ticket intents (placeholder until the tickets service lands)."""

from bot import messages
from bot.dialogue.engine import Reply, Turn, handles


@handles("ticket", "ticket_status")
def not_yet(turn: Turn) -> Reply:
    return Reply(messages.COMING_SOON, intent="coming_soon")
