"""Conversation log for staff: each turn's id (shared by the message and its reply),
the documents a reply cited, the standard answer that gave it, and the user's rating.

Revision ID: 0005_conversation_log
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_conversation_log"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("message_log") as t:
        t.add_column(sa.Column("turn_id", sa.String(32), nullable=True))
        t.add_column(sa.Column("sources", sa.Text(), nullable=True))
        t.add_column(sa.Column("faq_id", sa.Integer(), nullable=True))
        t.add_column(sa.Column("feedback", sa.String(8), nullable=True))
        t.add_column(sa.Column("feedback_at", sa.DateTime(), nullable=True))
    op.create_index("ix_message_log_turn_id", "message_log", ["turn_id"])
    op.create_index("ix_message_log_created_at", "message_log", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_message_log_created_at", "message_log")
    op.drop_index("ix_message_log_turn_id", "message_log")
    with op.batch_alter_table("message_log") as t:
        for column in ("feedback_at", "feedback", "faq_id", "sources", "turn_id"):
            t.drop_column(column)
