"""Nothing acknowledged is lost: restarts, Telegram errors, admin uploads that are bad."""

from __future__ import annotations

import asyncio
from pathlib import Path

import store
from bot.fake_telegram import FakeTelegram, buttons, contains
from tests.bot.conftest import (
    ADMIN,
    MOD_CHAT,
    MODERATORS,
    Netra,
    make_config,
    start_netra,
    stop_netra,
)
from tests.conftest import ROSTER_CSV
from tests.synth import StorySpec, render_story

STORY = StorySpec(
    platform="whatsapp",
    poster="+62 813-9988-7766",
    age="Beberapa menit yang lalu",
    lines=["Jangan lupa", "nomor urut dua"],
    background="solid",
    bg_colors=((37, 120, 219), (37, 120, 219)),
    effect="plain",
)


async def test_restart_with_work_pending_still_reaches_the_moderators(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    config = make_config(tmp_path, tg)
    app = await start_netra(tg, config)
    tg.send_photo(tg.user(3001), render_story(STORY))
    await tg.wait_for(contains("diterima", chat_id=3001))
    await stop_netra(app)  # the process goes away before the analysis finished
    db = store.session_factory(store.create_engine(config.database_url))
    assert await store.pending_analysis(db) == [1]

    app = await start_netra(tg, config)
    try:
        card = await tg.wait_for(
            lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, timeout=30, since=0
        )
        assert "Agus Prasetyo" in card["caption"] and buttons(card)
    finally:
        await stop_netra(app)


async def test_flood_control_on_the_moderators_chat_is_waited_out(netra: Netra) -> None:
    tg = netra.tg
    tg.fail_next("sendPhoto", 429, retry_after=1)
    tg.send_photo(tg.user(3101), render_story(STORY))
    card = await tg.wait_for(lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, timeout=30)
    assert "Kasus #1" in card["caption"]


async def test_a_deleted_moderators_chat_is_reported_to_admins_and_kept_in_the_queue(
    netra: Netra,
) -> None:
    tg = netra.tg
    tg.user(ADMIN, "Admin")
    tg.send_text(tg.user(ADMIN), "/start")  # the admin has talked to the bot before
    await tg.wait_for(contains("Netra", chat_id=ADMIN))
    tg.fail_next("sendPhoto", 400, description="Bad Request: chat not found")
    tg.send_photo(tg.user(3201), render_story(STORY))
    warning = await tg.wait_for(
        contains("gagal dikirim ke grup moderator", chat_id=ADMIN), timeout=30
    )
    assert "#1" in warning["text"]
    tg.send_text(tg.user(MODERATORS[0]), "/queue")
    listing = await tg.wait_for(contains("Antrean", chat_id=MODERATORS[0]))
    assert "#1" in listing["text"]


async def test_roster_upload_reports_bad_rows_and_replaces_atomically(netra: Netra) -> None:
    tg = netra.tg
    admin = tg.user(ADMIN, "Admin")
    bad_rows = "1970021720010624,Terlalu Pendek,,,,,\n198001012005011001,,Staf,,,,\n"
    new_row = "198002022006042001,Wati Handayani,Staf,Dinas Sosial,Pemerintah Kota Contoh,,wati.h\n"
    tg.send_document(
        admin,
        (ROSTER_CSV + bad_rows + new_row).encode(),
        "roster.csv",
        "text/csv",
        caption="/roster",
    )
    summary = await tg.wait_for(contains("Daftar ASN diganti", chat_id=ADMIN))
    text = summary["text"]
    assert "7 baris valid" in text and "1 baru" in text and "2 baris ditolak" in text
    assert "baris 8" in text and "baris 9" in text
    assert netra.services.roster.get("198002022006042001") is not None

    # A file without a NIP column replaces nothing.
    tg.send_text(admin, "/roster")
    await tg.wait_for(contains("Kirim berkas daftar ASN", chat_id=ADMIN))
    tg.send_document(admin, b"Nama,Jabatan\nBudi,Staf\n", "salah.csv", "text/csv")
    refused = await tg.wait_for(contains("tidak diganti", chat_id=ADMIN))
    assert "NIP" in refused["text"]
    assert len(netra.services.roster) == 7


async def test_only_admins_can_replace_the_roster_or_election(netra: Netra) -> None:
    tg = netra.tg
    moderator = tg.user(MODERATORS[0])
    tg.send_document(moderator, ROSTER_CSV.encode(), "roster.csv", "text/csv", caption="/roster")
    await tg.wait_for(contains("hanya untuk admin", chat_id=MODERATORS[0]))
    tg.send_text(moderator, "/election")
    await tg.wait_for(contains("hanya untuk admin", chat_id=MODERATORS[0]))


async def test_election_upload_is_validated(netra: Netra) -> None:
    tg = netra.tg
    admin = tg.user(ADMIN, "Admin")
    tg.send_document(
        admin, b"[election]\nname='X'\n", "pilkada.toml", "application/toml", caption="/election"
    )
    refused = await tg.wait_for(contains("tidak diganti", chat_id=ADMIN))
    assert "candidates" in refused["text"]
    pairs = b"[[candidates]]\nnumber=1\npeople=['A B']\n[[candidates]]\nnumber=2\npeople=['Kotak Kosong']\n"
    other = b"[election]\nname='Pilkada Ulang'\ntimezone='Asia/Jayapura'\n" + pairs
    tg.send_document(admin, other, "pilkada.toml", "application/toml", caption="/election")
    await tg.wait_for(contains("ditambahkan: Pilkada Ulang, 2 paslon", chat_id=ADMIN))
    assert netra.services.elections.names == ("Pilkada Kota Contoh 2024", "Pilkada Ulang")
    # An election of the same name is replaced: here the configured (primary) one.
    same = b"[election]\nname='Pilkada Kota Contoh 2024'\ntimezone='Asia/Jayapura'\n" + pairs
    tg.send_document(admin, same, "pilkada.toml", "application/toml", caption="/election")
    await tg.wait_for(contains("diganti: Pilkada Kota Contoh 2024, 2 paslon", chat_id=ADMIN))
    assert len(netra.services.elections) == 2
    assert netra.services.election.candidate(2).people == ("Kotak Kosong",)
    # The daily digest moves to the new election's time zone (07:00 WIT) without a restart.
    for _ in range(50):
        if netra.app.bot_data.scheduler.tz.key == "Asia/Jayapura":
            break
        await asyncio.sleep(0.05)
    assert netra.app.bot_data.scheduler.tz.key == "Asia/Jayapura"
    digest = [j for j in netra.app.job_queue.jobs() if j.name == "netra-digest"]
    assert len(digest) == 1 and str(digest[0].job.trigger.timezone) == "Asia/Jayapura"
