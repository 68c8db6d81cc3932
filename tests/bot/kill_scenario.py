"""A burst of screenshots into `netra run`, killed with SIGKILL at random points, restarted.

Shared by the slow crash test (`test_crash.py`) and `bench/kill_burst.py`. Each wave of
screenshots goes to a freshly started bot process, which is killed -9 at a point drawn from
a seeded generator: the bot's n-th acknowledgement (not carried out, or carried out but the
bot never hears so), its n-th download, a getUpdates whose answer never reaches it, the
getUpdates that would confirm a batch, or a random moment. A last start drains everything. The report says, per
screenshot Telegram delivered, whether it was stored once (row and file, SHA-256 checked)
and acknowledged with its own ticket.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import re
import sqlite3
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.fake_telegram import FakeTelegram
from tests.bot.bot_process import BotProcess, small_screenshot

TICKET = re.compile(r"#(\d+)")
UNREACHED_AFTER = 5.0  # a kill point the run never reached: kill this long after the wave


@dataclass(frozen=True)
class KillPoint:
    method: str  # a Bot API method, or "time"
    nth: int = 0
    after: bool = False
    delay: float = 0.0

    def __str__(self) -> str:
        if self.method == "time":
            return f"{self.delay:.2f} s after the wave"
        if self.method == "sigterm":
            return f"SIGTERM {self.delay:.2f} s after the wave"
        when = "carried out, before the bot heard" if self.after else "not carried out"
        return f"{self.method} #{self.nth} ({when})"


def draw_kill_point(rng: random.Random, wave: int) -> KillPoint:
    kind = rng.randrange(5)
    if kind == 0:
        return KillPoint("sendMessage", rng.randint(1, wave))
    if kind == 1:
        return KillPoint("sendMessage", rng.randint(1, wave), after=True)
    if kind == 2:
        return KillPoint("getFile", rng.randint(1, wave))
    if kind == 3:  # the batch's answer never arrives, or the bot dies as it confirms it
        return rng.choice([KillPoint("getUpdates", 0, after=True), KillPoint("getUpdates", 1)])
    return KillPoint("time", delay=rng.uniform(0.0, 1.5))


@dataclass
class KillReport:
    seed: int
    screenshots: int
    kills: int = 0
    points: list[str] = field(default_factory=list)
    delivered: int = 0
    stored: int = 0  # screenshots with exactly one row and an intact file
    lost: list[tuple[int, int]] = field(default_factory=list)  # never stored or never answered
    duplicate_rows: int = 0  # extra tickets for one Telegram message
    wrong_ticket_acks: int = 0  # an answer naming another screenshot's ticket
    repeated_acks: int = 0  # the same answer sent twice (at-least-once replies)
    bad_files: int = 0
    given_up_unstored: int = 0  # updates abandoned as poison before their screenshot was stored
    inbox: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"seed {self.seed}: {self.screenshots} screenshots, {self.kills} kills "
            f"({'; '.join(self.points)}); delivered {self.delivered}, stored once {self.stored}, "
            f"lost {len(self.lost)}, duplicate tickets {self.duplicate_rows}, answers with a "
            f"wrong ticket {self.wrong_ticket_acks}, repeated answers {self.repeated_acks}, "
            f"bad files {self.bad_files}, given up unstored {self.given_up_unstored}, "
            f"inbox {self.inbox}, {self.seconds:.1f} s"
        )


async def kill_burst(
    tg: FakeTelegram,
    root: Path,
    *,
    seed: int,
    screenshots: int = 60,
    reporters: int = 5,
    waves: int = 5,
    points: list[KillPoint] | None = None,
    drain_timeout: float = 45.0,
) -> KillReport:
    """Run the scenario (see the module docstring) and check what survived."""
    rng = random.Random(seed)
    started = time.monotonic()
    bot = BotProcess(tg, root)
    users = [tg.user(7000 + i, f"Pelapor{i}") for i in range(reporters)]
    sent: dict[tuple[int, int], int] = {}  # (chat, message id) → update id
    report = KillReport(seed, screenshots)
    size = -(-screenshots // waves)
    try:
        for wave in range(waves):
            images = range(wave * size, min(screenshots, (wave + 1) * size))
            await bot.start()
            point = points[wave] if points else draw_kill_point(rng, len(images))
            if point.method not in ("time", "sigterm"):
                tg.on_call(point.method, point.nth, bot.kill, after=point.after)
            for i in images:
                user = users[i % reporters]
                update = tg.send_photo(user, small_screenshot(i))
                message = update["message"]
                sent[(message["chat"]["id"], message["message_id"])] = update["update_id"]
            if point.method == "time":
                await asyncio.sleep(point.delay)
                bot.kill()
            elif point.method == "sigterm":
                await asyncio.sleep(point.delay)
                bot.terminate()
            described = str(point)
            if not await bot.wait_exit(UNREACHED_AFTER if point.method != "sigterm" else 60):
                bot.kill()  # the point was never reached: kill at this moment instead
                await bot.wait_exit(10)
                described = f"{point} not reached, so {UNREACHED_AFTER:.0f} s after the wave"
            tg.clear_hooks()
            report.points.append(described)
        await bot.start()
        await _wait_for_answers(tg, set(sent), drain_timeout)
        await asyncio.sleep(0.5)  # room for a repeated answer to show up
        await bot.end()
    finally:
        await bot.close()
    report.kills = bot.kills
    report.delivered = len(set(sent.values()) & tg.delivered)
    _check(tg, bot, sent, report)
    report.seconds = time.monotonic() - started
    return report


def _answers(tg: FakeTelegram) -> dict[tuple[int, int], list[str]]:
    """The bot's acknowledgements, by the screenshot message they answer."""
    out: dict[tuple[int, int], list[str]] = defaultdict(list)
    for m in tg.sent:
        replied = m.get("reply_to_message")
        if m.get("_method") == "sendMessage" and replied and "diterima" in m.get("text", ""):
            out[(m["chat"]["id"], replied["message_id"])].append(m["text"])
    return out


