"""Engine set-up and migrations."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from store import phash as ph
from store.db import alembic_config, create_engine, migrate
from store.models import Base


async def test_sqlite_pragmas_and_wal(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    await migrate(url)
    engine = create_engine(url)
    async with engine.connect() as conn:
        assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
        assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
        assert (await conn.exec_driver_sql("PRAGMA synchronous")).scalar() == 1  # NORMAL
    await engine.dispose()
    assert (tmp_path / "x.db-wal").exists() or (tmp_path / "x.db").exists()


async def test_sqlite_foreign_keys_enforced(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    await migrate(url)
    engine = create_engine(url)
    with pytest.raises(Exception, match="FOREIGN KEY"):
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO audit_log (case_id, actor, action, at) "
                    "VALUES (999, 'system', 'x', '2026-01-01 00:00:00')"
                )
            )
    await engine.dispose()


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """procrastinate's tables (PostgreSQL mode) are its own schema, not our models."""
    table = name if type_ == "table" else (parent_names or {}).get("table_name")  # type: ignore[attr-defined]
    return not str(table or name or "").startswith("procrastinate_")


def _diff(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"include_name": _ours})
    return list(compare_metadata(context, Base.metadata))


async def test_migrate_twice_from_any_cwd_matches_models(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    await migrate(db_url)
    await migrate(db_url)  # idempotent
    engine = create_engine(db_url)
    async with engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config(db_url)).get_current_head()
        assert (
            await conn.execute(text("SELECT version_num FROM alembic_version"))
        ).scalar() == head
        assert await conn.run_sync(_diff) == []
    await engine.dispose()


async def test_naive_datetimes_refused_and_utc_round_trip(db) -> None:  # type: ignore[no-untyped-def]
    from store.models import Setting

    async with db() as s, s.begin():
        s.add(Setting(key="k", value="v", updated_at=datetime(2026, 1, 1, 7, tzinfo=UTC)))
    async with db() as s:
        row = await s.get(Setting, "k")
        assert row is not None
        assert row.updated_at == datetime(2026, 1, 1, 7, tzinfo=UTC)
        assert row.updated_at.tzinfo is not None
    with pytest.raises(Exception, match="naive"):
        async with db() as s, s.begin():
            s.add(Setting(key="n", value="v", updated_at=datetime(2026, 1, 1)))


def test_band_probes_never_miss_within_threshold() -> None:
    rng = random.Random(5)
    for threshold in (3, 7, 8, 11):
        for _ in range(300):
            a = rng.getrandbits(64)
            bits = rng.sample(range(64), rng.randint(0, threshold))
            b = a
            for bit in bits:
                b ^= 1 << bit
            ha, hb = f"{a:016x}", f"{b:016x}"
            assert ph.distance(ha, hb) == len(bits)
            probes = ph.band_probes(ha, threshold)
            assert any(band in probe for band, probe in zip(ph.bands(hb), probes, strict=True))


async def test_sqlite_writers_of_one_process_take_turns_urgent_ones_first() -> None:
    """The writer queue in front of SQLite (store.db.transaction): one writer at a time, urgent
    ones (an update marked done) before the others waiting, a cancelled waiter skipped."""
    import asyncio

    from store.db import WriterQueue

    queue = WriterQueue()
    order: list[str] = []
    release = asyncio.Event()

    async def writer(name: str, urgent: bool = False, hold: bool = False) -> None:
        async with queue.turn(urgent):
            order.append(name)
            if hold:
                await release.wait()

    first = asyncio.create_task(writer("first", hold=True))
    await asyncio.sleep(0)
    plain = [asyncio.create_task(writer(f"plain{i}")) for i in range(3)]
    gone = asyncio.create_task(writer("cancelled"))
    urgent = asyncio.create_task(writer("urgent", urgent=True))
    await asyncio.sleep(0)
    gone.cancel()
    release.set()
    await asyncio.gather(first, urgent, *plain, return_exceptions=True)
    assert order == ["first", "urgent", "plain0", "plain1", "plain2"]
    async with queue.turn(False):  # free again
        pass
