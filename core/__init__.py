"""Pieces shared by every layer: validated configuration and named errors.

Nothing here imports Flask, chromadb or a model, so `ingest/`, `knowledge/`
and `bot/` can all depend on it without pulling each other in.
"""
