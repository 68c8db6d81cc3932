"""`netra status`: what the person on call reads, in either mode."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import store
from cli import main
from tests.postgres import needs_postgres, pg_url  # noqa: F401 - the fixture


def _config(tmp_path: Path, url: str | None = None) -> Path:
    config = tmp_path / "config.toml"
    database = f'[database]\nurl = "{url}"\n' if url else ""
    config.write_text(f'[netra]\ndata_dir = "var"\n{database}')
    return config


def test_status_of_the_embedded_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(store.migrate(f"sqlite+aiosqlite:///{tmp_path / 'var' / 'netra.db'}"))
    assert main(["status", "--config", str(_config(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "SQLite" in out and "belum dianalisis: 0" in out and "belum pernah" in out


@needs_postgres
def test_status_shows_waiting_jobs_and_that_nobody_works_them(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    async def one_job_waiting() -> None:
        await store.migrate(pg_url)
        engine = store.create_engine(pg_url)
        await store.defer_analysis(store.session_factory(engine), 1)
        await engine.dispose()

    asyncio.run(one_job_waiting())
    assert main(["status", "--config", str(_config(tmp_path, pg_url))]) == 0
    out = capsys.readouterr().out
    assert "antrean analyse: 1 menunggu, 0 berjalan" in out
    assert "pekerjaan tertua yang menunggu" in out and "worker hidup: 0" in out


def test_a_worker_needs_postgresql(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worker", "--config", str(_config(tmp_path))]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
