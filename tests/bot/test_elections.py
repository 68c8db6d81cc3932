"""The running bot watching a province: each case's card goes to its election's own
moderators' chat, a regency's task force sees and decides its own cases only, the approved
card counts Bawaslu's days left, `/berkas` hands out the case file (read back here), and the
admins are reminded of a deadline close at hand (the fake Bot API, real python-telegram-bot)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import scheduler
import store
from bot.fake_telegram import FakeTelegram, buttons, contains
from tests.bot.conftest import (
    ADMIN,
    FLAGGED_VERDICT,
    MOD_CHAT,
    Netra,
    make_config,
    seed_flagged_case,
    start_netra,
    stop_netra,
)
from tests.province import FILES, ROSTER_CSV

GUB, DELI, KARO = (
    "Pilgub Sumatera Utara 2024",
    "Pilkada Kabupaten Deli Serdang 2024",
    "Pilkada Kabupaten Karo 2024",
)
DELI_CHAT, KARO_CHAT = -1002000000012, -1002000000013
DELI_MODERATOR, DELI_ADMIN, KARO_ADMIN, KARO_MEMBER = 612, 912, 913, 713


@pytest.fixture
async def province_netra(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Netra]:
    folder = tmp_path / "elections"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text)
    (tmp_path / "province.csv").write_text(ROSTER_CSV)
    config = replace(
        make_config(tmp_path, tg),
        roster=tmp_path / "province.csv",
        election=None,
        elections=(folder,),
    )
    tg.group(DELI_CHAT, "Satgas Deli Serdang")
    tg.group(KARO_CHAT, "Satgas Karo")
    tg.chat_members[(KARO_CHAT, KARO_MEMBER)] = "member"
    app = await start_netra(tg, config)
    try:
        yield Netra(tg, app, config)
    finally:
        await stop_netra(app)


def verdict(election: str | None, options: list[str], nip: str, nama: str) -> dict[str, Any]:
    asn = {**FLAGGED_VERDICT["asn"], "nip": nip, "nama": nama, "instansi": "Pemkab"}  # type: ignore[dict-item]
    evidence = [{"candidate": 2, "rule": "hashtag", "matched": "#BrizulKaro", "weight": 0.9}]
    return {
        **FLAGGED_VERDICT,
        "candidate": 2,
        "election": election,
        "elections": options,
        "asn": asn,
        "evidence": evidence,
    }


async def test_a_regency_task_force_sees_and_decides_its_own_cases(
    province_netra: Netra,
) -> None:
    netra, tg = province_netra, province_netra.tg
    deli = await seed_flagged_case(
        netra, 4001, 1, verdict(DELI, [DELI], "199001052015031004", "Joko Susilo")
    )
    karo = await seed_flagged_case(
        netra, 4002, 2, verdict(KARO, [KARO], "199107072016041005", "Maya Sembiring")
    )
    unsure = await seed_flagged_case(
        netra, 4003, 3, verdict(None, [GUB, DELI, KARO], "198812312014022006", "Dewi Lestari")
    )
    # Each card goes to its election's own chat; the unplaceable one to the province's.
    deli_card = await tg.wait_for(contains(f"Kasus #{deli}", chat_id=DELI_CHAT))
    assert f"Pemilihan: {DELI}" in deli_card["caption"]
    assert "Jenis: pelanggaran disiplin" in deli_card["caption"]
    karo_card = await tg.wait_for(contains(f"Kasus #{karo}", chat_id=KARO_CHAT))
    assert "Jenis: tidak diketahui" in karo_card["caption"]  # Karo's file has no designation day
    unsure_card = await tg.wait_for(contains(f"Kasus #{unsure}", chat_id=MOD_CHAT))
    assert "belum pasti" in unsure_card["caption"] and KARO in unsure_card["caption"]

    # Deli Serdang's moderator: its case and the one that could be its, not Karo's.
    moderator = tg.user(DELI_MODERATOR, "Moderator Deli")
    tg.send_text(moderator, "/queue")
    queue = await tg.wait_for(contains("Antrean", chat_id=DELI_MODERATOR))
    assert f"#{deli}" in queue["text"] and f"#{unsure}" in queue["text"]
    assert f"#{karo}" not in queue["text"] and "⏳ 6 hari" in queue["text"]
    tg.send_text(moderator, f"/case {karo}")
    await tg.wait_for(contains(f"Kasus #{karo} tidak ditemukan", chat_id=DELI_MODERATOR))
    with pytest.raises(TimeoutError):  # and its buttons do nothing for them
        tg.press_button(moderator, karo_card, dict(buttons(karo_card))["✅ Setujui"])
        await tg.wait_for(contains("Disetujui", chat_id=KARO_CHAT), timeout=1.5)
    assert (await store.get_case(netra.services.db, karo)).state == "flagged"  # type: ignore[union-attr]

    # A member of Karo's chat decides Karo's case; the card counts Bawaslu's days left.
    member = tg.user(KARO_MEMBER, "Anggota Satgas Karo")
    tg.press_button(member, karo_card, dict(buttons(karo_card))["✅ Setujui"])
    edited = await tg.wait_for(
        lambda m: (
            m["chat"]["id"] == KARO_CHAT and "Tenggat Bawaslu: sisa" in (m.get("caption") or "")
        )
    )
    assert "6 hari" in edited["caption"]

    # Karo's admin gets Karo's case file, not Deli Serdang's.
    karo_admin = tg.user(KARO_ADMIN, "Admin Karo")
    tg.send_text(karo_admin, f"/berkas {deli}")
    await tg.wait_for(contains(f"Kasus #{deli} tidak ditemukan", chat_id=KARO_ADMIN))
    tg.send_text(karo_admin, f"/berkas {karo}")
    doc = await tg.wait_for(lambda m: m["chat"]["id"] == KARO_ADMIN and "document" in m)
    assert doc["document"]["file_name"] == f"berkas-kasus-{karo:05d}.pdf"
    text = "\n".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(tg.file_bytes(doc["document"]["file_id"]))).pages
    )
    for _ in range(40):  # handed over once the document went out
        case = await store.get_case(netra.services.db, karo)
        if case is not None and case.handed_over_at is not None:
            break
        await asyncio.sleep(0.05)
    assert case is not None and case.handed_over_at is not None
    for expected in (
        f"Berkas Kasus #{karo}",
        "Maya Sembiring",
        "199107072016041005",
        KARO,
        "02 Brian Sinukaban – Zulkarnain Sembiring",
        "tidak diketahui",
        case.sha256,
        "Anggota Satgas Karo",
        "decision",
        "hashtag «#BrizulKaro»",
        "Pemkab",
    ):
        assert expected in text, expected
    assert len(PdfReader(io.BytesIO(tg.file_bytes(doc["document"]["file_id"]))).pages) == 1


async def test_admins_are_reminded_once_of_a_deadline_two_days_away(
    province_netra: Netra,
) -> None:
    netra, tg = province_netra, province_netra.tg
    for user_id in (ADMIN, DELI_ADMIN, KARO_ADMIN):
        tg.send_text(tg.user(user_id, f"Admin {user_id}"), "/start")
        await tg.wait_for(contains("Netra", chat_id=user_id))
    deli = await seed_flagged_case(
        netra, 4001, 1, verdict(DELI, [DELI], "199001052015031004", "Joko Susilo")
    )
    assert (await store.decide_case(netra.services.db, deli, actor=501, decision="approved")).ok
    case = await store.get_case(netra.services.db, deli)
    assert case is not None
    later = case.created_at + timedelta(days=5, hours=6)
    bot = netra.app.bot
    assert await scheduler.run_deadline_reminders(netra.services, bot, later) == [deli]
    assert await scheduler.run_deadline_reminders(netra.services, bot, later) == []  # once
    for user_id in (ADMIN, DELI_ADMIN):  # the province's admin and Deli Serdang's own
        reminder = await tg.wait_for(contains(f"Kasus #{deli}", chat_id=user_id))
        assert "tinggal <b>1 hari 18 jam</b>" not in reminder["text"]
        assert "1 hari 18 jam" in reminder["text"] and "/berkas" in reminder["text"]
    assert not [m for m in tg.messages_to(KARO_ADMIN) if f"Kasus #{deli}" in (m.get("text") or "")]
