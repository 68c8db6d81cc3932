"""Webhook mode: Telegram posts updates to the bot, which checks the secret token."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import httpx

from bot.app import build_application, shutdown, startup, webhook_options
from bot.fake_telegram import FakeTelegram, contains
from tests.bot.conftest import make_config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_webhook_mode_answers_posted_updates_and_refuses_a_wrong_secret(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    config = make_config(
        tmp_path,
        tg,
        mode="webhook",
        webhook_url="https://netra.example.org/telegram",
        webhook_port=port,
    )
    config = replace(config, webhook_secret="rahasia-webhook")
    app = build_application(config)
    await app.initialize()
    await startup(app)
    await app.start()
    await app.updater.start_webhook(**webhook_options(config))
    try:
        assert tg.webhook_url == "https://netra.example.org/telegram"
        update = tg.send_text(tg.user(5001, "Warga"), "/start")
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:
            forged = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "salah"}
            )
            assert forged.status_code == 403
            real = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "rahasia-webhook"}
            )
            assert real.status_code == 200
        reply = await tg.wait_for(contains("Netra", chat_id=5001))
        assert "tangkapan layar" in reply["text"]
    finally:
        await app.updater.stop()
        await app.stop()
        await shutdown(app)
        await app.shutdown()
