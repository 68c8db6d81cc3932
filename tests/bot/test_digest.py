"""The running bot: /digest and /export for admins, and the digest missed while the bot was
down sent at start-up (the real JobQueue, the fake Bot API)."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

import scheduler
import store
from bot.fake_telegram import FakeTelegram, contains
from netra.config import Config, DigestSettings
from tests.bot.conftest import ADMIN, make_config, start_netra, stop_netra
from tests.seeding import open_services, seed_all

JAKARTA = ZoneInfo("Asia/Jakarta")


async def _seed(config: Config, scheduler_since: datetime | None = None) -> None:
    svc = await open_services(config)
    await seed_all(svc)
    if scheduler_since is not None:
        await store.digest_since(svc.db, scheduler_since)
    await svc.db.kw["bind"].dispose()


@pytest.fixture
async def seeded_netra(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Config]:
    config = make_config(tmp_path, tg)
    await _seed(config)
    app = await start_netra(tg, config)
    try:
        yield config
    finally:
        await stop_netra(app)


def _docs(tg: FakeTelegram, chat_id: int, since: int) -> list[dict]:
    return [m for m in tg.sent[since:] if m["chat"]["id"] == chat_id and "document" in m]


async def test_digest_command(tg: FakeTelegram, seeded_netra: Config) -> None:
    admin = tg.user(ADMIN, "Admin")
    tg.send_text(admin, "/digest")
    photo = await tg.wait_for(lambda m: m["chat"]["id"] == ADMIN and "photo" in m, timeout=20)
    assert "periode:" in photo["caption"] and len(photo["caption"]) <= 1024
    data = tg.file_bytes(photo["photo"][-1]["file_id"])
    assert data.startswith(b"\x89PNG")
    text = await tg.wait_for(contains("Ringkasan Netra (permintaan admin)", chat_id=ADMIN))
    assert "(12)" in text["text"]  # screenshots received since the start
    doc = await tg.wait_for(lambda m: m["chat"]["id"] == ADMIN and "document" in m)
    wb = load_workbook(io.BytesIO(tg.file_bytes(doc["document"]["file_id"])))
    assert wb.active.max_row == 4  # header + 3 approved cases


async def test_export_command(tg: FakeTelegram, seeded_netra: Config) -> None:
    admin = tg.user(ADMIN, "Admin")
    mark = len(tg.sent)
    tg.send_text(admin, "/export")
    await tg.wait_for(lambda m: m["chat"]["id"] == ADMIN and ".zip" in str(m.get("document")))
    docs = {m["document"]["file_name"].rsplit(".", 1)[1]: m for m in _docs(tg, ADMIN, mark)}
    assert set(docs) == {"xlsx", "csv", "zip"}
    table = tg.file_bytes(docs["csv"]["document"]["file_id"]).decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(table)))) == 3
    zf = zipfile.ZipFile(io.BytesIO(tg.file_bytes(docs["zip"]["document"]["file_id"])))
    manifest = list(csv.DictReader(io.StringIO(zf.read("manifest.csv").decode())))
    assert len(manifest) == 3
    for entry in manifest:
        assert hashlib.sha256(zf.read(entry["file"])).hexdigest() == entry["sha256_recorded"]
    # Each approved case's file (PDF) rides along, named in the table; they count as handed over.
    rows = list(csv.DictReader(io.StringIO(table)))
    pdfs = sorted(n for n in zf.namelist() if n.startswith("berkas-kasus-"))
    assert pdfs == sorted(r["Berkas kasus (PDF) dalam ZIP"] for r in rows) and len(pdfs) == 3
    assert all(zf.read(name).startswith(b"%PDF") for name in pdfs)
    assert {r["Pemilihan"] for r in rows} == {""}  # seeded before elections were named
    assert {r["Jenis pelanggaran (SKB netralitas ASN 2022)"] for r in rows} == {"tidak diketahui"}
    # A range with nothing in it, and a bad argument.
    tg.send_text(admin, "/export 2020-01-01 2020-01-31")
    await tg.wait_for(contains("Tidak ada kasus disetujui", chat_id=ADMIN))
    tg.send_text(admin, "/export kemarin")
    await tg.wait_for(contains("/export 2026-11-01", chat_id=ADMIN))


async def test_digest_and_export_are_for_admins(tg: FakeTelegram, seeded_netra: Config) -> None:
    someone = tg.user(1234, "Warga")
    for command in ("/digest", "/export"):
        tg.send_text(someone, command)
        await tg.wait_for(contains("hanya untuk admin", chat_id=1234))
    assert not any("document" in m or "photo" in m for m in tg.sent if m["chat"]["id"] == 1234)


async def test_missed_digest_sent_at_startup(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest time passed an hour ago while the bot was down: sent shortly after start-up,
    once, saying the period it covers; a second start does not send it again."""
    monkeypatch.setattr(scheduler, "CATCH_UP_DELAY", timedelta(seconds=0.2))
    now = datetime.now(UTC)
    at = (now - timedelta(hours=1)).astimezone(JAKARTA)
    config = make_config(tmp_path, tg)
    config = replace(config, digest=DigestSettings(time=at.strftime("%H:%M")))
    await _seed(config, scheduler_since=now - timedelta(days=3))
    tg.user(ADMIN, "Admin")
    tg.send_text(tg.user(ADMIN), "/start")  # opens the private chat before the bot runs
    for _ in range(2):
        app = await start_netra(tg, config)
        try:
            await tg.wait_for(
                lambda m: m["chat"]["id"] == ADMIN and "terlambat" in m.get("text", ""),
                timeout=10,
                since=0,
            )
            await tg.wait_for(
                lambda m: m["chat"]["id"] == ADMIN and "document" in m, timeout=10, since=0
            )
        finally:
            await stop_netra(app)
    photos = [m for m in tg.sent if m["chat"]["id"] == ADMIN and "photo" in m]
    assert len(photos) == 1
    end = at.replace(second=0, microsecond=0)
    assert f"– {end:%d-%m-%Y %H:%M} WIB" in photos[0]["caption"]
