"""Alembic environment: runs against the connection bot.db hands it."""

from alembic import context

from bot.models import Base

config = context.config
connection = config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
