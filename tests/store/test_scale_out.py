"""The store's side of PostgreSQL mode: migrations when several processes start together,
screenshots in the database, jobs written with their rows, Telegram's shared pace."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import time

import pytest
from sqlalchemy import text

import store
from tests.postgres import needs_postgres, pg_url  # noqa: F401 - the fixture

pytestmark = needs_postgres


async def test_four_processes_starting_together_migrate_once(pg_url: str) -> None:  # noqa: F811
    """Without the advisory lock two of them collide on CREATE TABLE."""
    await asyncio.gather(*(store.migrate(pg_url) for _ in range(4)))
    engine = store.create_engine(pg_url)
    async with engine.connect() as conn:
        versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        jobs = await conn.scalar(text("SELECT count(*) FROM procrastinate_jobs"))
    await engine.dispose()
    assert len(versions) == 1 and jobs == 0


async def test_screenshots_live_in_the_database_by_their_sha256(pg_url: str) -> None:  # noqa: F811
    await store.migrate(pg_url)
    blobs = store.BlobStore(pg_url)
    try:
        data = b"\x89PNG not really" * 100
        sha = hashlib.sha256(data).hexdigest()
        path = blobs.relative_path(sha, ".png")
        blobs.write(path, data)
        blobs.write(path, data)  # the same bytes again: stored once
        assert blobs.read(path) == data and blobs.exists(path)
        assert blobs.read(f"roster/{sha}.csv") == data  # content-addressed: the name's stem
        with pytest.raises(ValueError):
            blobs.write(blobs.relative_path("0" * 64, ".png"), data)  # not its content's hash
        assert blobs.delete([path]) == 1 and not blobs.exists(path)
        with pytest.raises(FileNotFoundError):
            blobs.read(path)
    finally:
        blobs.close()


async def _submit(db: store.Db, i: int) -> store.SubmissionResult:
    return await store.record_submission(
        db,
        telegram_user_id=100 + i % 3,
        sha256=hashlib.sha256(str(i).encode()).hexdigest(),
        phash=None,
        file_path=f"files/x/{i}.png",
        size=1,
        mime="image/png",
        width=1,
        height=1,
        source="photo",
        chat_id=100 + i % 3,
        message_id=i,
        defer_analysis=True,
    )


async def _jobs(db: store.Db) -> list[tuple[str, str, str]]:
    async with db() as s:
        rows = await s.execute(
            text("SELECT task_name, queue_name, lock FROM procrastinate_jobs ORDER BY id")
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


async def test_every_new_case_commits_with_its_analysis_job(pg_url: str) -> None:  # noqa: F811
    await store.migrate(pg_url)
    engine = store.create_engine(pg_url)
    db = store.session_factory(engine)
    try:
        results = await asyncio.gather(*(_submit(db, i) for i in range(20)))
        again = await _submit(db, 3)  # the same message handled again: its ticket, no job
        assert again.repeat
        jobs = await _jobs(db)
        assert sorted(jobs) == sorted(
            (store.ANALYSE_TASK, store.ANALYSE_QUEUE, f"case:{r.case_id}") for r in results
        )
        # A case left "new" without a job (say, re-analysed by a process that then died)
        # gets one from the start-up sweep; the others already have theirs.
        async with db() as s, s.begin():
            await s.execute(
                text("DELETE FROM procrastinate_jobs WHERE lock = :l"), {"l": jobs[0][2]}
            )
        assert await store.requeue_orphans(db) == [int(jobs[0][2].split(":")[1])]
        assert await store.requeue_orphans(db) == []
    finally:
        await engine.dispose()


async def test_the_shared_pace_holds_for_every_process_together(pg_url: str) -> None:  # noqa: F811
    """Three "processes" (engines) reserve 60 sends to one group: 20 go at once (the burst),
    the others wait their 3 s slots, whoever reserves."""
    await store.migrate(pg_url)
    engines = [store.create_engine(pg_url) for _ in range(3)]
    dbs = [store.session_factory(e) for e in engines]
    try:
        keys = [("all", 1 / 30, 30.0), ("chat:-100", 3.0, 20.0)]
        t0 = time.monotonic()

        async def slot(i: int) -> float:
            """When this send may go (seconds after t0)."""
            wait = await store.reserve_sends(dbs[i % 3], keys)
            return time.monotonic() - t0 + wait

        slots = sorted(await asyncio.gather(*(slot(i) for i in range(60))))
        assert slots[19] < 1.0 < slots[20]  # the burst of 20, then the pace
        assert slots[-1] == pytest.approx(40 * 3.0, abs=1.0)
        gaps = [b - a for a, b in itertools.pairwise(slots[20:])]
        assert min(gaps) == pytest.approx(3.0, abs=0.1)
        start = time.monotonic()
        assert await store.reserve_sends(dbs[0], [("chat:5", 1.0, 20.0)]) == 0
        assert time.monotonic() - start < 1
    finally:
        for e in engines:
            await e.dispose()
