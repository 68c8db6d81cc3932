"""The fake Bot API driven by the real python-telegram-bot Application (polling)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from PIL import Image
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, EndPointNotFound, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.fake_telegram import FakeTelegram, buttons, contains

GROUP = -1001234567890


def png(width: int = 720, height: int = 1280) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 60)).save(buf, "PNG")
    return buf.getvalue()


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(f"echo: {update.message.text}")


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Setuju", callback_data="ok:7"),
                InlineKeyboardButton("Tolak", callback_data="no:7"),
            ]
        ]
    )
    await context.bot.send_message(
        GROUP, "<b>Kasus #7</b> perlu ditinjau", parse_mode=ParseMode.HTML, reply_markup=markup
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer(f"dipilih {query.data}")
    await query.edit_message_text(f"Kasus #7: {query.data} oleh {query.from_user.first_name}")


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    file = await update.message.photo[-1].get_file()
    data = await file.download_as_bytearray()
    largest = update.message.photo[-1]
    await update.message.reply_text(f"size {len(data)} {largest.width}x{largest.height}")


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        fake.group(GROUP)
        yield fake


@pytest.fixture
async def app(tg: FakeTelegram) -> AsyncIterator[Application]:
    application = (
        Application.builder()
        .token(tg.token)
        .base_url(f"{tg.url}/bot")
        .base_file_url(f"{tg.url}/file/bot")
        .build()
    )
    application.add_handler(CommandHandler("ask", ask))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.PHOTO, on_photo))
    application.add_handler(CallbackQueryHandler(on_button))
    await application.initialize()
    await application.start()
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


async def test_polling_echo_and_commands(tg: FakeTelegram, app: Application) -> None:
    alice = tg.user(1001, "Alice")
    tg.send_text(alice, "halo")
    reply = await tg.wait_for(contains("echo: halo"), timeout=5)
    assert reply["chat"] == {"id": 1001, "type": "private", "first_name": "Alice"}
    assert "reply_to_message" not in reply  # PTB 22 reply_text() only quotes in groups
    assert tg.messages_to(1001)[-1]["text"] == "echo: halo"
    # PTB's polling: getMe, deleteWebhook, then getUpdates with a JSON-ish form encoding
    names = [name for name, _ in tg.calls]
    assert names[:2] == ["getMe", "deleteWebhook"]
    polls = [params for name, params in tg.calls if name == "getUpdates"]
    assert polls[0]["timeout"] == "1"  # form-encoded: every value arrives as a string

    tg.send_text(alice, "/ask")
    case = await tg.wait_for(contains("perlu ditinjau", chat_id=GROUP), timeout=5)
    assert case["text"] == "Kasus #7 perlu ditinjau"  # HTML parsed away, like Telegram
    assert case["entities"] == [{"type": "bold", "offset": 0, "length": 8}]
    assert buttons(case) == [("Setuju", "ok:7"), ("Tolak", "no:7")]


async def test_photo_download(tg: FakeTelegram, app: Application) -> None:
    image = png()
    update = tg.send_photo(tg.user(1002), image, caption="lapor")
    sizes = update["message"]["photo"]
    assert [(s["width"], s["height"]) for s in sizes][-1] == (720, 1280)
    assert sizes[0]["width"] <= 90 and len(sizes) == 4
    reply = await tg.wait_for(contains("size"), timeout=5)
    assert reply["text"] == f"size {len(image)} 720x1280"
    assert tg.file_bytes(sizes[-1]["file_id"]) == image


async def test_buttons_answers_and_edits(tg: FakeTelegram, app: Application) -> None:
    mod = tg.user(2001, "Moderator")
    tg.send_text(mod, "/ask")
    case = await tg.wait_for(contains("perlu ditinjau"), timeout=5)
    pressed = tg.press_button(mod, case, "ok:7")
    edited = await tg.wait_for(lambda m: m["_method"] == "editMessageText", timeout=5)
    assert edited["text"] == "Kasus #7: ok:7 oleh Moderator"
    assert "reply_markup" not in edited  # editing without reply_markup removes the keyboard
    assert tg.callback_answers[0]["text"] == "dipilih ok:7"
    assert tg.messages_to(GROUP)[0]["text"] == edited["text"]
    with pytest.raises(ValueError, match="no button"):
        tg.press_button(mod, case, "no:7")  # the keyboard is gone now

    # answering twice fails like Telegram
    with pytest.raises(BadRequest, match="Query is too old"):
        await app.bot.answer_callback_query(pressed["callback_query"]["id"])
    # identical edit -> "message is not modified"
    with pytest.raises(BadRequest, match="Message is not modified"):
        await app.bot.edit_message_text(
            edited["text"], chat_id=GROUP, message_id=case["message_id"]
        )
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await app.bot.edit_message_text("x", chat_id=GROUP, message_id=999)


# PTB 22 itself warns that RetryAfter.retry_after will become a timedelta (unless PTB_TIMEDELTA=1)
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_limits_and_errors(tg: FakeTelegram, app: Application) -> None:
    bot = app.bot
    tg.send_text(tg.user(3001), "hai")  # opens the private chat
    await tg.wait_for(contains("echo"), timeout=5)

    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(3001, "x" * 4097)
    ok = await bot.send_message(3001, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    assert len(ok.text) == 4096
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(3001, png(40, 40), caption="y" * 1025)
    for bad in ("<foo>x</foo>", "<b>x", "a < b", "Tom & Jerry", "<span>x</span>", "<b>x</i>"):
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(3001, bad, parse_mode=ParseMode.HTML)
    good = '<a href="https://x.org/?a=1&amp;b=2">l</a> &lt;3 &#128512; <pre><code class="language-py">p</code></pre>'
    with pytest.raises(BadRequest, match=r"character '\.' is reserved"):
        await bot.send_message(3001, "Kasus 7.", parse_mode=ParseMode.MARKDOWN_V2)
    md = await bot.send_message(3001, r"*Kasus* \#7\.", parse_mode=ParseMode.MARKDOWN_V2)
    assert md.text == "Kasus #7."
    msg = await bot.send_message(3001, good, parse_mode=ParseMode.HTML)
    assert msg.text == "l <3 😀 p"
    assert msg.entities[-1].type == "pre" and msg.entities[-1].language == "py"

    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(
            3001,
            "k",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("b", callback_data="z" * 65)]]
            ),
        )
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(-100999, "hello?")
    tg.user(3002)
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(3002, "hi")

    tg.fail_next("sendMessage")
    with pytest.raises(RetryAfter, match="Retry in 1 seconds"):
        await bot.send_message(3001, "flood")
    tg.fail_next("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat")
    with pytest.raises(Forbidden, match="kicked"):
        await bot.send_message(GROUP, "x")
    await bot.send_message(GROUP, "works again")

    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendHologram", api_kwargs={"chat_id": 3001})
    assert tg.calls[-1][0] == "sendHologram"

    # the bot re-sends an uploaded photo by file_id; tests can read uploads
    sent = await bot.send_photo(GROUP, png(100, 50))
    again = await bot.send_photo(GROUP, sent.photo[-1].file_id, caption="lagi")
    assert again.photo[-1].file_unique_id == sent.photo[-1].file_unique_id
    assert tg.file_bytes(again.photo[-1].file_id)[:4] == b"\x89PNG"

    tg.chat_members[(GROUP, 3001)] = "administrator"
    member = await bot.get_chat_member(GROUP, 3001)
    assert member.status == "administrator"
    assert (await bot.get_chat_member(GROUP, 4242)).status == "left"
    assert (await bot.get_chat(GROUP)).title == "Moderator Netra"


async def test_getupdates_offset_and_long_poll() -> None:
    """Without PTB's Updater: offset confirmation and an injected update ending a long poll."""
    import asyncio

    from telegram import Bot

    async with FakeTelegram() as tg:  # noqa: SIM117 (Bot needs tg.url, known after start)
        async with Bot(
            tg.token, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot"
        ) as bot:
            u = tg.user(5001)
            first = tg.send_text(u, "satu")["update_id"]
            tg.send_text(u, "dua")
            got = await bot.get_updates(timeout=0)
            assert [x.message.text for x in got] == ["satu", "dua"]
            assert [x.message.text for x in await bot.get_updates(offset=first + 1)] == ["dua"]
            assert await bot.get_updates(offset=first + 2, timeout=0) == ()

            loop = asyncio.get_running_loop()
            loop.call_later(0.2, tg.send_text, u, "tiga")
            t0 = loop.time()
            got = await bot.get_updates(offset=first + 2, timeout=5)
            assert [x.message.text for x in got] == ["tiga"]
            assert loop.time() - t0 < 2


