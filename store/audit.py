"""The audit trail: one row per state change and per sensitive action (block, reveal,
archive), written in the same transaction as the change itself.

Actors are "tg:<Telegram user id>" for people and "system" for the bot's own work.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db import Db, transaction
from store.models import AuditLog, Case, utcnow
from store.records import AuditEntry, Change

SYSTEM = "system"


def actor(telegram_user_id: int | None) -> str:
    """How a person (or, for None, the bot itself) appears in the audit trail."""
    return SYSTEM if telegram_user_id is None else f"tg:{telegram_user_id}"


def write(
    session: AsyncSession,
    case_id: int | None,
    actor: str,
    action: str,
    from_state: str | None = None,
    to_state: str | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> None:
    """Add one audit row to the transaction that makes the change."""
    session.add(
        AuditLog(
            case_id=case_id,
            actor=actor,
            action=action,
            from_state=from_state,
            to_state=to_state,
            note=note,
            at=at or utcnow(),
        )
    )


async def audit_of(db: Db, case_id: int) -> list[AuditEntry]:
    """The audit trail of one case, oldest first."""
    async with transaction(db, read_only=True) as s:
        rows = await s.scalars(
            select(AuditLog).where(AuditLog.case_id == case_id).order_by(AuditLog.id)
        )
        return [
            AuditEntry(a.id, a.case_id, a.actor, a.action, a.from_state, a.to_state, a.note, a.at)
            for a in rows
        ]


async def last_change(db: Db, case_id: int) -> Change | None:
    """Who moved the case last and to what (from the audit trail), for a refused press."""
    async with transaction(db, read_only=True) as s:
        case = (
            await s.execute(select(Case.state, Case.version).where(Case.id == case_id))
        ).one_or_none()
        if case is None:
            return None
        row = (
            await s.execute(
                select(AuditLog.actor, AuditLog.at)
                .where(AuditLog.case_id == case_id, AuditLog.to_state.is_not(None))
                .order_by(AuditLog.id.desc())
                .limit(1)
            )
        ).one_or_none()
        actor = None
        if row is not None and row.actor.startswith("tg:"):
            actor = int(row.actor.removeprefix("tg:"))
        return Change(case_id, case.state, case.version, actor, row.at if row else None)