async def _wait_for_answers(
    tg: FakeTelegram, messages: set[tuple[int, int]], timeout: float
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if messages <= set(_answers(tg)):
            return
        await asyncio.sleep(0.2)


def _check(
    tg: FakeTelegram, bot: BotProcess, sent: dict[tuple[int, int], int], report: KillReport
) -> None:
    with sqlite3.connect(bot.database) as db:
        rows = db.execute(
            "SELECT telegram_chat_id, telegram_message_id, id, sha256, file_path FROM submissions"
        ).fetchall()
        report.inbox = dict(db.execute("SELECT state, count(*) FROM inbox GROUP BY state"))
        given_up = {
            u for (u,) in db.execute("SELECT update_id FROM inbox WHERE state = 'given_up'")
        }
    by_message: dict[tuple[int, int], list[tuple[int, str, str]]] = defaultdict(list)
    for chat, message, ticket, sha, path in rows:
        by_message[(chat, message)].append((ticket, sha, path))
    answers = _answers(tg)
    for key, update_id in sent.items():
        stored = by_message.get(key, [])
        if update_id in given_up and not stored:
            report.given_up_unstored += 1
        report.duplicate_rows += max(len(stored) - 1, 0)
        texts = answers.get(key, [])
        if not stored or not texts:
            report.lost.append(key)
            continue
        ticket, sha, path = stored[0]
        file = bot.data_dir / path
        if not file.exists() or hashlib.sha256(file.read_bytes()).hexdigest() != sha:
            report.bad_files += 1
            report.lost.append(key)
            continue
        report.stored += 1
        named = Counter(int(TICKET.search(text).group(1)) for text in texts)  # type: ignore[union-attr]
        report.wrong_ticket_acks += sum(n for t, n in named.items() if t != ticket)
        report.repeated_acks += max(named.get(ticket, 0) - 1, 0)
