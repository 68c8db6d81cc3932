"""Initial schema: reporters, cases, submissions (tickets), audit log, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("phash", sa.String(length=16), nullable=True),
        sa.Column("phash_b0", sa.Integer(), nullable=True),
        sa.Column("phash_b1", sa.Integer(), nullable=True),
        sa.Column("phash_b2", sa.Integer(), nullable=True),
        sa.Column("phash_b3", sa.Integer(), nullable=True),
        sa.Column("image_path", sa.String(length=512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verdict_json", sa.Text(), nullable=True),
        sa.Column("platform", sa.String(length=16), nullable=True),
        sa.Column("poster_kind", sa.String(length=16), nullable=True),
        sa.Column("poster_text", sa.String(length=256), nullable=True),
        sa.Column("seen_text", sa.String(length=128), nullable=True),
        sa.Column("asn_nip", sa.String(length=32), nullable=True),
        sa.Column("asn_nama", sa.String(length=256), nullable=True),
        sa.Column("asn_jabatan", sa.String(length=256), nullable=True),
        sa.Column("asn_unit_kerja", sa.String(length=256), nullable=True),
        sa.Column("asn_instansi", sa.String(length=256), nullable=True),
        sa.Column("asn_confidence", sa.Float(), nullable=True),
        sa.Column("alternatives_json", sa.Text(), nullable=True),
        sa.Column("candidate", sa.Integer(), nullable=True),
        sa.Column("support_confidence", sa.Float(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons_json", sa.Text(), nullable=True),
        sa.Column("ocr_text", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.BigInteger(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("moderator_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("moderator_message_id", sa.BigInteger(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("files_deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_asn_nip"), ["asn_nip"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_phash"), ["phash"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_phash_b0"), ["phash_b0"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_phash_b1"), ["phash_b1"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_phash_b2"), ["phash_b2"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_phash_b3"), ["phash_b3"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_state"), ["state"], unique=False)

    op.create_table(
        "reporters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("blocked_by", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporters")),
    )
    with op.batch_alter_table("reporters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reporters_telegram_user_id"), ["telegram_user_id"], unique=True
        )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_audit_log_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_case_id"), ["case_id"], unique=False)

    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("phash", sa.String(length=16), nullable=True),
        sa.Column("match", sa.String(length=8), nullable=False),
        sa.Column("phash_distance", sa.Integer(), nullable=True),
        sa.Column("file_path", sa.String(length=512), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("telegram_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("telegram_message_id", sa.BigInteger(), nullable=False),
        sa.Column("media_group_id", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notified_outcome_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_submissions_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["reporters.id"], name=op.f("fk_submissions_reporter_id_reporters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
    )
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submissions_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_submissions_reporter_received", ["reporter_id", "received_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_submissions_sha256"), ["sha256"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submissions_sha256"))
        batch_op.drop_index("ix_submissions_reporter_received")
        batch_op.drop_index(batch_op.f("ix_submissions_case_id"))

    op.drop_table("submissions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_case_id"))

    op.drop_table("audit_log")
    op.drop_table("settings")
    with op.batch_alter_table("reporters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reporters_telegram_user_id"))

    op.drop_table("reporters")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_state"))
        batch_op.drop_index(batch_op.f("ix_cases_sha256"))
        batch_op.drop_index(batch_op.f("ix_cases_phash_b3"))
        batch_op.drop_index(batch_op.f("ix_cases_phash_b2"))
        batch_op.drop_index(batch_op.f("ix_cases_phash_b1"))
        batch_op.drop_index(batch_op.f("ix_cases_phash_b0"))
        batch_op.drop_index(batch_op.f("ix_cases_phash"))
        batch_op.drop_index(batch_op.f("ix_cases_asn_nip"))

    op.drop_table("cases")
