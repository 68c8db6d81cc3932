"""The scheduler's ledgers: what was sent, so that it is sent exactly once.

* `claim_digest` / `finish_digest`: one `digest_runs` row per (period, recipient chat), UNIQUE.
  The claim is the INSERT itself (ON CONFLICT DO NOTHING): whoever inserts sends; everyone else
  backs off. A "failed" row, or a "claimed" row older than the claim timeout (its sender died
  between claiming and confirming), may be re-claimed by a guarded UPDATE. That last case is the
  one place a digest can go out twice: we prefer a rare duplicate after a crash mid-send over a
  digest that is silently never sent.
* `claim_reminder`: the time of the last backlog reminder, in `settings`, advanced by one guarded
  UPDATE so two processes cannot both remind within the window.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from store.db import Db, dialect_of, transaction
from store.models import DigestRun, Setting
from store.records import DigestRunInfo

REMINDER_SETTING = "scheduler.last_reminder_at"
DIGEST_SINCE_SETTING = "scheduler.digest_since"


def _insert(dialect: str) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(DigestRun)


async def claim_digest(
    db: Db,
    *,
    period_key: str,
    chat_id: int,
    start: datetime,
    end: datetime,
    now: datetime,
    stale_after: timedelta,
    max_attempts: int = 5,
) -> str | None:
    """Claim the right to send one digest to one chat; returns a claim token, or None when
    someone else has it (sent, or claimed recently, or failed `max_attempts` times)."""
    token = str(uuid.uuid4())
    async with transaction(db) as s:
        dialect = await dialect_of(s)
        stmt = (
            _insert(dialect)
            .values(
                period_key=period_key,
                chat_id=chat_id,
                period_start=start,
                period_end=end,
                state="claimed",
                claim_token=token,
                claimed_at=now,
                attempts=1,
            )
            .on_conflict_do_nothing(index_elements=["period_key", "chat_id"])
            .returning(DigestRun.id)
        )
        if (await s.execute(stmt)).one_or_none() is not None:
            return token
        retaken = (
            await s.execute(
                update(DigestRun)
                .where(
                    DigestRun.period_key == period_key,
                    DigestRun.chat_id == chat_id,
                    DigestRun.attempts < max_attempts,
                    or_(
                        DigestRun.state == "failed",
                        and_(
                            DigestRun.state == "claimed", DigestRun.claimed_at < now - stale_after
                        ),
                    ),
                )
                .values(
                    state="claimed",
                    claim_token=token,
                    claimed_at=now,
                    attempts=DigestRun.attempts + 1,
                )
                .returning(DigestRun.id)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        return token if retaken is not None else None


async def finish_digest(
    db: Db, *, period_key: str, chat_id: int, token: str, now: datetime, error: str | None = None
) -> bool:
    """Record the outcome of a claimed send ("sent", or "failed" with a short error)."""
    async with transaction(db) as s:
        res = await s.execute(
            update(DigestRun)
            .where(
                DigestRun.period_key == period_key,
                DigestRun.chat_id == chat_id,
                DigestRun.claim_token == token,
            )
            .values(
                state="failed" if error else "sent",
                sent_at=None if error else now,
                error=(error or None) and error[:200],
            )
            .execution_options(synchronize_session=False)
        )
        return bool(res.rowcount)  # type: ignore[attr-defined]


async def digest_runs(db: Db, period_key: str | None = None) -> list[DigestRunInfo]:
    async with transaction(db, read_only=True) as s:
        q = select(DigestRun).order_by(DigestRun.id)
        if period_key is not None:
            q = q.where(DigestRun.period_key == period_key)
        return [
            DigestRunInfo(
                r.period_key,
                r.chat_id,
                r.period_start,
                r.period_end,
                r.state,
                r.attempts,
                r.sent_at,
                r.error,
            )
            for r in await s.scalars(q)
        ]


async def last_digest_sent(db: Db) -> datetime | None:
    """When a scheduled digest last reached a recipient (`netra status`)."""
    async with transaction(db, read_only=True) as s:
        return await s.scalar(select(func.max(DigestRun.sent_at)).where(DigestRun.state == "sent"))


async def digest_since(db: Db, now: datetime) -> datetime:
    """When digests started being owed: the first start of the scheduler (stored once). A
    scheduled time before it was never missed (the bot did not exist yet)."""
    async with transaction(db) as s:
        row = await s.get(Setting, DIGEST_SINCE_SETTING)
        if row is not None:
            return datetime.fromisoformat(row.value)
        s.add(Setting(key=DIGEST_SINCE_SETTING, value=_iso(now), updated_at=now))
        return now


def _iso(moment: datetime) -> str:
    """Fixed-width UTC text, so that string order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


async def claim_reminder(db: Db, *, now: datetime, every: timedelta) -> bool:
    """True if no reminder was sent in the last `every` (and records `now` as the last one).

    One transaction: SQLite serialises writers (BEGIN IMMEDIATE); on PostgreSQL the guarded
    UPDATE (or the primary key of the first INSERT) decides between concurrent callers.
    """
    async with transaction(db) as s:
        dialect = await dialect_of(s)
        ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Setting)
        first = (
            await s.execute(
                ins.values(key=REMINDER_SETTING, value=_iso(now), updated_at=now)
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(Setting.key)
            )
        ).one_or_none()
        if first is not None:
            return True
        done = (
            await s.execute(
                update(Setting)
                .where(Setting.key == REMINDER_SETTING, Setting.value <= _iso(now - every))
                .values(value=_iso(now), updated_at=now)
                .returning(Setting.key)
                .execution_options(synchronize_session=False)
            )
        ).one_or_none()
        return done is not None


async def unclaim_reminder(db: Db, *, previous: datetime | None) -> None:
    """Give a reminder claim back after the send failed (so the next check retries)."""
    async with transaction(db) as s:
        row = await s.get(Setting, REMINDER_SETTING)
        if row is not None:
            row.value = _iso(previous or datetime(1970, 1, 1, tzinfo=UTC))
