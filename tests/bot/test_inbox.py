"""Nothing Telegram delivered is lost, in process: the inbox behind the update queue, in polling and webhook
mode (the SIGKILL test with a real `netra run` process is `test_crash.py`)."""

from __future__ import annotations

import json
import socket
import sqlite3
from dataclasses import replace
from pathlib import Path

import httpx

import store
from bot.app import build_application, shutdown, startup, webhook_options
from bot.fake_telegram import FakeTelegram, contains
from bot.updates import MAX_ATTEMPTS
from tests.bot.conftest import make_config, start_netra, stop_netra


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def inbox_rows(config_db: str) -> dict[int, tuple[str, int, str | None]]:
    path = config_db.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT update_id, state, attempts, payload FROM inbox").fetchall()
    return {u: (state, attempts, payload) for u, state, attempts, payload in rows}


async def test_polled_updates_are_recorded_then_finished_without_their_content(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    config = make_config(tmp_path, tg)
    app = await start_netra(tg, config)
    try:
        update = tg.send_text(tg.user(5101, "Warga"), "/help")
        await tg.wait_for(contains("Cara melapor", chat_id=5101))
    finally:
        await stop_netra(app)
    rows = inbox_rows(config.database_url)
    assert rows[update["update_id"]] == ("done", 1, None)  # names and texts not kept


async def test_an_update_a_dead_process_left_is_handled_at_start_up(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """As if the process died after recording the update but before handling it: Telegram
    will not deliver it again (the offset moved on), the inbox does."""
    config = make_config(tmp_path, tg)
    await store.migrate(config.database_url)
    db = store.session_factory(store.create_engine(config.database_url))
    user = tg.user(5201, "Warga")
    tg.send_text(user, "/start")  # registers the private chat in the fake
    left = tg._queue.pop()  # Telegram considers it confirmed: it will not come again
    gone = tg.send_text(user, "/help")
    tg._queue.pop()
    await store.record_update(db, tg.bot_id, gone["update_id"], json.dumps(gone))
    for _ in range(MAX_ATTEMPTS - 1):  # /help was being handled at every crash so far
        await store.restart_update(db, tg.bot_id, gone["update_id"])
    await store.record_update(db, tg.bot_id, left["update_id"], json.dumps(left))
    app = await start_netra(tg, config)
    try:
        await tg.wait_for(contains("pelaporan pelanggaran", chat_id=5201), since=0)
        told = await tg.wait_for(contains("tidak dapat diproses", chat_id=5201), since=0)
        assert "kirim ulang" in told["text"]
    finally:
        await stop_netra(app)
    rows = inbox_rows(config.database_url)
    assert rows[left["update_id"]][0] == "done"
    assert rows[gone["update_id"]][0] == "given_up"
    assert not any("Cara melapor" in m.get("text", "") for m in tg.messages_to(5201))


async def test_webhook_updates_go_through_the_same_inbox_and_count_once(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """Telegram re-posts an update it got no 200 for; the second post is recognised."""
    port = free_port()
    config = make_config(
        tmp_path,
        tg,
        mode="webhook",
        webhook_url="https://netra.example.org/telegram",
        webhook_port=port,
    )
    config = replace(config, webhook_secret="rahasia")
    app = build_application(config)
    await app.initialize()
    await startup(app)
    await app.start()
    await app.updater.start_webhook(**webhook_options(config))
    try:
        update = tg.send_text(tg.user(5301, "Warga"), "/start")
        headers = {"X-Telegram-Bot-Api-Secret-Token": "rahasia"}
        async with httpx.AsyncClient() as client:
            for _ in range(3):
                posted = await client.post(
                    f"http://127.0.0.1:{port}/telegram", json=update, headers=headers
                )
                assert posted.status_code == 200
                # recorded before the 200: a crash now would not lose it
                assert inbox_rows(config.database_url)[update["update_id"]][0] in (
                    "pending",
                    "done",
                )
        await tg.wait_for(contains("tangkapan layar", chat_id=5301))
    finally:
        await app.updater.stop()
        await app.stop()
        await shutdown(app)
        await app.shutdown()
    replies = [m for m in tg.messages_to(5301) if "tangkapan layar" in m.get("text", "")]
    assert len(replies) == 1
    assert inbox_rows(config.database_url)[update["update_id"]][0] == "done"


async def test_suspects_of_a_crash_are_handled_alone_before_anything_else(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """An update that was being handled again when the process died again is handled first,
    alone: a death then can be pinned on it (and only such deaths give an update up)."""
    config = make_config(tmp_path, tg)
    await store.migrate(config.database_url)
    db = store.session_factory(store.create_engine(config.database_url))
    plain = tg.send_text(tg.user(5401, "Satu"), "/start")
    tg._queue.pop()
    suspect = tg.send_text(tg.user(5402, "Dua"), "/help")
    tg._queue.pop()
    for update in (plain, suspect):
        await store.record_update(db, tg.bot_id, update["update_id"], json.dumps(update))
    await store.restart_update(db, tg.bot_id, suspect["update_id"])  # died while handled again
    app = await start_netra(tg, config)
    try:
        await tg.wait_for(contains("pelaporan pelanggaran", chat_id=5401), since=0)
        await tg.wait_for(contains("Cara melapor", chat_id=5402), since=0)
    finally:
        await stop_netra(app)
    order = [m["chat"]["id"] for m in tg.sent if m["chat"]["id"] in (5401, 5402)]
    assert order == [5402, 5401]  # the suspect first, though it came later
    rows = inbox_rows(config.database_url)
    assert rows[suspect["update_id"]][:2] == ("done", 3)
