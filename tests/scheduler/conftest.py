"""Scheduler tests: the seeded database of `tests.seeding`, and a PTB `Bot` talking to the
fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from bot.fake_telegram import FakeTelegram
from tests.seeding import ADMIN, EXTRA_CHAT, MOD_CHAT


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        fake.group(MOD_CHAT)
        fake.group(EXTRA_CHAT, "Satgas Netralitas")
        fake.send_text(fake.user(ADMIN, "Admin"), "/start")  # opens the private chat
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot") as b:
        yield b
