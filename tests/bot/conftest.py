"""A running Netra bot against the fake Bot API, with a fresh SQLite database per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from telegram.ext import Application, BaseRateLimiter

from bot.app import build_application, shutdown, startup
from bot.fake_telegram import FakeTelegram
from bot.sending import FairRateLimiter
from netra.config import BotSettings, Config, TelegramSettings
from netra.services import Services
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
        return self.app.bot_data.services

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


async def start_netra(
    tg: FakeTelegram, config: Config, rate_limiter: BaseRateLimiter | None = None
) -> Application:
    app = build_application(config, rate_limiter=rate_limiter)
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


def quick_limiter() -> FairRateLimiter:
    """The bot's own limiter with Telegram's pace lifted, for tests that post many cards."""
    return FairRateLimiter(
        overall_per_second=1000, chat_burst=1000, chat_per_second=1000, group_per_minute=60_000
    )


FLAGGED_VERDICT = {
    "verdict": "flagged",
    "platform": "instagram",
    "poster": {"kind": "username", "text": "siti.aminah88"},
    "seen": "2 j",
    "asn": {
        "nip": "198812312014022006",
        "nama": "Siti Aminah, S.E.",
        "jabatan": "Bendahara",
        "unit_kerja": "Badan Pengelola Keuangan Daerah",
        "confidence": 0.97,
        "method": "instagram-exact",
    },
    "alternatives": [
        {
            "nip": "199001052015031004",
            "nama": "Budi Santoso",
            "jabatan": "Staf Pelaksana",
            "unit_kerja": "Dinas Kesehatan",
            "confidence": 0.41,
            "method": "name-fuzzy",
        }
    ],
    "candidate": 1,
    "support_confidence": 0.9,
    "score": 0.9,
    "reasons": ["pengunggah: username 'siti.aminah88'"],
    "evidence": [
        {"candidate": 1, "rule": "hashtag", "matched": "#HendraWulanMenang", "weight": 0.9}
    ],
    "text": "siti.aminah88 2 j Coblos No. 1 #HendraWulanMenang",
}


async def seed_flagged_case(
    netra: Netra, reporter: int, index: int, verdict: dict[str, object] | None = None
) -> int:
    """A flagged case as analysis would leave it, without running OCR: its screenshot on
    disk, the reporter's ticket, the verdict; then queued for the moderators' card."""
    import hashlib
    import io

    from PIL import Image

    import store

    image = Image.new("RGB", (360, 640), ((index * 41) % 256, (index * 13) % 256, 120))
    out = io.BytesIO()
    image.save(out, "PNG")
    data = out.getvalue()
    services = netra.services
    sha = hashlib.sha256(data).hexdigest()
    path = services.files.relative_path(sha, ".png")
    services.files.write(path, data)
    result = await store.record_submission(
        services.db,
        telegram_user_id=reporter,
        sha256=sha,
        phash=None,
        file_path=path,
        size=len(data),
        mime="image/png",
        width=360,
        height=640,
        source="photo",
        chat_id=reporter,
        message_id=10_000 + index,
        attach_near=False,
    )
    assert await store.claim_for_analysis(services.db, result.case_id) is not None
    await store.save_verdict(services.db, result.case_id, verdict or FLAGGED_VERDICT)
    services.cards.put_nowait(result.case_id)
    return result.case_id
