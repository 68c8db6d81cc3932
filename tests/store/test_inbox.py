"""The update inbox: recorded before confirmed, handled once, recovered after a
crash, given up after repeated crashes, pruned when old."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store import inbox
from store.models import InboxUpdate, utcnow

Db = async_sessionmaker[AsyncSession]
BOT = 123456


def raw(update_id: int) -> str:
    return json.dumps({"update_id": update_id, "message": {"text": "halo"}})


async def test_a_redelivered_update_is_recorded_once(db: Db) -> None:
    assert await inbox.record_update(db, BOT, 100, raw(100))
    assert not await inbox.record_update(db, BOT, 100, raw(100))
    # Another bot's update with the same id is another update.
    assert await inbox.record_update(db, BOT + 1, 100, raw(100))
    results = await asyncio.gather(*(inbox.record_update(db, BOT, 101, raw(101)) for _ in range(8)))
    assert sorted(results) == [False] * 7 + [True]


async def test_a_batch_is_recorded_in_one_go_and_says_which_are_new(db: Db) -> None:
    assert await inbox.record_update(db, BOT, 11, raw(11))
    fresh = await inbox.record_updates(db, BOT, [(u, raw(u)) for u in (10, 11, 12)])
    assert fresh == {10, 12}
    assert await inbox.record_updates(db, BOT, [(u, raw(u)) for u in (10, 11, 12)]) == set()
    assert await inbox.record_updates(db, BOT, []) == set()
    pending = await inbox.unfinished_updates(db, BOT)
    assert [p.update_id for p in pending.retry] == [10, 11, 12]


async def test_unfinished_updates_come_back_oldest_first_then_are_given_up(db: Db) -> None:
    """Given up after `max_attempts` starts of its handling, not after waits in the queue."""
    for update_id in (7, 5, 6):
        await inbox.record_update(db, BOT, update_id, raw(update_id))
    await inbox.finish_update(db, BOT, 6)
    first = await inbox.unfinished_updates(db, BOT, max_attempts=3)
    assert [(p.update_id, p.attempts) for p in first.retry] == [(5, 1), (7, 1)]
    assert json.loads(first.retry[0].payload)["update_id"] == 5 and first.given_up == []
    # Only updates whose handling started again count: 7 waited in the queue.
    await inbox.restart_update(db, BOT, 5)
    second = await inbox.unfinished_updates(db, BOT, max_attempts=3)
    assert [(p.update_id, p.attempts) for p in second.retry] == [(5, 2), (7, 1)]
    await inbox.restart_update(db, BOT, 5)
    await inbox.finish_update(db, BOT, 7)
    # Update 5 was being handled at three deaths: it is given up, not retried forever; its
    # content comes back once so that its sender can be told.
    third = await inbox.unfinished_updates(db, BOT, max_attempts=3)
    assert third.retry == [] and [p.update_id for p in third.given_up] == [5]
    assert json.loads(third.given_up[0].payload)["update_id"] == 5
    assert await inbox.given_up_updates(db, BOT) == [5]
    assert (await inbox.unfinished_updates(db, BOT, max_attempts=3)).given_up == []
    assert not await inbox.record_update(db, BOT, 5, raw(5))  # still known


async def test_finished_updates_keep_no_content_and_are_pruned(db: Db) -> None:
    await inbox.record_update(db, BOT, 1, raw(1))
    await inbox.record_update(db, BOT, 2, raw(2))
    await inbox.finish_update(db, BOT, 1)
    async with db() as s:
        row = await s.get(InboxUpdate, (BOT, 1))
        assert row is not None and row.state == "done" and row.payload is None
    assert await inbox.prune_updates(db) == 0  # finished just now
    async with db() as s, s.begin():
        await s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == 1)
            .values(done_at=utcnow() - timedelta(days=3))
        )
    assert await inbox.prune_updates(db) == 1
    pending = await inbox.unfinished_updates(db, BOT)
    assert [p.update_id for p in pending.retry] == [2]  # pending rows are never pruned
