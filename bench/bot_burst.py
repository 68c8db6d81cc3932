"""Burst benchmark of the Telegram bot: many reporters send screenshots at once.

Starts the real bot (real SQLite in a temp dir, real tesseract through the analysis pool)
against the in-process FakeTelegram Bot API on 127.0.0.1, pre-renders N distinct synthetic
screenshots, injects them all as photos from many users as fast as possible and measures:

* ack latency: injection (queued in the fake's getUpdates) → the bot's "diterima" reply,
  paired through the ticket number in the reply (ticket → submission → chat/message id);
* drain: first injection → every case analysed (services.queue joined), throughput;
* cards posted to the moderators' chat;
* event-loop responsiveness: a ticker sampling the lateness of asyncio.sleep(0.01).

    .venv/bin/python bench/bot_burst.py [--n 200] [--users 50] [--seed 7] [--timeout 600]

The fake Telegram runs in the same event loop as the bot (it JPEG-encodes thumbnails of the
photos the bot sends to the moderators), so loop lag includes the fake's own work.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from bot.app import build_application, shutdown, startup  # noqa: E402
from bot.fake_telegram import FakeTelegram  # noqa: E402
from netra.config import BotSettings, Config, TelegramSettings  # noqa: E402
from store.models import Case, Submission  # noqa: E402
from tests.synth import generate_dataset  # noqa: E402

MOD_CHAT = -1001000000001
MODERATORS = (501, 502)
ADMIN = 900
USER_BASE = 200_000
TICKET_RE = re.compile(r"#(\d+)")


class LogCounter(logging.Handler):
    """Counts WARNING+ records from the bot and keeps the first few for the report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: Counter[str] = Counter()
        self.samples: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        key = f"{record.levelname} {record.name}: {record.msg}"
        self.counts[key] += 1
        if len(self.samples) < 8:
            msg = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                msg += f" [{type(record.exc_info[1]).__name__}: {record.exc_info[1]}]"
            self.samples.append(f"{record.levelname} {record.name}: {msg}")


class Ticker:
    """Samples how late asyncio.sleep(0.01) wakes up: a blocked loop shows as lag."""

    def __init__(self, period: float = 0.01) -> None:
        self.period = period
        self.samples: list[tuple[float, float]] = []  # (time woken, lag seconds)
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            t0 = time.perf_counter()
            await asyncio.sleep(self.period)
            t1 = time.perf_counter()
            self.samples.append((t1, max(0.0, t1 - t0 - self.period)))

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def window(self, start: float, end: float) -> list[float]:
        return [lag for t, lag in self.samples if start <= t <= end]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))  # nearest rank
    return s[k]


def make_config(tmp: Path, tg: FakeTelegram, dataset: Path) -> Config:
    return Config(
        roster=dataset / "roster.csv",
        election=dataset / "election.toml",
        data_dir=tmp / "var",
        database_url=f"sqlite+aiosqlite:///{tmp / 'var' / 'netra.db'}",
        telegram=TelegramSettings(
            token=tg.token,
            api_base_url=f"{tg.url}/bot",
            file_base_url=f"{tg.url}/file/bot",
            moderator_chat_id=MOD_CHAT,
            moderator_ids=MODERATORS,
            admin_ids=(ADMIN,),
        ),
        bot=BotSettings(album_wait_seconds=0.5),
    )


class Run:
    """Everything measured, kept on one object so a timeout can still report partial figures."""

    def __init__(self, n: int, users: int) -> None:
        self.n = n
        self.users = users
        self.render_s = 0.0
        self.startup_s = 0.0
        self.sent_at: list[float] = []  # perf_counter of each tg.sent entry, same index
        self.sent_wall: list[float] = []  # time.time() of each tg.sent entry, same index
        self.injected: dict[tuple[int, int], float] = {}  # (chat, message_id) → time
        self.first_inject = 0.0
        self.inject_s = 0.0
        self.acks: dict[tuple[int, int], tuple[float, str]] = {}  # → (ack time, text)
        self.all_acked_at: float | None = None
        self.drained_at: float | None = None
        self.unpaired: list[str] = []
        self.other_replies: list[str] = []
        self.db_stats: dict[str, Any] = {}
        self.mod_cards = 0
        self.mod_first: float | None = None
        self.mod_last: float | None = None


