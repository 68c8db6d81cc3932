"""Telegram's limits for the bot as a whole, shared by every process (PostgreSQL mode).

Telegram counts a bot's messages whatever process sends them: about 30 a second overall,
20 a minute in a group, about one a second in a private chat after a short burst. Each
process paces itself (`bot.sending.FairRateLimiter`); with several processes they also
reserve their sends here, one row per key ("all", or a chat) holding its theoretical
arrival time (the GCRA form of a token bucket): one atomic upsert moves it on by the key's
interval and returns how long the caller must wait for its slot. A reservation is never
handed back, so the pace is never exceeded, at the cost of a slot now and then.
"""

from __future__ import annotations

from sqlalchemy import text

from store.db import Db, transaction

_RESERVE = text(
    "INSERT INTO send_pace (key, tat) VALUES (:key, clock_timestamp() + make_interval(secs => :step)) "
    "ON CONFLICT (key) DO UPDATE SET tat = greatest(send_pace.tat, clock_timestamp()) "
    "+ make_interval(secs => :step) "
    "RETURNING EXTRACT(EPOCH FROM (tat - clock_timestamp()))"
)


async def reserve_sends(db: Db, keys: list[tuple[str, float, float]]) -> float:
    """Reserve one send on each (key, seconds between sends, burst); seconds to wait before
    sending. Keys are taken in sorted order, so two reservations never deadlock."""
    wait = 0.0
    async with transaction(db) as s:
        for key, step, burst in sorted(keys):
            ahead = float((await s.execute(_RESERVE, {"key": key, "step": step})).scalar_one())
            # The new arrival time is `ahead` seconds away; a burst may run that far ahead.
            wait = max(wait, ahead - burst * step)
    return max(0.0, wait)
