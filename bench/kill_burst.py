"""Crash figures for the README: `netra run` killed -9 in bursts of screenshots.

Two scenarios, each run several times against the fake Bot API on loopback (a real bot
process, real SQLite, real files):

* issue: 60 screenshots from 5 reporters at once, killed as the 26th acknowledgement goes
  out (the scenario that lost 25-35 screenshots before the update inbox), then restarted;
* random: 60 screenshots from 5 reporters in 5 waves, killed once per wave at a random
  point (an acknowledgement not carried out or carried out unheard, a download, a
  getUpdates answer that never arrives, a random moment), then restarted to drain.

    .venv/bin/python bench/kill_burst.py [--runs 5] [--seed 1]

Per run: screenshots Telegram delivered, stored once (row + file with its SHA-256), lost,
duplicate tickets, answers naming a wrong ticket, repeated answers (the same ticket twice:
replies are at-least-once), inbox state at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.fake_telegram import FakeTelegram  # noqa: E402
from tests.bot.kill_scenario import KillPoint, KillReport, kill_burst  # noqa: E402

MOD_CHAT = -1001000000001


async def one(scenario: str, seed: int) -> KillReport:
    with tempfile.TemporaryDirectory(prefix="netra-kill-") as tmp:
        async with FakeTelegram() as tg:
            tg.group(MOD_CHAT)
            if scenario == "issue":
                return await kill_burst(
                    tg,
                    Path(tmp),
                    seed=seed,
                    waves=1,
                    points=[KillPoint("sendMessage", 26)],
                )
            return await kill_burst(tg, Path(tmp), seed=seed, waves=5)


async def main(runs: int, seed: int) -> int:
    rows = []
    for scenario in ("issue", "random"):
        for i in range(runs):
            report = await one(scenario, seed + i)
            print(report.summary(), flush=True)
            rows.append((scenario, report))
    print()
    print("| scenario | runs | kills | delivered | stored once | lost | duplicate tickets | "
          "wrong-ticket answers | repeated answers |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for scenario in ("issue", "random"):
        mine = [r for s, r in rows if s == scenario]
        print(
            f"| {scenario} | {len(mine)} | {sum(r.kills for r in mine)} | "
            f"{sum(r.delivered for r in mine)} | {sum(r.stored for r in mine)} | "
            f"{sum(len(r.lost) for r in mine)} | {sum(r.duplicate_rows for r in mine)} | "
            f"{sum(r.wrong_ticket_acks for r in mine)} | {sum(r.repeated_acks for r in mine)} |"
        )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.runs, args.seed)))
