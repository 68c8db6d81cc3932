"""A running Netra bot against the fake Bot API, with a fresh SQLite database per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import build_application, shutdown, startup
from bot.services import Services
from netra.config import BotSettings, Config, TelegramSettings
from tests.bot.fake_telegram import FakeTelegram
from tests.conftest import ELECTION_TOML, ROSTER_CSV

MOD_CHAT = -1001000000001
MODERATORS = (501, 502)
ADMIN = 900


@dataclass
class Netra:
    """The bot under test and the fake Telegram it talks to."""

    tg: FakeTelegram
    app: Application
    config: Config

    @property
    def services(self) -> Services:
        return self.app.bot_data["services"]

    async def drained(self, timeout: float = 60.0) -> None:
        """Wait until every queued analysis has finished."""
        import asyncio

        await asyncio.wait_for(self.services.queue.join(), timeout)
        await asyncio.wait_for(self.services.cards.join(), timeout)


def make_config(tmp_path: Path, tg: FakeTelegram, **bot: object) -> Config:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_CSV)
    election = tmp_path / "election.toml"
    election.write_text(ELECTION_TOML)
    return Config(
        roster=roster,
        election=election,
        data_dir=tmp_path / "var",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'var' / 'netra.db'}",
        telegram=TelegramSettings(
            token=tg.token,
            api_base_url=f"{tg.url}/bot",
            file_base_url=f"{tg.url}/file/bot",
            moderator_chat_id=MOD_CHAT,
            moderator_ids=MODERATORS,
            admin_ids=(ADMIN,),
        ),
        bot=replace(BotSettings(album_wait_seconds=0.5), **bot),  # type: ignore[arg-type]
    )


async def start_netra(tg: FakeTelegram, config: Config) -> Application:
    app = build_application(config)
    await app.initialize()
    await startup(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    return app


async def stop_netra(app: Application) -> None:
    await app.updater.stop()
    await app.stop()
    await shutdown(app)
    await app.shutdown()


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        fake.group(MOD_CHAT)
        yield fake


@pytest.fixture
async def netra(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Netra]:
    config = make_config(tmp_path, tg)
    app = await start_netra(tg, config)
    try:
        yield Netra(tg, app, config)
    finally:
        await stop_netra(app)
