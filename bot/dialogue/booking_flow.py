"""Booking intents (placeholder until the bookings service lands)."""

from bot import messages
from bot.dialogue.engine import Reply, Turn, handles


@handles("booking", "my_bookings", "cancel_booking")
def not_yet(turn: Turn) -> Reply:
    return Reply(messages.COMING_SOON, intent="coming_soon")
