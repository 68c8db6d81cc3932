"""Hostile command arguments and the longest names Telegram allows.

Every command gets a list of hostile arguments and must answer each (a usage line, a refusal
or its normal answer) — never silence, never the generic failure message. Moderators with
64+64-character names (emoji, HTML specials) decide and are told about others' decisions
within Telegram's limits: callback answers 200, captions 1024, messages 4096.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

import store
from bot import fit
from bot.fake_telegram import FakeTelegram, buttons, contains
from tests.bot.conftest import (
    ADMIN,
    FLAGGED_VERDICT,
    MOD_CHAT,
    MODERATORS,
    Netra,
    make_config,
    quick_limiter,
    seed_flagged_case,
    start_netra,
    stop_netra,
)
from tests.bot.test_fit import LONGEST_FIRST, LONGEST_LAST
from wording import id as t

HOSTILE = [
    "99999999999999999999",  # OverflowError from SQLite before
    "²",  # str.isdigit() accepted it, int() refused it
    "٣",  # Arabic-Indic three: int() reads it
    "１２",  # fullwidth digits
    "-1",
    "0",
    "+5",
    "1e3",
    "0x10",
    "1.5",
    "#",
    "#-1",
    "##1",
    "12abc",
    "2147483648",  # one past PostgreSQL's integer
    "00000000000000000000001",
    "9" * 400,
    "\u200b1",  # zero-width space
    "NaN",
    "<b>1</b>",
    "&amp;",
    "🙂",
    "1 2",
    "1\n2",
    "/status",
    "%s%s%n",
    "1; DROP TABLE cases",
]
REPORTER = 8101
COMMANDS = {
    REPORTER: ["start", "help", "status"],
    MODERATORS[0]: ["queue", "case", "reanalyse"],
    ADMIN: ["block", "unblock", "reveal", "archive", "digest", "export", "roster", "election"],
}


@pytest.fixture
async def quick(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Netra]:
    config = make_config(tmp_path, tg)
    app = await start_netra(tg, config, rate_limiter=quick_limiter())
    try:
        yield Netra(tg, app, config)
    finally:
        await stop_netra(app)


async def test_every_command_answers_every_hostile_argument(
    quick: Netra, caplog: pytest.LogCaptureFixture
) -> None:
    tg = quick.tg
    caplog.set_level(logging.ERROR, logger="bot")
    silent = []
    for user_id, commands in COMMANDS.items():
        user = tg.user(user_id, "Uji")
        for command in commands:
            for argument in HOSTILE:
                mark = tg.mark()
                tg.send_text(user, f"/{command} {argument}")
                try:
                    reply = await tg.wait_for(lambda m, u=user_id: m["chat"]["id"] == u, since=mark)
                except TimeoutError:
                    silent.append(f"/{command} {argument!r}")
                    continue
                text = reply.get("text") or reply.get("caption") or ""
                assert t.HANDLER_FAILED not in text, f"/{command} {argument!r}"
    assert silent == []
    assert [r.getMessage() for r in caplog.records] == []


async def test_numbers_are_parsed_strictly_and_range_checked(quick: Netra) -> None:
    tg = quick.tg
    reporter = tg.user(REPORTER, "Uji")
    for argument in ("²", "٣", "１２", "99999999999999999999", "2147483648", "0"):
        tg.send_text(reporter, f"/status {argument}")
        reply = await tg.wait_for(lambda m: m["chat"]["id"] == REPORTER)
        assert reply["text"] == t.STATUS_USAGE, argument
    moderator = tg.user(MODERATORS[0], "Satu")
    for argument in ("#3", "3", "2147483647"):  # well-formed: looked up, not found
        tg.send_text(moderator, f"/case {argument}")
        reply = await tg.wait_for(lambda m: m["chat"]["id"] == MODERATORS[0])
        assert "tidak ditemukan" in reply["text"], argument


async def test_outsiders_get_a_refusal_whatever_they_type(quick: Netra) -> None:
    tg = quick.tg
    outsider = tg.user(8200, "Orang")
    for command in ("queue", "case", "reanalyse", "block", "archive", "reveal", "export"):
        for argument in ("99999999999999999999", "²", "1"):
            tg.send_text(outsider, f"/{command} {argument}")
            reply = await tg.wait_for(lambda m: m["chat"]["id"] == 8200)
            assert "tidak berwenang" in reply["text"] or "hanya untuk admin" in reply["text"]


async def test_longest_names_fit_every_answer_caption_and_listing(quick: Netra) -> None:
    """A late press by a moderator with the longest name still gets its answer."""
    tg = quick.tg
    tg.send_text(tg.user(4545, "Pelapor"), "/start")
    await tg.wait_for(contains("Netra", chat_id=4545))
    long_asn = {
        **FLAGGED_VERDICT,
        "asn": {**FLAGGED_VERDICT["asn"], "nama": "Prof. Dr. " + "Panjang " * 30},  # type: ignore[dict-item]
        "alternatives": [
            {**FLAGGED_VERDICT["alternatives"][0], "nama": "Nama Alternatif " * 10}  # type: ignore[index]
        ],
    }
    case_ids = [await seed_flagged_case(quick, 4545, i, long_asn) for i in range(35)]
    first = tg.user(MODERATORS[0], LONGEST_FIRST, last_name=LONGEST_LAST)
    second = tg.user(MODERATORS[1], LONGEST_LAST, last_name=LONGEST_FIRST)
    card = await tg.wait_for(
        lambda m: m["chat"]["id"] == MOD_CHAT and f"Kasus #{case_ids[0]} " in m.get("caption", ""),
        since=0,
        timeout=30,
    )
    assert fit.units(card["caption"]) <= fit.CAPTION
    # another-person labels fit
    tg.press_button(second, card, dict(buttons(card))["👤 Orang lain"])
    menu = await tg.wait_for(
        lambda m: m["message_id"] == card["message_id"] and "🚫 Bukan ASN" in dict(buttons(m))
    )
    assert all(fit.units(label) <= fit.BUTTON_LABEL for label, _ in buttons(menu))
    tg.press_button(second, menu, dict(buttons(menu))["« Kembali"])
    back = await tg.wait_for(
        lambda m: m["message_id"] == card["message_id"] and "✅ Setujui" in dict(buttons(m))
    )
    # the first moderator decides; the card shows the longest name within the caption limit
    tg.press_button(first, back, dict(buttons(back))["✅ Setujui"])
    decided = await tg.wait_for(contains("Disetujui oleh", chat_id=MOD_CHAT))
    assert fit.units(decided["caption"]) <= fit.CAPTION and "😀" in decided["caption"]
    # a late press from a stale card: answered, within 200, saying who and when
    tg.send_text(second, f"/case {case_ids[1]}")  # the second moderator opens the case…
    mine = await tg.wait_for(lambda m: m["chat"]["id"] == MODERATORS[1] and "photo" in m)
    group = await tg.wait_for(
        lambda m: m["chat"]["id"] == MOD_CHAT and f"Kasus #{case_ids[1]} " in m.get("caption", ""),
        since=0,
    )
    tg.press_button(first, group, dict(buttons(group))["❌ Tolak"])  # …the first decides…
    await tg.wait_for(contains("Ditolak oleh", chat_id=MOD_CHAT))
    count = len(tg.callback_answers)
    tg.press_button(second, mine, dict(buttons(mine))["✅ Setujui"])  # …the second is late
    late = await _answer_after(tg, count)
    assert late["text"] and fit.units(late["text"]) <= fit.CALLBACK_ANSWER
    assert late["text"].startswith(f"Kasus #{case_ids[1]} sudah diputuskan")
    assert "😀" in late["text"] and late["text"].endswith("WIB.")
    # the queue of 33 pending cases with long names stays within one message
    tg.send_text(first, "/queue")
    listing = await tg.wait_for(contains("Antrean", chat_id=MODERATORS[0]))
    assert fit.units(listing["text"]) <= fit.MESSAGE
    detail = await store.get_case(quick.services.db, case_ids[1])
    assert detail is not None and detail.state == "rejected"


async def _answer_after(tg: FakeTelegram, count: int) -> dict:
    import asyncio

    for _ in range(200):
        if len(tg.callback_answers) > count:
            return tg.callback_answers[count]
        await asyncio.sleep(0.02)
    raise AssertionError("the late press got no answer")
