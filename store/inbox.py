"""The update inbox: every Telegram update is a row before Telegram is told it arrived.

Why: long polling confirms a batch to Telegram with the next getUpdates offset, and a webhook
with its 200 answer. An update confirmed but not yet handled when the process dies is gone
for good unless it was written down first. The bot records each update here (one short
transaction, `record_update`) before the offset can move past it, handles it, then marks it
done (`finish_update`). At start-up `unfinished_updates` hands back what a crash interrupted;
an update Telegram delivers again finds its row and is not handled twice.

Rows are keyed by (bot id, update id): update ids restart with another bot, and after a
week without updates Telegram picks the next id at random, so finished rows are pruned after
two days (`prune_updates`) and cannot shadow a new update.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from store.db import Db, transaction
from store.models import InboxUpdate, utcnow
from store.records import PendingUpdate, Unfinished

KEEP_FINISHED = timedelta(days=2)


async def record_update(db: Db, bot_id: int, update_id: int, payload: str) -> bool:
    """Record a raw update (JSON); False when it is already known (re-delivered)."""
    values = {
        "bot_id": bot_id,
        "update_id": update_id,
        "state": "pending",
        "payload": payload,
        "attempts": 1,
        "received_at": utcnow(),
    }
    async with transaction(db) as s:
        conn = await s.connection()
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = (
            dialect.insert(InboxUpdate)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
            .returning(InboxUpdate.update_id)
        )
        return (await s.execute(stmt)).first() is not None


async def record_updates(db: Db, bot_id: int, updates: list[tuple[int, str]]) -> set[int]:
    """Record a batch of raw updates (id, JSON) in one transaction; returns the ids that were
    new (the others were delivered before)."""
    if not updates:
        return set()
    now = utcnow()
    rows = [
        {
            "bot_id": bot_id,
            "update_id": update_id,
            "state": "pending",
            "payload": payload,
            "attempts": 1,
            "received_at": now,
        }
        for update_id, payload in updates
    ]
    async with transaction(db) as s:
        conn = await s.connection()
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = (
            dialect.insert(InboxUpdate)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
            .returning(InboxUpdate.update_id)
        )
        return set((await s.scalars(stmt)).all())


async def finish_update(db: Db, bot_id: int, update_id: int) -> None:
    """The update was handled: keep its id (re-deliveries are recognised), drop its content."""
    await finish_updates(db, bot_id, [update_id])


async def finish_updates(db: Db, bot_id: int, update_ids: list[int]) -> None:
    """`finish_update` for several updates in one transaction."""
    if not update_ids:
        return
    async with transaction(db, urgent=True) as s:
        await s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.bot_id == bot_id, InboxUpdate.update_id.in_(update_ids))
            .values(state="done", done_at=utcnow(), payload=None)
            .execution_options(synchronize_session=False)
        )


async def unfinished_updates(db: Db, bot_id: int, max_attempts: int = 5) -> Unfinished:
    """Updates recorded but not finished (the process died), oldest first. One whose handling
    was started `max_attempts` times already (`restart_update`) is given up instead: an
    update that kills the process every time must not stop the bot for good. Updates that only
    waited in the queue when the process died are not counted against."""
    async with transaction(db) as s:
        rows = (
            await s.execute(
                select(InboxUpdate.update_id, InboxUpdate.payload, InboxUpdate.attempts)
                .where(InboxUpdate.bot_id == bot_id, InboxUpdate.state == "pending")
                .order_by(InboxUpdate.update_id)
            )
        ).all()
        retry = [r for r in rows if r.attempts < max_attempts and r.payload]
        give_up = [r for r in rows if r.attempts >= max_attempts or not r.payload]
        if give_up:
            await s.execute(
                update(InboxUpdate)
                .where(
                    InboxUpdate.bot_id == bot_id,
                    InboxUpdate.update_id.in_([r.update_id for r in give_up]),
                )
                .values(state="given_up", done_at=utcnow(), payload=None)
                .execution_options(synchronize_session=False)
            )
        return Unfinished(
            [PendingUpdate(r.update_id, r.payload, r.attempts) for r in retry],
            [PendingUpdate(r.update_id, r.payload or "", r.attempts) for r in give_up],
        )


async def restart_update(db: Db, bot_id: int, update_id: int) -> None:
    """Handling of a recovered update starts again: one more attempt."""
    async with transaction(db) as s:
        await s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.bot_id == bot_id, InboxUpdate.update_id == update_id)
            .values(attempts=InboxUpdate.attempts + 1)
            .execution_options(synchronize_session=False)
        )


async def given_up_updates(db: Db, bot_id: int) -> list[int]:
    """Ids of updates abandoned after too many attempts (for logs and tests)."""
    async with transaction(db, read_only=True) as s:
        rows = await s.scalars(
            select(InboxUpdate.update_id)
            .where(InboxUpdate.bot_id == bot_id, InboxUpdate.state == "given_up")
            .order_by(InboxUpdate.update_id)
        )
        return list(rows)


async def prune_updates(db: Db, keep: timedelta = KEEP_FINISHED) -> int:
    """Delete finished rows older than `keep`; returns how many went."""
    cutoff = utcnow() - keep
    async with transaction(db) as s:
        result = await s.execute(
            delete(InboxUpdate)
            .where(InboxUpdate.state != "pending", InboxUpdate.done_at < cutoff)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
