"""Reporters: pseudonymous people who send screenshots ("Pelapor #N"), blocked and revealed
only by admins (audited), and what they are told about their own tickets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store import audit
from store.db import Db, retry_on_conflict, transaction
from store.errors import NotFound
from store.models import Case, Reporter, Submission, utcnow
from store.records import Notification, ReporterInfo, TicketStatus
from wording import id as t


async def reporter_row(session: AsyncSession, telegram_user_id: int) -> Reporter:
    reporter = await session.scalar(
        select(Reporter).where(Reporter.telegram_user_id == telegram_user_id)
    )
    if reporter is None:
        reporter = Reporter(telegram_user_id=telegram_user_id, created_at=utcnow(), blocked=False)
        session.add(reporter)
        await session.flush()
    return reporter


async def get_or_create_reporter(db: Db, telegram_user_id: int) -> ReporterInfo:
    """The pseudonymous reporter for a Telegram user, created on first contact. A known
    reporter is only read: no write lock taken for every screenshot."""
    async with transaction(db, read_only=True) as s:
        known = (
            await s.execute(
                select(Reporter.id, Reporter.blocked).where(
                    Reporter.telegram_user_id == telegram_user_id
                )
            )
        ).one_or_none()
    if known is not None:
        return ReporterInfo(known.id, known.blocked)

    async def attempt() -> ReporterInfo:
        async with transaction(db) as s:
            r = await reporter_row(s, telegram_user_id)
            return ReporterInfo(r.id, r.blocked)

    return await retry_on_conflict(attempt)


async def _set_blocked(db: Db, reporter_id: int, by: int, blocked: bool) -> bool:
    now = utcnow()
    async with transaction(db) as s:
        r = await s.get(Reporter, reporter_id)
        if r is None:
            raise NotFound(t.REF_REPORTER.format(reporter=reporter_id))
        if r.blocked == blocked:
            return False
        r.blocked, r.blocked_at, r.blocked_by = blocked, (now if blocked else None), by
        action = "block_reporter" if blocked else "unblock_reporter"
        audit.write(
            s,
            None,
            audit.actor(by),
            action,
            note=t.REF_REPORTER.format(reporter=reporter_id),
            at=now,
        )
        return True


async def block_reporter(db: Db, reporter_id: int, by: int) -> bool:
    """Stop recording a reporter's screenshots; False if already blocked."""
    return await _set_blocked(db, reporter_id, by, True)


async def unblock_reporter(db: Db, reporter_id: int, by: int) -> bool:
    """Undo `block_reporter`; False if not blocked."""
    return await _set_blocked(db, reporter_id, by, False)


async def reveal_reporter(db: Db, reporter_id: int, by: int, reason: str) -> int:
    """The Telegram user id behind "Pelapor #N"; always leaves an audit row (who, why)."""
    async with transaction(db) as s:
        r = await s.get(Reporter, reporter_id)
        if r is None:
            raise NotFound(t.REF_REPORTER.format(reporter=reporter_id))
        audit.write(
            s,
            None,
            audit.actor(by),
            "reveal_reporter",
            note=t.AUDIT_REVEAL.format(reporter=reporter_id, reason=reason),
        )
        return r.telegram_user_id


async def count_recent_submissions(db: Db, telegram_user_id: int, since: datetime) -> int:
    """How many screenshots a user sent since `since` (aware datetime), for rate limits."""
    async with transaction(db, read_only=True) as s:
        n = await s.scalar(
            select(func.count(Submission.id))
            .join(Reporter, Reporter.id == Submission.reporter_id)
            .where(Reporter.telegram_user_id == telegram_user_id, Submission.received_at >= since)
        )
        return int(n or 0)


async def tickets_of(
    db: Db, telegram_user_id: int, ticket_ids: Sequence[int] | None = None, limit: int = 50
) -> list[TicketStatus]:
    """A reporter's own tickets (never anyone else's), newest first."""
    async with transaction(db, read_only=True) as s:
        q = (
            select(Submission.id, Submission.case_id, Case.state, Submission.received_at)
            .add_columns(Submission.notified_outcome_at)
            .join(Reporter, Reporter.id == Submission.reporter_id)
            .join(Case, Case.id == Submission.case_id)
            .where(Reporter.telegram_user_id == telegram_user_id)
            .order_by(Submission.id.desc())
            .limit(limit)
        )
        if ticket_ids is not None:
            q = q.where(Submission.id.in_(list(ticket_ids)))
        return [TicketStatus(*row) for row in await s.execute(q)]


async def submissions_to_notify(db: Db, case_id: int) -> list[Notification]:
    """Tickets of a case whose reporter has not yet been told the outcome."""
    async with transaction(db, read_only=True) as s:
        rows = await s.execute(
            select(Submission.telegram_chat_id, Submission.telegram_message_id, Submission.id)
            .where(Submission.case_id == case_id, Submission.notified_outcome_at.is_(None))
            .order_by(Submission.id)
        )
        return [Notification(*row) for row in rows]


async def mark_notified(db: Db, tickets: Iterable[int]) -> None:
    """Record that these tickets' reporters were told the outcome."""
    ids = list(tickets)
    if not ids:
        return
    async with transaction(db) as s:
        await s.execute(
            update(Submission)
            .where(Submission.id.in_(ids), Submission.notified_outcome_at.is_(None))
            .values(notified_outcome_at=utcnow())
            .execution_options(synchronize_session=False)
        )