async def test_media_group_documents_copy_and_raw_http(tg: FakeTelegram) -> None:
    """sendMediaGroup (multipart attach://), documents, copyMessage, album injection, raw HTTP."""
    import aiohttp
    from telegram import Bot, InputMediaPhoto

    async with Bot(tg.token, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot") as bot:
        warga = tg.user(6001, "Warga", username="warga1")
        album = tg.send_album(warga, [png(60, 80), png(80, 60)])
        assert len({u["message"]["media_group_id"] for u in album}) == 1
        doc = tg.send_document(
            warga, b"%PDF-1.4 ...", "bukti.pdf", "application/pdf", caption="pdf"
        )
        d = doc["message"]["document"]
        assert (d["file_name"], d["mime_type"], d["file_size"]) == (
            "bukti.pdf",
            "application/pdf",
            12,
        )
        f = await bot.get_file(d["file_id"])
        assert bytes(await f.download_as_bytearray()) == b"%PDF-1.4 ..."

        msgs = await bot.send_media_group(
            GROUP,
            [
                InputMediaPhoto(png(30, 30), caption="<i>a</i>", parse_mode="HTML"),
                InputMediaPhoto(album[0]["message"]["photo"][-1]["file_id"]),
            ],
        )
        assert [m.message_id for m in msgs] == [1, 2] and msgs[0].caption == "a"
        assert msgs[0].media_group_id == msgs[1].media_group_id

        sent_doc = await bot.send_document(
            GROUP, b"a,b\n1,2\n", filename="rekap.csv", caption="rekap"
        )
        assert sent_doc.document.file_name == "rekap.csv"
        assert tg.file_bytes(sent_doc.document.file_id) == b"a,b\n1,2\n"

        copied = await bot.copy_message(
            GROUP, 6001, album[0]["message"]["message_id"], caption="salinan"
        )
        stored = tg.messages_to(GROUP)[-1]
        assert stored["message_id"] == copied.message_id and stored["caption"] == "salinan"
        assert stored["photo"] == album[0]["message"]["photo"]

        edited = await bot.edit_message_caption(GROUP, msgs[0].message_id, caption="b")
        assert edited.caption == "b"
        with pytest.raises(BadRequest, match="There is no text in the message to edit"):
            await bot.edit_message_text("t", GROUP, msgs[0].message_id)
        kb = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x")]])
        await bot.edit_message_reply_markup(GROUP, msgs[0].message_id, reply_markup=kb)
        with pytest.raises(BadRequest, match="Message is not modified"):
            await bot.edit_message_reply_markup(GROUP, msgs[0].message_id, reply_markup=kb)
        assert await bot.delete_message(GROUP, msgs[1].message_id)
        with pytest.raises(BadRequest, match="Message to delete not found"):
            await bot.delete_message(GROUP, msgs[1].message_id)

        big = tg._store_file(b"\0" * (20 * 1024 * 1024 + 1), "document", file_name="big.zip")
        with pytest.raises(BadRequest, match="File is too big"):
            await bot.get_file(big["file_id"])

    async with aiohttp.ClientSession() as http:
        api = f"{tg.url}/bot{tg.token}"
        async with http.post(
            f"{api}/sendMessage", json={"chat_id": GROUP, "text": "json body"}
        ) as r:
            body = await r.json()
            assert body["ok"] and body["result"]["text"] == "json body"
        async with http.get(f"{api}/getMe") as r:
            assert (await r.json())["result"]["is_bot"] is True
        async with http.get(f"{tg.url}/bot1:wrong/getMe") as r:
            assert r.status == 401 and (await r.json())["description"] == "Unauthorized"
        async with http.post(f"{api}/fooBar") as r:
            assert r.status == 404
            assert (await r.json())["description"] == (
                "Not Found: method fooBar is not implemented by the fake"
            )


async def test_wait_for_timeout_lists_recent_messages(tg: FakeTelegram) -> None:
    from telegram import Bot

    async with Bot(tg.token, base_url=f"{tg.url}/bot") as bot:
        tg.send_text(tg.user(7001), "/start")
        await bot.send_message(GROUP, "something else")
        with pytest.raises(TimeoutError, match="something else"):
            await tg.wait_for(contains("never"), timeout=0.1)


async def test_faults_kill_points_flood_control_and_failed_first_attempts(
    tg: FakeTelegram, app: Application
) -> None:
    """The faults the fake plays (kill points, flood control, failed first attempts), seen from a plain python-telegram-bot client."""
    bot = app.bot
    alice = tg.user(1101, "Alice", last_name="B" * 64)
    update = tg.send_text(alice, "halo")
    await tg.wait_for(contains("echo: halo"), timeout=5)
    assert update["update_id"] in tg.delivered  # getUpdates handed the update out
    # kill points: before (the call is not carried out) and after (carried out, unanswered)
    fired: list[str] = []
    tg.on_call("sendMessage", 1, lambda: fired.append("before"))
    with pytest.raises(NetworkError):
        await bot.send_message(1101, "tidak terkirim")
    tg.on_call("sendMessage", 1, lambda: fired.append("after"), after=True)
    await bot.send_message(1101, "terkirim")
    assert fired == ["before", "after"]
    texts = [m["text"] for m in tg.messages_to(1101)]
    assert "terkirim" in texts and "tidak terkirim" not in texts
    # per-chat flood control: a burst, then 429 with retry_after for that chat only
    tg.flood_control(burst=2, per_second=0.5)
    await bot.send_message(1101, "1")
    await bot.send_message(1101, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(1101, "3")
    await bot.send_message(GROUP, "lain")  # another chat is not affected
    assert tg.flood_refusals == 1
    tg._flood = None
    # the first attempt of each distinct request fails; the same request again succeeds
    tg.fail_first_attempts({"sendMessage"}, code=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(1101, "sekali")
    await bot.send_message(1101, "sekali")
    tg.fail_first_attempts({"sendMessage"}, code=0)
    with pytest.raises(NetworkError):
        await bot.send_message(1101, "putus")
    await bot.send_message(1101, "putus")
    assert tg.failed_attempts == 2
    with pytest.raises(ValueError, match="64"):
        tg.user(1102, "x" * 65)
