"""Fairness figures for the README: another reporter's acknowledgement while one user floods.

The real bot (its own sending path at Telegram's pace) against the fake Bot API with
Telegram's per-chat flood control (a burst of 30, then one message a second per chat). One
user sends 200 messages as fast as Telegram delivers them; right after, another reporter
sends a screenshot. Measured: seconds from that screenshot reaching Telegram to its ticket,
what the flooder got back, and how many 429s the fake answered.

    .venv/bin/python bench/text_flood.py [--runs 5] [--kind text|status]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from bot.fake_telegram import FakeTelegram, contains  # noqa: E402
from tests.bot.conftest import MOD_CHAT, make_config, start_netra, stop_netra  # noqa: E402

FLOODER, REPORTER = 9301, 9302


def screenshot(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (270, 480), (shade, 90, 160)).save(out, "PNG")
    return out.getvalue()


async def one(kind: str, shade: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory(prefix="netra-flood-") as tmp:
        async with FakeTelegram() as tg:
            tg.group(MOD_CHAT)
            app = await start_netra(tg, make_config(Path(tmp), tg))
            try:
                tg.flood_control(burst=30, per_second=1.0)
                flooder = tg.user(FLOODER, "Banjir")
                for i in range(200):
                    tg.send_text(flooder, f"halo {i}" if kind == "text" else "/status")
                start = time.monotonic()
                tg.send_photo(tg.user(REPORTER, "Pelapor"), screenshot(shade))
                await tg.wait_for(contains("diterima", chat_id=REPORTER), timeout=60, since=0)
                latency = time.monotonic() - start
                await asyncio.sleep(3.0)
                replies = len(tg.messages_to(FLOODER))
                return latency, replies, tg.flood_refusals
            finally:
                await stop_netra(app)


async def main(runs: int, kind: str) -> int:
    results = []
    for i in range(runs):
        latency, replies, refusals = await one(kind, 10 + i)
        print(
            f"run {i + 1}: acknowledgement {latency:.2f} s; flooder got {replies} replies "
            f"in 3 s; 429s {refusals}",
            flush=True,
        )
        results.append(latency)
    print(
        f"{kind} flood x200: acknowledgement median {statistics.median(results):.2f} s, "
        f"max {max(results):.2f} s over {runs} runs"
    )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kind", choices=("text", "status"), default="text")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.runs, args.kind)))
