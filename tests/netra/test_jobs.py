"""The shared job queue of PostgreSQL mode, in one process: two workers racing on a case
leave one verdict and ask for one card; a job whose worker went silent is handed back; a
worker with another roster than the bot's is refused, naming both versions."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import store
from netra import jobs, worker
from netra.config import Config, QueueSettings, TelegramSettings
from netra.errors import ConfigError
from netra.services import Services, start_services, stop_services
from tests.bot.conftest import FLAGGED_VERDICT
from tests.conftest import ELECTION_TOML, ROSTER_CSV
from tests.postgres import needs_postgres, pg_url  # noqa: F401 - the fixture

pytestmark = needs_postgres


def pg_config(tmp_path: Path, url: str, roster: str = ROSTER_CSV) -> Config:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "roster.csv").write_text(roster)
    (tmp_path / "election.toml").write_text(ELECTION_TOML)
    return Config(
        roster=tmp_path / "roster.csv",
        election=tmp_path / "election.toml",
        data_dir=tmp_path / "var",
        database_url=url,
        telegram=TelegramSettings(token="1:T", moderator_chat_id=-100),
        queue=QueueSettings(heartbeat_seconds=0.2, stalled_after_seconds=1.0),
    )


@pytest.fixture
async def services(tmp_path: Path, pg_url: str) -> AsyncIterator[Services]:  # noqa: F811
    svc = await start_services(pg_config(tmp_path, pg_url))
    yield svc
    await stop_services(svc)


class SlowFlagging:
    """The OCR boundary swapped: every screenshot is flagged, after a while (so that two
    workers are surely inside the analysis together)."""

    workers = 1

    def __init__(self) -> None:
        self.calls = 0

    def close(self) -> None:
        """Nothing to stop."""

    async def analyse(self, data: bytes) -> Any:
        self.calls += 1
        await asyncio.sleep(0.3)
        return _Verdict()


class _Verdict:
    asn = None

    def to_dict(self) -> dict[str, Any]:
        return dict(FLAGGED_VERDICT)


async def new_case(services: Services, i: int) -> int:
    data = f"screenshot {i}".encode()
    path = services.files.relative_path(hashlib.sha256(data).hexdigest(), ".png")
    await asyncio.to_thread(services.files.write, path, data)
    result = await store.record_submission(
        services.db,
        telegram_user_id=7000,
        sha256=hashlib.sha256(data).hexdigest(),
        phash=None,
        file_path=path,
        size=len(data),
        mime="image/png",
        width=1,
        height=1,
        source="photo",
        chat_id=7000,
        message_id=i,
        defer_analysis=True,
    )
    return result.case_id


async def _count(services: Services, sql: str, **params: object) -> int:
    async with services.db() as s:
        return int(await s.scalar(text(sql), params) or 0)


async def test_two_workers_racing_on_a_case_save_one_verdict_and_ask_one_card(
    services: Services,
) -> None:
    services.pool.close()
    services.pool = SlowFlagging()  # type: ignore[assignment]
    case_id = await new_case(services, 1)
    states = await asyncio.gather(*(worker.analyse_case(services, case_id) for _ in range(2)))
    assert sorted(states, key=str) == [None, "flagged"]
    assert services.pool.calls == 2  # both analysed ...
    analysed = await _count(
        services,
        "SELECT count(*) FROM audit_log WHERE case_id = :c AND action = 'analysed'",
        c=case_id,
    )
    cards = await _count(
        services, "SELECT count(*) FROM procrastinate_jobs WHERE task_name = :t", t=store.CARD_TASK
    )
    assert (analysed, cards) == (1, 1)  # ... one verdict saved, one card asked for
    # The analysis job run again (its worker was thought dead) finds the case analysed and
    # asks for the card only if it was never posted for this version: posting checks again.
    await jobs.card_if_owed(services, case_id)
    case = await store.get_case(services.db, case_id)
    assert case is not None and case.state == "flagged"
    await store.set_moderator_message(services.db, case_id, -100, 1, version=case.version)
    await jobs.card_if_owed(services, case_id)
    cards = await _count(
        services, "SELECT count(*) FROM procrastinate_jobs WHERE task_name = :t", t=store.CARD_TASK
    )
    assert cards == 2  # one more while unposted, none once the card shows this version


async def test_a_job_whose_worker_went_silent_runs_again(services: Services) -> None:
    """A worker killed -9 stops its heartbeat: its job goes back to the queue within
    `stalled_after_seconds` plus a heartbeat, for any other worker to take."""
    case_id = await new_case(services, 2)
    async with services.db() as s, s.begin():
        dead = await s.scalar(text("SELECT procrastinate_register_worker_v1()"))
        taken = await s.scalar(
            text("SELECT id FROM procrastinate_fetch_job_v2(ARRAY['analyse']::varchar[], :w)"),
            {"w": dead},
        )
    assert taken is not None
    app = jobs.make_app(services)
    async with app.open_async():
        rescuer = asyncio.create_task(jobs.rescue_stalled(app, services))
        try:
            for _ in range(50):
                await asyncio.sleep(0.1)
                status = await _count(
                    services, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'"
                )
                if status:
                    break
        finally:
            rescuer.cancel()
    assert status == 1, "the dead worker's job was not handed back within 5 s"
    lock = await _count(
        services,
        "SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo' AND lock = :l",
        l=f"case:{case_id}",
    )
    assert lock == 1


async def test_a_worker_with_another_roster_is_refused_naming_both_versions(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    bot = await start_services(pg_config(tmp_path / "bot", pg_url))  # publishes its roster
    await stop_services(bot)
    other = (
        ROSTER_CSV + "199201012019011001,Dedi Kurnia,Staf,Dinas Sosial,Pemerintah Kota Contoh,,\n"
    )
    config = pg_config(tmp_path / "worker", pg_url, roster=other)
    with pytest.raises(ConfigError) as refused:
        await start_services(config, worker=True)
    mine = hashlib.sha256(other.encode()).hexdigest()[:12]
    theirs = hashlib.sha256(ROSTER_CSV.encode()).hexdigest()[:12]
    assert mine in str(refused.value) and theirs in str(refused.value)
    assert "roster" in str(refused.value)
    # The same file, or none at all (the database's is read), is fine.
    same = await start_services(pg_config(tmp_path / "same", pg_url), worker=True)
    assert len(same.roster) == len(bot.roster)
    await stop_services(same)
    bare = await start_services(replace(config, roster=None), worker=True)
    assert len(bare.roster) == len(bot.roster)
    await stop_services(bare)


async def test_a_worker_with_other_election_files_is_refused_and_uploads_are_followed(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    """The configured election files are stored by the first process; a worker configured with
    others is refused naming both versions, one with none reads the stored ones, and an
    admin's upload through one process reaches the others."""
    bot = await start_services(pg_config(tmp_path / "bot", pg_url))
    config = pg_config(tmp_path / "worker", pg_url)
    changed = ELECTION_TOML.replace("[election]", "[election]\n# another version", 1)
    assert changed != ELECTION_TOML
    (tmp_path / "worker" / "election.toml").write_text(changed)
    with pytest.raises(ConfigError) as refused:
        await start_services(config, worker=True)
    assert "elections" in str(refused.value)
    bare = await start_services(replace(config, election=None), worker=True)
    assert [e.name for e in bare.elections.elections] == [e.name for e in bot.elections.elections]
    upload = ELECTION_TOML.replace(bot.election.name, "Pilkada Kabupaten Lain 2024", 1)
    _election, added = await bot.replace_election(upload)
    assert added
    assert await bare.follow_inputs()
    assert bare.elections.get("Pilkada Kabupaten Lain 2024") is not None
    await stop_services(bare)
    await stop_services(bot)
