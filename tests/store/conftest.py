"""A freshly migrated database per test: a real SQLite file, and PostgreSQL too when
NETRA_TEST_POSTGRES_URL (e.g. postgresql+asyncpg://postgres@127.0.0.1:55432/netra_test) is set.
Each PostgreSQL-mode test gets a new database of its own (`tests.postgres.fresh_database`), so test
workers running side by side (pytest-xdist) never touch each other's tables."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.db import create_engine, migrate, session_factory
from tests.postgres import PG_URL, fresh_database


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=pytest.mark.skipif(not PG_URL, reason="NETRA_TEST_POSTGRES_URL not set"),
        ),
    ]
)
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'data' / 'netra.db'}"
        return
    async with fresh_database() as url:
        yield url


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    await migrate(db_url)
    engine = create_engine(db_url)
    yield session_factory(engine)
    await engine.dispose()
