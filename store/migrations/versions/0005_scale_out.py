"""Several processes on PostgreSQL: screenshots in the database, Telegram's shared pace, and
the procrastinate job queue's own schema (PostgreSQL only).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.util import await_only

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROCRASTINATE_TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "send_pace",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("tat", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_send_pace")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # procrastinate's schema as the pinned version ships it (several statements and
        # dollar-quoted functions: sent as one script through the driver, in our transaction).
        from procrastinate.schema import SchemaManager

        driver = bind.connection.driver_connection
        if driver is None:  # pragma: no cover - a pooled connection always has one
            raise RuntimeError("no driver connection for the procrastinate schema")
        if bind.dialect.driver == "asyncpg":
            await_only(driver.execute(SchemaManager.get_schema()))
        else:
            bind.exec_driver_sql(SchemaManager.get_schema())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in PROCRASTINATE_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    op.drop_table("send_pace")
    op.drop_table("blobs")
