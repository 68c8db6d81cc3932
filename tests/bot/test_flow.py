"""A reporter's screenshot becomes a ticket, a moderator card, a decision and an outcome."""

from __future__ import annotations

import re

from bot.fake_telegram import buttons, contains
from tests.bot.conftest import MOD_CHAT, MODERATORS, Netra
from tests.synth import StorySpec, render_story

SUPPORT = StorySpec(
    platform="whatsapp",
    poster="Pak Agus Kel. Bacang",
    age="Kemarin 21.00",
    lines=["Coblos No. 3", "#YudaPasti"],
    background="solid",
    bg_colors=((20, 120, 90), (20, 120, 90)),
    effect="plain",
)


def ticket_of(message: dict) -> int:
    match = re.search(r"#(\d+)", message["text"])
    assert match, message["text"]
    return int(match.group(1))


async def test_photo_to_ticket_to_card_to_decision_to_outcome(netra: Netra) -> None:
    tg = netra.tg
    reporter = tg.user(1001, "Warga")
    tg.send_photo(reporter, render_story(SUPPORT))
    ack = await tg.wait_for(contains("diterima", chat_id=1001))
    ticket = ticket_of(ack)

    card = await tg.wait_for(lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, timeout=30)
    caption = card["caption"]
    assert "Kasus #" in caption and "DITANDAI" in caption
    assert "Agus Prasetyo" in caption and "19751104 200003 1 007" in caption
    assert "Paslon: 03" in caption
    assert "Warga" not in caption and "1001" not in caption  # the reporter stays pseudonymous
    labels = [label for label, _ in buttons(card)]
    assert labels == ["✅ Setujui", "❌ Tolak", "👤 Orang lain", "❓ Perlu info"]

    moderator = tg.user(MODERATORS[0], "Moderator Satu")
    approve = dict(buttons(card))["✅ Setujui"]
    tg.press_button(moderator, card, approve)
    edited = await tg.wait_for(contains("Disetujui oleh Moderator Satu", chat_id=MOD_CHAT))
    assert not buttons(edited)
    outcome = await tg.wait_for(contains("dikonfirmasi", chat_id=1001))
    assert f"#{ticket}" in outcome["text"]

    tg.send_text(reporter, f"/status {ticket}")
    status = await tg.wait_for(contains(f"#{ticket}", chat_id=1001))
    assert "ditindaklanjuti" in status["text"]


def test_card_caption_stays_within_telegram_limit_with_long_roster_fields() -> None:
    """A roster with very long names and units must not make the card unsendable."""
    from datetime import UTC, datetime

    from bot import cards
    from rules.election import parse_election
    from store import AsnSnapshot, CaseDetail
    from tests.conftest import ELECTION_TOML

    long = "Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil " * 4
    case = CaseDetail(
        case_id=7, state="flagged", sha256="a" * 64, phash=None, image_path="x", created_at=datetime.now(UTC),
        analysed_at=None, verdict={"evidence": [{"candidate": 1, "rule": f"r{i}", "matched": "x" * 60, "weight": 0.9} for i in range(9)]},
        platform="instagram", poster_kind="username", poster_text="u" * 200, seen_text="5 j",
        asn=AsnSnapshot("197002172001062406", "Prof. Dr. " + "Nama Sangat Panjang " * 10, long, long, long, 0.9),
        alternatives=[{"nama": "Alternatif " * 20}] * 5, candidate=1, support_confidence=0.9, score=0.8,
        reasons=[], ocr_text="", decided_by=None, decided_at=None, decision_note=None,
        moderator_chat_id=None, moderator_message_id=None, attempts=1, files_deleted_at=None,
        reporters=3, submissions=3, reporter_ids=(1, 2, 3), tickets=(1, 2, 3),
    )  # fmt: skip
    text = cards.caption(case, parse_election(ELECTION_TOML), outcome="✅ Disetujui oleh X")
    assert len(text) <= cards.CAPTION_LIMIT
    assert text.startswith("<b>Kasus #7</b>") and text.endswith("Disetujui oleh X")
    assert text.count("<b>") == text.count("</b>")
