"""The digest's numbers against a database seeded with known cases and decisions."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import store
from bot import digest
from tests.scheduler.conftest import NOW, D, H, StubServices

JAKARTA = ZoneInfo("Asia/Jakarta")


async def report(svc: StubServices) -> store.DigestReport:
    return await store.digest_report(svc.db, start=NOW - D, end=NOW, deadline_days=7, warn_days=3)


async def test_digest_numbers(seeded: StubServices) -> None:
    r = await report(seeded)
    c = seeded.cases
    assert (r.submissions_period, r.submissions_total) == (6, 12)
    assert (r.reporters_period, r.reporters_total) == (3, 3)
    assert (r.cases_period, r.cases_total) == (5, 11)
    assert {k: v for k, v in r.states_period.items() if v} == {
        "approved": 1,
        "rejected": 1,
        "flagged": 1,
        "clear": 1,
        "new": 1,
    }
    assert {k: v for k, v in r.states_total.items() if v} == {
        "approved": 3,
        "rejected": 3,
        "clear": 2,
        "flagged": 1,
        "review": 1,
        "new": 1,
    }
    assert r.decisions_period == {"approved": 2, "rejected": 1, "needs_info": 0}
    assert r.backlog == 2
    assert r.backlog_by_state == {"flagged": 1, "review": 1, "needs_info": 0}
    assert r.oldest_pending_case == c["c6"]
    assert r.oldest_pending_age == 40 * H
    assert r.awaiting_analysis == 1
    assert (r.approved_period, r.approved_total) == (2, 3)
    assert [(g.key, g.period, g.total) for g in r.approved_by_unit] == [
        ("Dinas Kesehatan", 2, 2),
        ("Bappeda", 0, 1),
    ]
    assert [(g.key, g.period, g.total) for g in r.approved_by_candidate] == [(1, 0, 1), (2, 2, 2)]
    assert [(a.nip, a.approved) for a in r.repeat_asns] == [("199001052015031004", 2)]
    mods = {m.actor: m for m in r.moderators}
    assert (mods["tg:501"].period, mods["tg:501"].total) == (2, 3)
    assert mods["tg:501"].median_seconds_period == (8 * H).total_seconds()
    assert (mods["tg:502"].period, mods["tg:502"].total) == (1, 3)
    assert mods["tg:502"].median_seconds_period == (5 * H).total_seconds()
    assert r.median_decision_seconds_period == (6 * H).total_seconds()
    assert r.median_decision_seconds_total == (5.5 * H).total_seconds()
    assert [(d.case_id, d.remaining) for d in r.deadlines] == [(c["c3"], 2 * D)]


async def test_period_bounds_exclude_later_activity(seeded: StubServices) -> None:
    """A report for an earlier period does not see what happened after its end."""
    r = await store.digest_report(seeded.db, start=NOW - 2 * D, end=NOW - D)
    assert r.cases_total == 6  # c1 (NOW-30h), c3, c6 (NOW-40h), c9, c10, c11
    assert r.approved_total == 3  # current state; c1/c2 are approved now
    assert r.decisions_period == {"approved": 0, "rejected": 0, "needs_info": 0}


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
    from tests.bot.fake_telegram import parse_html

    for message in digest.split_messages(lines):
        assert len(message) <= 4096
        parse_html(message)  # valid Telegram HTML
    cap = digest.caption(r, JAKARTA)
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
