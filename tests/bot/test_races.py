"""First decision wins, also when needs-info races approve or reject.

Presses are fired at the fake Bot API together — two updates in one getUpdates batch, from
two moderators, handled concurrently by the real bot — for every pair of the card's actions,
on one card and on two cards of the same case (the moderators' group card and a /case card in
a moderator's private chat, drawn for the same version), several times each.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

import store
from bot.fake_telegram import FakeTelegram, buttons, contains
from tests.bot.conftest import (
    MOD_CHAT,
    Netra,
    make_config,
    quick_limiter,
    seed_flagged_case,
    start_netra,
    stop_netra,
)

MAIN = {"a": "✅ Setujui", "r": "❌ Tolak", "n": "❓ Perlu info", "o": "👤 Orang lain"}
MENU = {"p0": "Budi Santoso", "x": "🚫 Bukan ASN", "b": "« Kembali"}
DECIDES = {"a": "approved", "r": "rejected", "n": "needs_info", "p0": "approved", "x": "rejected"}
REPORTER = 4444
ROUNDS = 2


@pytest.fixture
async def quick(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Netra]:
    """The bot with Telegram's sending pace lifted: these tests post a hundred cards."""
    config = make_config(tmp_path, tg)
    app = await start_netra(tg, config, rate_limiter=quick_limiter())
    try:
        yield Netra(tg, app, config)
    finally:
        await stop_netra(app)


def moderator(tg: FakeTelegram, user_id: int, name: str) -> dict:
    tg.chat_members[(MOD_CHAT, user_id)] = "member"
    return tg.user(user_id, name)


def payload_for(message: dict, action: str) -> str:
    label = {**MAIN, **MENU}[action]
    for text, data in buttons(message):
        if text.startswith(label) and data:
            return data
    raise AssertionError(f"no {label!r} on {buttons(message)}")


async def group_card(netra: Netra, case_id: int) -> dict:
    return await netra.tg.wait_for(
        lambda m: (
            m["chat"]["id"] == MOD_CHAT
            and "photo" in m
            and m.get("caption", "").startswith(f"Kasus #{case_id} ")
        ),
        since=0,
    )


async def private_card(netra: Netra, user: dict, case_id: int) -> dict:
    tg = netra.tg
    mark = tg.mark()
    tg.send_text(user, f"/case {case_id}")
    return await tg.wait_for(
        lambda m: m["chat"]["id"] == user["id"] and "photo" in m, since=mark, timeout=10
    )


async def open_menu(netra: Netra, user: dict, card: dict) -> dict:
    tg = netra.tg
    mark = tg.mark()
    tg.press_button(user, card, payload_for(card, "o"))
    return await tg.wait_for(
        lambda m: (
            m["chat"]["id"] == card["chat"]["id"]
            and m["message_id"] == card["message_id"]
            and any("Bukan ASN" in b for b, _ in buttons(m))
        ),
        since=mark,
    )


async def answers_to(tg: FakeTelegram, query_ids: list[str], timeout: float = 10) -> list[dict]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = [a for a in tg.callback_answers if a["callback_query_id"] in query_ids]
        if len(found) == len(query_ids):
            return sorted(found, key=lambda a: query_ids.index(a["callback_query_id"]))
        await asyncio.sleep(0.02)
    raise TimeoutError(f"presses not answered: {query_ids}")