async def pair_acks(run: Run, tg: FakeTelegram, services) -> None:  # type: ignore[no-untyped-def]
    """Pair every "diterima" reply with its injected photo via ticket → submission row."""
    replies = [
        (i, m)
        for i, m in enumerate(tg.sent)
        if m["chat"]["id"] >= USER_BASE and m.get("_method") == "sendMessage"
    ]
    tickets: dict[int, tuple[int, int]] = {}
    async with services.db() as session:
        rows = await session.execute(
            select(Submission.id, Submission.telegram_chat_id, Submission.telegram_message_id)
        )
        for sid, chat, mid in rows:
            tickets[sid] = (chat, mid)
    run.acks.clear()
    run.unpaired.clear()
    run.other_replies.clear()
    for i, m in replies:
        text = m.get("text", "")
        if "diterima" not in text:
            run.other_replies.append(text[:120])
            continue
        key = None
        rt = m.get("reply_to_message")
        if rt:
            key = (rt["chat"]["id"], rt["message_id"])
        else:
            match = TICKET_RE.search(text)
            if match:
                key = tickets.get(int(match.group(1)))
        if key is None or key not in run.injected:
            run.unpaired.append(text[:120])
            continue
        if key in run.acks:
            run.unpaired.append("second ack for one photo: " + text[:100])
            continue
        run.acks[key] = (run.sent_at[i], text)


async def collect_db(run: Run, services) -> None:  # type: ignore[no-untyped-def]
    async with services.db() as session:
        states = dict(
            (await session.execute(select(Case.state, func.count()).group_by(Case.state))).all()
        )
        subs = dict(
            (
                await session.execute(
                    select(Submission.match, func.count()).group_by(Submission.match)
                )
            ).all()
        )
        cases = (await session.execute(select(func.count()).select_from(Case))).scalar_one()
        tickets = (await session.execute(select(func.count()).select_from(Submission))).scalar_one()
        analysed = (
            await session.execute(
                select(Case.verdict_json, Case.analysed_at, Case.moderator_message_id).where(
                    Case.verdict_json.is_not(None)
                )
            )
        ).all()
    busy = 0.0
    analysed_at: dict[int, float] = {}
    for verdict_json, at, mod_mid in analysed:
        busy += float(json.loads(verdict_json).get("seconds") or 0.0)
        if mod_mid is not None and at is not None:
            analysed_at[int(mod_mid)] = at.timestamp()
    run.db_stats = {
        "cases": cases,
        "tickets": tickets,
        "states": states,
        "matches": subs,
        "ocr_busy_s": busy,
        "analysed": len(analysed),
        "analysed_at_by_card": analysed_at,
    }


