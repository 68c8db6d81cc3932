"""A freshly migrated database per test: a real SQLite file, and PostgreSQL too when
NETRA_TEST_POSTGRES_URL (e.g. postgresql+asyncpg://postgres@127.0.0.1:55432/netra_test) is set.
The PostgreSQL database is wiped (schema public dropped) before each test."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.db import create_engine, migrate, session_factory

PG_URL = os.environ.get("NETRA_TEST_POSTGRES_URL")


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=pytest.mark.skipif(not PG_URL, reason="NETRA_TEST_POSTGRES_URL not set"),
        ),
    ]
)
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'data' / 'netra.db'}"
    assert PG_URL
    engine = create_engine(PG_URL)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    return PG_URL


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    await migrate(db_url)
    engine = create_engine(db_url)
    yield session_factory(engine)
    await engine.dispose()
