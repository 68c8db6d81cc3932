"""Bawaslu's reporting deadline (7 days from discovery): which approved cases were handed
over (their case file went to an admin: `/berkas`, `/export`), and which the admins must
be reminded of, once each, while time is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select, update

from store import audit
from store.db import Db, transaction
from store.models import Case
from store.records import DeadlineCase


async def mark_handed_over(db: Db, case_ids: Iterable[int], *, actor: int, at: datetime) -> int:
    """Record that these approved cases' files were handed to an admin (the first time
    counts); returns how many were newly marked."""
    ids = sorted(set(case_ids))
    if not ids:
        return 0
    async with transaction(db) as s:
        done = (
            await s.scalars(
                update(Case)
                .where(Case.id.in_(ids), Case.state == "approved", Case.handed_over_at.is_(None))
                .values(handed_over_at=at)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).all()
        for case_id in done:
            audit.write(s, case_id, audit.actor(actor), "handed_over", at=at)
        return len(done)


async def deadline_reminders_due(
    db: Db, *, now: datetime, deadline_days: int, warn_days: float
) -> list[DeadlineCase]:
    """Approved cases not handed over, with `warn_days` or less left before the deadline
    (and some left), whose admins were not reminded yet; the closest deadline first."""
    due = timedelta(days=deadline_days)
    async with transaction(db, read_only=True) as s:
        rows = await s.execute(
            select(Case.id, Case.election, Case.asn_nama, Case.created_at)
            .where(
                Case.state == "approved",
                Case.handed_over_at.is_(None),
                Case.deadline_reminded_at.is_(None),
                Case.created_at > now - due,
                Case.created_at <= now - due + timedelta(days=warn_days),
            )
            .order_by(Case.created_at, Case.id)
        )
        return [
            DeadlineCase(cid, election, nama, created, created + due - now)
            for cid, election, nama, created in rows
        ]


async def claim_deadline_reminder(db: Db, case_id: int, *, now: datetime) -> bool:
    """True for the one caller (process) that is to send this case's reminder."""
    async with transaction(db) as s:
        row = (
            await s.execute(
                update(Case)
                .where(Case.id == case_id, Case.deadline_reminded_at.is_(None))
                .values(deadline_reminded_at=now)
                .returning(Case.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        return row is not None


async def unclaim_deadline_reminder(db: Db, case_id: int) -> None:
    """Give the claim back after the reminder could not be sent (the next check retries)."""
    async with transaction(db) as s:
        await s.execute(
            update(Case)
            .where(Case.id == case_id)
            .values(deadline_reminded_at=None)
            .execution_options(synchronize_session=False)
        )