async def bench(run: Run, args: argparse.Namespace, tmp: Path, log_counter: LogCounter) -> None:
    # 1. screenshots (not timed as part of the burst)
    t0 = time.perf_counter()
    dataset = tmp / "dataset"
    labels = await asyncio.to_thread(
        generate_dataset, dataset, args.n, args.seed, 400, os.cpu_count() or 1
    )
    images = [(dataset / lab["image"]).read_bytes() for lab in labels]
    run.render_s = time.perf_counter() - t0
    distinct = len(set(images))
    if distinct != len(images):
        print(f"note: only {distinct} of {len(images)} rendered images are byte-distinct")
    run.expected_flag = sum(1 for lab in labels if lab["should_flag"])  # type: ignore[attr-defined]

    async with FakeTelegram() as tg:
        tg.group(MOD_CHAT)
        # timestamp every bot message as the fake records it (same index as tg.sent)
        record = tg._record_sent

        def stamped(msg: dict, method: str) -> None:
            run.sent_at.append(time.perf_counter())
            run.sent_wall.append(time.time())
            record(msg, method)

        tg._record_sent = stamped  # type: ignore[method-assign]

        # Pre-register the photos with the fake so that injection is only queueing an update
        # (the fake's JPEG thumbnailing would otherwise stretch the "burst" over seconds).
        file_ids = []
        for img in images:
            sizes = tg._photo_sizes_from(img)
            file_ids.append(sizes[-1]["file_id"])
        users = [tg.user(USER_BASE + u, f"Warga{u}") for u in range(args.users)]

        config = make_config(tmp, tg, dataset)
        t0 = time.perf_counter()
        app = build_application(config)
        await app.initialize()
        await startup(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        run.startup_s = time.perf_counter() - t0
        services = app.bot_data.services
        run.ocr_workers = services.pool.workers  # type: ignore[attr-defined]
        ticker = Ticker()
        ticker.start()
        await asyncio.sleep(0.3)  # settle: the first getUpdates is waiting
        try:
            # 2. the burst: photo i from user i % users, all queued back to back
            run.first_inject = time.perf_counter()
            for i, fid in enumerate(file_ids):
                user = users[i % args.users]
                update = tg.send_photo(user, fid)
                msg = update["message"]
                run.injected[(msg["chat"]["id"], msg["message_id"])] = time.perf_counter()
            run.inject_s = time.perf_counter() - run.first_inject

            # 3. wait for one reply per photo
            while True:
                replies = sum(
                    1
                    for m in tg.sent
                    if m["chat"]["id"] >= USER_BASE and m.get("_method") == "sendMessage"
                )
                if replies >= args.n:
                    run.all_acked_at = run.sent_at[
                        max(i for i, m in enumerate(tg.sent) if m["chat"]["id"] >= USER_BASE)
                    ]
                    break
                await asyncio.sleep(0.02)
            # 4. drain: every queued case analysed (and its card posted)
            await services.queue.join()
            run.drained_at = time.perf_counter()
        finally:
            await ticker.stop()
            run.ticker = ticker  # type: ignore[attr-defined]
            try:
                await pair_acks(run, tg, services)
                await collect_db(run, services)
            except Exception as exc:
                print(f"could not collect results: {type(exc).__name__}: {exc}")
            cards = [
                (run.sent_at[i], m)
                for i, m in enumerate(tg.sent)
                if m["chat"]["id"] == MOD_CHAT and m.get("_method") == "sendPhoto"
            ]
            run.mod_cards = len(cards)
            by_mid = run.db_stats.get("analysed_at_by_card", {}) if run.db_stats else {}
            run.card_waits = [  # type: ignore[attr-defined]
                run.sent_wall[i] - by_mid[m["message_id"]]
                for i, m in enumerate(tg.sent)
                if m["chat"]["id"] == MOD_CHAT
                and m.get("_method") == "sendPhoto"
                and m["message_id"] in by_mid
            ]
            if cards:
                run.mod_first, run.mod_last = cards[0][0], cards[-1][0]
            t0 = time.perf_counter()
            await app.updater.stop()
            await app.stop()
            await shutdown(app)
            await app.shutdown()
            run.shutdown_s = time.perf_counter() - t0  # type: ignore[attr-defined]


def report(run: Run, log_counter: LogCounter, timed_out: bool) -> None:
    lat = sorted(a - run.injected[k] for k, (a, _) in run.acks.items())
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    sec = lambda s: f"{s:.1f} s"  # noqa: E731
    rows: list[tuple[str, str]] = [
        ("CPU cores (os.cpu_count)", str(os.cpu_count())),
        ("OCR workers (pool threads)", str(getattr(run, "ocr_workers", "?"))),
        ("screenshots injected / users", f"{len(run.injected)} / {run.users}"),
        ("rendering (setup, not timed in burst)", sec(run.render_s)),
        ("bot start-up", sec(run.startup_s)),
        ("injection of the whole burst", ms(run.inject_s)),
        ("acks paired", f"{len(run.acks)} of {len(run.injected)}"),
    ]
    if lat:
        rows += [
            ("ack latency p50", ms(pct(lat, 50))),
            ("ack latency p95", ms(pct(lat, 95))),
            ("ack latency p99", ms(pct(lat, 99))),
            ("ack latency max", ms(lat[-1])),
            ("ack latency mean", ms(statistics.fmean(lat))),
        ]
    if run.all_acked_at:
        rows.append(("first injection → last ack", sec(run.all_acked_at - run.first_inject)))
    if len(run.acks) > 1:
        times = sorted(a for a, _ in run.acks.values())
        rows.append(
            ("ack rate (first → last ack)", f"{(len(times) - 1) / (times[-1] - times[0]):.1f}/s")
        )
    db = run.db_stats
    if db:
        rows += [
            ("tickets (submissions) / cases", f"{db['tickets']} / {db['cases']}"),
            (
                "submissions by match",
                ", ".join(f"{k}={v}" for k, v in sorted(db["matches"].items())),
            ),
            ("cases by state", ", ".join(f"{k}={v}" for k, v in sorted(db["states"].items()))),
        ]
    rows.append(("labels with should_flag", str(getattr(run, "expected_flag", "?"))))
    if run.drained_at:
        drain = run.drained_at - run.first_inject
        cases = int(db.get("cases", 0)) if db else 0
        rows += [
            ("drain (first injection → all analysed)", sec(drain)),
            ("throughput, screenshots/s", f"{len(run.injected) / drain:.2f}"),
            ("throughput, cases/s", f"{cases / drain:.2f}" if cases else "?"),
            ("last ack → drained", sec(run.drained_at - (run.all_acked_at or run.first_inject))),
        ]
    if db and run.drained_at:
        workers = getattr(run, "ocr_workers", 1)
        busy = float(db["ocr_busy_s"])
        drain = run.drained_at - run.first_inject
        rows += [
            (
                "analysis time, sum over cases",
                f"{busy:.1f} s ({busy / max(1, int(db['analysed'])):.2f} s/case)",
            ),
            ("OCR pool utilisation during drain", f"{busy / (workers * drain):.0%}"),
        ]
    rows.append(("cards posted to moderators' chat", str(run.mod_cards)))
    waits = sorted(getattr(run, "card_waits", []))
    if waits:
        rows.append(
            (
                "card wait: analysed → card sent, p50 / max",
                f"{sec(pct(waits, 50))} / {sec(waits[-1])}",
            )
        )
    if run.mod_first is not None and run.mod_last is not None and run.mod_cards > 1:
        span = run.mod_last - run.mod_first
        rows.append(
            (
                "cards: first → last (rate)",
                f"{span:.1f} s ({(run.mod_cards - 1) / span * 60:.0f}/min)",
            )
        )
    ticker: Ticker | None = getattr(run, "ticker", None)
    if ticker and ticker.samples:
        end_ack = run.all_acked_at or ticker.samples[-1][0]
        ack_lags = ticker.window(run.first_inject, end_ack)
        drain_lags = ticker.window(end_ack, run.drained_at or ticker.samples[-1][0])
        all_lags = [lag for _, lag in ticker.samples]
        rows += [
            ("loop lag max, burst/ack phase", ms(max(ack_lags)) if ack_lags else "-"),
            ("loop lag max, drain phase", ms(max(drain_lags)) if drain_lags else "-"),
            ("loop lag p99 / max, whole run", f"{ms(pct(all_lags, 99))} / {ms(max(all_lags))}"),
            ("ticker samples >100 ms late", str(sum(1 for x in all_lags if x > 0.1))),
        ]
    if hasattr(run, "shutdown_s"):
        rows.append(("bot shutdown", sec(run.shutdown_s)))  # type: ignore[attr-defined]
    rows.append(("WARNING+ log records", str(sum(log_counter.counts.values()))))

    print()
    if timed_out:
        print("**ABORTED: time limit reached — partial figures below.**\n")
    print("| measure | value |")
    print("|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    if run.unpaired:
        print(f"\nunpaired acks ({len(run.unpaired)}): {run.unpaired[:3]}")
    if run.other_replies:
        c = Counter(run.other_replies)
        print(f"\nnon-ack replies to reporters ({len(run.other_replies)}): {c.most_common(3)}")
    if log_counter.counts:
        print("\nlog records (WARNING+), by message:")
        for key, count in log_counter.counts.most_common(10):
            print(f"  {count:4d} × {key}")
        print("first ones:")
        for s in log_counter.samples:
            print("  " + s[:300])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="screenshots in the burst")
    ap.add_argument("--users", type=int, default=50, help="distinct reporters")
    ap.add_argument("--seed", type=int, default=7, help="synthetic dataset seed")
    ap.add_argument("--timeout", type=float, default=600, help="abort after this many seconds")
    args = ap.parse_args()
    per_user = -(-args.n // args.users)
    if per_user > BotSettings().rate_limit_per_hour:
        ap.error(
            f"{per_user} screenshots per user exceeds the bot's rate limit "
            f"({BotSettings().rate_limit_per_hour}/h): use more --users"
        )

    log_counter = LogCounter()
    logging.getLogger().addHandler(log_counter)
    logging.getLogger().setLevel(logging.WARNING)
    run = Run(args.n, args.users)
    timed_out = False
    with tempfile.TemporaryDirectory(prefix="netra-burst-") as d:

        async def guarded() -> None:
            await asyncio.wait_for(bench(run, args, Path(d), log_counter), args.timeout)

        try:
            asyncio.run(guarded())
        except TimeoutError:
            timed_out = True
            print(f"\nABORTED after {args.timeout:.0f} s: the burst did not drain in time.")
    report(run, log_counter, timed_out)
    return 1 if timed_out else 0


if __name__ == "__main__":
    sys.exit(main())
