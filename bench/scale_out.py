"""PostgreSQL mode figures for the README: a bot and 1, 2 or 4 `netra worker` processes on
this machine, a burst of screenshots through the fake Bot API on loopback.

    NETRA_TEST_POSTGRES_URL=$(./scripts/postgres.sh) .venv/bin/python bench/scale_out.py \\
        [--burst 200] [--workers 1,2,4] [--flagged-every 10]

Every screenshot is a distinct rendered story (about 0.35 s of OCR); every tenth is posted
by an ASN and gets a card, the others by people off the roster (clear): 20 cards stay within
the moderators' group's burst of 20, so Telegram's pace of 20 cards a minute per group does
not hide the workers' speed. Per run: throughput (screenshots analysed per second, first
screenshot sent to last verdict saved), acknowledgement times, and for each card the time
from the acknowledgement of its screenshot to the card (p50, p95, max). Each worker runs one
OCR thread; the bot works the send lane only. Each run gets a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.fake_telegram import FakeTelegram  # noqa: E402
from tests.bot.bot_process import MOD_CHAT  # noqa: E402
from tests.bot.processes import NetraProcess, flagged_story  # noqa: E402
from tests.postgres import PG_URL  # noqa: E402
from tests.synth import render_story  # noqa: E402

TICKET = re.compile(r"#(\d+)")
CASE = re.compile(r"Kasus #(\d+)")


async def _admin(sql: str) -> None:
    engine = create_async_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(sql))
    await engine.dispose()


async def _scalar(url: str, sql: str) -> object:
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        value = await conn.scalar(text(sql))
    await engine.dispose()
    return value


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def run(images: list[bytes], workers: int, flagged: int) -> str:
    name = f"netra_bench_{uuid.uuid4().hex[:10]}"
    await _admin(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory(prefix="netra-scale-") as tmp:
            async with FakeTelegram() as tg:
                tg.group(MOD_CHAT)
                root = Path(tmp)
                bot = NetraProcess(tg, root / "bot", database_url=url, queues=("send",))
                pool = [
                    NetraProcess(
                        tg, root / f"w{i}", database_url=url, command="worker", queues=("analyse",)
                    )
                    for i in range(workers)
                ]
                try:
                    await bot.start()
                    await asyncio.gather(*(w.start() for w in pool))
                    return await _burst(tg, url, images, workers, flagged)
                finally:
                    for process in (bot, *pool):
                        await process.close()
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _burst(
    tg: FakeTelegram, url: str, images: list[bytes], workers: int, flagged: int
) -> str:
    users = [tg.user(8000 + i, f"Pelapor{i}") for i in range(20)]
    started = time.monotonic()
    for i, image in enumerate(images):
        tg.send_photo(users[i % len(users)], image)
    acks: dict[int, float] = {}  # ticket → when its acknowledgement was seen
    cards: dict[int, float] = {}  # case → when its card was seen
    seen = 0
    analysed_at = None
    while time.monotonic() - started < 900:
        for message in tg.sent[seen:]:
            now = time.monotonic() - started
            if message.get("_method") == "sendMessage" and "diterima" in message.get("text", ""):
                if m := TICKET.search(message["text"]):
                    acks.setdefault(int(m.group(1)), now)
            elif (
                message.get("_method") == "sendPhoto"
                and message["chat"]["id"] == MOD_CHAT
                and (m := CASE.search(message.get("caption", "")))
            ):
                cards.setdefault(int(m.group(1)), now)
        seen = len(tg.sent)
        if analysed_at is None and len(acks) == len(images):
            left = await _scalar(url, "SELECT count(*) FROM cases WHERE state = 'new'")
            if left == 0:
                analysed_at = time.monotonic() - started
        if analysed_at is not None:
            owed = await _scalar(
                url,
                "SELECT count(*) FROM cases WHERE state IN ('flagged', 'review')"
                " AND moderator_message_id IS NULL",
            )
            if owed == 0:  # every card posted (near-duplicates merged have none of their own)
                break
        await asyncio.sleep(0.05)
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        first_ticket = dict(
            (
                await conn.execute(
                    text("SELECT case_id, min(id) FROM submissions GROUP BY case_id")
                )
            ).all()
        )
    await engine.dispose()
    waits = [cards[c] - acks[first_ticket[c]] for c in cards if first_ticket.get(c) in acks]
    ack_times = list(acks.values())
    total = analysed_at or float("nan")
    return (
        f"{workers} worker(s): {len(images)} screenshots analysed in {total:.1f} s "
        f"({len(images) / total:.2f}/s); last acknowledgement at {max(ack_times):.1f} s; "
        f"{len(cards)} cards, acknowledgement → card p50 {pct(waits, 0.5):.1f} s, "
        f"p95 {pct(waits, 0.95):.1f} s, max {max(waits, default=float('nan')):.1f} s"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--flagged-every", type=int, default=10)
    args = parser.parse_args()
    if not PG_URL:
        sys.exit("set NETRA_TEST_POSTGRES_URL=$(./scripts/postgres.sh)")
    every = args.flagged_every
    images = [render_story(flagged_story(i, asn=i % every == 0)) for i in range(args.burst)]
    flagged = sum(1 for i in range(args.burst) if i % every == 0)
    for workers in (int(w) for w in args.workers.split(",")):
        print(await run(images, workers, flagged), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
