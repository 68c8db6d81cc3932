"""The update inbox, case versions, one ticket per Telegram message.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name=op.f("pk_inbox")),
    )
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_done_at"), ["done_at"], unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for column in ("version", "card_version", "outcome_version"):
            batch_op.add_column(sa.Column(column, sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_submissions_chat_message",
            ["telegram_chat_id", "telegram_message_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index("ix_submissions_chat_message")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for column in ("outcome_version", "card_version", "version"):
            batch_op.drop_column(column)
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_done_at"))
        batch_op.drop_index(batch_op.f("ix_inbox_state"))
    op.drop_table("inbox")
