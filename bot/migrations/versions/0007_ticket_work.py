"""Ticket work: an assignee per ticket, internal staff notes in the thread.

Revision ID: 0007_ticket_work
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_ticket_work"
down_revision = "0005_conversation_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite cannot add a foreign key to an existing table in place (it copies the table).
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("assignee_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_tickets_assignee_id_staff", "staff", ["assignee_id"], ["id"])
        batch.create_index("ix_tickets_assignee_id", ["assignee_id"])
    with op.batch_alter_table("ticket_messages") as batch:
        batch.add_column(sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages") as batch:
        batch.drop_column("internal")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_assignee_id")
        batch.drop_constraint("fk_tickets_assignee_id_staff", type_="foreignkey")
        batch.drop_column("assignee_id")
