"""`netra demo`: the whole flow offline, with no token.

Starts the local Bot API server (`bot.fake_telegram`, on 127.0.0.1; the tests use it too),
runs the real bot against it with a throw-away SQLite database, and plays a reporter who
sends the bundled example screenshots (`netra.EXAMPLES`, package data), a moderator who
decides the cases that reach the moderators' chat, and a coordinator asking for the digest.
Everything the bot says is printed, so a new user sees the product work. It runs the same
from a checkout and from an installed package.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

from bot.app import build_application, shutdown, startup
from bot.context import NetraApplication
from bot.fake_telegram import FakeTelegram, buttons
from netra import EXAMPLES
from netra.config import BotSettings, Config, TelegramSettings
from wording import id as t

MOD_CHAT = -1009990001
MODERATOR = 4242
REPORTER = 777
ADMIN = 9001


def _say(who: str, text: str) -> None:
    first, *rest = text.splitlines() or [""]
    print(f"  {who}: {first}")
    for line in rest:
        print(f"  {' ' * len(who)}  {line}")


async def play(examples: Path = EXAMPLES, config: Config | None = None) -> int:
    """Run the walkthrough on `examples` (roster.csv, election.toml, labels.jsonl, images)."""
    labels = [
        json.loads(x) for x in (examples / "labels.jsonl").read_text().splitlines() if x.strip()
    ]
    with tempfile.TemporaryDirectory(prefix="netra-demo-") as tmp:
        async with FakeTelegram(token="100000:DEMO") as tg:
            tg.group(MOD_CHAT, t.DEMO_GROUP)
            base = config or Config()
            config = Config(
                roster=examples / "roster.csv",
                election=examples / "election.toml",
                data_dir=Path(tmp),
                database_url=f"sqlite+aiosqlite:///{tmp}/netra.db",
                ocr=base.ocr,
                thresholds=base.thresholds,
                telegram=TelegramSettings(
                    token=tg.token,
                    api_base_url=f"{tg.url}/bot",
                    file_base_url=f"{tg.url}/file/bot",
                    moderator_chat_id=MOD_CHAT,
                    moderator_ids=(MODERATOR,),
                    admin_ids=(ADMIN,),
                ),
                bot=BotSettings(album_wait_seconds=0.3),
            )
            app = build_application(config)
            await app.initialize()
            await startup(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                return await _script(tg, app, labels, examples)
            finally:
                await app.updater.stop()
                await app.stop()
                await shutdown(app)
                await app.shutdown()


async def _script(
    tg: FakeTelegram, app: NetraApplication, labels: list[dict[str, Any]], examples: Path
) -> int:
    reporter = tg.user(REPORTER, t.DEMO_REPORTER)
    moderator = tg.user(MODERATOR, t.DEMO_MODERATOR)
    print(t.DEMO_START.format(count=len(labels), folder=examples))
    tg.send_text(reporter, "/start")
    _say(
        t.DEMO_TO_REPORTER,
        (await tg.wait_for(lambda m: m["chat"]["id"] == REPORTER))["text"].split("\n")[0],
    )
    for label in labels:
        tg.send_photo(reporter, (examples / label["image"]).read_bytes())
        ack = await tg.wait_for(lambda m: m["chat"]["id"] == REPORTER)
        _say(t.DEMO_REPORTER_SENDS.format(image=label["image"]), ack["text"])
    print(t.DEMO_ANALYSING)
    services = app.bot_data.services
    await asyncio.wait_for(services.queue.join(), timeout=600)
    await asyncio.wait_for(services.cards.join(), timeout=600)
    cards = [m for m in tg.messages_to(MOD_CHAT) if "photo" in m]
    print(t.DEMO_CARDS.format(count=len(cards)))
    for card in cards:
        _say(t.DEMO_TO_MODERATOR, card["caption"])
        payloads = dict(buttons(card))
        flagged = t.VERDICT_NAMES["flagged"] in card["caption"]
        choice = t.BUTTON_APPROVE if flagged else t.BUTTON_REJECT
        mark = tg.mark()
        tg.press_button(moderator, card, payloads[choice])
        edited = await tg.wait_for(
            lambda m, mid=card["message_id"]: (
                m["chat"]["id"] == MOD_CHAT and m["message_id"] == mid
            ),
            since=mark,
        )
        _say(t.DEMO_MODERATOR_PRESSES.format(button=choice), edited["caption"].splitlines()[-1])
        print()
    await asyncio.sleep(0.5)
    outcomes = [
        m["text"] for m in tg.messages_to(REPORTER) if t.DEMO_OUTCOME_MARK in (m.get("text") or "")
    ]
    for text in outcomes:
        _say(t.DEMO_TO_REPORTER, text)
    tg.send_text(reporter, "/status")
    status = await tg.wait_for(
        lambda m: m["chat"]["id"] == REPORTER and t.DEMO_STATUS_MARK in (m.get("text") or "")
    )
    print()
    _say(t.DEMO_REPORTER_STATUS, status["text"])

    admin = tg.user(ADMIN, t.DEMO_COORDINATOR)
    tg.send_text(admin, "/digest")
    document = await tg.wait_for(lambda m: m["chat"]["id"] == ADMIN and "document" in m, timeout=60)
    texts = [m["text"] for m in tg.messages_to(ADMIN) if m.get("text")]
    print()
    _say(t.DEMO_COORDINATOR_DIGEST, "\n".join(texts)[:900])
    attachment = t.DEMO_ATTACHMENTS.format(name=document["document"].get("file_name"))
    _say(t.DEMO_COORDINATOR_DIGEST, attachment)
    return 0


def run_demo(examples: Path = EXAMPLES, config: Config | None = None) -> int:
    """`netra demo`: the walkthrough, to its end; its exit status."""
    return asyncio.run(play(examples, config))