async def settled(netra: Netra, case_id: int, timeout: float = 10) -> store.CaseDetail:
    """Wait until the case's card and reporters show its current version."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        detail = await store.get_case(netra.services.db, case_id)
        assert detail is not None
        told = detail.state not in ("approved", "rejected", "needs_info") or (
            detail.outcome_version == detail.version
        )
        if detail.card_version == detail.version and told:
            return detail
        if loop.time() > deadline:
            raise TimeoutError(f"case {case_id} not settled: {detail}")
        await asyncio.sleep(0.02)


async def race(netra: Netra, case_id: int, first: str, second: str, same_card: bool) -> None:
    """Two moderators press `first` and `second` at once; check one decision at most, the
    loser told who won, the card and the reporter consistent with the database."""
    tg = netra.tg
    one = moderator(tg, 30_000 + case_id * 2, f"Satu{case_id}")
    two = moderator(tg, 30_001 + case_id * 2, f"Dua{case_id}")
    card = await group_card(netra, case_id)
    other = card if same_card else await private_card(netra, two, case_id)
    if first in MENU:
        card = await open_menu(netra, one, card)
        if same_card:
            other = card
    if second in MENU and not same_card:
        other = await open_menu(netra, two, other)
    before = len([m for m in tg.messages_to(REPORTER) if "Laporan" in (m.get("text") or "")])
    q1 = tg.press_button(one, card, payload_for(card, first))["callback_query"]["id"]
    q2 = tg.press_button(two, other, payload_for(other, second))["callback_query"]["id"]
    a1, a2 = await answers_to(tg, [q1, q2])
    detail = await settled(netra, case_id)
    trail = await store.audit_of(netra.services.db, case_id)
    decisions = [e for e in trail if e.action == "decision"]
    wanted = [a for a in (first, second) if a in DECIDES]
    label = f"{first} vs {second} ({'one card' if same_card else 'two cards'})"
    assert len(decisions) == (1 if wanted else 0), (label, decisions)
    if len(wanted) == 2:
        loser = a2 if decisions[0].actor == f"tg:{one['id']}" else a1
        winner = one if loser is a2 else two
        assert "sudah" in (loser["text"] or "") and winner["first_name"] in loser["text"], (
            label,
            loser,
        )
    if wanted:
        assert detail.state == DECIDES[wanted[0]] or detail.state == DECIDES[wanted[-1]], label
        told = [m for m in tg.messages_to(REPORTER) if "Laporan" in (m.get("text") or "")]
        assert len(told) == before + 1, (label, [m["text"] for m in told[before:]])
    # The moderators' card shows the state the database has, with buttons only while pending.
    shown = next(m for m in tg.messages_to(MOD_CHAT) if m["message_id"] == card["message_id"])
    pending = detail.state in ("flagged", "needs_info")
    assert bool(buttons(shown)) == pending, (label, shown.get("caption"), detail.state)
    for _, data in buttons(shown):
        assert data is not None and data.split(":")[3] == str(detail.version), (label, data)


async def test_every_pair_of_presses_at_once_records_at_most_one_decision(quick: Netra) -> None:
    tg = quick.tg
    tg.send_text(tg.user(REPORTER, "Pelapor"), "/start")  # the reporter can be written to
    await tg.wait_for(contains("Netra", chat_id=REPORTER))
    actions = [*MAIN, *MENU]
    trials = [(a, b, False) for a, b in itertools.combinations_with_replacement(actions, 2)]
    trials += [(a, b, True) for a, b in itertools.combinations_with_replacement(MAIN, 2)]
    trials += [(a, b, True) for a, b in itertools.combinations_with_replacement(MENU, 2)]
    ordered = [
        pair
        for first, second, same in trials
        for pair in {(first, second, same), (second, first, same)}  # who is queued first
    ]
    for index, (first, second, same) in enumerate(ordered * ROUNDS, start=1):
        case_id = await seed_flagged_case(quick, REPORTER, index)
        await race(quick, case_id, first, second, same)


async def test_approve_on_a_card_that_changed_since_is_refused_and_told_who(
    quick: Netra,
) -> None:
    """The reported race, slowed down: needs-info lands, then an approve pressed on the card
    drawn before it. Refused, told who asked for information, card redrawn; no second
    decision, the reporter hears "needs information" only."""
    tg = quick.tg
    tg.send_text(tg.user(REPORTER, "Pelapor"), "/start")
    await tg.wait_for(contains("Netra", chat_id=REPORTER))
    case_id = await seed_flagged_case(quick, REPORTER, 1)
    satu, dua = moderator(tg, 601, "Satu"), moderator(tg, 602, "Dua")
    card = await group_card(quick, case_id)
    stale = await private_card(quick, dua, case_id)  # Dua looks at the flagged case
    tg.press_button(satu, card, payload_for(card, "n"))
    await tg.wait_for(contains("Perlu info oleh Satu", chat_id=MOD_CHAT))
    await tg.wait_for(contains("informasi tambahan", chat_id=REPORTER))
    mark = tg.mark()
    query = tg.press_button(dua, stale, payload_for(stale, "a"))["callback_query"]["id"]
    (answer,) = await answers_to(tg, [query])
    assert "sudah berubah" in answer["text"] and "Perlu info" in answer["text"]
    assert "Satu" in answer["text"] and answer["show_alert"]
    redrawn = await tg.wait_for(
        lambda m: m["chat"]["id"] == dua["id"] and m["message_id"] == stale["message_id"],
        since=mark,
    )
    assert "Perlu info oleh Satu" in redrawn["caption"]
    labels = [label for label, _ in buttons(redrawn)]
    assert labels == ["✅ Setujui", "❌ Tolak", "👤 Orang lain"]  # needs-info is not offered again
    detail = await store.get_case(quick.services.db, case_id)
    assert detail is not None and detail.state == "needs_info"
    assert [e.to_state for e in await store.audit_of(quick.services.db, case_id)][
        -1
    ] == "needs_info"
    # On the redrawn card the same press counts.
    tg.press_button(dua, redrawn, payload_for(redrawn, "a"))
    await tg.wait_for(contains("Disetujui oleh Dua", chat_id=MOD_CHAT))
    await tg.wait_for(contains("dikonfirmasi", chat_id=REPORTER))
    outcomes = [m["text"] for m in tg.messages_to(REPORTER) if "Laporan" in m.get("text", "")]
    assert len(outcomes) == 2  # "needs information", then "confirmed": once each
