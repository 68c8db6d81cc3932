"""Reporters: tickets for photos, files, albums and forwards; duplicates; bad input; limits."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from PIL import Image

import store
from bot.fake_telegram import FakeTelegram, contains
from tests.bot.conftest import Netra, make_config, start_netra, stop_netra
from tests.synth import StorySpec, render_story

STORY = StorySpec(
    platform="instagram",
    poster="zulkifli.hrp",
    age="5 j",
    lines=["Salam tiga jari", "YUDA yg terbaik"],
    background="photo",
    photo="chelsea",
    photo_dim=0.3,
)


def recompressed(data: bytes, quality: int = 55, crop: float = 0.0) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    if crop:
        dx, dy = int(image.width * crop), int(image.height * crop)
        image = image.crop((dx, dy, image.width - dx, image.height - dy))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def tickets(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"#(\d+)", text)]


async def test_start_help_and_text_get_indonesian_answers(netra: Netra) -> None:
    tg = netra.tg
    user = tg.user(2001)
    tg.send_text(user, "/start")
    start = await tg.wait_for(contains("tangkapan layar", chat_id=2001))
    assert "identitas" in start["text"].lower()
    tg.send_text(user, "halo, ini ada ASN kampanye")
    await tg.wait_for(contains("hanya memproses", chat_id=2001))
    tg.send_text(user, "/status")
    await tg.wait_for(contains("belum memiliki laporan", chat_id=2001))


async def test_same_screenshot_from_many_reporters_is_one_case(netra: Netra) -> None:
    tg = netra.tg
    data = render_story(STORY)
    tg.send_photo(tg.user(2001), data)
    first = await tg.wait_for(contains("diterima", chat_id=2001))
    tg.send_photo(tg.user(2002), data, forward_from=tg.user(2001))  # exact copy, forwarded
    second = await tg.wait_for(contains("diterima", chat_id=2002))
    assert "sudah dilaporkan" in second["text"] and "2 pelapor" in second["text"]
    await netra.drained()
    tg.send_document(tg.user(2003), recompressed(data), "story.jpg", "image/jpeg")  # near copy
    third = await tg.wait_for(contains("diterima", chat_id=2003))
    await netra.drained()  # merged into the first case once its content is known to agree
    ids = [tickets(m["text"])[0] for m in (first, second, third)]
    assert len(set(ids)) == 3  # every reporter gets their own ticket…
    case_ids = set()
    for user_id, ticket in zip((2001, 2002, 2003), ids, strict=True):
        (status,) = await store.tickets_of(netra.services.db, user_id, [ticket])
        case_ids.add(status.case_id)
    assert len(case_ids) == 1  # …for one case
    detail = await store.get_case(netra.services.db, case_ids.pop())
    assert detail is not None and detail.reporters == 3
    cards = [m for m in tg.messages_to(-1001000000001) if "photo" in m]
    assert len(cards) <= 1  # one card for the story, not one per copy


async def test_different_stories_on_the_same_background_stay_separate(netra: Netra) -> None:
    tg = netra.tg
    base = StorySpec(platform="whatsapp", age="Kemarin 10.00", background="solid",
                     bg_colors=((30, 30, 30), (30, 30, 30)), effect="plain")  # fmt: skip
    one = replace(base, poster="Pak Agus Kel. Bacang", lines=["Coblos No. 3"])
    two = replace(base, poster="+62 852-7700-1234", lines=["Coblos No. 2"])
    tg.send_photo(tg.user(2011), render_story(one))
    await tg.wait_for(contains("diterima", chat_id=2011))
    tg.send_photo(tg.user(2012), render_story(two))
    await tg.wait_for(contains("diterima", chat_id=2012))
    await netra.drained()
    (a,) = await store.tickets_of(netra.services.db, 2011)
    (b,) = await store.tickets_of(netra.services.db, 2012)
    assert a.case_id != b.case_id


async def test_album_gets_one_reply_with_a_ticket_per_image(netra: Netra) -> None:
    tg = netra.tg
    images = [
        render_story(
            StorySpec(
                lines=[f"Foto ke-{i}", "Selamat pagi"],
                background="gradient",
                bg_colors=((10 * i, 40, 90), (200, 90, 10 * i)),
            )
        )
        for i in range(3)
    ]
    tg.send_album(tg.user(2101), images)
    reply = await tg.wait_for(contains("gambar diterima", chat_id=2101))
    assert len(tickets(reply["text"])) == 3
    await netra.drained()
    replies = [m for m in tg.messages_to(2101) if "diterima" in (m.get("text") or "")]
    assert len(replies) == 1


async def test_an_album_slower_to_store_than_the_wait_still_gets_one_reply(  # type: ignore[no-untyped-def]
    tg: FakeTelegram, tmp_path
) -> None:
    """Each photo of an album is downloaded and stored before it is counted: with a wait
    shorter than that (a large download, a busy machine), the reply still waits for every
    photo that arrived, and one reply names all three tickets."""
    config = make_config(tmp_path, tg, album_wait_seconds=0.01)
    app = await start_netra(tg, config)
    try:
        images = [
            render_story(StorySpec(lines=[f"Album {i}"], bg_colors=((60 * i, 90, 20),) * 2))
            for i in range(3)
        ]
        tg.send_album(tg.user(2111), images)
        reply = await tg.wait_for(contains("gambar diterima", chat_id=2111))
        assert len(tickets(reply["text"])) == 3, reply["text"]
        await Netra(tg, app, config).drained()
        replies = [m for m in tg.messages_to(2111) if "diterima" in (m.get("text") or "")]
        assert len(replies) == 1
    finally:
        await stop_netra(app)


async def test_reporter_sees_only_their_own_tickets(netra: Netra) -> None:
    tg = netra.tg
    tg.send_photo(tg.user(2201), render_story(STORY))
    ticket = tickets((await tg.wait_for(contains("diterima", chat_id=2201)))["text"])[0]
    tg.send_text(tg.user(2202), f"/status {ticket}")
    await tg.wait_for(contains("tidak ditemukan", chat_id=2202))


async def test_bad_files_get_clear_messages_and_nothing_is_stored(netra: Netra) -> None:
    tg = netra.tg
    user = tg.user(2301)
    tg.send_document(user, b"%PDF-1.7\n%%EOF\n", "bukti.pdf", "application/pdf")
    await tg.wait_for(contains("PDF", chat_id=2301))
    good = render_story(STORY)
    tg.send_document(user, good[: len(good) // 2], "potong.jpg", "image/jpeg")
    await tg.wait_for(contains("rusak", chat_id=2301))
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")
    tg.send_document(user, bomb.getvalue(), "bom.png", "image/png")
    await tg.wait_for(contains("terlalu besar", chat_id=2301))
    gif = io.BytesIO()
    frames = [Image.new("RGB", (300, 500), c) for c in ("red", "blue")]
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:])
    tg.send_document(user, gif.getvalue(), "anim.gif", "image/gif")
    await tg.wait_for(contains("animasi", chat_id=2301))
    assert await store.tickets_of(netra.services.db, 2301) == []


async def test_rate_limit_is_answered_politely(tg: FakeTelegram, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = await start_netra(tg, make_config(tmp_path, tg, rate_limit_per_hour=2))
    try:
        user = tg.user(2401)
        for i in range(3):
            tg.send_photo(
                user,
                render_story(
                    StorySpec(lines=[f"Status {i}"], bg_colors=((i * 70, 20, 20), (i * 70, 20, 20)))
                ),
            )
            await tg.wait_for(lambda m: m["chat"]["id"] == 2401)
        texts = [m["text"] for m in tg.messages_to(2401)]
        assert sum("diterima" in x for x in texts) == 2
        assert "batas 2" in texts[-1]
    finally:
        await stop_netra(app)
