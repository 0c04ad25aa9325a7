"""Channel-independent dialogue: intents, flows and per-user state."""

from bot.dialogue import handlers as _handlers  # noqa: F401  (registers the handlers)
from bot.dialogue.engine import Dialogue, Incoming, Reply

__all__ = ["Dialogue", "Incoming", "Reply"]
