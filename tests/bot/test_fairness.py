"""Nobody can stall the bot, and nothing the bot sends is lost to a
failed attempt.

The bot runs with its real sending path (Telegram's pace: 30 a second overall, a burst then
one a second per chat) against the fake Bot API with Telegram's per-chat flood control.
"""

from __future__ import annotations

import asyncio
import io
import time

from PIL import Image

import store
from bot.fake_telegram import FakeTelegram, buttons, contains
from tests.bot.conftest import MOD_CHAT, MODERATORS, Netra, seed_flagged_case

FLOODER, REPORTER = 9301, 9302


def screenshot(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (270, 480), (shade, 90, 160)).save(out, "PNG")
    return out.getvalue()


async def ack_latency(tg: FakeTelegram, user_id: int, shade: int) -> float:
    """Seconds from a reporter's screenshot reaching Telegram to the bot's ticket."""
    start = time.monotonic()
    tg.send_photo(tg.user(user_id, "Pelapor"), screenshot(shade))
    await tg.wait_for(contains("diterima", chat_id=user_id), timeout=30, since=0)
    return time.monotonic() - start


async def test_text_spam_gets_one_help_reply_and_does_not_delay_another_reporter(
    netra: Netra,
) -> None:
    tg = netra.tg
    tg.flood_control(burst=30, per_second=1.0)
    flooder = tg.user(FLOODER, "Banjir")
    for i in range(200):
        tg.send_text(flooder, f"halo {i}")
    latency = await ack_latency(tg, REPORTER, 10)
    print(f"another reporter's acknowledgement under a 200-text flood: {latency:.2f} s")
    assert latency < 3.0
    await asyncio.sleep(1.0)
    help_replies = [m for m in tg.messages_to(FLOODER) if "hanya memproses" in m["text"]]
    assert len(help_replies) == 1
    assert tg.flood_refusals == 0


async def test_a_flooding_chat_is_held_alone_by_flood_control(netra: Netra) -> None:
    """Telegram stricter than the bot's own pacing: the flooder's chat gets 429s and waits;
    other chats' sends do not wait with it (PTB's limiter held every send on any 429)."""
    tg = netra.tg
    tg.flood_control(burst=5, per_second=0.2)
    flooder = tg.user(FLOODER, "Banjir")
    for _ in range(60):
        tg.send_text(flooder, "/status")
    await tg.wait_for(lambda m: m["chat"]["id"] == FLOODER, timeout=10)
    for _ in range(100):  # until the flooder's chat is refused by flood control
        if tg.flood_refusals:
            break
        await asyncio.sleep(0.05)
    assert tg.flood_refusals >= 1
    latencies = [await ack_latency(tg, REPORTER + i, 20 + i) for i in range(3)]
    print(f"acknowledgements while the flooder is held: {[f'{x:.2f}' for x in latencies]} s")
    assert max(latencies) < 3.0
    # The flooder is not queued for minutes either: replies beyond a short backlog are dropped.
    limiter = netra.app.bot.rate_limiter
    assert limiter is not None and limiter.dropped > 0  # type: ignore[attr-defined]


async def test_photo_spam_is_answered_once_over_the_limit(netra: Netra) -> None:
    """Screenshots past the hourly limit get one polite refusal, not one each."""
    tg = netra.tg
    spammer = tg.user(FLOODER, "Banjir")
    limit = netra.config.bot.rate_limit_per_hour
    for i in range(limit + 15):
        tg.send_photo(spammer, screenshot(i % 250))
    await tg.wait_for(contains("batas", chat_id=FLOODER), timeout=60)
    await asyncio.sleep(1.0)
    texts = [m["text"] for m in tg.messages_to(FLOODER)]
    assert sum("diterima" in x for x in texts) == limit
    assert sum("batas" in x for x in texts) == 1


async def test_every_send_survives_a_failed_first_attempt(netra: Netra) -> None:
    """The Bot API server fails the first attempt of every request (502, then a dropped
    connection): acknowledgements, replies, cards, callback answers, edits and outcomes
    still arrive, each once."""
    tg = netra.tg
    for code in (502, 0):
        tg.fail_first_attempts(code=code)
        base = 9400 + code
        reporter = tg.user(base, "Pelapor")
        tg.send_text(reporter, "/start")
        await tg.wait_for(contains("Netra", chat_id=base), timeout=20)
        tg.send_photo(reporter, screenshot(code % 250 + 1))
        ack = await tg.wait_for(contains("diterima", chat_id=base), timeout=20)
        tg.send_text(reporter, "/status")
        await tg.wait_for(contains("Laporan", chat_id=base), timeout=20)
        case_id = await seed_flagged_case(netra, base, code)
        card = await tg.wait_for(
            lambda m, c=case_id: (
                m["chat"]["id"] == MOD_CHAT and m.get("caption", "").startswith(f"Kasus #{c} ")
            ),
            timeout=20,
        )
        moderator = tg.user(MODERATORS[0], "Satu")
        answered = len(tg.callback_answers)
        tg.press_button(moderator, card, dict(buttons(card))["✅ Setujui"])
        await tg.wait_for(contains("Disetujui oleh Satu", chat_id=MOD_CHAT), timeout=20)
        await tg.wait_for(contains("dikonfirmasi", chat_id=base), timeout=20)
        assert len(tg.callback_answers) == answered + 1
        texts = [m["text"] for m in tg.messages_to(base)]
        assert sum("diterima" in x for x in texts) == 1, texts
        assert sum("dikonfirmasi" in x for x in texts) == 1, texts
        assert ack["reply_to_message"]["message_id"] > 0
        detail = await store.get_case(netra.services.db, case_id)
        assert detail is not None and detail.state == "approved"
    assert tg.failed_attempts >= 16
