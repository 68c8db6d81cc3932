"""Moderators: concurrent presses, another person, needs info, authorisation, queue and case."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

import store
from bot.fake_telegram import buttons, contains
from store.models import AuditLog
from tests.bot.conftest import ADMIN, MOD_CHAT, MODERATORS, Netra
from tests.synth import StorySpec, render_story

NAMESAKE = StorySpec(
    platform="whatsapp",
    poster="Budi Santoso",  # two Budi Santoso on the roster, no unit hint: review
    age="Kemarin 19.00",
    lines=["Salam dua jari ✌️", "#BaraJuara"],
    background="solid",
    bg_colors=((60, 60, 140), (60, 60, 140)),
    effect="plain",
)
FLAGGED = StorySpec(
    platform="instagram",
    poster="siti.aminah88",
    age="2 j",
    lines=["Coblos No. 1", "#HendraWulanMenang"],
    background="gradient",
    font="lato_black",
)


async def _card(netra: Netra, spec: StorySpec, user_id: int = 1001) -> dict:
    tg = netra.tg
    tg.send_photo(tg.user(user_id), render_story(spec))
    await tg.wait_for(contains("diterima", chat_id=user_id))
    return await tg.wait_for(lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, timeout=30)


async def test_two_moderators_pressing_at_once_get_one_decision(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    payloads = dict(buttons(card))
    first, second = tg.user(MODERATORS[0], "Satu"), tg.user(MODERATORS[1], "Dua")
    tg.press_button(first, card, payloads["✅ Setujui"])
    tg.press_button(second, card, payloads["❌ Tolak"])
    await tg.wait_for(lambda m: m["chat"]["id"] == MOD_CHAT and "oleh" in (m.get("caption") or ""))
    for _ in range(100):
        if len(tg.callback_answers) >= 2:
            break
        await asyncio.sleep(0.05)
    answers = [a.get("text", "") for a in tg.callback_answers]
    assert sum("sudah diputuskan" in a for a in answers) == 1, answers
    told = next(a for a in answers if "sudah diputuskan" in a)
    assert "oleh Satu" in told or "oleh Dua" in told  # the loser learns who decided
    case_id = int(card["caption"].split("#")[1].split()[0])
    detail = await store.get_case(netra.services.db, case_id)
    assert detail is not None and detail.state in ("approved", "rejected")
    decisions = [
        e
        for e in await store.audit_of(netra.services.db, case_id)
        if e.to_state in ("approved", "rejected")
    ]
    assert len(decisions) == 1
    # A repeated press after the decision only tells who decided.
    final = tg.messages_to(MOD_CHAT)[-1]
    assert not buttons(final)


async def test_another_person_is_chosen_among_the_alternatives(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, NAMESAKE)
    assert "PERLU DITINJAU" in card["caption"]
    moderator = tg.user(MODERATORS[0], "Satu")
    tg.press_button(moderator, card, dict(buttons(card))["👤 Orang lain"])
    menu = await tg.wait_for(
        lambda m: m["chat"]["id"] == MOD_CHAT and any("Bukan ASN" in b for b, _ in buttons(m))
    )
    options = buttons(menu)
    budi = [(label, data) for label, data in options if "Budi Santoso" in label]
    assert budi, options
    tg.press_button(moderator, menu, budi[0][1])
    done = await tg.wait_for(contains("Disetujui oleh Satu", chat_id=MOD_CHAT))
    assert "Budi Santoso" in done["caption"]
    case_id = int(done["caption"].split("#")[1].split()[0])
    detail = await store.get_case(netra.services.db, case_id)
    assert detail is not None and detail.state == "approved"
    assert detail.asn is not None and detail.asn.nip in ("199001052015031004", "199107072016041005")


async def test_needs_info_keeps_approve_and_reject_for_later(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    moderator = tg.user(MODERATORS[0], "Satu")
    tg.press_button(moderator, card, dict(buttons(card))["❓ Perlu info"])
    asked = await tg.wait_for(contains("Perlu info oleh Satu", chat_id=MOD_CHAT))
    await tg.wait_for(contains("informasi tambahan", chat_id=1001))
    tg.press_button(moderator, asked, dict(buttons(asked))["❌ Tolak"])
    await tg.wait_for(contains("Ditolak oleh Satu", chat_id=MOD_CHAT))
    await tg.wait_for(contains("tidak ditindaklanjuti", chat_id=1001))


async def test_outsiders_cannot_decide_and_forged_payloads_are_refused(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    approve = dict(buttons(card))["✅ Setujui"]
    tg.press_button(tg.user(7777, "Penyusup"), card, approve)
    await asyncio.sleep(0.5)
    assert "tidak berwenang" in tg.callback_answers[-1].get("text", "")
    # Same payload pointing at another case, with the MAC of the original: refused.
    forged = approve.replace(approve.split(":")[1], str(int(approve.split(":")[1]) + 1), 1)
    card["reply_markup"]["inline_keyboard"][0][0]["callback_data"] = forged
    tg._messages[MOD_CHAT][card["message_id"]]["reply_markup"] = card[
        "reply_markup"
    ]  # a tampered client
    tg.press_button(tg.user(MODERATORS[0], "Satu"), card, forged)
    await asyncio.sleep(0.5)
    assert "tidak valid" in tg.callback_answers[-1].get("text", "")
    case_id = int(card["caption"].split("#")[1].split()[0])
    detail = await store.get_case(netra.services.db, case_id)
    assert detail is not None and detail.state == "flagged"


async def test_queue_and_case_for_moderators_only(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    case_id = int(card["caption"].split("#")[1].split()[0])
    outsider = tg.user(8888, "Orang")
    tg.send_text(outsider, "/queue")
    await tg.wait_for(contains("tidak berwenang", chat_id=8888))
    moderator = tg.user(MODERATORS[1], "Dua")
    tg.send_text(moderator, "/queue")
    listing = await tg.wait_for(contains("Antrean", chat_id=MODERATORS[1]))
    assert f"#{case_id}" in listing["text"] and "Siti Aminah" in listing["text"]
    tg.send_text(moderator, f"/case {case_id}")
    shown = await tg.wait_for(lambda m: m["chat"]["id"] == MODERATORS[1] and "photo" in m)
    assert f"Kasus #{case_id}" in shown["caption"] and buttons(shown)


async def test_non_admins_cannot_block_or_reveal(netra: Netra) -> None:
    tg = netra.tg
    moderator = tg.user(MODERATORS[0], "Satu")
    tg.send_text(moderator, "/block 1")
    await tg.wait_for(contains("hanya untuk admin", chat_id=MODERATORS[0]))
    tg.send_text(moderator, "/reveal 1 permintaan polisi")
    await tg.wait_for(contains("hanya untuk admin", chat_id=MODERATORS[0]))


async def test_admin_blocks_and_reveals_a_reporter_with_an_audit_trail(netra: Netra) -> None:
    tg = netra.tg
    reporter = tg.user(1234, "Pelapor")
    tg.send_photo(reporter, render_story(FLAGGED))
    await tg.wait_for(contains("diterima", chat_id=1234))
    reporter_id = (await store.get_or_create_reporter(netra.services.db, 1234)).id
    admin = tg.user(ADMIN, "Admin")
    tg.send_text(admin, f"/reveal {reporter_id} surat permintaan Bawaslu 12/2024")
    revealed = await tg.wait_for(contains("Identitas Pelapor", chat_id=ADMIN))
    assert "1234" in revealed["text"]
    tg.send_text(admin, f"/block {reporter_id}")
    await tg.wait_for(contains("diblokir", chat_id=ADMIN))
    tg.send_photo(reporter, render_story(NAMESAKE))
    await tg.wait_for(contains("tidak dapat diterima", chat_id=1234))
    async with netra.services.db() as session:
        rows = (
            await session.scalars(select(AuditLog).where(AuditLog.action == "reveal_reporter"))
        ).all()
    assert len(rows) == 1 and rows[0].actor == f"tg:{ADMIN}" and "Bawaslu" in (rows[0].note or "")


async def test_admin_archives_an_approved_case_keeping_its_record(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    case_id = int(card["caption"].split("#")[1].split()[0])
    admin = tg.user(ADMIN, "Admin")
    tg.send_text(admin, f"/archive {case_id}")
    await tg.wait_for(contains("tidak dapat diarsipkan", chat_id=ADMIN))  # not approved yet
    tg.press_button(tg.user(MODERATORS[0], "Satu"), card, dict(buttons(card))["✅ Setujui"])
    await tg.wait_for(contains("Disetujui oleh", chat_id=MOD_CHAT))
    detail = await store.get_case(netra.services.db, case_id)
    assert detail is not None
    image = netra.services.files.root / detail.image_path
    assert image.exists()
    tg.send_text(admin, f"/archive {case_id}")
    await tg.wait_for(contains("diarsipkan: 1 berkas", chat_id=ADMIN))
    assert not image.exists()
    after = await store.get_case(netra.services.db, case_id)
    assert after is not None and after.state == "approved" and after.sha256 == detail.sha256
    assert any(e.action == "archived" for e in await store.audit_of(netra.services.db, case_id))


async def test_moderator_can_rerun_the_analysis_of_an_undecided_case(netra: Netra) -> None:
    tg = netra.tg
    card = await _card(netra, FLAGGED)
    case_id = int(card["caption"].split("#")[1].split()[0])
    moderator = tg.user(MODERATORS[0], "Satu")
    tg.send_text(moderator, f"/reanalyse {case_id}")
    await tg.wait_for(contains("dianalisis ulang", chat_id=MODERATORS[0]))
    again = await tg.wait_for(lambda m: m["chat"]["id"] == MOD_CHAT and "photo" in m, timeout=30)
    assert f"Kasus #{case_id}" in again["caption"] and again["message_id"] != card["message_id"]
    actions = [e.action for e in await store.audit_of(netra.services.db, case_id)]
    assert "reanalyse" in actions
    tg.press_button(moderator, again, dict(buttons(again))["❌ Tolak"])
    await tg.wait_for(contains("Ditolak oleh Satu", chat_id=MOD_CHAT))
    tg.send_text(moderator, f"/reanalyse {case_id}")
    await tg.wait_for(contains("tidak dapat dianalisis ulang", chat_id=MODERATORS[0]))
    tg.send_text(tg.user(8800, "Orang"), f"/reanalyse {case_id}")
    await tg.wait_for(contains("tidak berwenang", chat_id=8800))
