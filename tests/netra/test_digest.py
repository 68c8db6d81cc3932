"""The digest as admins read it (`netra.digest`): text, message splitting, caption and chart,
from the seeded database of `tests.seeding`."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import store
from netra import digest
from tests.seeding import NOW, D, StubServices

JAKARTA = ZoneInfo("Asia/Jakarta")


async def report(svc: StubServices) -> store.DigestReport:
    return await store.digest_report(svc.db, start=NOW - D, end=NOW, deadline_days=7, warn_days=3)


async def test_digest_text(seeded: StubServices) -> None:
    r = await report(seeded)
    lines = digest.digest_lines(r, tz=JAKARTA, election=seeded.election)
    text = "\n".join(lines)
    assert "periode: 24-11-2026 07:00 – 25-11-2026 07:00 WIB" in text
    # What a coordinator acts on comes first.
    assert text.index("Antrean moderator: 2 kasus") < text.index("Periode ini")
    assert f"Kasus #{seeded.cases['c6']}</b>, menunggu <b>40 jam" in text
    assert "Disetujui: 2</b> dalam periode ini · 3 total" in text
    assert f"Kasus #{seeded.cases['c3']} — Budi Santoso (Bappeda): sisa <b>2 hari 0 jam" in text
    assert "Tangkapan layar diterima: 6 (12)" in text
    assert "Pelapor berbeda: 3 (3)" in text
    assert "Dinas Kesehatan: 2 (+2)" in text
    assert "02 Bambang Sutejo – Rahmat Hidayat: 2 (+2)" in text
    assert "NIP <code>199001052015031004</code>" in text
    assert "<code>501</code>: 2 · 3 · 8 jam" in text
    from bot.fake_telegram import parse_html

    for message in digest.split_messages(lines):
        assert len(message) <= 4096
        parse_html(message)  # valid Telegram HTML
    cap = digest.chart_caption(r, JAKARTA)
    assert len(cap) <= 1024 and "Antrean: 2 kasus (terlama 40 jam)" in cap


def test_split_messages_respects_limit() -> None:
    lines = [f"• baris {i} " + "x" * 90 for i in range(200)]
    parts = digest.split_messages(lines)
    assert len(parts) > 1
    assert all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == "\n".join(lines)


async def test_chart_renders_png(seeded: StubServices) -> None:
    r = await report(seeded)
    days = await store.cases_per_day(seeded.db, tz=JAKARTA, until=NOW)
    assert sum(d.count for d in days) == 11
    # c8 (NOW-1h = 25-11 06:00 WIB) is on the 25th local, though the 24th in UTC.
    assert any(d.day.isoformat() == "2026-11-25" and d.state == "new" for d in days)
    png = digest.render_chart(days, r.approved_by_unit)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG"
    assert 800 <= img.width <= 1200 and 700 <= img.height <= 1000
    assert 10_000 < len(png) < 1_000_000
    empty = digest.render_chart([], [])
    assert Image.open(io.BytesIO(empty)).format == "PNG"
