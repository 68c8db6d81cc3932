"""ORM tables for reports, cases, moderation and audit.

Times are stored as UTC: `UTCDateTime` refuses naive datetimes on the way in and hands back
aware UTC datetimes on the way out, on SQLite (which has no time zone type) and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints so Alembic batch mode on SQLite can drop/alter them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASE_STATES = (
    "new",
    "flagged",
    "review",
    "clear",
    "error",
    "approved",
    "rejected",
    "needs_info",
)


PENDING_STATES = ("flagged", "review", "needs_info")  # waiting for a moderator
VERDICT_STATES = ("flagged", "review", "clear", "error")  # what analysis leaves
DECISIONS = ("approved", "rejected", "needs_info")
FINAL_STATES = ("approved", "rejected")
REANALYSABLE = ("error", "clear", "flagged", "review")


def utcnow() -> datetime:
    """The one clock of the store (aware UTC)."""
    return datetime.now(UTC)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def from_json(text: str | None, default: Any) -> Any:
    return json.loads(text) if text else default


def asn_columns(asn: dict[str, Any] | None) -> dict[str, Any]:
    """Case columns for an ASN snapshot; None or {} clears it ("not an ASN / nobody")."""
    asn = asn or {}
    confidence = asn.get("confidence")
    return {
        "asn_nip": asn.get("nip"),
        "asn_nama": asn.get("nama"),
        "asn_jabatan": asn.get("jabatan"),
        "asn_unit_kerja": asn.get("unit_kerja"),
        "asn_instansi": asn.get("instansi"),
        "asn_confidence": float(confidence) if confidence is not None else None,
    }


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in and out; SQLite keeps naive UTC text, PostgreSQL a timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Reporter(Base):
    """A member of the public; moderators only ever see `id` ("Pelapor #N")."""

    __tablename__ = "reporters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    blocked_by: Mapped[int | None] = mapped_column(BigInteger)


class Case(Base):
    """One reported status ("Kasus #N"); duplicates of the same screenshot attach to it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # 64-bit perceptual hash as 16 hex chars, plus its four 16-bit bands for indexed lookup.
    phash: Mapped[str | None] = mapped_column(String(16), index=True)
    phash_b0: Mapped[int | None] = mapped_column(Integer, index=True)
    phash_b1: Mapped[int | None] = mapped_column(Integer, index=True)
    phash_b2: Mapped[int | None] = mapped_column(Integer, index=True)
    phash_b3: Mapped[int | None] = mapped_column(Integer, index=True)
    image_path: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    analysed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    verdict_json: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str | None] = mapped_column(String(16))
    poster_kind: Mapped[str | None] = mapped_column(String(16))
    poster_text: Mapped[str | None] = mapped_column(String(256))
    seen_text: Mapped[str | None] = mapped_column(String(128))
    # Snapshot of the matched roster entry: the case keeps it even if the roster changes.
    asn_nip: Mapped[str | None] = mapped_column(String(32), index=True)
    asn_nama: Mapped[str | None] = mapped_column(String(256))
    asn_jabatan: Mapped[str | None] = mapped_column(String(256))
    asn_unit_kerja: Mapped[str | None] = mapped_column(String(256))
    asn_instansi: Mapped[str | None] = mapped_column(String(256))
    asn_confidence: Mapped[float | None] = mapped_column(Float)
    alternatives_json: Mapped[str | None] = mapped_column(Text)
    candidate: Mapped[int | None] = mapped_column(Integer)
    support_confidence: Mapped[float | None] = mapped_column(Float)
    score: Mapped[float | None] = mapped_column(Float)
    reasons_json: Mapped[str | None] = mapped_column(Text)
    ocr_text: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str | None] = mapped_column(Text)
    moderator_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    moderator_message_id: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    files_deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Bumped by every state change. Buttons carry the version the moderator saw, so a press on
    # a card that changed since is refused; the two "told" columns record which
    # version the moderators' card and the reporters' outcome message show, so follow-ups a
    # crash interrupted are finished at start-up.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    card_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    outcome_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The election whose pair the story backs (by name), or None with the elections it could
    # be in `election_options` (JSON list); when its case file went to Bawaslu/BKN (an
    # admin's /berkas or /export), and when the admins were reminded of its deadline.
    election: Mapped[str | None] = mapped_column(String(200), index=True)
    election_options: Mapped[str | None] = mapped_column(Text)
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deadline_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Submission(Base):
    """One screenshot one reporter sent: the ticket ("Laporan #N")."""

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_reporter_received", "reporter_id", "received_at"),
        # A Telegram message is one ticket, however often its update is handled.
        Index("ix_submissions_chat_message", "telegram_chat_id", "telegram_message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("reporters.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    phash: Mapped[str | None] = mapped_column(String(16))
    # How it joined its case: "new" (created it), "exact" (same bytes), "near" (phash).
    match: Mapped[str] = mapped_column(String(8))
    phash_distance: Mapped[int | None] = mapped_column(Integer)
    file_path: Mapped[str] = mapped_column(String(512))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(64))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    telegram_chat_id: Mapped[int] = mapped_column(BigInteger)
    telegram_message_id: Mapped[int] = mapped_column(BigInteger)
    media_group_id: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    notified_outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditLog(Base):
    """Append-only trail: every state transition and every de-anonymisation."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class Setting(Base):
    """Small persistent values (e.g. the loaded roster file name and sha256)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


