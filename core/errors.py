"""The project's own exception classes.

Each boundary (HTTP handler, CLI command, webhook) turns these into a status
code or a message in one place; inner code raises them and never formats
user-facing text itself.
"""


class TalentError(Exception):
    """Base class for every error this project raises on purpose."""


class ConfigError(TalentError):
    """config.yaml (or an override) is missing, malformed or names a bad key/value."""


class DocumentError(TalentError):
    """A document could not be read or parsed; ingest skips it and reports why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexError_(TalentError):
    """The knowledge index is missing, locked or inconsistent."""


class IndexMissing(IndexError_):
    """No index has been built yet at the configured location."""


class IndexLocked(IndexError_):
    """Another process is writing the index right now."""


class StoreUnavailable(TalentError):
    """The vector store (e.g. a Chroma server) cannot be reached."""


class LLMError(TalentError):
    """The optional LLM failed or timed out; callers fall back to extractive answers."""
