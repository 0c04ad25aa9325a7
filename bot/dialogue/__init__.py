"""Channel-independent dialogue: intents, flows and per-user state."""

from bot.dialogue import booking_flow as _booking_flow  # noqa: F401  (registers handlers)
from bot.dialogue import feedback as _feedback  # noqa: F401
from bot.dialogue import handlers as _handlers  # noqa: F401
from bot.dialogue import ticket_flow as _ticket_flow  # noqa: F401
from bot.dialogue.engine import Dialogue, Incoming, Reply

__all__ = ["Dialogue", "Incoming", "Reply"]