# ---------------------------------------------------------------- scheduler


class DigestRun(Base):
    """One scheduled digest for one period and one recipient chat: the exactly-once ledger.

    The row is inserted (state "claimed") in the transaction that claims the send; a second
    process inserting the same (period_key, chat_id) hits the UNIQUE constraint and backs off.
    After the send succeeds the row becomes "sent"; a failed send becomes "failed" (retryable),
    and a "claimed" row older than the claim timeout (the sender died mid-send) may be taken over.
    """

    __tablename__ = "digest_runs"
    __table_args__ = (
        UniqueConstraint("period_key", "chat_id", name="uq_digest_runs_period_key_chat_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_key: Mapped[str] = mapped_column(String(40))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    period_start: Mapped[datetime] = mapped_column(UTCDateTime())
    period_end: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(16))  # claimed | sent | failed
    claim_token: Mapped[str] = mapped_column(String(36))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(String(200))


class InboxUpdate(Base):
    """A raw Telegram update, recorded before Telegram is told it arrived.

    Polling confirms updates to Telegram with the next getUpdates offset, and a webhook with
    its 200 answer; both happen only after the update is a row here. The row is "pending"
    until its handling finished, then "done" (its payload, which holds names and texts, is
    cleared); "given_up" after `attempts` start-ups died handling it. Keyed by bot and update
    id, so a re-delivered update is recognised and handled once.
    """

    __tablename__ = "inbox"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    state: Mapped[str] = mapped_column(String(12), index=True)  # pending | done | given_up
    payload: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)


# ---------------------------------------------------------------- several processes


class Blob(Base):
    """A stored file's bytes, keyed by their SHA-256 (PostgreSQL mode: every process, on any
    machine, reads the same screenshot; SQLite keeps files in the data directory)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SendPace(Base):
    """Telegram's pace for the bot as a whole, shared by every process: per key (a chat, or
    "all") the theoretical arrival time of the next send (GCRA), see `store.pacing`."""

    __tablename__ = "send_pace"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    tat: Mapped[datetime] = mapped_column(UTCDateTime())


# Indexes for the digest's period queries (declared here so existing classes stay untouched).
Index("ix_audit_log_action_at", AuditLog.action, AuditLog.at)
Index("ix_cases_created_at", Case.created_at)
Index("ix_cases_decided_at", Case.decided_at)
Index("ix_submissions_received_at", Submission.received_at)
